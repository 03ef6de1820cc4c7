"""Terminal output with Rich: findings as `file:line:col` lines, results as tables.

Tables are laid out to fit an 80-column terminal (Chinese characters take two columns).
No styling at all when NO_COLOR is set or the output is not a terminal. Text from the data
goes into a cell through `safe.inline` (a line break in it shows as ⏎ and cannot start a
row of its own); messages come safe from the catalogue; `stream.console` guards the rest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from hsreform.checks.staffing import WindowStaffing
from hsreform.findings import Finding, Severity, counts, findings_of, sort_findings
from hsreform.i18n import text
from hsreform.models import Status
from hsreform.report.safe import inline
from hsreform.status import Report, Row, State

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
STATE_STYLE = {
    State.DONE: "green",
    State.DONE_LATE: "yellow",
    State.OVERDUE: "bold red",
    State.DUE_SOON: "bold yellow",
    State.OPEN: "",
    State.BLOCKED: "magenta",
}


def findings(
    console: Console, found: Iterable[Finding], lang: str, *, summary: bool = True
) -> None:
    """One line per finding, `file:line:col: severity [code] message`, then the tally.

    Of many findings of one kind, a line says how many more there are; the tally counts all.
    """
    found = findings_of(found)
    ordered = sort_findings(found)
    for f in ordered:
        line = Text()
        line.append(inline(f.location) + ": ", style="bold")
        line.append(text("sev." + f.severity.label, lang), style=SEVERITY_STYLE[f.severity])
        line.append(f" [{f.code}] ", style="dim")
        line.append(f.message(lang))
        console.print(line, soft_wrap=True)
    for omitted in found.omitted:
        console.print(omitted.describe(lang), style="dim", soft_wrap=True)
    if summary:
        if ordered:
            console.print(text("findings.summary", lang, **counts(found)))
        else:
            console.print(text("findings.none", lang), style="green")


def _days(row: Row, lang: str) -> str:
    if row.state in (State.DONE, State.DONE_LATE):
        return "—"
    if row.days_left < 0:
        return text("days.overdue", lang, n=-row.days_left)
    if row.days_left == 0:
        return text("days.today", lang)
    return text("days.left", lang, n=row.days_left)


def _state(state: State, lang: str) -> Text:
    return Text(text("state." + state.value, lang), style=STATE_STYLE[state])


def _table(**options: Any) -> Table:
    """A borderless table whose columns are two spaces apart: room for Chinese text at 80 columns."""
    return Table(
        box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, collapse_padding=True, **options
    )


def _rows_table(rows: tuple[Row, ...], heading: str, lang: str) -> Table:
    table = _table()
    table.add_column(text("col.number", lang), justify="right", no_wrap=True)
    table.add_column(heading, ratio=1, min_width=12, overflow="fold")
    table.add_column(text("col.deadline", lang), no_wrap=True)
    table.add_column(text("col.days", lang), justify="right", no_wrap=True)
    table.add_column(text("col.units", lang), justify="right", no_wrap=True)
    table.add_column(text("col.state", lang), no_wrap=True)
    for row in rows:
        table.add_row(
            str(row.number),
            inline(row.title),
            row.deadline.isoformat(),
            _days(row, lang),
            f"{row.units_done}/{row.units_total}",
            _state(row.state, lang),
        )
    return table


def status(
    console: Console,
    report: Report,
    lang: str,
    *,
    plan: str,
    unit_name: str | None = None,
    partial_groups: Iterable[str] = (),
) -> None:
    """The tasks table, the goals table, a one-line summary, and a note on partial groups.

    `partial_groups` names groups whose members the plan never lists: their units-done
    figures count only the members the data knows.
    """
    as_of = report.as_of.isoformat()
    if unit_name:
        title = text("status.title_unit", lang, unit=unit_name, as_of=as_of)
    else:
        title = text("status.title", lang, plan=plan, as_of=as_of)
    console.print(title, style="bold")
    if not report.tasks and not report.goals:
        console.print(text("status.none", lang))
        return
    if report.tasks:
        console.print(_rows_table(report.tasks, text("col.task", lang), lang))
    if report.goals:
        console.print(text("status.goals", lang), style="bold")
        console.print(_rows_table(report.goals, text("col.goal", lang), lang))
    tally = report.counts()
    parts = [f"{text('state.' + state, lang)} {n}" for state, n in tally.items() if n]
    console.print(text("status.summary", lang, total=sum(tally.values()), parts=parts))
    partial = list(partial_groups)
    if partial:
        console.print(text("status.partial", lang, groups=partial), style="dim")


def task(console: Console, row: Row, lang: str) -> None:
    """One task: its heading, and each responsible unit's progress."""
    console.print(text("task.title", lang, number=row.number, title=row.title), style="bold")
    console.print(
        text(
            "task.meta",
            lang,
            deadline=row.deadline.isoformat(),
            days=_days(row, lang),
            state=text("state." + row.state.value, lang),
            done=row.units_done,
            total=row.units_total,
        )
    )
    table = _table()
    table.add_column(text("col.unit", lang), no_wrap=True)
    table.add_column(text("col.state", lang), no_wrap=True)
    table.add_column(text("col.done_on", lang), no_wrap=True)
    table.add_column(text("col.evidence", lang), ratio=1, overflow="fold")
    for unit in row.units:
        done_on = unit.done_on.isoformat() if unit.done_on else ""
        if unit.late and unit.done_on:
            done_on += " " + text("days.late", lang, n=(unit.done_on - row.deadline).days)
        style = {Status.DONE: "green", Status.BLOCKED: "magenta"}.get(unit.status, "")
        notes = " / ".join(inline(x) for x in (unit.evidence, unit.note) if x)
        table.add_row(
            inline(unit.name),
            Text(text("unit." + unit.status.value, lang), style=style),
            done_on,
            notes,
        )
    console.print(table)


def staffing(
    console: Console,
    as_of: dt.date,
    found: Iterable[Finding],
    windows: list[WindowStaffing],
    lang: str,
) -> None:
    """The staffing findings, then windows, quota and staff in post per window category."""
    findings(console, found, lang)
    console.print()
    table = _table(
        title=text("staffing.title", lang, as_of=as_of.isoformat()),
        title_justify="left",
        show_footer=True,
    )
    table.add_column(text("col.window", lang), footer=text("staffing.total", lang))
    table.add_column(
        text("col.windows", lang), justify="right", footer=str(sum(w.count for w in windows))
    )
    table.add_column(
        text("col.quota", lang), justify="right", footer=str(sum(w.quota for w in windows))
    )
    table.add_column(
        text("col.staffed", lang), justify="right", footer=str(sum(w.staffed for w in windows))
    )
    for w in windows:
        staffed = Text(str(w.staffed), style="red" if w.staffed < w.quota else "")
        table.add_row(inline(w.name), str(w.count), str(w.quota), staffed)
    console.print(table)
