"""What a meeting needs in one document (`hsreform report`), composed from the other views.

The plan's header, the status of every task, goal and duty with a timeline, the unit ×
task matrix, staffing per window category, the self-service areas and the offices.

Tasks and goals each have a timeline (the goal's year-end deadline would squeeze the
tasks' month into a sliver): from the plan's issue day to the latest deadline or late
finish, stretched to `as_of` within limits. Each dated row is a bar from the issue day to
its deadline; late work (done late, or still open after the deadline) extends it in red up
to the day it was finished or to `as_of`. `as_of` is marked; a day beyond the end of the
timeline is marked at its end and flagged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from hsreform.checks import staffing
from hsreform.checks.staffing import WindowStaffing
from hsreform.common.findings import Finding
from hsreform.dataset.loader import Dataset
from hsreform.dataset.records import Plan, SelfServiceArea, Status
from hsreform.views import catalogue
from hsreform.views.catalogue import ItemsReport
from hsreform.views.status import Report, Row, State, UnitProgress, report


@dataclass(frozen=True)
class Span:
    """A stretch of the timeline, as fractions of its width (0 is the issue day, 1 the end)."""

    start: float
    end: float


@dataclass(frozen=True)
class Bar:
    """One row on the timeline: planned from the issue day to the deadline, late after it.

    `marker` is where `as_of` falls; `beyond` says it lies past the end of the timeline.
    """

    planned: Span
    late: Span | None
    marker: float
    beyond: bool


@dataclass(frozen=True)
class Timeline:
    """The scale shared by every bar, and where `as_of` falls on it."""

    start: dt.date
    end: dt.date
    as_of: dt.date

    def at(self, day: dt.date) -> float:
        """Where `day` falls, from 0 (the issue day) to 1 (the end), clamped."""
        length = max((self.end - self.start).days, 1)
        return min(max((day - self.start).days / length, 0.0), 1.0)

    @property
    def marker(self) -> float:
        """Where `as_of` is marked."""
        return self.at(self.as_of)

    @property
    def beyond(self) -> bool:
        """`as_of` lies after the end: its marker stands at the end, flagged."""
        return self.as_of > self.end

    def bar(self, row: Row) -> Bar | None:
        """The bar of a row; None for one without a deadline."""
        if row.deadline is None:
            return None
        planned = Span(0.0, self.at(row.deadline))
        late_until = None
        if row.state is State.DONE_LATE:
            late_until = row.finished_on
        elif row.state is State.OVERDUE:
            late_until = self.as_of
        late = None if late_until is None else Span(planned.end, self.at(late_until))
        return Bar(planned, late, self.marker, self.beyond)


def timeline(plan: Plan, rows: Sequence[Row], as_of: dt.date) -> Timeline:
    """The timeline of some rows: from the issue day to the latest deadline or late finish.

    It stretches to `as_of` when that comes later, so that late work shows, but to no more
    than twice its planned length: a report long after the plan marks `as_of` at the end.
    """
    days = [d for r in rows for d in (r.deadline, r.finished_on) if d is not None]
    latest = max([plan.issued_on, *days])
    stretch = latest + (latest - plan.issued_on)
    return Timeline(plan.issued_on, max(latest, min(as_of, stretch)), as_of)


class Cell(StrEnum):
    """How one unit stands on one item of the matrix."""

    DONE = "done"
    DONE_LATE = "done-late"
    OVERDUE = "overdue"
    BLOCKED = "blocked"
    IN_PROGRESS = "in-progress"
    NOT_STARTED = "not-started"
    EXEMPT = "exempt"


def cell(unit: UnitProgress, row: Row, as_of: dt.date) -> Cell:
    """A unit's own standing on a row, with lateness: done late, or open past the deadline
    (a unit that reports itself blocked shows blocked, past the deadline or not)."""
    if unit.status is Status.DONE:
        return Cell.DONE_LATE if unit.late else Cell.DONE
    if unit.status is Status.EXEMPT:
        return Cell.EXEMPT
    if unit.status is Status.BLOCKED:
        return Cell.BLOCKED
    if row.deadline is not None and row.deadline < as_of:
        return Cell.OVERDUE
    return Cell.IN_PROGRESS if unit.status is Status.IN_PROGRESS or unit.met else Cell.NOT_STARTED


@dataclass(frozen=True)
class MatrixRow:
    """One unit across the matrix: a cell per column, None where it is not responsible."""

    unit: str
    name: str
    cells: tuple[Cell | None, ...]


@dataclass(frozen=True)
class Matrix:
    """Units × tasks, goals and duties."""

    columns: tuple[Row, ...]
    rows: tuple[MatrixRow, ...]


def matrix(ds: Dataset, status: Report) -> Matrix:
    """Every responsible unit, in the data's order, across every row of `status`."""
    columns = (*status.tasks, *status.goals, *status.duties)
    standing = {
        (column, u.unit): cell(u, row, status.as_of)
        for column, row in enumerate(columns)
        for u in row.units
    }
    responsible = {unit for column, unit in standing}
    rows = tuple(
        MatrixRow(u.id, u.name, tuple(standing.get((c, u.id)) for c in range(len(columns))))
        for u in ds.windows.units
        if u.id in responsible
    )
    return Matrix(columns, rows)


class Staffed(StrEnum):
    """A window category's people in post against its quota."""

    FULL = "full"
    SHORT = "short"
    OVER = "over"


@dataclass(frozen=True)
class WindowCompliance:
    """One window category's staffing on `as_of`."""

    window: WindowStaffing

    @property
    def state(self) -> Staffed:
        """Full, short of its quota, or over it."""
        w = self.window
        if w.staffed == w.quota:
            return Staffed.FULL
        return Staffed.SHORT if w.staffed < w.quota else Staffed.OVER

    @property
    def gap(self) -> int:
        """People missing to fill the quota (0 when full or over)."""
        return max(self.window.quota - self.window.staffed, 0)


@dataclass(frozen=True)
class Room:
    """Offices of one purpose, with their owner's name where the plan gives one."""

    name: str
    count: int
    owner: str | None


@dataclass(frozen=True)
class MeetingReport:
    """Everything `hsreform report` shows, for one day."""

    plan: Plan
    status: Report
    task_timeline: Timeline
    goal_timeline: Timeline
    matrix: Matrix
    staffing: tuple[WindowCompliance, ...]
    staffing_findings: tuple[Finding, ...]
    areas: tuple[SelfServiceArea, ...]
    offices: tuple[Room, ...]
    partial_groups: tuple[str, ...]
    """Groups the plan never lists in full: units-done figures count only the known members."""
    items: ItemsReport | None = None
    """The item catalogue's 应进必进 figures, where the county keeps a catalogue."""

    @property
    def as_of(self) -> dt.date:
        """The day the report is for."""
        return self.status.as_of

    @property
    def units_owing(self) -> int:
        """Unit obligations on tasks and goals, the exempt ones not counted."""
        return sum(r.units_total for r in self._rows)

    @property
    def units_done(self) -> int:
        """Of those, the ones done by `as_of`."""
        return sum(r.units_done for r in self._rows)

    @property
    def requirements_total(self) -> int:
        """Requirements owed on tasks and goals."""
        return sum(r.requirements_total for r in self._rows)

    @property
    def requirements_met(self) -> int:
        """Of those, the ones met by `as_of`."""
        return sum(r.requirements_met for r in self._rows)

    @property
    def windows_short(self) -> int:
        """Window categories short of their quota."""
        return sum(w.state is Staffed.SHORT for w in self.staffing)

    @property
    def areas_in_hall(self) -> int:
        """Self-service areas in the hall (大厅内共设置自助服务区 3 个)."""
        return sum(not a.open_24h for a in self.areas)

    @property
    def areas_24h(self) -> int:
        """24-hour self-service areas, set up besides them (设置 24 小时自助服务区 1 个)."""
        return sum(a.open_24h for a in self.areas)

    @property
    def offices_total(self) -> int:
        """Rooms in all."""
        return sum(o.count for o in self.offices)

    @property
    def _rows(self) -> Sequence[Row]:
        return (*self.status.tasks, *self.status.goals)


def meeting_report(ds: Dataset, as_of: dt.date, *, soon: int = 3) -> MeetingReport:
    """The meeting report of `ds` on `as_of`."""
    status = report(ds, as_of, soon=soon)
    return MeetingReport(
        plan=ds.tasks.plan,
        status=status,
        task_timeline=timeline(ds.tasks.plan, status.tasks, as_of),
        goal_timeline=timeline(ds.tasks.plan, status.goals, as_of),
        matrix=matrix(ds, status),
        staffing=tuple(WindowCompliance(w) for w in staffing.summary(ds, as_of)),
        staffing_findings=tuple(staffing.check(ds, as_of)),
        areas=tuple(ds.windows.self_service_areas),
        offices=tuple(
            Room(o.name, o.count, ds.units[o.owner].name if o.owner in ds.units else None)
            for o in ds.windows.offices
        ),
        partial_groups=tuple(g.name for g in ds.windows.groups if not g.complete),
        items=catalogue.report(ds, as_of) if ds.catalogues else None,
    )
