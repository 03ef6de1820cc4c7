"""Where each task and goal stands on a given day (`hsreform status`).

A unit counts as done on `as_of` only if its `done_on` is not after `as_of`, so a report
for a past day shows that day's state. A task's state, first match wins:

- done / done-late: every responsible unit is done, all by the deadline / some after it;
- overdue: the deadline has passed;
- blocked: a responsible unit reports itself blocked;
- due-soon: at most `soon` days are left;
- open: otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from hsreform.loader import Dataset
from hsreform.models import Progress, Status, Tracked


class State(StrEnum):
    """A task's state on a day."""

    DONE = "done"
    DONE_LATE = "done-late"
    OVERDUE = "overdue"
    DUE_SOON = "due-soon"
    OPEN = "open"
    BLOCKED = "blocked"


STATE_FAIL_ON = {
    "never": frozenset[State](),
    "overdue": frozenset({State.OVERDUE}),
    "blocked": frozenset({State.OVERDUE, State.BLOCKED}),
    "due-soon": frozenset({State.OVERDUE, State.BLOCKED, State.DUE_SOON}),
}
"""`status --fail-on X`: the states that make it exit 1, most urgent included."""


@dataclass(frozen=True)
class UnitProgress:
    """One responsible unit's standing on one task, on `as_of`."""

    unit: str
    name: str
    status: Status
    done_on: dt.date | None
    late: bool
    evidence: str | None
    note: str | None


@dataclass(frozen=True)
class Row:
    """A task or goal on `as_of`."""

    kind: str
    number: int
    title: str
    deadline: dt.date
    state: State
    days_left: int
    units: tuple[UnitProgress, ...]

    @property
    def units_done(self) -> int:
        """Responsible units done by `as_of`."""
        return sum(u.status is Status.DONE for u in self.units)

    @property
    def units_total(self) -> int:
        """Responsible units."""
        return len(self.units)


@dataclass(frozen=True)
class Report:
    """Every row, with the day it is for."""

    as_of: dt.date
    tasks: tuple[Row, ...]
    goals: tuple[Row, ...]

    def counts(self) -> dict[str, int]:
        """Rows per state, every state present, tasks and goals together."""
        tally = Counter(row.state for row in (*self.tasks, *self.goals))
        return {state.value: tally[state] for state in State}

    def fails(self, fail_on: str) -> bool:
        """Whether any row is in a state that `--fail-on fail_on` refuses."""
        bad = STATE_FAIL_ON[fail_on]
        return any(row.state in bad for row in (*self.tasks, *self.goals))


def unit_progress(
    ds: Dataset,
    task: Tracked,
    unit_id: str,
    as_of: dt.date,
    entries: Mapping[str, Progress] | None = None,
) -> UnitProgress:
    """What `unit_id` has recorded for `task`, as it stood on `as_of`.

    `entries`, the task's first progress entry of each unit, spares a search of them all.
    """
    if entries is None:
        entry = next((p for p in task.progress if p.unit == unit_id), None)
    else:
        entry = entries.get(unit_id)
    name = ds.units[unit_id].name
    if entry is None:
        return UnitProgress(unit_id, name, Status.NOT_STARTED, None, False, None, None)
    status, done_on = entry.status, entry.done_on
    if status is Status.DONE and done_on is not None and done_on > as_of:
        status, done_on = Status.IN_PROGRESS, None  # not yet done on that day
    late = done_on is not None and done_on > task.deadline
    return UnitProgress(unit_id, name, status, done_on, late, entry.evidence, entry.note)


def task_state(units: tuple[UnitProgress, ...], days_left: int, soon: int) -> State:
    """The state of a task from its units' standing and the days left."""
    if units and all(u.status is Status.DONE for u in units):
        return State.DONE_LATE if any(u.late for u in units) else State.DONE
    if days_left < 0:
        return State.OVERDUE
    if any(u.status is Status.BLOCKED for u in units):
        return State.BLOCKED
    return State.DUE_SOON if days_left <= soon else State.OPEN


def row(
    ds: Dataset, kind: str, task: Tracked, as_of: dt.date, soon: int, unit: str | None = None
) -> Row | None:
    """The row for `task`, narrowed to `unit` if given (None when `unit` is not responsible)."""
    unit_ids = ds.expand(task.responsible)
    if unit is not None:
        if unit not in unit_ids:
            return None
        unit_ids = [unit]
    entries: dict[str, Progress] = {}
    for entry in task.progress:  # one search, not one per unit (thousands of each take minutes)
        entries.setdefault(entry.unit, entry)
    units = tuple(unit_progress(ds, task, u, as_of, entries) for u in unit_ids)
    days_left = (task.deadline - as_of).days
    return Row(
        kind,
        task.number,
        task.title,
        task.deadline,
        task_state(units, days_left, soon),
        days_left,
        units,
    )


def report(ds: Dataset, as_of: dt.date, *, soon: int = 3, unit: str | None = None) -> Report:
    """Every task and goal on `as_of`; only those `unit` is responsible for, if given."""

    def rows(kind: str, items: Sequence[Tracked]) -> tuple[Row, ...]:
        built = (row(ds, kind, t, as_of, soon, unit) for t in items)
        return tuple(r for r in built if r is not None)

    return Report(as_of, rows("task", ds.tasks.tasks), rows("goal", ds.tasks.goals))
