"""The item catalogue on a given day: each item's standing, each unit's figures, the goal.

Every state of an item is dated (`since`) and earlier states stay in `history`, so the
catalogue on `as_of` is replayed like progress: an item is known from its first state on,
and stands in the latest state that began by `as_of`. The other dated facts replay too:
an item is online from `online`, an element is public from its date under `public`, the
figures before streamlining hold until `streamlined.on`, and a window is authorized for an
item from the day a letter naming it was signed.

应进必进 per unit (for the goal marked `catalogue: in-hall`): the items that must enter are
all but the exempt ones (对场地有特殊要求); the unit is done on the day the last of them
entered the hall, in progress while some are inside and some outside, not started while
none is inside, and exempt when every one of its items is. The catalogue wins over a
progress entry written by hand (`validate` reports a done that the catalogue contradicts).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from hsreform.dataset.dated import (
    ItemStanding,
    standings,
)
from hsreform.dataset.loader import Dataset
from hsreform.dataset.records import (
    PUBLIC_ELEMENTS,
    CatalogueRule,
    ItemStatus,
    Progress,
    Status,
    Tracked,
)

CATALOGUE_EVIDENCE = "事项清单（items.yaml）"
"""The evidence of a progress entry derived from the catalogue."""


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class Figures:
    """What a set of items adds up to on a day (a unit's, or every unit's)."""

    items: int = 0
    listed: int = 0
    in_hall: int = 0
    exempt: int = 0
    not_entering: int = 0
    online: int = 0
    authorized: int = 0
    """Items that must enter whose window is authorized for them by a signed letter."""
    public: int = 0
    public_total: int = 0
    """Elements to make public: five per item."""
    timed: int = 0
    """Items with both a legal and a promised time limit, which the time figures count."""
    legal_days: int = 0
    promised_days: int = 0
    steps_items: int = 0
    steps_before: int = 0
    steps_after: int = 0
    documents_items: int = 0
    documents_before: int = 0
    documents_after: int = 0

    @property
    def must_enter(self) -> int:
        """Items that 应进必进 asks into the hall: all but the exempt."""
        return self.items - self.exempt

    @property
    def in_hall_rate(self) -> float | None:
        """In the hall, of those that must enter."""
        return _rate(self.in_hall, self.must_enter)

    @property
    def online_rate(self) -> float | None:
        """一网通办: online, of all items."""
        return _rate(self.online, self.items)

    @property
    def authorized_rate(self) -> float | None:
        """授权到位: authorized at their window, of those that must enter."""
        return _rate(self.authorized, self.must_enter)

    @property
    def public_rate(self) -> float | None:
        """政务公开: elements public, of five per item."""
        return _rate(self.public, self.public_total)

    @property
    def time_cut(self) -> float | None:
        """时限压缩率: 1 − Σ承诺办结时限 / Σ法定办结时限, over the items that give both."""
        if not self.legal_days:
            return None
        return 1 - self.promised_days / self.legal_days

    def __add__(self, other: Figures) -> Figures:
        return Figures(*(a + b for a, b in zip(_values(self), _values(other), strict=True)))


def _values(figures: Figures) -> tuple[int, ...]:
    return tuple(getattr(figures, name) for name in Figures.__dataclass_fields__)


def figures(items: Iterable[ItemStanding]) -> Figures:
    """The figures of `items`."""
    total = Figures()
    for s in items:
        timed = s.legal_days is not None and s.promised_days is not None
        steps = None not in s.steps
        documents = None not in s.documents
        total += Figures(
            items=1,
            listed=s.status is ItemStatus.LISTED,
            in_hall=s.in_hall,
            exempt=not s.must_enter,
            not_entering=s.status is ItemStatus.NOT_ENTERING,
            online=s.online,
            authorized=s.must_enter and s.authorized,
            public=len(s.public),
            public_total=len(PUBLIC_ELEMENTS),
            timed=timed,
            legal_days=(s.legal_days or 0) if timed else 0,
            promised_days=(s.promised_days or 0) if timed else 0,
            steps_items=steps,
            steps_before=(s.steps[0] or 0) if steps else 0,
            steps_after=(s.steps[1] or 0) if steps else 0,
            documents_items=documents,
            documents_before=(s.documents[0] or 0) if documents else 0,
            documents_after=(s.documents[1] or 0) if documents else 0,
        )
    return total


def goal_progress(
    unit: str, items: Sequence[ItemStanding], manual: Progress | None = None
) -> Progress | None:
    """The unit's progress on 应进必进 as its items say (None when it has none listed).

    Requirements met by hand (`manual.met`) are kept: the catalogue decides only the state.
    """
    if not items:
        return None
    met = dict(manual.met) if manual is not None else {}
    must = [s for s in items if s.must_enter]
    if not must:
        reasons = dict.fromkeys(f"{s.name}：{s.reason}" if s.reason else s.name for s in items)
        return Progress(
            unit=unit,
            status=Status.EXEMPT,
            since=max(s.since for s in items),
            reason="；".join(reasons),
            evidence=CATALOGUE_EVIDENCE,
            met=met,
        )
    inside = [s.since for s in must if s.in_hall]
    if len(inside) == len(must):
        return Progress(
            unit=unit,
            status=Status.DONE,
            done_on=max(inside),
            evidence=CATALOGUE_EVIDENCE,
            met=met,
        )
    status = Status.IN_PROGRESS if inside else Status.NOT_STARTED
    return Progress(
        unit=unit,
        status=status,
        since=min(inside) if inside else None,
        evidence=CATALOGUE_EVIDENCE,
        met=met,
    )


def derived_progress(ds: Dataset, item: Tracked, as_of: dt.date) -> dict[str, Progress]:
    """For an item marked `catalogue: in-hall`, the progress of each unit with a catalogue."""
    if item.catalogue is not CatalogueRule.IN_HALL:
        return {}
    manual = ds.progress_by_unit(item)
    out: dict[str, Progress] = {}
    for unit in ds.expand(item.responsible):
        entry = goal_progress(unit, standings(ds, unit, as_of), manual.get(unit))
        if entry is not None:
            out[unit] = entry
    return out


@dataclass(frozen=True)
class UnitItems:
    """One unit's catalogue on `as_of`."""

    unit: str
    name: str
    items: tuple[ItemStanding, ...]
    figures: Figures
    goal: Status | None
    """The unit's state on 应进必进 as the catalogue gives it (None: nothing listed yet)."""

    @property
    def exemptions(self) -> tuple[ItemStanding, ...]:
        """The exempt items (with their reasons)."""
        return tuple(s for s in self.items if not s.must_enter)

    @property
    def outside(self) -> tuple[ItemStanding, ...]:
        """Items that must enter the hall and are not in it yet."""
        return tuple(s for s in self.items if s.must_enter and not s.in_hall)


@dataclass(frozen=True)
class ItemsReport:
    """The catalogue on `as_of`: every unit that has one, and the county's total.

    `without` names the units the goal holds responsible that have no catalogue.
    """

    as_of: dt.date
    units: tuple[UnitItems, ...]
    total: Figures
    without: tuple[str, ...] = ()


def report(ds: Dataset, as_of: dt.date, *, unit: str | None = None) -> ItemsReport:
    """The catalogue on `as_of`, for every unit with one (or only `unit`)."""
    ids = [u.id for u in ds.windows.units if u.id in ds.catalogues]
    if unit is not None:
        ids = [unit]
    units = []
    for uid in ids:
        items = standings(ds, uid, as_of)
        entry = goal_progress(uid, items)
        units.append(
            UnitItems(
                uid,
                ds.units[uid].name,
                items,
                figures(items),
                entry.status if entry is not None else None,
            )
        )
    goals = [g for g in ds.tasks.goals if g.catalogue is CatalogueRule.IN_HALL]
    owing = dict.fromkeys(u for g in goals for u in ds.expand(g.responsible))
    without = (
        ()
        if unit is not None
        else tuple(ds.units[u].name for u in owing if u in ds.units and not standings(ds, u, as_of))
    )
    total = Figures()
    for u in units:
        total += u.figures
    return ItemsReport(as_of, tuple(units), total, without)
