"""The roster against the quotas and the plan's staffing rules (`hsreform check-staffing`).

Only postings in post on `--as-of` count. Before the staffing deadline (the task marked
`deadline_for: staffing`) missing staff and missing chiefs are reported as info, after it
as errors. The rules:

- under-quota / over-quota: people per window category, unit and role against the quota;
  someone at a window where their unit has no quota is over a quota of 0.
- fewer-staff-than-windows: the plan itself gives a category fewer staff than windows
  (reviewers are not counted: they do not sit at a window); more-staff-than-windows says
  the opposite, as info (不动产登记: 7 windows, 8 staff).
- double-posting: window staff are full-time (四、“专职窗口工作人员”), so one person in
  post on two windows or for two units, or entered twice, is an error. People are the same
  when their staff numbers match, or their names match and no staff numbers tell them apart.
- no-chief / several-chiefs: the number of chief representatives (首席代表) in post per
  dispatching unit that windows.yaml's `chief_representatives` reads into 窗口实行首席代表制
  (bundled: one per unit, `count` of them for an entry standing for several, none for the
  centre); `chief-rule-missing` when the data gives no reading, and the rule does not run.
  The plan gives no number: the findings say it is the data's reading.
- replacement-not-approved / move-not-approved / leave-not-approved: 如遇特殊情况确需变动，
  派出单位应事先征得行政服务中心同意 covers every change: a replacement (`replaces`), a
  move (a later posting of the same person) and a departure (an `until` that no successor
  takes up) each need the centre's consent given by the day the change takes effect. A
  departure consented on its own (`leave_approved_by_centre`) stays consented when someone
  replaces the person later.
- predecessor-in-post: whoever was replaced is still in post (an `until` is missing).
- untrained: in post after the training deadline without training.
- trained-late: in post by the training deadline, and trained only after it.
- posted-late: the plan's initial posting was due by the staffing deadline: a first posting
  after it is late, unless it fills a vacancy (a seat at the window, unit and role that was
  filled at or after the deadline and has been left), or joins with the centre's prior
  consent (`approved_by_centre`). Like late training, it is a finding only while the
  person is in post.

    staff:
      - name: 王芳
        unit: tax-bureau
        window: tax
        role: staff
        since: 2020-07-01
        replaces: 李强        # replacement-not-approved: no approved_by_centre
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from hsreform.common.findings import Finding, Severity
from hsreform.dataset.loader import Dataset
from hsreform.dataset.records import STAFF, TASKS, WINDOWS, QuotaRole, StaffMember, StaffRole
from hsreform.reading.yamlsource import Path_

W, S = WINDOWS, STAFF


@dataclass(frozen=True)
class WindowStaffing:
    """One window category's figures for the summary table."""

    id: str
    name: str
    count: int
    quota: int
    staffed: int


RULES = ("staffing", "training")
"""The deadlines the staffing rules need, each from the task marked `deadline_for: <rule>`."""


def deadline_for(ds: Dataset, rule: str) -> dt.date | None:
    """The deadline of the task marked `deadline_for: rule`, if any."""
    return next((t.deadline for t in ds.tasks.tasks if t.deadline_for == rule), None)


def missing_deadlines(ds: Dataset) -> Iterator[Finding]:
    """A warning for each rule whose deadline or reading the data does not give: it cannot run."""
    for rule in RULES:
        if deadline_for(ds, rule) is None:
            yield ds.finding(TASKS, ("tasks",), "deadline-for-missing", Severity.WARNING, rule=rule)
    if ds.windows.chief_representatives is None:
        yield ds.sources[W].finding("chief-rule-missing", ("windows",), Severity.WARNING, key=True)


def quota_role(ds: Dataset, member: StaffMember) -> QuotaRole:
    """The quota a person counts against.

    A chief representative fills an ordinary staff place, or a reviewer's place where
    the unit sends only reviewers to that window (市场监督管理's 单位派驻审核人员).
    """
    if member.role is StaffRole.REVIEWER:
        return QuotaRole.REVIEWER
    chief = member.role is StaffRole.CHIEF
    if chief and ds.quota_roles.get((member.window, member.unit)) == {QuotaRole.REVIEWER}:
        return QuotaRole.REVIEWER
    return QuotaRole.STAFF


def in_post(ds: Dataset, as_of: dt.date) -> list[tuple[int, StaffMember]]:
    """Roster entries (with their index) in post on `as_of`."""
    return [(i, m) for i, m in enumerate(ds.staff.staff) if m.in_post(as_of)]


def summary(ds: Dataset, as_of: dt.date) -> list[WindowStaffing]:
    """Windows, quota and people in post per window category, in the plan's order."""
    present: dict[str, int] = defaultdict(int)
    for _, member in in_post(ds, as_of):
        present[member.window] += 1
    return [
        WindowStaffing(w.id, w.name, w.count, sum(q.staff for q in w.quotas), present[w.id])
        for w in ds.windows.windows
    ]


def check(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    """Every staffing finding for the roster on `as_of`."""
    staffing_due = deadline_for(ds, "staffing")
    overdue = Severity.ERROR if staffing_due is None or as_of > staffing_due else Severity.INFO
    posted = in_post(ds, as_of)
    first_day = _Earliest()
    for member in ds.staff.staff:
        first_day.add(member, member.since)
    yield from missing_deadlines(ds)
    yield from _quotas(ds, posted, overdue)
    yield from _plan_shortfalls(ds)
    yield from _double_postings(ds, posted)
    yield from _chiefs(ds, posted, overdue)
    yield from _replacements(ds, as_of)
    yield from _moves(ds, as_of, first_day)
    yield from _departures(ds, as_of, first_day)
    yield from _training(ds, posted, as_of, first_day)
    yield from _late_postings(ds, posted, as_of, staffing_due, first_day)


def _names(people: list[tuple[int, StaffMember]]) -> list[str]:
    return [m.name for _, m in people]


def _quotas(
    ds: Dataset, posted: list[tuple[int, StaffMember]], overdue: Severity
) -> Iterator[Finding]:
    by_place: dict[tuple[str, str, QuotaRole], list[tuple[int, StaffMember]]] = defaultdict(list)
    for index, member in posted:
        by_place[(member.window, member.unit, quota_role(ds, member))].append((index, member))
    for wi, window in enumerate(ds.windows.windows):
        for qi, quota in enumerate(window.quotas):
            people = by_place.pop((window.id, quota.unit, quota.role), [])
            params: dict[str, Any] = {
                "window": window.name,
                "unit": ds.units[quota.unit].name,
                "role": quota.role.value,
                "quota": quota.staff,
                "staffed": len(people),
                "names": _names(people),
            }
            if len(people) < quota.staff:
                yield ds.finding(W, ("windows", wi, "quotas", qi), "under-quota", overdue, **params)
            elif len(people) > quota.staff:
                yield ds.finding(
                    W, ("windows", wi, "quotas", qi), "over-quota", Severity.WARNING, **params
                )
    for (window_id, unit_id, role), people in by_place.items():  # no quota at all
        for index, member in people:
            yield ds.finding(
                S,
                ("staff", index),
                "over-quota",
                Severity.WARNING,
                window=ds.window_categories[window_id].name,
                unit=ds.units[unit_id].name,
                role=role.value,
                quota=0,
                staffed=len(people),
                names=[member.name],
            )


def _plan_shortfalls(ds: Dataset) -> Iterator[Finding]:
    for wi, window in enumerate(ds.windows.windows):
        staff = sum(q.staff for q in window.quotas if q.role is QuotaRole.STAFF)
        if staff == window.count:
            continue
        code, severity = (
            ("fewer-staff-than-windows", Severity.WARNING)
            if staff < window.count
            else ("more-staff-than-windows", Severity.INFO)
        )
        yield ds.finding(
            W,
            ("windows", wi, "count"),
            code,
            severity,
            window=window.name,
            count=window.count,
            staff=staff,
        )


class _Earliest:
    """The least value (a place on the roster, a first day) recorded for each person.

    People are the same when their staff numbers match, or their names match and no staff
    numbers tell them apart. Looked up by number and by name: comparing every pair of
    postings took minutes on a roster of thousands.
    """

    def __init__(self) -> None:
        self._number: dict[str, Any] = {}
        self._name: dict[str, Any] = {}
        self._unnumbered: dict[str, Any] = {}  # names of postings without a staff number

    def add(self, member: StaffMember, value: Any) -> None:
        """Record `value` for the person of `member`."""
        unnumbered = None if member.staff_no else member.name
        for index, key in (
            (self._number, member.staff_no),
            (self._name, member.name),
            (self._unnumbered, unnumbered),
        ):
            if key is not None and (key not in index or value < index[key]):
                index[key] = value

    def least(self, member: StaffMember) -> Any:
        """The least value recorded for the person of `member`, or None."""
        if member.staff_no:
            found = [self._number.get(member.staff_no), self._unnumbered.get(member.name)]
        else:
            found = [self._name.get(member.name)]
        return min((value for value in found if value is not None), default=None)


def _double_postings(ds: Dataset, posted: list[tuple[int, StaffMember]]) -> Iterator[Finding]:
    earliest = _Earliest()
    for n, (index, member) in enumerate(posted):
        earlier = earliest.least(member)
        earliest.add(member, n)
        if earlier is None:
            continue
        first_index, first = posted[earlier]
        yield ds.finding(
            S,
            ("staff", index),
            "double-posting",
            name=member.name,
            window=ds.window_categories[member.window].name,
            unit=ds.units[member.unit].name,
            other_window=ds.window_categories[first.window].name,
            other_unit=ds.units[first.unit].name,
            first=ds.sources[S].position(("staff", first_index))[0] + 1,
            # one of them without a staff number: two people of one name look like one
            what="" if member.staff_no and first.staff_no else "unnumbered",
            # the one without a number (this one, if both lack it), named apart from the other
            who=ds.names.telling(*((first, member) if member.staff_no else (member, first))),
        )


def _chiefs(
    ds: Dataset, posted: list[tuple[int, StaffMember]], overdue: Severity
) -> Iterator[Finding]:
    rule = ds.windows.chief_representatives
    if rule is None:
        return
    dispatching = {q.unit for w in ds.windows.windows for q in w.quotas}
    chiefs: dict[str, list[tuple[int, StaffMember]]] = defaultdict(list)
    for index, member in posted:
        if member.role is StaffRole.CHIEF:
            chiefs[member.unit].append((index, member))
    for ui, unit in enumerate(ds.windows.units):
        expected = rule.expected(unit)
        found = chiefs.get(unit.id, [])
        if unit.id not in dispatching or (expected == 0 and not found):
            continue
        params: dict[str, Any] = {
            "unit": unit.name,
            "expected": expected,
            "found": len(found),
            "names": _names(found),
        }
        if len(found) < expected:
            yield ds.finding(W, ("units", ui), "no-chief", overdue, **params)
        elif len(found) > expected:
            index = found[expected][0]
            yield ds.finding(S, ("staff", index), "several-chiefs", **params)


class _Predecessors:
    """Whom each `replaces` names (by staff number or name), and whether any of them is in
    post, found in constant time: a roster of thousands replacing one name stays fast."""

    def __init__(self, roster: list[StaffMember], as_of: dt.date) -> None:
        self.named: dict[str, list[StaffMember]] = defaultdict(list)
        self.in_post: dict[str, int] = defaultdict(int)
        for person in roster:
            for key in {person.name, person.staff_no} - {None}:
                self.named[str(key)].append(person)
                self.in_post[str(key)] += person.in_post(as_of)
        self.as_of = as_of

    def _own(self, member: StaffMember) -> bool:
        """Whether `member` is among those its `replaces` names (a `replaces-self`)."""
        return member.replaces in (member.name, member.staff_no)

    def first(self, member: StaffMember) -> StaffMember | None:
        """The first posting, on the roster, of the person `member` replaces."""
        return next(
            (p for p in self.named.get(str(member.replaces), [])[:2] if p is not member), None
        )

    def any_in_post(self, member: StaffMember) -> bool:
        """Whether a posting of the person `member` replaces is in post."""
        own = self._own(member) and member.in_post(self.as_of)
        return self.in_post.get(str(member.replaces), 0) - own > 0


def _who(member: StaffMember, person: StaffMember | None) -> str:
    """The predecessor as people say it: 名字（工号）, or as `replaces` wrote it."""
    if person is None or person.staff_no is None:
        return str(member.replaces)
    return f"{person.name}（{person.staff_no}）"


def _replacements(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    predecessors = _Predecessors(ds.staff.staff, as_of)
    for index, member in enumerate(ds.staff.staff):
        if member.replaces is None or member.since > as_of:
            continue
        approval = member.approved_by_centre
        params: dict[str, Any] = {
            "name": member.name,
            "replaces": _who(member, predecessors.first(member)),
            "since": member.since.isoformat(),
        }
        if member.in_post(as_of) and predecessors.any_in_post(member):
            yield ds.finding(S, ("staff", index, "replaces"), "predecessor-in-post", **params)
        if approval is None or approval is False:
            yield ds.finding(
                S, ("staff", index), "replacement-not-approved", reason="none", **params
            )
        elif isinstance(approval, dt.date) and approval > member.since:
            yield ds.finding(
                S,
                ("staff", index, "approved_by_centre"),
                "replacement-not-approved",
                reason="late",
                approved=approval.isoformat(),
                **params,
            )


def consented(approval: dt.date | bool | None, day: dt.date) -> bool:
    """Whether `approval` (a date, or true when its date is not known) came by `day`."""
    return approval is True or (isinstance(approval, dt.date) and approval <= day)


def _consent(
    ds: Dataset,
    code: str,
    path: Path_,
    approval: dt.date | bool | None,
    day: dt.date,
    **params: Any,
) -> Iterator[Finding]:
    """`code` when a change taking effect on `day` lacks the centre's prior consent."""
    if consented(approval, day):
        return
    if isinstance(approval, dt.date):
        yield ds.finding(S, path, code, reason="late", approved=approval.isoformat(), **params)
    else:
        yield ds.finding(S, path, code, reason="none", **params)


def _moves(ds: Dataset, as_of: dt.date, first_day: _Earliest) -> Iterator[Finding]:
    """A later posting of a person already on the roster (a move, or a return) is a change."""
    for index, member in enumerate(ds.staff.staff):
        if member.replaces is not None or member.since > as_of:
            continue
        if first_day.least(member) < member.since:
            yield from _consent(
                ds,
                "move-not-approved",
                ("staff", index, "approved_by_centre")
                if member.approved_by_centre is not None
                else ("staff", index),
                member.approved_by_centre,
                member.since,
                name=member.name,
                window=ds.window_categories[member.window].name,
                unit=ds.units[member.unit].name,
                since=member.since.isoformat(),
            )


def _departures(ds: Dataset, as_of: dt.date, first_day: _Earliest) -> Iterator[Finding]:
    """A posting that has ended is a change, unless a successor takes it up: a replacement
    naming the person, or the person's own next posting the day after (a move). Those
    carry the consent; it must have come by the day the person left."""
    roster = ds.staff.staff
    successor = _successors(roster, first_day)
    for index, member in enumerate(roster):
        if member.until is None or member.until >= as_of:
            continue  # still in post on as_of: not a change yet
        left = member.until + dt.timedelta(days=1)
        params: dict[str, Any] = {
            "name": member.name,
            "window": ds.window_categories[member.window].name,
            "until": member.until.isoformat(),
        }
        taken_up = successor.get(index)
        if taken_up is None:
            approval = member.leave_approved_by_centre
            key = "leave_approved_by_centre" if approval is not None else "until"
            yield from _consent(
                ds, "leave-not-approved", ("staff", index, key), approval, left, **params
            )
            continue
        if consented(member.leave_approved_by_centre, left):
            continue  # the departure had its own consent, whoever took the place up later
        approval = roster[taken_up].approved_by_centre
        if isinstance(approval, dt.date) and left < approval <= roster[taken_up].since:
            # the successor was approved in time for its own start, not for this departure
            # said as it was said before the successor came: the departure itself lacks it
            own = member.leave_approved_by_centre
            key = "leave_approved_by_centre" if own is not None else "until"
            yield from _consent(
                ds, "leave-not-approved", ("staff", index, key), own, left, **params
            )


def _successors(roster: list[StaffMember], first_day: _Earliest) -> dict[int, int]:
    """Roster index of each posting that ended → the posting that takes it up, if any:
    the first on the roster of a replacement naming the person (of their postings, the
    one that ended last before it began) and the person's own posting the day after."""
    ended: dict[str, list[tuple[dt.date, int]]] = defaultdict(list)
    ending: dict[tuple[str, dt.date], list[int]] = defaultdict(list)
    for index, member in enumerate(roster):
        if member.until is not None:
            for key in {member.name, member.staff_no} - {None}:
                ended[str(key)].append((member.until, -index))
                ending[(str(key), member.until)].append(index)
    for postings in ended.values():
        postings.sort()  # by day; on one day the first on the roster last
    out: dict[int, int] = {}
    day = dt.timedelta(days=1)
    for index, member in enumerate(roster):
        if member.replaces is not None:
            postings = ended.get(member.replaces, [])
            before = bisect.bisect_left(postings, (member.since, -len(roster)))
            if before:
                out.setdefault(-postings[before - 1][1], index)
        elif first_day.least(member) < member.since:  # a move: the posting ending the day before
            keys = {member.name, member.staff_no} - {None}
            found = {i for key in keys for i in ending.get((str(key), member.since - day), [])}
            for i in sorted(found):
                if same_person(roster[i], member):
                    out.setdefault(i, index)
    return out


def same_person(a: StaffMember, b: StaffMember) -> bool:
    """Whether two postings are one person's: their staff numbers match, or their names do
    and no staff numbers tell them apart (as `_Earliest` compares them)."""
    if a.staff_no and b.staff_no:
        return a.staff_no == b.staff_no
    return a.name == b.name


def _training(
    ds: Dataset, posted: list[tuple[int, StaffMember]], as_of: dt.date, first_day: _Earliest
) -> Iterator[Finding]:
    due = deadline_for(ds, "training")
    if due is None or as_of <= due:
        return
    for index, member in posted:
        if member.trained_on is None or member.trained_on > as_of:
            yield ds.finding(
                S, ("staff", index), "untrained", name=member.name, deadline=due.isoformat()
            )
        elif member.trained_on > due and first_day.least(member) <= due:
            yield ds.finding(
                S,
                ("staff", index, "trained_on"),
                "trained-late",
                Severity.WARNING,
                name=member.name,
                trained_on=member.trained_on.isoformat(),
                deadline=due.isoformat(),
            )


def _late_postings(
    ds: Dataset,
    posted: list[tuple[int, StaffMember]],
    as_of: dt.date,
    due: dt.date | None,
    first_day: _Earliest,
) -> Iterator[Finding]:
    if due is None:
        return
    roster = ds.staff.staff
    present = _Earliest()  # whoever is in post on as_of, by any posting
    for _, member in posted:
        present.add(member, 0)

    def initial(index: int) -> bool:
        """A first posting after the deadline that no change or consent accounts for."""
        member = roster[index]
        return (
            member.replaces is None
            and due < member.since
            and first_day.least(member) >= member.since  # not a move
            and not consented(member.approved_by_centre, member.since)
        )

    new_seats = _new_seats(ds, due, initial)
    for index, member in enumerate(roster):
        if member.since > as_of or index not in new_seats:
            continue
        if present.least(member) is None:
            continue  # the person has left: nothing to do about it now
        yield ds.finding(
            S,
            ("staff", index, "since"),
            "posted-late",
            Severity.WARNING,
            name=member.name,
            since=member.since.isoformat(),
            deadline=due.isoformat(),
        )


def _new_seats(ds: Dataset, due: dt.date, initial: Callable[[int], bool]) -> set[int]:
    """Postings for which `initial` holds that add a seat at their window, unit and role
    after the deadline `due`, rather than fill one left empty.

    The seats of a place are the most people in post there on any day from `due` on; a
    posting that raises that number adds a seat. Of those starting on one day, changes of
    person take the empty seats first.
    """
    places: dict[tuple[str, str, QuotaRole], list[int]] = defaultdict(list)
    for index, member in enumerate(ds.staff.staff):
        places[(member.window, member.unit, quota_role(ds, member))].append(index)
    out: set[int] = set()
    day = dt.timedelta(days=1)
    for indices in places.values():
        people = [ds.staff.staff[i] for i in indices]
        count = sum(m.in_post(due) for m in people)
        delta: dict[dt.date, int] = defaultdict(int)
        starting: dict[dt.date, list[int]] = defaultdict(list)
        for i, m in zip(indices, people, strict=True):
            if m.since > due:
                delta[m.since] += 1
                starting[m.since].append(i)
            if m.until is not None and m.until >= due:
                delta[m.until + day] -= 1
        seats = count
        for when in sorted(delta):
            count += delta[when]
            added = count - seats
            if added > 0 and starting[when]:
                ranked = sorted(starting[when], key=lambda i: (initial(i), i))
                out.update(i for i in ranked[-added:] if initial(i))
            seats = max(seats, count)
    return out
