"""The ledger (台账) as an Excel workbook, with openpyxl: one sheet per section of a view.

Each sheet starts with the view's title, then the header row, frozen along with the title
so that it stays in sight, with a filter on it. Column widths fit Chinese text (an East
Asian wide character counts as two). Dates are real Excel dates with a date format,
counts are numbers, rates are percentages; state cells are coloured. A date cell whose
words say more than the date (`2020-06-12起`, `2020-06-06 晚1天`) keeps its words.
Text from the data goes through `cell()`: a text that would start a formula gets a
leading apostrophe (see `report/escape.py`). Prose (notes, legends) follows each table.
A document with headline figures starts with an overview sheet.
"""

from __future__ import annotations

import datetime as dt
import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from rich.cells import cell_len

from hsreform.i18n import text as words_for
from hsreform.report.document import TONES, Cell, Column, Document, Kind, Section, Table
from hsreform.report.escape import neutralise

DATE_FORMAT = "yyyy-mm-dd"
PERCENT_FORMAT = "0.0%"
WIDE_WIDTH = 48
"""Columns of long text are this wide and wrap; others fit their longest cell."""
MAX_WIDTH = 30
HEADER_FILL = PatternFill(fill_type="solid", fgColor="FFF6F8FA")
THIN = Side(style="thin", color="FFD0D7DE")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


def cell(value: str) -> str:
    """Text from the data made safe for a spreadsheet."""
    return neutralise(value)


def sheet_name(name: str, taken: set[str]) -> str:
    """A worksheet name Excel accepts: no []:*?/\\, at most 31 characters, unique."""
    base = _SHEET_NAME_BAD.sub("_", name)[:31] or "Sheet"
    candidate, n = base, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{base[: 31 - len(str(n)) - 1]}_{n}"
    taken.add(candidate.lower())
    return candidate


def _value(c: Cell) -> str | int | float | dt.date:
    value = c.value
    if isinstance(value, dt.date) and c.text == value.isoformat():
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return cell(c.text)


def _write(ws: Worksheet, row: int, column: int, c: Cell, kind: Kind) -> None:
    target = ws.cell(row=row, column=column)
    value = _value(c)
    target.value = value
    if isinstance(value, str):
        target.data_type = "s"  # never a formula, whatever the text
    elif isinstance(value, dt.date):
        target.number_format = DATE_FORMAT
    elif kind is Kind.PERCENT:
        target.number_format = PERCENT_FORMAT
    if c.tone:
        fg, bg = TONES[c.tone]
        target.fill = PatternFill(fill_type="solid", fgColor=("FF" + bg).upper())
        target.font = Font(color=("FF" + fg).upper())
    target.border = BORDER
    if kind is Kind.WIDE:
        target.alignment = Alignment(wrap_text=True, vertical="top")
    elif kind is Kind.MARK:
        target.alignment = Alignment(horizontal="center")


def _widths(ws: Worksheet, columns: list[Column], rows: list[tuple[Cell, ...]]) -> None:
    for i, column in enumerate(columns, 1):
        if column.kind is Kind.WIDE:
            width = WIDE_WIDTH
        else:
            texts = [column.heading, *(r[i - 1].text for r in rows)]
            width = min(max(cell_len(t) for t in texts) + 2, MAX_WIDTH)
        ws.column_dimensions[get_column_letter(i)].width = max(width, 6)


def _title(ws: Worksheet, title: str) -> None:
    ws.cell(row=1, column=1, value=cell(title)).font = Font(bold=True, size=13)
    ws.cell(row=1, column=1).data_type = "s"


def _prose(ws: Worksheet, row: int, lines: tuple[str, ...]) -> None:
    for n, line in enumerate(lines):
        target = ws.cell(row=row + n, column=1, value=cell(line))
        target.data_type = "s"
        target.font = Font(color="FF57606A")


def _table_sheet(ws: Worksheet, doc: Document, section: Section, table: Table) -> None:
    keep = [i for i, c in enumerate(table.columns) if c.kind is not Kind.BAR]
    columns = [table.columns[i] for i in keep]
    _title(ws, f"{doc.title} · {section.heading}")
    for n, column in enumerate(columns, 1):
        head = ws.cell(row=2, column=n, value=cell(column.heading))
        head.data_type = "s"
        head.font = Font(bold=True)
        head.fill = HEADER_FILL
        head.border = BORDER
        head.alignment = Alignment(wrap_text=True, vertical="top")
    rows = [tuple(r[i] for i in keep) for r in table.rows]
    for r, row in enumerate(rows, 3):
        for n, (c, column) in enumerate(zip(row, columns, strict=True), 1):
            _write(ws, r, n, c, column.kind)
    last = 2 + len(rows)
    if table.footer:
        last += 1
        for n, (i, column) in enumerate(zip(keep, columns, strict=True), 1):
            _write(ws, last, n, table.footer[i], column.kind)
            ws.cell(row=last, column=n).font = Font(bold=True)
    ws.freeze_panes = "A3"
    ws.auto_filter.ref = f"A2:{get_column_letter(len(columns))}{max(last, 2)}"
    _widths(ws, columns, [*rows, *([tuple(table.footer[i] for i in keep)] if table.footer else [])])
    _prose(ws, last + 2, (*section.before, *section.after))


def _overview(ws: Worksheet, doc: Document) -> None:
    _title(ws, doc.title)
    _prose(ws, 2, doc.meta)
    top = 3 + len(doc.meta)
    for n, key in enumerate(("col.figure", "col.value"), 1):
        head = ws.cell(row=top, column=n, value=words_for(key, doc.lang))
        head.font = Font(bold=True)
        head.fill = HEADER_FILL
        head.border = BORDER
    for r, figure in enumerate(doc.figures, top + 1):
        _write(ws, r, 1, Cell(figure.label), Kind.TEXT)
        _write(ws, r, 2, Cell(figure.value, tone=figure.tone), Kind.TEXT)
    ws.column_dimensions["A"].width = max(cell_len(f.label) for f in doc.figures) + 4
    ws.column_dimensions["B"].width = max(cell_len(f.value) for f in doc.figures) + 4
    _prose(ws, top + len(doc.figures) + 2, doc.notes)


def render(doc: Document) -> bytes:
    """The document as an .xlsx workbook."""
    book = Workbook()
    for blank in list(book.worksheets):
        book.remove(blank)
    taken: set[str] = set()
    sheets: list[Worksheet] = []
    if doc.figures:
        sheets.append(book.create_sheet(sheet_name(words_for("sheet.overview", doc.lang), taken)))
        _overview(sheets[-1], doc)
    for section in doc.sections:
        if section.table is None:
            continue
        sheets.append(book.create_sheet(sheet_name(section.sheet, taken)))
        _table_sheet(sheets[-1], doc, section, section.table)
    if not sheets:  # nothing to list: one sheet with the title and notes
        sheets.append(book.create_sheet(sheet_name(doc.title, taken)))
        _title(sheets[-1], doc.title)
        _prose(sheets[-1], 3, doc.notes)
    elif not doc.figures:  # no overview: the lines under the title and the notes go below
        first, last = sheets[0], sheets[-1]
        _prose(first, first.max_row + 2, doc.meta)
        _prose(last, last.max_row + 2, doc.notes)
    book.properties.title = doc.title
    book.properties.creator = "hsreform"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
