"""现场审批服务授权书 as the terminal, Markdown and a printable HTML page show it.

Each renders `LetterView`s, whose lines the library wrote in the attachment's wording:
the title, the entrusting sentence, the numbered items, the signature and seal lines and
the date, in that order. Several letters (one per window) follow one another: a rule in
Markdown, a page break in HTML. The .docx rendering is `report/letterdocx.py`.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from hsreform.common.i18n import text
from hsreform.common.safe import inline
from hsreform.report import htmldoc
from hsreform.report.htmldoc import FONTS
from hsreform.report.markdown import cell as md_cell
from hsreform.views.letters import LetterView

SIGNATURE_INDENT = "　" * 10
"""Signature and seal lines start right of the middle, as on the printed letter."""


def terminal(console: Console, letters: Sequence[LetterView], lang: str) -> None:
    """Each letter on the terminal, a draft said to be one."""
    for n, letter in enumerate(letters):
        if n:
            console.print()
            console.rule(style="dim")
        if not letter.signed:
            console.print(text("letter.draft", lang), style="dim")
        console.print(Text(inline(letter.title), style="bold"), justify="center")
        console.print()
        console.print(Text("　　" + inline(letter.body)))
        console.print()
        for line in letter.numbered:
            console.print(Text("　　" + inline(line)), soft_wrap=True)
        console.print()
        for line in letter.signatures:
            console.print(Text(SIGNATURE_INDENT + line))
            console.print()
        console.print(Text(letter.date), justify="right")


def markdown(letters: Sequence[LetterView]) -> str:
    """The letters as Markdown, one after another."""
    parts = []
    for letter in letters:
        lines = [f"# {md_cell(letter.title)}", "", md_cell(letter.body), ""]
        for line in letter.numbered:
            lines += [md_cell(line), ""]
        for line in letter.signatures:
            lines += [line, ""]
        lines.append(letter.date.replace("　", "&emsp;") if not letter.signed else letter.date)
        parts.append("\n".join(lines) + "\n")
    return "\n---\n\n".join(parts)


STYLE = """
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: FONTS; font-size: 16pt; line-height: 1.9; color: #000; margin: 0; }
.letter { page-break-after: always; break-after: page; }
.letter:last-child { page-break-after: auto; break-after: auto; }
h1 { font-size: 22pt; font-weight: bold; text-align: center; margin: 0 0 1.2em; }
p { margin: 0; }
.body, .item { text-indent: 2em; }
.items { margin: 0.6em 0 2.4em; }
.signature { margin-left: 45%; margin-bottom: 1.6em; }
.date { text-align: right; margin-top: 1em; white-space: pre; }
@media screen {
  body { background: #e8e8e8; }
  .letter { background: #fff; width: 156mm; min-height: 225mm; margin: 12mm auto;
            padding: 37mm 26mm 35mm 28mm; box-shadow: 0 1px 4px rgba(0,0,0,.3); }
}
""".replace("FONTS", FONTS)


def page(letters: Sequence[LetterView]) -> str:
    """A standalone HTML page of the letters, one per A4 sheet when printed; all text escaped."""
    e = htmldoc.text
    sheets = []
    for letter in letters:
        items = "\n".join(f'    <p class="item">{e(line)}</p>' for line in letter.numbered)
        signatures = "\n".join(
            f'  <p class="signature">{e(line)}</p>' for line in letter.signatures
        )
        sheets.append(
            '<section class="letter">\n'
            f"  <h1>{e(letter.title)}</h1>\n"
            f'  <p class="body">{e(letter.body)}</p>\n'
            f'  <div class="items">\n{items}\n  </div>\n'
            f"{signatures}\n"
            f'  <p class="date">{e(letter.date)}</p>\n'
            "</section>"
        )
    title = e(letters[0].title) if letters else ""
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(sheets)
        + "\n</body>\n</html>\n"
    )
