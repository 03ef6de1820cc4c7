"""The data adds up to the plan's own figures, and its gaps are said out loud.

Errors when the windows, categories, offices, quotas or departments do not add up to
`totals`; warnings where the plan leaves something unnamed: most of the 35 departments,
9 of the 18 units behind 综合窗口, units it mentions only in general terms (进驻银行), and
groups it never lists (县人民政府各部门). Data must not fill such gaps with invented
names; these warnings are how the gap stays visible.

    totals:
      windows: 55          # total-mismatch when the categories' counts add up to 54
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hsreform.common.findings import Finding, Severity
from hsreform.dataset.loader import Dataset
from hsreform.dataset.records import WINDOWS, UnitKind


def check(ds: Dataset) -> Iterator[Finding]:
    """Totals against the plan's declared figures, and the plan's unnamed units."""
    w = ds.windows
    actual = {
        "windows": sum(x.count for x in w.windows),
        "categories": len(w.windows),
        "offices": sum(o.count for o in w.offices),
        "staff": sum(q.staff for x in w.windows for q in x.quotas),
    }
    for what, value in actual.items():
        expected = getattr(w.totals, what)
        if expected is not None and value != expected:
            yield ds.finding(
                WINDOWS,
                ("totals", what),
                "total-mismatch",
                what=what,
                declared=expected,
                actual=value,
            )
    yield from _departments(ds)
    for gi, group in enumerate(w.groups):
        if not group.complete:
            yield ds.finding(
                WINDOWS,
                ("groups", gi, "complete"),
                "group-incomplete",
                Severity.WARNING,
                group=group.name,
                named=len(group.members),
            )
        if group.declared is None or len(group.members) == group.declared:
            continue
        severity = Severity.WARNING if len(group.members) < group.declared else Severity.ERROR
        yield ds.finding(
            WINDOWS,
            ("groups", gi, "members"),
            "group-unnamed-members",
            severity,
            group=group.name,
            declared=group.declared,
            named=len(group.members),
        )
    for ui, unit in enumerate(w.units):
        if unit.generic:
            yield ds.finding(
                WINDOWS,
                ("units", ui, "name"),
                "unit-unnamed",
                Severity.WARNING,
                name=unit.name,
                count=unit.count,
            )


def _departments(ds: Dataset) -> Iterator[Finding]:
    """Departments with matters in the hall against the plan's figure.

    They are the units behind the quotas and behind `serves`, bar the centre itself: named
    ones, generic ones (each entry once: 进驻银行 is one line of the plan), and the members a
    served group declares but does not list. With the bundled data: 22 + 4 + 9 = 35.
    """
    involved: dict[str, None] = {}
    for window in ds.windows.windows:
        for unit_id in [q.unit for q in window.quotas] + ds.expand(window.serves):
            involved.setdefault(unit_id)
    units = [ds.units[u] for u in involved if ds.units[u].kind is not UnitKind.SERVICE_CENTRE]
    named = [u.name for u in units if not u.generic]
    generic = [u.name for u in units if u.generic]
    served = {ref for window in ds.windows.windows for ref in window.serves}
    unlisted = sum(
        max(0, (g.declared or 0) - len(g.members)) for g in ds.windows.groups if g.id in served
    )
    declared = ds.windows.totals.departments
    params: dict[str, Any] = {
        "declared": declared,
        "named": len(named),
        "generic": generic,
        "generic_count": len(generic),
        "unlisted": unlisted,
    }
    total = len(named) + len(generic) + unlisted
    if total != declared:
        yield ds.finding(
            WINDOWS,
            ("totals", "departments"),
            "total-mismatch",
            what="departments",
            actual=total,
            **params,
        )
    elif len(named) < declared:
        yield ds.finding(
            WINDOWS, ("totals", "departments"), "departments-unnamed", Severity.WARNING, **params
        )
