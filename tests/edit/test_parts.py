"""An edit reads in round trip only the file it changes, and of it only the items it names.

The oracle is the edit done on the whole file (`session.PARTS = False`, the way every edit
was done before): the same files, byte for byte, the same output, the same refusals. And
the fast re-validation in memory refuses what `validate` finds, run on the files the edit
would write.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from hsreform.dataset.loader import bundled_data_dir, load
from hsreform.edit import catalogue, progress, roster, roundtrip, session
from hsreform.edit.roundtrip import Elided, WholeFileNeeded
from hsreform.reading.fastyaml import LazySourceMap
from hsreform.reading.sheets import read_sheet
from tests import test_forms
from tests.conftest import REPO
from tests.edit.conftest import EXAMPLE, copy_of

sys.path.insert(0, str(REPO / "bench"))
import generate  # bench/generate.py, the data sets the benchmarks run on

DATA_FILES = ("windows.yaml", "tasks.yaml", "staff.yaml", "items.yaml")
SHEETS = {
    "SHEET": "事项名称,事项类型,法定办结时限,承诺办结时限,办理窗口,进驻状态,理由\r\n"
    "增值税专用发票最高开票限额审批,行政许可,20,8,税务窗口,,\r\n"
    "测试事项甲,公共服务,,1,税务窗口,豁免,对场地有特殊要求\r\n",
    "LISTED": "事项名称,事项类型,承诺办结时限,办理窗口,进驻状态\r\n测试事项乙,公共服务,1,tax,否\r\n",
    "NEW_ITEM": "事项名称,事项类型,承诺办结时限,办理窗口,进驻状态\r\n测试事项甲,公共服务,1,tax,是\r\n",
    "WATER": "事项名称,事项类型,承诺办结时限,办理窗口,进驻状态,理由\r\n"
    "供水报装,公共服务,1,water-supply,豁免,对场地有特殊要求\r\n",
}
"""Spreadsheets to import, by the word standing for them in a command: one that changes a
known item of the example's tax bureau and adds an exempt one; one that adds an item that
must enter the hall but is only listed; one that adds an item in the hall, at a window no
signed letter of the tax bureau entrusts with it; one for a unit without a catalogue yet."""


def _plain_comments(target: Path) -> Path:
    """The comment-dense data set with its two quoted values unquoted: a plain file, which
    the fast read takes, so that its items can be left unread."""
    folder = copy_of("comments", target)
    tasks = folder / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    text = text.replace('"硕政办发〔2020〕15号"', "硕政办发〔2020〕15号")
    tasks.write_text(text.replace("'还差 1 人'", "还差 1 人"), encoding="utf-8")
    return folder


def _bom_crlf(target: Path) -> Path:
    """The example, every file with a byte order mark and CRLF line ends."""
    folder = copy_of("example", target)
    for name in DATA_FILES:
        path = folder / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    return folder


def _county(target: Path) -> Path:
    """A county made by bench/generate.py, of 20 units (tasks 1 and 2 with everyone's progress)."""
    return generate.write(target, "county", units=20)


def _county_gaps(target: Path) -> Path:
    """The generated county, tasks 1 and 2 without the entry of u00003, and in task 2 a
    comment and a blank line below the entry of u00002 (an entry put after it moves them)."""
    folder = _county(target)
    tasks = folder / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    entry = (
        "      - unit: u00003\n        status: done\n        done_on: 2020-06-04\n"
        "        met: {first: 2020-06-04, second: 2020-06-04, third: 2020-06-04}\n"
    )
    assert text.index(entry) < text.index("  - number: 2\n") < text.rindex(entry)
    text = text.replace(entry, "", 2)
    second = text.index("      - unit: u00004", text.index("  - number: 2\n"))
    tasks.write_text(text[:second] + "      # 下一个单位\n\n" + text[second:], encoding="utf-8")
    return folder


SETS: dict[str, Callable[[Path], Path]] = {
    "county": _county,
    "county-gaps": _county_gaps,
    "example": lambda target: copy_of("example", target),
    "bundled": lambda target: copy_of("bundled", target),
    "comments": lambda target: copy_of("comments", target),
    "comments-plain": _plain_comments,
    "example-bom-crlf": _bom_crlf,
}

EXAMPLE_DAY = ("--as-of", "2020-12-31")
COMMENTS_DAY = ("--as-of", "2020-07-01")
COUNTY_DAY = ("--as-of", "2020-06-20")
EDITS = [
    pytest.param(s, args, id=f"{s}:{' '.join(args[:3])}")
    for s, args in [
        *[
            (s, args + EXAMPLE_DAY)
            for s in ("example", "example-bom-crlf")
            for args in [
                ("task", "done", "6", "司法局", "--on", "2020-07-01"),
                ("task", "block", "7", "林草局", "--on", "2020-07-01", "--note", "清单未定"),
                ("task", "meet", "7", "交通局", "3", "--on", "2020-07-01"),
                ("task", "done", "7", "应急管理局", "林草局", "--on", "2020-07-01"),
                ("duty", "done", "3", "行政服务中心", "--on", "2020-07-01"),
                ("goal", "done", "1", "林草局", "--on", "2020-12-30"),  # refused: the catalogue
                ("task", "reopen", "6", "税务局", "--on", "2020-07-01"),
                ("task", "done", "8", "司法局", "--on", "2020-07-01", "--evidence", "目录"),
                ("task", "exempt", "8", "司法局", "--on", "2020-07-01", "--reason", "无"),
                ("goal", "start", "1", "司法局", "--on", "2020-07-01"),  # refused: the catalogue
                ("duty", "done", "2", "人社局", "--on", "2020-07-01"),  # refused: done already
                ("staff", "add", "李新", "--unit", "税务局", "--window", "tax", "--role", "staff",
                 "--since", "2020-07-01", "--trained-on", "2020-07-01"),
                ("staff", "add", "李新", "--unit", "税务局", "--window", "tax", "--role", "chief",
                 "--since", "2020-07-01"),  # refused: a second chief
                ("staff", "leave", "张敏", "--on", "2020-12-01", "--approved-on", "2020-11-30"),
                ("staff", "train", "艾力·艾合买提", "--on", "2020-07-01"),
                ("staff", "replace", "张敏", "--by", "王新", "--on", "2020-12-01",
                 "--approved-on", "2020-11-25", "--trained-on", "2020-12-01"),
                ("staff", "move", "张敏", "--window", "deed-tax", "--on", "2020-12-01",
                 "--approved-on", "2020-11-25"),
                ("staff", "set", "张敏", "--new-name", "张民"),
                ("staff", "set", "方娜", "--new-staff-no", "HS101"),
                ("items", "import", "SHEET", "--unit", "税务局", "--on", "2020-07-01"),
                ("items", "import", "SHEET", "--unit", "林草局", "--on", "2020-07-01"),
                ("items", "import", "LISTED", "--unit", "税务局", "--on", "2020-07-01"),
                ("items", "import", "NEW_ITEM", "--unit", "税务局", "--on", "2020-07-01"),
                ("items", "import", "WATER", "--unit", "自来水公司", "--on", "2020-07-01"),
            ]
        ],
        *[
            (s, args + COMMENTS_DAY)
            for s in ("comments", "comments-plain")
            for args in [
                ("task", "done", "1", "market-unit", "--on", "2020-06-06", "--evidence", "名单"),
                ("task", "done", "1", "公安局", "--on", "2020-06-05"),
                ("task", "start", "2", "centre", "--on", "2020-06-08"),
                ("goal", "done", "1", "公安局", "--on", "2020-06-20"),
                ("goal", "done", "1", "market-unit", "--on", "2020-06-20"),
                ("duty", "done", "1", "centre", "--on", "2020-06-20"),
                ("staff", "replace", "李娜", "--by", "孙丽", "--on", "2020-06-20",
                 "--approved-on", "2020-06-15", "--trained-on", "2020-06-18"),
                ("staff", "move", "刘洋", "--window", "市场监督管理窗口", "--on", "2020-06-20",
                 "--approved-on", "2020-06-18"),
                ("staff", "add", "周杰", "--unit", "公安局", "--window", "police", "--role",
                 "staff", "--since", "2020-06-20", "--staff-no", "P002"),
                ("staff", "leave", "张伟", "--on", "2020-06-30", "--approved-on", "2020-06-25"),
                ("items", "import", "SHEET", "--unit", "税务局", "--on", "2020-06-20"),
            ]
        ],
        *[
            (s, args + COUNTY_DAY)
            for s in ("county", "county-gaps")
            for args in [
                ("task", "done", "1", "u00006", "--on", "2020-06-10"),
                ("task", "done", "1", "u00006", "u00008", "--on", "2020-06-10"),
                ("task", "block", "2", "u00005", "--on", "2020-06-10", "--note", "等待"),
                ("task", "meet", "1", "u00007", "1", "--on", "2020-06-10"),
                ("task", "start", "1", "u00003", "--on", "2020-06-10"),
                ("task", "start", "2", "u00003", "--on", "2020-06-10"),
                ("task", "reopen", "2", "u00002", "--on", "2020-06-10"),
                ("task", "reopen", "1", "单位00011", "--on", "2020-06-10"),
                ("task", "done", "1", "county-departments", "--all", "--on", "2020-06-10"),
                ("goal", "start", "1", "u00004", "--on", "2020-06-16"),
                ("duty", "start", "1", "centre", "--on", "2020-06-16"),
            ]
        ],
        ("bundled", ("task", "done", "1", "税务局", "公安局", "--on", "2020-06-04",
                     "--as-of", "2020-06-08")),
        ("bundled", ("staff", "add", "王芳", "--unit", "税务局", "--window", "税务窗口",
                     "--role", "首席代表", "--since", "2020-06-03", "--as-of", "2020-06-08")),
        ("bundled", ("items", "import", "SHEET", "--unit", "税务局", "--on", "2020-06-04",
                     "--as-of", "2020-06-08")),
    ]
]  # fmt: skip


def _files(folder: Path) -> dict[str, bytes]:
    return {n: (folder / n).read_bytes() for n in DATA_FILES if (folder / n).exists()}


def _sheets(folder: Path) -> dict[str, Path]:
    """The spreadsheets of SHEETS, written into `folder`."""
    out = {}
    for word, text in SHEETS.items():
        out[word] = folder / f"{word}.csv"
        out[word].write_text(text, encoding="utf-8")
    return out


def _run(invoke, folder: Path, args: tuple[str, ...], sheets: dict[str, Path]) -> tuple[Any, ...]:
    args = tuple(str(sheets[a]) if a in sheets else a for a in args)
    result = invoke(*args, "--data", str(folder))
    shown = (result.stdout + result.stderr).replace(str(folder), "DATA")
    shown = shown.replace(f"{folder.name}/", "DATA/")  # shown relative to the working folder
    return result.exit_code, shown, _files(folder)


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool, bool]]:
    """Each round-trip parse of an edit: (file name, items named, items left unread)."""
    calls: list[tuple[str, bool, bool]] = []
    real = roundtrip.parse

    def parse(path: Path, original: bytes, display: str, keep: Any = None) -> Any:
        editable = real(path, original, display, keep)
        calls.append((path.name, keep is not None, editable.parts is not None))
        return editable

    monkeypatch.setattr(roundtrip, "parse", parse)
    return calls


@pytest.mark.parametrize(("name", "args"), EDITS)
def test_an_edit_of_the_items_it_names_is_the_edit_of_the_whole_file(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parses, name: str, args
) -> None:
    sheets = _sheets(tmp_path)
    parts = _run(invoke, SETS[name](tmp_path / "parts"), args, sheets)
    read = list(parses)
    monkeypatch.setattr(session, "PARTS", False)
    whole = _run(invoke, SETS[name](tmp_path / "whole"), args, sheets)
    assert parts == whole
    assert all(not elided for _, _, elided in parses[len(read) :])
    assert len({file for file, _, _ in read}) <= 1  # one file read in round trip at most
    if parts[0] == 0 and name.startswith(("example", "county")):
        # their files are plain: items were left unread, and none was needed (but the entry
        # put after one with lines below it that move, in task 2 of county-gaps)
        fell_back = name == "county-gaps" and args[:4] == ("task", "start", "2", "u00003")
        assert [elided for _, _, elided in read] == ([True, False] if fell_back else [True])


@pytest.mark.parametrize(
    "args",
    [
        ("task", "done", "6", "司法局", "--on", "2020-07-01"),
        ("staff", "add", "李新", "--unit", "税务局", "--window", "tax", "--role", "staff",
         "--since", "2020-07-01", "--trained-on", "2020-07-01"),
        ("items", "import", "SHEET", "--unit", "税务局", "--on", "2020-07-01"),
        ("undo",),
    ],
    ids=["task-done", "staff-add", "items-import", "undo"],
)  # fmt: skip
def test_only_the_file_that_changes_is_read_in_round_trip_and_written(
    invoke, tmp_path: Path, parses, args: tuple[str, ...]
) -> None:
    folder = copy_of("example", tmp_path / "example")
    sheets = _sheets(tmp_path)
    if args == ("undo",):
        done = ("task", "done", "6", "司法局", "--on", "2020-07-01", *EXAMPLE_DAY)
        assert invoke(*done, "--data", str(folder)).exit_code == 0
        parses.clear()
    changed = {"task": "tasks.yaml", "staff": "staff.yaml", "items": "items.yaml"}
    target = changed.get(args[0], "tasks.yaml")
    before = {n: ((folder / n).stat(), (folder / n).read_bytes()) for n in DATA_FILES}
    day = () if args == ("undo",) else EXAMPLE_DAY
    _, _, after = _run(invoke, folder, (*args, *day), sheets)
    assert [name for name in DATA_FILES if after[name] != before[name][1]] == [target]
    for name in DATA_FILES:
        stat = (folder / name).stat()
        same = (stat.st_ino, stat.st_mtime_ns) == (
            before[name][0].st_ino,
            before[name][0].st_mtime_ns,
        )
        assert same == (name != target), name
    assert [(file, elided) for file, _, elided in parses] == (
        [] if args == ("undo",) else [(target, True)]
    )


def test_the_example_is_read_fast_and_each_of_its_lists_left_unread_gives_back_its_bytes(
    tmp_path: Path,
) -> None:
    for folder in (EXAMPLE, _bom_crlf(tmp_path / "bom"), _plain_comments(tmp_path / "plain")):
        dataset = load(folder).dataset
        assert dataset is not None
        for name, source in dataset.sources.items():
            assert isinstance(source, LazySourceMap)  # what makes its items safe to leave
            original = (folder / name).read_bytes()
            for keep in ({}, {"tasks": {0}, "staff": {0}, "catalogues": {1}}, {"goals": {0}}):
                editable = roundtrip.parse(folder / name, original, name, keep)
                assert editable.dumps() == original
                lists = sum(len(s) for s in editable.data.values() if isinstance(s, list))
                if lists > 1:  # a file with lists to leave out (windows.yaml too)
                    assert editable.parts is not None, name


def test_an_item_left_unread_refuses_every_use() -> None:
    original = (EXAMPLE / "tasks.yaml").read_bytes()
    editable = roundtrip.parse(EXAMPLE / "tasks.yaml", original, "tasks.yaml", {"tasks": {5}})
    item = editable.data["tasks"][0]
    assert isinstance(item, Elided)
    assert editable.data["tasks"][5]["number"] == 6
    uses: list[Callable[[], object]] = [
        lambda: item.get("number"),
        lambda: item["number"],
        lambda: "number" in item,
        lambda: len(item),
        lambda: bool(item),
        lambda: list(item),
        lambda: item == {},
        lambda: item.lc.col,
        lambda: item.ca.items,
        lambda: item.fa,
        lambda: item.keys,
        lambda: item.setdefault("progress", []),
    ]
    for use in uses:
        with pytest.raises(WholeFileNeeded):
            use()


def test_an_edit_that_reaches_past_the_items_it_named_is_done_on_the_whole_file(
    tmp_path: Path, parses
) -> None:
    """It names task 1 and changes task 2: done again on the whole file, same result."""

    def apply(ws: session.Workspace) -> list[Any]:
        tasks = ws.file("tasks.yaml", keep={"tasks": {0}}).data["tasks"]
        tasks[1]["title"] = tasks[0]["title"] + "（改）"
        return []

    folder = copy_of("example", tmp_path / "example")
    outcome = session.run(folder, dt.date(2020, 12, 31), session.Edit(apply), dry_run=True)
    assert [(keep, elided) for _, keep, elided in parses] == [(True, True), (False, False)]
    ((before, after),) = outcome.files.values()
    title = "\n    title: 授权办理政务服务事项\n"
    assert before.decode().count(title) == 1
    changed = "\n    title: 事项梳理，确定进大厅办理的事项（改）\n"
    assert after.decode() == before.decode().replace(title, changed)


def _errors(invoke, folder: Path, as_of: str, refuse: frozenset[str]) -> Counter[tuple[str, str]]:
    """What refuses an edit, found by the commands that read the files on disk: `validate`'s
    errors, and the findings of `check-staffing` the edit must not bring (its `refuse`);
    each as (code, message), the message without the position."""
    found = []
    for command in ("validate", "check-staffing"):
        document = invoke(
            command, "--data", str(folder), "--as-of", as_of, "--format", "json"
        ).json()
        found += [
            (f["code"], f["message"])
            for f in document["findings"]
            if (f["severity"] == "error" if command == "validate" else f["code"] in refuse)
        ]
    return Counter(found)


def _would_write(folder: Path, as_of: dt.date, edit: session.Edit) -> dict[str, bytes]:
    """The files `edit` would write, done on whole files (nothing checked, nothing written)."""
    snapshot = {n: (folder / n).read_bytes() for n in DATA_FILES if (folder / n).exists()}
    dataset = load(folder).dataset
    assert dataset is not None
    workspace = session.Workspace(folder, dataset, as_of, snapshot, whole=True)
    edit.apply(workspace)
    return {e.path.name: e.dumps() for e in workspace.opened.values()}


def _with_catalogue_of_the_tax_bureau(target: Path) -> Path:
    folder = copy_of("bundled", target)
    items = folder / "items.yaml"
    text = items.read_text(encoding="utf-8").replace(
        "catalogues: []\n",
        "catalogues:\n  - unit: tax-bureau\n    items:\n      - name: 发票领用\n"
        "        kind: public_service\n        window: tax\n        status: listed\n"
        "        since: 2020-06-01\n",
    )
    items.write_text(text, encoding="utf-8")
    return folder


def _import(unit: str, on: dt.date) -> Callable[[Path], session.Edit]:
    def edit(sheet: Path) -> session.Edit:
        request = catalogue.Request(unit, read_sheet(sheet, sheet.name), {}, on, bundled_data_dir())
        return catalogue.importing(request, [])

    return edit


REFUSED = [
    pytest.param(
        _with_catalogue_of_the_tax_bureau,
        ("task", "done", "1", "医保局", "--on", "2020-06-04"),
        lambda _: progress.edit(
            progress.Request("task", "1", ["医保局"], "done", dt.date(2020, 6, 4))
        ),
        "2020-06-08",
        {"sorting-done-without-items"},
        id="task-1-done-without-items",
    ),
    pytest.param(
        lambda target: copy_of("example", target),
        ("staff", "add", "张敏", "--staff-no", "HS002", "--unit", "税务局", "--window",
         "deed-tax", "--role", "staff", "--since", "2020-07-01"),
        lambda _: roster.add(
            roster.Newcomer("张敏", "税务局", "deed-tax", "staff", dt.date(2020, 7, 1), "HS002"),
            dt.date(2020, 12, 31),
        ),
        "2020-12-31",
        {"double-posting", "move-not-approved"},
        id="staff-add-someone-in-post-elsewhere",
    ),
    pytest.param(
        lambda target: copy_of("example", target),
        ("items", "import", "NEW_ITEM", "--unit", "税务局", "--on", "2020-07-01"),
        _import("tax-bureau", dt.date(2020, 7, 1)),
        "2020-12-31",
        {"item-not-authorized"},
        id="items-import-of-an-item-not-entrusted",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("make", "args", "edit", "as_of", "codes"), REFUSED)
def test_the_check_in_memory_refuses_what_validate_finds_on_disk(
    invoke, tmp_path: Path, make, args, edit, as_of: str, codes: set[str]
) -> None:
    folder = make(tmp_path / "data")
    sheets = _sheets(tmp_path)
    sheet = sheets["NEW_ITEM"]
    before = _files(folder)
    args = tuple(str(sheets[a]) if a in sheets else a for a in args)
    result = invoke(*args, "--as-of", as_of, "--data", str(folder))
    # the oracle: the files the edit would write, put on disk, and `validate` run on them
    oracle = tmp_path / "oracle"
    shutil.copytree(folder, oracle)
    planned = edit(sheet)
    for name, data in _would_write(folder, dt.date.fromisoformat(as_of), planned).items():
        (oracle / name).write_bytes(data)
    refuse = planned.refuse
    brought = _errors(invoke, oracle, as_of, refuse) - _errors(invoke, folder, as_of, refuse)
    assert {code for code, _ in brought} == codes
    assert result.exit_code == 2
    refused = [line for line in result.stderr.split("\n") if "[" in line]
    assert len(refused) == sum(brought.values())
    for code, message in brought.elements():
        assert sum(f"[{code}] {message}" in line for line in refused) == 1
    assert _files(folder) == before
    assert not (folder / ".hsreform" / "journal").exists() or not any(
        (folder / ".hsreform" / "journal").iterdir()
    )


@pytest.fixture
def entries_left(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Each round-trip parse of an edit: how many entries of `progress` it left unread."""
    counts: list[int] = []
    real = roundtrip.parse

    def parse(path: Path, original: bytes, display: str, keep: Any = None) -> Any:
        editable = real(path, original, display, keep)
        counts.append(0 if editable.parts is None else len(editable.parts.units))
        return editable

    monkeypatch.setattr(roundtrip, "parse", parse)
    return counts


def test_an_item_read_for_some_units_leaves_the_other_entries_of_its_progress_unread(
    tmp_path: Path,
) -> None:
    folder = _county_gaps(tmp_path / "gaps")
    for path, keep, index, units in [
        (EXAMPLE / "tasks.yaml", "tasks", 5, {"justice-bureau"}),
        (EXAMPLE / "tasks.yaml", "goals", 0, {"tax-bureau", "finance-bureau"}),
        (folder / "tasks.yaml", "tasks", 1, {"u00005"}),
        (folder / "tasks.yaml", "tasks", 0, set()),
    ]:
        original = path.read_bytes()
        editable = roundtrip.parse(path, original, path.name, {keep: {index: units}})
        assert editable.dumps() == original
        entries = editable.data[keep][index]["progress"]
        read = [e["unit"] for e in entries if not isinstance(e, Elided)]
        assert sorted(read) == sorted(units)
        left = [e for e in entries if isinstance(e, Elided)]
        assert len(left) == len(entries) - len(units) > 0
        assert [editable.unit_of(e) for e in entries] == re_units(original, keep, index)
        with pytest.raises(WholeFileNeeded):
            left[0].get("status")
    # below the entry of u00002 in task 2 stand a comment and a blank line: an entry put
    # after it would move them, so it is no bare entry (`nodes.add_item` reaches into it)
    original = (folder / "tasks.yaml").read_bytes()
    editable = roundtrip.parse(folder / "tasks.yaml", original, "tasks.yaml", {"tasks": {1: {}}})
    kinds = {editable.unit_of(e): type(e) for e in editable.data["tasks"][1]["progress"]}
    assert kinds["u00002"] is Elided
    assert {kind for unit, kind in kinds.items() if unit != "u00002"} == {roundtrip.BareElided}


def re_units(original: bytes, key: str, index: int) -> list[str]:
    """The units of the entries of the progress of item `index` of `key`, read whole."""
    editable = roundtrip.parse(Path("tasks.yaml"), original, "tasks.yaml")
    return [e["unit"] for e in editable.data[key][index]["progress"]]


SEQUENCE = [
    ("goal", "start", "1", "u00004", "--on", "2020-06-16"),  # progress: a list of one
    ("goal", "start", "1", "u00009", "--on", "2020-06-16"),  # after an entry left unread
    ("goal", "start", "1", "u00001", "--on", "2020-06-16"),  # before one
    ("goal", "start", "1", "u00006", "--on", "2020-06-16", "--note", "开始"),  # between
    ("goal", "done", "1", "u00004", "--on", "2020-06-18"),
    ("goal", "exempt", "1", "u00009", "--on", "2020-06-18", "--reason", "对场地有特殊要求"),
    ("goal", "reopen", "1", "u00004", "--on", "2020-06-19"),
    ("goal", "block", "1", "u00001", "u00012", "--on", "2020-06-19", "--note", "等待"),
    ("task", "start", "1", "u00003", "--on", "2020-06-19"),  # after u00002, and in task 2:
    ("task", "start", "2", "u00003", "--on", "2020-06-19"),  # where lines move: the whole file
]  # fmt: skip


def test_edits_of_one_unit_after_another_are_the_edits_of_the_whole_file(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, entries_left: list[int]
) -> None:
    """Goal 1's progress grows entry by entry as `collect` makes it grow; each edit reads
    only its unit's entries, and gives the files the whole file's edit gives."""
    parts = _county_gaps(tmp_path / "parts")
    whole = _county_gaps(tmp_path / "whole")
    outcomes = []
    for args in SEQUENCE:
        outcomes.append(_run(invoke, parts, (*args, *COUNTY_DAY), {}))
        assert outcomes[-1][0] == 0, outcomes[-1][1]
    left = list(entries_left)
    monkeypatch.setattr(session, "PARTS", False)
    for args, outcome in zip(SEQUENCE, outcomes, strict=True):
        assert _run(invoke, whole, (*args, *COUNTY_DAY), {})[1:] == outcome[1:]
    assert left[0] == 0  # goal 1 had no progress yet
    assert left[1:8] == [1, 2, 3, 3, 3, 3, 3]  # the entries of goal 1 of the other units
    assert left[8] == 19  # task 1: the 19 entries there (the unit's own is new)
    assert left[9:] == [19, 0]  # task 2: put after the entry with lines below: read whole


def _goal_1_begun(forms_dir: Path, target: Path) -> list[Path]:
    """Each form in `forms_dir` with goal 1 begun on 2020-06-16 (bench/bench.py's returns)."""
    target.mkdir()
    out = []
    for path in sorted(forms_dir.glob("*.xlsx")):
        book = openpyxl.load_workbook(path)
        for row in book["任务进度"].iter_rows(min_row=2):
            if row[0].value == "goal-1" and row[5].value == "未开始":
                row[5].value = "进行中"
                row[6].value = dt.date(2020, 6, 16)
        out.append(target / path.name)
        book.save(out[-1])
    return out


@pytest.mark.parametrize("name", ["example", "county"])
def test_collect_of_returned_workbooks_is_the_collect_of_the_whole_file(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, entries_left: list[int], name: str
) -> None:
    """The example with the returns of tests/test_forms.py; the generated county with goal 1
    begun in a dozen of its units' returns."""
    folder = SETS[name](tmp_path / "data")
    forms_dir = tmp_path / "forms"
    result = invoke(
        "forms", "--data", str(folder), "--as-of", "2020-06-15", "--output", str(forms_dir)
    )
    assert result.exit_code == 0, result.stderr
    if name == "example":
        workbooks = test_forms.returns(forms_dir, tmp_path)
    else:
        begun = _goal_1_begun(forms_dir, tmp_path / "returns")
        workbooks = [path for path in begun if path.name.startswith("单位")][::-1][:12]
    shutil.copytree(folder, tmp_path / "whole")
    before = (folder / "tasks.yaml").read_bytes()
    collect = ("collect", "--as-of", "2020-06-20", *map(str, workbooks))
    parts = _run(invoke, folder, collect, {})
    left = list(entries_left)
    monkeypatch.setattr(session, "PARTS", False)
    whole = _run(invoke, tmp_path / "whole", collect, {})
    assert parts[0] == 0, parts[1]
    assert parts[1:] == whole[1:]
    assert parts[2]["tasks.yaml"] != before
    assert len(left) == len(workbooks)  # one parse a workbook: none read the whole file
    if name == "county":  # goal 1 had no progress: then one entry left unread, two, ...
        assert left == list(range(len(workbooks)))
