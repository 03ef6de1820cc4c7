"""hsreform items import: spreadsheets (.xlsx, .csv in UTF-8 or GBK) merged into items.yaml."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from ruamel.yaml import YAML

from hsreform.reading import sheets
from tests.conftest import CLEAN, DATA

HEADERS = [
    "序号",
    "事项名称",
    "事项编码",
    "事项类型",
    "实施机关",
    "法定办结时限（工作日）",
    "承诺办结时限",
    "收费标准",
    "办理窗口",
]
ROWS = [
    [
        1,
        "纳税人登记",
        "T-001",
        "行政确认",
        "和硕县税务局（虚构）",
        30,
        "5个工作日",
        "不收费",
        "税务窗口",
    ],
    [2, "发票代开", "T-002", "公共服务", "和硕县税务局（虚构）", "即办", "即办", "不收费", "tax"],
]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """The clean data set, without items.yaml."""
    folder = tmp_path / "data"
    shutil.copytree(CLEAN, folder)
    return folder


def _xlsx(path: Path, rows: list[list[Any]], *, title: bool = True) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    if title:
        sheet.append(["和硕县税务局政务服务事项清单（虚构）"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _csv(path: Path, rows: list[list[Any]], encoding: str = "utf-8") -> Path:
    text = "".join(",".join(str(c) for c in row) + "\r\n" for row in rows)
    path.write_bytes(text.encode(encoding))
    return path


def _items(folder: Path) -> list[dict[str, Any]]:
    document = YAML(typ="safe", pure=True).load(folder / "items.yaml")
    return document["catalogues"][0]["items"]  # type: ignore[no-any-return]


def test_xlsx_creates_the_catalogue_then_a_reimport_changes_nothing(invoke, data, tmp_path) -> None:
    sheet = _xlsx(tmp_path / "清单.xlsx", [HEADERS, *ROWS])
    result = invoke(
        "items", "import", str(sheet), "--unit", "税务局", "--data", str(data), "--on", "2020-06-01"
    )
    assert result.exit_code == 0, result.stderr
    assert "表头在第 2 行" in result.stdout
    assert "新增：纳税人登记" in result.stdout
    assert "没有使用的列：序号" in result.stdout
    used = "使用的列：事项名称、事项编码、事项类型、实施机关、法定办结时限（工作日）→法定办结时限"
    assert used in result.stdout  # fields in Chinese, never their YAML keys
    written = (data / "items.yaml").read_text(encoding="utf-8")
    assert written.startswith("# yaml-language-server: $schema=../schemas/items.schema.json\n")
    assert _items(data) == [
        {
            "name": "纳税人登记",
            "code": "T-001",
            "kind": "confirmation",
            "authority": "和硕县税务局（虚构）",
            "legal_days": 30,
            "promised_days": 5,
            "charged": False,
            "window": "tax",
            "status": "listed",
            "since": dt.date(2020, 6, 1),
        },
        {
            "name": "发票代开",
            "code": "T-002",
            "kind": "public_service",
            "authority": "和硕县税务局（虚构）",
            "legal_days": 0,
            "promised_days": 0,
            "charged": False,
            "window": "tax",
            "status": "listed",
            "since": dt.date(2020, 6, 1),
        },
    ]
    assert invoke("validate", "--data", str(data), "--as-of", "2020-07-01").exit_code == 0

    before = (data / "items.yaml").stat().st_mtime_ns
    again = invoke(
        "items",
        "import",
        str(sheet),
        "--unit",
        "tax-bureau",
        "--data",
        str(data),
        "--on",
        "2020-06-05",
    )
    assert again.exit_code == 0
    assert "新增 0 项，修改 0 项，未变 2 项" in again.stdout
    assert (data / "items.yaml").read_text(encoding="utf-8") == written
    assert (data / "items.yaml").stat().st_mtime_ns == before


@pytest.mark.parametrize(
    ("encoding", "said"),
    [("utf-8", "（UTF-8 编码）"), ("utf-8-sig", "（UTF-8 BOM 编码）"), ("gbk", "（GBK 编码）")],
)
def test_csv_in_utf8_or_gbk_is_detected_and_said(invoke, data, tmp_path, encoding, said) -> None:
    sheet = _csv(tmp_path / "清单.csv", [HEADERS, *ROWS], encoding)
    result = invoke(
        "items", "import", str(sheet), "--unit", "税务局", "--data", str(data), "--on", "2020-06-01"
    )
    assert result.exit_code == 0, result.stderr
    assert said in result.stdout
    assert [i["name"] for i in _items(data)] == ["纳税人登记", "发票代开"]
    assert _items(data)[0]["authority"] == "和硕县税务局（虚构）"


def test_a_malformed_row_stops_the_import_unless_skipped(invoke, data, tmp_path) -> None:
    rows = [
        HEADERS,
        ROWS[0],
        [3, "契税缴纳", "T-003", "行政许可", "", "二十天", 5, "", "税务窗口"],
        ROWS[1],
    ]
    sheet = _csv(tmp_path / "清单.csv", rows)
    refused = invoke("items", "import", str(sheet), "--unit", "税务局", "--data", str(data))
    assert refused.exit_code == 2
    assert "清单.csv:3: 法定办结时限“二十天”不是工作日数" in refused.stdout
    assert "没有写入任何文件" in refused.stderr
    assert not (data / "items.yaml").exists()

    skipped = invoke(
        "items",
        "import",
        str(sheet),
        "--unit",
        "税务局",
        "--data",
        str(data),
        "--skip-bad",
        "--on",
        "2020-06-01",
    )
    assert skipped.exit_code == 0, skipped.stderr
    assert [i["name"] for i in _items(data)] == ["纳税人登记", "发票代开"]


def test_rows_that_cannot_be_read_say_why(invoke, data, tmp_path) -> None:
    rows = [
        ["事项名称", "事项编码", "事项类型", "办理窗口", "承诺办结时限"],
        ["", "T-009", "", "", ""],  # 2: no name
        ["车购税缴纳", 11652827000000001, "", "", ""],  # 3: a code Excel kept as a number
        ["契税缴纳", "", "许可", "", ""],  # 4: no such kind
        ["社保费缴纳", "", "", "社保大厅", ""],  # 5: no such window
        ["纳税人登记", "", "", "", ""],
        ["纳税人登记", "", "", "", ""],  # 7: repeats row 6
        ["发票代开", "", "", "", "5\u20286"],  # 8: a line separator, copied from a web page
        ["印花税", "", "", "", 1.5],  # 9: not whole days
    ]
    sheet = _xlsx(tmp_path / "清单.xlsx", rows, title=False)
    result = invoke("items", "import", str(sheet), "--unit", "税务局", "--data", str(data))
    assert result.exit_code == 2
    lines = [line for line in result.stdout.splitlines() if line.startswith("清单.xlsx:")]
    assert [line.split(":")[1] for line in lines] == ["2", "3", "4", "5", "7", "8", "9"]
    assert "没有事项名称" in lines[0]
    assert "存成了数字" in lines[1]
    assert "事项类型“许可”无法识别" in lines[2]
    assert "没有窗口“社保大厅”" in lines[3]
    assert "与第 6 行重复" in lines[4]
    assert "控制字符" in lines[5]


def test_a_state_column_moves_the_old_state_into_history(invoke, data, tmp_path) -> None:
    listed = _csv(tmp_path / "a.csv", [["事项名称", "办理窗口"], ["纳税人登记", "税务窗口"]])
    invoke(
        "items",
        "import",
        str(listed),
        "--unit",
        "税务局",
        "--data",
        str(data),
        "--on",
        "2020-06-01",
    )
    entered = _csv(tmp_path / "b.csv", [["事项名称", "是否进驻大厅"], ["纳税人登记", "是"]])
    _sign_letter(data, "纳税人登记")  # in the hall, a window needs the letter (授权到位)
    result = invoke(
        "items",
        "import",
        str(entered),
        "--unit",
        "税务局",
        "--data",
        str(data),
        "--on",
        "2020-06-10",
    )
    assert result.exit_code == 0, result.stderr
    assert "修改：纳税人登记 的 进驻状态：已梳理 → 已进驻" in result.stdout
    assert "使用的列：事项名称、是否进驻大厅→进驻状态" in result.stdout
    item = _items(data)[0]
    assert (item["status"], str(item["since"])) == ("in_hall", "2020-06-10")
    assert [(h["status"], str(h["since"])) for h in item["history"]] == [("listed", "2020-06-01")]
    exempt = _csv(
        tmp_path / "c.csv",
        [["事项名称", "进驻状态", "豁免理由"], ["纳税人登记", "豁免", "需要特殊场地"]],
    )
    early = invoke(
        "items",
        "import",
        str(exempt),
        "--unit",
        "税务局",
        "--data",
        str(data),
        "--on",
        "2020-06-05",
    )
    assert early.exit_code == 2
    assert "早于这个事项现在的状态的日期 2020-06-10" in early.stdout


def _sign_letter(folder: Path, *items: str) -> None:
    """税务局's letter entrusting 税务窗口 with `items`, signed on 2020-06-05 (by hand)."""
    path = folder / "items.yaml"
    text = path.read_text(encoding="utf-8").replace("letters: []\n", "")
    entrusted = ", ".join(items)
    path.write_text(
        text + "letters:\n  - unit: tax-bureau\n    window: tax\n"
        f"    items: [{entrusted}]\n    signed_on: 2020-06-05\n",
        encoding="utf-8",
    )


def test_unusual_headers_are_mapped_with_map(invoke, data, tmp_path) -> None:
    sheet = _csv(tmp_path / "清单.csv", [["事项全称", "时限"], ["纳税人登记", "3"]])
    refused = invoke("items", "import", str(sheet), "--unit", "税务局", "--data", str(data))
    assert refused.exit_code == 2
    assert "找不到“事项名称”列" in refused.stderr
    mapped = invoke(
        "items", "import", str(sheet), "--unit", "税务局", "--data", str(data),
        "--map", "事项全称=事项名称", "--map", "时限=promised_days",
    )  # fmt: skip
    assert mapped.exit_code == 0, mapped.stderr
    assert _items(data)[0]["promised_days"] == 3
    bad = invoke(
        "items", "import", str(sheet), "--unit", "税务局", "--data", str(data), "--map", "事项全称"
    )
    assert bad.exit_code == 2
    assert "--map 的“事项全称”无效" in bad.stderr


def test_comments_and_layout_of_an_existing_catalogue_are_kept(invoke, data, tmp_path) -> None:
    shutil.copy(DATA / "items-progress" / "items.yaml", data / "items.yaml")
    original = (data / "items.yaml").read_text(encoding="utf-8")
    sheet = _csv(
        tmp_path / "清单.csv",
        [
            ["事项名称", "事项编码", "承诺办结时限"],
            ["纳税人登记", "T-001", "3"],
            ["契税缴纳", "", "1"],
        ],
    )
    dry = invoke(
        "items",
        "import",
        str(sheet),
        "--unit",
        "税务局",
        "--data",
        str(data),
        "--dry-run",
        "--on",
        "2020-06-30",
    )
    assert dry.exit_code == 0
    assert "+        promised_days: 3" in dry.stdout
    assert (data / "items.yaml").read_text(encoding="utf-8") == original
    done = invoke(
        "items", "import", str(sheet), "--unit", "税务局", "--data", str(data), "--on", "2020-06-30"
    )
    assert done.exit_code == 0, done.stderr
    after = (data / "items.yaml").read_text(encoding="utf-8")
    assert after.startswith(
        original.split("      - name: 发票代开")[0].replace(
            "        window: tax\n        status: in_hall",
            "        promised_days: 3\n        window: tax\n        status: in_hall",
        )
    )
    assert original.split("letters:")[1] == after.split("letters:")[1]
    assert (
        "      - name: 契税缴纳\n        promised_days: 1\n        status: listed\n        since: 2020-06-30\n"
        in after
    )


def test_a_code_of_another_unit_is_refused(invoke, data, tmp_path) -> None:
    shutil.copy(DATA / "items-progress" / "items.yaml", data / "items.yaml")
    sheet = _csv(tmp_path / "清单.csv", [["事项名称", "事项编码"], ["户口迁移", "T-001"]])
    result = invoke("items", "import", str(sheet), "--unit", "公安局", "--data", str(data))
    assert result.exit_code == 2
    assert "已属于税务局的事项" in result.stdout


def test_formulas_are_never_evaluated(invoke, data, tmp_path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["事项名称", "设定依据"])
    sheet.append(["纳税人登记", "=1+1"])
    sheet["B2"].data_type = "s"  # text that starts with '=', as a platform export may hold
    sheet.append(["发票代开", '=HYPERLINK("http://example.invalid")'])  # a formula: no cached value
    book.save(tmp_path / "f.xlsx")
    result = invoke(
        "items", "import", str(tmp_path / "f.xlsx"), "--unit", "税务局", "--data", str(data)
    )
    assert result.exit_code == 0, result.stderr
    assert [(i["name"], i.get("basis")) for i in _items(data)] == [
        ("纳税人登记", "=1+1"),
        ("发票代开", None),
    ]


def test_files_that_are_not_spreadsheets_or_too_big_are_refused(
    invoke, data, tmp_path, monkeypatch
) -> None:
    def refused(path: Path, *words: str) -> None:
        result = invoke("items", "import", str(path), "--unit", "税务局", "--data", str(data))
        assert result.exit_code == 2, result.stdout
        assert "Traceback" not in result.stderr
        for word in words:
            assert word in result.stderr
        assert not (data / "items.yaml").exists()

    (tmp_path / "a.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    refused(tmp_path / "a.xls", "另存为 .xlsx")
    (tmp_path / "b.xlsx").write_text("not a zip")
    refused(tmp_path / "b.xlsx", "不是有效的 .xlsx")
    refused(tmp_path / "missing.csv", "找不到")
    (tmp_path / "u16.csv").write_bytes("事项名称\n".encode("utf-16"))
    refused(tmp_path / "u16.csv", "UTF-16")
    (tmp_path / "bad.csv").write_bytes(b"\xff\xff\xff\x00\x80")
    refused(tmp_path / "bad.csv", "既不是 UTF-8 也不是 GBK")
    big = _xlsx(tmp_path / "big.xlsx", [HEADERS, *ROWS])
    monkeypatch.setattr(sheets, "MAX_UNPACKED_BYTES", 1000)
    refused(big, "解压后", "1000")
    monkeypatch.setattr(sheets, "MAX_UNPACKED_BYTES", 10**9)
    monkeypatch.setattr(sheets, "MAX_ROWS", 2)
    refused(big, "超过 2 行的上限")
    refused(_csv(tmp_path / "many.csv", [HEADERS, *ROWS]), "超过 2 行的上限")
    monkeypatch.setattr(sheets, "MAX_SHEET_BYTES", 10)
    refused(big, "超过上限 10 字节")


def test_the_bundled_data_is_never_imported_into(invoke, tmp_path) -> None:
    sheet = _csv(tmp_path / "清单.csv", [["事项名称"], ["纳税人登记"]])
    result = invoke("items", "import", str(sheet), "--unit", "税务局")
    assert result.exit_code == 2
    assert "安装包自带的数据" in result.stderr


def test_an_import_that_would_break_the_data_writes_nothing(invoke, data, tmp_path) -> None:
    # The catalogue on disk names a window nobody defined: the import refuses with the reason.
    shutil.copy(DATA / "bad" / "items-unknown-window" / "items.yaml", data / "items.yaml")
    before = (data / "items.yaml").read_bytes()
    sheet = _csv(tmp_path / "清单.csv", [["事项名称"], ["契税缴纳"]])
    result = invoke("items", "import", str(sheet), "--unit", "税务局", "--data", str(data))
    assert result.exit_code == 2
    assert "[unknown-window]" in result.stderr
    assert (data / "items.yaml").read_bytes() == before


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ("6.52827E+16", "6.52827E+16"),  # Excel's General format, saved to .csv
        ("6.5282700000000096e+16", "6.5282700000000096e+16"),
        ("65282700000000123.0", "65282700000000123.0"),  # through a float on its way out
    ],
)
def test_a_code_a_spreadsheet_mangled_is_refused_with_its_row(
    invoke, data, tmp_path, cell, shown
) -> None:
    sheet = _csv(
        tmp_path / "清单.csv",
        [["事项名称", "事项编码"], ["纳税人登记", "T-001"], ["车购税缴纳", cell]],
    )
    refused = invoke("items", "import", str(sheet), "--unit", "税务局", "--data", str(data))
    assert refused.exit_code == 2
    assert (
        f"清单.csv:3: 事项编码“{shown}”是表格软件把长编码当作数字显示或保存的样子" in refused.stdout
    )
    assert not (data / "items.yaml").exists()
    skipped = invoke(
        "items", "import", str(sheet), "--unit", "税务局", "--data", str(data), "--skip-bad"
    )
    assert skipped.exit_code == 0, skipped.stderr
    assert [i.get("code") for i in _items(data)] == ["T-001"]


def test_a_code_kept_as_a_number_of_more_than_15_digits_is_refused(invoke, data, tmp_path) -> None:
    # Excel keeps 15 significant digits: 6528270000000012 (16 digits) was stored as ...10
    rows = [
        ["事项名称", "事项编码"],
        ["车购税缴纳", 6528270000000012.0],
        ["契税缴纳", 123456789012345],
    ]
    sheet = _xlsx(tmp_path / "清单.xlsx", rows, title=False)
    result = invoke("items", "import", str(sheet), "--unit", "税务局", "--data", str(data))
    assert result.exit_code == 2
    lines = [line for line in result.stdout.splitlines() if line.startswith("清单.xlsx:")]
    assert [line.split(":")[1] for line in lines] == ["2"]
    assert "存成了数字" in lines[0]


def test_an_exempt_row_needs_the_reason_the_plan_asks_for(invoke, data, tmp_path) -> None:
    rows = [
        ["事项名称", "进驻状态", "豁免理由"],
        ["取水许可", "豁免", ""],
        ["采砂许可", "豁免", "现场勘验需要特殊场地"],
    ]
    sheet = _csv(tmp_path / "清单.csv", rows)
    result = invoke("items", "import", str(sheet), "--unit", "税务局", "--data", str(data))
    assert result.exit_code == 2
    assert (
        "清单.csv:2: 记为豁免，但没有理由；方案只允许“对场地有特殊要求的事项”例外" in result.stdout
    )


def test_an_import_that_would_bring_an_error_is_refused_and_says_which(
    invoke, data, tmp_path
) -> None:
    # 纳税人登记 in the hall at 税务窗口, with no letter entrusting the window with it
    listed = _csv(tmp_path / "a.csv", [["事项名称", "办理窗口"], ["纳税人登记", "税务窗口"]])
    first = invoke(
        "items",
        "import",
        str(listed),
        "--unit",
        "税务局",
        "--data",
        str(data),
        "--on",
        "2020-06-01",
    )
    assert first.exit_code == 0, first.stderr
    before = (data / "items.yaml").read_bytes()
    entered = _csv(tmp_path / "b.csv", [["事项名称", "进驻状态"], ["纳税人登记", "已进驻"]])
    for extra in ((), ("--skip-bad",), ("--dry-run",)):
        refused = invoke(
            "items", "import", str(entered), "--unit", "税务局", "--data", str(data),
            "--on", "2020-06-10", *extra,
        )  # fmt: skip
        assert refused.exit_code == 2, extra
        assert "修改：纳税人登记 的 进驻状态：已梳理 → 已进驻" in refused.stdout
        assert "[item-not-authorized] 事项“纳税人登记”已在税务窗口办理" in refused.stderr
        assert "这次修改会带来上面的错误，没有写任何文件。" in refused.stderr
        assert (data / "items.yaml").read_bytes() == before


def test_an_import_shows_the_warnings_it_brings(invoke, data, tmp_path) -> None:
    # the first catalogue of a data set whose tasks name no catalogue rule: a warning to see
    sheet = _csv(tmp_path / "清单.csv", [["事项名称"], ["纳税人登记"]])
    result = invoke(
        "items", "import", str(sheet), "--unit", "税务局", "--data", str(data), "--on", "2020-06-01"
    )
    assert result.exit_code == 0, result.stderr
    assert "注意：data/items.yaml" not in result.stdout  # the warning is about tasks.yaml
    assert "注意：data/tasks.yaml:" in result.stdout
    assert "[catalogue-rule-missing]" in result.stdout
    undone = invoke("undo", "--data", str(data))
    assert undone.exit_code == 0, undone.stderr
    assert not (data / "items.yaml").exists()


def test_changed_values_read_as_words(invoke, data, tmp_path) -> None:
    first = _csv(
        tmp_path / "a.csv", [["事项名称", "是否收费", "事项类型"], ["纳税人登记", "否", "行政确认"]]
    )
    args = ("--unit", "税务局", "--data", str(data), "--on", "2020-06-01")
    assert invoke("items", "import", str(first), *args).exit_code == 0
    second = _csv(
        tmp_path / "b.csv", [["事项名称", "是否收费", "事项类型"], ["纳税人登记", "是", "行政许可"]]
    )
    result = invoke("items", "import", str(second), *args, "--dry-run")
    assert "修改：纳税人登记 的 是否收费：否 → 是" in result.stdout
    assert "修改：纳税人登记 的 事项类型：行政确认 → 行政许可" in result.stdout
    english = invoke("items", "import", str(second), *args, "--dry-run", "--lang", "en")
    assert "Changed: 纳税人登记, charged: no → yes" in english.stdout
    assert "1 changed" in english.stdout


def test_import_takes_as_of_and_records_nothing_after_it(invoke, data, tmp_path) -> None:
    sheet = _csv(tmp_path / "a.csv", [["事项名称"], ["纳税人登记"]])
    args = ("items", "import", str(sheet), "--unit", "和硕县税务局", "--data", str(data))
    late = invoke(*args, "--as-of", "2020-06-01", "--on", "2020-06-02")
    assert late.exit_code == 2
    assert "--on 的日期 2020-06-02 晚于统计日 2020-06-01" in late.stderr
    assert not (data / "items.yaml").exists()
    done = invoke(*args, "--as-of", "2020-06-01")
    assert done.exit_code == 0, done.stderr
    assert _items(data)[0]["since"] == dt.date(2020, 6, 1)


@pytest.mark.parametrize(
    "cell",
    [
        "６５２８２７００００００００１２３",  # full-width figures, as a Chinese input method types
        "'65282700000000123",  # Excel's mark for text, kept by a .csv
        "6528 2700 0000 0012 3",  # figures grouped by blanks to be read aloud
        "6528\u00a02700\u30000000 00123",  # ... by a no-break or an ideographic space
        "＇６５２８２７００００００００１２３",
    ],
)
def test_a_code_typed_the_ways_clerks_type_it_is_stored_as_the_code(
    invoke, data, tmp_path, cell
) -> None:
    sheet = _csv(tmp_path / "清单.csv", [["事项名称", "事项编码"], ["纳税人登记", cell]])
    result = invoke("items", "import", str(sheet), "--unit", "税务局", "--data", str(data))
    assert result.exit_code == 0, result.stdout + result.stderr
    assert [i.get("code") for i in _items(data)] == ["65282700000000123"]
    again = _csv(
        tmp_path / "再次.csv", [["事项名称", "事项编码"], ["纳税人登记", "65282700000000123"]]
    )
    assert (
        invoke("items", "import", str(again), "--unit", "税务局", "--data", str(data)).exit_code
        == 0
    )
    assert len(_items(data)) == 1  # the same item: matched by its code, not added again


def test_rows_are_matched_to_known_items_by_code_then_by_name(invoke, data, tmp_path) -> None:
    first = _csv(
        tmp_path / "一.csv",
        [
            ["事项名称", "事项编码"],
            ["纳税人登记", "T-001"],
            ["发票代开", ""],
            ["车购税缴纳", "T-003"],
        ],
    )
    assert (
        invoke("items", "import", str(first), "--unit", "税务局", "--data", str(data)).exit_code
        == 0
    )
    second = _csv(
        tmp_path / "二.csv",
        [
            ["事项名称", "事项编码"],
            ["纳税人登记（新名称）", "T-001"],  # its code: that item, not a new one
            ["发票代开", "T-002"],  # its name, and it had no code: that item, given the code
            ["契税缴纳", "T-004"],  # neither: a new item
        ],
    )
    result = invoke("items", "import", str(second), "--unit", "税务局", "--data", str(data))
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "新增 1 项，修改 1 项，未变 1 项" in result.stdout
    assert [i.get("code") for i in _items(data)] == ["T-001", "T-002", "T-003", "T-004"]
