"""Where each task, goal and support duty stands on a given day (`hsreform status`).

Every state in the data is dated (`done_on` for done, `since` for the rest) and an entry
keeps its earlier states in `history`, so the standing on `as_of` is replayed: the latest
state that began on or before `as_of`, and the requirements met by then. A unit is done
only when its state is done and every requirement of the task is met; an exempt unit
counts neither as done nor as owing. A row's state, first match wins:

- exempt: every responsible unit is exempt (the plan's own exception): nothing is owed,
  and nothing reads done;
- done / done-late: every unit that owes the task is done, all by the deadline / some after;
- overdue: the deadline has passed;
- blocked: a unit reports itself blocked (in one unit's view, `--unit`, this comes before
  overdue: the unit's own state shows, and the days column says how late it is);
- due-soon: at most `soon` days are left;
- open: some unit has started (is in progress, done, or has met a requirement);
- not-started: nobody has started yet.

Support duties have no deadline in the plan: they are never overdue or due soon, unless
the data borrows a task's deadline for them (`deadline_from`).

A recorded `done` means every requirement that applies to the unit was met by `done_on`
(dates under `met` record earlier days). An exemption counts only where the plan allows
one (`exceptions`, the year-end goal's 对场地有特殊要求的事项); elsewhere the unit owes
the item as it stood before the exemption. A task that `charges: units-with-quota` holds
to account only its responsible units with a quota at some window. For the goal marked
`catalogue: in-hall`, a unit with an item catalogue (items.yaml) stands where its items
say (`hsreform.views.catalogue.goal_progress`), whatever its progress entry says. Wherever the
view reads a unit's entry otherwise than it is written, the unit carries a `reading`
that says why, and every renderer shows it: status never disagrees with the data
silently.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from hsreform.dataset.dated import state_on
from hsreform.dataset.loader import Dataset
from hsreform.dataset.records import Progress, Requirement, Status, Tracked
from hsreform.views.catalogue import derived_progress


class State(StrEnum):
    """A row's state on a day."""

    DONE = "done"
    DONE_LATE = "done-late"
    OVERDUE = "overdue"
    DUE_SOON = "due-soon"
    OPEN = "open"
    BLOCKED = "blocked"
    NOT_STARTED = "not-started"
    EXEMPT = "exempt"


STATE_FAIL_ON = {
    "never": frozenset[State](),
    "overdue": frozenset({State.OVERDUE}),
    "blocked": frozenset({State.OVERDUE, State.BLOCKED}),
    "due-soon": frozenset({State.OVERDUE, State.BLOCKED, State.DUE_SOON}),
}
"""`status --fail-on X`: the states that make it exit 1, most urgent included."""


class Reading(StrEnum):
    """Why status reads a unit's progress entry otherwise than it is written."""

    EXEMPTION_NOT_ALLOWED = "exemption-not-allowed"
    """Exempt where the plan allows no exception: the unit owes it, as it stood before."""
    CATALOGUE = "catalogue"
    """The goal marked `catalogue: in-hall`: the unit's item catalogue decides."""
    MET_AFTER_DONE = "met-after-done"
    """Done, with a requirement dated later: done means met by `done_on`."""


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
    reading: Reading | None = None
    """Why the view reads the entry otherwise than it is written (None: as written)."""
    recorded: Status | None = None
    """The state the entry records on `as_of`, where `reading` is given."""

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
    not_charged: tuple[tuple[str, str], ...] = ()
    """(id, name) of the responsible units the data's reading does not charge (`charges`)."""

    @property
    def read_otherwise(self) -> tuple[UnitProgress, ...]:
        """The units whose entry the view reads otherwise than it is written."""
        return tuple(u for u in self.units if u.reading is not None)

    @property
    def past_deadline(self) -> bool:
        """Not finished, and the deadline has passed (overdue, or blocked in a unit's view)."""
        return self.state not in FINISHED and self.days_left is not None and self.days_left < 0

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
            return None  # an exempt row is not finished: nothing was owed
        return max((u.done_on for u in self.units if u.done_on), default=None)


FINISHED = frozenset({State.DONE, State.DONE_LATE, State.EXEMPT})
"""Row states with nothing left to do."""


@dataclass(frozen=True)
class Report:
    """Every row, with the day it is for.

    `plan_deadline` and `issued_on` are the plan's, whatever the rows are narrowed to: a
    unit's view says what the plan says about its deadlines and its issue.
    """

    as_of: dt.date
    tasks: tuple[Row, ...]
    goals: tuple[Row, ...]
    duties: tuple[Row, ...] = ()
    plan_deadline: dt.date | None = None
    """The latest deadline of the whole plan (borrowed ones included)."""
    issued_on: dt.date | None = None
    not_charged: tuple[Row, ...] = ()
    """In a unit's view: the items the unit is responsible for by the plan's words that the
    data's reading does not charge it with (`charges`)."""
    quotas: tuple[tuple[str, int], ...] = ()
    """In a unit's view: (window category's name, staff) of each quota the plan gives the
    unit: what the plan asks of a unit that no task names (a bank, a company)."""

    def counts(self, rows: Sequence[Row] | None = None) -> dict[str, int]:
        """Rows per state, every state present: tasks and goals unless `rows` are given."""
        tally = Counter(row.state for row in ((*self.tasks, *self.goals) if rows is None else rows))
        return {state.value: tally[state] for state in State}

    def fails(self, fail_on: str) -> bool:
        """Whether any row is in a state that `--fail-on fail_on` refuses (a unit blocked
        past the deadline counts as overdue too)."""
        bad = STATE_FAIL_ON[fail_on]
        return any(
            row.state in bad or (row.past_deadline and State.OVERDUE in bad)
            for row in (*self.tasks, *self.goals, *self.duties)
        )

    @property
    def deadlines_passed(self) -> bool:
        """Every deadline of the plan lies before `as_of`: the report looks back on it."""
        return self.plan_deadline is not None and self.plan_deadline < self.as_of

    @property
    def before_issue(self) -> bool:
        """`as_of` comes before the plan was issued: nothing of it was asked yet."""
        return self.issued_on is not None and self.as_of < self.issued_on

    @property
    def read_otherwise(self) -> tuple[tuple[Row, UnitProgress], ...]:
        """Every unit whose entry the view reads otherwise than it is written, with its row."""
        return tuple(
            (row, u) for row in (*self.tasks, *self.goals, *self.duties) for u in row.read_otherwise
        )


def unit_progress(
    unit_id: str,
    name: str,
    entry: Progress | None,
    as_of: dt.date,
    required: Sequence[str] = (),
    deadline: dt.date | None = None,
    *,
    exemptable: bool = True,
) -> UnitProgress:
    """What `unit_id` has recorded on a task (its `entry`), as it stood on `as_of`.

    `required` are the ids of the task's requirements that apply to this unit; done after
    `deadline` is late. Done means every one of them met by `done_on`. Where the item
    allows no exception (`exemptable` False), an exemption does not count.
    """
    state = None if entry is None else state_on(entry, as_of)
    reading: Reading | None = None
    recorded: Status | None = None
    if entry is not None and state is not None and state.status is Status.EXEMPT and not exemptable:
        reading, recorded = Reading.EXEMPTION_NOT_ALLOWED, state.status
        state = state_on(entry, as_of, exempt=False)
    if entry is None or state is None:
        return UnitProgress(
            unit_id,
            name,
            Status.NOT_STARTED,
            None,
            None,
            False,
            None,
            None,
            open=tuple(required),
            reading=reading,
            recorded=recorded,
        )
    status, since, done_on = state.status, state.began, state.done_on
    met: tuple[str, ...]
    open_: tuple[str, ...] = ()
    if status is Status.DONE and done_on is not None:
        met = tuple(required)
        if any((d := entry.met.get(r)) is not None and d > done_on for r in required):
            reading, recorded = Reading.MET_AFTER_DONE, status
    else:
        met = tuple(r for r in required if (d := entry.met.get(r)) is not None and d <= as_of)
        open_ = tuple(r for r in required if r not in met)
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
        reading,
        recorded,
    )


def row_state(
    units: tuple[UnitProgress, ...], days_left: int | None, soon: int, *, one_unit: bool = False
) -> State:
    """The state of a row from its units' standing and the days left (None: no deadline).

    In one unit's view (`one_unit`) the unit's own blocked state comes before overdue.
    """
    owing = [u for u in units if u.owes]
    if units and not owing:
        return State.EXEMPT
    if units and all(u.status is Status.DONE for u in owing):
        return State.DONE_LATE if any(u.late for u in owing) else State.DONE
    blocked = any(u.status is Status.BLOCKED for u in owing)
    if one_unit and blocked:
        return State.BLOCKED
    if days_left is not None and days_left < 0:
        return State.OVERDUE
    if blocked:
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
    """The row for `item`, narrowed to `unit` if given (None when `unit` is not charged)."""
    unit_ids = ds.charged(item)
    if unit is not None:
        if unit not in unit_ids:
            return None
        unit_ids = [unit]
    deadline, borrowed = deadline_of(ds, item)
    written = ds.progress_by_unit(item)
    derived = derived_progress(ds, item, as_of)
    applies = ds.requirement_units(item)
    units = []
    for u in unit_ids:
        standing = unit_progress(
            u,
            ds.units[u].name,
            derived.get(u) or written.get(u),
            as_of,
            ds.required(applies, u),
            deadline,
            exemptable=item.exceptions is not None,
        )
        by_hand = state_on(written[u], as_of) if u in derived and u in written else None
        if by_hand is not None and by_hand.status is not standing.status:
            standing = replace(standing, reading=Reading.CATALOGUE, recorded=by_hand.status)
        units.append(standing)
    days_left = None if deadline is None else (deadline - as_of).days
    return Row(
        kind,
        item.number,
        item.title,
        deadline,
        row_state(tuple(units), days_left, soon, one_unit=unit is not None),
        days_left,
        tuple(units),
        tuple(item.requirements),
        borrowed,
        () if unit is not None else tuple((u, ds.units[u].name) for u in ds.not_charged(item)),
    )


SECTIONS = (("task", "tasks"), ("goal", "goals"), ("duty", "duties"))
"""Each kind of tracked item and the section of tasks.yaml that holds it."""


def report(ds: Dataset, as_of: dt.date, *, soon: int = 3, unit: str | None = None) -> Report:
    """Every task, goal and duty on `as_of`; only those `unit` is charged with, if given."""

    def rows(kind: str, items: Sequence[Tracked]) -> tuple[Row, ...]:
        built = (row(ds, kind, t, as_of, soon, unit) for t in items)
        return tuple(r for r in built if r is not None)

    deadlines = [deadline_of(ds, item)[0] for _, _, item in ds.tracked()]
    excused: tuple[Row, ...] = ()
    if unit is not None:  # what the plan's words ask of the unit and the reading does not
        excused = tuple(
            r
            for kind, section in SECTIONS
            for item in getattr(ds.tasks, section)
            if unit in ds.not_charged(item) and (r := row(ds, kind, item, as_of, soon)) is not None
        )
    return Report(
        as_of,
        rows("task", ds.tasks.tasks),
        rows("goal", ds.tasks.goals),
        rows("duty", ds.tasks.duties),
        plan_deadline=max((d for d in deadlines if d is not None), default=None),
        issued_on=ds.tasks.plan.issued_on,
        not_charged=excused,
        quotas=tuple(
            (w.name, q.staff) for w in ds.windows.windows for q in w.quotas if q.unit == unit
        )
        if unit is not None
        else (),
    )
