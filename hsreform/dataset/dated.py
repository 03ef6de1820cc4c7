"""What the data set's dated records say on a given day.

Every state in the data is dated and earlier states stay in `history`, so a record on a day
is replayed: the latest state that began by then. The views of a day (`hsreform.views`)
and the rules (`hsreform.checks`) both read the data this way, so it lives with the data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hsreform.dataset.loader import Dataset
from hsreform.dataset.records import (
    PUBLIC_ELEMENTS,
    DatedState,
    Item,
    ItemKind,
    ItemState,
    ItemStatus,
    Letter,
    Progress,
    Status,
)


def state_on(entry: Progress, day: dt.date, *, exempt: bool = True) -> DatedState | None:
    """The state of `entry` in effect on `day`: the latest that began by then.

    History lists earlier states oldest first; an undated state (data written before
    states were dated) counts as known from the start, as it always did. With `exempt`
    False, exemptions are passed over: the state the unit stood in without them.
    """
    current: DatedState | None = None
    for state in (*entry.history, entry):
        if (state.began is None or state.began <= day) and (
            exempt or state.status is not Status.EXEMPT
        ):
            current = state
    return current


def item_state_on(item: Item, day: dt.date) -> ItemState | None:
    """The state of `item` on `day`: the latest that began by then (None: not yet listed)."""
    current: ItemState | None = None
    for state in (*item.history, item):
        if state.since <= day:
            current = state
    return current


def entered_on(item: Item, day: dt.date) -> dt.date | None:
    """The day `item` last entered the hall, if it is in the hall on `day`."""
    state = item_state_on(item, day)
    return state.since if state is not None and state.status is ItemStatus.IN_HALL else None


def names(letter: Letter) -> frozenset[str]:
    """What a letter entrusts: item names or codes."""
    return frozenset(letter.items)


def covers(letter: Letter, item: Item) -> bool:
    """Whether `letter` names `item` (by its name or its code)."""
    entrusted = names(letter)
    return item.name in entrusted or (item.code is not None and item.code in entrusted)


def authorized(ds: Dataset, unit: str, item: Item, day: dt.date) -> bool:
    """Whether a letter of `unit` signed by `day` entrusts `item` to the window that handles it."""
    return item.window is not None and any(
        letter.window == item.window
        and letter.signed_on is not None
        and letter.signed_on <= day
        and covers(letter, item)
        for letter in ds.letters_by_unit.get(unit, [])
    )


@dataclass(frozen=True)
class ItemStanding:
    """One item on `as_of`: its state, and what of the plan's asks it meets."""

    name: str
    code: str | None
    kind: ItemKind | None
    window: str | None
    window_name: str | None
    status: ItemStatus
    since: dt.date
    reason: str | None
    online: bool
    authorized: bool
    public: tuple[str, ...]
    """The elements made public by `as_of`, in the order of `PUBLIC_ELEMENTS`."""
    legal_days: int | None
    promised_days: int | None
    """The promised time limit on `as_of` (the one before streamlining, until it happened)."""
    steps: tuple[int | None, int | None]
    """办理环节 (before streamlining, on `as_of`)."""
    documents: tuple[int | None, int | None]
    """申请要件 (before streamlining, on `as_of`)."""

    @property
    def must_enter(self) -> bool:
        """Whether 应进必进 asks this item into the hall (all but the exempt)."""
        return self.status is not ItemStatus.EXEMPT

    @property
    def in_hall(self) -> bool:
        """Whether the item is handled in the hall on `as_of`."""
        return self.status is ItemStatus.IN_HALL


def standing(ds: Dataset, unit: str, item: Item, as_of: dt.date) -> ItemStanding | None:
    """`item` of `unit` as it stood on `as_of`; None before it was listed."""
    state = item_state_on(item, as_of)
    if state is None:
        return None
    window = ds.window_categories.get(item.window) if item.window else None
    cut = item.streamlined
    done = cut is not None and cut.on <= as_of

    def before_after(now: int | None, before: int | None) -> tuple[int | None, int | None]:
        if cut is None or before is None:
            return now, now
        return (before, now) if done else (before, before)

    promised = item.promised_days
    if cut is not None and not done and cut.promised_days is not None:
        promised = cut.promised_days
    return ItemStanding(
        name=item.name,
        code=item.code,
        kind=item.kind,
        window=item.window,
        window_name=window.name if window else None,
        status=state.status,
        since=state.since,
        reason=state.reason,
        online=item.online is not None and item.online <= as_of,
        authorized=authorized(ds, unit, item, as_of),
        public=tuple(e for e in PUBLIC_ELEMENTS if (d := item.public.get(e)) and d <= as_of),
        legal_days=item.legal_days,
        promised_days=promised,
        steps=before_after(item.steps, cut.steps if cut else None),
        documents=before_after(item.documents, cut.documents if cut else None),
    )


def standings(ds: Dataset, unit: str, as_of: dt.date) -> tuple[ItemStanding, ...]:
    """Every item of `unit`'s catalogue listed by `as_of`, in catalogue order."""
    catalogue = ds.catalogues.get(unit)
    if catalogue is None:
        return ()
    found = (standing(ds, unit, item, as_of) for item in catalogue.items)
    return tuple(s for s in found if s is not None)
