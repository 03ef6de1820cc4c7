"""HTML: one standalone page to open, print (A4) or send; no external assets, no JavaScript.

Everything from the data goes through `text()` (`html.escape`, quotes included), so a unit
named `<script>alert(1)</script>` reads as that text. The font stack covers Windows
(Microsoft YaHei, SimSun), macOS (PingFang SC) and Linux (Noto Sans CJK SC). Tables wrap
long text inside their cells so that the page fits an A4 sheet; the print stylesheet keeps
the colours of state cells and bars, repeats table headings on each page and avoids
splitting a row.
"""

from __future__ import annotations

import html

from hsreform import __version__
from hsreform.common.i18n import text as words_for
from hsreform.common.safe import visible
from hsreform.report.document import TONES, Cell, Document, Figure, Kind, Section, Table
from hsreform.views.meeting import Bar

FONTS = (
    '"Microsoft YaHei", "微软雅黑", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", '
    '"Source Han Sans SC", "WenQuanYi Micro Hei", "SimSun", "宋体", sans-serif'
)

_TONE_CSS = "\n".join(
    f".tone-{name} {{ color: #{fg}; background: #{bg}; }}\n.fill-{name} {{ background: #{fg}; }}"
    for name, (fg, bg) in TONES.items()
)

CSS = f"""
* {{ box-sizing: border-box; }}
html {{ -webkit-text-size-adjust: 100%; }}
body {{ margin: 0; color: #1f2328; background: #fff; font-family: {FONTS};
  font-size: 14px; line-height: 1.5; }}
main {{ max-width: 1100px; margin: 0 auto; padding: 20px 24px; }}
h1 {{ font-size: 22px; margin: 0 0 6px; }}
h2 {{ font-size: 17px; margin: 22px 0 6px; padding-bottom: 2px; border-bottom: 2px solid #d0d7de; }}
p {{ margin: 4px 0; }}
.meta {{ color: #57606a; }}
.note {{ color: #57606a; font-size: 13px; }}
.figures {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(8.5em, 1fr));
  gap: 8px; margin: 14px 0; padding: 0; }}
.figures div {{ border: 1px solid #d0d7de; border-radius: 6px; padding: 6px 10px; }}
.figures dt {{ color: #57606a; font-size: 12px; }}
.figures dd {{ margin: 0; font-size: 18px; font-weight: 600; }}
table {{ border-collapse: collapse; width: 100%; margin: 6px 0; }}
th, td {{ border: 1px solid #d0d7de; padding: 3px 6px; text-align: left; vertical-align: top;
  overflow-wrap: anywhere; }}
th {{ background: #f6f8fa; font-weight: 600; }}
tfoot td {{ font-weight: 600; background: #f6f8fa; }}
.k-number, .k-percent {{ text-align: right; white-space: nowrap; }}
.k-text, .k-date, .k-state, .k-code {{ white-space: nowrap; }}
.k-mark {{ text-align: center; white-space: nowrap; width: 2em; }}
.k-bar {{ width: 26%; min-width: 7em; vertical-align: middle; }}
.track {{ position: relative; height: 12px; background: #f6f8fa; border: 1px solid #d0d7de; }}
.track span {{ position: absolute; top: 0; bottom: 0; }}
.track .ahead {{ opacity: 0.35; }}
.track .late {{ background: #cf222e; }}
.track .today {{ width: 2px; margin-left: -1px; background: #1f2328; top: -3px; bottom: -3px; }}
footer {{ margin-top: 20px; color: #57606a; font-size: 12px; }}
{_TONE_CSS}
@page {{ size: A4; margin: 12mm; }}
@media print {{
  body {{ font-size: 10pt; }}
  main {{ max-width: none; padding: 0; }}
  * {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
  thead {{ display: table-header-group; }}
  tr, .figures div {{ break-inside: avoid; }}
  h2 {{ break-after: avoid; }}
}}
"""


def text(value: str) -> str:
    """Text from the data, escaped for HTML content and attribute values."""
    return html.escape(visible(value), quote=True)


def _pct(fraction: float) -> str:
    return f"{fraction * 100:.2f}%"


def _bar(bar: Bar, tone: str | None) -> str:
    fill = f"fill-{tone or 'idle'}"
    elapsed = min(bar.planned.end, bar.marker)
    parts = [
        f'<span class="{fill}" style="left:0;width:{_pct(elapsed)}"></span>',
        f'<span class="{fill} ahead" style="left:{_pct(elapsed)};'
        f'width:{_pct(max(bar.planned.end - elapsed, 0.0))}"></span>',
    ]
    if bar.late is not None:
        width = max(bar.late.end - bar.late.start, 0.0)
        parts.append(
            f'<span class="late" style="left:{_pct(bar.late.start)};width:{_pct(width)}"></span>'
        )
    parts.append(f'<span class="today" style="left:{_pct(bar.marker)}"></span>')
    return '<div class="track">' + "".join(parts) + "</div>"


def _td(cell: Cell, kind: Kind, tag: str = "td") -> str:
    classes = [f"k-{kind.value}"]
    if cell.tone and kind is not Kind.BAR:
        classes.append(f"tone-{cell.tone}")
    if kind is Kind.BAR:
        inner = _bar(cell.value, cell.tone) if isinstance(cell.value, Bar) else ""
    else:
        inner = text(cell.text)
    return f'<{tag} class="{" ".join(classes)}">{inner}</{tag}>'


def _table(table: Table) -> list[str]:
    kinds = [c.kind for c in table.columns]
    head = "".join(f'<th class="k-{c.kind.value}">{text(c.heading)}</th>' for c in table.columns)
    out = ["<table>", f"<thead><tr>{head}</tr></thead>", "<tbody>"]
    for row in table.rows:
        out.append("<tr>" + "".join(_td(c, k) for c, k in zip(row, kinds, strict=True)) + "</tr>")
    out.append("</tbody>")
    if table.footer:
        cells = "".join(_td(c, k) for c, k in zip(table.footer, kinds, strict=True))
        out.append(f"<tfoot><tr>{cells}</tr></tfoot>")
    out.append("</table>")
    return out


def _section(section: Section) -> list[str]:
    out = ["<section>", f"<h2>{text(section.heading)}</h2>"]
    out += [f'<p class="note">{text(p)}</p>' for p in section.before]
    if section.table is not None:
        out += _table(section.table)
    out += [f'<p class="note">{text(p)}</p>' for p in section.after]
    out.append("</section>")
    return out


def _figure(figure: Figure) -> str:
    tone = f' class="tone-{figure.tone}"' if figure.tone else ""
    return f"<div><dt>{text(figure.label)}</dt><dd{tone}>{text(figure.value)}</dd></div>"


def render(doc: Document) -> str:
    """The whole document as one HTML page."""
    lang = "zh-CN" if doc.lang == "zh" else "en"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="hsreform {text(__version__)}">',
        f"<title>{text(doc.title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        "<header>",
        f"<h1>{text(doc.title)}</h1>",
        *(f'<p class="meta">{text(line)}</p>' for line in doc.meta),
        "</header>",
    ]
    if doc.figures:
        out += ['<dl class="figures">', *(_figure(f) for f in doc.figures), "</dl>"]
    for section in doc.sections:
        out += _section(section)
    out.append("<footer>")
    out += [f"<p>{text(note)}</p>" for note in doc.notes]
    made = words_for("report.generated", doc.lang, version=__version__)
    out += [f"<p>{text(made)}</p>", "</footer>", "</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
