"""Documents in the terminal with Rich: the meeting report, the scorecard and every view
that is drawn from a `report.document.Document` (the same document the html, markdown,
csv and xlsx writers draw). `report/tables.py` draws the views that have a table of their own.
"""

from __future__ import annotations

from typing import Any

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from hsreform.common.safe import inline
from hsreform.report import words
from hsreform.report.document import Cell as DocCell
from hsreform.report.document import Document, Kind
from hsreform.report.document import Table as DocTable
from hsreform.report.fold import Folded
from hsreform.report.tables import new_table
from hsreform.views.meeting import Bar

TONE_STYLE = {
    "done": "green",
    "late": "yellow",
    "overdue": "bold red",
    "soon": "bold yellow",
    "blocked": "magenta",
    "open": "",
    "idle": "dim",
    "exempt": "cyan",
    "error": "bold red",
    "warning": "yellow",
    "info": "cyan",
}
"""Each tone of a document (see report/document.py) as a terminal style."""


TEXT_MIN_WIDTH = 12
"""Columns of short text (unit names) keep at least this width, six Chinese characters."""


class _Bar:
    """A timeline bar that fills the width its table column gives it."""

    def __init__(self, bar: Bar, tone: str | None) -> None:
        self.bar, self.tone = bar, tone

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(10, max(options.max_width, 10))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        styles = {"planned": TONE_STYLE.get(self.tone or "", ""), "late": "red", "marker": "bold"}
        line = Text(no_wrap=True)
        for run, part in words.bar(self.bar, max(options.max_width, 1)):
            line.append(run, style=styles[part])
        yield line


def _doc_cell(cell: DocCell, kind: Kind) -> RenderableType:
    if kind is Kind.BAR:
        return _Bar(cell.value, cell.tone) if isinstance(cell.value, Bar) else ""
    shown = Text(inline(cell.text), style=TONE_STYLE.get(cell.tone or "", ""))
    return Folded(shown) if kind in (Kind.WIDE, Kind.TEXT) else shown


def _doc_table(table: DocTable, width: int) -> Table:
    """A document's table; when its columns would not fit `width`, the headings of numeric
    columns wrap onto two lines instead of squeezing the names beside them."""
    rows = (*table.rows, *((table.footer,) if table.footer else ()))
    longest = [
        max((cell_len(r[n].text) for r in rows), default=0) for n in range(len(table.columns))
    ]
    natural = sum(max(cell_len(c.heading), w) for c, w in zip(table.columns, longest, strict=True))
    tight = natural + 2 * (len(table.columns) - 1) > width
    out = new_table(show_footer=table.footer is not None)
    for n, column in enumerate(table.columns):
        footer = _doc_cell(table.footer[n], column.kind) if table.footer else ""
        options: dict[str, Any] = {"footer": footer}
        if column.kind in (Kind.WIDE, Kind.BAR):
            options.update(ratio=1, min_width=10, overflow="fold")
        elif column.kind is Kind.TEXT:  # never squeezed to nothing by the columns beside it
            options.update(overflow="fold", min_width=min(longest[n], TEXT_MIN_WIDTH))
        elif column.kind in (Kind.NUMBER, Kind.PERCENT):
            heading = cell_len(column.heading)  # halved, in whole Chinese characters
            half = heading if heading <= 4 else -(-heading // 4) * 2
            options.update(overflow="fold", justify="right")
            if tight:
                options["width"] = max(longest[n], half)
        else:
            options.update(no_wrap=True)
        if column.kind is Kind.MARK:
            options["justify"] = "center"
        out.add_column(column.heading, **options)
    for row in table.rows:
        out.add_row(*(_doc_cell(c, col.kind) for c, col in zip(row, table.columns, strict=True)))
    return out


def document(console: Console, doc: Document) -> None:
    """A document laid out for the terminal: a title panel with the headline figures, then
    each section's heading, table and notes."""
    head = Text(inline(doc.title), style="bold")
    for line in doc.meta:
        head.append("\n" + line, style="dim")
    if doc.figures:
        grid = Table.grid(padding=(0, 2))
        per_line = 3 if console.width < 100 else 5
        for _ in range(per_line):
            grid.add_column()
        cells = [
            Text.assemble((f.label + " ", "dim"), (f.value, TONE_STYLE.get(f.tone or "", "bold")))
            for f in doc.figures
        ]
        for start in range(0, len(cells), per_line):
            chunk = cells[start : start + per_line]
            grid.add_row(*chunk, *([""] * (per_line - len(chunk))))
        console.print(Panel(Group(Folded(head), Text(), grid), box=box.ROUNDED))
    else:
        console.print(Folded(head))
    for section in doc.sections:
        console.print()
        console.print(Text(section.heading, style="bold"))
        for line in section.before:
            console.print(Folded(line, "dim"))
        if section.table is not None:
            console.print(_doc_table(section.table, console.width))
        for line in section.after:
            console.print(Folded(line, "dim"))
    if doc.notes:
        console.print()
    for note in doc.notes:
        console.print(Folded(note))
