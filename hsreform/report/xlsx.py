"""The ledger (台账) as an Excel workbook, with openpyxl: one sheet per section of a view.

Each sheet starts with the view's title, then the header row, frozen along with the title
so that it stays in sight, with a filter on it. Column widths fit Chinese text (an East
Asian wide character counts as two). Dates are real Excel dates with a date format,
counts are numbers, rates are percentages; state cells are coloured. A date cell whose
words say more than the date (`2020-06-12起`, `2020-06-06 晚1天`) keeps its words.
Text from the data goes through `cell()`: a text that would start a formula gets a
leading apostrophe (see `report/escape.py`). Prose (notes, legends) follows each table.
A document with headline figures starts with an overview sheet.

Every sheet is set up to print on A4: portrait, or landscape when its columns are wider than
a portrait page; scaled to one page wide (as many pages long as it takes); the header row
repeated at the top of each page; the title and the day of the view in the page header and
the page number in the footer. `soffice --convert-to pdf` prints it as Excel or WPS would.
"""

from __future__ import annotations

import datetime as dt
import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from rich.cells import cell_len

from hsreform.common.i18n import text as words_for
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
PORTRAIT_WIDTH = 100
"""Column widths (in characters) that fit across a portrait A4 page at full size; wider
sheets print landscape (about 145 fit), and any sheet is scaled to one page wide."""
HEADER_LIMIT = 100
"""Characters of the title in the page header (Excel allows 255 for all three parts)."""


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


def _print_setup(ws: Worksheet, doc: Document, *, header_row: int | None) -> None:
    """A4, oriented by the sheet's width, one page wide, the header row on every page, the
    title and the day in the page header, the page number in the footer."""
    width = sum(
        ws.column_dimensions[get_column_letter(i)].width or 9 for i in range(1, ws.max_column + 1)
    )
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait" if width <= PORTRAIT_WIDTH else "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.8, bottom=0.7, header=0.3, footer=0.3)
    ws.print_options.horizontalCentered = True
    if header_row is not None:
        ws.print_title_rows = f"{header_row}:{header_row}"
    header, footer = ws.oddHeader, ws.oddFooter
    assert header is not None  # openpyxl makes both with the sheet
    assert footer is not None
    header.center.text = _header_text(doc.title[:HEADER_LIMIT])
    header.center.size = 10
    if doc.as_of is not None:
        day = words_for("doc.as_of", doc.lang, day=doc.as_of.isoformat())
        header.right.text = _header_text(day)
        header.right.size = 9
    footer.center.text = words_for("doc.page", doc.lang, page="&P", pages="&N")
    footer.center.size = 9


def _header_text(value: str) -> str:
    """Text for a page header: `&` starts a code there (`&P`), so a data `&` is doubled."""
    return cell(value).replace("&", "&&")


def _title(ws: Worksheet, title: str) -> None:
    ws.cell(row=1, column=1, value=cell(title)).font = Font(bold=True, size=13)
    ws.cell(row=1, column=1).data_type = "s"


def _prose(ws: Worksheet, row: int, lines: tuple[str, ...], span: int | None = None) -> None:
    """Notes and legends below a table: each line across the table's width (`span` columns),
    wrapped, its row tall enough for the wrapped text, so that a printed page shows all of it."""
    span = span or max(ws.max_column, 1)
    width = sum(ws.column_dimensions[get_column_letter(i)].width or 9 for i in range(1, span + 1))
    for n, line in enumerate(lines):
        target = ws.cell(row=row + n, column=1, value=cell(line))
        target.data_type = "s"
        target.font = Font(color="FF57606A")
        target.alignment = Alignment(wrap_text=True, vertical="top")
        if span > 1:
            ws.merge_cells(start_row=row + n, start_column=1, end_row=row + n, end_column=span)
        wrapped = sum(
            -(-max(cell_len(part), 1) // max(int(width) - 2, 8)) for part in line.split("\n")
        )
        ws.row_dimensions[row + n].height = 15 * max(wrapped, 1)


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
    _print_setup(ws, doc, header_row=2)


def _overview(ws: Worksheet, doc: Document) -> None:
    _title(ws, doc.title)
    ws.column_dimensions["A"].width = max(cell_len(f.label) for f in doc.figures) + 4
    ws.column_dimensions["B"].width = max(cell_len(f.value) for f in doc.figures) + 4
    ws.column_dimensions["C"].width = 40  # the lines under the title and the notes spread here
    _prose(ws, 2, doc.meta, span=3)
    top = 3 + len(doc.meta)
    for n, key in enumerate(("col.figure", "col.value"), 1):
        head = ws.cell(row=top, column=n, value=words_for(key, doc.lang))
        head.font = Font(bold=True)
        head.fill = HEADER_FILL
        head.border = BORDER
    for r, figure in enumerate(doc.figures, top + 1):
        _write(ws, r, 1, Cell(figure.label), Kind.TEXT)
        _write(ws, r, 2, Cell(figure.value, tone=figure.tone), Kind.TEXT)
    _prose(ws, top + len(doc.figures) + 2, doc.notes, span=3)
    _print_setup(ws, doc, header_row=None)


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
        sheets[-1].column_dimensions["A"].width = 80
        _prose(sheets[-1], 3, doc.notes)
        _print_setup(sheets[-1], doc, header_row=None)
    elif not doc.figures:  # no overview: the lines under the title and the notes go below
        first, last = sheets[0], sheets[-1]
        _prose(first, first.max_row + 2, doc.meta)
        _prose(last, last.max_row + 2, doc.notes)
    book.properties.title = doc.title
    book.properties.creator = "hsreform"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
