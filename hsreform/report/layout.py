"""How each view lays out as a document: the sections, tables and words the document
formats (Markdown, CSV, HTML, xlsx) and the terminal's report all draw.

One function per view. The figures come from the view objects; their wording comes from
`report/words.py` and the catalogue, so every format says a thing the same way. Text
from the data goes into cells as it is: each renderer escapes it for its own format.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from hsreform.checks.staffing import WindowStaffing
from hsreform.common.findings import Finding, Severity, counts, findings_of, sort_findings
from hsreform.common.i18n import text
from hsreform.dataset.records import Status
from hsreform.report import words
from hsreform.report.document import (
    Cell,
    Column,
    Document,
    Figure,
    Kind,
    Section,
    Table,
    number,
)
from hsreform.report.document import text as plain
from hsreform.views.catalogue import Figures, ItemsReport, UnitItems
from hsreform.views.meeting import Cell as MatrixCell
from hsreform.views.meeting import MeetingReport, Staffed, Timeline
from hsreform.views.scorecard import Scorecard, UnitRecord
from hsreform.views.status import Report, Row, State

if TYPE_CHECKING:
    from hsreform.views.changelog import LogEntry
    from hsreform.views.listing import Listing

STATE_TONE = {
    State.DONE: "done",
    State.DONE_LATE: "late",
    State.OVERDUE: "overdue",
    State.DUE_SOON: "soon",
    State.OPEN: "open",
    State.BLOCKED: "blocked",
    State.NOT_STARTED: "idle",
    State.EXEMPT: "exempt",
}
BAR_TONE = {**STATE_TONE, State.OVERDUE: "idle"}
"""The planned part of a timeline bar; red is kept for the late part."""
UNIT_TONE = {
    Status.DONE: "done",
    Status.BLOCKED: "blocked",
    Status.EXEMPT: "exempt",
    Status.IN_PROGRESS: "open",
    Status.NOT_STARTED: "idle",
}
MATRIX_TONE = {
    MatrixCell.DONE: "done",
    MatrixCell.DONE_LATE: "late",
    MatrixCell.OVERDUE: "overdue",
    MatrixCell.BLOCKED: "blocked",
    MatrixCell.IN_PROGRESS: "open",
    MatrixCell.NOT_STARTED: "idle",
    MatrixCell.EXEMPT: "exempt",
}
STAFFED_TONE = {Staffed.FULL: "done", Staffed.SHORT: "overdue", Staffed.OVER: "late"}


def _state(state: State, lang: str) -> Cell:
    return Cell(text("state." + state.value, lang), tone=STATE_TONE[state])


def _day(day: dt.date | None, words_: str | None = None) -> Cell:
    """A date cell: the words people read (the ISO day unless given) and the date itself."""
    if day is None:
        return Cell(words_ or "")
    return Cell(words_ if words_ is not None else day.isoformat(), day)


def _requirements(row: Row) -> Cell:
    return Cell(
        f"{row.requirements_met}/{row.requirements_total}" if row.requirements_total else ""
    )


def _rows_table(
    rows: Sequence[Row],
    heading: str,
    as_of: dt.date,
    lang: str,
    *,
    looking_back: bool,
    timeline: Timeline | None = None,
) -> Table:
    """One row per task (goal, duty), as in `hsreform status`; with a timeline if given."""
    columns = [
        Column(text("col.number", lang), Kind.NUMBER),
        Column(heading, Kind.WIDE),
        Column(text("col.deadline", lang), Kind.DATE),
        Column(text("col.outcome" if looking_back else "col.days", lang)),
        Column(text("col.units", lang)),
        Column(text("col.requirements", lang)),
        Column(text("col.state", lang), Kind.STATE),
    ]
    if timeline is not None:
        columns.append(Column(text("col.timeline", lang), Kind.BAR))
    body = []
    for row in rows:
        cells = [
            number(row.number),
            plain(row.title),
            _day(row.deadline, words.deadline(row, lang)),
            Cell(words.outcome(row, as_of, lang) if looking_back else words.days(row, as_of, lang)),
            Cell(words.units_done(row, lang)),
            _requirements(row),
            _state(row.state, lang),
        ]
        if timeline is not None:
            cells.append(Cell("", timeline.bar(row), BAR_TONE[row.state]))
        body.append(tuple(cells))
    return Table(tuple(columns), tuple(body))


def _summaries(
    report: Report, lang: str, partial_groups: Iterable[str], unit_name: str | None = None
) -> tuple[str, ...]:
    """The status report's closing lines: the tallies, borrowed deadlines, partial groups,
    and where the figures rest on a reading of the data."""
    lines = words.tallies(report, lang)
    lines += [
        text("status.borrowed", lang, number=row.number, task=row.deadline_from)
        for row in report.duties
        if row.deadline_from is not None
    ]
    partial = list(partial_groups)
    if partial:
        lines.append(text("status.partial", lang, groups=partial))
    lines += words.remarks(report, lang, unit_name)
    return tuple(lines)


SECTION_KEYS = {
    "task": ("doc.tasks", "col.task", "sheet.tasks"),
    "goal": ("status.goals", "col.goal", "sheet.goals"),
    "duty": ("status.duties", "col.duty", "sheet.duties"),
}
"""Each kind of row's section heading, column heading and worksheet name."""


def _rows_section(
    rows: Sequence[Row],
    kind: str,
    report: Report,
    lang: str,
    timeline: Timeline | None = None,
    before: tuple[str, ...] = (),
) -> list[Section]:
    """The section of one kind of row (none when there are no such rows)."""
    if not rows:
        return []
    heading, column, sheet = SECTION_KEYS[kind]
    table = _rows_table(
        rows,
        text(column, lang),
        report.as_of,
        lang,
        looking_back=report.deadlines_passed,
        timeline=timeline,
    )
    return [Section(text(heading, lang), text(sheet, lang), table, before=before)]


def status(
    report: Report,
    lang: str,
    *,
    plan: str,
    unit_name: str | None = None,
    partial_groups: Iterable[str] = (),
) -> Document:
    """`hsreform status`: tasks, goals and duties, then the tallies and notes."""
    as_of = report.as_of.isoformat()
    if unit_name:
        title = text("status.title_unit", lang, unit=unit_name, as_of=as_of)
    else:
        title = text("status.title", lang, plan=plan, as_of=as_of)
    sections = [
        *_rows_section(report.tasks, "task", report, lang),
        *_rows_section(report.goals, "goal", report, lang),
        *_rows_section(report.duties, "duty", report, lang),
    ]
    if not sections:
        nothing = words.nothing(report, lang, unit_name)
        return Document(title, lang, (), notes=(nothing,), as_of=report.as_of)
    return Document(
        title,
        lang,
        tuple(sections),
        meta=tuple(words.preamble(report, lang)),
        notes=_summaries(report, lang, partial_groups, unit_name),
        as_of=report.as_of,
    )


def task(row: Row, as_of: dt.date, lang: str) -> Document:
    """`hsreform status --task N`: the plan's requirements, then each unit's progress."""
    meta = words.task_heading(row, as_of, lang)
    sections = []
    if row.requirements:
        applies = any(r.applies_to for r in row.requirements)
        columns = [
            Column(text("col.number", lang), Kind.NUMBER),
            Column(text("col.label", lang)),
            Column(text("col.text", lang), Kind.WIDE),
        ]
        if applies:
            columns.append(Column(text("col.applies_to", lang)))
        body = []
        for n, req in enumerate(row.requirements, 1):
            cells = [number(n), plain(req.label), plain(req.text)]
            if applies:
                cells.append(plain("、".join(req.applies_to)))
            body.append(tuple(cells))
        sections.append(
            Section(
                text("doc.requirements", lang),
                text("sheet.requirements", lang),
                Table(tuple(columns), tuple(body)),
            )
        )
    columns = [
        Column(text("col.unit", lang)),
        Column(text("col.state", lang), Kind.STATE),
        Column(text("col.day", lang), Kind.DATE),
    ]
    if row.requirements:
        columns.append(Column(text("col.requirements", lang)))
    columns.append(Column(text("col.evidence", lang), Kind.WIDE))
    body = []
    for unit in row.units:
        cells = [
            plain(unit.name),
            Cell(text("unit." + unit.status.value, lang), tone=UNIT_TONE[unit.status]),
            _day(unit.done_on or unit.since, words.state_day(unit, row, lang)),
        ]
        if row.requirements:
            cells.append(Cell(words.requirements(unit, row, lang)))
        cells.append(plain(" / ".join(x for x in (unit.reason, unit.evidence, unit.note) if x)))
        body.append(tuple(cells))
    sections.append(
        Section(
            text("doc.units", lang), text("sheet.units", lang), Table(tuple(columns), tuple(body))
        )
    )
    return Document(
        text(f"{row.kind}.title", lang, number=row.number, title=row.title),
        lang,
        tuple(sections),
        meta=(text("sep.clause", lang).join(meta),),
        notes=tuple(words.row_remarks(row, lang)),
        as_of=as_of,
    )


SEVERITY_TONE = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}


def _findings_section(
    found: Iterable[Finding], lang: str, heading: str, *, located: bool = True
) -> Section:
    """The findings, each with its location and code unless `located` is False (for people
    at a meeting rather than people editing the data)."""
    columns = [
        Column(text("col.location", lang), Kind.WIDE),
        Column(text("col.severity", lang), Kind.STATE),
        Column(text("col.code", lang)),
        Column(text("col.message", lang), Kind.WIDE),
    ]
    keep = [0, 1, 2, 3] if located else [1, 3]
    body = []
    for f in sort_findings(found):
        cells = [
            plain(f.location),
            Cell(text("sev." + f.severity.label, lang), tone=SEVERITY_TONE[f.severity]),
            plain(f.code),
            plain(f.message(lang)),
        ]
        body.append(tuple(cells[i] for i in keep))
    table = Table(tuple(columns[i] for i in keep), tuple(body))
    none = () if found or located else (text("findings.none", lang),)  # no tally follows
    return Section(heading, text("sheet.findings", lang), table, after=none)


def _tally(found: Iterable[Finding], lang: str) -> tuple[str, ...]:
    """A line for each kind of finding with more than are listed, then the tally."""
    kept = findings_of(found)
    more = tuple(o.describe(lang) for o in kept.omitted)
    if not kept:
        return (*more, text("findings.none", lang))
    return (*more, text("findings.summary", lang, **kept.counts()))


def _windows_section(
    windows: Sequence[WindowStaffing], lang: str, states: Sequence[Staffed] = ()
) -> Section:
    """People per window category; with the gap and the state when `states` are given."""
    columns = [
        Column(text("col.window", lang)),
        Column(text("col.windows", lang), Kind.NUMBER),
        Column(text("col.quota", lang), Kind.NUMBER),
        Column(text("col.staffed", lang), Kind.NUMBER),
    ]
    footer: list[Cell] = [
        Cell(text("staffing.total", lang)),
        number(sum(w.count for w in windows)),
        number(sum(w.quota for w in windows)),
        number(sum(w.staffed for w in windows)),
    ]
    if states:
        columns += [
            Column(text("col.gap", lang), Kind.NUMBER),
            Column(text("col.state", lang), Kind.STATE),
        ]
        footer += [number(sum(max(w.quota - w.staffed, 0) for w in windows)), Cell("")]
    body = []
    for i, w in enumerate(windows):
        cells = [plain(w.name), number(w.count), number(w.quota), number(w.staffed)]
        if states:
            state = states[i]
            cells += [
                number(max(w.quota - w.staffed, 0)),
                Cell(text("staffed." + state.value, lang), tone=STAFFED_TONE[state]),
            ]
        body.append(tuple(cells))
    return Section(
        text("doc.windows", lang),
        text("sheet.windows", lang),
        Table(tuple(columns), tuple(body), tuple(footer)),
    )


def staffing(
    as_of: dt.date, found: Iterable[Finding], windows: Sequence[WindowStaffing], lang: str
) -> Document:
    """`hsreform check-staffing`: the findings, then people per window category."""
    found = findings_of(found)
    return Document(
        text("staffing.title", lang, as_of=as_of.isoformat()),
        lang,
        (
            _findings_section(found, lang, text("doc.findings", lang)),
            _windows_section(windows, lang),
        ),
        notes=_tally(found, lang),
        as_of=as_of,
    )


def validate(found: Iterable[Finding], lang: str, as_of: dt.date | None = None) -> Document:
    """`hsreform validate`: every finding listed, and how many more of each kind there are."""
    found = findings_of(found)
    return Document(
        text("validate.title", lang),
        lang,
        (_findings_section(found, lang, text("doc.findings", lang)),),
        notes=_tally(found, lang),
        as_of=as_of,
    )


def _record(record: UnitRecord, name: Cell) -> tuple[Cell, ...]:
    def flagged(value: int, tone: str) -> Cell:
        return Cell(str(value), value, tone if value else None)

    return (
        name,
        number(record.obligations),
        number(record.due),
        number(record.on_time),
        flagged(record.late, "late"),
        flagged(record.overdue, "overdue"),
        flagged(record.blocked, "blocked"),
        number(record.exempt),
        number(record.not_yet_due),
        Cell(words.rate(record.on_time_rate), record.on_time_rate),
    )


def scorecard(card: Scorecard, lang: str) -> Document:
    """`hsreform scorecard`: each unit's on-time record, worst first, and the total."""
    columns = (
        Column(text("col.unit", lang)),
        Column(text("col.obligations", lang), Kind.NUMBER),
        Column(text("col.due", lang), Kind.NUMBER),
        Column(text("col.on_time", lang), Kind.NUMBER),
        Column(text("col.late", lang), Kind.NUMBER),
        Column(text("col.overdue", lang), Kind.NUMBER),
        Column(text("col.blocked", lang), Kind.NUMBER),
        Column(text("col.exempt", lang), Kind.NUMBER),
        Column(text("col.not_yet_due", lang), Kind.NUMBER),
        Column(text("col.rate", lang), Kind.PERCENT),
    )
    body = tuple(_record(r, plain(r.name)) for r in card.units)
    table = Table(columns, body, _record(card.total, Cell(text("staffing.total", lang))))
    return Document(
        text("scorecard.title", lang, as_of=card.as_of.isoformat()),
        lang,
        (
            Section(
                text("doc.scorecard", lang),
                text("sheet.scorecard", lang),
                table,
                after=(*_scorecard_rules(card, lang), text("scorecard.order", lang)),
            ),
        ),
        notes=tuple(words.remarks(card.status, lang)) if card.status is not None else (),
        as_of=card.as_of,
    )


def _scorecard_rules(card: Scorecard, lang: str) -> tuple[str, ...]:
    """What the columns count, in the plan's terms: what is due, what has no deadline (and
    which deadlines the data borrows), and the plan's one exception."""
    lines = [text("scorecard.definition", lang), text("scorecard.undated", lang)]
    duties = card.status.duties if card.status is not None else ()
    lines += [
        text("scorecard.borrowed", lang, number=row.number, task=row.deadline_from)
        for row in duties
        if row.deadline_from is not None
    ]
    lines.append(text("scorecard.exempt", lang))
    return tuple(lines)


def _figures(mr: MeetingReport, lang: str) -> tuple[Figure, ...]:
    status = mr.status
    tally = status.counts()
    done = tally[State.DONE] + tally[State.DONE_LATE]
    duties = status.counts(status.duties)
    staffed = sum(w.window.staffed for w in mr.staffing)
    quota = sum(w.window.quota for w in mr.staffing)
    found = counts(mr.staffing_findings)
    return (
        Figure(text("fig.items", lang), text("fig.n_items", lang, n=sum(tally.values()))),
        Figure(text("fig.done", lang), text("fig.n_items", lang, n=done), "done" if done else None),
        Figure(
            text("fig.overdue", lang),
            text("fig.n_items", lang, n=tally[State.OVERDUE]),
            "overdue" if tally[State.OVERDUE] else None,
        ),
        Figure(text("fig.units", lang), f"{mr.units_done}/{mr.units_owing}"),
        Figure(text("fig.requirements", lang), f"{mr.requirements_met}/{mr.requirements_total}"),
        Figure(
            text("fig.duties", lang),
            f"{duties[State.DONE] + duties[State.DONE_LATE]}/{len(status.duties)}",
        ),
        Figure(
            text("fig.staffed", lang), f"{staffed}/{quota}", "overdue" if staffed < quota else None
        ),
        Figure(
            text("fig.staff_findings", lang),
            text("fig.errors_warnings", lang, **found),
            "error" if found["errors"] else None,
        ),
        Figure(text("fig.areas", lang), text("fig.n_areas", lang, n=mr.areas_in_hall)),
        *(
            (Figure(text("fig.areas_24h", lang), text("fig.n_areas", lang, n=mr.areas_24h)),)
            if mr.areas_24h
            else ()
        ),
        Figure(text("fig.offices", lang), text("fig.n_rooms", lang, n=mr.offices_total)),
    )


def matrix_heading(row: Row, lang: str) -> str:
    """A matrix column's short heading: the task's number, 目1 for a goal, 职1 for a duty."""
    return text(f"matrix.{row.kind}", lang, n=row.number)


def _matrix_section(mr: MeetingReport, lang: str) -> Section:
    columns = (
        Column(text("col.unit", lang)),
        *(Column(matrix_heading(row, lang), Kind.MARK) for row in mr.matrix.columns),
    )
    body = tuple(
        (
            plain(r.name),
            *(
                Cell("") if c is None else Cell(text("mark." + c, lang), c.value, MATRIX_TONE[c])
                for c in r.cells
            ),
        )
        for r in mr.matrix.rows
    )
    marks = [f"{text('mark.' + c, lang)} {text('cell.' + c, lang)}" for c in MatrixCell]
    return Section(
        text("doc.matrix", lang),
        text("sheet.matrix", lang),
        Table(columns, body),
        after=(text("matrix.columns", lang), text("matrix.legend", lang, marks=marks)),
    )


def _areas_section(mr: MeetingReport, lang: str) -> Section:
    columns = (
        Column(text("col.name", lang), Kind.WIDE),
        Column(text("col.open_24h", lang)),
        Column(text("col.terminals", lang), Kind.WIDE),
    )
    body = tuple(
        (
            plain(a.name),
            Cell(text("yes", lang) if a.open_24h else ""),
            plain("、".join(a.terminals)),
        )
        for a in mr.areas
    )
    return Section(text("doc.areas", lang), text("sheet.areas", lang), Table(columns, body))


def _offices_section(mr: MeetingReport, lang: str) -> Section:
    columns = (
        Column(text("col.name", lang), Kind.WIDE),
        Column(text("col.rooms", lang), Kind.NUMBER),
        Column(text("col.owner", lang)),
    )
    body = tuple((plain(o.name), number(o.count), plain(o.owner)) for o in mr.offices)
    footer = (Cell(text("staffing.total", lang)), number(mr.offices_total), Cell(""))
    return Section(
        text("doc.offices", lang), text("sheet.offices", lang), Table(columns, body, footer)
    )


def _scale(timeline: Timeline, lang: str) -> tuple[str, ...]:
    """How to read a timeline, with its first and last day."""
    return (
        text(
            "report.timeline",
            lang,
            start=timeline.start.isoformat(),
            end=timeline.end.isoformat(),
            as_of=timeline.as_of.isoformat(),
            elapsed=words.BAR_ELAPSED,
            ahead=words.BAR_AHEAD,
            late=words.BAR_LATE,
            marker=words.BAR_BEYOND if timeline.beyond else words.BAR_MARKER,
        ),
    )


def _items_cells(figures: Figures, lang: str) -> tuple[Cell, ...]:
    f = figures
    return (
        number(f.items),
        plain(words.in_hall(f, lang)),
        Cell(words.percent(f.online_rate), f.online_rate),
        Cell(words.percent(f.authorized_rate), f.authorized_rate),
        Cell(words.percent(f.public_rate), f.public_rate),
        Cell(words.percent(f.time_cut), f.time_cut),
        plain(words.before_after(f.documents_before, f.documents_after, f.documents_items)),
        plain(words.before_after(f.steps_before, f.steps_after, f.steps_items)),
    )


def items_section(report: ItemsReport, lang: str) -> Section:
    """应进必进 per unit and in total, the exempt items with their reasons, units without a list."""
    columns = (
        Column(text("col.unit", lang)),
        Column(text("col.items", lang), Kind.NUMBER),
        Column(text("col.in_hall", lang)),
        Column(text("col.online", lang), Kind.PERCENT),
        Column(text("col.authorized", lang), Kind.PERCENT),
        Column(text("col.public", lang), Kind.PERCENT),
        Column(text("col.time_cut", lang), Kind.PERCENT),
        Column(text("col.documents", lang)),
        Column(text("col.steps", lang)),
    )
    rows = tuple((plain(u.name), *_items_cells(u.figures, lang)) for u in report.units)
    footer = (plain(text("staffing.total", lang)), *_items_cells(report.total, lang))
    after = [text("items.legend", lang)]
    exempt = [(u.name, s) for u in report.units for s in u.exemptions]
    if exempt:
        after.append(text("items.exemptions", lang))
        after += [
            f"{name} {item.name}：{item.reason or text('items.no_reason', lang)}"
            for name, item in exempt
        ]
    if report.without:
        after.append(text("items.without", lang, units=list(report.without)))
    table = Table(columns, rows, footer) if report.units else None
    before = () if report.units else (text("items.none", lang),)
    return Section(
        text("items.title", lang, as_of=report.as_of.isoformat()),
        text("sheet.items", lang),
        table,
        before=before,
        after=tuple(after),
    )


def items(report: ItemsReport, lang: str, *, one_unit: bool = False) -> Document:
    """`hsreform items`: the catalogue's figures; `one_unit` (`--unit`): that unit's items."""
    if one_unit and report.units:
        unit = report.units[0]
        title = text("items.title_unit", lang, unit=unit.name, as_of=report.as_of.isoformat())
        return Document(title, lang, (unit_items_section(unit, lang),), as_of=report.as_of)
    return Document(
        text("items.title", lang, as_of=report.as_of.isoformat()),
        lang,
        (items_section(report, lang),),
        as_of=report.as_of,
    )


ITEM_TONE = {"in_hall": "done", "exempt": "exempt", "not_entering": "overdue", "listed": None}


def unit_items_section(unit: UnitItems, lang: str) -> Section:
    """One unit's items, as `items --unit` lists them: window, state and since when, online,
    authorized, made public, time limits; the figures before, the reasons after."""
    summary = words.unit_summary(unit.figures, lang)
    columns = (
        Column(text("col.item", lang), Kind.WIDE),
        Column(text("col.window", lang)),
        Column(text("col.state", lang), Kind.STATE),
        Column(text("col.since", lang), Kind.DATE),
        Column(text("col.online", lang)),
        Column(text("col.authorized", lang)),
        Column(text("col.public", lang), Kind.NUMBER),
        Column(text("col.time_limits", lang)),
    )
    yes, no = text("items.yes", lang), text("items.no", lang)
    rows = tuple(
        (
            plain(item.name),
            plain(item.window_name or "—"),
            Cell(text("item." + item.status.value, lang), tone=ITEM_TONE[item.status.value]),
            _day(item.since),
            Cell(yes if item.online else no),
            Cell((yes if item.authorized else no) if item.must_enter else "—"),
            Cell(f"{len(item.public)}/5"),
            Cell(words.time_limits(item.legal_days, item.promised_days, lang)),
        )
        for item in unit.items
    )
    reasons = tuple(
        f"{item.name}（{text('item.' + item.status.value, lang)}）：{item.reason}"
        for item in unit.items
        if item.reason
    )
    if not unit.items:
        return Section(
            text("items.unit_heading", lang, unit=unit.name),
            text("sheet.unit_items", lang),
            before=(text("items.none_unit", lang),),
        )
    return Section(
        text("items.unit_heading", lang, unit=unit.name),
        text("sheet.unit_items", lang),
        Table(columns, rows),
        before=(summary,),
        after=reasons,
    )


def meeting(mr: MeetingReport, lang: str) -> Document:
    """`hsreform report`: everything a meeting needs, in one document."""
    plan, status = mr.plan, mr.status
    tasks, goals = mr.task_timeline, mr.goal_timeline
    sections = [
        *_rows_section(status.tasks, "task", status, lang, tasks, _scale(tasks, lang)),
        *_rows_section(status.goals, "goal", status, lang, goals, _scale(goals, lang)),
        _matrix_section(mr, lang),
        *_rows_section(status.duties, "duty", status, lang),
        _windows_section([w.window for w in mr.staffing], lang, [w.state for w in mr.staffing]),
        _findings_section(
            mr.staffing_findings, lang, text("report.staff_findings", lang), located=False
        ),
        *((items_section(mr.items, lang),) if mr.items is not None else ()),
        _areas_section(mr, lang),
        _offices_section(mr, lang),
    ]
    return Document(
        text("report.title", lang, plan=plan.number, as_of=mr.as_of.isoformat()),
        lang,
        tuple(sections),
        meta=(
            plan.title,
            text("report.issued", lang, issuer=plan.issuer, issued_on=plan.issued_on.isoformat()),
            *words.preamble(status, lang),
        ),
        figures=_figures(mr, lang),
        notes=_summaries(status, lang, mr.partial_groups),
        as_of=mr.as_of,
    )


def log(found: Sequence[LogEntry], since: dt.date | None, as_of: dt.date, lang: str) -> Document:
    """`hsreform log`: the changes the data records, oldest first: day, item, who, change."""
    columns = (
        Column(text("col.day", lang), Kind.DATE),
        Column(text("col.what", lang)),
        Column(text("col.who", lang)),
        Column(text("col.change", lang), Kind.WIDE),
    )
    rows = tuple(
        (_day(e.day), Cell(e.what(lang)), plain(e.who), plain(e.change(lang))) for e in found
    )
    before = (text("log.since", lang, since=since.isoformat()),) if since else ()
    section = Section(
        text("log.title", lang),
        text("sheet.log", lang),
        Table(columns, rows),  # with no rows, still its header: a CSV's columns stay put
        before=before,
        after=() if rows else (text("log.none", lang),),
    )
    title = text("log.heading", lang, as_of=as_of.isoformat())
    return Document(title, lang, (section,), as_of=as_of)


LIST_KINDS = {
    "id": Kind.CODE,
    "staff_no": Kind.CODE,
    "number": Kind.NUMBER,
    "count": Kind.NUMBER,
    "period": Kind.DATE,
    "deadline": Kind.DATE,
    "title": Kind.WIDE,
    "also": Kind.WIDE,
    "members": Kind.WIDE,
    "units": Kind.WIDE,
    "applies_to": Kind.WIDE,
}


def _list_cell(key: str, row: dict[str, object], lang: str) -> Cell:
    """A field of a listing in words: lists joined, yes or no, kinds and roles in Chinese,
    a posting's period from its `since` and `until`."""
    value = row.get(key)
    if key == "period":
        since, until = row["since"], row["until"]
        assert isinstance(since, dt.date)
        if isinstance(until, dt.date):
            return Cell(text("list.period", lang, since=since.isoformat(), until=until.isoformat()))
        return _day(since, text("unit.since", lang, day=since.isoformat()))
    if isinstance(value, list):
        return plain("、".join(str(v) for v in value))
    if isinstance(value, bool):
        return Cell(text("yes" if value else "no", lang))
    if isinstance(value, dt.date):
        return _day(value)
    if isinstance(value, int):
        return number(value)
    if isinstance(value, dict):  # a task, goal or duty: 任务 1
        return Cell(text("calendar.item", lang, kind=value["kind"], number=value["number"]))
    if value is None:
        return Cell("")
    if key == "kind":
        return Cell(text("list.kind." + str(value), lang))
    if key == "role":
        return Cell(text("list.role." + str(value), lang))
    return plain(str(value))


def listing(found: Listing, lang: str) -> Document:
    """`hsreform list WHAT`: what can be named, with every name a command understands."""
    sections = []
    for table in found.tables:
        columns = tuple(
            Column(text("list.col." + key, lang), LIST_KINDS.get(key, Kind.TEXT))
            for key in table.columns
        )
        rows = tuple(
            tuple(_list_cell(key, row, lang) for key in table.columns) for row in table.rows
        )
        sections.append(
            Section(
                text("list.heading." + table.what, lang),
                text("list.heading." + table.what, lang),
                Table(columns, rows) if rows else None,
                after=() if rows else (text("list.none", lang),),
            )
        )
    notes = (text("list.note." + found.what, lang),)
    title = text("list.title", lang, what=text("list.heading." + found.what, lang))
    return Document(title, lang, tuple(sections), notes=notes, as_of=found.as_of)
