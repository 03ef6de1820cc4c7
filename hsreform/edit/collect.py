"""`hsreform collect`: record what units returned on their 报送表 (`hsreform.views.forms`).

A returned workbook is untrusted input, read only through `hsreform.reading.sheets` (its limits on
size, unpacked size, rows and columns; formulas never evaluated). It is refused whole when
it is no form (no hidden `hsreform` sheet), a form of another version or another data set,
for a unit the data does not know, or when a `编号` was edited (a row whose key the form
did not write). Rows may come back in any order, with blank rows in between.

Each row is compared three ways: as the form wrote it (kept in the hidden sheet), as the
unit returned it, and as the data says now. Unchanged by the unit: nothing to do. As the
data already says: nothing to do (so a workbook collected twice records nothing the
second time). Changed by the unit while the data changed too since the form was made (the
office recorded something meanwhile): a conflict, listed with both values, not applied.
Otherwise the change is recorded through the edit every other command uses, dated as the
unit dated it: a state through `task start|done|block|reopen`, a requirement met through
`meet`, a person trained, leaving or joining through the roster edits, items through
`items import`. One workbook is one edit (`hsreform.edit.session.run`): checked before and
after, refused when it would bring an error, journalled as one `undo` step.

A cell that cannot be read is named `文件:工作表:行` with the reason; then nothing of that
workbook is written, unless `skip_bad` leaves out the rows with such cells.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hsreform.common.errors import HsreformError
from hsreform.common.findings import Finding
from hsreform.dataset.changes import Change
from hsreform.dataset.loader import Dataset, bundled_data_dir
from hsreform.dataset.records import ITEMS, TASKS, Status
from hsreform.edit import catalogue as edit_catalogue
from hsreform.edit import progress, roster, session
from hsreform.edit.roundtrip import Elided, WholeFileNeeded
from hsreform.reading.sheets import Cell, Sheet, read_sheets
from hsreform.views import forms

WANTED = (
    forms.SHEET_META,
    forms.SHEET_PROGRESS,
    forms.SHEET_REQUIREMENTS,
    forms.SHEET_STAFF,
    forms.SHEET_ITEMS,
)
_ISO = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")
VERB_OF = {"已完成": "done", "受阻": "block"}
STATUS_OF = {word: status for status, word in forms.STATE_WORDS.items()}
KIND_OF = {"task": "task", "goal": "goal", "duty": "duty"}


@dataclass(frozen=True)
class Returned:
    """A returned form as read: where it came from and its sheets."""

    display: str
    unit: str
    day: dt.date
    fingerprint: str
    originals: dict[str, dict[str, tuple[str, ...]]]
    sheets: dict[str, Sheet]


@dataclass(frozen=True)
class BadCell:
    """A row that cannot be recorded: `文件:工作表:行` and why."""

    display: str
    sheet: str
    row: int
    key: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Conflict:
    """A row the unit changed after the data changed too: both values, nothing applied."""

    sheet: str
    row: int
    key: str
    column: str
    data: str
    returned: str


@dataclass
class Collected:
    """What collecting one workbook does (or would do)."""

    returned: Returned
    name: str
    changes: list[Change] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    bad: list[BadCell] = field(default_factory=list)
    already: int = 0
    """Rows the unit changed that the data already says (collected before)."""


class BadCells(HsreformError):
    """Cells that cannot be read, and no `--skip-bad`: nothing of the workbook is written."""

    def __init__(self, collected: Collected) -> None:
        super().__init__("collect.bad_cells", n=len(collected.bad), path=collected.returned.display)
        self.collected = collected


def text_of(value: Cell) -> str:
    """A returned cell as `forms.cell_text` reads it; the apostrophe the form put before
    text that starts like a formula is taken off again."""
    out = forms.cell_text(value)
    if out.startswith("'") and out[1:2] in ("=", "+", "-", "@"):
        return out[1:]
    return out


def read_return(path: Path, display: str, ds: Dataset) -> Returned:
    """A returned form, refused whole (`HsreformError`) when it cannot be one for `ds`."""
    sheets = read_sheets(path, display, names=WANTED, missing_ok=True)  # 窗口人员 is optional
    meta = sheets.get(forms.SHEET_META)
    if meta is None or not meta.rows:
        raise HsreformError("collect.not_a_form", path=display)
    values: dict[str, str] = {}
    originals: dict[str, dict[str, tuple[str, ...]]] = {}
    for _, cells in meta.rows:
        words = [text_of(c) for c in cells]
        if len(words) >= 4 and words[0] == "row":
            try:
                row = json.loads(words[3])
            except ValueError:
                raise HsreformError("collect.not_a_form", path=display) from None
            if not isinstance(row, list) or not all(isinstance(v, str) for v in row):
                raise HsreformError("collect.not_a_form", path=display)
            originals.setdefault(words[1], {})[words[2]] = tuple(row)
        elif len(words) >= 2:
            values[words[0]] = words[1]
    if values.get("form") != str(forms.FORM_VERSION):
        raise HsreformError(
            "collect.version",
            path=display,
            found=values.get("form", ""),
            version=forms.FORM_VERSION,
        )
    if values.get("dataset") != forms.dataset_id(ds):
        raise HsreformError("collect.other_dataset", path=display)
    unit = values.get("unit", "")
    if unit not in ds.units:
        raise HsreformError("collect.unknown_unit", path=display, unit=unit)
    try:
        day = dt.date.fromisoformat(values.get("day", ""))
    except ValueError:
        raise HsreformError("collect.not_a_form", path=display) from None
    for name in (forms.SHEET_PROGRESS, forms.SHEET_REQUIREMENTS, forms.SHEET_ITEMS):
        if name not in sheets:
            raise HsreformError("collect.sheet_missing", path=display, sheet=name)
    return Returned(display, unit, day, values.get("fingerprint", ""), originals, sheets)


class _Bad(Exception):
    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def _date(value: Cell, column: str) -> dt.date | None:
    """A date cell (a real date, or text like 2020-06-15 / 2020年6月15日); None when empty."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = text_of(value)
    if not text:
        return None
    match = _ISO.match(text)
    if match is not None:
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            pass
    raise _Bad("collect.bad_date", column=column, value=text)


@dataclass
class _Rows:
    """A data sheet's rows under its header (row 1), by header; blank rows left out."""

    sheet: str
    columns: dict[str, int]
    rows: list[tuple[int, tuple[Cell, ...]]]

    def get(self, cells: tuple[Cell, ...], header: str) -> Cell:
        col = self.columns.get(header)
        return cells[col] if col is not None and col < len(cells) else None

    def texts(self, cells: tuple[Cell, ...], headers: Sequence[str]) -> tuple[str, ...]:
        return tuple(text_of(self.get(cells, h)) for h in headers)


def _rows(returned: Returned, name: str, headers: Sequence[str]) -> _Rows:
    sheet = returned.sheets[name]
    if not sheet.rows:
        raise HsreformError(
            "collect.header", path=returned.display, sheet=name, headers=list(headers)
        )
    _, head = sheet.rows[0]
    columns = {text_of(c): i for i, c in enumerate(head) if text_of(c)}
    missing = [h for h in headers if h not in columns]
    if missing:
        raise HsreformError("collect.header", path=returned.display, sheet=name, headers=missing)
    rows = [(n, cells) for n, cells in sheet.rows[1:] if any(text_of(c) for c in cells)]
    return _Rows(name, columns, rows)


def _keys(returned: Returned, rows: _Rows, key: Callable[[tuple[Cell, ...]], str]) -> None:
    """Refuse the workbook when a row's key is not one the form wrote (an edited 编号)."""
    known = returned.originals.get(rows.sheet, {})
    seen: set[str] = set()
    for number, cells in rows.rows:
        value = key(cells)
        if value not in known or value in seen:
            raise HsreformError(
                "collect.edited_id",
                place=f"{returned.display}:{rows.sheet}:{number}",
                value=value,
            )
        seen.add(value)


def _differs(
    sheet: str,
    number: int,
    key: str,
    headers: Sequence[str],
    data: Sequence[str],
    theirs: Sequence[str],
) -> list[Conflict]:
    return [
        Conflict(sheet, number, key, h, d, t)
        for h, d, t in zip(headers, data, theirs, strict=True)
        if d != t
    ]


# 任务进度 and 要求 ---------------------------------------------------------------------------

PROGRESS_EDITABLE = ("状态", "日期", "佐证", "备注")


@dataclass
class _ItemReturn:
    kind: str
    number: int
    row: int | None = None
    theirs: tuple[str, ...] | None = None
    cells: tuple[Cell, ...] = ()
    met: dict[str, tuple[int, dt.date]] = field(default_factory=dict)


def _split_id(value: str) -> tuple[str, int] | None:
    kind, _, number = value.partition("-")
    if kind not in KIND_OF or not number.isdigit():
        return None
    return kind, int(number)


def _compare(
    theirs: Sequence[str], original: Sequence[str], ours: Sequence[str] | None, moved: bool
) -> str:
    """'same' (unchanged by the unit), 'already' (the data says it), 'conflict' (the data
    changed too since the form), else 'apply'."""
    if list(theirs) == list(original):
        return "same"
    if ours is not None and list(theirs) == list(ours):
        return "already"
    if ours is None or moved or list(ours) != list(original):
        return "conflict"
    return "apply"


@dataclass(frozen=True)
class _Now:
    """The unit's rows as the data says now, and the keys whose rows changed since the form's day."""

    progress: dict[str, tuple[str, ...]]
    requirements: dict[str, tuple[str, ...]]
    moved: set[str]


def _now(ws: session.Workspace, returned: Returned) -> _Now:
    now = forms.forms(ws.dataset, ws.as_of, [returned.unit])[0]
    then = now
    if returned.day < ws.as_of:
        then = forms.forms(ws.dataset, returned.day, [returned.unit])[0]
    progress = {str(r[0]): forms.texts(r) for r in now.progress}
    requirements = {str(r[0]): forms.texts(r) for r in now.requirements}
    moved = {str(r[0]) for r in then.progress if progress.get(str(r[0])) != forms.texts(r)}
    moved |= {str(r[0]) for r in then.requirements if requirements.get(str(r[0])) != forms.texts(r)}
    return _Now(progress, requirements, moved)


def _progress_part(ws: session.Workspace, returned: Returned, out: Collected) -> list[Change]:
    now = _now(ws, returned)
    headers = forms.PROGRESS_HEADERS
    cols = [headers.index(h) for h in PROGRESS_EDITABLE]
    rows = _rows(returned, forms.SHEET_PROGRESS, headers)
    _keys(returned, rows, lambda cells: text_of(rows.get(cells, "编号")))
    req_rows = _rows(returned, forms.SHEET_REQUIREMENTS, forms.REQUIREMENT_HEADERS)
    _keys(returned, req_rows, lambda cells: text_of(req_rows.get(cells, "编号")))
    todo: dict[str, _ItemReturn] = {}
    for number, cells in rows.rows:
        key = text_of(rows.get(cells, "编号"))
        theirs = rows.texts(cells, headers)
        original = returned.originals[forms.SHEET_PROGRESS][key]
        ours = now.progress.get(key)
        pick = [theirs[i] for i in cols]
        mine = [ours[i] for i in cols] if ours else None
        verdict = _compare(pick, [original[i] for i in cols], mine, key in now.moved)
        out.already += verdict == "already"
        if verdict == "conflict":
            data = mine or [""] * len(cols)
            out.conflicts += _differs(rows.sheet, number, key, PROGRESS_EDITABLE, data, pick)
        parsed = _split_id(key)
        if verdict == "apply" and parsed is not None:
            todo[key] = _ItemReturn(*parsed, row=number, theirs=theirs, cells=cells)
    _requirement_rows(returned, req_rows, now, todo, out)
    changes: list[Change] = []
    for key, entry in todo.items():
        changes += _record_item(ws, returned, entry, key, rows, out)
    return changes


def _requirement_rows(
    returned: Returned, rows: _Rows, now: _Now, todo: dict[str, _ItemReturn], out: Collected
) -> None:
    headers = forms.REQUIREMENT_HEADERS
    for number, cells in rows.rows:
        key = text_of(rows.get(cells, "编号"))
        theirs = rows.texts(cells, headers)
        original = returned.originals[forms.SHEET_REQUIREMENTS][key]
        ours = now.requirements.get(key)
        mine = ours[4:] if ours else None
        verdict = _compare(theirs[4:], original[4:], mine, key in now.moved)
        out.already += verdict == "already"
        if verdict == "conflict":
            out.conflicts += _differs(
                rows.sheet, number, key, headers[4:], mine or ("", ""), theirs[4:]
            )
        if verdict != "apply":
            continue
        item_key, _, rid = key.partition("/")
        parsed = _split_id(item_key)
        try:
            if theirs[4] != forms.YES or original[4] == forms.YES:
                raise _Bad("collect.unmeet", column="已满足")
            on = _date(rows.get(cells, "满足日期"), "满足日期")
            if on is None:
                raise _Bad("collect.date_needed", column="满足日期")
        except _Bad as bad:
            out.bad.append(BadCell(returned.display, rows.sheet, number, bad.key, bad.params))
            continue
        if parsed is not None:
            todo.setdefault(item_key, _ItemReturn(*parsed)).met[rid] = (number, on)


def _record_item(
    ws: session.Workspace,
    returned: Returned,
    entry: _ItemReturn,
    key: str,
    rows: _Rows,
    out: Collected,
) -> list[Change]:
    """Record a task's row and its requirements' rows: the state first, then the days met."""
    changes: list[Change] = []
    original = returned.originals[forms.SHEET_PROGRESS].get(key)
    stated = False
    if entry.theirs is not None and original is not None and entry.row is not None:
        try:
            found, stated = _record_state(ws, returned, entry, rows, original)
            changes += found
        except _Bad as bad:
            out.bad.append(BadCell(returned.display, rows.sheet, entry.row, bad.key, bad.params))
            return changes
        except HsreformError as exc:
            reason = {"reason": exc.render("zh")}
            out.bad.append(
                BadCell(returned.display, rows.sheet, entry.row, "collect.refused", reason)
            )
            return changes
    if entry.met:
        try:
            changes += _record_met(ws, returned.unit, entry, stated)
        except HsreformError as exc:
            row = min(r for r, _ in entry.met.values())
            reason = {"reason": exc.render("zh")}
            out.bad.append(
                BadCell(returned.display, forms.SHEET_REQUIREMENTS, row, "collect.refused", reason)
            )
    return changes


def _record_state(
    ws: session.Workspace,
    returned: Returned,
    entry: _ItemReturn,
    rows: _Rows,
    original: tuple[str, ...],
) -> tuple[list[Change], bool]:
    """The row's new state through the progress edit (True), or its evidence and note."""
    assert entry.theirs is not None
    theirs, cells, unit = entry.theirs, entry.cells, returned.unit
    state = theirs[5]
    on = _date(rows.get(cells, "日期"), "日期")
    evidence = theirs[7] or None
    note = theirs[8] or None
    if state == original[5]:
        return _notes(ws, entry, unit, evidence, note, original), False
    if state not in forms.STATE_CHOICES:
        raise _Bad("collect.bad_choice", column="状态", value=state)
    if state == "未开始":
        raise _Bad("collect.not_back", column="状态")
    if on is None:
        raise _Bad("collect.date_needed", column="日期")
    old = STATUS_OF.get(original[5], Status.NOT_STARTED)
    verb = VERB_OF.get(state)
    if verb is None:  # 进行中
        verb = "reopen" if old in (Status.DONE, Status.EXEMPT) else "start"
    if verb == "block" and not note:
        raise _Bad("collect.block_note", column="备注")
    request = progress.Request(
        entry.kind, entry.number, [unit], verb, on, evidence=evidence, note=note
    )
    return progress.edit(request).apply(ws), True


def _record_met(ws: session.Workspace, unit: str, entry: _ItemReturn, stated: bool) -> list[Change]:
    """The requirements met, each on its day: through `meet` when the state stays, else
    written beside the state just recorded (the data set read before it does not know it)."""
    ds = ws.dataset
    if not stated:
        first = min(on for _, on in entry.met.values())
        request = progress.Request(
            entry.kind, entry.number, [unit], "meet", first, requirements=list(entry.met)
        )
        changes = progress.edit(request).apply(ws)
    else:
        labels = {
            r.id: r.label for r in progress.find_item(ds, entry.kind, entry.number)[1].requirements
        }
        params = {
            "kind": entry.kind,
            "number": entry.number,
            "unit": ds.units[unit].name,
            "labels": [labels.get(r, r) for r in entry.met],
        }
        changes = [Change("collect.met_on", TASKS, None, params)]
    mapping = _entry(ws, entry, unit)
    if mapping is not None:
        for rid, (_, on) in entry.met.items():
            progress._add_met(mapping, [rid], on)
    return changes


def _entry(ws: session.Workspace, entry: _ItemReturn, unit: str) -> Any:
    """The round-trip progress entry of `unit` on the item (None if it has none)."""
    index, _ = progress.find_item(ws.dataset, entry.kind, entry.number)
    editable = ws.file(TASKS, keep={progress.section_of(entry.kind): {index: {unit}}})
    node = editable.data[progress.section_of(entry.kind)][index]
    for mapping in node.get("progress") or []:
        if editable.unit_of(mapping) == unit:
            if isinstance(mapping, Elided):  # its unit was not named: the whole file
                raise WholeFileNeeded
            return mapping
    return None


def _notes(
    ws: session.Workspace,
    entry: _ItemReturn,
    unit: str,
    evidence: str | None,
    note: str | None,
    original: tuple[str, ...],
) -> list[Change]:
    """The state is as it was: only its evidence or note changed."""
    mapping = _entry(ws, entry, unit)
    if mapping is None:
        raise _Bad("collect.note_without_state", column="佐证")
    ds = ws.dataset
    changed = []
    for key, value, before in (("evidence", evidence, original[7]), ("note", note, original[8])):
        if (value or "") == before:
            continue
        if value is None:
            del mapping[key]
        elif key in mapping:
            mapping[key] = value
        else:
            anchor = next(
                k
                for k in ("note", "evidence", "reason", "met", "done_on", "since", "status")
                if k in mapping
            )
            mapping.insert(list(mapping).index(anchor) + 1, key, value)
        changed.append(key)
    if not changed:
        return []
    params = {
        "kind": entry.kind,
        "number": entry.number,
        "unit": ds.units[unit].name,
        "evidence": evidence or "",
        "note": note or "",
    }
    return [Change("collect.notes", TASKS, None, params)]


# 窗口人员 -------------------------------------------------------------------------------------


def staff_days(returned: Returned) -> list[dt.date]:
    """The days in the rows of a return's 窗口人员 sheet that differ from the form (the
    roster's rules are checked around them; an unchanged sheet needs no check)."""
    sheet = returned.sheets.get(forms.SHEET_STAFF)
    if sheet is None or not sheet.rows:
        return []
    originals = returned.originals.get(forms.SHEET_STAFF, {})
    _, head = sheet.rows[0]
    columns = [text_of(c) for c in head]
    order = [columns.index(h) if h in columns else None for h in forms.STAFF_HEADERS]
    days: list[dt.date] = []
    for _, cells in sheet.rows[1:]:
        row = tuple(cells[i] if i is not None and i < len(cells) else None for i in order)
        theirs = tuple(text_of(c) for c in row)
        if not any(theirs) or originals.get(forms.staff_key(theirs)) == theirs:
            continue
        days += [
            c.date() if isinstance(c, dt.datetime) else c for c in row if isinstance(c, dt.date)
        ]
    return days


def _staff_part(ws: session.Workspace, returned: Returned, out: Collected) -> list[Change]:
    if forms.SHEET_STAFF not in returned.originals and forms.SHEET_STAFF not in returned.sheets:
        return []
    if not returned.sheets.get(forms.SHEET_STAFF, Sheet("", "xlsx", None, ())).rows:
        return []
    ds = ws.dataset
    unit = returned.unit
    headers = forms.STAFF_HEADERS
    rows = _rows(returned, forms.SHEET_STAFF, headers)
    originals = returned.originals.get(forms.SHEET_STAFF, {})
    current = {
        forms.staff_key(r): forms.texts(r)
        for m in ds.staff.staff
        if m.unit == unit and (m.in_post(ws.as_of) or m.in_post(returned.day))
        for r in [forms.staff_row(ds, m, ws.as_of)]
    }
    changes: list[Change] = []
    for number, cells in rows.rows:
        theirs = rows.texts(cells, headers)
        key = forms.staff_key(theirs)
        original = originals.get(key)
        try:
            if original is None:
                if key in current and theirs[:6] == current[key][:6]:
                    out.already += 1
                    continue
                changes += _newcomer(ws, rows, cells, theirs, unit)
                continue
            if theirs[5:8] == original[5:8]:
                continue
            ours = current.get(key)
            if ours is not None and theirs[5:8] == ours[5:8]:
                out.already += 1
                continue
            if ours is None or ours[5:8] != original[5:8]:
                data = list(ours[5:8]) if ours else ["", "", ""]
                out.conflicts += _differs(rows.sheet, number, key, headers[5:8], data, theirs[5:8])
                continue
            changes += _posting_change(ws, rows, cells, theirs, original)
        except _Bad as bad:
            out.bad.append(BadCell(returned.display, rows.sheet, number, bad.key, bad.params))
        except HsreformError as exc:
            out.bad.append(
                BadCell(
                    returned.display,
                    rows.sheet,
                    number,
                    "collect.refused",
                    {"reason": exc.render("zh")},
                )
            )
    return changes


def _newcomer(
    ws: session.Workspace, rows: _Rows, cells: tuple[Cell, ...], theirs: tuple[str, ...], unit: str
) -> list[Change]:
    number, name, window, role = theirs[:4]
    if not name:
        raise _Bad("collect.required", column="姓名")
    if not window:
        raise _Bad("collect.required", column="窗口")
    if not role:
        raise _Bad("collect.required", column="角色")
    since = _date(rows.get(cells, "到岗日期"), "到岗日期")
    if since is None:
        raise _Bad("collect.date_needed", column="到岗日期")
    trained = _date(rows.get(cells, "受训日期"), "受训日期")
    approved = _date(rows.get(cells, "中心同意日期"), "中心同意日期")
    person = roster.Newcomer(name, unit, window, role, since, number or None, trained, approved)
    return roster.add(person, ws.as_of).apply(ws)


def _posting_change(
    ws: session.Workspace,
    rows: _Rows,
    cells: tuple[Cell, ...],
    theirs: tuple[str, ...],
    original: tuple[str, ...],
) -> list[Change]:
    number, name = theirs[0] or None, theirs[1]
    trained = _date(rows.get(cells, "受训日期"), "受训日期")
    until = _date(rows.get(cells, "离岗日期"), "离岗日期")
    approved = _date(rows.get(cells, "中心同意日期"), "中心同意日期")
    changes: list[Change] = []
    if theirs[5] != original[5]:
        if original[5] or trained is None:
            raise _Bad("collect.only_blank", column="受训日期")
        changes += roster.train([name], number, trained, ws.as_of).apply(ws)
    if theirs[6] != original[6] or (theirs[7] != original[7] and until is not None):
        if original[6] or until is None:
            raise _Bad("collect.only_blank", column="离岗日期")
        if approved is None:
            raise _Bad("collect.date_needed", column="中心同意日期")
        changes += roster.leave(name, number, until, approved, ws.as_of).apply(ws)
    elif theirs[7] != original[7]:
        raise _Bad("collect.only_blank", column="中心同意日期")
    return changes


# 事项清单 -------------------------------------------------------------------------------------


def _items_part(ws: session.Workspace, returned: Returned, out: Collected) -> list[Change]:
    ds = ws.dataset
    unit = returned.unit
    headers = forms.ITEM_HEADERS
    rows = _rows(returned, forms.SHEET_ITEMS, headers)
    originals = returned.originals.get(forms.SHEET_ITEMS, {})
    catalogue = ds.catalogues.get(unit)
    current = {
        str(r[0]): forms.texts(r)
        for item in (catalogue.items if catalogue else [])
        if (r := forms.item_row(ds, item, ws.as_of)) is not None
    }
    keep: list[tuple[int, tuple[Cell, ...]]] = []
    for number, cells in rows.rows:
        theirs = rows.texts(cells, headers)
        key = theirs[0]
        original = originals.get(key)
        ours = current.get(key)
        if original is not None and theirs == original:
            continue
        if ours is not None and all(t in ("", o) for t, o in zip(theirs, ours, strict=True)):
            out.already += 1  # what the unit wrote, the data already says
            continue
        if original is not None and ours != original:
            data = list(ours) if ours else [""] * len(headers)
            out.conflicts += _differs(rows.sheet, number, key, headers, data, theirs)
            continue
        keep.append((number, tuple(rows.get(cells, h) for h in headers)))
    if not keep:
        return []
    sheet = Sheet(returned.display, "xlsx", None, ((1, tuple(headers)), *keep))
    if ITEMS in ws.snapshot:
        editable = ws.file(ITEMS)
    else:
        editable = ws.create(ITEMS, (bundled_data_dir() / ITEMS).read_text(encoding="utf-8"))
    plan = edit_catalogue.plan_import(editable, ds, unit, sheet, {}, ws.as_of, skip_bad=True)
    for bad in plan.bad:
        out.bad.append(BadCell(returned.display, rows.sheet, bad.row, bad.key, bad.params))
    if not plan.added and not plan.changes:
        if ITEMS not in ws.snapshot:
            ws.discard(ITEMS)
        return []
    summary = {"sheet": forms.SHEET_ITEMS, "added": len(plan.added), "changed": len(plan.changes)}
    return [Change("edit.items_imported", ITEMS, None, summary)]


# the edit -------------------------------------------------------------------------------------


def collecting(returned: Returned, skip_bad: bool, done: list[Collected]) -> session.Edit:
    """The edit that records `returned`; appends what it does to `done`, carried out or not."""

    def apply(ws: session.Workspace) -> list[Change]:
        out = Collected(returned, ws.dataset.units[returned.unit].name)
        done.append(out)
        changes = _progress_part(ws, returned, out)
        changes += _staff_part(ws, returned, out)
        changes += _items_part(ws, returned, out)
        out.changes = changes
        if out.bad and not skip_bad:
            raise BadCells(out)
        return changes

    days = staff_days(returned)
    staffing = roster.REFUSE if days else frozenset[str]()
    extra: Callable[[Dataset], Iterable[Finding]] | None = None
    if days:
        extra = roster._staffing_on([*days, returned.day])
    return session.Edit(apply, extra, staffing)


def bad_line(bad: BadCell, lang: str) -> str:
    """`文件:工作表:行：原因`."""
    from hsreform.common.i18n import text

    return f"{bad.display}:{bad.sheet}:{bad.row}：{text(bad.key, lang, **bad.params)}"
