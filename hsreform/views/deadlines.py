"""Every deadline of the plan, for a calendar (`hsreform calendar`).

One entry per task, goal and support duty that has a deadline (a duty has one only when
the data borrows a task's), with its responsible units. Unlike the other views this one
does not depend on `--as-of`: a calendar holds every deadline, past and coming.

Each entry carries a stable id made from the plan's number, the kind and the number of
the item, so that importing a newer calendar updates the events instead of doubling them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from hsreform.dataset.loader import Dataset
from hsreform.dataset.records import Plan
from hsreform.views.status import SECTIONS, deadline_of


@dataclass(frozen=True)
class Deadline:
    """One dated item of the plan."""

    uid: str
    kind: str
    number: int
    title: str
    deliverable: str
    day: dt.date
    units: tuple[str, ...]
    """The names of the responsible units the item charges (`Dataset.charged`), in order."""
    deadline_from: int | None = None
    """The task whose deadline a duty borrows."""


@dataclass(frozen=True)
class Deadlines:
    """The plan's deadlines, and the items that have none."""

    plan: Plan
    entries: tuple[Deadline, ...]
    undated: tuple[tuple[str, int], ...]
    """(kind, number) of each item without a deadline: not in the calendar."""


def uid(plan: Plan, kind: str, number: int) -> str:
    """A stable id for an item's event: the same plan and item always give the same id."""
    digest = hashlib.sha256(plan.number.encode("utf-8")).hexdigest()[:12]
    return f"{kind}-{number}-{digest}@hsreform"


def deadlines(ds: Dataset) -> Deadlines:
    """Every task, goal and duty deadline, in the plan's order."""
    plan = ds.tasks.plan
    entries: list[Deadline] = []
    undated: list[tuple[str, int]] = []
    for kind, section in SECTIONS:
        for item in getattr(ds.tasks, section):
            day, borrowed = deadline_of(ds, item)
            if day is None:
                undated.append((kind, item.number))
                continue
            names = tuple(ds.units[u].name for u in ds.charged(item))
            entries.append(
                Deadline(
                    uid(plan, kind, item.number),
                    kind,
                    item.number,
                    item.title,
                    item.deliverable,
                    day,
                    names,
                    borrowed,
                )
            )
    return Deadlines(plan, tuple(entries), tuple(undated))
