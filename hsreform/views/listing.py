"""What can be named (`hsreform list units|windows|staff|requirements|tasks|roles`).

Each listing is a view like the others: rows of named fields (stable keys, the JSON's),
which `report/layout.py` lays out for every format. It shows every name a command
understands for a thing (`hsreform.dataset.names`): the id, the name, aliases and official full
names, a window's name without 窗口, a requirement's number as the tables show it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from hsreform.common.errors import HsreformError
from hsreform.dataset.loader import Dataset
from hsreform.dataset.names import ROLE_WORDS, choose
from hsreform.dataset.records import KINDS, Tracked

WHAT: dict[str, tuple[str, ...]] = {
    "units": ("单位", "unit", "部门"),
    "windows": ("窗口", "window"),
    "staff": ("人员", "名册", "people", "person"),
    "requirements": ("要求", "requirement"),
    "tasks": ("任务", "task", "目标", "职责"),
    "roles": ("角色", "role"),
}
"""What can be listed, and the words for it (Chinese first)."""
COLUMNS: dict[str, tuple[str, ...]] = {
    "units": ("name", "also", "groups", "id"),
    "groups": ("name", "members", "id"),
    "windows": ("name", "also", "count", "units", "id"),
    "staff": ("name", "staff_no", "window", "unit", "role", "period"),
    "requirements": ("item", "number", "label", "id", "applies_to"),
    "tasks": ("kind", "number", "title", "deadline"),
    "roles": ("name", "id", "also"),
}
"""The fields each listing's table shows, in order (`period` words `since` and `until`);
the rows hold these and a few more (a unit's kind, whether a person is in post), all in
the JSON."""


@dataclass(frozen=True)
class Table:
    """One table of a listing: what its rows are, their fields, the rows."""

    what: str
    columns: tuple[str, ...]
    rows: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class Listing:
    """What can be named of one kind, on `as_of` (the roster's "in post")."""

    what: str
    as_of: dt.date
    tables: tuple[Table, ...]


def what_of(value: str, label: str = "WHAT") -> str:
    """The kind of listing `value` asks for (units, 单位, ...); `label` names the argument."""
    return choose(label, value, WHAT)


def listing(ds: Dataset, what: str, as_of: dt.date, item: tuple[str, str] | None = None) -> Listing:
    """The names of `what` ('units', 'windows', 'staff', 'requirements', 'tasks', 'roles');
    for requirements, of one task (goal, duty) if `item` = (kind, number) is given."""
    if item is not None and what != "requirements":
        raise HsreformError("usage.list_item_only", what=what)
    tables = {
        "units": lambda: _units(ds),
        "windows": lambda: _windows(ds),
        "staff": lambda: _staff(ds, as_of),
        "requirements": lambda: _requirements(ds, item),
        "tasks": lambda: _tasks(ds),
        "roles": _roles,
    }[what]()
    return Listing(what, as_of, tables)


def _units(ds: Dataset) -> tuple[Table, ...]:
    groups: dict[str, list[str]] = {}
    for group in ds.windows.groups:
        for member in ds.expand([group.id]):
            groups.setdefault(member, []).append(group.name)
    names = ds.names
    units = tuple(
        {
            "name": u.name,
            "id": u.id,
            "also": [
                a for a in dict.fromkeys([*u.aliases, *names.full_names(u.name)]) if a != u.name
            ],
            "kind": u.kind.value,
            "groups": groups.get(u.id, []),
        }
        for u in ds.windows.units
    )
    out = [Table("units", COLUMNS["units"], units)]
    if ds.windows.groups:
        rows = tuple(
            {"name": g.name, "id": g.id, "members": names.unit_names(g.members)}
            for g in ds.windows.groups
        )
        out.append(Table("groups", COLUMNS["groups"], rows))
    return tuple(out)


def _windows(ds: Dataset) -> tuple[Table, ...]:
    rows = tuple(
        {
            "name": w.name,
            "id": w.id,
            "also": [w.name.removesuffix("窗口")] if w.name.endswith("窗口") else [w.name + "窗口"],
            "count": w.count,
            "units": ds.names.unit_names(dict.fromkeys(q.unit for q in w.quotas)),
        }
        for w in ds.windows.windows
    )
    return (Table("windows", COLUMNS["windows"], rows),)


def _staff(ds: Dataset, as_of: dt.date) -> tuple[Table, ...]:
    windows, units = ds.window_categories, ds.units
    rows = tuple(
        {
            "name": m.name,
            "staff_no": m.staff_no,
            "window": windows[m.window].name if m.window in windows else m.window,
            "unit": units[m.unit].name if m.unit in units else m.unit,
            "role": m.role.value,
            "since": m.since,
            "until": m.until,
            "in_post": m.in_post(as_of),
        }
        for m in ds.staff.staff
    )
    return (Table("staff", COLUMNS["staff"], rows),)


def _requirements(ds: Dataset, item: tuple[str, str] | None) -> tuple[Table, ...]:
    chosen: list[tuple[str, Tracked]]
    if item is not None:
        kind, number = item
        chosen = [(kind, ds.names.item(kind, number)[1])]
    else:
        chosen = [(KINDS[section], tracked) for section, _, tracked in ds.tracked()]
    rows = tuple(
        {
            "item": {"kind": kind, "number": tracked.number},
            "number": n,
            "label": r.label,
            "id": r.id,
            "applies_to": ds.names.unit_names(ds.expand(r.applies_to)),
        }
        for kind, tracked in chosen
        for n, r in enumerate(tracked.requirements, 1)
    )
    return (Table("requirements", COLUMNS["requirements"], rows),)


def _tasks(ds: Dataset) -> tuple[Table, ...]:
    rows = tuple(
        {
            "kind": KINDS[section],
            "number": tracked.number,
            "title": tracked.title,
            "deadline": tracked.deadline,
        }
        for section, _, tracked in ds.tracked()
    )
    return (Table("tasks", COLUMNS["tasks"], rows),)


def _roles() -> tuple[Table, ...]:
    rows = tuple(
        {"name": words[0], "id": role, "also": list(words[1:])}
        for role, words in ROLE_WORDS.items()
    )
    return (Table("roles", COLUMNS["roles"], rows),)
