"""Markdown (GitHub-flavoured tables): for a wiki, a pull request, or a message.

Text from the data goes through `cell()`, which backslash-escapes the characters that
Markdown or the HTML it turns into would act on (`<script>` stays text, `|` stays inside
its cell) and keeps a cell on one line.
"""

from __future__ import annotations

import re

from hsreform.common.safe import inline
from hsreform.report import words
from hsreform.report.document import Cell, Document, Kind, Section, Table
from hsreform.views.meeting import Bar

BAR_WIDTH = 24
"""Characters per timeline bar."""
_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~])")


def cell(value: str) -> str:
    """Text made literal for Markdown, on one line, invisible characters shown (`safe.inline`)."""
    return _SPECIAL.sub(r"\\\1", " ".join(inline(value).replace("⏎", " ").split()))


def _cell(c: Cell, kind: Kind) -> str:
    if kind is Kind.BAR:
        if not isinstance(c.value, Bar):
            return ""
        return "`" + "".join(run for run, _ in words.bar(c.value, BAR_WIDTH)) + "`"
    return cell(c.text)


def _table(table: Table) -> list[str]:
    kinds = [c.kind for c in table.columns]
    right = (Kind.NUMBER, Kind.PERCENT)
    lines = [
        "| " + " | ".join(cell(c.heading) for c in table.columns) + " |",
        "|" + "|".join("---:" if k in right else "---" for k in kinds) + "|",
    ]
    for row in table.rows:
        lines.append("| " + " | ".join(_cell(c, k) for c, k in zip(row, kinds, strict=True)) + " |")
    if table.footer:
        cells = [
            f"**{_cell(c, k)}**" if c.text else "" for c, k in zip(table.footer, kinds, strict=True)
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _section(section: Section) -> list[str]:
    lines = [f"## {cell(section.heading)}", ""]
    for paragraph in section.before:
        lines += [cell(paragraph), ""]
    if section.table is not None:
        lines += [*_table(section.table), ""]
    for paragraph in section.after:
        lines += [cell(paragraph), ""]
    return lines


def render(doc: Document) -> str:
    """The whole document as Markdown."""
    lines = [f"# {cell(doc.title)}", ""]
    for line in doc.meta:
        lines += [cell(line), ""]
    if doc.figures:
        lines += ["| " + " | ".join(cell(f.label) for f in doc.figures) + " |"]
        lines += ["|" + "|".join("---:" for _ in doc.figures) + "|"]
        lines += ["| " + " | ".join(cell(f.value) for f in doc.figures) + " |", ""]
    for section in doc.sections:
        lines += _section(section)
    for note in doc.notes:
        lines += [cell(note), ""]
    return "\n".join(lines).rstrip("\n") + "\n"
