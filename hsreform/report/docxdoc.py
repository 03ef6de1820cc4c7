"""Word (.docx): the meeting report, the scorecard and every other view as office material.

Drawn with python-docx from the same document the HTML page draws, section for section: the
title and the lines under it, the headline figures, each section's heading, notes, table and
legend, then the closing notes. A4 portrait with the margins of official documents
(GB/T 9704: 37/35/28/26 mm); 黑体 for the title and headings, 仿宋 for the text, tables in
五号 (10.5 pt). Chinese text needs its East Asian font named in the run properties
(`w:eastAsia`), which python-docx does not set by itself: the styles here set it.

Tables are plain Word tables ("Table Grid"), their header row repeated on every page and no
row split across two; widths follow their content, wide text wrapping. State cells keep the
colours of the HTML page (shading and text colour); a timeline bar is a run of block
characters (█ time gone by, ░ time ahead, ▓ late, │ the report day) coloured likewise.
The page header carries the title and the day of the view, the footer the page number.
"""

from __future__ import annotations

import io
from typing import Any

from rich.cells import cell_len

from hsreform import __version__
from hsreform.common.i18n import text as words_for
from hsreform.common.safe import inline
from hsreform.report import words
from hsreform.report.document import TONES, Cell, Document, Kind, Section, Table
from hsreform.views.meeting import Bar

TITLE_FONT = "黑体"
"""SimHei, on every Chinese Windows; WPS and LibreOffice map it elsewhere."""
TEXT_FONT = "仿宋"
"""FangSong, the body face of government documents."""
LATIN_FONT = "Times New Roman"
TITLE_SIZE, HEADING_SIZE, TEXT_SIZE, TABLE_SIZE, SMALL_SIZE = 20, 15, 12, 10.5, 9
MARGINS_MM = (37, 35, 28, 26)
"""Top, bottom, left, right: the margins of GB/T 9704 official documents."""
TEXT_WIDTH_MM = 210 - 28 - 26
BAR_WIDTH = 10
TEXT_CELLS = 78
"""Half-width characters of 五号 text across the text width (156 mm), with some room to spare."""
PADDING = 3
"""A cell's margins, in half-width characters."""
WIDE_MIN = 16
"""The narrowest a column of long text is made, in half-width characters."""


def render(doc: Document) -> bytes:
    """The document as a .docx file's bytes."""
    # Imported here: python-docx (and lxml) take a while; only this output needs them.
    from docx import Document as Word
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    word = Word()
    _styles(word, Pt)
    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    top, bottom, left, right = MARGINS_MM
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.header_distance, section.footer_distance = Mm(15), Mm(20)
    _page_header(word, section, doc)

    title = word.add_paragraph(inline(doc.title), style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in doc.meta:
        meta = word.add_paragraph(inline(line))
        meta.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if doc.figures:
        figures = word.add_table(rows=0, cols=2)
        figures.style = word.styles["Table Grid"]
        figures.alignment = WD_TABLE_ALIGNMENT.CENTER
        head = figures.add_row().cells
        _fill(head[0], words_for("col.figure", doc.lang), bold=True)
        _fill(head[1], words_for("col.value", doc.lang), bold=True)
        _repeat_header(figures.rows[0])
        for figure in doc.figures:
            cells = figures.add_row().cells
            _fill(cells[0], figure.label)
            _fill(cells[1], figure.value, tone=figure.tone)
        for row in figures.rows:
            _keep_together(row)
        _widths(figures, [1.0, 1.0], Mm, 2.0)
    for part in doc.sections:
        _section(word, part, Mm)
    for note in doc.notes:
        word.add_paragraph(inline(note), style="Note")
    made = words_for("report.generated", doc.lang, version=__version__)
    word.add_paragraph(made, style="Note")
    word.core_properties.title = doc.title
    word.core_properties.author = "hsreform"
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _east_asian(style: Any, font: str) -> None:
    """Name `font` for the style's Latin and its East Asian (Chinese) text."""
    from docx.oxml.ns import qn

    style.font.name = LATIN_FONT
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)  # a theme's font would win over the names
    fonts.set(qn("w:eastAsia"), font)


def _styles(word: Any, pt: Any) -> None:
    """The office's faces and sizes: 黑体 titles and headings, 仿宋 text, 五号 tables."""
    from docx.enum.style import WD_STYLE_TYPE

    normal = word.styles["Normal"]
    _east_asian(normal, TEXT_FONT)
    normal.font.size = pt(TEXT_SIZE)
    normal.paragraph_format.space_after = pt(3)
    for name, size in (("Title", TITLE_SIZE), ("Heading 1", HEADING_SIZE)):
        style = word.styles[name]
        _east_asian(style, TITLE_FONT)
        style.font.size = pt(size)
        style.font.bold = False
        style.font.color.rgb = None
        style.paragraph_format.space_before = pt(12 if name != "Title" else 0)
        style.paragraph_format.space_after = pt(6)
        style.paragraph_format.keep_with_next = True  # never a heading alone at a page's foot
    title = word.styles["Title"]
    title.element.get_or_add_pPr()  # the default Title draws a rule below: keep the text only
    for border in title.element.xpath("./w:pPr/w:pBdr"):
        border.getparent().remove(border)
    note = word.styles.add_style("Note", WD_STYLE_TYPE.PARAGRAPH)
    note.base_style = normal
    note.font.size = pt(SMALL_SIZE)
    cells = word.styles.add_style("Cell", WD_STYLE_TYPE.PARAGRAPH)
    cells.base_style = normal
    cells.font.size = pt(TABLE_SIZE)
    cells.paragraph_format.space_after = pt(0)


def _page_header(word: Any, section: Any, doc: Document) -> None:
    """The title and the day of the view at the top of each page, the page number below."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    header = section.header.paragraphs[0]
    label = inline(doc.title)
    if doc.as_of is not None:
        label += "　" + words_for("doc.as_of", doc.lang, day=doc.as_of.isoformat())
    header.text = label
    header.style = word.styles["Note"]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer = section.footer.paragraphs[0]
    footer.style = word.styles["Note"]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, _, after = words_for("doc.page_only", doc.lang).partition("{page}")
    footer.add_run(before)
    _field(footer.add_run(), "PAGE")
    footer.add_run(after)


def _field(run: Any, instruction: str) -> None:
    """A field Word fills in when it shows the page (the page number)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for kind, content in (("begin", None), (None, instruction), ("end", None)):
        if kind is None:
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = content
            run.element.append(code)
        else:
            mark = OxmlElement("w:fldChar")
            mark.set(qn("w:fldCharType"), kind)
            run.element.append(mark)


def _section(word: Any, section: Section, mm: Any) -> None:
    word.add_paragraph(inline(section.heading), style="Heading 1")
    for line in section.before:
        note = word.add_paragraph(inline(line), style="Note")
        note.paragraph_format.keep_with_next = section.table is not None
    if section.table is not None:
        _table(word, section.table, mm)
    for line in section.after:
        word.add_paragraph(inline(line), style="Note")


def _table(word: Any, table: Table, mm: Any) -> None:
    kinds = [c.kind for c in table.columns]
    size, shares = _layout(table)
    made = word.add_table(rows=1, cols=len(table.columns))
    made.style = word.styles["Table Grid"]
    for cell, column in zip(made.rows[0].cells, table.columns, strict=True):
        _fill(cell, column.heading, bold=True, shade="f6f8fa", size=size)
    _repeat_header(made.rows[0])
    rows = [*table.rows, *([table.footer] if table.footer else [])]
    for n, row in enumerate(rows):
        cells = made.add_row().cells
        footer = table.footer is not None and n == len(rows) - 1
        for cell, value, kind in zip(cells, row, kinds, strict=True):
            if kind is Kind.BAR:
                _bar(cell, value)
            else:
                _fill(cell, value.text, tone=value.tone, bold=footer, kind=kind, size=size)
    for row in made.rows:
        _keep_together(row)
    _widths(made, shares, mm, TEXT_CELLS * TABLE_SIZE / size)


TABLE_SIZES = (TABLE_SIZE, 9.0, 7.5)
"""五号, 小五, 六号: a table too wide for the first is set in the next that fits (or the last)."""


def _layout(table: Table) -> tuple[float, list[float]]:
    """The type size of a table and each column's width in half-width characters.

    Short columns are as wide as their longest cell (they never wrap) and long text shares
    what is left, at least `WIDE_MIN` each; failing that, names (text columns) may wrap too.
    The largest size at which one of these fits is chosen; at the smallest, the columns
    narrow in proportion (`_widths`)."""
    rows = [*table.rows, *([table.footer] if table.footer else [])]
    natural = []
    for n, column in enumerate(table.columns):
        if column.kind is Kind.BAR:
            natural.append(float(BAR_WIDTH + PADDING))
            continue
        longest = max([cell_len(column.heading), *(cell_len(r[n].text) for r in rows)])
        natural.append(float(longest + PADDING))
    kinds = [c.kind for c in table.columns]
    for size in TABLE_SIZES:
        for wrapping in ({Kind.WIDE}, {Kind.WIDE, Kind.TEXT}):
            flexible = [k in wrapping and w > WIDE_MIN for k, w in zip(kinds, natural, strict=True)]
            fixed = sum(w for w, f in zip(natural, flexible, strict=True) if not f)
            loose = sum(w for w, f in zip(natural, flexible, strict=True) if f)
            room = TEXT_CELLS * TABLE_SIZE / size - fixed
            if room >= WIDE_MIN * sum(flexible):
                share = min(room / loose, 1.0) if loose else 1.0
                return size, [
                    max(w * share, WIDE_MIN) if f else w
                    for w, f in zip(natural, flexible, strict=True)
                ]
    return TABLE_SIZES[-1], natural


def _widths(table: Any, shares: list[float], mm: Any, cells: float = TEXT_CELLS) -> None:
    """Column widths of `shares` half-width characters, `cells` of them across the text
    width; narrowed in proportion when they add up to more (Word and LibreOffice read the
    grid, WPS the cells: both are set)."""
    total = max(sum(shares), cells)
    widths = [mm(TEXT_WIDTH_MM * share / total) for share in shares]
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _fill(
    cell: Any,
    content: str,
    *,
    bold: bool = False,
    tone: str | None = None,
    shade: str | None = None,
    kind: Kind = Kind.TEXT,
    size: float = TABLE_SIZE,
) -> None:
    """Write `content` into a table cell, in the table's size, coloured by its tone."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    paragraph = cell.paragraphs[0]
    paragraph.style = cell.part.document.styles["Cell"]
    if kind in (Kind.NUMBER, Kind.PERCENT):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif kind is Kind.MARK:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(inline(content))
    run.bold = bold or None
    if size != TABLE_SIZE:
        run.font.size = Pt(size)
    if tone is not None:
        fg, bg = TONES[tone]
        run.font.color.rgb = RGBColor.from_string(fg.upper())
        shade = bg
    if shade is not None:
        _shade(cell, shade)


def _shade(cell: Any, colour: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour.upper())
    cell._tc.get_or_add_tcPr().append(shading)


def _bar(cell: Any, value: Cell) -> None:
    """A timeline bar as coloured block characters (see report/words.py)."""
    from docx.shared import Pt, RGBColor

    paragraph = cell.paragraphs[0]
    paragraph.style = cell.part.document.styles["Cell"]
    if not isinstance(value.value, Bar):
        return
    colours = {"planned": TONES.get(value.tone or "idle", TONES["idle"])[0], "late": "cf222e"}
    colours["marker"] = "1f2328"
    for characters, part in words.bar(value.value, BAR_WIDTH):
        run = paragraph.add_run(characters)
        run.font.size = Pt(7)
        run.font.color.rgb = RGBColor.from_string(colours[part].upper())


def _repeat_header(row: Any) -> None:
    """The row repeats at the top of each page the table runs onto."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    mark = OxmlElement("w:tblHeader")
    mark.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(mark)


def _keep_together(row: Any) -> None:
    """A row is never split across two pages."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    mark = OxmlElement("w:cantSplit")
    mark.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(mark)
