"""督办通知: a notice to each unit with overdue or blocked obligations on a day.

The notice is in the register of one from the plan's issuer (和硕县人民政府办公室, as
tasks.yaml gives `plan.issuer`) to a unit: the unit addressed, the plan it acts under, and
one numbered paragraph per obligation it is behind on: the task, goal or duty, its
deadline and how many days late it is on `as_of`, the requirements not met yet, or since
when and why it is blocked, as the data records them. The office signs, seals and dates
the notice by hand: those lines stay blank. Nothing is in it that the data does not say:
no deadline for the reply, no names, no numbers.

Which units are behind comes from `hsreform.views.status` on `as_of`, read once for every unit:
a unit is behind on a row when it owes it (not exempt, not done) and the row's deadline
has passed, or when it reports itself blocked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from hsreform.dataset.loader import Dataset
from hsreform.dataset.records import Status
from hsreform.views.letters import BLANK_DATE, chinese_date
from hsreform.views.status import report

KIND_WORDS = {"task": "重点工作任务", "goal": "年度目标", "duty": "保障职责"}
NUMERALS = "一二三四五六七八九十"
SIGNATURES = ("（盖章）",)


@dataclass(frozen=True)
class Behind:
    """One obligation a unit is behind on."""

    kind: str
    number: int
    title: str
    deadline: dt.date | None
    days_late: int | None
    """Days past the deadline on `as_of` (None: not past it, only blocked)."""
    blocked_since: dt.date | None
    blocked_note: str | None
    blocked: bool
    missing: tuple[str, ...]
    """Labels of the requirements not met on `as_of`."""


@dataclass(frozen=True)
class NoticeView:
    """A notice, every line of it as it is printed."""

    unit: str
    name: str
    as_of: dt.date
    behind: tuple[Behind, ...]
    title: str
    addressee: str
    body: str
    paragraphs: tuple[str, ...]
    closing: str
    issuer: str
    signatures: tuple[str, ...]
    date: str

    @property
    def file_name(self) -> str:
        """`<单位名称>-督办通知-<D>` (the extension is the format's)."""
        safe = "".join("_" if c in '/\\:*?"<>|\0' else c for c in self.name).strip(". ")
        return f"{safe or self.unit}-督办通知-{self.as_of.isoformat()}"


def _numeral(n: int) -> str:
    if n <= 10:
        return NUMERALS[n - 1]
    if n < 20:
        return "十" + NUMERALS[n - 11]
    tens, ones = divmod(n, 10)
    return NUMERALS[tens - 1] + "十" + (NUMERALS[ones - 1] if ones else "")


def _paragraph(n: int, item: Behind) -> str:
    parts = [f"{_numeral(n)}、{KIND_WORDS[item.kind]}第{_numeral(item.number)}项“{item.title}”"]
    if item.deadline is not None:
        parts.append(f"完成时限为{chinese_date(item.deadline)}")
    if item.days_late is not None and item.days_late > 0:
        parts.append(f"已逾期{item.days_late}天")
    if item.blocked:
        since = f"自{chinese_date(item.blocked_since)}起" if item.blocked_since else ""
        reason = f"，原因：{item.blocked_note}" if item.blocked_note else ""
        parts.append(f"你单位报告{since}工作受阻{reason}")
    if item.missing:
        parts.append("尚未满足的要求：" + "、".join(f"“{m}”" for m in item.missing))
    return "，".join(parts) + "。"


def notices(ds: Dataset, as_of: dt.date, units: Sequence[str] | None = None) -> list[NoticeView]:
    """A notice for each unit (of `units`, if given) behind on something on `as_of`."""
    status = report(ds, as_of)
    found: dict[str, list[Behind]] = {}
    for kind, rows in (("task", status.tasks), ("goal", status.goals), ("duty", status.duties)):
        for row in rows:
            labels = {r.id: r.label for r in row.requirements}
            late = row.days_left is not None and row.days_left < 0
            for unit in row.units:
                if not unit.owes or unit.status is Status.DONE:
                    continue
                blocked = unit.status is Status.BLOCKED
                if not late and not blocked:
                    continue
                found.setdefault(unit.unit, []).append(
                    Behind(
                        kind,
                        row.number,
                        row.title,
                        row.deadline,
                        -row.days_left if late and row.days_left is not None else None,
                        unit.since if blocked else None,
                        unit.note if blocked else None,
                        blocked,
                        tuple(labels.get(r, r) for r in unit.open),
                    )
                )
    plan = ds.tasks.plan
    wanted = set(units) if units is not None else None
    out = []
    for unit_id in ds.units:
        behind = found.get(unit_id)
        if not behind or (wanted is not None and unit_id not in wanted):
            continue
        name = ds.units[unit_id].name
        out.append(
            NoticeView(
                unit_id,
                name,
                as_of,
                tuple(behind),
                "督办通知",
                f"{name}：",
                f"按照《{plan.title}》（{plan.number}）的分工，截至{chinese_date(as_of)}，"
                f"你单位以下{len(behind)}项工作逾期未完成或受阻：",
                tuple(_paragraph(n, b) for n, b in enumerate(behind, 1)),
                "请抓紧落实，并将落实情况及时报送。",
                plan.issuer,
                SIGNATURES,
                BLANK_DATE,
            )
        )
    return out
