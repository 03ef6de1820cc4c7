"""What the data records as having happened, day by day (`hsreform log`).

Nothing is kept beside the data: the changes are read back from it. Every progress state
is dated (and earlier ones stay in `history`), every requirement met has its day, and
every posting its `since`, `until` and `trained_on`; together they are the log. A `done`
means every requirement that applies was met by its day: those `met` does not date
earlier are logged as met with it, as status counts them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from hsreform.common import i18n
from hsreform.dataset.loader import Dataset
from hsreform.dataset.records import KINDS, Status
from hsreform.edit.changes import quoted


@dataclass(frozen=True)
class LogEntry:
    """One recorded change: when, on what (a task, goal, duty or the roster), who, what."""

    day: dt.date
    kind: str
    """'task', 'goal', 'duty' or 'staff'."""
    number: int | None
    who: str
    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def what(self, lang: str) -> str:
        """The item it is about: 任务 1, or 名册 for the roster."""
        if self.number is None:
            return i18n.text("log.roster", lang)
        return f"{i18n.term(self.kind, lang)} {self.number}"

    def change(self, lang: str) -> str:
        """The change in words."""
        params = dict(self.params)
        if "status" in params:
            params["status"] = i18n.text("unit." + params["status"], lang)
            detail = params.get("detail")
            if detail:
                params["status"] += ("：" if lang == "zh" else ": ") + detail
        if "labels" in params:
            params["labels"] = quoted(params["labels"], lang)
        if isinstance(params.get("approved"), bool):
            params["approved"] = i18n.text(
                "log.undated" if params["approved"] else "days.none", lang
            )
        return i18n.text(self.key, lang, **params)


ORDER = {**{k: i for i, k in enumerate(KINDS.values())}, "staff": len(KINDS)}


def entries(ds: Dataset, since: dt.date | None, until: dt.date) -> list[LogEntry]:
    """Every change recorded on a day from `since` (or the start) to `until`, oldest first."""
    out: list[LogEntry] = []
    for section, _, item in ds.tracked():
        kind = KINDS[section]
        labels = {r.id: r.label for r in item.requirements}
        applies = ds.requirement_units(item)
        for entry in item.progress:
            name = ds.units[entry.unit].name if entry.unit in ds.units else entry.unit
            for state in (*entry.history, entry):
                if state.began is None or state.status is Status.NOT_STARTED:
                    continue
                detail = state.reason or state.evidence or state.note or ""
                params = {"status": state.status.value, "detail": detail}
                out.append(LogEntry(state.began, kind, item.number, name, "log.state", params))
                if state.status is Status.DONE:
                    implied = [
                        labels[r]
                        for r in ds.required(applies, entry.unit)
                        if (d := entry.met.get(r)) is None or d > state.began
                    ]
                    if implied:
                        with_done = {"labels": implied}
                        out.append(
                            LogEntry(
                                state.began, kind, item.number, name, "log.met_done", with_done
                            )
                        )
            days: dict[dt.date, list[str]] = {}
            for rid, day in entry.met.items():
                days.setdefault(day, []).append(labels.get(rid, rid))
            for day, met in days.items():
                out.append(LogEntry(day, kind, item.number, name, "log.met", {"labels": met}))
    out += _roster(ds)
    chosen = [e for e in out if (since is None or since <= e.day) and e.day <= until]
    return sorted(chosen, key=lambda e: (e.day, ORDER[e.kind], e.number or 0))


def _roster(ds: Dataset) -> list[LogEntry]:
    out = []
    for member in ds.staff.staff:
        who = f"{member.name}（{member.staff_no}）" if member.staff_no else member.name
        window = ds.window_categories.get(member.window)
        place = {
            "window": window.name if window else member.window,
            "unit": ds.units[member.unit].name if member.unit in ds.units else member.unit,
            "role": member.role.value,
        }
        if member.replaces is not None:
            approved = member.approved_by_centre
            # true without a day: agreed, the day not written down; false or none: no consent
            shown = approved.isoformat() if isinstance(approved, dt.date) else approved is True
            params = {**place, "replaces": member.replaces, "approved": shown}
            out.append(LogEntry(member.since, "staff", None, who, "log.replaced", params))
        else:
            out.append(LogEntry(member.since, "staff", None, who, "log.posted", place))
        if member.until is not None:
            left = member.leave_approved_by_centre
            if left is None:
                out.append(LogEntry(member.until, "staff", None, who, "log.left", place))
            else:
                shown = left.isoformat() if isinstance(left, dt.date) else str(left)
                consent = {**place, "approved": shown}
                out.append(LogEntry(member.until, "staff", None, who, "log.left_approved", consent))
        if member.trained_on is not None:
            out.append(LogEntry(member.trained_on, "staff", None, who, "log.trained", place))
    return out
