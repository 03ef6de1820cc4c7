"""task / goal / duty edits: what a careful clerk would do, and what they would refuse."""

from __future__ import annotations

from pathlib import Path

import pytest

from hsreform.edit import progress, session
from hsreform.edit.check import findings_after
from tests.edit.conftest import read_all


def _edit(invoke, folder: Path, *args: str, as_of: str = "2020-07-01"):
    return invoke(*args, "--as-of", as_of, "--data", str(folder))


def _unit(invoke, folder: Path, kind: str, number: int, unit: str, as_of: str) -> dict:
    document = invoke(
        "status", f"--{kind}", str(number), "--data", str(folder), "--as-of", as_of,
        "--format", "json",
    ).json()  # fmt: skip
    return next(u for u in document["units"] if u["unit"] == unit)


def test_done_keeps_the_past_for_status_as_of(invoke, data_set) -> None:
    folder = data_set("example")
    result = _edit(invoke, folder, "task", "done", "6", "司法局", "--on", "2020-06-25")
    assert result.exit_code == 0, result.stderr
    assert _unit(invoke, folder, "task", 6, "justice-bureau", "2020-06-12")["status"] == "blocked"
    after = _unit(invoke, folder, "task", 6, "justice-bureau", "2020-06-26")
    assert (after["status"], after["done_on"], after["open"]) == ("done", "2020-06-25", [])
    checked = invoke("validate", "--data", str(folder), "--as-of", "2021-04-01", "--format", "json")
    assert checked.json()["summary"]["errors"] == 0


def test_clerks_day_on_the_bundled_data(invoke, data_set) -> None:
    folder = data_set("bundled")
    result = _edit(
        invoke, folder, "task", "done", "1", "税务局", "公安局", "--on", "2020-06-04",
        "--evidence", "事项清单已报备案", as_of="2020-06-08",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].endswith(
        "tasks.yaml: 任务 1，税务局：未开始 → 已完成（2020-06-04），4 项要求记为当天满足："
        "“按政务服务网梳理事项”“确定进大厅事项”“主要领导签字确认”“报中心备案”"
    )
    assert lines[-1].startswith("已写入：")
    status = invoke("status", "--data", str(folder), "--as-of", "2020-06-08", "--format", "json")
    task = status.json()["tasks"][0]
    assert (task["units_done"], task["requirements_met"]) == (2, 8)


def test_group_needs_all_and_says_how_many(invoke, data_set) -> None:
    folder = data_set("bundled")
    before = read_all(folder)
    refused = _edit(invoke, folder, "task", "start", "5", "县人民政府各部门", as_of="2020-06-08")
    assert refused.exit_code == 2
    assert "是单位组（20 个单位）；要对其中全部责任单位操作请加 --all" in refused.stderr
    assert read_all(folder) == before
    _edit(invoke, folder, "task", "start", "5", "税务局", "--on", "2020-06-02", as_of="2020-06-08")
    result = _edit(
        invoke, folder, "task", "start", "5", "county-departments", "--all", "--on", "2020-06-03",
        as_of="2020-06-08",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "单位组“县人民政府各部门”：改动了 19 个单位，1 个已是该状态，跳过" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("task", "done", "99", "税务局"), "没有第 99 项任务"),
        (("goal", "done", "2", "税务局"), "没有第 2 项年度目标"),
        (("task", "done", "1", "税务所"), "没有单位“税务所”"),
        (("task", "done", "2", "税务局"), "税务局不是第 2 项任务的责任单位；责任单位：行政服务中心"),
        (("task", "done", "1", "公安局", "--on", "2020-05-30"), "日期 2020-05-30 早于方案印发日期 2020-05-31"),
        (("task", "done", "1", "公安局", "--on", "2020-07-02"), "日期 2020-07-02 晚于统计日 2020-07-01"),
        (("task", "done", "1", "税务局"), "任务 1，税务局：已于 2020-06-01 完成"),
        (
            ("task", "done", "1", "market-unit", "--on", "2020-06-01"),
            "日期 2020-06-01 早于当前状态的日期 2020-06-02；历史记录要由早到晚",
        ),
        (("task", "start", "1", "market-unit"), "现在是进行中（2020-06-02起），不能记为进行中"),
        (("task", "reopen", "1", "market-unit"), "现在是进行中（2020-06-02起），没有完成或豁免，无需重新打开"),
        (("duty", "block", "1", "centre", "--note", "又没批"), "现在是受阻（2020-06-02起），不能记为受阻"),
        (("goal", "exempt", "1", "公安局", "--reason", "r"), "现在是豁免（2020-06-12起），不能记为豁免"),
        (
            ("task", "meet", "2", "centre", "exam"),
            "任务 2 没有要求“exam”（可写序号、简称或 id）。可用：1.",
        ),
        (("task", "block", "1", "公安局"), "缺少 --note"),
        (("task", "done", "1", "公安局", "--on", "yesterday"), "--on 的日期“yesterday”无法识别"),
    ],
)  # fmt: skip
def test_refused_with_the_reason_and_nothing_written(invoke, data_set, args, message) -> None:
    folder = data_set("comments")
    before = read_all(folder)
    result = _edit(invoke, folder, *args)
    assert result.exit_code == 2, result.stdout
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert read_all(folder) == before


def test_meet_ticks_requirements_off_only(invoke, data_set) -> None:
    folder = data_set("comments")
    result = _edit(invoke, folder, "task", "meet", "2", "centre", "培训", "--on", "2020-06-10")
    assert result.exit_code == 0, result.stderr
    assert (
        "任务 2，行政服务中心：要求“培训”记为 2020-06-10 满足（由未开始改为进行中）"
        in result.stdout
    )
    again = _edit(invoke, folder, "task", "meet", "2", "centre", "training", "--on", "2020-06-11")
    assert "已于 2020-06-10 满足" in again.stderr
    last = _edit(
        invoke, folder, "task", "meet", "2", "centre", "on-site-guidance", "--on", "2020-06-12"
    )
    assert "全部要求都已满足，可用 done 记为完成" in last.stdout
    unit = _unit(invoke, folder, "task", 2, "centre", "2020-06-30")
    assert (unit["status"], unit["met"], unit["open"]) == (
        "in_progress",
        ["training", "on-site-guidance"],
        [],
    )
    done = _edit(invoke, folder, "task", "done", "2", "centre", "--on", "2020-06-15")
    assert "进行中（2020-06-10起） → 已完成（2020-06-15）" in done.stdout
    assert "要求记为当天满足" not in done.stdout  # nothing left to record


def test_meet_refuses_a_requirement_for_other_units(invoke, data_set) -> None:
    folder = data_set("bundled")
    result = _edit(
        invoke, folder, "task", "meet", "3", "人社局", "transfer-posts", as_of="2020-06-08"
    )
    assert result.exit_code == 2
    assert "要求“transfer-posts”不是对人社局提出的" in result.stderr


def test_reopen_and_exempt_keep_history(invoke, data_set) -> None:
    folder = data_set("comments")
    assert (
        _edit(invoke, folder, "task", "reopen", "1", "税务局", "--on", "2020-06-10").exit_code == 0
    )
    unit = _unit(invoke, folder, "task", 1, "tax-bureau", "2020-06-05")
    assert unit["status"] == "done"
    assert _unit(invoke, folder, "task", 1, "tax-bureau", "2020-06-11")["status"] == "in_progress"
    result = _edit(
        invoke,
        folder,
        "goal",
        "exempt",
        "1",
        "税务局",
        "--reason",
        "场地特殊",
        "--on",
        "2020-06-20",
    )
    assert result.exit_code == 0, result.stderr
    assert "目标 1，税务局：进行中（2020-06-10起） → 豁免（2020-06-20）" in result.stdout


@pytest.mark.parametrize(
    ("kind", "number", "unit"), [("task", "1", "公安局"), ("duty", "1", "centre")]
)
def test_exempt_where_the_plan_allows_none_is_refused(invoke, data_set, kind, number, unit) -> None:
    # 除对场地有特殊要求的事项外: the plan's one exception is to the year-end goal
    folder = data_set("comments")
    before = read_all(folder)
    result = _edit(
        invoke, folder, kind, "exempt", number, unit, "--reason", "并入他处", "--on", "2020-06-04"
    )
    assert result.exit_code == 2
    assert "的方案原文没有允许例外，不能记为豁免" in result.stderr
    assert "方案只允许年度目标“除对场地有特殊要求的事项外”" in result.stderr
    assert read_all(folder) == before


def test_exempt_from_the_goal_where_the_catalogue_decides_is_refused(invoke, data_set) -> None:
    # 林草局 has an item catalogue: its progress on 应进必进 follows its items, so a state set
    # by hand would not count; the exemption belongs to the items that need a special site.
    folder = data_set("example")
    before = read_all(folder)
    for verb, extra in (("exempt", ("--reason", "草原征占用审核需要特殊场地")), ("done", ())):
        result = _edit(
            invoke, folder, "goal", verb, "1", "林草局", "--on", "2020-12-20", *extra,
            as_of="2021-01-10",
        )  # fmt: skip
        assert result.exit_code == 2, verb
        assert "目标 1，林草局：这个单位有事项清单" in result.stderr
        assert "在 items.yaml 中记为 exempt" in result.stderr
        assert read_all(folder) == before
    # without a catalogue the unit-level exemption of the goal is what the plan allows
    (folder / "items.yaml").unlink()
    allowed = _edit(
        invoke, folder, "goal", "exempt", "1", "林草局", "--on", "2020-12-20",
        "--reason", "草原征占用审核对场地有特殊要求", as_of="2021-01-10",
    )  # fmt: skip
    assert allowed.exit_code == 0, allowed.stderr
    goal = invoke(
        "status", "--goal", "1", "--data", str(folder), "--as-of", "2021-01-10", "--format", "json"
    ).json()
    assert (goal["units_exempt"], goal["units_total"]) == (2, 18)


def test_a_unit_the_reading_of_task_4_does_not_charge_gets_no_entry(invoke, data_set) -> None:
    folder = data_set("bundled")
    before = read_all(folder)
    result = _edit(
        invoke, folder, "task", "done", "4", "司法局", "--on", "2020-06-04", as_of="2020-06-08"
    )
    assert result.exit_code == 2
    assert "司法局在窗口没有人员配额：按本数据对任务 4 的读法" in result.stderr
    assert read_all(folder) == before
    group = _edit(
        invoke, folder, "task", "start", "4", "县人民政府各部门", "--all", "--on", "2020-06-02",
        as_of="2020-06-08",
    )  # fmt: skip
    assert group.exit_code == 0, group.stderr
    assert "改动了 11 个单位" in group.stdout


def test_dry_run_shows_a_diff_and_writes_nothing(invoke, data_set) -> None:
    folder = data_set("comments")
    before = read_all(folder)
    stamp = (folder / "tasks.yaml").stat().st_mtime_ns
    result = _edit(invoke, folder, "duty", "done", "1", "centre", "--on", "2020-06-20", "--dry-run")
    assert result.exit_code == 0
    assert "+          - {status: blocked, since: 2020-06-02, note: 预算未批}" in result.stdout
    assert "（--dry-run：没有写任何文件）" in result.stdout
    assert read_all(folder) == before
    assert (folder / "tasks.yaml").stat().st_mtime_ns == stamp
    assert not (folder / ".hsreform").exists()  # not even a lock file


def test_english_on_request(invoke, data_set) -> None:
    folder = data_set("comments")
    result = _edit(
        invoke, folder, "task", "start", "2", "centre", "--on", "2020-06-08", "--lang", "en"
    )
    assert "task 2, 行政服务中心: not started → in progress (2020-06-08)" in result.stdout
    refused = _edit(invoke, folder, "task", "done", "1", "税务局", "--lang", "en")
    assert "task 1, 税务局: already done on 2020-06-01" in refused.stderr


def test_task_show_is_status_task(invoke, data_set) -> None:
    folder = data_set("comments")
    common = ("--data", str(folder), "--as-of", "2020-07-01", "--format", "json")
    assert (
        invoke("task", "show", "1", *common).json()
        == invoke("status", "--task", "1", *common).json()
    )
    assert invoke("duty", "show", "1", *common).json()["kind"] == "duty"
    assert invoke("goal", "show", "1", *common).json()["kind"] == "goal"


def test_the_bundled_copy_is_never_edited(invoke) -> None:
    from tests.conftest import BUNDLED

    for data in ((), ("--data", str(BUNDLED))):  # data/ of this checkout is the bundled copy
        result = invoke("task", "done", "1", "税务局", "--as-of", "2020-06-08", *data)
        assert result.exit_code == 2
        assert "不修改安装包自带的数据" in result.stderr
    assert not (BUNDLED / ".hsreform").exists()


def test_library_works_without_the_cli(data_set) -> None:
    import datetime as dt

    folder = data_set("comments")
    request = progress.Request("task", 1, ["公安局"], "done", dt.date(2020, 6, 5))
    outcome = session.run(folder, dt.date(2020, 7, 1), progress.edit(request))
    assert [c.render("en") for c in outcome.changes] == [
        "task 1, 公安局: not started → done (2020-06-05)"
    ]
    assert outcome.written == [folder / "tasks.yaml"]
    assert not [
        f for f in findings_after(folder, {}, dt.date(2020, 7, 1)) if f.severity.label == "error"
    ]


def test_an_undated_state_cannot_go_into_history(invoke, tmp_path) -> None:
    import shutil

    from tests.conftest import DATA

    folder = tmp_path / "county"
    shutil.copytree(DATA / "upgrade-2020-format", folder)
    result = _edit(invoke, folder, "task", "done", "7", "交通局", "--on", "2020-06-20")
    assert result.exit_code == 2
    assert (
        "当前状态没有日期，无法移入历史记录；请先运行 hsreform upgrade-data --since 日期"
        in result.stderr
    )


def test_a_group_skips_units_done_later_than_the_day(invoke, data_set) -> None:
    folder = data_set("bundled")
    first = _edit(
        invoke, folder, "task", "done", "1", "税务局", "--on", "2020-06-05", as_of="2020-06-08"
    )
    assert first.exit_code == 0, first.stderr
    result = _edit(
        invoke, folder, "task", "done", "1", "county-departments", "--all", "--on", "2020-06-04",
        as_of="2020-06-08",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "改动了 19 个单位，1 个已是该状态，跳过" in result.stdout
    assert "税务局：" not in result.stdout
