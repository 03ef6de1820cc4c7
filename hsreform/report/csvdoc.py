"""CSV for Excel and WPS: UTF-8 with a byte-order mark, CRLF line ends, formulas neutralised.

A view with one table is that table, its header first. A view with several tables (the
meeting report, check-staffing) writes each after a row holding its heading, with an
empty row between them. Prose (notes, legends) is left to the other formats; timeline
bars are pictures and are left out. Every text cell goes through `cell()`.
"""

from __future__ import annotations

import csv
import io

from hsreform.common.safe import visible
from hsreform.report.document import Cell, Document, Kind
from hsreform.report.escape import neutralise

BOM = "\ufeff"
"""Excel on Chinese Windows reads a CSV as GBK unless it starts with a UTF-8 byte-order mark."""


def cell(value: str) -> str:
    """Text from the data made safe for a spreadsheet."""
    return visible(neutralise(value))


def _cell(c: Cell) -> str:
    number = isinstance(c.value, int | float) and not isinstance(c.value, bool)
    return c.text if number else cell(c.text)


def render(doc: Document) -> str:
    """Every table of the document as CSV, with the byte-order mark."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    sections = [s for s in doc.sections if s.table is not None]
    for n, section in enumerate(sections):
        table = section.table
        assert table is not None
        keep = [i for i, c in enumerate(table.columns) if c.kind is not Kind.BAR]
        if n:
            writer.writerow([])
        if len(sections) > 1:
            writer.writerow([cell(section.heading)])
        writer.writerow([cell(table.columns[i].heading) for i in keep])
        for row in (*table.rows, *([table.footer] if table.footer else [])):
            writer.writerow([_cell(row[i]) for i in keep])
    return BOM + buffer.getvalue()
