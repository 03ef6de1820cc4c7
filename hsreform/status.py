"""Where each task, goal and support duty stands on a given day (`hsreform status`).

Every state in the data is dated (`done_on` for done, `since` for the rest) and an entry
keeps its earlier states in `history`, so the standing on `as_of` is replayed: the latest
state that began on or before `as_of`, and the requirements met by then. A unit is done
only when its state is done and every requirement of the task is met; an exempt unit
counts neither as done nor as owing. A row's state, first match wins:

- done / done-late: every unit that owes the task is done, all by the deadline / some after;
- overdue: the deadline has passed;
- blocked: a unit reports itself blocked;
- due-soon: at most `soon` days are left;
- open: some unit has started (is in progress, done, or has met a requirement);
- not-started: nobody has started yet.

Support duties have no deadline in the plan: they are never overdue or due soon, unless
the data borrows a task's deadline for them (`deadline_from`).

For the goal marked `catalogue: in-hall`, a unit with an item catalogue (items.yaml) stands
where its items say (`hsreform.catalogue.goal_progress`), whatever its progress entry says.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from hsreform.catalogue import derived_progress
from hsreform.loader import Dataset
from hsreform.records import DatedState, Progress, Requirement, Status, Tracked


class State(StrEnum):
    """A row's state on a day."""

    DONE = "done"
    DONE_LATE = "done-late"
    OVERDUE = "overdue"
    DUE_SOON = "due-soon"
    OPEN = "open"
    BLOCKED = "blocked"
    NOT_STARTED = "not-started"


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
    since: dt.date | None
    """The day the current state began (`done_on` for done); None when not recorded."""
    done_on: dt.date | None
    late: bool
    evidence: str | None
    note: str | None
    reason: str | None = None
    met: tuple[str, ...] = ()
    """Requirement ids met by `as_of`, in the task's order."""
    open: tuple[str, ...] = ()
    """Requirement ids not yet met on `as_of`, in the task's order."""

    @property
    def owes(self) -> bool:
        """Whether the unit owes the task (it is not exempt from it)."""
        return self.status is not Status.EXEMPT


@dataclass(frozen=True)
class Row:
    """A task, goal or duty on `as_of`."""

    kind: str
    number: int
    title: str
    deadline: dt.date | None
    state: State
    days_left: int | None
    units: tuple[UnitProgress, ...]
    requirements: tuple[Requirement, ...] = ()
    deadline_from: int | None = None
    """The task whose deadline a duty borrows, as the data says."""

    @property
    def units_done(self) -> int:
        """Responsible units done by `as_of`."""
        return sum(u.status is Status.DONE for u in self.units)

    @property
    def units_exempt(self) -> int:
        """Responsible units exempt from the task."""
        return sum(not u.owes for u in self.units)

    @property
    def units_total(self) -> int:
        """Responsible units that owe the task (the exempt ones do not)."""
        return len(self.units) - self.units_exempt

    @property
    def requirements_total(self) -> int:
        """Requirements owed: each requirement once per unit it applies to that owes the task."""
        return sum(len(u.met) + len(u.open) for u in self.units if u.owes)

    @property
    def requirements_met(self) -> int:
        """Of those, the ones met by `as_of`."""
        return sum(len(u.met) for u in self.units if u.owes)

    @property
    def finished_on(self) -> dt.date | None:
        """The day the last owing unit finished, for a row that is done."""
        if self.state not in (State.DONE, State.DONE_LATE):
            return None
        return max((u.done_on for u in self.units if u.done_on), default=None)


@dataclass(frozen=True)
class Report:
    """Every row, with the day it is for."""

    as_of: dt.date
    tasks: tuple[Row, ...]
    goals: tuple[Row, ...]
    duties: tuple[Row, ...] = ()

    def counts(self, rows: Sequence[Row] | None = None) -> dict[str, int]:
        """Rows per state, every state present: tasks and goals unless `rows` are given."""
        tally = Counter(row.state for row in ((*self.tasks, *self.goals) if rows is None else rows))
        return {state.value: tally[state] for state in State}

    def fails(self, fail_on: str) -> bool:
        """Whether any row is in a state that `--fail-on fail_on` refuses."""
        bad = STATE_FAIL_ON[fail_on]
        return any(row.state in bad for row in (*self.tasks, *self.goals, *self.duties))

    @property
    def deadlines_passed(self) -> bool:
        """Every deadline lies before `as_of`: the report looks back on a finished plan."""
        deadlines = [r.deadline for r in (*self.tasks, *self.goals, *self.duties) if r.deadline]
        return bool(deadlines) and max(deadlines) < self.as_of


def state_on(entry: Progress, day: dt.date) -> DatedState | None:
    """The state of `entry` in effect on `day`: the latest that began by then.

    History lists earlier states oldest first; an undated state (data written before
    states were dated) counts as known from the start, as it always did.
    """
    current: DatedState | None = None
    for state in (*entry.history, entry):
        if state.began is None or state.began <= day:
            current = state
    return current


def unit_progress(
    unit_id: str,
    name: str,
    entry: Progress | None,
    as_of: dt.date,
    required: Sequence[str] = (),
    deadline: dt.date | None = None,
) -> UnitProgress:
    """What `unit_id` has recorded on a task (its `entry`), as it stood on `as_of`.

    `required` are the ids of the task's requirements that apply to this unit; done after
    `deadline` is late.
    """
    state = None if entry is None else state_on(entry, as_of)
    if entry is None or state is None:
        return UnitProgress(
            unit_id, name, Status.NOT_STARTED, None, None, False, None, None, open=tuple(required)
        )
    met = tuple(r for r in required if (d := entry.met.get(r)) is not None and d <= as_of)
    open_ = tuple(r for r in required if r not in met)
    status, since, done_on = state.status, state.began, state.done_on
    if status is Status.DONE and open_:
        status, done_on = Status.IN_PROGRESS, None  # done only when every requirement is met
    late = done_on is not None and deadline is not None and done_on > deadline
    return UnitProgress(
        unit_id,
        name,
        status,
        since,
        done_on,
        late,
        state.evidence,
        state.note,
        state.reason,
        met,
        open_,
    )


def row_state(units: tuple[UnitProgress, ...], days_left: int | None, soon: int) -> State:
    """The state of a row from its units' standing and the days left (None: no deadline)."""
    owing = [u for u in units if u.owes]
    if units and all(u.status is Status.DONE for u in owing):
        return State.DONE_LATE if any(u.late for u in owing) else State.DONE
    if days_left is not None and days_left < 0:
        return State.OVERDUE
    if any(u.status is Status.BLOCKED for u in owing):
        return State.BLOCKED
    if days_left is not None and days_left <= soon:
        return State.DUE_SOON
    started = any(u.status in (Status.IN_PROGRESS, Status.DONE) or u.met for u in owing)
    return State.OPEN if started else State.NOT_STARTED


def deadline_of(ds: Dataset, item: Tracked) -> tuple[dt.date | None, int | None]:
    """The deadline of `item`, and the task it is borrowed from when it is."""
    borrowed = getattr(item, "deadline_from", None)
    if item.deadline is None and borrowed is not None:
        task = ds.task_by_number.get(borrowed)
        return (task.deadline if task else None), borrowed
    return item.deadline, None


def row(
    ds: Dataset, kind: str, item: Tracked, as_of: dt.date, soon: int, unit: str | None = None
) -> Row | None:
    """The row for `item`, narrowed to `unit` if given (None when `unit` is not responsible)."""
    unit_ids = ds.expand(item.responsible)
    if unit is not None:
        if unit not in unit_ids:
            return None
        unit_ids = [unit]
    deadline, borrowed = deadline_of(ds, item)
    entries = {**ds.progress_by_unit(item), **derived_progress(ds, item, as_of)}
    applies = ds.requirement_units(item)
    units = tuple(
        unit_progress(
            u,
            ds.units[u].name,
            entries.get(u),
            as_of,
            ds.required(applies, u),
            deadline,
        )
        for u in unit_ids
    )
    days_left = None if deadline is None else (deadline - as_of).days
    return Row(
        kind,
        item.number,
        item.title,
        deadline,
        row_state(units, days_left, soon),
        days_left,
        units,
        tuple(item.requirements),
        borrowed,
    )


SECTIONS = (("task", "tasks"), ("goal", "goals"), ("duty", "duties"))
"""Each kind of tracked item and the section of tasks.yaml that holds it."""


def report(ds: Dataset, as_of: dt.date, *, soon: int = 3, unit: str | None = None) -> Report:
    """Every task, goal and duty on `as_of`; only those `unit` is responsible for, if given."""

    def rows(kind: str, items: Sequence[Tracked]) -> tuple[Row, ...]:
        built = (row(ds, kind, t, as_of, soon, unit) for t in items)
        return tuple(r for r in built if r is not None)

    return Report(
        as_of,
        rows("task", ds.tasks.tasks),
        rows("goal", ds.tasks.goals),
        rows("duty", ds.tasks.duties),
    )
