"""Roster edits: people come, leave, are trained, are replaced and move between windows.

A posting is dated (`since`, `until`), so the roster is its own history: a person who
leaves gets an `until` and the centre's consent (`leave_approved_by_centre`); a
replacement ends the old posting the day before and adds the new one with `replaces` and
the centre's approval (`approved_by_centre`); a move ends the posting the day before and
adds one at the new window, with the approval. Every change needs that consent in advance
(四、“如遇特殊情况确需变动，派出单位应事先征得行政服务中心同意”). Nothing is deleted, so
`check-staffing --as-of` an earlier day still sees who was there then.

People are found by name or staff number. Two people with one name are told apart by
`--staff-no`; without it the edit is refused with both listed. Beyond `validate`, an edit
must not bring a staffing error that is the edit's own doing (a second chief where the
data allows one, a double posting, a replacement, move or departure without prior
approval, a predecessor left in post): those refuse it; other news from check-staffing (a
quota now short, a late posting, say) is shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from hsreform.checks import staffing
from hsreform.common.errors import HsreformError
from hsreform.common.findings import Finding
from hsreform.dataset import names, records
from hsreform.dataset.loader import Dataset
from hsreform.dataset.records import STAFF, StaffMember, StaffRole, Window
from hsreform.edit import nodes
from hsreform.edit.changes import Change
from hsreform.edit.session import Edit, Workspace, recorded

REFUSE = frozenset(
    {
        "several-chiefs",
        "double-posting",
        "replacement-not-approved",
        "move-not-approved",
        "leave-not-approved",
        "predecessor-in-post",
    }
)
"""check-staffing findings that an edit must not bring."""
ORDER = (
    "name",
    "staff_no",
    "unit",
    "window",
    "role",
    "since",
    "until",
    "trained_on",
    "replaces",
    "approved_by_centre",
    "leave_approved_by_centre",
)
"""The keys of a posting in the order the data files write them."""


def _staffing_on(days: Sequence[dt.date]) -> Callable[[Dataset], Iterable[Finding]]:
    """check-staffing's findings on each of `days` (a finding found on several days once)."""

    def run(ds: Dataset) -> Iterable[Finding]:
        seen: dict[tuple[str, str], Finding] = {}
        for day in sorted(set(days)):
            for finding in staffing.check(ds, day):
                seen.setdefault((finding.code, finding.message("en")), finding)
        return list(seen.values())

    return run


def _edit(apply: Callable[[Workspace], list[Change]], *days: dt.date) -> Edit:
    return Edit(apply, _staffing_on(days), REFUSE)


# finding things ------------------------------------------------------------------------


def find_posting(
    ds: Dataset, query: str, staff_no: str | None, day: dt.date | None
) -> tuple[int, StaffMember]:
    """The posting of the person named `query` (as `Names.postings` finds people) in post on `day`.

    Without `day`: the person's latest posting. Refused when nobody, or more than one
    person, answers to the name; the refusal lists them as they can be named.
    """
    found = [(p.index, p.member) for p in ds.names.postings(query, staff_no)]
    people = {(m.staff_no or m.name, m.unit) for _, m in found}
    current = [(i, m) for i, m in found if day is None or m.in_post(day)]
    if len(people) > 1 or len(current) > 1:
        shown = current if len(current) > 1 else found
        candidates = list(dict.fromkeys(ds.names.describe(m) for _, m in shown))
        if len(candidates) < len({i for i, _ in shown}):  # alike in all but the day they came
            candidates = list(dict.fromkeys(ds.names.describe(m, day=True) for _, m in shown))
        raise HsreformError(
            "edit.ambiguous_person", name=query, candidates=candidates, example=candidates[-1]
        )
    if day is None:
        return max(found, key=lambda pair: pair[1].since)
    if not current:
        _, member = found[-1]
        raise HsreformError(
            "edit.not_in_post",
            name=member.name,
            on=day.isoformat(),
            since=member.since.isoformat(),
            until=member.until.isoformat() if member.until else "",
        )
    return current[0]


def find_window(ds: Dataset, query: str) -> Window:
    """A window category as people name it (`Names.window`)."""
    return ds.names.window(query)


def role_of(value: str) -> StaffRole:
    """chief, staff or reviewer; the Chinese words (首席代表, ...) too."""
    return names.role(value)


def _roster(ws: Workspace, *indices: int) -> tuple[CommentedSeq, int]:
    """The round-trip `staff` list (made a block list if empty) and its dashes' column.

    Only the postings at `indices` are read (the edit changes those, or puts a new one
    below them); the others stand in the list unread (`roundtrip.Elided`).
    """
    editable = ws.file(STAFF, keep={"staff": set(indices)})
    data = editable.data
    seq = data.get("staff")
    if not isinstance(seq, CommentedSeq) or not seq:
        return nodes.block_seq(), editable.dash_column(0)
    return seq, seq.lc.data[0][1] - editable.dash_offset if seq.lc.data else 0


def _posting(values: dict[str, Any]) -> CommentedMap:
    return CommentedMap([(k, values[k]) for k in ORDER if values.get(k) is not None])


def _set(mapping: CommentedMap, key: str, value: Any) -> None:
    """Set `key` in a posting, in its place among the keys of ORDER."""
    if key in mapping:
        mapping[key] = value
    else:
        nodes.insert_after(mapping, ORDER[: ORDER.index(key)], key, value)


def _params(ds: Dataset, member: StaffMember, **more: Any) -> dict[str, Any]:
    window = ds.window_categories.get(member.window)
    return {
        "name": member.name,
        "window": window.name if window else member.window,
        "unit": ds.units[member.unit].name if member.unit in ds.units else member.unit,
        "role": member.role.value,
        **more,
    }


# the edits -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Newcomer:
    """A person to add to the roster."""

    name: str
    unit: str
    window: str
    role: str
    since: dt.date
    staff_no: str | None = None
    trained_on: dt.date | None = None
    approved_on: dt.date | None = None
    """The centre's consent, for someone joining after the initial posting."""


def add(person: Newcomer, as_of: dt.date) -> Edit:
    """Post a person at a window for a unit from `since` (with the centre's consent, if given)."""

    def apply(ws: Workspace) -> list[Change]:
        recorded(ws.as_of, ("--since", person.since), ("--trained-on", person.trained_on))
        ds = ws.dataset
        unit = ds.names.unit(person.unit)
        window = find_window(ds, person.window)
        seq, column = _roster(ws, len(ds.staff.staff) - 1)  # the new posting goes below it
        values: dict[str, Any] = {
            "name": names.tidy(person.name),
            "staff_no": person.staff_no,
            "unit": unit.id,
            "window": window.id,
            "role": role_of(person.role).value,
            "since": person.since,
            "trained_on": person.trained_on,
            "approved_by_centre": person.approved_on,
        }
        posting = _posting(values)
        if seq:
            nodes.add_item(seq, posting, column)
        else:  # `staff: []` becomes a block list
            nodes.set_block(ws.file(STAFF).data, "staff", nodes.block_seq([posting]), column)
        member = records.build(StaffMember, values)
        if member is None:  # only pydantic can say (it says what is wrong)
            from hsreform.dataset import validation

            member = validation.as_record(StaffMember, values)
        params = _params(ds, member, since=str(person.since), approved=str(person.approved_on))
        key = "edit.staff_add" if person.approved_on is None else "edit.staff_add_approved"
        return [Change(key, STAFF, None, params)]

    return _edit(apply, person.since, as_of)


def leave(
    name: str, staff_no: str | None, on: dt.date, approved_on: dt.date, as_of: dt.date
) -> Edit:
    """The person's posting in post on `on` ends that day (their last day in post), with the
    centre's consent given on `approved_on`."""

    def apply(ws: Workspace) -> list[Change]:
        recorded(ws.as_of, ("--on", on))
        index, member = find_posting(ws.dataset, name, staff_no, on)
        seq, _ = _roster(ws, index)
        _set(seq[index], "until", on)
        _set(seq[index], "leave_approved_by_centre", approved_on)
        params = _params(ws.dataset, member, on=str(on), approved=str(approved_on))
        return [Change("edit.staff_leave", STAFF, None, params)]

    # the departure takes effect the day after the last day in post
    return _edit(apply, on, on + dt.timedelta(days=1), as_of)


def train(names: Sequence[str], staff_no: str | None, on: dt.date, as_of: dt.date) -> Edit:
    """Record each person's training on `on` (on their posting of that day, else the latest)."""

    def apply(ws: Workspace) -> list[Change]:
        recorded(ws.as_of, ("--on", on))
        ds = ws.dataset
        found = []
        for name in dict.fromkeys(names):
            try:
                index, member = find_posting(ds, name, staff_no, on)
            except HsreformError as exc:
                if exc.key != "edit.not_in_post":
                    raise
                index, member = find_posting(ds, name, staff_no, None)
            if member.trained_on is not None:
                raise HsreformError(
                    "edit.already_trained", name=member.name, date=member.trained_on.isoformat()
                )
            found.append((index, member))
        seq, _ = _roster(ws, *(index for index, _ in found))
        changes = []
        for index, member in found:
            _set(seq[index], "trained_on", on)
            changes.append(Change("edit.staff_train", STAFF, None, _params(ds, member, on=str(on))))
        return changes

    return _edit(apply, on, as_of)


def _successor(
    ws: Workspace, name: str, staff_no: str | None, on: dt.date, key: str
) -> tuple[StaffMember, CommentedMap, CommentedSeq, int, int]:
    """Shared by replace and move: the posting that ends the day before `on`, now ended."""
    index, member = find_posting(ws.dataset, name, staff_no, on)
    last_day = on - dt.timedelta(days=1)
    if last_day < member.since:
        raise HsreformError(
            key, name=member.name, on=on.isoformat(), since=member.since.isoformat()
        )
    seq, column = _roster(ws, index)  # the successor's posting goes below it
    _set(seq[index], "until", last_day)
    return member, seq[index], seq, column, index


def _left_before(
    ds: Dataset, name: str, staff_no: str | None, day: dt.date
) -> tuple[int, StaffMember] | None:
    """The person's last posting, when it ended before `day` (they left, and `day` fills
    their place); None when they are in post on `day` (or never left)."""
    try:
        find_posting(ds, name, staff_no, day)
    except HsreformError as exc:
        if exc.key != "edit.not_in_post":
            raise
        index, member = find_posting(ds, name, staff_no, None)
        if member.until is not None and member.until < day:
            return index, member
        raise
    return None


def replace(
    old: str,
    staff_no: str | None,
    new: Newcomer,
    approved_on: dt.date,
    as_of: dt.date,
) -> Edit:
    """`new.name` takes `old`'s place from `new.since`, with the centre's prior approval."""

    def apply(ws: Workspace) -> list[Change]:
        recorded(
            ws.as_of,
            ("--on", new.since),
            ("--approved-on", approved_on),
            ("--trained-on", new.trained_on),
        )
        ds = ws.dataset
        gone = _left_before(ds, old, staff_no, new.since)
        if gone is None:
            member, _, seq, column, index = _successor(
                ws, old, staff_no, new.since, "edit.too_soon"
            )
        else:  # the place has stood empty since the person left: filled, nothing ended
            index, member = gone
            seq, column = _roster(ws)
        values: dict[str, Any] = {
            "name": names.tidy(new.name),
            "staff_no": new.staff_no,
            "unit": member.unit,
            "window": member.window,
            "role": member.role.value,
            "since": new.since,
            "trained_on": new.trained_on,
            "replaces": member.staff_no or member.name,
            "approved_by_centre": approved_on,
        }
        nodes.add_item(seq, _posting(values), column, index + 1)
        params = _params(
            ds, member, new=values["name"], on=str(new.since), approved=str(approved_on)
        )
        if gone is not None and member.until is not None:
            params["until"] = str(member.until)
            return [Change("edit.staff_replace_left", STAFF, None, params)]
        return [Change("edit.staff_replace", STAFF, None, params)]

    return _edit(apply, new.since, as_of)


def move(
    name: str,
    staff_no: str | None,
    window: str,
    on: dt.date,
    approved_on: dt.date,
    as_of: dt.date,
    role: str | None = None,
) -> Edit:
    """The person moves to another window of their unit from `on`, approved by the centre."""

    def apply(ws: Workspace) -> list[Change]:
        recorded(ws.as_of, ("--on", on), ("--approved-on", approved_on))
        ds = ws.dataset
        target = find_window(ds, window)
        _, current = find_posting(ds, name, staff_no, on)
        if current.window == target.id:
            raise HsreformError("edit.same_window", name=current.name, window=target.name)
        member, _, seq, column, index = _successor(ws, name, staff_no, on, "edit.too_soon")
        values: dict[str, Any] = {
            "name": member.name,
            "staff_no": member.staff_no,
            "unit": member.unit,
            "window": target.id,
            "role": role_of(role).value if role else member.role.value,
            "since": on,
            "trained_on": member.trained_on,
            "approved_by_centre": approved_on,
        }
        nodes.add_item(seq, _posting(values), column, index + 1)
        params = _params(ds, member, to=target.name, on=str(on), approved=str(approved_on))
        return [Change("edit.staff_move", STAFF, None, params)]

    return _edit(apply, on, as_of)


def _overlap(a: StaffMember, b: StaffMember) -> bool:
    """Whether two postings are in post on a common day (one person never is, twice)."""
    ends = [d for d in (a.until, b.until) if d is not None]
    return max(a.since, b.since) <= min(ends, default=dt.date.max)


@dataclass(frozen=True)
class Fields:
    """What `staff set` corrects about a person after the fact (None: left as it is)."""

    staff_no: str | None = None
    name: str | None = None
    trained_on: dt.date | None = None


def set_fields(query: str, staff_no: str | None, fields: Fields) -> Edit:
    """Give a person a staff number, correct the spelling of their name or their training
    day, on every posting of theirs (same name, number and unit): a correction, not an event,
    so nothing moves into history. A `replaces` naming them follows the change."""

    def apply(ws: Workspace) -> list[Change]:
        recorded(ws.as_of, ("--trained-on", fields.trained_on))
        if fields == Fields():
            raise HsreformError("edit.set_nothing")
        ds = ws.dataset
        roster = ds.staff.staff
        chosen, member = find_posting(ds, query, staff_no, None)
        theirs = [
            i
            for i, m in enumerate(roster)
            if (m.name, m.staff_no, m.unit) == (member.name, member.staff_no, member.unit)
        ]
        if any(_overlap(roster[i], member) for i in theirs if i != chosen):
            theirs = [chosen]  # another person of the same name, unit and number: only this one
        new = {
            "staff_no": fields.staff_no.strip() if fields.staff_no else None,
            "name": names.tidy(fields.name) if fields.name else None,
            "trained_on": fields.trained_on,
        }
        taken = new["staff_no"] and next(
            (m for m in roster if m.staff_no == new["staff_no"] and m.name != member.name), None
        )
        if taken:
            raise HsreformError(
                "edit.staff_no_taken", staff_no=new["staff_no"], other=ds.names.describe(taken)
            )
        old_ref = member.staff_no or member.name
        naming = [i for i, other in enumerate(roster) if other.replaces == old_ref]
        seq, _ = _roster(ws, *theirs, *naming)
        changes = []
        for field, value in new.items():
            before = getattr(member, field)
            if value is None or value == before:
                continue
            for index in theirs:
                _set(seq[index], field, value)
            shown = before.isoformat() if isinstance(before, dt.date) else before
            after = value.isoformat() if isinstance(value, dt.date) else value
            changes.append(
                Change(
                    "edit.staff_set",
                    STAFF,
                    None,
                    _params(ds, member, attribute=field, before=shown or "—", after=after),
                )
            )
        if not changes:
            raise HsreformError("edit.set_same", name=member.name)
        new_ref = new["staff_no"] or member.staff_no or new["name"] or member.name
        for index in naming:
            if new_ref != old_ref:
                _set(seq[index], "replaces", new_ref)
        return changes

    return _edit(apply)
