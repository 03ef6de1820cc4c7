"""The meeting report and the scorecard as Word documents: the HTML page's sections, A4,
an office's fonts (East Asian font named), tables Word opens and prints with their header."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document as Word
from docx.oxml.ns import qn
from docx.shared import Mm
from typer.testing import CliRunner

from hsreform.cli import app
from tests.conftest import REPO

EXAMPLE = ("--data", str(REPO / "examples" / "rollout-2020"), "--as-of", "2020-06-25")


def _write(tmp_path: Path, name: str, *args: str) -> Path:
    target = tmp_path / name
    result = CliRunner().invoke(app, [*args, *EXAMPLE, "--output", str(target)])
    assert result.exit_code in (0, 1), result.output
    return target


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    return _write(tmp_path_factory.mktemp("docx"), "会议材料.docx", "report")


def test_the_sections_of_the_html_page(report, tmp_path) -> None:
    page = _write(tmp_path, "会议材料.html", "report").read_text(encoding="utf-8")
    html_headings = [re.sub("<[^>]+>", "", h) for h in re.findall("<h2>(.*?)</h2>", page)]
    word = Word(str(report))
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings == html_headings
    assert word.paragraphs[0].text.startswith("硕政办发〔2020〕15号 落实情况报告")
    assert word.core_properties.title.startswith("硕政办发〔2020〕15号")


def test_a4_with_the_margins_of_official_documents(report) -> None:
    section = Word(str(report)).sections[0]
    for length, mm in (
        (section.page_width, 210),
        (section.page_height, 297),
        (section.top_margin, 37),
        (section.bottom_margin, 35),
        (section.left_margin, 28),
        (section.right_margin, 26),
    ):
        assert abs(length - Mm(mm)) < Mm(0.1)  # Word keeps lengths in twips
    assert "统计日 2020-06-25" in section.header.paragraphs[0].text


def test_chinese_text_names_its_east_asian_font(report) -> None:
    styles = Word(str(report)).styles
    for name, font in (("Normal", "仿宋"), ("Title", "黑体"), ("Heading 1", "黑体")):
        fonts = styles[name].element.rPr.rFonts
        assert fonts.get(qn("w:eastAsia")) == font, name
        assert fonts.get(qn("w:eastAsiaTheme")) is None, name  # a theme would win


def test_tables_repeat_their_header_and_keep_rows_whole(report) -> None:
    word = Word(str(report))
    assert len(word.tables) >= 9
    for table in word.tables:
        first = table.rows[0]._tr.trPr
        assert first.find(qn("w:tblHeader")) is not None
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows[1:])
    tasks = next(t for t in word.tables if t.rows[0].cells[1].text == "任务")
    assert [c.text for c in tasks.rows[1].cells][:3] == [
        "1",
        "事项梳理，确定进大厅办理的事项",
        "2020-06-05",
    ]


def test_the_scorecard_too(tmp_path) -> None:
    word = Word(str(_write(tmp_path, "考核.docx", "scorecard")))
    (table,) = word.tables
    assert table.rows[0].cells[0].text == "责任单位"
    assert table.rows[1].cells[0].text == "交通局"  # worst first


@pytest.mark.slow
def test_printed_by_an_office(report) -> None:
    from tests.report.office import page_sizes, pages, to_pdf

    pdf = to_pdf(report)
    assert {(round(w), round(h)) for w, h in page_sizes(pdf)} == {(595, 842)}
    printed = pages(pdf)
    assert 2 <= len(printed) <= 8
    text = "".join("".join(printed).split())
    for heading in ("重点工作任务", "单位×任务", "各类窗口的人员", "新增办公室"):
        assert heading in text
    assert all("第" in "".join(p.split()) for p in printed)
