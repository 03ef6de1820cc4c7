"""Every id that is used is defined, and defined once.

Failing ids: a quota for a unit nobody defined, a roster entry at a window that does not
exist, two units with one id, a task number used twice, progress from a unit that is not
responsible for the task. These findings block every command but `validate`.

    windows:
      - id: tax
        quotas:
          - unit: tax-bureaux      # unknown-unit: no unit has this id
            staff: 8
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from hsreform.common.findings import Finding, Severity
from hsreform.dataset.loader import Dataset
from hsreform.dataset.records import KINDS, STAFF, TASKS, WINDOWS, Tracked
from hsreform.reading.yamlsource import Path_

W, T, S = WINDOWS, TASKS, STAFF


def check(ds: Dataset) -> Iterator[Finding]:
    """Unknown and duplicate ids across the three files."""
    yield from _windows_file(ds)
    yield from _tasks_file(ds)
    yield from _staff_file(ds)


def _error(ds: Dataset, file: str, path: Path_, code: str, **params: Any) -> Finding:
    return ds.sources[file].finding(code, path, Severity.ERROR, blocking=True, **params)


def _unit(
    ds: Dataset, file: str, path: Path_, ref: str, *, group_ok: bool = False
) -> Iterator[Finding]:
    """`unknown-unit` unless `ref` is a unit (or a group, where groups may stand)."""
    if ref in ds.units or (group_ok and ref in ds.groups):
        return
    close = ds.suggest(ref, "references" if group_ok else "units")
    yield _error(
        ds,
        file,
        path,
        "unknown-unit",
        id=ref,
        reason="group" if ref in ds.groups else "",
        close=close,
    )


def _duplicates(
    ds: Dataset,
    file: str,
    section: str,
    keys: Iterable[Any],
    field: str = "id",
    *,
    at: Path_ | None = None,
) -> Iterator[Finding]:
    """A finding for each key used before, in the list at `section` (or the path `at`)."""
    base = (section,) if at is None else at
    first: dict[Any, int] = {}
    for index, key in enumerate(keys):
        if key in first:
            line = ds.sources[file].position((*base, first[key], field))[0] + 1
            code = "duplicate-number" if field == "number" else "duplicate-id"
            yield _error(ds, file, (*base, index, field), code, id=key, first=line)
        else:
            first[key] = index


def _unit_names(ds: Dataset) -> Iterator[Finding]:
    """`duplicate-name`: one name, alias or id for two units, which `--unit` cannot tell apart.

    Names are compared as loaded: NFC, blanks around them stripped, no hidden characters.
    (Two units with one id are `duplicate-id`'s.)
    """
    owner: dict[str, int] = {}
    for ui, unit in enumerate(ds.windows.units):
        owner.setdefault(unit.id, ui)
    for ui, unit in enumerate(ds.windows.units):
        if owner[unit.id] != ui:  # a second unit of one id: duplicate-id says so already
            continue
        labels: list[tuple[Path_, str]] = [(("units", ui, "name"), unit.name)]
        labels += [(("units", ui, "aliases", ai), alias) for ai, alias in enumerate(unit.aliases)]
        for path, label in labels:
            first = owner.setdefault(label, ui)
            if first != ui:
                other = ds.windows.units[first]
                line = ds.sources[W].position(("units", first))[0] + 1
                yield _error(ds, W, path, "duplicate-name", name=label, first=line, other=other.id)


def _windows_file(ds: Dataset) -> Iterator[Finding]:
    w = ds.windows
    yield from _duplicates(ds, W, "units", (u.id for u in w.units))
    yield from _unit_names(ds)
    yield from _duplicates(ds, W, "groups", (g.id for g in w.groups))
    yield from _duplicates(ds, W, "windows", (x.id for x in w.windows))
    yield from _duplicates(ds, W, "self_service_areas", (a.id for a in w.self_service_areas))
    for gi, group in enumerate(w.groups):
        if group.id in ds.units:
            yield _error(ds, W, ("groups", gi, "id"), "group-is-unit", id=group.id)
        for mi, member in enumerate(group.members):
            yield from _unit(ds, W, ("groups", gi, "members", mi), member)
    for wi, window in enumerate(w.windows):
        seen: set[tuple[str, str]] = set()
        for qi, quota in enumerate(window.quotas):
            yield from _unit(ds, W, ("windows", wi, "quotas", qi, "unit"), quota.unit)
            if (quota.unit, quota.role) in seen:
                yield _error(
                    ds,
                    W,
                    ("windows", wi, "quotas", qi),
                    "duplicate-quota",
                    unit=quota.unit,
                    role=quota.role.value,
                )
            seen.add((quota.unit, quota.role))
        for si, ref in enumerate(window.serves):
            yield from _unit(ds, W, ("windows", wi, "serves", si), ref, group_ok=True)
    for oi, office in enumerate(w.offices):
        if office.owner is not None:
            yield from _unit(ds, W, ("offices", oi, "owner"), office.owner)
    if w.chief_representatives is not None:
        for ref in w.chief_representatives.units:
            yield from _unit(ds, W, ("chief_representatives", "units", ref), ref)


def _tasks_file(ds: Dataset) -> Iterator[Finding]:
    t = ds.tasks
    for section, kind in KINDS.items():
        items: list[Tracked] = getattr(t, section)
        yield from _duplicates(ds, T, section, (x.number for x in items), "number")
        for ti, task in enumerate(items):
            for ri, ref in enumerate(task.responsible):
                yield from _unit(ds, T, (section, ti, "responsible", ri), ref, group_ok=True)
            responsible = set(ds.expand(task.responsible))
            yield from _requirements(ds, (section, ti), task, responsible)
            seen: set[str] = set()
            for pi, entry in enumerate(task.progress):
                where = (section, ti, "progress", pi, "unit")
                if entry.unit not in ds.units:
                    yield from _unit(ds, T, where, entry.unit)
                elif entry.unit not in responsible:
                    yield _error(
                        ds,
                        T,
                        where,
                        "not-responsible",
                        unit=entry.unit,
                        number=task.number,
                        kind=kind,
                    )
                elif entry.unit in seen:
                    yield _error(
                        ds,
                        T,
                        where,
                        "duplicate-progress",
                        unit=entry.unit,
                        number=task.number,
                        kind=kind,
                    )
                seen.add(entry.unit)
    for di, duty in enumerate(t.duties):
        if duty.deadline_from is not None and duty.deadline_from not in ds.task_by_number:
            yield _error(
                ds, T, ("duties", di, "deadline_from"), "unknown-task", number=duty.deadline_from
            )
    marked: dict[str, int] = {}
    for ti, task in enumerate(t.tasks):
        if task.deadline_for is None:
            continue
        if task.deadline_for in marked:
            yield _error(
                ds,
                T,
                ("tasks", ti, "deadline_for"),
                "duplicate-deadline-for",
                rule=task.deadline_for,
                first=marked[task.deadline_for],
            )
        marked.setdefault(task.deadline_for, task.number)


def _requirements(
    ds: Dataset, where: Path_, item: Tracked, responsible: set[str]
) -> Iterator[Finding]:
    """Requirement ids are unique; they apply only to units responsible for the item."""
    yield from _duplicates(
        ds, T, "", (r.id for r in item.requirements), at=(*where, "requirements")
    )
    for ri, requirement in enumerate(item.requirements):
        for ai, ref in enumerate(requirement.applies_to):
            path = (*where, "requirements", ri, "applies_to", ai)
            if ref not in ds.units and ref not in ds.groups:
                yield from _unit(ds, T, path, ref, group_ok=True)
            elif not set(ds.expand([ref])) <= responsible:
                yield _error(
                    ds,
                    T,
                    path,
                    "not-responsible",
                    unit=ref,
                    number=item.number,
                    kind=KINDS[str(where[0])],
                )


def _staff_file(ds: Dataset) -> Iterator[Finding]:
    roster = ds.staff.staff
    known = {m.name for m in roster} | {m.staff_no for m in roster if m.staff_no}
    for si, member in enumerate(roster):
        yield from _unit(ds, S, ("staff", si, "unit"), member.unit)
        if member.window not in ds.window_categories:
            close = ds.suggest(member.window, "windows")
            yield _error(
                ds, S, ("staff", si, "window"), "unknown-window", id=member.window, close=close
            )
        if member.replaces is None:
            continue
        if member.replaces in (member.name, member.staff_no):
            yield _error(ds, S, ("staff", si, "replaces"), "replaces-self", name=member.replaces)
        elif member.replaces not in known:
            yield _error(ds, S, ("staff", si, "replaces"), "unknown-person", name=member.replaces)
