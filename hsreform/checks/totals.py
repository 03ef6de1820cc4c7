"""The data adds up to the plan's own figures, and its gaps are said out loud.

Errors when the windows, categories or offices do not add up to `totals`; warnings where
the plan leaves something unnamed: the 35 departments, the 18 units behind 综合窗口, units
it mentions only in general terms (进驻银行). Data must not fill such gaps with invented
names; these warnings are how the gap stays visible.

    totals:
      windows: 55          # total-mismatch when the categories' counts add up to 54
"""

from __future__ import annotations

from collections.abc import Iterator

from hsreform.findings import Finding, Severity
from hsreform.loader import Dataset
from hsreform.models import UnitKind

W = "windows.yaml"


def check(ds: Dataset) -> Iterator[Finding]:
    """Totals against the plan's declared figures, and the plan's unnamed units."""
    w = ds.windows
    declared = w.totals
    actual = {
        "windows": sum(x.count for x in w.windows),
        "categories": len(w.windows),
        "offices": sum(o.count for o in w.offices),
    }
    for what, value in actual.items():
        expected = getattr(declared, what)
        if value != expected:
            yield ds.finding(
                W, ("totals", what), "total-mismatch", what=what, declared=expected, actual=value
            )
    yield from _departments(ds)
    for gi, group in enumerate(w.groups):
        if group.declared is None or len(group.members) == group.declared:
            continue
        severity = Severity.WARNING if len(group.members) < group.declared else Severity.ERROR
        yield ds.finding(
            W,
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
                W,
                ("units", ui, "name"),
                "unit-unnamed",
                Severity.WARNING,
                name=unit.name,
                count=unit.count,
            )


def _departments(ds: Dataset) -> Iterator[Finding]:
    """Departments with matters in the hall: the units behind quotas and `serves`, bar the centre."""
    involved: dict[str, None] = {}
    for window in ds.windows.windows:
        for unit_id in [q.unit for q in window.quotas] + ds.expand(window.serves):
            involved.setdefault(unit_id)
    units = [ds.units[u] for u in involved if ds.units[u].kind is not UnitKind.SERVICE_CENTRE]
    named = [u for u in units if not u.generic]
    generic = [u.name for u in units if u.generic]
    declared = ds.windows.totals.departments
    if len(named) != declared:
        yield ds.finding(
            W,
            ("totals", "departments"),
            "departments-unnamed",
            Severity.WARNING,
            declared=declared,
            named=len(named),
            generic=generic,
        )
