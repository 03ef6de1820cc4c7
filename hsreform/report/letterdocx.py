"""现场审批服务授权书 as a Word document (.docx), which offices edit and print in Word or WPS.

A4 with the margins of official documents, 宋体 三号 (16 pt) for the text and a bold 二号
(22 pt) title; one letter per page. Chinese text needs its East Asian font named in the run
properties (`w:eastAsia`), which python-docx does not set by itself.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

from hsreform.views.letters import LetterView

FONT = "宋体"
"""SimSun: on every Windows machine, and WPS maps it on others."""


def official_document() -> tuple[Any, Callable[..., Any]]:
    """A new A4 document set up as official documents are (宋体 三号, their margins), and a
    function that adds a paragraph: `paragraph(text, bold=..., size=pt, **paragraph_format)`."""
    # Imported here: python-docx (and lxml) take a while to import; only these outputs need them.
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = Document()
    normal: Any = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(16)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.line_spacing = Pt(28)
    normal.paragraph_format.space_after = Pt(0)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)

    def paragraph(content: str, **layout: Any) -> Any:
        made = document.add_paragraph()
        run = made.add_run(content)
        run.bold = layout.pop("bold", None)
        if "size" in layout:
            run.font.size = Pt(layout.pop("size"))
        for name, value in layout.items():
            setattr(made.paragraph_format, name, value)
        return made

    return document, paragraph


def docx(letters: Sequence[LetterView]) -> bytes:
    """The letters as a .docx file's bytes."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Cm, Pt

    document, paragraph = official_document()

    for n, letter in enumerate(letters):
        if n:
            document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
        paragraph(
            letter.title,
            bold=True,
            size=22,
            alignment=WD_ALIGN_PARAGRAPH.CENTER,
            space_after=Pt(24),
        )
        paragraph(letter.body, first_line_indent=Pt(32))
        document.add_paragraph()
        for line in letter.numbered:
            paragraph(line, first_line_indent=Pt(32))
        document.add_paragraph()
        document.add_paragraph()
        for line in letter.signatures:
            paragraph(line, left_indent=Cm(7), space_after=Pt(24))
        paragraph(letter.date, alignment=WD_ALIGN_PARAGRAPH.RIGHT, space_before=Pt(12))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
