"""The spreadsheet reader against hostile workbooks: limits enforced while streaming, every
damaged part one message. Workbooks are written part by part with zipfile, so that each is
exactly as hostile as the test says; well-formed ones are checked against openpyxl."""

from __future__ import annotations

import datetime as dt
import os
import threading
import zipfile
from pathlib import Path

import openpyxl
import pytest

from hsreform.common.errors import HsreformError
from hsreform.reading import sheets

CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"/>'
)
WORKBOOK = (
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
    '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="清单" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
    '2006/relationships"><Relationship Id="rId1" Type="worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)
MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _sheet(rows: str, dimension: str = "A1") -> str:
    return (
        f'<?xml version="1.0"?><worksheet {MAIN}><dimension ref="{dimension}"/>'
        f"<sheetData>{rows}</sheetData></worksheet>"
    )


def _strings(*texts: str) -> str:
    items = "".join(f"<si><t>{t}</t></si>" for t in texts)
    return f'<?xml version="1.0"?><sst {MAIN}>{items}</sst>'


def _book(path: Path, **parts: str | bytes) -> Path:
    """An .xlsx of the given parts (keyword: part name with / as __), the rest minimal."""
    files: dict[str, str | bytes] = {
        "[Content_Types].xml": CONTENT_TYPES,
        "xl/workbook.xml": WORKBOOK,
        "xl/_rels/workbook.xml.rels": RELS,
        "xl/worksheets/sheet1.xml": _sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
        "xl/sharedStrings.xml": _strings("事项名称"),
    }
    files.update({k.replace("__", "/").replace("_xml", ".xml"): v for k, v in parts.items()})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def _refused(path: Path, key: str) -> HsreformError:
    with pytest.raises(HsreformError) as caught:
        sheets.read_sheet(path, path.name)
    assert caught.value.key == key, caught.value.key
    return caught.value


def test_a_minimal_hand_written_workbook_reads(tmp_path: Path) -> None:
    sheet = sheets.read_sheet(_book(tmp_path / "a.xlsx"), "a.xlsx")
    assert sheet.rows == ((1, ("事项名称",)),)
    assert sheet.name == "清单"


def test_rows_are_counted_as_they_come_not_taken_from_the_dimension(tmp_path: Path) -> None:
    many = "".join(f'<row r="{n}"><c r="A{n}"><v>1</v></c></row>' for n in range(1, 30_001))
    book = _book(tmp_path / "rows.xlsx", xl__worksheets__sheet1_xml=_sheet(many, "A1:A2"))
    assert os.path.getsize(book) < 200_000  # small on disk, many rows inside
    _refused(book, "sheet.too_many_rows")
    # a dimension claiming a million rows over two real ones is no reason to refuse
    two = '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>'
    claims = _book(
        tmp_path / "claims.xlsx", xl__worksheets__sheet1_xml=_sheet(two, "A1:XFD1048576")
    )
    assert sheets.read_sheet(claims, "claims.xlsx").rows == ((1, (1,)), (2, (2,)))


def test_one_row_of_a_million_cells_is_refused_while_reading(tmp_path: Path) -> None:
    wide = '<row r="1">' + "<c><v>1</v></c>" * 600_000 + "</row>"
    _refused(
        _book(tmp_path / "wide.xlsx", xl__worksheets__sheet1_xml=_sheet(wide)),
        "sheet.too_many_cells",
    )


def test_cells_past_the_column_limit_are_cut_and_said(tmp_path: Path) -> None:
    row = '<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>'
    sheet = sheets.read_sheet(
        _book(tmp_path / "x.xlsx", xl__worksheets__sheet1_xml=_sheet(row)), "x.xlsx"
    )
    assert sheet.rows == ((1, (1,)),)
    assert sheet.columns_cut


def test_too_many_shared_strings_are_refused(tmp_path: Path) -> None:
    many = "<si><t>a</t></si>" * (sheets.MAX_SHARED_STRINGS + 1)
    book = _book(tmp_path / "s.xlsx", xl__sharedStrings_xml=f"<sst {MAIN}>{many}</sst>")
    _refused(book, "sheet.too_many_strings")


@pytest.mark.parametrize(
    "part",
    ["xl__sharedStrings_xml", "xl__workbook_xml", "xl__worksheets__sheet1_xml", "xl__styles_xml"],
)
def test_a_dtd_or_entity_declaration_in_any_part_is_refused(tmp_path: Path, part: str) -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        f"<sst {MAIN}><si><t>&b;</t></si></sst>"
    )
    error = _refused(_book(tmp_path / "d.xlsx", **{part: bomb}), "sheet.xml_dtd")
    assert error.params["part"] == part.replace("__", "/").replace("_xml", ".xml")


def test_truncated_sheet_xml_is_one_message_with_its_line(tmp_path: Path) -> None:
    cut = _sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>')[:-30]
    error = _refused(_book(tmp_path / "t.xlsx", xl__worksheets__sheet1_xml=cut), "sheet.xml_syntax")
    assert error.params["part"] == "xl/worksheets/sheet1.xml"


def test_a_shared_string_index_out_of_range_names_the_row(tmp_path: Path) -> None:
    row = '<row r="7"><c r="A7" t="s"><v>5</v></c></row>'
    error = _refused(
        _book(tmp_path / "i.xlsx", xl__worksheets__sheet1_xml=_sheet(row)), "sheet.bad_string_index"
    )
    assert error.params["row"] == 7


def test_a_broken_styles_part_leaves_numbers_as_numbers(tmp_path: Path) -> None:
    row = '<row r="1"><c r="A1" s="1"><v>43983</v></c></row>'
    book = _book(
        tmp_path / "st.xlsx",
        xl__worksheets__sheet1_xml=_sheet(row),
        xl__styles_xml=f"<styleSheet {MAIN}><cellXfs><xf numFmtId=",
    )
    assert sheets.read_sheet(book, "st.xlsx").rows == ((1, (43983,)),)


def test_a_date_format_makes_a_number_a_date(tmp_path: Path) -> None:
    styles = (
        f'<styleSheet {MAIN}><numFmts><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m'
        '&quot;月&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/>'
        '<xf numFmtId="176"/><xf numFmtId="2"/></cellXfs></styleSheet>'
    )
    row = (
        '<row r="1"><c r="A1" s="1"><v>43983</v></c><c r="B1" s="2"><v>43983.5</v></c>'
        '<c r="C1" s="3"><v>43983</v></c><c r="D1" t="str"><f>A1</f><v>缓存</v></c>'
        '<c r="E1" t="b"><v>1</v></c><c r="F1" t="inlineStr"><is><t>行内</t></is></c></row>'
    )
    book = _book(tmp_path / "d.xlsx", xl__worksheets__sheet1_xml=_sheet(row), xl__styles_xml=styles)
    assert sheets.read_sheet(book, "d.xlsx").rows == (
        (
            1,
            (
                dt.datetime(2020, 6, 1),
                dt.datetime(2020, 6, 1, 12),
                43983,
                "缓存",
                True,
                "行内",
            ),
        ),
    )


def test_a_workbook_written_by_openpyxl_reads_as_openpyxl_reads_it(tmp_path: Path) -> None:
    """openpyxl is the oracle: the values it reads back are the ones this reader gives."""
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "第一"
    rows = [
        ["事项名称", "编码", "时限", "收费", "日期", "公式"],
        ["纳税人登记", "652827000000001", 3, False, dt.date(2020, 6, 1), None],
        ["=1+1 (text)", None, 2.5, True, dt.datetime(2020, 6, 1, 8, 15), "长" * 500],
    ]
    for row in rows:
        first.append(row)
    first["A3"].data_type = "s"
    first["C9"] = "跳过的行"
    second = book.create_sheet("第二")
    second.append(["甲", 1])
    book.save(tmp_path / "o.xlsx")
    expected = openpyxl.load_workbook(tmp_path / "o.xlsx", read_only=True, data_only=True)
    read = sheets.read_sheets(tmp_path / "o.xlsx", "o.xlsx")
    assert list(read) == ["第一", "第二"] == sheets.sheet_names(tmp_path / "o.xlsx", "o.xlsx")
    for name, sheet in read.items():
        theirs = {
            number: tuple(values)
            for number, values in enumerate(expected[name].iter_rows(values_only=True), start=1)
            if any(v is not None for v in values)
        }
        ours = dict(sheet.rows)
        for number, values in theirs.items():
            trimmed = list(values)
            while trimmed and trimmed[-1] is None:
                trimmed.pop()
            assert ours[number] == tuple(trimmed), number
        assert set(ours) == set(theirs)
    expected.close()


def test_named_sheets_in_workbook_order_and_a_missing_name(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    assert book.active is not None
    book.active.title = "a"
    book.create_sheet("b")
    book.create_sheet("c")
    book.save(tmp_path / "n.xlsx")
    assert list(sheets.read_sheets(tmp_path / "n.xlsx", "n", ["c", "a"])) == ["a", "c"]
    with pytest.raises(HsreformError) as caught:
        sheets.read_sheets(tmp_path / "n.xlsx", "n", ["z"])
    assert caught.value.key == "sheet.missing"


def test_a_csv_is_one_sheet_named_after_its_file(tmp_path: Path) -> None:
    (tmp_path / "清单.csv").write_text("事项名称\r\n纳税人登记\r\n", encoding="utf-8")
    found = sheets.read_sheets(tmp_path / "清单.csv", "清单.csv")
    assert list(found) == ["清单"] == sheets.sheet_names(tmp_path / "清单.csv", "清单.csv")
    assert found["清单"].rows == ((1, ("事项名称",)), (2, ("纳税人登记",)))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path, suffix: str) -> None:
    fifo = tmp_path / f"f{suffix}"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []
    reader = threading.Thread(target=lambda: _catch(fifo, outcome), daemon=True)
    reader.start()
    reader.join(30)
    if reader.is_alive():  # free the thread before failing: open the FIFO for writing
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("reading a FIFO blocked")
    assert isinstance(outcome[0], HsreformError)
    assert outcome[0].key == "sheet.not_a_file"


def _catch(path: Path, outcome: list[BaseException]) -> None:
    try:
        sheets.read_sheet(path, path.name)
    except BaseException as exc:  # handed to the test thread
        outcome.append(exc)


def test_a_zip_that_claims_small_sizes_but_unpacks_large_is_stopped(tmp_path: Path) -> None:
    big = _sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>' + "a" * 1000 + "</t></is></c></row>")
    book = _book(tmp_path / "b.xlsx", xl__worksheets__sheet1_xml=big)
    # Rewrite the central directory's sizes to claim the sheet is tiny: reading must still
    # stop at the real size, or (as zipfile does) refuse the member that lies.
    raw = bytearray(book.read_bytes())
    with zipfile.ZipFile(book) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    central = raw.rfind(b"PK\x01\x02", 0, raw.rfind(b"xl/worksheets/sheet1.xml") + 1)
    raw[central + 24 : central + 28] = (10).to_bytes(4, "little")
    book.write_bytes(bytes(raw))
    assert info.file_size > 10
    with pytest.raises(HsreformError) as caught:
        sheets.read_sheet(book, "b.xlsx")
    assert caught.value.key in ("sheet.xml_syntax", "sheet.not_xlsx")


def test_a_lone_cr_in_one_cell_fails_only_its_row(invoke, tmp_path: Path) -> None:
    import shutil

    from tests.conftest import CLEAN

    data = tmp_path / "data"
    shutil.copytree(CLEAN, data)
    sheet = tmp_path / "清单.csv"
    sheet.write_bytes(
        '事项名称,事项编码\r\n纳税人登记,T-001\r\n"发票\r代开",T-002\r\n契税申报,T-003\r\n'.encode()
    )
    args = ("items", "import", str(sheet), "--unit", "税务局", "--data", str(data))
    refused = invoke(*args)
    assert refused.exit_code == 2
    assert "items.yaml" not in refused.stderr  # the row of the sheet is named, not the target
    assert "清单.csv:3:" in refused.stdout
    assert not (data / "items.yaml").exists()
    done = invoke(*args, "--skip-bad")
    assert done.exit_code == 0, done.stderr
    written = (data / "items.yaml").read_text(encoding="utf-8")
    assert "纳税人登记" in written
    assert "契税申报" in written
    assert "代开" not in written


@pytest.mark.parametrize(
    "parts",
    [
        {"xl__worksheets__sheet1_xml": "<worksheet"},
        {"xl__sharedStrings_xml": '<!DOCTYPE x [<!ENTITY a "b">]><sst/>'},
        {"xl__workbook_xml": '<!DOCTYPE x [<!ENTITY a "b">]><workbook/>'},
        {"xl__worksheets__sheet1_xml": _sheet('<row r="1"><c r="A1" t="s"><v>9</v></c></row>')},
    ],
)
def test_items_import_of_a_damaged_workbook_is_one_message(invoke, tmp_path: Path, parts) -> None:
    import shutil

    from tests.conftest import CLEAN

    data = tmp_path / "data"
    shutil.copytree(CLEAN, data)
    book = _book(tmp_path / "坏.xlsx", **parts)
    result = invoke("items", "import", str(book), "--unit", "税务局", "--data", str(data))
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    assert "坏.xlsx" in result.stderr + result.stdout


def _row(cells: str, number: int = 1) -> str:
    return _sheet(f'<row r="{number}">{cells}</row>')


@pytest.mark.parametrize(
    ("parts", "key"),
    [
        ({"xl__worksheets__sheet1_xml": _row('<c r="1A"><v>1</v></c>')}, "sheet.bad_reference"),
        ({"xl__worksheets__sheet1_xml": _sheet('<row r="x"><c><v>1</v></c></row>')},
         "sheet.bad_reference"),
        ({"xl__worksheets__sheet1_xml": _sheet('<row r="2000000"><c><v>1</v></c></row>')},
         "sheet.bad_reference"),
        ({"xl__worksheets__sheet1_xml": _row('<c r="A1"><v>1x</v></c>')}, "sheet.bad_number"),
        ({"xl__worksheets__sheet1_xml": _row('<c r="A1" t="s"><v>x</v></c>')},
         "sheet.bad_string_index"),
        ({"xl__worksheets__sheet1_xml": _row('<c r="A1"><v>' + "1" * 40_000 + "</v></c>")},
         "sheet.cell_too_long"),
        ({"xl__worksheets__sheet1_xml": _row(
            '<c r="A1" t="inlineStr"><is><t>' + "长" * 20_000 + "</t><t>" + "长" * 20_000
            + "</t></is></c>")}, "sheet.cell_too_long"),
        ({"xl__workbook_xml": f"<workbook {MAIN}><sheets>"
          + '<sheet name="s"/>' * 300 + "</sheets></workbook>"}, "sheet.too_many_sheets"),
        ({"xl__workbook_xml": f"<workbook {MAIN}><sheets><sheet name='s'/></sheets></workbook>"},
         "sheet.part_missing"),
        ({"xl__workbook_xml": f"<workbook {MAIN}><sheets></sheets></workbook>"}, "sheet.no_sheet"),
        ({"xl__sharedStrings_xml": f"<sst {MAIN}>" + ("<si><t>" + "a" * 30_000 + "</t></si>") * 700
          + "</sst>"}, "sheet.strings_too_large"),
        ({"xl__styles_xml": f"<styleSheet {MAIN}><cellXfs>" + "<xf/>" * 500_001
          + "</cellXfs></styleSheet>"}, None),
    ],
)  # fmt: skip
def test_each_damage_is_its_own_message(tmp_path: Path, parts: dict[str, str], key) -> None:
    book = _book(tmp_path / "k.xlsx", **parts)
    if key is None:  # styles past the limits: only dates are lost, numbers stay numbers
        assert sheets.read_sheet(book, "k.xlsx").rows == ((1, ("事项名称",)),)
    else:
        _refused(book, key)


def test_the_kinds_of_cells(tmp_path: Path) -> None:
    styles = (
        f'<styleSheet {MAIN}><numFmts><numFmt numFmtId="170" formatCode="h:mm"/>'
        '<numFmt numFmtId="171" formatCode="bad"/><numFmt numFmtId="x" formatCode="y"/>'
        '</numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="170"/><xf numFmtId="14"/>'
        '<xf numFmtId="q"/></cellXfs></styleSheet>'
    )
    row = (
        '<c r="A1" t="e"><v>#N/A</v></c><c r="B1" t="d"><v>2020-06-01T08:00:00</v></c>'
        '<c r="C1" t="d"><v>not a date</v></c><c r="D1" s="1"><v>0.5</v></c>'
        '<c r="E1" s="2"><v>1e12</v></c><c r="F1" s="2"><v>59</v></c><c r="G1" t="b"><v>0</v></c>'
        '<c r="H1" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c>'
        '<c r="I1" t="s"><v>1</v></c><c r="J1"/><c r="K1" t="inlineStr"><is/></c>'
    )
    strings = (
        f"<sst {MAIN}><si><t>a</t></si><si><r><t>纳税</t></r><r><t>登记</t></r>"
        "<rPh><t>ナ</t></rPh></si></sst>"
    )
    book = _book(
        tmp_path / "k.xlsx",
        xl__worksheets__sheet1_xml=_row(row),
        xl__styles_xml=styles,
        xl__sharedStrings_xml=strings,
    )
    assert sheets.read_sheet(book, "k.xlsx").rows == (
        (
            1,
            (
                "#N/A",
                dt.datetime(2020, 6, 1, 8),
                "not a date",
                dt.time(12),
                1e12,
                dt.datetime(1900, 2, 28),
                False,
                "富文本",
                "纳税登记",
            ),
        ),
    )


def test_the_1904_calendar(tmp_path: Path) -> None:
    workbook = WORKBOOK.replace("<sheets>", '<workbookPr date1904="1"/><sheets>')
    styles = (
        f'<styleSheet {MAIN}><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>'
    )
    book = _book(
        tmp_path / "k.xlsx",
        xl__workbook_xml=workbook,
        xl__styles_xml=styles,
        xl__worksheets__sheet1_xml=_row('<c r="A1" s="1"><v>0</v></c>'),
    )
    assert sheets.read_sheet(book, "k.xlsx").rows == ((1, (dt.datetime(1904, 1, 1),)),)


def test_files_that_are_no_workbook(tmp_path: Path) -> None:
    (tmp_path / "a.xlsx").write_bytes(b"PK\x03\x04 not really")
    _refused(tmp_path / "a.xlsx", "sheet.not_xlsx")
    (tmp_path / "d.xlsx").mkdir()
    _refused(tmp_path / "d.xlsx", "sheet.not_a_file")
    with pytest.raises(HsreformError) as caught:
        sheets.read_sheets(tmp_path / "none.csv", "none.csv")
    assert caught.value.key == "usage.path_missing"
    with zipfile.ZipFile(tmp_path / "many.xlsx", "w") as archive:
        for n in range(sheets.MAX_PARTS + 1):
            archive.writestr(f"p{n}", "")
    _refused(tmp_path / "many.xlsx", "sheet.not_xlsx")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("a\n" * (sheets.MAX_ROWS + 1), "sheet.too_many_rows"),
        ("," * sheets.MAX_COLUMNS + "\n", "sheet.too_many_columns"),
        (("," * 150 + "\n") * 4000, "sheet.too_many_cells"),
    ],
)
def test_csv_limits(tmp_path: Path, text: str, key: str) -> None:
    (tmp_path / "c.csv").write_text(text, encoding="utf-8")
    _refused(tmp_path / "c.csv", key)


def test_csv_encodings(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(b"\xef\xbb\xbf\xff\n")
    _refused(path, "sheet.encoding")
    path.write_bytes("事项".encode("gbk") + b"\x81\n")
    _refused(path, "sheet.encoding")
    path.write_bytes("事项名称\n".encode("gbk"))
    assert sheets.read_sheet(path, "c.csv").encoding == "GBK"
    with pytest.raises(HsreformError) as caught:
        sheets.read_sheets(tmp_path / "c.csv", "c.csv", ["另一张"])
    assert caught.value.key == "sheet.missing"


def test_a_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("wb") as stream:
        stream.truncate(sheets.MAX_SHEET_BYTES + 1)
    _refused(path, "sheet.too_large")


def test_an_import_that_would_make_items_yaml_too_large_to_edit_is_refused(
    invoke, tmp_path: Path
) -> None:
    import shutil

    from hsreform.edit.session import MAX_EDIT_BYTES
    from tests.conftest import CLEAN

    data = tmp_path / "data"
    shutil.copytree(CLEAN, data)
    rows = ["事项名称,事项编码,设定依据"]
    rows += [f"事项{n},C-{n:05d},{'依据' * 40}" for n in range(MAX_EDIT_BYTES // 120)]
    sheet = tmp_path / "大.csv"
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = invoke("items", "import", str(sheet), "--unit", "税务局", "--data", str(data))
    assert result.exit_code == 2, result.stderr
    assert str(MAX_EDIT_BYTES) in result.stderr
    assert not (data / "items.yaml").exists()
