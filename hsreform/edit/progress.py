"""Progress edits: a unit starts, finishes, is blocked on, is exempt from, reopens, or meets the
requirements of a task, goal or support duty (`hsreform task done 1 税务局`, ...).

Each change keeps the past: the state being replaced moves, with its date, to the end of
the entry's `history` (oldest first), so `status --as-of` an earlier day still shows
what was true then. Rules a careful clerk follows, and so do these edits:

- the day (`--on`) lies between the plan's issue and the report day (`--as-of`), and not
  before the current state began (history stays in date order);
- `done` records every requirement that applies to the unit and is not yet met as met on
  that day; `meet` only ticks requirements off (a unit with no entry yet is then in
  progress); `reopen` turns done or exempt back into in progress;
- a change to the state a unit is already in is refused, saying since when;
- an exemption is refused where the plan allows none (only the year-end goal, 除对场地有
  特殊要求的事项外, has `exceptions`); a unit whose item catalogue decides the goal marked
  `catalogue: in-hall` gets no state on it by hand (its items are exempted, or enter the
  hall, in items.yaml): status would not count it;
- a unit that the data's reading of a task does not charge (`charges`) gets no entry;
- a unit without an entry gets one, placed among the others in the order of the task's
  responsible units (appended when the list is in no such order); `progress: []`
  becomes a block list in the file's indentation;
- a group stands for its responsible members only with `--all`; members already in the
  state asked for are skipped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from hsreform.common.errors import HsreformError
from hsreform.dataset.changes import Change
from hsreform.dataset.loader import Dataset
from hsreform.dataset.records import KINDS, TASKS, CatalogueRule, Progress, Status, Tracked
from hsreform.edit import nodes
from hsreform.edit.roundtrip import Editable, Elided, WholeFileNeeded
from hsreform.edit.session import Edit, Workspace, recorded

VERBS = ("start", "done", "block", "exempt", "reopen", "meet")
STATE_KEYS = ("reason", "evidence", "note")
"""What belongs to one state besides its status and date (kept with it in history)."""
TARGET = {
    "start": Status.IN_PROGRESS,
    "done": Status.DONE,
    "block": Status.BLOCKED,
    "exempt": Status.EXEMPT,
    "reopen": Status.IN_PROGRESS,
}
ALLOWED_FROM = {
    "start": {Status.NOT_STARTED, Status.BLOCKED},
    "done": {Status.NOT_STARTED, Status.IN_PROGRESS, Status.BLOCKED, Status.EXEMPT},
    "block": {Status.NOT_STARTED, Status.IN_PROGRESS},
    "exempt": {Status.NOT_STARTED, Status.IN_PROGRESS, Status.BLOCKED},
    "reopen": {Status.DONE, Status.EXEMPT},
}
"""The states each verb may change (anything else is refused with the reason)."""


@dataclass(frozen=True)
class Request:
    """One progress edit as the command line gives it."""

    kind: str
    """'task', 'goal' or 'duty'."""
    number: int | str
    """6, 六, 第六项, or words of its title (`Names.item`)."""
    units: Sequence[str]
    """Unit ids, names or aliases; group ids or names with `all_groups`."""
    verb: str
    on: dt.date
    all_groups: bool = False
    evidence: str | None = None
    note: str | None = None
    reason: str | None = None
    requirements: Sequence[str] = ()


def edit(request: Request) -> Edit:
    """The edit that carries out `request` (see `hsreform.edit.session.run`)."""
    return Edit(lambda workspace: _apply(workspace, request))


def section_of(kind: str) -> str:
    """The section of tasks.yaml that holds items of `kind`."""
    return next(s for s, k in KINDS.items() if k == kind)


def find_item(ds: Dataset, kind: str, number: int | str) -> tuple[int, Tracked]:
    """The task, goal or duty `number` names (6, 六, 第六项, ...), with its index in its section."""
    return ds.names.item(kind, number)


def resolve_units(
    ds: Dataset, kind: str, item: Tracked, queries: Sequence[str], all_groups: bool
) -> tuple[list[str], list[str]]:
    """(unit ids asked for, names of the groups among them) for `item`; usage errors else."""
    responsible = ds.charged(item)
    out: dict[str, None] = {}
    groups = []
    for query in queries:
        group = ds.names.group(query) if ds.names.find_unit(query) is None else None
        if group is None:
            out.setdefault(ds.names.responsible(query, item, kind).id)
            continue
        if not all_groups:
            raise HsreformError("edit.group_needs_all", value=query, n=len(group.members))
        members = [u for u in responsible if u in set(ds.expand([group.id]))]
        if not members:
            raise HsreformError(
                "usage.not_responsible",
                unit=group.name,
                number=item.number,
                kind=kind,
                units=ds.names.unit_names(responsible),
            )
        groups.append(group.name)
        for member in members:
            out.setdefault(member)
    return list(out), groups


def _check_values(request: Request) -> None:
    """block says why (--note), exempt on what grounds (--reason); a reason is for exempt only."""
    if request.verb == "block" and not request.note:
        raise HsreformError("usage.missing", name="--note")
    if request.verb == "exempt" and not request.reason:
        raise HsreformError("usage.missing", name="--reason")
    if request.reason is not None and request.verb != "exempt":
        raise HsreformError("edit.reason_for_exempt")


def _apply(ws: Workspace, request: Request) -> list[Change]:
    _check_values(request)
    ds = ws.dataset
    index, item = find_item(ds, request.kind, request.number)
    if request.verb == "exempt" and item.exceptions is None:
        raise HsreformError("edit.exempt_not_allowed", kind=request.kind, number=item.number)
    units, groups = resolve_units(ds, request.kind, item, request.units, request.all_groups)
    _check_day(ds, request.on, ws.as_of)
    if request.verb != "meet":  # met requirements by hand are kept beside the catalogue
        _by_catalogue(ds, request, item, units)
    section = section_of(request.kind)
    data = ws.file(TASKS, keep={section: {index: set(units)}})
    place = _Place(
        data.data[section][index],
        data,
        {u: i for i, u in enumerate(ds.expand(item.responsible))},
    )
    entries = ds.progress_by_unit(item)
    changes: list[Change] = []
    skipped = 0
    for unit in units:
        params: dict[str, Any] = {
            "kind": request.kind,
            "number": item.number,
            "unit": ds.units[unit].name,
            "on": request.on.isoformat(),
        }
        entry = entries.get(unit)
        try:
            change = _change_unit(ds, item, place, unit, entry, request, params)
        except _AlreadyThere:
            if not groups:
                raise
            skipped += 1
            continue
        changes.append(change)
    for group in groups:
        changes.append(
            Change(
                "edit.group", TASKS, None, {"group": group, "n": len(changes), "skipped": skipped}
            )
        )
    return changes


def _by_catalogue(ds: Dataset, request: Request, item: Tracked, units: list[str]) -> None:
    """Refuse a state by hand where the unit's item catalogue decides it (status would
    not count it): the goal marked `catalogue: in-hall`, for a unit with a catalogue."""
    if item.catalogue is not CatalogueRule.IN_HALL:
        return
    for unit in units:
        catalogue = ds.catalogues.get(unit)
        if catalogue is not None and catalogue.items:
            raise HsreformError(
                "edit.by_catalogue",
                kind=request.kind,
                number=item.number,
                unit=ds.units[unit].name,
                verb=request.verb,
            )


@dataclass(frozen=True)
class _Place:
    """Where an item's progress lives in the round-trip file, and its units' order."""

    node: CommentedMap
    file: Editable
    order: dict[str, int]
    """Unit id → its place among the item's responsible units."""


class _StateError(HsreformError):
    """A change a unit's current state does not allow; says what that state is."""

    def render(self, lang: str) -> str:
        """The message, with the state in words (进行中（2020-06-01起）)."""
        return Change(self.key, TASKS, None, self.params).render(lang)


class _AlreadyThere(_StateError):
    """The unit is already in the state asked for (skipped when a group was named)."""


def _check_day(ds: Dataset, on: dt.date, as_of: dt.date) -> None:
    issued = ds.tasks.plan.issued_on
    if on < issued:
        raise HsreformError("edit.before_plan", on=on.isoformat(), issued=issued.isoformat())
    recorded(as_of, ("--on", on))


def _required(ds: Dataset, item: Tracked, unit: str) -> list[tuple[str, str]]:
    """(id, label) of each requirement of `item` that applies to `unit`, in the plan's order."""
    applying = set(ds.required(ds.requirement_units(item), unit))
    return [(r.id, r.label) for r in item.requirements if r.id in applying]


def _change_unit(
    ds: Dataset,
    item: Tracked,
    place: _Place,
    unit: str,
    entry: Progress | None,
    request: Request,
    params: dict[str, Any],
) -> Change:
    status = entry.status if entry is not None else Status.NOT_STARTED
    began = entry.began if entry is not None else None
    params |= {"old": status.value, "since": began.isoformat() if began else ""}
    required = _required(ds, item, unit)
    if request.verb == "meet":  # the state stays: a requirement may be met before it began
        return _meet(ds, item, place, unit, entry, request, params, required)
    if status not in ALLOWED_FROM[request.verb]:
        same = status is TARGET[request.verb] and request.verb != "reopen"
        error = _AlreadyThere if same else _StateError
        raise error(f"edit.refuse_{request.verb}", **params)
    if began is not None and request.on < began:
        raise _StateError("edit.before_current", **params)
    if entry is not None and began is None and status is not Status.NOT_STARTED:
        raise _StateError("edit.undated", **params)
    target = TARGET[request.verb]
    values = {"evidence": request.evidence, "note": request.note, "reason": request.reason}
    met_now: list[tuple[str, str]] = []
    if target is Status.DONE:
        met = entry.met if entry is not None else {}
        met_now = [(rid, label) for rid, label in required if rid not in met]
    mapping = _entry_node(place, unit)
    _set_state(mapping, target, request.on, values)
    if met_now:
        _add_met(mapping, [rid for rid, _ in met_now], request.on)
    params |= {"new": target.value}
    if met_now:
        return Change(
            "edit.state_met",
            TASKS,
            None,
            {**params, "n": len(met_now), "labels": [label for _, label in met_now]},
        )
    return Change("edit.state", TASKS, None, params)


def _meet(
    ds: Dataset,
    item: Tracked,
    place: _Place,
    unit: str,
    entry: Progress | None,
    request: Request,
    params: dict[str, Any],
    required: list[tuple[str, str]],
) -> Change:
    labels = dict(required)
    met = entry.met if entry is not None else {}
    asked: list[str] = []
    for query in request.requirements:
        for requirement in ds.names.requirements(item, request.kind, query):
            rid = requirement.id
            if rid not in labels:
                raise HsreformError("edit.requirement_not_for_unit", value=query, **params)
            if rid in met:
                raise HsreformError(
                    "edit.already_met", value=labels[rid], date=met[rid].isoformat(), **params
                )
            if rid not in asked:
                asked.append(rid)
    if not asked:
        raise HsreformError("edit.no_requirements_given")
    mapping = _entry_node(place, unit)
    started = params["old"] == Status.NOT_STARTED.value
    if started:
        _set_state(mapping, Status.IN_PROGRESS, request.on, {})
    _add_met(mapping, asked, request.on)
    complete = all(r in met or r in asked for r in labels)
    params |= {
        "labels": [labels[r] for r in asked],
        "started": "yes" if started else "",
        "complete": "yes" if complete and params["old"] != Status.DONE.value else "",
    }
    return Change("edit.met", TASKS, None, params)


def _entry_node(place: _Place, unit: str) -> CommentedMap:
    """The round-trip entry of `unit` in an item's progress, created where it belongs if missing."""
    node, order = place.node, place.order
    progress = node.get("progress")
    if isinstance(progress, CommentedSeq):
        for mapping in progress:
            if isinstance(mapping, CommentedMap) and place.file.unit_of(mapping) == unit:
                if isinstance(mapping, Elided):  # its unit was not named: the whole file
                    raise WholeFileNeeded
                return mapping
    mapping = CommentedMap([("unit", unit), ("status", Status.NOT_STARTED.value)])
    if not isinstance(progress, CommentedSeq) or not progress:
        column = place.file.dash_column(node.lc.col or 0)
        nodes.set_block(node, "progress", nodes.block_seq([mapping]), column)  # `[]` → block
        return mapping
    index = len(progress)
    ranks = [
        order.get(str(place.file.unit_of(m)), -1) if isinstance(m, CommentedMap) else -1
        for m in progress
    ]
    if all(r >= 0 for r in ranks) and ranks == sorted(ranks):
        index = next((i for i, r in enumerate(ranks) if r > order[unit]), len(progress))
    column = progress.lc.data[0][1] - place.file.dash_offset if progress.lc.data else 0
    nodes.add_item(progress, mapping, column, index)
    return mapping


def _set_state(
    mapping: CommentedMap, status: Status, on: dt.date, values: dict[str, str | None]
) -> None:
    """Make `status` from `on` the entry's state; the state it replaces goes to its history."""
    old_status = mapping.get("status")
    old_key = "done_on" if "done_on" in mapping else "since" if "since" in mapping else None
    past: list[tuple[str, Any]] = []
    if old_key is not None and mapping.get(old_key) is not None:
        past = [("status", old_status), (old_key, mapping[old_key])]
        past += [(k, mapping[k]) for k in STATE_KEYS if mapping.get(k) is not None]
    new_key = "done_on" if status is Status.DONE else "since"
    mapping["status"] = status.value
    if old_key is None:
        nodes.insert_after(mapping, ("status",), new_key, on)
    else:
        nodes.replace_key(mapping, old_key, new_key, on)
    for key in STATE_KEYS:
        if key in mapping:
            nodes.drop_key(mapping, key)
    for key in STATE_KEYS:
        if values.get(key) is not None:
            nodes.insert_after(mapping, ("met", "done_on", "since", *STATE_KEYS), key, values[key])
    if past:
        history = mapping.get("history")
        if isinstance(history, CommentedSeq):
            history.append(nodes.flow_map(*past))
        else:
            nodes.insert_after(
                mapping,
                ("met", "done_on", "since", *STATE_KEYS),
                "history",
                nodes.block_seq([nodes.flow_map(*past)]),
            )


def _add_met(mapping: CommentedMap, ids: list[str], on: dt.date) -> None:
    met = mapping.get("met")
    if not isinstance(met, CommentedMap):
        met = nodes.flow_map()
        nodes.insert_after(mapping, ("done_on", "since", "status"), "met", met)
    for rid in ids:
        met[rid] = on
