"""undo puts back what the last edit changed, only while nobody changed it since; log reads
the recorded changes back from the data."""

from __future__ import annotations

from pathlib import Path

from tests.edit.conftest import read_all


def _edit(invoke, folder: Path, *args: str):
    return invoke(*args, "--as-of", "2020-07-01", "--data", str(folder))


def test_undo_steps_back_edit_by_edit(invoke, data_set) -> None:
    folder = data_set("comments")
    original = read_all(folder)
    assert (
        _edit(invoke, folder, "task", "start", "2", "centre", "--on", "2020-06-08").exit_code == 0
    )
    middle = read_all(folder)
    left = _edit(
        invoke,
        folder,
        "staff",
        "leave",
        "刘洋",
        "--on",
        "2020-06-30",
        "--approved-on",
        "2020-06-29",
    )
    assert left.exit_code == 0, left.stderr
    preview = invoke("undo", "--dry-run", "--data", str(folder))
    assert preview.exit_code == 0
    assert "将撤销" in preview.stdout
    assert "撤回：刘洋（公安窗口，行政服务中心）2020-06-30 离岗" in preview.stdout
    assert "-    until: 2020-06-30" in preview.stdout
    first = invoke("undo", "--data", str(folder))
    assert first.exit_code == 0, first.stderr
    assert "已撤销" in first.stdout
    assert "staff leave 刘洋" in first.stdout
    assert read_all(folder) == middle
    assert invoke("undo", "--data", str(folder)).exit_code == 0
    assert read_all(folder) == original
    empty = invoke("undo", "--data", str(folder))
    assert (empty.exit_code, empty.stderr.strip()) == (2, "没有可以撤销的修改。")


def test_undo_refuses_when_a_file_changed_since(invoke, data_set) -> None:
    folder = data_set("comments")
    assert _edit(invoke, folder, "duty", "done", "1", "centre", "--on", "2020-06-20").exit_code == 0
    tasks = folder / "tasks.yaml"
    tasks.write_bytes(tasks.read_bytes() + b"# hand edit\n")
    changed = read_all(folder)
    result = invoke("undo", "--data", str(folder))
    assert result.exit_code == 2
    assert "tasks.yaml 在" in result.stderr
    assert "之后又被改动过；为免丢失那些改动，不撤销" in result.stderr
    assert read_all(folder) == changed


def test_undo_with_a_damaged_journal(invoke, data_set) -> None:
    folder = data_set("comments")
    assert _edit(invoke, folder, "duty", "done", "1", "centre", "--on", "2020-06-20").exit_code == 0
    entry = next((folder / ".hsreform" / "journal").glob("*.json"))
    entry.write_text("{", encoding="utf-8")
    result = invoke("undo", "--data", str(folder))
    assert result.exit_code == 2
    assert "修改记录已损坏" in result.stderr


def test_log_lists_what_the_data_records(invoke, data_set) -> None:
    folder = data_set("comments")
    _edit(invoke, folder, "task", "done", "2", "centre", "--on", "2020-06-15")
    document = invoke(
        "log", "--since", "2020-06-10", "--data", str(folder), "--as-of", "2020-07-01",
        "--format", "json",
    ).json()  # fmt: skip
    assert set(document) == {"since", "as_of", "changes"}
    changes = [
        (c["date"], c["kind"], c["number"], c["who"], c["change"]) for c in document["changes"]
    ]
    assert ("2020-06-10", "goal", 1, "税务局", "进行中") in changes
    assert ("2020-06-12", "goal", 1, "公安局", "豁免：出入境证件制作对场地有特殊要求") in changes
    assert ("2020-06-15", "task", 2, "行政服务中心", "已完成") in changes
    assert ("2020-06-15", "task", 2, "行政服务中心", "满足要求：“培训”“现场指导”") in changes
    assert ("2020-06-15", "staff", None, "张伟（T001）", "受训") in changes
    assert all(c[0] >= "2020-06-10" for c in changes)
    assert [c[0] for c in changes] == sorted(c[0] for c in changes)
    table = invoke("log", "--data", str(folder), "--as-of", "2020-06-02").stdout
    assert "记下的变化" in table
    assert "到岗：税务窗口（税务局，首席代表）" in table
    assert "2020-06-03" not in table
    early = invoke("log", "--data", str(folder), "--as-of", "2020-05-01").stdout
    assert early.strip().splitlines() == [
        "方案 2020-05-31 印发；统计日 2020-05-01 时尚未印发，方案的各项要求都还没有提出。",
        "没有记下的变化。",
    ]


def test_log_names_replacements_and_departures(invoke, data_set) -> None:
    folder = data_set("example")
    out = invoke(
        "log",
        "--since",
        "2020-09-30",
        "--data",
        str(folder),
        "--as-of",
        "2020-12-31",
        "--format",
        "json",
    )
    changes = [c["change"] for c in out.json()["changes"]]
    assert "离岗：市场监督管理窗口（行政服务中心）" in changes
    assert (
        "接替HS031到岗：市场监督管理窗口（行政服务中心，工作人员），中心同意 2020-09-25" in changes
    )


def test_help_is_chinese(invoke) -> None:
    for command in (
        ("task",),
        ("task", "done"),
        ("staff",),
        ("staff", "replace"),
        ("log",),
        ("undo",),
    ):
        out = invoke(*command, "--help").stdout
        assert "用法" in out or "Usage" in out
        assert "显示帮助并退出" in out
    assert "记为已完成" in invoke("task", "done", "--help").stdout
    assert "换人" in invoke("staff", "replace", "--help").stdout


def test_an_upgrade_is_locked_journalled_and_undone(invoke, tmp_path) -> None:
    import shutil

    from tests.conftest import DATA

    folder = tmp_path / "county"
    shutil.copytree(DATA / "upgrade-2020-format", folder)
    before = read_all(folder)
    result = invoke("upgrade-data", "--data", str(folder), "--since", "2020-06-15")
    assert result.exit_code == 0, result.stderr
    assert read_all(folder) != before
    undone = invoke("undo", "--data", str(folder))
    assert undone.exit_code == 0, undone.stderr
    assert "upgrade-data" in undone.stdout
    assert read_all(folder) == before


def test_undo_dry_run_says_what_undoing_does(invoke, data_set) -> None:
    folder = data_set("comments")
    done = _edit(invoke, folder, "task", "done", "2", "centre", "--on", "2020-06-09")
    assert done.exit_code == 0, done.stderr
    before = read_all(folder)
    preview = invoke("undo", "--dry-run", "--data", str(folder))
    assert preview.exit_code == 0, preview.stderr
    # the state goes from what the edit made back to what it was: now → after the undo
    assert "任务 2，行政服务中心：已完成（2020-06-09） → " in preview.stdout
    assert "（改回修改前的状态）" in preview.stdout
    diff = preview.stdout[preview.stdout.index("--- a/") :]
    assert "-        status: done" in diff or "-    status: done" in diff
    assert read_all(folder) == before
    assert "T" not in preview.stdout.split("的修改")[0].removeprefix("将撤销 ")


def test_log_in_every_format_and_to_a_file(invoke, data_set, tmp_path) -> None:
    folder = data_set("example")
    table = _edit(invoke, folder, "log")
    assert table.exit_code == 0
    csv_out = _edit(invoke, folder, "log", "--format", "csv")
    assert csv_out.stdout.startswith("\ufeff日期,项目,单位或人员,变化")
    target = tmp_path / "变化.xlsx"
    written = _edit(invoke, folder, "log", "--output", str(target))
    assert written.exit_code == 0, written.stderr
    from openpyxl import load_workbook

    sheet = load_workbook(target).worksheets[0]
    assert [c.value for c in sheet[2]] == ["日期", "项目", "单位或人员", "变化"]
    assert sheet.max_row > 50


def test_an_empty_log_still_has_its_columns(invoke, data_set) -> None:
    folder = data_set("example")
    result = invoke(
        "log", "--since", "2020-10-01", "--as-of", "2020-06-25", "--format", "csv",
        "--data", str(folder),
    )  # fmt: skip
    assert result.stdout.replace("\r\n", "\n") == "\ufeff日期,项目,单位或人员,变化\n"


def test_a_consent_without_a_day_reads_as_words(invoke, data_set) -> None:
    folder = data_set("comments")
    staff = folder / "staff.yaml"
    staff.write_text(
        staff.read_text(encoding="utf-8")
        + "  - {name: 孙丽, unit: tax-bureau, window: tax, role: staff, since: 2020-06-20,"
        " replaces: 李娜, approved_by_centre: true}\n",
        encoding="utf-8",
    )
    result = invoke("log", "--as-of", "2020-07-01", "--data", str(folder), env={"COLUMNS": "200"})
    assert "中心同意 （未写日期）" in result.stdout
    assert "True" not in result.stdout


def test_undo_dry_run_after_staff_set_shows_the_value_put_back(invoke, data_set) -> None:
    folder = data_set("comments")
    assert _edit(invoke, folder, "staff", "set", "李娜", "--new-staff-no", "T900").exit_code == 0
    preview = invoke("undo", "--dry-run", "--data", str(folder))
    assert preview.exit_code == 0, preview.stderr
    assert "改回：李娜（税务窗口，税务局）：工号 T900 → T002" in preview.stdout
    assert "-    staff_no: T900\n+    staff_no: T002" in preview.stdout
