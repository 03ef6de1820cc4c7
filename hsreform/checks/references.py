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

from hsreform.findings import Finding, Severity
from hsreform.loader import Dataset
from hsreform.yamlsource import Path_

W, T, S = "windows.yaml", "tasks.yaml", "staff.yaml"


def check(ds: Dataset) -> Iterator[Finding]:
    """Unknown and duplicate ids across the three files."""
    yield from _windows_file(ds)
    yield from _tasks_file(ds)
    yield from _staff_file(ds)


def _error(ds: Dataset, file: str, path: Path_, code: str, **params: Any) -> Finding:
    return ds.sources[file].finding(code, path, Severity.ERROR, blocking=True, **params)


def _duplicates(
    ds: Dataset, file: str, section: str, keys: Iterable[Any], field: str = "id"
) -> Iterator[Finding]:
    first: dict[Any, int] = {}
    for index, key in enumerate(keys):
        if key in first:
            line = ds.sources[file].position((section, first[key], field))[0] + 1
            code = "duplicate-number" if field == "number" else "duplicate-id"
            yield _error(ds, file, (section, index, field), code, id=key, first=line)
        else:
            first[key] = index


def _windows_file(ds: Dataset) -> Iterator[Finding]:
    w = ds.windows
    yield from _duplicates(ds, W, "units", (u.id for u in w.units))
    yield from _duplicates(ds, W, "groups", (g.id for g in w.groups))
    yield from _duplicates(ds, W, "windows", (x.id for x in w.windows))
    yield from _duplicates(ds, W, "self_service_areas", (a.id for a in w.self_service_areas))
    for gi, group in enumerate(w.groups):
        if group.id in ds.units:
            yield _error(ds, W, ("groups", gi, "id"), "group-is-unit", id=group.id)
        for mi, member in enumerate(group.members):
            if member not in ds.units:
                yield _error(ds, W, ("groups", gi, "members", mi), "unknown-unit", id=member)
    for wi, window in enumerate(w.windows):
        seen: set[tuple[str, str]] = set()
        for qi, quota in enumerate(window.quotas):
            if quota.unit not in ds.units:
                yield _error(
                    ds, W, ("windows", wi, "quotas", qi, "unit"), "unknown-unit", id=quota.unit
                )
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
            if ref not in ds.units and ref not in ds.groups:
                yield _error(ds, W, ("windows", wi, "serves", si), "unknown-unit", id=ref)
    for oi, office in enumerate(w.offices):
        if office.owner is not None and office.owner not in ds.units:
            yield _error(ds, W, ("offices", oi, "owner"), "unknown-unit", id=office.owner)


def _tasks_file(ds: Dataset) -> Iterator[Finding]:
    t = ds.tasks
    for section, items in (("tasks", t.tasks), ("goals", t.goals)):
        yield from _duplicates(ds, T, section, (x.number for x in items), "number")
        for ti, task in enumerate(items):
            for ri, ref in enumerate(task.responsible):
                if ref not in ds.units and ref not in ds.groups:
                    yield _error(ds, T, (section, ti, "responsible", ri), "unknown-unit", id=ref)
            responsible = set(ds.expand(task.responsible))
            seen: set[str] = set()
            for pi, entry in enumerate(task.progress):
                where = (section, ti, "progress", pi, "unit")
                if entry.unit not in ds.units:
                    yield _error(ds, T, where, "unknown-unit", id=entry.unit)
                elif entry.unit not in responsible:
                    yield _error(
                        ds, T, where, "not-responsible", unit=entry.unit, number=task.number
                    )
                elif entry.unit in seen:
                    yield _error(
                        ds, T, where, "duplicate-progress", unit=entry.unit, number=task.number
                    )
                seen.add(entry.unit)
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


def _staff_file(ds: Dataset) -> Iterator[Finding]:
    roster = ds.staff.staff
    known = {m.name for m in roster} | {m.staff_no for m in roster if m.staff_no}
    for si, member in enumerate(roster):
        if member.unit not in ds.units:
            yield _error(ds, S, ("staff", si, "unit"), "unknown-unit", id=member.unit)
        if member.window not in ds.window_categories:
            yield _error(ds, S, ("staff", si, "window"), "unknown-window", id=member.window)
        if member.replaces is not None and member.replaces not in known:
            yield _error(ds, S, ("staff", si, "replaces"), "unknown-person", name=member.replaces)
