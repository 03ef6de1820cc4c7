"""The ledger read back with openpyxl: sheets, frozen header, widths, real dates, colours."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from rich.cells import cell_len
from typer.testing import CliRunner

from hsreform.cli import app
from hsreform.report.document import TONES
from hsreform.report.xlsx import sheet_name
from tests.conftest import REPO

EXAMPLE = ("--data", str(REPO / "examples" / "rollout-2020"), "--as-of", "2020-06-25")


def workbook(tmp_path, *args: str):
    path = tmp_path / "out.xlsx"
    result = CliRunner().invoke(app, [*args, *EXAMPLE, "--output", str(path)])
    assert result.exit_code in (0, 1), result.output
    return load_workbook(path)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return workbook(tmp_path_factory.mktemp("xlsx"), "report")


def test_one_sheet_per_view_of_the_report(report) -> None:
    assert report.sheetnames == [
        "概况",
        "任务",
        "年度目标",
        "单位×任务",
        "保障职责",
        "窗口人员",
        "问题",
        "应进必进",  # the example keeps an item catalogue
        "自助服务区",
        "办公室",
    ]


def test_header_row_frozen_with_a_filter(report) -> None:
    for sheet in report.worksheets[1:]:
        assert sheet.freeze_panes == "A3", sheet.title
        assert sheet.auto_filter.ref.startswith("A2:"), sheet.title
        assert sheet.cell(row=2, column=1).font.bold
    tasks = report["任务"]
    assert [c.value for c in tasks[2]] == [
        "序号",
        "任务",
        "截止日期",
        "剩余",
        "完成",
        "要求",
        "状态",
    ]


def test_dates_are_real_dates(report) -> None:
    deadline = report["任务"]["C3"]
    assert deadline.is_date
    assert deadline.value == dt.datetime(2020, 6, 5)
    assert deadline.number_format == "yyyy-mm-dd"


def test_numbers_are_numbers_and_states_are_coloured(report) -> None:
    tasks = report["任务"]
    assert tasks["A3"].value == 1
    state = tasks["G3"]
    assert state.value == "逾期完成"
    assert state.fill.fgColor.rgb == "FF" + TONES["late"][1].upper()
    overdue = tasks["G8"]
    assert overdue.value == "已逾期"
    assert overdue.fill.fgColor.rgb == "FF" + TONES["overdue"][1].upper()
    matrix = report["单位×任务"]
    assert matrix["B4"].value == "完"
    assert matrix["B4"].fill.fgColor.rgb == "FF" + TONES["done"][1].upper()


def test_widths_fit_chinese_text(report) -> None:
    matrix = report["单位×任务"]
    names = [c.value for c in matrix["A"][2 : matrix.max_row] if c.value and c.row <= 25]
    assert matrix.column_dimensions["A"].width >= max(cell_len(n) for n in names)
    offices = report["办公室"]
    assert offices.column_dimensions["C"].width >= cell_len("行政服务中心")


def test_scorecard_rates_are_percentages(tmp_path) -> None:
    sheet = workbook(tmp_path, "scorecard").worksheets[0]
    header = [c.value for c in sheet[2]]
    rate = sheet.cell(row=3, column=header.index("按时完成率") + 1)
    assert isinstance(rate.value, float)
    assert 0 <= rate.value <= 1
    assert rate.number_format == "0.0%"
    assert sheet.cell(row=3, column=1).value == "交通局"  # worst first


def test_a_date_with_more_words_keeps_them(tmp_path) -> None:
    book = workbook(tmp_path, "status", "--task", "7")
    units = book["责任单位"]
    days = [units.cell(row=r, column=3).value for r in range(3, units.max_row + 1)]
    assert dt.datetime(2020, 6, 16) in days
    assert "2020-06-12起" in days
    assert book["要求"]["C3"].alignment.wrap_text


def test_sheet_names_are_ones_excel_accepts() -> None:
    taken: set[str] = set()
    assert sheet_name("单位×任务", taken) == "单位×任务"
    assert sheet_name("a/b:c?" * 10, taken) == ("a_b_c_" * 10)[:31]
    assert sheet_name("单位×任务", taken) == "单位×任务_2"


def test_every_sheet_is_set_up_for_a4(report) -> None:
    for sheet in report.worksheets:
        setup = sheet.page_setup
        assert int(setup.paperSize) == int(sheet.PAPERSIZE_A4), sheet.title
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        assert "落实情况报告" in sheet.oddHeader.center.text, sheet.title
        assert sheet.oddHeader.right.text == "统计日 2020-06-25", sheet.title
        assert "&P" in sheet.oddFooter.center.text, sheet.title
    for sheet in report.worksheets[1:]:  # the header row on every printed page
        assert sheet.print_title_rows == "$2:$2", sheet.title
    assert report["单位×任务"].page_setup.orientation == "landscape"  # 14 columns
    assert report["办公室"].page_setup.orientation == "portrait"


def test_a_title_with_an_ampersand_stays_one_in_the_page_header(tmp_path) -> None:
    from hsreform.report.xlsx import _header_text

    assert _header_text("A&B") == "A&&B"


@pytest.mark.slow
def test_printed_each_sheet_is_one_page_wide_with_its_header_on_every_page(tmp_path) -> None:
    from tests.report.office import page_sizes, pages, to_pdf

    target = tmp_path / "台账.xlsx"
    result = CliRunner().invoke(app, ["report", *EXAMPLE, "--output", str(target)])
    assert result.exit_code in (0, 1), result.output
    book = load_workbook(target)
    pdf = to_pdf(target)
    sizes = page_sizes(pdf)
    a4 = {(595, 842), (842, 595)}
    assert {(round(w), round(h)) for w, h in sizes} <= a4
    printed = pages(pdf)
    assert len(printed) <= 12  # 19 pages before the sheets were set up for print
    headers = {
        sheet.title: [str(c.value) for c in sheet[2] if c.value] for sheet in book.worksheets[1:]
    }
    for n, page in enumerate(printed, 1):
        text = "".join(page.split())
        assert "统计日2020-06-25" in text, n
        assert f"第{n}页" in text, n
        if "概况" in text or "项目数值" in text:
            continue
        # a sheet's columns are never split across pages: some sheet's whole header is here
        assert any(all(h in text for h in heads) for heads in headers.values()), (n, page[:300])
