"""The item catalogue (items.yaml) agrees with itself, with the windows and with the progress.

References first (these block every command but `validate`): every unit and window named
exists, a unit has one catalogue, an item code is used once in the whole file and an item
name once per unit, a letter names only its unit's items, and each item's states run
oldest first. Then, on `--as-of`:

- item-exempt-without-reason: an exempt item must say why (the plan allows only
  对场地有特殊要求的事项);
- item-window-no-quota: the window handling an item has no quota for its unit and does not
  serve it (`serves`, as 综合窗口 does for its 18 units);
- item-in-hall-without-window / item-not-authorized: an item in the hall needs its window,
  and a signed letter of its unit entrusting that window with it (授权到位);
- letter-item-elsewhere: a letter entrusts an item that the catalogue puts at another window;
- sorting-done-without-items: a unit done with the task marked `catalogue: sorting`
  (task 1) has no items listed (once the county keeps a catalogue: an empty one is
  not in use, and these three cross-checks stay quiet);
- authorization-done-without-letter: a unit done with the task marked
  `catalogue: authorization` (task 2) has no signed letter;
- goal-done-items-outside: the goal marked `catalogue: in-hall` is recorded done by hand
  while items that must enter are still outside (the catalogue wins in `status`);
- goal-exempt-items-must-enter: that goal is recorded exempt by hand while the unit's
  catalogue holds items that must enter: the plan's exception (除对场地有特殊要求的事项外)
  is item by item, so exempt items are marked in the catalogue;
- catalogue-rule-missing: items.yaml has a catalogue, but no task or goal says which rule
  it answers, so that cross-check cannot run;
- dated-in-future: a state, letter or publication dated after `--as-of`.

    catalogues:
      - unit: water-resources-bureau
        items:
          - name: 取水许可
            window: comprehensive
            status: exempt         # item-exempt-without-reason: no reason
            since: 2020-07-20
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

from hsreform.common.findings import Finding, Severity
from hsreform.dataset.dated import (
    ItemStanding,
    authorized,
    covers,
    item_state_on,
    standings,
    state_on,
)
from hsreform.dataset.loader import Dataset
from hsreform.dataset.records import (
    ITEMS,
    KINDS,
    TASKS,
    CatalogueRule,
    DatedState,
    Item,
    ItemStatus,
    Status,
)
from hsreform.reading.yamlsource import Path_

OUTSIDE_SHOWN = 5
"""Items named in a message about items still outside; the rest are counted."""


def _error(ds: Dataset, path: Path_, code: str, **params: Any) -> Finding:
    return ds.sources[ITEMS].finding(code, path, Severity.ERROR, blocking=True, **params)


def references(ds: Dataset) -> Iterator[Finding]:
    """Unknown units and windows, duplicate catalogues, codes and names, letters' unknown items."""
    if ds.items is None:
        return
    codes: dict[str, Path_] = {}
    catalogued: dict[str, Path_] = {}
    for ci, catalogue in enumerate(ds.items.catalogues):
        where: Path_ = ("catalogues", ci)
        yield from _unit(ds, (*where, "unit"), catalogue.unit)
        yield from _again(ds, catalogued, catalogue.unit, (*where, "unit"), "duplicate-catalogue")
        named: dict[str, Path_] = {}
        for ii, item in enumerate(catalogue.items):
            at: Path_ = (*where, "items", ii)
            if item.window is not None:
                yield from _window(ds, (*at, "window"), item.window)
            yield from _again(ds, named, item.name, (*at, "name"), "duplicate-item-name")
            if item.code is not None:
                yield from _again(ds, codes, item.code, (*at, "code"), "duplicate-item-code")
            yield from _history(ds, at, item)
    for li, letter in enumerate(ds.items.letters):
        where = ("letters", li)
        yield from _unit(ds, (*where, "unit"), letter.unit)
        yield from _window(ds, (*where, "window"), letter.window)
        owner = ds.catalogues.get(letter.unit)
        items = owner.items if owner else []
        known = {i.name for i in items} | {i.code for i in items if i.code}
        for ei, entrusted in enumerate(letter.items):
            if entrusted not in known:
                yield _error(
                    ds,
                    (*where, "items", ei),
                    "letter-unknown-item",
                    item=entrusted,
                    unit=ds.units[letter.unit].name if letter.unit in ds.units else letter.unit,
                )


def _again(
    ds: Dataset, seen: dict[str, Path_], key: str, path: Path_, code: str
) -> Iterator[Finding]:
    """A finding when `key` was seen before (at the path `seen` keeps); else remember it."""
    if key in seen:
        yield _error(ds, path, code, value=key, first=_line(ds, seen[key]))
    seen.setdefault(key, path)


def _line(ds: Dataset, path: Path_) -> int:
    return ds.sources[ITEMS].position(path)[0] + 1


def _unit(ds: Dataset, path: Path_, ref: str) -> Iterator[Finding]:
    if ref not in ds.units:
        reason = "group" if ref in ds.groups else ""
        yield _error(
            ds, path, "unknown-unit", id=ref, reason=reason, close=ds.suggest(ref, "units")
        )


def _window(ds: Dataset, path: Path_, ref: str) -> Iterator[Finding]:
    if ref not in ds.window_categories:
        yield _error(ds, path, "unknown-window", id=ref, close=ds.suggest(ref, "windows"))


def _history(ds: Dataset, at: Path_, item: Item) -> Iterator[Finding]:
    """States oldest first: out of order, the catalogue of a past day cannot be told."""
    states = [*item.history, item]
    for hi in range(1, len(states)):
        if states[hi].since < states[hi - 1].since:
            path = (*at, "history", hi) if hi < len(item.history) else (*at, "since")
            yield _error(
                ds,
                path,
                "history-out-of-order",
                date=states[hi].since.isoformat(),
                previous=states[hi - 1].since.isoformat(),
            )


def check(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    """The cross-checks of the catalogue on `as_of` (after `references` found nothing blocking)."""
    if ds.items is None:
        return
    for ci, catalogue in enumerate(ds.items.catalogues):
        for ii, item in enumerate(catalogue.items):
            yield from _item(ds, ("catalogues", ci, "items", ii), catalogue.unit, item, as_of)
    for li, letter in enumerate(ds.items.letters):
        where: Path_ = ("letters", li)
        if letter.signed_on is not None and letter.signed_on > as_of:
            yield _future(ds, (*where, "signed_on"), letter.signed_on, as_of)
        owner = ds.catalogues.get(letter.unit)
        for item in owner.items if owner else []:
            if item.window not in (None, letter.window) and covers(letter, item):
                yield ds.sources[ITEMS].finding(
                    "letter-item-elsewhere",
                    (*where, "items", _entry(letter.items, item)),
                    Severity.WARNING,
                    item=item.name,
                    window=_window_name(ds, letter.window),
                    actual=_window_name(ds, item.window),
                )
    yield from _progress(ds, as_of)


def _entry(entrusted: list[str], item: Item) -> int:
    return next(i for i, name in enumerate(entrusted) if name in (item.name, item.code))


def _window_name(ds: Dataset, window: str | None) -> str:
    found = ds.window_categories.get(window or "")
    return found.name if found else str(window)


def _future(ds: Dataset, path: Path_, day: dt.date, as_of: dt.date, what: str = "") -> Finding:
    return ds.sources[ITEMS].finding(
        "dated-in-future", path, what=what, date=day.isoformat(), as_of=as_of.isoformat()
    )


def _item(ds: Dataset, at: Path_, unit: str, item: Item, as_of: dt.date) -> Iterator[Finding]:
    for hi, state in enumerate([*item.history, item]):
        path = (*at, "history", hi) if hi < len(item.history) else (*at, "since")
        if state.since > as_of:
            yield _future(
                ds, path, state.since, as_of, "history" if path[-1] != "since" else "since"
            )
        if state.status is ItemStatus.EXEMPT and state.reason is None:
            where = (*at, "history", hi) if hi < len(item.history) else (*at, "status")
            yield ds.sources[ITEMS].finding("item-exempt-without-reason", where, item=item.name)
    for day, path in (
        (item.online, (*at, "online")),
        (item.streamlined.on if item.streamlined else None, (*at, "streamlined", "on")),
        *((d, (*at, "public", e)) for e, d in item.public.items()),
    ):
        if day is not None and day > as_of:
            yield _future(ds, path, day, as_of)
    if item.window in ds.window_categories and not _handles(ds, str(item.window), unit):
        yield _at_window(ds, "item-window-no-quota", at, unit, item)
    now = item_state_on(item, as_of)
    if now is None or now.status is not ItemStatus.IN_HALL:
        return
    if item.window is None:
        yield ds.sources[ITEMS].finding(
            "item-in-hall-without-window", (*at, "status"), item=item.name
        )
    elif not authorized(ds, unit, item, as_of):
        yield _at_window(ds, "item-not-authorized", at, unit, item)


def _at_window(ds: Dataset, code: str, at: Path_, unit: str, item: Item) -> Finding:
    """A finding about the window of `item` (of `unit`), at its `window` key."""
    return ds.sources[ITEMS].finding(
        code,
        (*at, "window"),
        item=item.name,
        unit=ds.units[unit].name,
        window=_window_name(ds, item.window),
    )


def _handles(ds: Dataset, window: str, unit: str) -> bool:
    """Whether `window` takes `unit`'s items: a quota of the unit there, or it serves the unit."""
    category = ds.window_categories[window]
    return any(q.unit == unit for q in category.quotas) or unit in ds.expand(category.serves)


def _exempt_by_hand(
    ds: Dataset,
    path: Path_,
    state: DatedState,
    items: Sequence[ItemStanding],
    params: dict[str, Any],
) -> Iterator[Finding]:
    """An exemption from the goal written by hand while the unit's catalogue holds items
    that must enter: the plan exempts items (对场地有特殊要求的事项), not whole units."""
    if state.status is not Status.EXEMPT:
        return
    must = [s.name for s in items if s.must_enter]
    if must:
        yield _naming(ds, path, "goal-exempt-items-must-enter", must, params)


def _naming(
    ds: Dataset, path: Path_, code: str, names: list[str], params: dict[str, Any]
) -> Finding:
    """A finding about a unit's goal that names the first items of `names` and counts the rest."""
    shown = names[:OUTSIDE_SHOWN]
    return ds.finding(
        TASKS, path, code, **params, items=shown, n=len(names), more=len(names) - len(shown)
    )


def _progress(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    """Progress by hand against the catalogue: sorting, authorization, the goal.

    Only where the county keeps a catalogue: an items.yaml without a single unit's list
    (the bundled one, which the plan leaves empty) means the catalogue is not in use yet,
    and a task done by hand stands as it is.
    """
    if not ds.catalogues and not ds.letters_by_unit:
        return
    rules = dict.fromkeys(CatalogueRule, False)
    for section, index, tracked in ds.tracked():
        rule = tracked.catalogue
        if rule is None:
            continue
        rules[rule] = True
        for pi, entry in enumerate(tracked.progress):
            state = state_on(entry, as_of)
            if state is None or entry.unit not in ds.units:
                continue
            path: Path_ = (section, index, "progress", pi, "status")
            params: dict[str, Any] = {
                "unit": ds.units[entry.unit].name,
                "kind": KINDS[section],
                "number": tracked.number,
            }
            items = standings(ds, entry.unit, as_of)
            if state.status is not Status.DONE:
                if rule is CatalogueRule.IN_HALL:
                    yield from _exempt_by_hand(ds, path, state, items, params)
                continue
            if rule is CatalogueRule.SORTING and not items:
                yield ds.finding(TASKS, path, "sorting-done-without-items", **params)
            elif rule is CatalogueRule.AUTHORIZATION and not any(
                letter.signed_on is not None and letter.signed_on <= as_of
                for letter in ds.letters_by_unit.get(entry.unit, [])
            ):
                yield ds.finding(TASKS, path, "authorization-done-without-letter", **params)
            elif rule is CatalogueRule.IN_HALL:
                outside = [s.name for s in items if s.must_enter and not s.in_hall]
                if outside:
                    yield _naming(ds, path, "goal-done-items-outside", outside, params)
    if ds.catalogues and not all(rules.values()):
        missing = [rule.value for rule, marked in rules.items() if not marked]
        yield ds.finding(
            TASKS, ("tasks",), "catalogue-rule-missing", Severity.WARNING, rules=missing
        )
