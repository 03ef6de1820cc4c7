"""`hsreform items import`: merge a department's spreadsheet of items into items.yaml.

Columns are found by their Chinese headers (事项名称, 事项编码, 事项类型, 实施机关, 设定依据,
法定办结时限, 承诺办结时限, 是否收费, 收费标准, 办理窗口, 进驻状态, 理由, and a few
common variants); `--map 列名=字段` names the field of an unusual header. The header row is
the first of the first ten rows that has a 事项名称 column, so a title row above it is fine.

A row is matched to an item of the unit by its code, else by its name. A new item is
listed (or in the state its row gives) from the day `--on`; a known item takes the values
its row gives, and a changed state moves the old one into `history`. Empty cells change
nothing, so re-importing the same file changes nothing. A row that cannot be read is
reported with its row number; unless `--skip-bad` says to leave such rows out, nothing is
written. Among such rows: a code a spreadsheet mangled (shown in scientific notation as
6.52827E+16, or kept as a number that lost its last digits: a code is text, never
computed with), and an item marked exempt without a reason (the plan's one exception,
对场地有特殊要求的事项, says why). Only round-trip edits of items.yaml are made here:
comments and layout stay.

The import is an edit like the others (`hsreform.edit.session`): under the lock, checked as
`validate` checks before and after, refused when it would bring an error, its warnings
shown, journalled for `undo`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from hsreform.common.errors import HsreformError
from hsreform.common.i18n import WORDS
from hsreform.dataset.loader import Dataset, display_path
from hsreform.dataset.names import closest
from hsreform.dataset.records import ITEMS, ItemKind, ItemStatus
from hsreform.edit import session
from hsreform.edit.changes import Change as JournalChange
from hsreform.edit.roundtrip import Editable
from hsreform.edit.write import MAX_EDIT_BYTES
from hsreform.reading.sheets import Cell, Sheet

FIELDS: dict[str, tuple[str, ...]] = {
    "name": ("事项名称", "政务服务事项名称", "服务事项名称", "事项名", "名称"),
    "code": ("事项编码", "事项代码", "实施编码", "基本编码", "编码"),
    "kind": ("事项类型", "事项类别", "权力类型", "类型"),
    "authority": ("实施机关", "实施主体", "实施部门"),
    "basis": ("设定依据", "法律依据", "办理依据", "依据"),
    "legal_days": ("法定办结时限", "法定时限", "法定期限"),
    "promised_days": ("承诺办结时限", "承诺时限", "承诺期限"),
    "charged": ("是否收费",),
    "fee_standard": ("收费标准", "收费依据及标准"),
    "window": ("办理窗口", "受理窗口", "进驻窗口", "窗口"),
    "status": ("进驻状态", "是否进驻大厅", "是否进驻", "状态"),
    "reason": ("理由", "豁免理由", "不进驻理由"),
}
"""Each field of an item and the headers that name it, the catalogue's own first."""
KEY_ORDER = (
    "name", "code", "kind", "authority", "basis", "legal_days", "promised_days", "charged",
    "fee_standard", "window", "status", "since", "reason",
)  # fmt: skip
"""Where the keys of a new item go, as the documented shape has them."""
HEADER_ROWS = 10
"""The header row is looked for among this many first rows."""
NO_FEE = frozenset({"不收费", "免费", "无", "否", "0"})
YES = frozenset({"是", "有", "收费", "true", "yes", "y", "1"})
NO = frozenset({"否", "无", "不收费", "免费", "false", "no", "n", "0"})
_DAYS = re.compile(r"^(\d{1,4})\s*(?:个)?\s*(?:工作日|日|天)?$")
_ON_THE_SPOT = frozenset({"即办", "即时办结", "当场办结", "即时"})
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
"""Characters no field may hold; a lone CR among them (a CRLF in a cell is read as a break)."""
_BRACKETS = re.compile(r"[（(][^）)]*[）)]")
_STATE_WORDS = {"是": "in_hall", "否": "listed", "豁免": "exempt"}
_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:\.\d*)?[eE][+-]?\d+$")
"""6.52827E+16: how Excel shows, and saves to .csv, a long number in a General cell."""
_DECIMAL = re.compile(r"^\d+\.\d+$")
"""65282700000000123.0: a code that went through a float on its way out."""
MIN_ITEM_BYTES = 40
"""The fewest bytes a new item adds to items.yaml besides its name (`- name: `, `status:
listed`, `since: YYYY-MM-DD`, their line breaks and indentation)."""
EXACT_DIGITS = 15
"""Excel keeps 15 significant digits of a number: a longer code kept as one lost the rest."""


@dataclass(frozen=True)
class BadRow:
    """A row that cannot be read: its number, and a catalogue key saying why."""

    row: int
    key: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class FieldChange:
    """A field of a known item that the import changes."""

    item: str
    field: str
    before: Any
    after: Any


@dataclass
class ImportPlan:
    """What importing a sheet would do; nothing is written here."""

    sheet: Sheet
    header_row: int
    columns: dict[int, str]
    unused: list[str]
    path: Path
    before: bytes
    after: bytes
    added: list[str] = field(default_factory=list)
    changes: list[FieldChange] = field(default_factory=list)
    unchanged: int = 0
    bad: list[BadRow] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether items.yaml would change."""
        return self.before != self.after


def _header(value: Cell) -> str:
    """A header as written, without spaces or a parenthesised note: 法定办结时限（工作日）."""
    text = "" if value is None else str(value)
    return _BRACKETS.sub("", re.sub(r"\s+", "", text))


def parse_map(pairs: Iterable[str]) -> dict[str, str]:
    """`--map 列名=字段` options: header → field (an English key or a known Chinese header)."""
    out: dict[str, str] = {}
    for pair in pairs:
        column, sep, target = pair.partition("=")
        column, target = _header(column), target.strip()
        known = target if target in FIELDS else _field_of(target)
        if not sep or not column or known is None:
            raise HsreformError("import.bad_map", value=pair, fields=list(FIELDS))
        out[column] = known
    return out


def _field_of(header: str) -> str | None:
    for name, headers in FIELDS.items():
        if header in headers:
            return name
    return None


def find_columns(
    sheet: Sheet, overrides: Mapping[str, str]
) -> tuple[int, dict[int, str], list[str]]:
    """The header row's index in `sheet.rows`, column index → field, and the headers not used."""
    for index, (_, cells) in enumerate(sheet.rows[:HEADER_ROWS]):
        headers = [_header(c) for c in cells]
        columns: dict[int, str] = {}
        unused = []
        for col, header in enumerate(headers):
            name = overrides.get(header) or _field_of(header)
            if name is not None and name not in columns.values():
                columns[col] = name
            elif header:
                unused.append(header)
        if "name" in columns.values():
            return index, columns, unused
    raise HsreformError("import.no_header", path=sheet.display, rows=HEADER_ROWS)


def _text(value: Cell) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).replace("\r\n", "\n").strip()


class _Bad(Exception):
    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def _days(value: Cell, column: str) -> int:
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and 0 <= value <= 3650:
            return int(value)
        raise _Bad("import.bad_days", column=column, value=_text(value))
    text = _text(value)
    if text in _ON_THE_SPOT:
        return 0
    match = _DAYS.match(text)
    if match is None or int(match.group(1)) > 3650:
        raise _Bad("import.bad_days", column=column, value=text)
    return int(match.group(1))


def _code(value: Cell) -> str:
    """An item code as written; a code a spreadsheet turned into a number is refused."""
    # Excel keeps a code typed as a number as one: past 15 digits, the rest became zeros.
    if isinstance(value, int | float) and not isinstance(value, bool):
        fraction = isinstance(value, float) and not value.is_integer()
        if fraction or abs(value) >= 10**EXACT_DIGITS:
            raise _Bad("import.code_as_number", value=_text(value))
    text = code_text(_text(value))
    if _SCIENTIFIC.match(text) or _DECIMAL.match(text):
        raise _Bad("import.code_mangled", value=text)
    return text


def code_text(text: str) -> str:
    """An item code as a clerk typed it, as the catalogue writes it: full-width figures and
    letters as ordinary ones (６５２８ → 6528), no apostrophe in front (Excel's mark for
    text: '65282700000000123), no blanks grouping the figures (6528 2700 0000 0012 3)."""
    text = unicodedata.normalize("NFKC", text).strip()
    text = text.lstrip("'‘’`")
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c) != "Cf")


def _choice(text: str, column: str, choices: Iterable[str], words: Mapping[str, str]) -> str:
    allowed = list(choices)
    value = words.get(text, text)
    if value not in allowed:
        raise _Bad("import.bad_choice", column=column, value=text)
    return value


def _window(ds: Dataset, text: str) -> str:
    """A window category as people name it (`Names.find_window`: id, name, with or without 窗口)."""
    window = ds.names.find_window(text)
    if window is not None:
        return window.id
    close = closest(text, [w.name for w in ds.windows.windows])
    raise _Bad("import.unknown_window", value=text, close=close[0] if close else "")


def read_row(ds: Dataset, cells: tuple[Cell, ...], columns: dict[int, str]) -> dict[str, Any]:
    """The item fields a row gives (empty cells give none); `_Bad` when a cell cannot be read."""
    out: dict[str, Any] = {}
    for col, name in columns.items():
        value = cells[col] if col < len(cells) else None
        text = _text(value)
        if not text:
            continue
        column = FIELDS[name][0]
        if _CONTROL.search(text):
            raise _Bad("import.control", column=column)
        if len(text) > 2000:
            raise _Bad("import.too_long", column=column)
        if name == "fee_standard" and text in NO_FEE:
            out.setdefault("charged", False)
        else:
            out[name] = _value(ds, name, value, text, column)
    if "name" not in out:
        raise _Bad("import.no_name", column=FIELDS["name"][0])
    if out.get("reason") and out.get("status") not in ("exempt", "not_entering"):
        out.pop("reason")  # a remark beside an item that enters: not a reason to keep
    if out.get("status") == "exempt" and not out.get("reason"):
        raise _Bad("import.exempt_without_reason", column=FIELDS["reason"][0])
    return out


def _value(ds: Dataset, name: str, value: Cell, text: str, column: str) -> Any:
    """The value of field `name` from a cell (`text` is how it reads)."""
    if name in ("legal_days", "promised_days"):
        return _days(value, column)
    if name == "code":
        return _code(value)
    if name == "kind":
        return _choice(text, column, (k.value for k in ItemKind), WORDS)
    if name == "status":
        return _choice(text, column, (s.value for s in ItemStatus), {**WORDS, **_STATE_WORDS})
    if name == "charged":
        if text.lower() not in YES | NO:
            raise _Bad("import.bad_choice", column=column, value=text)
        return text.lower() in YES
    if name == "window":
        return _window(ds, text)
    return text


def _empty_block(seq: Any) -> Any:
    """An empty flow list (`[]`) written out in block style once something is added."""
    if isinstance(seq, CommentedSeq) and not seq:
        seq.fa.set_block_style()
    return seq


def _new_item(fields: dict[str, Any], on: dt.date) -> CommentedMap:
    item = CommentedMap()
    fields = {**fields, "status": fields.get("status", "listed"), "since": on}
    for key in KEY_ORDER:
        if key in fields:
            item[key] = fields[key]
    return item


def _flow(mapping: dict[str, Any]) -> CommentedMap:
    out = CommentedMap(mapping)
    out.fa.set_flow_style()
    return out


def _merge(item: CommentedMap, fields: dict[str, Any], on: dt.date) -> list[FieldChange]:
    """Put a row's values into a known item; the changes made."""
    changes = []
    name = str(item.get("name"))
    for key in KEY_ORDER:
        if key in ("status", "since", "reason", "name") or key not in fields:
            continue
        if item.get(key) != fields[key]:
            changes.append(FieldChange(name, key, item.get(key), fields[key]))
            if key in item:
                item[key] = fields[key]
            else:
                _insert_in_order(item, key, fields[key])
    status = fields.get("status")
    reason = fields.get("reason")
    if status is not None and (
        status != item.get("status") or reason not in (None, item.get("reason"))
    ):
        since = item.get("since")
        if isinstance(since, dt.date) and on < since:
            raise _Bad("import.state_before", on=on.isoformat(), since=since.isoformat())
        old = {k: item[k] for k in ("status", "since", "reason", "note") if k in item}
        history = item.get("history")
        if history is None:
            history = CommentedSeq()
            item["history"] = history
        _empty_block(history).append(_flow(old))
        changes.append(FieldChange(name, "status", item.get("status"), status))
        item["status"] = status
        item["since"] = on
        for key in ("reason", "note"):
            if key in item:
                del item[key]
        if reason is not None:
            _insert_in_order(item, "reason", reason)
    return changes


def _insert_in_order(item: CommentedMap, key: str, value: Any) -> None:
    """Put `key` after the last key that comes before it in `KEY_ORDER`."""
    earlier = KEY_ORDER[: KEY_ORDER.index(key)]
    keys = list(item)
    places = [keys.index(k) + 1 for k in earlier if k in keys]
    item.insert(max(places, default=0), key, value)


def _template(bundled: Path) -> str:
    """A new items.yaml: the bundled one's documenting comments and an empty catalogue."""
    return (bundled / ITEMS).read_text(encoding="utf-8")


class BadRows(HsreformError):
    """Rows that cannot be read, and no `--skip-bad`: nothing is written. Carries the plan."""

    def __init__(self, plan: ImportPlan) -> None:
        super().__init__("import.bad_rows", n=len(plan.bad))
        self.plan = plan


@dataclass(frozen=True)
class Request:
    """One import as the command line gives it."""

    unit: str
    """The unit's id."""
    sheet: Sheet
    overrides: Mapping[str, str]
    on: dt.date
    bundled: Path
    skip_bad: bool = False


def importing(request: Request, planned: list[ImportPlan]) -> session.Edit:
    """The edit that imports `request.sheet`; appends what it does to `planned` (the rows
    read, added, changed and bad) whether or not it is carried out."""

    def apply(ws: session.Workspace) -> list[JournalChange]:
        if ITEMS in ws.snapshot:
            mine = _catalogue_of(ws.dataset, request.unit)
            editable = ws.file(ITEMS, keep={"catalogues": set() if mine is None else {mine}})
        else:
            editable = ws.create(ITEMS, _template(request.bundled))
        plan = plan_import(
            editable,
            ws.dataset,
            request.unit,
            request.sheet,
            request.overrides,
            request.on,
            skip_bad=request.skip_bad,
        )
        planned[:] = [plan]  # the edit may be done twice (session.Edit.apply)
        if plan.bad and not request.skip_bad:
            raise BadRows(plan)
        if not plan.changed:
            ws.discard(ITEMS)
            return []
        summary = {
            "sheet": request.sheet.display,
            "added": len(plan.added),
            "changed": len(plan.changes),
        }
        return [JournalChange("edit.items_imported", ITEMS, None, summary)]

    return session.Edit(apply)


def plan_import(
    editable: Editable,
    ds: Dataset,
    unit: str,
    sheet: Sheet,
    overrides: Mapping[str, str],
    on: dt.date,
    *,
    skip_bad: bool = False,
) -> ImportPlan:
    """What importing `sheet` into `unit`'s catalogue (`editable`, changed in place) does."""
    header, columns, unused = find_columns(sheet, overrides)
    path = editable.path
    data = editable.data
    plan = ImportPlan(sheet, sheet.rows[header][0], columns, unused, path, editable.original, b"")
    catalogues = _empty_block(data.setdefault("catalogues", CommentedSeq()))
    index = _catalogue_of(ds, unit)
    mine = catalogues[index] if index is not None else _new_catalogue(catalogues, unit)
    items = _empty_block(mine.setdefault("items", CommentedSeq()))
    elsewhere = {  # from the data set: the other catalogues are not read in round trip
        item.code: catalogue.unit
        for number, catalogue in enumerate(ds.items.catalogues if ds.items else [])
        if number != index
        for item in catalogue.items
        if item.code is not None
    }
    seen: dict[str, int] = {}
    by_key = _Known(items)
    for number, cells in sheet.rows[header + 1 :]:
        if not any(_text(c) for c in cells):
            continue
        try:
            fields = read_row(ds, cells, columns)
            for key in ("code", "name"):
                value = fields.get(key)
                if value is not None and f"{key}:{value}" in seen:
                    raise _Bad("import.repeated", row=seen[f"{key}:{value}"], value=value)
            code = fields.get("code")
            if code is not None and code in elsewhere:
                owner = (
                    ds.units[elsewhere[code]].name
                    if elsewhere[code] in ds.units
                    else elsewhere[code]
                )
                raise _Bad("import.code_elsewhere", value=code, unit=owner)
            known = by_key.find(fields)
            if known is None:
                added = _new_item(fields, on)
                items.append(added)
                by_key.add(added)
                plan.added.append(fields["name"])
            else:
                found = _merge(known, fields, on)
                by_key.add(known)
                plan.changes += found
                plan.unchanged += not found
        except _Bad as bad:
            plan.bad.append(BadRow(number, bad.key, bad.params))
            continue
        for key in ("code", "name"):
            if fields.get(key) is not None:
                seen[f"{key}:{fields[key]}"] = number
    if plan.bad and not skip_bad:
        return plan
    plan.after = _after(editable, plan)
    return plan


def _after(editable: Editable, plan: ImportPlan) -> bytes:
    """items.yaml as the import leaves it; refused at once when no edit could open it again
    (the session would refuse it too, after writing it out twice more)."""
    # Each new item takes at least its name and `- name: `, `status: listed` and `since:`
    # lines: when even that is too much, say so before writing out a file of megabytes.
    least = len(editable.original) + sum(len(n.encode()) + MIN_ITEM_BYTES for n in plan.added)
    if least <= MAX_EDIT_BYTES:
        after = editable.settle() if plan.added or plan.changes else editable.original
    if least > MAX_EDIT_BYTES or len(after) > MAX_EDIT_BYTES:
        raise HsreformError(
            "edit.result_too_large",
            path=display_path(editable.path),
            size=least if least > MAX_EDIT_BYTES else len(after),
            limit=MAX_EDIT_BYTES,
        )
    return after


def _new_catalogue(catalogues: CommentedSeq, unit: str) -> CommentedMap:
    """An empty catalogue for `unit`, put last."""
    mine = CommentedMap([("unit", unit), ("items", CommentedSeq())])
    catalogues.append(mine)
    return mine


def _catalogue_of(ds: Dataset, unit: str) -> int | None:
    """The index of the unit's catalogue in items.yaml (the first, if it has several)."""
    catalogues = ds.items.catalogues if ds.items is not None else []
    return next((i for i, c in enumerate(catalogues) if c.unit == unit), None)


class _Known:
    """The unit's known items by code and by name, for finding the one a row stands for
    without going through them all for every row (a sheet of thousands stays fast)."""

    def __init__(self, items: list[Any]) -> None:
        self.by_code: dict[str, CommentedMap] = {}
        self.by_name: dict[str, list[CommentedMap]] = {}
        for item in items:
            self.add(item)

    def add(self, item: CommentedMap) -> None:
        """Index `item` (again, after a merge gave it a code): the first item of a key wins."""
        if item.get("code") is not None:
            self.by_code.setdefault(str(item.get("code")), item)
        named = self.by_name.setdefault(item.get("name"), [])
        if not any(other is item for other in named):
            named.append(item)

    def find(self, fields: dict[str, Any]) -> CommentedMap | None:
        """The known item a row stands for: the one with its code, else the one with its name."""
        code = fields.get("code")
        if code is not None and code in self.by_code:
            return self.by_code[code]
        for item in self.by_name.get(fields["name"], []):
            if code is None or item.get("code") in (None, code):
                return item
        return None
