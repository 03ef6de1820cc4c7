"""报送: forms out to the units, filled in as a unit would (openpyxl writing cells), collected.

The oracle of every collect is the data files themselves (what `task …` records) and
`status --format json` before and after: nothing is patched into the data by the tests.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.conftest import Invoke

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "rollout-2020"
DAY = "2020-06-15"
HEADERS = {
    "任务进度": ["编号", "类别", "序号", "名称", "截止日期", "状态", "日期", "佐证", "备注"],
    "要求": ["编号", "序号", "要求序号", "要求", "已满足", "满足日期"],
    "窗口人员": [
        "工号", "姓名", "窗口", "角色", "到岗日期", "受训日期", "离岗日期", "中心同意日期", "备注",
    ],
    "事项清单": [
        "事项名称", "事项编码", "事项类型", "实施机关", "设定依据", "法定办结时限", "承诺办结时限",
        "是否收费", "收费标准", "办理窗口", "进驻状态", "理由",
    ],
}  # fmt: skip


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns(".hsreform"))
    return target


@pytest.fixture
def made(invoke: Invoke, data: Path, tmp_path: Path) -> Path:
    out = tmp_path / "forms"
    result = invoke("forms", "--data", str(data), "--as-of", DAY, "--output", str(out))
    assert result.exit_code == 0, result.stderr
    return out


def fill(src: Path, dst: Path, sheet: str, edits: dict[str, dict[str, Any]]) -> None:
    """Write values into the cells of the rows whose first cell is a key of `edits`."""
    book = openpyxl.load_workbook(src)
    ws = book[sheet]
    heads = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        for column, value in edits.get(row[0].value, {}).items():
            row[heads.index(column)].value = value
    book.save(dst)


def status(invoke: Invoke, data: Path, day: str = "2020-06-20") -> dict[tuple[str, int, str], Any]:
    """Each unit's standing on each row, as `status --as-of day` reads the data."""
    from hsreform.dataset import loader
    from hsreform.views import status as views

    ds = loader.load(data).dataset
    assert ds is not None
    report = views.report(ds, dt.date.fromisoformat(day))
    out = {}
    for section, rows in (
        ("tasks", report.tasks),
        ("goals", report.goals),
        ("duties", report.duties),
    ):
        for row in rows:
            for unit in row.units:
                out[(section, row.number, unit.unit)] = {
                    "status": unit.status.value,
                    "since": unit.since.isoformat() if unit.since else None,
                    "done_on": unit.done_on.isoformat() if unit.done_on else None,
                    "note": unit.note,
                    "evidence": unit.evidence,
                    "met": unit.met,
                }
    return out


def returns(made: Path, tmp_path: Path) -> list[Path]:
    """Three units' returns, as the units would fill them in."""
    one = tmp_path / "r1.xlsx"
    fill(
        made / f"交通局-报送表-{DAY}.xlsx",
        one,
        "任务进度",
        {"task-8": {"状态": "已完成", "日期": dt.date(2020, 6, 18), "佐证": "公开目录已上网"}},
    )
    two = tmp_path / "r2.xlsx"
    fill(
        made / f"应急管理局-报送表-{DAY}.xlsx",
        two,
        "任务进度",
        {"task-7": {"状态": "进行中", "日期": dt.date(2020, 6, 16)}},
    )
    fill(two, two, "要求", {"task-7/onto-platform": {"已满足": "是", "满足日期": "2020-06-17"}})
    three = tmp_path / "r3.xlsx"
    fill(
        made / f"司法局-报送表-{DAY}.xlsx",
        three,
        "任务进度",
        {"task-6": {"状态": "进行中", "日期": dt.date(2020, 6, 17), "备注": "培训场地已落实"}},
    )
    return [one, two, three]


def test_one_form_per_responsible_unit_with_the_contract_sheets(made: Path) -> None:
    files = sorted(p.name for p in made.iterdir())
    assert len(files) == 29
    assert "税务局-报送表-2020-06-15.xlsx" in files
    book = openpyxl.load_workbook(made / "税务局-报送表-2020-06-15.xlsx")
    assert book.sheetnames == ["说明", "任务进度", "要求", "窗口人员", "事项清单", "hsreform"]
    assert book["hsreform"].sheet_state == "hidden"
    for name, headers in HEADERS.items():
        ws = book[name]
        assert [c.value for c in ws[1]] == headers
        assert ws.freeze_panes == "A2"
        assert ws.protection.sheet
        assert int(ws.page_setup.paperSize) == 9  # A4
    progress = book["任务进度"]
    row = next(r for r in progress.iter_rows(min_row=2) if r[0].value == "task-6")
    assert [c.value for c in row[:3]] == ["task-6", "任务", 6]
    assert row[5].value == "未开始"
    assert [row[i].protection.locked for i in (0, 3, 4, 5, 6)] == [True, True, True, False, False]
    lists = [v.formula1 for v in progress.data_validations.dataValidation if v.type == "list"]
    assert lists == ['"未开始,进行中,已完成,受阻"']
    staff = book["窗口人员"]
    people = [r[1].value for r in staff.iter_rows(min_row=2) if r[1].value]
    assert "方娜" in people
    # trained on 2020-06-16: not known on the form's day
    zhang = next(r for r in staff.iter_rows(min_row=2) if r[1].value == "张敏")
    assert zhang[5].value is None
    guide = " ".join(str(c.value) for c in book["说明"]["A"] if c.value)
    for words in ("税务局", "2020-06-15", "和硕县行政服务中心"):
        assert words in guide


def test_a_unit_without_a_quota_has_no_staff_sheet(made: Path) -> None:
    book = openpyxl.load_workbook(made / "编办-报送表-2020-06-15.xlsx")
    assert "窗口人员" not in book.sheetnames


def test_done_means(invoke: Invoke, data: Path, made: Path, tmp_path: Path) -> None:
    """forms for 2020-06-15; three units fill theirs in; collect; status on 06-20 shows
    exactly their returns; a fourth, stale form shows its conflict; notices on 06-25."""
    before = status(invoke, data)
    r1, r2, r3 = returns(made, tmp_path)
    stale = tmp_path / "stale.xlsx"
    fill(
        made / f"税务局-报送表-{DAY}.xlsx",
        stale,
        "任务进度",
        {"task-6": {"状态": "进行中", "日期": dt.date(2020, 6, 15)}},
    )
    tasks_before = (data / "tasks.yaml").read_bytes()
    result = invoke(
        "collect",
        "--data",
        str(data),
        "--as-of",
        "2020-06-20",
        str(r1),
        str(r2),
        str(r3),
        str(stale),
    )
    assert result.exit_code == 0, result.stderr
    assert "冲突" in result.stdout
    assert "税务局" in result.stdout
    assert "数据为“已完成”，报送表为“进行中”" in result.stdout
    after = status(invoke, data)
    changed = {key for key in before if before[key] != after[key]}
    assert changed == {
        ("tasks", 8, "transport-bureau"),
        ("tasks", 7, "emergency-management-bureau"),
        ("tasks", 6, "justice-bureau"),
    }
    assert after[("tasks", 8, "transport-bureau")]["status"] == "done"
    assert after[("tasks", 8, "transport-bureau")]["done_on"] == "2020-06-18"
    assert after[("tasks", 7, "emergency-management-bureau")]["status"] == "in_progress"
    assert after[("tasks", 7, "emergency-management-bureau")]["since"] == "2020-06-16"
    assert after[("tasks", 6, "justice-bureau")]["status"] == "in_progress"
    assert after[("tasks", 6, "justice-bureau")]["note"] == "培训场地已落实"
    text = (data / "tasks.yaml").read_text(encoding="utf-8")
    assert "onto-platform: 2020-06-17" in text
    assert tasks_before != (data / "tasks.yaml").read_bytes()
    journal = sorted((data / ".hsreform" / "journal").iterdir())
    assert len(journal) == 3  # one undo step per workbook; the stale one wrote nothing


def test_same_workbook_twice_records_nothing(
    invoke: Invoke, data: Path, made: Path, tmp_path: Path
) -> None:
    files = [str(p) for p in returns(made, tmp_path)]
    assert invoke("collect", "--data", str(data), "--as-of", "2020-06-20", *files).exit_code == 0
    once = (data / "tasks.yaml").read_bytes()
    again = invoke("collect", "--data", str(data), "--as-of", "2020-06-20", *files)
    assert again.exit_code == 0
    assert (data / "tasks.yaml").read_bytes() == once
    assert "数据中已有" in again.stdout
    assert len(list((data / ".hsreform" / "journal").iterdir())) == 3


def test_undo_takes_back_one_workbook(
    invoke: Invoke, data: Path, made: Path, tmp_path: Path
) -> None:
    r1, r2, _ = returns(made, tmp_path)
    invoke("collect", "--data", str(data), "--as-of", "2020-06-20", str(r1))
    after_one = (data / "tasks.yaml").read_bytes()
    invoke("collect", "--data", str(data), "--as-of", "2020-06-20", str(r2))
    assert invoke("undo", "--data", str(data)).exit_code == 0
    assert (data / "tasks.yaml").read_bytes() == after_one


def test_reordered_rows_and_blank_rows_collect_alike(
    invoke: Invoke, data: Path, made: Path, tmp_path: Path
) -> None:
    r1, _, _ = returns(made, tmp_path)
    book = openpyxl.load_workbook(r1)
    ws = book["任务进度"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    ws.protection.sheet = False
    for n, values in enumerate(reversed(rows)):  # reversed, a blank row between each
        for c, value in enumerate(values, 1):
            ws.cell(row=2 + 2 * n, column=c, value=value)
            ws.cell(row=3 + 2 * n, column=c).value = None
    ws.column_dimensions["D"].width = 80
    shuffled = tmp_path / "shuffled.xlsx"
    book.save(shuffled)
    other = tmp_path / "other"
    shutil.copytree(EXAMPLE, other, ignore=shutil.ignore_patterns(".hsreform"))
    invoke("collect", "--data", str(data), "--as-of", "2020-06-20", str(r1))
    result = invoke("collect", "--data", str(other), "--as-of", "2020-06-20", str(shuffled))
    assert result.exit_code == 0, result.stderr
    assert (data / "tasks.yaml").read_bytes() == (other / "tasks.yaml").read_bytes()


def test_bad_date_names_file_sheet_row_and_writes_nothing(
    invoke: Invoke, data: Path, made: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.xlsx"
    fill(
        made / f"交通局-报送表-{DAY}.xlsx",
        bad,
        "任务进度",
        {
            "task-8": {"状态": "已完成", "日期": "6月18号"},
            "task-7": {"状态": "已完成", "日期": dt.date(2020, 6, 19)},
        },
    )
    before = (data / "tasks.yaml").read_bytes()
    result = invoke("collect", "--data", str(data), "--as-of", "2020-06-20", str(bad))
    assert result.exit_code == 2
    row = next(
        r[0].row
        for r in openpyxl.load_workbook(bad)["任务进度"].iter_rows(min_row=2)
        if r[0].value == "task-8"
    )
    assert f"bad.xlsx:任务进度:{row}：“日期”不是日期：6月18号" in result.stdout
    assert "整个文件未录入" in result.stderr
    assert (data / "tasks.yaml").read_bytes() == before
    skipped = invoke(
        "collect", "--data", str(data), "--as-of", "2020-06-20", "--skip-bad", str(bad)
    )
    assert skipped.exit_code == 0, skipped.stderr
    after = status(invoke, data)
    assert after[("tasks", 7, "transport-bureau")]["status"] == "done"
    assert after[("tasks", 8, "transport-bureau")]["status"] != "done"


def test_edited_id_another_data_set_and_unknown_unit_are_refused(
    invoke: Invoke, data: Path, made: Path, tmp_path: Path
) -> None:
    source = made / f"交通局-报送表-{DAY}.xlsx"
    edited = tmp_path / "edited.xlsx"
    fill(source, edited, "任务进度", {"task-8": {"编号": "task-99"}})
    result = invoke("collect", "--data", str(data), "--as-of", "2020-06-20", str(edited))
    assert result.exit_code == 2
    assert "编号“task-99”不是报送表原有的" in result.stderr
    for key, value, message in (
        ("dataset", "0000000000000000", "另一套数据"),
        ("unit", "no-such-unit", "不在数据中"),
    ):
        book = openpyxl.load_workbook(source)
        meta = book["hsreform"]
        for row in meta.iter_rows():
            if row[0].value == key:
                row[1].value = value
        target = tmp_path / f"{key}.xlsx"
        book.save(target)
        result = invoke("collect", "--data", str(data), "--as-of", "2020-06-20", str(target))
        assert result.exit_code == 2
        assert message in result.stderr
    assert not (data / ".hsreform" / "journal").exists() or not list(
        (data / ".hsreform" / "journal").iterdir()
    )


def test_hostile_workbooks_are_refused_in_one_message(
    invoke: Invoke, data: Path, made: Path, tmp_path: Path
) -> None:
    source = made / f"交通局-报送表-{DAY}.xlsx"
    # a formula where the state goes: never evaluated, its (missing) value is no state
    formula = tmp_path / "formula.xlsx"
    fill(source, formula, "任务进度", {"task-8": {"状态": '=HYPERLINK("http://x","已完成")'}})
    # a sheet that claims a million rows: the streaming reader reads the rows that are
    # there (a cell at row 1,000,000 costs nothing), and that row's 编号 is none of the form's
    huge = tmp_path / "huge.xlsx"
    book = openpyxl.load_workbook(source)
    book["任务进度"].cell(row=1_000_000, column=1, value="x")
    book.save(huge)
    # a zip bomb: a member that unpacks to far more than the limit
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info, src.read(info))
        out.writestr("xl/media/padding.bin", b"\0" * (210 * 1024 * 1024))
    before = (data / "tasks.yaml").read_bytes()
    for path, message in (
        (formula, "“状态”不能是“”"),
        (huge, "编号“x”不是报送表原有的"),
        (bomb, "解压后有"),
    ):
        result = invoke("collect", "--data", str(data), "--as-of", "2020-06-20", str(path))
        assert result.exit_code == 2, path
        assert message in result.stdout + result.stderr, (path, result.stdout, result.stderr)
    assert (data / "tasks.yaml").read_bytes() == before


@pytest.mark.slow
def test_a_form_resaved_by_libreoffice_collects_like_the_original(
    invoke: Invoke, data: Path, made: Path, tmp_path: Path
) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    r1, r2, _ = returns(made, tmp_path)
    saved = tmp_path / "saved"
    saved.mkdir()
    for path in (r1, r2):
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                "--headless",
                "--convert-to",
                "xlsx",
                "--outdir",
                str(saved),
                str(path),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    other = tmp_path / "other"
    shutil.copytree(EXAMPLE, other, ignore=shutil.ignore_patterns(".hsreform"))
    first = invoke("collect", "--data", str(data), "--as-of", "2020-06-20", str(r1), str(r2))
    assert first.exit_code == 0, first.stderr
    again = invoke(
        "collect",
        "--data",
        str(other),
        "--as-of",
        "2020-06-20",
        str(saved / "r1.xlsx"),
        str(saved / "r2.xlsx"),
    )
    assert again.exit_code == 0, again.stderr
    assert (data / "tasks.yaml").read_bytes() == (other / "tasks.yaml").read_bytes()


def test_staff_and_items_are_recorded_through_their_edits(
    invoke: Invoke, data: Path, made: Path, tmp_path: Path
) -> None:
    book = openpyxl.load_workbook(made / f"税务局-报送表-{DAY}.xlsx")
    staff = book["窗口人员"]
    blank = next(r for r in staff.iter_rows(min_row=2) if r[1].value is None)
    values = ["HS999", "李新", "税务窗口", "工作人员", dt.date(2020, 6, 18), None, None]
    for cell, value in zip(blank, [*values, dt.date(2020, 6, 17), None], strict=True):
        cell.value = value
    items = book["事项清单"]
    blank = next(r for r in items.iter_rows(min_row=2) if r[0].value is None)
    new = [
        "个人所得税申报",
        None,
        "公共服务",
        None,
        None,
        None,
        1,
        "否",
        None,
        "税务窗口",
        "已梳理",
    ]
    for cell, value in zip(blank, [*new, None], strict=True):
        cell.value = value
    filled = tmp_path / "tax.xlsx"
    book.save(filled)
    result = invoke("collect", "--data", str(data), "--as-of", "2020-06-20", str(filled))
    assert result.exit_code == 0, result.stderr
    assert "李新自 2020-06-18 在税务窗口到岗" in result.stdout
    roster = (data / "staff.yaml").read_text(encoding="utf-8")
    assert "name: 李新" in roster
    assert "approved_by_centre: 2020-06-17" in roster
    catalogue = (data / "items.yaml").read_text(encoding="utf-8")
    assert "name: 个人所得税申报" in catalogue
    again = invoke("collect", "--data", str(data), "--as-of", "2020-06-20", str(filled))
    assert again.exit_code == 0, again.stderr
    assert (data / "staff.yaml").read_text(encoding="utf-8") == roster
    assert (data / "items.yaml").read_text(encoding="utf-8") == catalogue


BEHIND_ON_0625 = {
    "文化体育广播电视和旅游局", "教科局", "商工局", "司法局", "财政局", "交通局", "水利局",
    "农业农村局", "应急管理局", "林草局",
}  # fmt: skip
"""Units with a task past its deadline and not done, or blocked, on 2020-06-25 after the
three returns: tasks 7 and 8 were due 2020-06-20 and these units had not finished them
(read off `status --task 6|7|8 --as-of 2020-06-25` on the example data: 司法局 blocked on
6, five units behind on 7, ten on 8; the returns finish 交通局's 8 and unblock 司法局's 6,
but both still owe another)."""


def test_notices_for_exactly_the_units_behind(
    invoke: Invoke, data: Path, made: Path, tmp_path: Path
) -> None:
    files = [str(p) for p in returns(made, tmp_path)]
    invoke("collect", "--data", str(data), "--as-of", "2020-06-20", *files)
    out = tmp_path / "notices"
    result = invoke("notices", "--data", str(data), "--as-of", "2020-06-25", "--output", str(out))
    assert result.exit_code == 0, result.stderr
    names = {p.name.removesuffix("-督办通知-2020-06-25.docx") for p in out.iterdir()}
    assert names == BEHIND_ON_0625
    md = tmp_path / "md"
    invoke(
        "notices", "--data", str(data), "--as-of", "2020-06-25", "--output", str(md),
        "--unit", "交通局", "--format", "markdown",
    )  # fmt: skip
    text = (md / "交通局-督办通知-2020-06-25.md").read_text(encoding="utf-8")
    assert "重点工作任务第七项" in text
    assert "已逾期5天" in text
    assert "第八项" not in text  # done on 2020-06-18, as the return said
    assert "&emsp;&emsp;&emsp;&emsp;年&emsp;&emsp;月&emsp;&emsp;日" in text
    from docx import Document

    doc = Document(str(out / "交通局-督办通知-2020-06-25.docx"))
    paragraphs = [p.text for p in doc.paragraphs]
    assert paragraphs[0] == "督办通知"
    assert "和硕县人民政府办公室" in paragraphs


def test_dry_run_says_what_it_would_record_and_writes_nothing(
    invoke: Invoke, data: Path, made: Path, tmp_path: Path
) -> None:
    r1, _, _ = returns(made, tmp_path)
    before = (data / "tasks.yaml").read_bytes()
    result = invoke("collect", "--data", str(data), "--as-of", "2020-06-20", "--dry-run", str(r1))
    assert result.exit_code == 0, result.stderr
    assert "任务 8，交通局：进行中（2020-06-13起） → 已完成（2020-06-18）" in result.stdout
    assert "+        done_on: 2020-06-18" in result.stdout
    assert (data / "tasks.yaml").read_bytes() == before
    assert not (data / ".hsreform").exists()


def test_forms_for_named_units_only(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    out = tmp_path / "two"
    result = invoke(
        "forms", "--data", str(data), "--as-of", DAY, "--output", str(out),
        "--unit", "税务局", "--unit", "water-resources-bureau",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "水利局-报送表-2020-06-15.xlsx",
        "税务局-报送表-2020-06-15.xlsx",
    ]
