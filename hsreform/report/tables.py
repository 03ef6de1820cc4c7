"""Terminal output with Rich: findings as `file:line:col` lines, results as tables.

Tables are laid out to fit an 80-column terminal (Chinese characters take two columns).
No styling at all when NO_COLOR is set or the output is not a terminal. Text from the data
goes into a cell through `safe.inline` (a line break in it shows as ⏎ and cannot start a
row of its own); messages come safe from the catalogue; `stream.console` guards the rest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from hsreform.common.findings import Finding, Severity, counts, findings_of, sort_findings
from hsreform.common.i18n import text
from hsreform.common.safe import inline
from hsreform.dataset.records import Status
from hsreform.report import words
from hsreform.report.fold import Folded
from hsreform.views.status import Report, Row, State

if TYPE_CHECKING:  # types only: drawing a status table needs none of these modules
    from hsreform.checks.staffing import WindowStaffing
    from hsreform.edit.catalogue import ImportPlan
    from hsreform.views.catalogue import ItemsReport, UnitItems
    from hsreform.views.changelog import LogEntry

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
STATE_STYLE = {
    State.DONE: "green",
    State.DONE_LATE: "yellow",
    State.OVERDUE: "bold red",
    State.DUE_SOON: "bold yellow",
    State.OPEN: "",
    State.BLOCKED: "magenta",
    State.NOT_STARTED: "dim",
    State.EXEMPT: "cyan",
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


def _state(state: State, lang: str) -> Text:
    return Text(text("state." + state.value, lang), style=STATE_STYLE[state])


def new_table(**options: Any) -> Table:
    """A borderless table whose columns are two spaces apart: room for Chinese text at 80 columns."""
    return Table(
        box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, collapse_padding=True, **options
    )


def _rows_table(
    rows: tuple[Row, ...], heading: str, as_of: dt.date, lang: str, *, looking_back: bool
) -> Table:
    """One row per task (goal, duty); looking back on a finished plan, the day each was done."""
    table = new_table()
    table.add_column(text("col.number", lang), justify="right", no_wrap=True)
    table.add_column(heading, ratio=1, min_width=12, overflow="fold")
    table.add_column(text("col.deadline", lang), no_wrap=True)
    days_heading = "col.outcome" if looking_back else "col.days"
    table.add_column(text(days_heading, lang), justify="right", no_wrap=True)
    table.add_column(text("col.units", lang), justify="right", no_wrap=True)
    table.add_column(text("col.state", lang), no_wrap=True)
    for row in rows:
        table.add_row(
            str(row.number),
            Folded(inline(row.title)),
            words.deadline(row, lang),
            words.outcome(row, as_of, lang) if looking_back else words.days(row, as_of, lang),
            words.units_done(row, lang),
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
    """Tasks, goals and duties, a one-line summary, and notes on what the figures mean.

    `partial_groups` names groups whose members the plan never lists: their units-done
    figures count only the members the data knows.
    """
    as_of = report.as_of.isoformat()
    if unit_name:
        title = text("status.title_unit", lang, unit=unit_name, as_of=as_of)
    else:
        title = text("status.title", lang, plan=plan, as_of=as_of)
    console.print(title, style="bold")
    if not (report.tasks or report.goals or report.duties):
        console.print(Folded(words.nothing(report, lang, unit_name)))
        return
    looking_back = report.deadlines_passed
    for line in words.preamble(report, lang):
        console.print(Folded(line))
    sections = (
        (report.tasks, None, "col.task"),
        (report.goals, "status.goals", "col.goal"),
        (report.duties, "status.duties", "col.duty"),
    )
    for rows, heading, column in sections:
        if not rows:
            continue
        if heading:
            console.print(text(heading, lang), style="bold")
        console.print(
            _rows_table(rows, text(column, lang), report.as_of, lang, looking_back=looking_back)
        )
    for line in words.tallies(report, lang):
        console.print(Folded(line))
    for row in report.duties:
        if row.deadline_from is not None:
            line = text("status.borrowed", lang, number=row.number, task=row.deadline_from)
            console.print(Folded(line, "dim"))
    partial = list(partial_groups)
    if partial:
        console.print(Folded(text("status.partial", lang, groups=partial), "dim"))
    for line in words.remarks(report, lang, unit_name):
        console.print(Folded(line, "dim"))


UNIT_STYLE = {Status.DONE: "green", Status.BLOCKED: "magenta", Status.EXEMPT: "cyan"}


def task(console: Console, row: Row, as_of: dt.date, lang: str) -> None:
    """One task: its heading, its requirements, and each responsible unit's progress."""
    console.print(text(f"{row.kind}.title", lang, number=row.number, title=row.title), style="bold")
    meta = words.task_heading(row, as_of, lang)
    clause = text("sep.clause", lang)
    console.print(Folded(clause.join(meta)))
    if row.requirements:
        legend = clause.join(f"{n}.{r.label}" for n, r in enumerate(row.requirements, 1))
        # the labels in full: a message parameter would be cut short at 80 characters
        console.print(Folded(text("task.legend", lang, items="") + inline(legend)))
    table = new_table()
    table.add_column(text("col.unit", lang), no_wrap=True)
    table.add_column(text("col.state", lang), no_wrap=True)
    table.add_column(text("col.day", lang), no_wrap=True)
    if row.requirements:
        table.add_column(text("col.requirements", lang), no_wrap=True)
    table.add_column(text("col.evidence", lang), ratio=1, overflow="fold")
    for unit in row.units:
        notes = " / ".join(inline(x) for x in (unit.reason, unit.evidence, unit.note) if x)
        cells: list[str | Text] = [
            inline(unit.name),
            Text(text("unit." + unit.status.value, lang), style=UNIT_STYLE.get(unit.status, "")),
            words.state_day(unit, row, lang),
        ]
        if row.requirements:
            cells.append(words.requirements(unit, row, lang))
        table.add_row(*cells, Folded(notes))
    console.print(table)
    for line in words.row_remarks(row, lang):
        console.print(Folded(line, "dim"))


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
    table = new_table(
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


def log(console: Console, found: list[LogEntry], as_of: dt.date, lang: str) -> None:
    """The recorded changes, oldest first: day, item, unit or person, change."""
    if not found:
        console.print(text("log.none", lang))
        return
    table = new_table(title=text("log.title", lang), title_justify="left")
    table.add_column(text("col.day", lang), no_wrap=True)
    table.add_column(text("col.what", lang), no_wrap=True)
    table.add_column(text("col.who", lang), max_width=18, overflow="fold")
    table.add_column(text("col.change", lang), ratio=1, min_width=12, overflow="fold")
    for entry in found:
        table.add_row(
            entry.day.isoformat(), entry.what(lang), Folded(entry.who), Folded(entry.change(lang))
        )
    console.print(table)


ITEM_STYLE = {"in_hall": "green", "exempt": "cyan", "not_entering": "red", "listed": ""}


def items(console: Console, report: ItemsReport, lang: str) -> None:
    """应进必进 per unit and in total, the exempt items with their reasons, units without a list."""
    console.print(text("items.title", lang, as_of=report.as_of.isoformat()), style="bold")
    if not report.units:
        console.print(text("items.none", lang))
    else:
        table = new_table(show_footer=True)
        total = report.total
        columns = (
            ("col.unit", text("staffing.total", lang), ""),
            ("col.items", str(total.items), "right"),
            ("col.in_hall", words.in_hall(total, lang), "right"),
            ("col.online", words.percent(total.online_rate), "right"),
            ("col.authorized", words.percent(total.authorized_rate), "right"),
            ("col.public", words.percent(total.public_rate), "right"),
            ("col.time_cut", words.percent(total.time_cut), "right"),
            (
                "col.documents",
                words.before_after(
                    total.documents_before, total.documents_after, total.documents_items
                ),
                "right",
            ),
            (
                "col.steps",
                words.before_after(total.steps_before, total.steps_after, total.steps_items),
                "right",
            ),
        )
        for key, footer, justify in columns:
            if justify:
                table.add_column(text(key, lang), footer=footer, justify="right", no_wrap=True)
            else:
                table.add_column(text(key, lang), footer=footer, ratio=1, overflow="fold")
        for unit in report.units:
            f = unit.figures
            table.add_row(
                unit.name,
                str(f.items),
                words.in_hall(f, lang),
                words.percent(f.online_rate),
                words.percent(f.authorized_rate),
                words.percent(f.public_rate),
                words.percent(f.time_cut),
                words.before_after(f.documents_before, f.documents_after, f.documents_items),
                words.before_after(f.steps_before, f.steps_after, f.steps_items),
            )
        console.print(table)
        exempt = [(u.name, s) for u in report.units for s in u.exemptions]
        if exempt:
            console.print(text("items.exemptions", lang), style="bold")
            for name, item in exempt:
                reason = item.reason or text("items.no_reason", lang)
                console.print(f"  {name} {item.name}：{reason}", soft_wrap=True)
    console.print(Folded(text("items.legend", lang), "dim"))
    if report.without:
        console.print(Folded(text("items.without", lang, units=list(report.without)), "dim"))


def unit_items(console: Console, unit: UnitItems, as_of: dt.date, lang: str) -> None:
    """One unit's items: window, state and since when, online, authorized, public, time limits."""
    console.print(
        text("items.title_unit", lang, unit=unit.name, as_of=as_of.isoformat()), style="bold"
    )
    if not unit.items:
        console.print(text("items.none_unit", lang))
        return
    console.print(words.unit_summary(unit.figures, lang), soft_wrap=True)
    table = new_table()
    table.add_column(text("col.item", lang), ratio=1, overflow="fold")
    table.add_column(text("col.window", lang), overflow="fold")
    table.add_column(text("col.state", lang), no_wrap=True)
    table.add_column(text("col.online", lang), no_wrap=True)
    table.add_column(text("col.authorized", lang), no_wrap=True)
    table.add_column(text("col.public", lang), justify="right", no_wrap=True)
    table.add_column(text("col.time_limits", lang), justify="right", no_wrap=True)
    yes, no = text("items.yes", lang), text("items.no", lang)
    for item in unit.items:
        state = text("item." + item.status.value, lang)
        table.add_row(
            Folded(item.name),
            Folded(item.window_name or "—"),
            Text(f"{state} {item.since.isoformat()}", style=ITEM_STYLE[item.status.value]),
            yes if item.online else no,
            (yes if item.authorized else no) if item.must_enter else "—",
            f"{len(item.public)}/5",
            words.time_limits(item.legal_days, item.promised_days, lang),
        )
    console.print(table)
    for item in unit.items:
        if item.reason:
            state = text("item." + item.status.value, lang)
            console.print(f"  {item.name}（{state}）：{item.reason}", soft_wrap=True)


def import_plan(
    console: Console, plan: ImportPlan, unit: str, lang: str, windows: Mapping[str, str]
) -> None:
    """What an import read and would do: the sheet, the columns, bad rows, added and changed
    items; fields and values in words (`windows`: window names by id)."""
    from hsreform.edit.catalogue import FIELDS  # the writer, imported only where it is used

    sheet = plan.sheet
    encoding = text("import.encoding", lang, encoding=sheet.encoding) if sheet.encoding else ""
    console.print(
        text("import.read", lang, path=sheet.display, encoding=encoding, row=plan.header_row),
        soft_wrap=True,
    )
    headers = next((cells for n, cells in sheet.rows if n == plan.header_row), ())
    used = []
    for col, name in plan.columns.items():
        field = FIELDS[name][0] if lang == "zh" else name
        header = str(headers[col]).strip() if col < len(headers) else ""
        used.append(field if header in ("", field) else f"{header}→{field}")
    console.print(text("import.columns", lang, columns=used), soft_wrap=True, style="dim")
    if plan.unused:
        console.print(text("import.unused", lang, columns=plan.unused), soft_wrap=True, style="dim")
    if sheet.columns_cut:
        console.print(text("import.columns_cut", lang), style="yellow")
    for bad in plan.bad:
        message = text(bad.key, lang, **bad.params)
        console.print(f"{sheet.display}:{bad.row}: {message}", soft_wrap=True, style="red")
    for name in plan.added:
        console.print(text("import.added", lang, item=name), soft_wrap=True)
    for change in plan.changes:
        console.print(
            text(
                "import.changed",
                lang,
                item=change.item,
                field=FIELDS[change.field][0] if lang == "zh" else change.field,
                before=_item_value(change.field, change.before, lang, windows),
                after=_item_value(change.field, change.after, lang, windows),
            ),
            soft_wrap=True,
        )
    console.print(
        text(
            "import.summary",
            lang,
            unit=unit,
            added=len(plan.added),
            changed=len({c.item for c in plan.changes}),
            unchanged=plan.unchanged,
            bad=len(plan.bad),
        )
    )


def _item_value(field: str, value: object, lang: str, windows: Mapping[str, str]) -> str:
    """A value of an item's field in words: 是/否, 已进驻, 行政许可, a window's name, 即办."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return text("items.yes" if value else "items.no", lang)
    if field == "status":
        return text(f"item.{value}", lang)
    if field == "kind":
        return text(f"item_kind.{value}", lang)
    if field == "window":
        return windows.get(str(value), str(value))
    if field in ("legal_days", "promised_days"):
        return words.time_limits(None, int(str(value)), lang).removeprefix("—→")
    return str(value)
