"""Every view, in every format it accepts, holds every row its table view shows.

The table view is the reference: for each row of each table it draws, the row's name (its
task, unit, item, window, message …) must appear in the JSON, and as a cell of a row in the
Markdown, CSV, HTML, xlsx and docx renderings, as many times as the table view has it. A format that drops the rows of a
section (as `items --unit` once did in csv, markdown and xlsx) fails here.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rich.table import Table as RichTable
from rich.text import Text

from hsreform.cli import root as cli
from hsreform.common.i18n import text
from tests.conftest import REPO

EXAMPLE = ("--data", str(REPO / "examples" / "rollout-2020"), "--as-of", "2020-06-25")
VIEWS = {
    "status": ("status",),
    "task": ("status", "--task", "6"),
    "check-staffing": ("check-staffing",),
    "validate": ("validate",),
    "report": ("report",),
    "scorecard": ("scorecard",),
    "items": ("items",),
    "items --unit": ("items", "--unit", "税务局"),
    "log": ("log",),
    "list units": ("list", "units"),
    "list staff": ("list", "staff"),
    "list requirements": ("list", "requirements", "--task", "8"),
}
FORMATS = ("table", "json", "markdown", "csv", "html", "xlsx", "docx")
NAMES = [
    "col.task", "col.goal", "col.duty", "col.unit", "col.item", "col.window", "col.label",
    "col.message", "col.change", "col.name", "col.figure", "list.col.name", "list.col.label",
]  # fmt: skip
"""The column that names a row, the first of these a table has."""
FINDING = re.compile(r"^\S+: \S+ \[[\w-]+\] (.*)$")
"""A finding's line in the terminal: its message is what names it."""


def _keys(tables: list[RichTable], lang: str = "zh") -> list[str]:
    """The name of every row of every table the table view drew."""
    preferred = [text(k, lang) for k in NAMES]
    out = []
    for table in tables:
        headings = [str(c.header) for c in table.columns]
        chosen = next((headings.index(h) for h in preferred if h in headings), 0)
        out += [str(cell) for cell in table.columns[chosen]._cells if str(cell).strip()]
    return out


class _Rows(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None and self.rows:
            self.rows[-1].append("".join(self.cell).strip())
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def _cells(fmt: str, output: bytes) -> list[list[str]]:
    """The rows of the tables of a rendering, each a list of its cells' text."""
    if fmt == "markdown":
        lines = output.decode("utf-8").splitlines()
        rows = [line.strip("|").split(" | ") for line in lines if line.startswith("| ")]
        return [[re.sub(r"\\(.)", r"\1", c).strip(" *") for c in row] for row in rows]
    if fmt == "csv":
        return list(csv.reader(io.StringIO(output.decode("utf-8-sig"))))
    if fmt == "html":
        parser = _Rows()
        parser.feed(output.decode("utf-8"))
        return parser.rows
    if fmt == "xlsx":
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(output))
        return [
            ["" if v is None else str(v) for v in row]
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
        ]
    from docx import Document as Word

    word = Word(io.BytesIO(output))
    return [[c.text for c in row.cells] for t in word.tables for row in t.rows]


@pytest.fixture(scope="module")
def drawn() -> dict[str, list[str]]:
    """The names of the rows each view's table view draws (its Rich tables, as printed)."""
    from rich.console import Console
    from typer.testing import CliRunner

    tables: list[RichTable] = []
    lines: list[str] = []  # the findings, a line each
    real = Console.print

    def record(self, *objects, **options):
        tables.extend(o for o in objects if isinstance(o, RichTable) and o.show_header)
        for o in objects:
            finding = FINDING.match(str(o)) if isinstance(o, Text) else None
            if finding:
                lines.append(finding.group(1))
        return real(self, *objects, **options)

    out = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Console, "print", record)
        for view, args in VIEWS.items():
            result = CliRunner().invoke(cli.app, [*args, *EXAMPLE], env={"COLUMNS": "400"})
            assert result.exit_code in (0, 1), result.output
            out[view] = [*lines, *_keys(tables)]
            tables.clear()
            lines.clear()
    return out


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("view", list(VIEWS))
def test_every_row_in_every_format(invoke, tmp_path: Path, drawn, view, fmt) -> None:
    keys = drawn[view]
    assert keys, view
    args = [*VIEWS[view], *EXAMPLE, "--format", fmt]
    if fmt in ("xlsx", "docx"):
        target = tmp_path / f"out.{fmt}"
        result = invoke(*args, "--output", str(target))
        output = target.read_bytes()
    else:
        result = invoke(*args, env={"COLUMNS": "400"})
        output = result.stdout.encode("utf-8")
    assert result.exit_code in (0, 1), result.stderr
    if fmt == "table":
        shown = " ".join(result.stdout.split())
        missing = [k for k in keys if " ".join(k.split()) not in shown]
    elif fmt == "json":
        shown = json.dumps(json.loads(output), ensure_ascii=False)
        missing = [k for k in keys if json.dumps(k, ensure_ascii=False)[1:-1] not in shown]
    else:
        rows = _cells(fmt, output)
        counted: dict[str, int] = {}
        for row in rows:
            for cell in set(row):
                counted[cell.strip()] = counted.get(cell.strip(), 0) + 1
        missing = [k for k in set(keys) if counted.get(k.strip(), 0) < keys.count(k)]
    assert missing == [], f"{view} as {fmt} lacks rows: {missing[:5]}"
