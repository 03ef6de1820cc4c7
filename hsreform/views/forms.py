"""报送表: what the data says about one unit on a day, as the form the unit fills in.

`hsreform forms` sends every responsible unit a workbook pre-filled from the data on a day
D; the unit corrects and completes it and sends it back; `hsreform collect` records what
changed (`hsreform.edit.collect`). This module builds each form's content, a view of the data
set (no I/O): the rows of each sheet as the unit sees them, and, for the return trip, the
same rows as they were written (`Form.originals`), so that a return is compared with the
form it came from, never with a guess.

The sheets and their headers are a contract (offices write macros and mail merges against
them), kept here once:

- 说明: what to fill in and how; the unit, the day, whom to send it back to;
- 任务进度: a row per task, goal and duty the unit is charged with (`编号` task-6, goal-1,
  duty-2), its state on D and the day that state began (the day it was done, for done);
- 要求: a row per requirement that applies to the unit (`编号` task-1/sign-letter);
- 窗口人员 (units with a quota only): a row per person of the unit in post on D, by 工号
  (or 姓名 where the roster gives none), then blank rows for newcomers;
- 事项清单: the unit's items with the headers `items import` reads, then blank rows.

The identity of the data set (`dataset_id`: the plan and its units, which edits do not
change) and the fingerprint of its files on D (`fingerprint`) go with the form.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hsreform.dataset.dated import item_state_on
from hsreform.dataset.loader import DATA_FILES, Dataset
from hsreform.dataset.records import Item, StaffMember, StaffRole, Status, Tracked
from hsreform.views.catalogue import FIELDS, derived_progress
from hsreform.views.status import unit_progress

FORM_VERSION = 1
"""Bumped when the sheets' contract changes: collect refuses a form of another version."""

SHEET_GUIDE = "说明"
SHEET_PROGRESS = "任务进度"
SHEET_REQUIREMENTS = "要求"
SHEET_STAFF = "窗口人员"
SHEET_ITEMS = "事项清单"
SHEET_META = "hsreform"
"""The hidden sheet that carries the form's origin and the rows as they were written."""

PROGRESS_HEADERS = ("编号", "类别", "序号", "名称", "截止日期", "状态", "日期", "佐证", "备注")
REQUIREMENT_HEADERS = ("编号", "序号", "要求序号", "要求", "已满足", "满足日期")
STAFF_HEADERS = (
    "工号", "姓名", "窗口", "角色", "到岗日期", "受训日期", "离岗日期", "中心同意日期", "备注",
)  # fmt: skip
ITEM_FIELDS = (
    "name", "code", "kind", "authority", "basis", "legal_days", "promised_days", "charged",
    "fee_standard", "window", "status", "reason",
)  # fmt: skip
ITEM_HEADERS = tuple(FIELDS[f][0] for f in ITEM_FIELDS)
"""The headers `items import` reads, each field's own first."""

KIND_WORDS = {"task": "任务", "goal": "年度目标", "duty": "保障职责"}
STATE_WORDS = {
    Status.NOT_STARTED: "未开始",
    Status.IN_PROGRESS: "进行中",
    Status.DONE: "已完成",
    Status.BLOCKED: "受阻",
    Status.EXEMPT: "豁免",
}
STATE_CHOICES = ("未开始", "进行中", "已完成", "受阻")
"""The drop-down of 状态: exempt is not the unit's to choose (the office records it)."""
ROLE_WORDS = {
    StaffRole.CHIEF: "首席代表",
    StaffRole.STAFF: "工作人员",
    StaffRole.REVIEWER: "审核人员",
}
YES, NO = "是", "否"
ITEM_STATUS_WORDS = {
    "listed": "已梳理",
    "in_hall": "已进驻",
    "not_entering": "不进驻",
    "exempt": "豁免",
}
ITEM_KIND_WORDS = {
    "licensing": "行政许可", "confirmation": "行政确认", "adjudication": "行政裁决",
    "payment": "行政给付", "reward": "行政奖励", "filing": "行政备案",
    "other_power": "其他行政权力", "public_service": "公共服务", "convenience": "便民服务",
}  # fmt: skip
BLANK_STAFF_ROWS = 5
BLANK_ITEM_ROWS = 10
RETURN_TO = "和硕县行政服务中心"
"""Whom the forms go back to: the plan makes the centre the office that keeps the records
(报行政服务中心备案)."""

Value = str | int | dt.date | None
"""A cell of a form: text, a number, a date, or empty."""


@dataclass(frozen=True)
class Form:
    """One unit's form on `day`: each sheet's rows, in the order of its headers."""

    unit: str
    name: str
    day: dt.date
    dataset_id: str
    fingerprint: str
    plan: str
    progress: tuple[tuple[Value, ...], ...]
    requirements: tuple[tuple[Value, ...], ...]
    staff: tuple[tuple[Value, ...], ...] | None
    """None: the unit has no quota at any window (no 窗口人员 sheet)."""
    items: tuple[tuple[Value, ...], ...]
    editable_from: dict[str, int] = field(default_factory=dict)
    """Per sheet, the first column (0-based) the unit may change in a pre-filled row."""

    @property
    def file_name(self) -> str:
        """`<单位名称>-报送表-<D>.xlsx`, the name made safe for a file system."""
        safe = "".join("_" if c in '/\\:*?"<>|\0' else c for c in self.name).strip(". ")
        return f"{safe or self.unit}-报送表-{self.day.isoformat()}.xlsx"

    def originals(self) -> dict[str, dict[str, tuple[str, ...]]]:
        """Per sheet, each pre-filled row by its key, as `cell_text` reads its cells."""
        out: dict[str, dict[str, tuple[str, ...]]] = {
            SHEET_PROGRESS: {str(r[0]): texts(r) for r in self.progress},
            SHEET_REQUIREMENTS: {str(r[0]): texts(r) for r in self.requirements},
            SHEET_ITEMS: {str(r[0]): texts(r) for r in self.items},
        }
        if self.staff is not None:
            out[SHEET_STAFF] = {staff_key(r): texts(r) for r in self.staff}
        return out


def cell_text(value: object) -> str:
    """How collect compares a cell: a date as 2020-06-05, a whole number without `.0`, text
    stripped; an empty cell as ''."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return YES if value else NO
    return "" if value is None else str(value).strip()


def texts(row: Iterable[object]) -> tuple[str, ...]:
    """A row as `cell_text` reads it."""
    return tuple(cell_text(v) for v in row)


def staff_key(row: Sequence[object]) -> str:
    """A person's key on the 窗口人员 sheet: the 工号, else the name."""
    number, name = cell_text(row[0]), cell_text(row[1])
    return f"工号:{number}" if number else f"姓名:{name}"


def dataset_id(ds: Dataset) -> str:
    """Which data set a form is for: the plan and its units, which no edit changes."""
    parts = [ds.tasks.plan.number, ds.tasks.plan.issued_on.isoformat(), *sorted(ds.units)]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]


def fingerprint(root: Path) -> str:
    """The data files as they are now (any edit changes it)."""
    digest = hashlib.sha256()
    for name in DATA_FILES:
        path = root / name
        if path.is_file():
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def item_id(kind: str, number: int) -> str:
    """A task's, goal's or duty's 编号: task-6, goal-1, duty-2."""
    return f"{kind}-{number}"


def responsible_units(ds: Dataset) -> list[str]:
    """Units that get a form: those charged with a task, goal or duty, or with a quota, in
    the order windows.yaml lists them."""
    wanted = set(ds.dispatching)
    for _, _, item in ds.tracked():
        wanted.update(ds.charged(item))
    return [u for u in ds.units if u in wanted]


@dataclass
class _Index:
    """What the forms of many units need, gathered once (each unit's form stays linear)."""

    rows: dict[str, list[tuple[Value, ...]]] = field(default_factory=dict)
    requirements: dict[str, list[tuple[Value, ...]]] = field(default_factory=dict)
    staff: dict[str, list[StaffMember]] = field(default_factory=dict)


def _index(ds: Dataset, day: dt.date, units: set[str]) -> _Index:
    index = _Index()
    for section, _, item in ds.tracked():
        kind = {"tasks": "task", "goals": "goal", "duties": "duty"}[section]
        charged = [u for u in ds.charged(item) if u in units]
        if not charged:
            continue
        _item_rows(ds, kind, item, day, charged, index)
    for member in ds.staff.staff:
        if member.unit in units and member.in_post(day):
            index.staff.setdefault(member.unit, []).append(member)
    return index


def _deadline(ds: Dataset, item: Tracked) -> dt.date | None:
    borrowed = getattr(item, "deadline_from", None)
    if item.deadline is None and borrowed is not None:
        task = ds.task_by_number.get(borrowed)
        return task.deadline if task else None
    return item.deadline


def _item_rows(
    ds: Dataset, kind: str, item: Tracked, day: dt.date, charged: list[str], index: _Index
) -> None:
    written = ds.progress_by_unit(item)
    derived = derived_progress(ds, item, day)
    applies = ds.requirement_units(item)
    deadline = _deadline(ds, item)
    key = item_id(kind, item.number)
    for unit in charged:
        required = ds.required(applies, unit)
        standing = unit_progress(
            unit,
            ds.units[unit].name,
            derived.get(unit) or written.get(unit),
            day,
            required,
            deadline,
            exemptable=item.exceptions is not None,
        )
        began = standing.done_on if standing.status is Status.DONE else standing.since
        index.rows.setdefault(unit, []).append(
            (
                key,
                KIND_WORDS[kind],
                item.number,
                item.title,
                deadline,
                STATE_WORDS[standing.status],
                began,
                standing.evidence,
                standing.note,
            )
        )
        entry = written.get(unit)
        met = entry.met if entry is not None else {}
        labels = {r.id: (n, r.label) for n, r in enumerate(item.requirements, 1)}
        for rid in required:
            number, label = labels[rid]
            done = rid in standing.met
            on = met.get(rid) if done else None
            if done and on is None and standing.status is Status.DONE:
                on = standing.done_on  # done records every requirement met by then
            index.requirements.setdefault(unit, []).append(
                (f"{key}/{rid}", item.number, number, label, YES if done else NO, on)
            )


def staff_row(ds: Dataset, member: StaffMember, day: dt.date) -> tuple[Value, ...]:
    """A person as the 窗口人员 sheet writes them on `day`: dates after `day` are not known
    on that day, and stay blank."""
    window = ds.window_categories.get(member.window)

    def by(value: object) -> dt.date | None:
        return value if isinstance(value, dt.date) and value <= day else None

    leaving = by(member.until)
    return (
        member.staff_no,
        member.name,
        window.name if window else member.window,
        ROLE_WORDS[member.role],
        member.since,
        by(member.trained_on),
        leaving,
        by(member.leave_approved_by_centre) if leaving else by(member.approved_by_centre),
        None,
    )


def item_row(ds: Dataset, item: Item, day: dt.date) -> tuple[Value, ...] | None:
    """An item as the 事项清单 sheet writes it on `day` (None: not listed yet)."""
    state = item_state_on(item, day)
    if state is None:
        return None
    window = ds.window_categories.get(item.window) if item.window else None
    charged = None if item.charged is None else (YES if item.charged else NO)
    return (
        item.name,
        item.code,
        ITEM_KIND_WORDS.get(item.kind.value) if item.kind else None,
        item.authority,
        item.basis,
        item.legal_days,
        item.promised_days,
        charged,
        item.fee_standard,
        window.name if window else item.window,
        ITEM_STATUS_WORDS[state.status.value],
        state.reason,
    )


def forms(
    ds: Dataset, day: dt.date, units: Sequence[str] | None = None, *, print_: str = ""
) -> list[Form]:
    """The forms of `units` (ids; every responsible unit when None) on `day`.

    `print_` is the data files' fingerprint (`fingerprint(root)`), carried by each form.
    """
    chosen = list(units) if units is not None else responsible_units(ds)
    index = _index(ds, day, set(chosen))
    ident = dataset_id(ds)
    out = []
    for unit in chosen:
        catalogue = ds.catalogues.get(unit)
        items = tuple(
            row
            for item in (catalogue.items if catalogue else [])
            if (row := item_row(ds, item, day)) is not None
        )
        staff = (
            tuple(staff_row(ds, m, day) for m in index.staff.get(unit, []))
            if unit in ds.dispatching
            else None
        )
        out.append(
            Form(
                unit,
                ds.units[unit].name,
                day,
                ident,
                print_,
                ds.tasks.plan.number,
                tuple(index.rows.get(unit, [])),
                tuple(index.requirements.get(unit, [])),
                staff,
                items,
                {SHEET_PROGRESS: 5, SHEET_REQUIREMENTS: 4, SHEET_STAFF: 5, SHEET_ITEMS: 2},
            )
        )
    return out
