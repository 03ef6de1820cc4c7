"""The indexed staffing rules give exactly what a straightforward reading of each rule gives.

The rules that compare people with people (double postings, first postings after the
deadline, replacements and predecessors still in post) are indexed so that they stay linear in the roster.
Here each is run beside a plain quadratic reference, written as the rule reads, on random
rosters full of clashing names and staff numbers; the findings must be the same, in the
same order.
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
from hsreform.findings import Finding, Severity
from hsreform.loader import Dataset, load
from hsreform.records import STAFF, StaffMember
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
        )


def _late_postings(ds: Dataset, as_of: dt.date, due: dt.date) -> Iterator[Finding]:
    roster = ds.staff.staff
    for index, member in enumerate(roster):
        if member.replaces is not None or not due < member.since <= as_of:
            continue
        if any(_same_person(o, member) and o.since < member.since for o in roster):
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
            "trained_on": DAY,
        }
        staff_no = draw(st.sampled_from([None, "T1", "T2", "T3"]))
        if staff_no:
            person["staff_no"] = staff_no
        if draw(st.booleans()):
            person["until"] = since + dt.timedelta(days=draw(st.integers(0, 10)))
        if draw(st.integers(0, 3)) == 0:
            person["replaces"] = draw(st.sampled_from(["王芳", "李娜", "T1", "T2"]))
            person["approved_by_centre"] = DAY + dt.timedelta(days=draw(st.integers(0, 10)))
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
        assert _described(staffing._double_postings(ds, posted)) == _described(
            _double_postings(ds, posted)
        )
        assert _described(staffing._late_postings(ds, as_of, due)) == _described(
            _late_postings(ds, as_of, due)
        )
        assert _described(staffing._replacements(ds, as_of)) == _described(_replacements(ds, as_of))
