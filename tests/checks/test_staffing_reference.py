"""The indexed staffing rules give exactly what a straightforward reading of each rule gives.

The rules that compare people with people (double postings, first postings after the
deadline and the seats they fill, replacements and predecessors still in post, moves,
departures and who takes them up, late training) are indexed so that they stay linear in
the roster. Here each is run beside a plain quadratic reference, written as the rule
reads, on random rosters full of clashing names and staff numbers; the findings must be
the same, in the same order.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hsreform.checks import staffing
from hsreform.common.findings import Finding, Severity
from hsreform.dataset.loader import Dataset, load
from hsreform.dataset.records import STAFF, StaffMember
from tests.conftest import CLEAN

PROFILE = settings(
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow],
)
DAY = dt.date(2020, 6, 1)
PLACES = (("tax-bureau", "tax"), ("public-security-bureau", "police"), ("centre", "market"))


def _same_person(a: StaffMember, b: StaffMember) -> bool:
    if a.staff_no and b.staff_no:
        return a.staff_no == b.staff_no
    return a.name == b.name


def _double_postings(ds: Dataset, posted: list[tuple[int, StaffMember]]) -> Iterator[Finding]:
    for n, (index, member) in enumerate(posted):
        earlier = next(((i, m) for i, m in posted[:n] if _same_person(m, member)), None)
        if earlier is None:
            continue
        first_index, first = earlier
        yield ds.finding(
            STAFF,
            ("staff", index),
            "double-posting",
            name=member.name,
            window=ds.window_categories[member.window].name,
            unit=ds.units[member.unit].name,
            other_window=ds.window_categories[first.window].name,
            other_unit=ds.units[first.unit].name,
            first=ds.sources[STAFF].position(("staff", first_index))[0] + 1,
            what="" if member.staff_no and first.staff_no else "unnumbered",
            who=_told_apart(ds, first, member)
            if member.staff_no
            else _told_apart(ds, member, first),
        )


def _told_apart(ds: Dataset, member: StaffMember, other: StaffMember) -> str:
    """The advice's name for `member`: with the first thing in which it differs from `other`
    (its own staff number, window, unit; else the day it came)."""
    if member.staff_no and member.staff_no != other.staff_no:
        word = member.staff_no
    elif member.window != other.window:
        word = ds.window_categories[member.window].name
    elif member.unit != other.unit:
        word = ds.units[member.unit].name
    else:
        word = f"{member.since.isoformat()}起"
    return f"{member.name}（{word}）"


def _first_posting(ds: Dataset, member: StaffMember) -> bool:
    return not any(_same_person(o, member) and o.since < member.since for o in ds.staff.staff)


def _consented(approval: dt.date | bool | None, day: dt.date) -> bool:
    return approval is True or (isinstance(approval, dt.date) and approval <= day)


def _initial(ds: Dataset, member: StaffMember, due: dt.date) -> bool:
    """A first posting after the deadline, not a replacement, without the centre's consent."""
    return (
        member.replaces is None
        and due < member.since
        and _first_posting(ds, member)
        and not _consented(member.approved_by_centre, member.since)
    )


def _place(ds: Dataset, member: StaffMember) -> tuple[str, str, Any]:
    return (member.window, member.unit, staffing.quota_role(ds, member))


def _in_post_at(ds: Dataset, place: tuple[str, str, Any], day: dt.date) -> int:
    return sum(_place(ds, m) == place and m.in_post(day) for m in ds.staff.staff)


def _adds_a_seat(ds: Dataset, index: int, due: dt.date) -> bool:
    """More people at the place on its first day than on any day from the deadline on;
    of those starting that day, changes of person take the seats left empty first."""
    roster = ds.staff.staff
    member = roster[index]
    if not _initial(ds, member, due):
        return False
    place = _place(ds, member)
    days = (member.since - due).days
    seats = max(_in_post_at(ds, place, due + dt.timedelta(days=d)) for d in range(days))
    added = _in_post_at(ds, place, member.since) - seats
    starting = [
        i for i, m in enumerate(roster) if _place(ds, m) == place and m.since == member.since
    ]
    ranked = sorted(starting, key=lambda i: (_initial(ds, roster[i], due), i))
    return added > 0 and index in ranked[max(len(ranked) - added, 0) :]


def _late_postings(ds: Dataset, as_of: dt.date, due: dt.date) -> Iterator[Finding]:
    roster = ds.staff.staff
    for index, member in enumerate(roster):
        if member.since > as_of or not _adds_a_seat(ds, index, due):
            continue
        if not any(_same_person(o, member) and o.in_post(as_of) for o in roster):
            continue
        yield ds.finding(
            STAFF,
            ("staff", index, "since"),
            "posted-late",
            Severity.WARNING,
            name=member.name,
            since=member.since.isoformat(),
            deadline=due.isoformat(),
        )


def _predecessors(ds: Dataset, member: StaffMember) -> list[StaffMember]:
    return [
        p for p in ds.staff.staff if p is not member and member.replaces in (p.staff_no, p.name)
    ]


def _replacements(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    for index, member in enumerate(ds.staff.staff):
        if member.replaces is None or member.since > as_of:
            continue
        approval = member.approved_by_centre
        predecessors = _predecessors(ds, member)
        person = next(iter(predecessors), None)
        who = (
            str(member.replaces)
            if person is None or person.staff_no is None
            else f"{person.name}（{person.staff_no}）"
        )
        params: dict[str, Any] = {
            "name": member.name,
            "replaces": who,
            "since": member.since.isoformat(),
        }
        if member.in_post(as_of) and any(p.in_post(as_of) for p in predecessors):
            yield ds.finding(STAFF, ("staff", index, "replaces"), "predecessor-in-post", **params)
        if approval is None or approval is False:
            yield ds.finding(
                STAFF, ("staff", index), "replacement-not-approved", reason="none", **params
            )
        elif isinstance(approval, dt.date) and approval > member.since:
            yield ds.finding(
                STAFF,
                ("staff", index, "approved_by_centre"),
                "replacement-not-approved",
                reason="late",
                approved=approval.isoformat(),
                **params,
            )


def _changed(
    ds: Dataset, code: str, path: Any, approval: Any, day: dt.date, **params: Any
) -> Iterator[Finding]:
    if _consented(approval, day):
        return
    if isinstance(approval, dt.date):
        yield ds.finding(STAFF, path, code, reason="late", approved=approval.isoformat(), **params)
    else:
        yield ds.finding(STAFF, path, code, reason="none", **params)


def _moves(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    for index, member in enumerate(ds.staff.staff):
        if member.replaces is not None or member.since > as_of or _first_posting(ds, member):
            continue
        approval = member.approved_by_centre
        path = ("staff", index) if approval is None else ("staff", index, "approved_by_centre")
        yield from _changed(
            ds,
            "move-not-approved",
            path,
            approval,
            member.since,
            name=member.name,
            window=ds.window_categories[member.window].name,
            unit=ds.units[member.unit].name,
            since=member.since.isoformat(),
        )


def _takes_up(ds: Dataset, successor: StaffMember, index: int) -> bool:
    """Whether `successor` takes up the posting at `index` once it ended: it replaces the
    person, and this is their posting that ended last before it began (the first such on
    the roster); or it is the same person's next posting, the day after (a move)."""
    roster = ds.staff.staff
    ended = roster[index]
    assert ended.until is not None
    if successor.replaces is not None:
        named = [
            i
            for i, p in enumerate(roster)
            if p.until is not None
            and successor.replaces in (p.name, p.staff_no)
            and p.until < successor.since
        ]
        latest = max((roster[i].until for i in named), default=None)
        return bool(named) and next(i for i in named if roster[i].until == latest) == index
    return (
        not _first_posting(ds, successor)
        and _same_person(ended, successor)
        and ended.until + dt.timedelta(days=1) == successor.since
    )


def _departures(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    roster = ds.staff.staff
    for index, member in enumerate(roster):
        if member.until is None or member.until >= as_of:
            continue
        left = member.until + dt.timedelta(days=1)
        params = {
            "name": member.name,
            "window": ds.window_categories[member.window].name,
            "until": member.until.isoformat(),
        }
        successor = next((s for s in roster if _takes_up(ds, s, index)), None)
        if successor is None:
            approval = member.leave_approved_by_centre
            key = "until" if approval is None else "leave_approved_by_centre"
            yield from _changed(
                ds, "leave-not-approved", ("staff", index, key), approval, left, **params
            )
            continue
        own = member.leave_approved_by_centre
        if _consented(own, left):
            continue  # consented to on its own, before the person left
        approval = successor.approved_by_centre
        if isinstance(approval, dt.date) and left < approval <= successor.since:
            key = "until" if own is None else "leave_approved_by_centre"
            yield from _changed(
                ds, "leave-not-approved", ("staff", index, key), own, left, **params
            )


def _training(ds: Dataset, as_of: dt.date, due: dt.date) -> Iterator[Finding]:
    if as_of <= due:
        return
    roster = ds.staff.staff
    for index, member in enumerate(roster):
        if not member.in_post(as_of):
            continue
        if member.trained_on is None or member.trained_on > as_of:
            yield ds.finding(
                STAFF, ("staff", index), "untrained", name=member.name, deadline=due.isoformat()
            )
        elif member.trained_on > due and any(
            _same_person(o, member) and o.since <= due for o in roster
        ):
            yield ds.finding(
                STAFF,
                ("staff", index, "trained_on"),
                "trained-late",
                Severity.WARNING,
                name=member.name,
                trained_on=member.trained_on.isoformat(),
                deadline=due.isoformat(),
            )


@st.composite
def rosters(draw: Any) -> list[dict[str, Any]]:
    """Up to 25 postings drawn from three names and three staff numbers: clashes are common."""
    people = []
    for _ in range(draw(st.integers(0, 25))):
        unit, window = draw(st.sampled_from(PLACES))
        since = DAY + dt.timedelta(days=draw(st.integers(0, 20)))
        person: dict[str, Any] = {
            "name": draw(st.sampled_from(["王芳", "李娜", "张伟"])),
            "unit": unit,
            "window": window,
            "role": "staff",
            "since": since,
        }
        trained = draw(st.sampled_from([None, 0, 10, 21, 24]))
        if trained is not None:
            person["trained_on"] = DAY + dt.timedelta(days=trained)
        staff_no = draw(st.sampled_from([None, "T1", "T2", "T3"]))
        if staff_no:
            person["staff_no"] = staff_no
        if draw(st.booleans()):
            person["until"] = since + dt.timedelta(days=draw(st.integers(0, 10)))
            if draw(st.booleans()):
                left = DAY + dt.timedelta(days=draw(st.integers(0, 30)))
                person["leave_approved_by_centre"] = draw(st.sampled_from([left, True, False]))
        if draw(st.integers(0, 3)) == 0:
            person["replaces"] = draw(st.sampled_from(["王芳", "李娜", "T1", "T2"]))
        if draw(st.integers(0, 2)) == 0:
            approved = DAY + dt.timedelta(days=draw(st.integers(0, 20)))
            person["approved_by_centre"] = draw(st.sampled_from([approved, approved, True]))
        people.append(person)
    return people


def _dataset(folder: Path, roster: list[dict[str, Any]]) -> Dataset:
    from ruamel.yaml import YAML

    shutil.copytree(CLEAN, folder)
    yaml = YAML(typ="safe", pure=True)
    with (folder / "staff.yaml").open("w", encoding="utf-8") as stream:
        yaml.dump({"staff": roster}, stream)
    loaded = load(folder)
    assert loaded.dataset is not None, [f.describe("en") for f in loaded.findings]
    return loaded.dataset


def _described(findings: Iterator[Finding]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(f.code, f.location, dict(f.params)) for f in findings]


@PROFILE
@given(roster=rosters(), day=st.integers(0, 25))
def test_indexed_rules_agree_with_the_plain_reading(roster: list[dict[str, Any]], day: int) -> None:
    as_of = DAY + dt.timedelta(days=day)
    due = DAY + dt.timedelta(days=5)
    with tempfile.TemporaryDirectory() as scratch:
        ds = _dataset(Path(scratch) / "data", roster)
        posted = staffing.in_post(ds, as_of)
        first_day = staffing._Earliest()
        for member in ds.staff.staff:
            first_day.add(member, member.since)
        assert _described(staffing._double_postings(ds, posted)) == _described(
            _double_postings(ds, posted)
        )
        assert _described(staffing._late_postings(ds, posted, as_of, due, first_day)) == _described(
            _late_postings(ds, as_of, due)
        )
        assert _described(staffing._replacements(ds, as_of)) == _described(_replacements(ds, as_of))
        assert _described(staffing._moves(ds, as_of, first_day)) == _described(_moves(ds, as_of))
        assert _described(staffing._departures(ds, as_of, first_day)) == _described(
            _departures(ds, as_of)
        )
        training = [d for d in ds.tasks.tasks if d.deadline_for == "training"]
        if training:
            trained_by = training[0].deadline
            assert _described(staffing._training(ds, posted, as_of, first_day)) == _described(
                _training(ds, as_of, trained_by)
            )
