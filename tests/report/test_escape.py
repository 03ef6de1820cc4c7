"""Data cannot act: HTML shows a <script> name as text; spreadsheets run no formula from it."""

from __future__ import annotations

import csv
import io

import html5lib
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from hsreform.cli import app
from hsreform.report import csvdoc, markdown, xlsx
from hsreform.report.document import Cell, Column, Document, Section, Table
from hsreform.report.escape import FORMULA_STARTS, neutralise
from tests.report.conftest import FORMULAS, SCRIPT

AS_OF = ("--as-of", "2020-07-01")


def render(data, *args: str) -> bytes:
    result = CliRunner().invoke(app, [*args, "--data", str(data), *AS_OF], env={"NO_COLOR": "1"})
    assert result.exit_code in (0, 1), result.output
    return result.stdout_bytes


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_formula_start_gets_an_apostrophe(start) -> None:
    assert neutralise(start + "1+1") == "'" + start + "1+1"


@pytest.mark.parametrize("value", ["税务局", "12", "'=1", " =1", "2020-06-05", ""])
def test_other_text_is_left_alone(value) -> None:
    assert neutralise(value) == value


def test_the_list_is_the_one_the_issue_names() -> None:
    assert set(FORMULA_STARTS) == {"=", "+", "-", "@", "\t", "\r"}


def _document(*values: str) -> Document:
    table = Table((Column("名称"), Column("数")), tuple((Cell(v), Cell("-3", -3)) for v in values))
    return Document("标题", "zh", (Section("节", "节", table),))


HIDDEN = ("\t=1+1", "\r=1+1", "=1+1", "+1", "-1", "@A1")


def test_csv_neutralises_every_formula_start_but_keeps_numbers() -> None:
    rows = list(csv.reader(io.StringIO(csvdoc.render(_document(*HIDDEN)).lstrip("\ufeff"))))
    # the apostrophe first; a carriage return, a control character, then shows as <U+000D>
    assert [r[0] for r in rows[1:]] == ["'" + v.replace("\r", "<U+000D>") for v in HIDDEN]
    assert {r[1] for r in rows[1:]} == {"-3"}  # a number is not a formula


def test_xlsx_neutralises_every_formula_start_and_writes_no_formula(tmp_path) -> None:
    path = tmp_path / "t.xlsx"
    path.write_bytes(xlsx.render(_document(*HIDDEN)))
    sheet = load_workbook(path).worksheets[0]
    cells = [sheet.cell(row=r, column=1) for r in range(3, 3 + len(HIDDEN))]
    # Depending on the openpyxl version a carriage return reads back as itself or as a line
    # feed; the apostrophe in front is what matters
    read = [str(c.value).replace("\r", "\n") for c in cells]
    assert read == ["'" + v.replace("\r", "\n") for v in HIDDEN]
    assert all(c.data_type == "s" for c in cells)
    assert sheet.cell(row=3, column=2).value == -3


def test_csv_of_hostile_data(hostile) -> None:
    text = render(hostile, "report", "--format", "csv").decode("utf-8")
    assert text.startswith("\ufeff")
    cells = [c for row in csv.reader(io.StringIO(text[1:])) for c in row]
    assert not any(c.startswith(FORMULA_STARTS) for c in cells)
    for name in FORMULAS.values():
        assert "'" + name in cells
    assert SCRIPT in cells  # CSV is data, not markup: the name is kept as it is


def test_xlsx_of_hostile_data(hostile, tmp_path) -> None:
    path = tmp_path / "r.xlsx"
    path.write_bytes(render(hostile, "report", "--format", "xlsx"))
    values = []
    for sheet in load_workbook(path).worksheets:
        for row in sheet.iter_rows():
            for c in row:
                assert c.data_type != "f", (sheet.title, c.coordinate, c.value)
                values.append(c.value)
    texts = [v for v in values if isinstance(v, str)]
    assert not any(v.startswith(FORMULA_STARTS) for v in texts)
    for name in FORMULAS.values():
        assert "'" + name in texts


@pytest.mark.parametrize(
    "command",
    [
        ("report",),
        ("status",),
        ("status", "--task", "1"),
        ("check-staffing",),
        ("validate",),
        ("scorecard",),
    ],
    ids=" ".join,
)
def test_html_shows_a_script_name_as_text(hostile, command) -> None:
    page = render(hostile, *command, "--format", "html").decode("utf-8")
    assert "<script" not in page.lower()
    tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)
    assert tree.findall(".//script") == []
    if command[0] in ("report", "scorecard") or "--task" in command:  # the views naming units
        assert SCRIPT in "".join(tree.itertext())


def test_markdown_shows_a_script_name_as_text(hostile) -> None:
    page = render(hostile, "report", "--format", "markdown").decode("utf-8")
    assert "<script>" not in page
    assert markdown.cell(SCRIPT) in page
    assert markdown.cell("a|b") == "a\\|b"  # a bar cannot split a table cell
