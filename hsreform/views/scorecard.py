"""Each responsible unit's on-time record, for the year-end assessment (`hsreform scorecard`).

The plan ties each unit's record to its year-end assessment (年终考核加分、通报、问责). An
*obligation* is one unit responsible for one task, goal or support duty. On `as_of`, each
obligation is exactly one of:

- exempt: the unit is exempt from it (the plan's own exception); never due;
- due so far: the unit finished it by `as_of`, or its deadline lies before `as_of`. Then:
  - on time: done on or before the deadline;
  - late: done after the deadline;
  - overdue: not done, and the deadline has passed;
  - blocked: not done, the deadline has passed, and the unit reports itself blocked;
- not yet due: not done, and the deadline is `as_of` or later; or the plan sets no
  deadline (a support duty that borrows none): what has no deadline is never due, even done.

Finishing early earns credit at once; an open obligation counts against a unit only once
its deadline has passed (on the deadline day itself it is still not due). The on-time
rate is on time / due so far, None when nothing is due yet.

Worst first: the lowest on-time rate, then the most obligations overdue or blocked, then
the most done late; units with nothing due come last; ties keep the data's unit order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hsreform.dataset.loader import Dataset
from hsreform.dataset.records import Status
from hsreform.views.status import Report, Row, UnitProgress, report


@dataclass(frozen=True)
class UnitRecord:
    """One unit's obligations on `as_of`, by how they stand."""

    unit: str
    name: str
    obligations: int
    on_time: int
    late: int
    overdue: int
    blocked: int
    exempt: int
    not_yet_due: int

    @property
    def due(self) -> int:
        """Obligations due so far: finished, or past their deadline."""
        return self.on_time + self.late + self.overdue + self.blocked

    @property
    def on_time_rate(self) -> float | None:
        """On time / due so far, between 0 and 1; None when nothing is due yet."""
        return self.on_time / self.due if self.due else None


@dataclass(frozen=True)
class Scorecard:
    """Every responsible unit's record, worst first, with the total over all of them."""

    as_of: dt.date
    units: tuple[UnitRecord, ...]
    status: Report | None = None
    """The status report the records are drawn from (its readings go beside them)."""

    @property
    def total(self) -> UnitRecord:
        """All units' obligations added up."""
        fields = ("obligations", "on_time", "late", "overdue", "blocked", "exempt", "not_yet_due")
        sums = {f: sum(getattr(u, f) for u in self.units) for f in fields}
        return UnitRecord("", "", **sums)


def standing(unit: UnitProgress, row: Row, as_of: dt.date) -> str:
    """How one obligation stands on `as_of`: a field name of `UnitRecord`."""
    if not unit.owes:
        return "exempt"
    if unit.status is Status.DONE and row.deadline is not None:
        return "late" if unit.late else "on_time"
    if row.deadline is None or row.deadline >= as_of:
        return "not_yet_due"
    return "blocked" if unit.status is Status.BLOCKED else "overdue"


def _worst_first(record: UnitRecord) -> tuple[bool, float, int, int]:
    rate = record.on_time_rate
    return (rate is None, rate or 0.0, -(record.overdue + record.blocked), -record.late)


def scorecard(ds: Dataset, as_of: dt.date) -> Scorecard:
    """Every unit responsible for anything, with its record on `as_of`, worst first."""
    status = report(ds, as_of)
    tally: dict[str, dict[str, int]] = {}
    for row in (*status.tasks, *status.goals, *status.duties):
        for unit in row.units:
            counts = tally.setdefault(unit.unit, {})
            key = standing(unit, row, as_of)
            counts[key] = counts.get(key, 0) + 1
    records = [
        UnitRecord(
            u.id,
            u.name,
            obligations=sum(tally[u.id].values()),
            on_time=tally[u.id].get("on_time", 0),
            late=tally[u.id].get("late", 0),
            overdue=tally[u.id].get("overdue", 0),
            blocked=tally[u.id].get("blocked", 0),
            exempt=tally[u.id].get("exempt", 0),
            not_yet_due=tally[u.id].get("not_yet_due", 0),
        )
        for u in ds.windows.units
        if u.id in tally
    ]
    return Scorecard(as_of, tuple(sorted(records, key=_worst_first)), status)
