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
- replacement-not-approved: a change of person needs the centre's consent in advance.
- predecessor-in-post: whoever was replaced is still in post (an `until` is missing).
- untrained: in post after the training deadline without training.
- posted-late: a first posting that began after the staffing deadline.

    staff:
      - name: 王芳
        unit: tax-bureau
        window: tax
        role: staff
        since: 2020-07-01
        replaces: 李强        # replacement-not-approved: no approved_by_centre
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from hsreform.findings import Finding, Severity
from hsreform.loader import Dataset
from hsreform.records import STAFF, TASKS, WINDOWS, QuotaRole, StaffMember, StaffRole

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
    yield from missing_deadlines(ds)
    yield from _quotas(ds, posted, overdue)
    yield from _plan_shortfalls(ds)
    yield from _double_postings(ds, posted)
    yield from _chiefs(ds, posted, overdue)
    yield from _replacements(ds, as_of)
    yield from _training(ds, posted, as_of)
    yield from _late_postings(ds, as_of, staffing_due)


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


def _training(
    ds: Dataset, posted: list[tuple[int, StaffMember]], as_of: dt.date
) -> Iterator[Finding]:
    due = deadline_for(ds, "training")
    if due is None or as_of <= due:
        return
    for index, member in posted:
        if member.trained_on is None or member.trained_on > as_of:
            yield ds.finding(
                S, ("staff", index), "untrained", name=member.name, deadline=due.isoformat()
            )


def _late_postings(ds: Dataset, as_of: dt.date, due: dt.date | None) -> Iterator[Finding]:
    if due is None:
        return
    roster = ds.staff.staff
    first_day = _Earliest()
    for other in roster:
        first_day.add(other, other.since)
    for index, member in enumerate(roster):
        if member.replaces is not None or not due < member.since <= as_of:
            continue
        if first_day.least(member) < member.since:
            continue  # a transfer, not a first posting
        yield ds.finding(
            S,
            ("staff", index, "since"),
            "posted-late",
            Severity.WARNING,
            name=member.name,
            since=member.since.isoformat(),
            deadline=due.isoformat(),
        )
