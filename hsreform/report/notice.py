"""督办通知 (`hsreform.views.notices.NoticeView`) as Markdown, a printable HTML page, or Word.

Each renders the lines the library wrote, in order: the title, the unit addressed, the
opening sentence, the numbered paragraphs, the closing request, the issuer, the seal line
and the date line left blank for the office to fill in by hand. The Word file follows the
letters' conventions (`report/letterdocx.py`): A4, the margins of official documents, 宋体
三号 for the text, a bold 二号 title.
"""

from __future__ import annotations

import io

from hsreform.report import htmldoc
from hsreform.report.letter import STYLE
from hsreform.report.letterdocx import official_document
from hsreform.report.markdown import cell as md_cell
from hsreform.views.notices import NoticeView


def markdown(notice: NoticeView) -> str:
    """The notice as Markdown."""
    lines = [f"# {md_cell(notice.title)}", "", md_cell(notice.addressee), "", md_cell(notice.body)]
    for paragraph in notice.paragraphs:
        lines += ["", md_cell(paragraph)]
    lines += ["", md_cell(notice.closing), "", ""]
    lines += [md_cell(notice.issuer), ""]
    for line in notice.signatures:
        lines += [line, ""]
    lines.append(notice.date.replace("　", "&emsp;"))
    return "\n".join(lines) + "\n"


def page(notice: NoticeView) -> str:
    """The notice as a standalone HTML page, one A4 sheet when printed; all text escaped."""
    e = htmldoc.text
    paragraphs = "\n".join(f'    <p class="item">{e(p)}</p>' for p in notice.paragraphs)
    signatures = "\n".join(f'  <p class="signature">{e(s)}</p>' for s in notice.signatures)
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{e(notice.title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        '<section class="letter">\n'
        f"  <h1>{e(notice.title)}</h1>\n"
        f"  <p>{e(notice.addressee)}</p>\n"
        f'  <p class="body">{e(notice.body)}</p>\n'
        f'  <div class="items">\n{paragraphs}\n'
        f'    <p class="item">{e(notice.closing)}</p>\n  </div>\n'
        f'  <p class="signature">{e(notice.issuer)}</p>\n'
        f"{signatures}\n"
        f'  <p class="date">{e(notice.date)}</p>\n'
        "</section>\n</body>\n</html>\n"
    )


def docx(notice: NoticeView) -> bytes:
    """The notice as a .docx file's bytes."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document, paragraph = official_document()

    paragraph(
        notice.title, bold=True, size=22, alignment=WD_ALIGN_PARAGRAPH.CENTER, space_after=Pt(24)
    )
    paragraph(notice.addressee)
    paragraph(notice.body, first_line_indent=Pt(32))
    for line in notice.paragraphs:
        paragraph(line, first_line_indent=Pt(32))
    paragraph(notice.closing, first_line_indent=Pt(32))
    document.add_paragraph()
    document.add_paragraph()
    paragraph(notice.issuer, left_indent=Cm(7))
    for line in notice.signatures:
        paragraph(line, left_indent=Cm(7), space_after=Pt(24))
    paragraph(notice.date, alignment=WD_ALIGN_PARAGRAPH.RIGHT, space_before=Pt(12))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
