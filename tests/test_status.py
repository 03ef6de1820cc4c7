"""status: task states around each deadline, time travel with --as-of, narrowing."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from hsreform.dataset.loader import load
from hsreform.views.status import State, report
from tests.conftest import BUNDLED, CLEAN, REPO

D = dt.date


def _states(folder: Path, as_of: dt.date, soon: int = 3) -> dict[int, tuple[State, int]]:
    dataset = load(folder).dataset
    assert dataset is not None
    return {r.number: (r.state, r.days_left) for r in report(dataset, as_of, soon=soon).tasks}


@pytest.mark.parametrize(
    ("as_of", "task", "state", "days_left"),
    [
        (D(2020, 6, 1), 1, State.NOT_STARTED, 4),
        (D(2020, 6, 2), 1, State.DUE_SOON, 3),
        (D(2020, 6, 5), 1, State.DUE_SOON, 0),
        (D(2020, 6, 6), 1, State.OVERDUE, -1),
        (D(2020, 6, 6), 5, State.NOT_STARTED, 4),
        (D(2020, 6, 7), 5, State.DUE_SOON, 3),
        (D(2020, 6, 10), 5, State.DUE_SOON, 0),
        (D(2020, 6, 11), 5, State.OVERDUE, -1),
        (D(2020, 6, 17), 8, State.DUE_SOON, 3),
        (D(2020, 6, 21), 8, State.OVERDUE, -1),
        (D(2026, 11, 28), 3, State.OVERDUE, -2367),
    ],
)
def test_bundled_plan_around_each_deadline(as_of, task, state, days_left) -> None:
    assert _states(BUNDLED, as_of)[task] == (state, days_left)


def test_soon_sets_the_due_soon_window() -> None:
    assert _states(BUNDLED, D(2020, 6, 1), soon=4)[1] == (State.DUE_SOON, 4)
    assert _states(BUNDLED, D(2020, 6, 2), soon=0)[1] == (State.NOT_STARTED, 3)


def _with_progress(tmp_path: Path, progress: list[dict[str, object]]) -> Path:
    """The clean set with task 1's progress replaced."""
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("windows.yaml", "staff.yaml"):
        (folder / name).write_bytes((CLEAN / name).read_bytes())
    yaml = YAML(typ="safe", pure=True)
    tasks = yaml.load(CLEAN / "tasks.yaml")
    tasks["tasks"][0]["progress"] = progress
    yaml.dump(tasks, folder / "tasks.yaml")
    return folder


def _done(unit: str, day: dt.date) -> dict[str, object]:
    return {"unit": unit, "status": "done", "done_on": day}


UNITS = ("tax-bureau", "public-security-bureau", "market-unit")


def test_done_on_time_late_and_time_travel(tmp_path) -> None:
    folder = _with_progress(
        tmp_path, [_done(u, D(2020, 6, 5)) for u in UNITS[:2]] + [_done(UNITS[2], D(2020, 6, 9))]
    )
    assert _states(folder, D(2020, 7, 1))[1] == (State.DONE_LATE, -26)
    # on 2020-06-08 the third unit had not finished yet: overdue, two of three done
    dataset = load(folder).dataset
    assert dataset is not None
    (row, *_) = report(dataset, D(2020, 6, 8)).tasks
    assert (row.state, row.units_done, row.units_total) == (State.OVERDUE, 2, 3)
    # before anyone finished (and with no earlier state recorded): nobody had started
    assert _states(folder, D(2020, 6, 1))[1] == (State.NOT_STARTED, 4)


def test_done_when_every_unit_is_done_by_the_deadline(tmp_path) -> None:
    folder = _with_progress(tmp_path, [_done(u, D(2020, 6, 4)) for u in UNITS])
    assert _states(folder, D(2020, 6, 4))[1] == (State.DONE, 1)


def test_blocked_before_the_deadline_overdue_after(tmp_path) -> None:
    folder = _with_progress(
        tmp_path, [{"unit": "tax-bureau", "status": "blocked", "note": "缺少网络"}]
    )
    assert _states(folder, D(2020, 6, 1))[1] == (State.BLOCKED, 4)
    assert _states(folder, D(2020, 6, 6))[1] == (State.OVERDUE, -1)


def test_cli_json_contract(invoke) -> None:
    result = invoke("status", "--as-of", "2020-06-08", "--format", "json")
    document = result.json()
    # the keys of the first version stay; later ones are added beside them
    first = {"as_of", "tasks", "goals", "summary"}
    later = {"duties", "duties_summary", "deadlines_passed", "before_issue", "readings"}
    assert set(document) == first | later | {"not_charged"}
    assert document["as_of"] == "2020-06-08"
    keys = {"number", "title", "deadline", "state", "days_left", "units_done", "units_total"}
    added = {"units_exempt", "requirements_met", "requirements_total", "finished_on"}
    added |= {"units_not_charged"}
    assert all(set(row) == keys | added for row in document["tasks"] + document["goals"])
    assert all(set(row) == keys | added | {"deadline_from"} for row in document["duties"])
    assert [(r["number"], r["state"], r["days_left"]) for r in document["tasks"]] == [
        (1, "overdue", -3),
        (2, "overdue", -3),
        (3, "overdue", -3),
        (4, "overdue", -3),
        (5, "due-soon", 2),
        (6, "not-started", 12),
        (7, "not-started", 12),
        (8, "not-started", 12),
    ]
    assert document["summary"] == {
        "total": 9,
        "done": 0,
        "done-late": 0,
        "overdue": 4,
        "due-soon": 1,
        "open": 0,
        "not-started": 4,
        "blocked": 0,
        "exempt": 0,
    }
    assert document["tasks"][3]["units_total"] == 11  # task 4: only units with a quota
    assert document["tasks"][3]["units_not_charged"][:2] == [
        "education-science-bureau",
        "commerce-industry-bureau",
    ]
    assert result.exit_code == 0


def test_cli_fail_on_overdue(invoke) -> None:
    assert invoke("status", "--as-of", "2020-06-08", "--fail-on", "overdue").exit_code == 1
    assert invoke("status", "--as-of", "2020-06-01", "--fail-on", "overdue").exit_code == 0
    assert invoke("status", "--as-of", "2020-06-02", "--fail-on", "due-soon").exit_code == 1


@pytest.mark.parametrize("unit", ["centre", "行政服务中心", "县行政服务中心"])
def test_cli_unit_by_id_name_or_alias(invoke, unit: str) -> None:
    document = invoke("status", "--as-of", "2020-06-08", "--unit", unit, "--format", "json").json()
    assert [(r["number"], r["units_total"]) for r in document["tasks"]] == [(5, 1)]
    assert document["goals"] == []


def test_cli_task_lists_each_unit(invoke, case) -> None:
    result = invoke(
        "status",
        "--data",
        str(case("clean")),
        "--as-of",
        "2020-06-04",
        "--task",
        "1",
        "--format",
        "json",
    )
    document = result.json()
    assert [(u["unit"], u["status"], u["done_on"]) for u in document["units"]] == [
        ("tax-bureau", "done", "2020-06-01"),
        # done only on 2020-06-05, and no earlier state recorded: nothing known on 06-04
        ("public-security-bureau", "not_started", None),
        ("market-unit", "done", "2020-06-03"),
    ]
    assert (document["state"], document["units_done"], document["units_total"]) == (
        "due-soon",
        2,
        3,
    )
    table = invoke("status", "--data", str(case("clean")), "--as-of", "2020-06-04", "--task", "1")
    assert "名单已报" in table.stdout
    assert "公安局" in table.stdout


def test_cli_unknown_task_or_unit_is_a_usage_error(invoke) -> None:
    assert "没有第 9 项任务" in invoke("status", "--task", "9").stderr
    result = invoke("status", "--unit", "国土局")
    assert result.exit_code == 2
    assert "没有单位“国土局”" in result.stderr


def test_cli_goal_lists_each_unit(invoke) -> None:
    document = invoke("status", "--as-of", "2020-06-08", "--goal", "1", "--format", "json").json()
    assert (document["number"], document["state"], document["units_total"]) == (
        1,
        "not-started",
        20,
    )
    assert {u["status"] for u in document["units"]} == {"not_started"}


def test_table_notes_groups_the_plan_never_lists(invoke) -> None:
    out = invoke("status", "--as-of", "2020-06-08").stdout
    assert (
        "注：方案没有逐一列出县人民政府各部门，完成数只计数据中已列出的单位。" in out.splitlines()
    )
    assert "注：" not in invoke("status", "--as-of", "2020-06-08", "--unit", "centre").stdout


EXAMPLE = BUNDLED.parent / "examples" / "rollout-2020"


def _example(invoke, *args: str) -> dict:
    return invoke("status", "--data", str(EXAMPLE), *args, "--format", "json").json()


def _unit(document: dict, unit: str) -> dict:
    return next(u for u in document["units"] if u["unit"] == unit)


def test_as_of_shows_only_what_was_known_that_day(invoke) -> None:
    # 司法局 recorded its training blocked on 06-10; before that it was in progress
    before = _example(invoke, "--as-of", "2020-06-08", "--task", "6")
    assert (_unit(before, "justice-bureau")["status"], before["state"]) == (
        "in_progress",
        "open",
    )
    after = _example(invoke, "--as-of", "2020-06-12", "--task", "6")
    assert _unit(after, "justice-bureau")["status"] == "blocked"
    assert _unit(after, "justice-bureau")["since"] == "2020-06-10"
    assert after["state"] == "blocked"


def test_a_state_dated_after_as_of_is_not_yet_known(invoke, tmp_path) -> None:
    # By hand, 水利局 became exempt from the goal on 07-20, blocked on 07-06, in progress from
    # 06-20. Without the catalogue (items.yaml) that record is what status replays.
    by_hand = tmp_path / "by-hand"
    shutil.copytree(EXAMPLE, by_hand)
    (by_hand / "items.yaml").unlink()

    def water(data: Path, as_of: str) -> str:
        result = invoke(
            "status", "--data", str(data), "--as-of", as_of, "--goal", "1", "--format", "json"
        )
        return _unit(result.json(), "water-resources-bureau")["status"]

    days = ("2020-06-19", "2020-06-20", "2020-07-06", "2020-07-20")
    assert [water(by_hand, d) for d in days] == ["not_started", "in_progress", "blocked", "exempt"]
    # With the catalogue, its one item (取水许可) was listed, then exempt from 07-20.
    assert [water(EXAMPLE, d) for d in days] == [
        "not_started",
        "not_started",
        "not_started",
        "exempt",
    ]


def test_an_exempt_unit_counts_neither_as_done_nor_as_owing(invoke) -> None:
    goal = _example(invoke, "--as-of", "2021-04-01", "--goal", "1")
    assert (goal["units_done"], goal["units_total"], goal["units_exempt"]) == (16, 19, 1)
    assert _unit(goal, "water-resources-bureau")["reason"].startswith("取水许可")
    table = invoke("status", "--data", str(EXAMPLE), "--as-of", "2021-04-01").stdout
    assert "16/19 豁免1" in table


def test_task_lists_the_requirements_each_unit_has_not_met(invoke) -> None:
    task = _example(invoke, "--as-of", "2020-06-25", "--task", "7")
    assert [r["id"] for r in task["requirements"]] == [
        "onto-platform",
        "simplify-process",
        "fewer-steps",
        "shorter-time-limits",
        "fewer-documents",
        "file-for-publication",
    ]
    transport = _unit(task, "transport-bureau")
    assert transport["met"] == ["onto-platform", "simplify-process"]
    assert transport["open"] == [
        "fewer-steps",
        "shorter-time-limits",
        "fewer-documents",
        "file-for-publication",
    ]
    assert (task["requirements_met"], task["requirements_total"]) == (97, 120)
    table = invoke("status", "--data", str(EXAMPLE), "--as-of", "2020-06-25", "--task", "7")
    assert "要求：1.梳理并纳入平台办理；2.简化办事流程" in table.stdout
    assert "2/6 缺3-6" in table.stdout
    assert "要求满足 97/120" in table.stdout


def test_done_means_every_requirement_met_by_done_on(tmp_path) -> None:
    folder = _with_progress(
        tmp_path, [_done(u, D(2020, 6, 4)) for u in UNITS]
    )  # task 1 of the clean set has no requirements: done is done
    assert _states(folder, D(2020, 6, 5))[1][0] is State.DONE
    dataset = load(CLEAN).dataset
    assert dataset is not None
    (task,) = [t for t in dataset.tasks.tasks if t.number == 2]
    from hsreform.views.status import Reading, unit_progress

    required = ["training", "on-site-guidance"]
    # a done with one requirement dated earlier: the other was met on done_on
    entry = task.progress[0].replace(met={"training": D(2020, 6, 12)})
    shown = unit_progress("centre", "行政服务中心", entry, D(2020, 7, 1), required)
    assert (shown.status.value, shown.met, shown.open, shown.reading) == (
        "done",
        ("training", "on-site-guidance"),
        (),
        None,
    )
    # one dated after done_on contradicts it: still done, and the view says how it reads it
    later = task.progress[0].replace(met={"training": D(2020, 6, 18)})
    shown = unit_progress("centre", "行政服务中心", later, D(2020, 7, 1), required)
    assert (shown.status.value, shown.reading) == ("done", Reading.MET_AFTER_DONE)
    # before done, only what met records counts
    shown = unit_progress("centre", "行政服务中心", entry, D(2020, 6, 13), required)
    assert (shown.status.value, shown.met, shown.open) == (
        "in_progress",
        ("training",),
        ("on-site-guidance",),
    )


def test_support_duties_are_listed_with_their_borrowed_deadline(invoke) -> None:
    document = invoke("status", "--as-of", "2020-06-08", "--format", "json").json()
    duties = {d["number"]: d for d in document["duties"]}
    assert [d["title"] for d in document["duties"]] == [
        "划转人员编制、补充工作人员",
        "招聘编外人员并确保及时到位",
        "筹集资金解决功能区和软硬件建设",
        "办公经费和聘用人员工资的资金保障",
    ]
    assert (duties[1]["deadline"], duties[1]["days_left"], duties[1]["state"]) == (
        None,
        None,
        "not-started",
    )
    assert (duties[2]["deadline"], duties[2]["deadline_from"], duties[2]["state"]) == (
        "2020-06-05",
        3,
        "overdue",
    )
    assert document["duties_summary"]["total"] == 4
    table = invoke("status", "--as-of", "2020-06-08").stdout
    assert "保障职责（六、工作要求（二），方案未定期限）" in table
    assert "借用任务 3 的期限" in table


def test_looking_back_on_a_finished_plan_says_so(invoke) -> None:
    out = invoke("status", "--data", str(EXAMPLE), "--as-of", "2026-12-01").stdout
    assert "方案各项期限均已过去（最晚的是2020-12-31）。" in out
    assert "逾期2" not in out  # no column of 逾期2354天
    assert "2020-06-09" in out  # the day task 1 was finished
    assert "6年5个月" in out  # how late task 6 is
    document = _example(invoke, "--as-of", "2026-12-01")
    assert document["deadlines_passed"] is True
    assert document["tasks"][0]["finished_on"] == "2020-06-09"


def test_exempt_where_the_plan_allows_none_still_owes(tmp_path) -> None:
    # Task 1 has no exceptions: the exemptions do not count, and each unit owes the task as
    # it stood before (here: nothing recorded, so not started).
    exempt = {
        "status": "exempt",
        "since": D(2020, 6, 1),
        "reason": "对场地有特殊要求",
    }
    folder = _with_progress(tmp_path, [{"unit": u, **exempt} for u in UNITS])
    assert _states(folder, D(2020, 6, 2))[1][0] is State.DUE_SOON
    dataset = load(folder).dataset
    assert dataset is not None
    (row, *_) = report(dataset, D(2020, 6, 6)).tasks
    assert (row.state, row.units_total, row.units_exempt) == (State.OVERDUE, 3, 0)
    assert [u.reading for u in row.units] == ["exemption-not-allowed"] * 3


def test_undated_states_read_as_known_from_the_start(tmp_path) -> None:
    folder = _with_progress(tmp_path, [{"unit": "tax-bureau", "status": "blocked"}])
    assert _states(folder, D(2020, 6, 1))[1][0] is State.BLOCKED


def test_a_row_where_every_unit_is_exempt_reads_exempt_never_done(invoke) -> None:
    # 水利局's only item needs a special site: nothing of the goal is owed, nothing is done
    out = invoke("status", "--data", str(EXAMPLE), "--unit", "水利局", "--as-of", "2021-01-01")
    lines = _lines(out.stdout)
    assert "   1  政务服务事项“应进必进”  2020-12-31          —  0/0 豁免1  豁免" in lines
    assert "共 7 项：已完成 4、已逾期 2、豁免 1。" in lines
    document = _example(invoke, "--unit", "水利局", "--as-of", "2021-01-01")
    (goal,) = document["goals"]
    assert (goal["state"], goal["finished_on"], goal["units_exempt"]) == ("exempt", None, 1)
    assert document["summary"]["done"] == 4
    assert document["summary"]["exempt"] == 1


def test_an_exempt_units_requirements_are_not_owed(tmp_path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(CLEAN, folder)
    yaml = YAML(typ="safe", pure=True)
    tasks = yaml.load(folder / "tasks.yaml")
    goal = tasks["goals"][0]
    goal["responsible"] = ["tax-bureau", "public-security-bureau"]
    goal["requirements"] = [
        {"id": "enter", "label": "进驻", "text": "事项全部进驻"},
        {"id": "publish", "label": "公开", "text": "公开办事指南"},
    ]
    yaml.dump(tasks, folder / "tasks.yaml")
    dataset = load(folder).dataset
    assert dataset is not None
    (row,) = report(dataset, D(2020, 7, 1)).goals
    assert (row.requirements_met, row.requirements_total) == (0, 2)
    assert (row.units_total, row.units_exempt) == (1, 1)


def test_a_units_view_gives_the_plans_deadlines_and_the_units_own_state(invoke) -> None:
    # 县委组织部's only task was due 06-05; the plan still has deadlines on 06-20 and 12-31
    organization = invoke(
        "status", "--data", str(EXAMPLE), "--unit", "县委组织部", "--as-of", "2020-06-06"
    ).stdout
    assert "方案各项期限均已过去" not in organization
    assert (
        _example(invoke, "--unit", "县委组织部", "--as-of", "2020-06-06")["deadlines_passed"]
        is False
    )
    # 司法局 reports itself blocked on task 6 (培训教材未到): its view says so, and how late
    justice = invoke("status", "--data", str(EXAMPLE), "--unit", "司法局", "--as-of", "2020-06-25")
    assert "   6  开展业务和礼仪培训                2020-06-20  逾期5天   0/1  受阻" in _lines(
        justice.stdout
    )
    overdue = invoke(
        "status", "--data", str(EXAMPLE), "--unit", "司法局", "--as-of", "2020-06-25",
        "--fail-on", "overdue",
    )  # fmt: skip
    assert overdue.exit_code == 1  # blocked past the deadline is overdue all the same
    task = _example(invoke, "--unit", "司法局", "--as-of", "2020-06-25", "--task", "6")
    assert task["state"] == "blocked"
    # the whole plan's view still leads with overdue
    assert _example(invoke, "--as-of", "2020-06-25")["tasks"][5]["state"] == "overdue"
    report = invoke(
        "report", "--data", str(EXAMPLE), "--as-of", "2020-06-25", "--format", "json"
    ).json()
    column = next(
        i
        for i, c in enumerate(report["matrix"]["columns"])
        if (c["kind"], c["number"]) == ("task", 6)
    )
    row = next(r for r in report["matrix"]["units"] if r["unit"] == "justice-bureau")
    assert row["cells"][column] == "blocked"


def test_a_day_before_the_plan_was_issued_says_so(invoke) -> None:
    out = invoke("status", "--as-of", "2020-05-01").stdout
    assert "方案 2020-05-31 印发；统计日 2020-05-01 时尚未印发，各项任务都还没有提出。" in out
    document = invoke("status", "--as-of", "2020-05-01", "--format", "json").json()
    assert document["before_issue"] is True
    assert (
        invoke("status", "--as-of", "2020-05-31", "--format", "json").json()["before_issue"]
        is False
    )
    report = invoke("report", "--as-of", "2020-05-01", "--format", "markdown").stdout
    assert "方案 2020-05-31 印发；统计日 2020-05-01 时尚未印发" in report


def test_task_4_charges_only_units_with_a_quota_and_says_so(invoke) -> None:
    # 各单位根据事项办理需求: the units whose matters the centre's staff handle at 综合窗口
    # have no quota and select nobody (tasks.yaml: charges: units-with-quota)
    out = invoke("status", "--as-of", "2020-06-08").stdout
    assert (
        "   4  选派骨干力量进驻行政服务中心          2020-06-05  逾期3天  0/11  已逾期"
        in _lines(out)
    )
    flat = out.replace("\n", "")
    assert "注：任务 4 按本数据的读法只计在窗口有人员配额的单位（tasks.yaml 的 charges）；" in flat
    assert (
        "教科局、商工局、司法局、财政局、交通局、水利局、农业农村局、应急管理局、林草局没有派驻配额，不计。"
        in flat
    )
    unit = invoke("status", "--as-of", "2020-06-08", "--unit", "司法局").stdout.replace("\n", "")
    assert "注：司法局在窗口没有人员配额，按本数据的读法不计入任务 4" in unit
    assert invoke("status", "--as-of", "2020-06-08", "--unit", "司法局", "--format", "json").json()[
        "not_charged"
    ] == [{"kind": "task", "number": 4}]
    refused = invoke("status", "--task", "4", "--unit", "司法局", "--as-of", "2020-06-08")
    assert refused.exit_code == 2
    assert "司法局在窗口没有人员配额，按本数据的读法" in refused.stderr
    scorecard = invoke("scorecard", "--as-of", "2020-06-08", "--format", "json").json()
    justice = next(u for u in scorecard["units"] if u["unit"] == "justice-bureau")
    tax = next(u for u in scorecard["units"] if u["unit"] == "tax-bureau")
    assert tax["obligations"] - justice["obligations"] == 1


def test_status_says_where_it_reads_an_entry_otherwise(invoke, tmp_path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(EXAMPLE, folder)
    tasks = folder / "tasks.yaml"
    # an exemption where the plan allows none (written by hand): counted as owing, and said
    text = tasks.read_text(encoding="utf-8").replace(
        "      - unit: tax-bureau\n        status: done\n        done_on: 2020-06-03\n"
        "        met: {select-staff: 2020-06-03}\n",
        "      - unit: tax-bureau\n        status: exempt\n        since: 2020-06-03\n"
        "        reason: 人员另有安排\n",
    )
    tasks.write_text(text, encoding="utf-8")
    out = invoke("status", "--data", str(folder), "--as-of", "2020-06-08").stdout
    assert (
        "   4  选派骨干力量进驻行政服务中心          2020-06-05  逾期3天  10/11  已逾期"
        in _lines(out)
    )
    assert "注：税务局在任务 4 记为豁免，但方案原文对此项没有允许例外" in out.replace("\n", "")
    document = _example_at(invoke, folder, "--as-of", "2020-06-08")
    assert {"kind": "task", "number": 4, "unit": "tax-bureau", "name": "税务局",
            "reading": "exemption-not-allowed", "recorded": "exempt",
            "counted": "in_progress"} in document["readings"]  # fmt: skip
    # the goal, where 水利局's item catalogue decides and its entry by hand says otherwise
    goal = invoke("status", "--data", str(EXAMPLE), "--as-of", "2020-07-01").stdout
    assert "注：水利局在目标 1 的进度记为进行中，事项清单推算为未开始；以事项清单为准。" in goal
    validate = invoke("validate", "--data", str(folder), "--as-of", "2020-06-08")
    assert "[exemption-not-allowed]" in validate.stdout
    assert validate.exit_code == 1


def _example_at(invoke, folder: Path, *args: str) -> dict:
    return invoke("status", "--data", str(folder), *args, "--format", "json").json()


def _lines(out: str) -> list[str]:
    """The lines of a table as a person reads them (Rich pads cells with blanks)."""
    return [line.rstrip() for line in out.splitlines()]


EXAMPLE_DIR = str(REPO / "examples" / "rollout-2020")
NOT_ISSUED = "方案 2020-05-31 印发；统计日 2020-05-01 时尚未印发，方案的各项要求都还没有提出。"


@pytest.mark.parametrize(
    "args",
    [
        ("check-staffing",),
        ("scorecard",),
        ("status", "--task", "3"),
        ("task", "show", "6"),
        ("items",),
        ("list", "staff"),
        ("log",),
    ],
    ids="-".join,
)
@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])  # csv: data only, no prose
def test_every_view_of_a_day_before_the_plan_says_it_was_not_issued(invoke, args, fmt) -> None:
    result = invoke(*args, "--data", EXAMPLE_DIR, "--as-of", "2020-05-01",
                    "--format", fmt)  # fmt: skip
    assert result.exit_code in (0, 1), result.stderr
    assert NOT_ISSUED in result.stdout
    issued = invoke(*args, "--data", EXAMPLE_DIR, "--as-of", "2020-05-31",
                    "--format", fmt)  # fmt: skip
    assert "尚未印发" not in issued.stdout


@pytest.mark.parametrize("view", [("check-staffing",), ("scorecard",), ("status", "--task", "3")])
def test_json_says_before_issue_in_every_view_with_a_schema(invoke, view) -> None:
    for day, early in (("2020-05-30", True), ("2020-05-31", False), ("2099-01-01", False)):
        document = invoke(*view, "--data", EXAMPLE_DIR, "--as-of", day,
                          "--format", "json").json()  # fmt: skip
        assert document["before_issue"] is early, day


def test_a_unit_no_task_names_is_told_what_the_plan_asks_of_it(invoke) -> None:
    """进驻银行 is no responsible unit of any task; the plan asks it for window staff only."""
    for unit in ("进驻银行", "banks", "和硕县进驻银行"):
        out = invoke("status", "--unit", unit, "--data", EXAMPLE_DIR,
                     "--as-of", "2020-06-25", "--format", "markdown").stdout  # fmt: skip
        assert (
            "方案没有让进驻银行承担任何任务、年度目标或保障职责；方案对它的要求是派驻窗口人员："
            "银行窗口 3 名（在岗情况见 hsreform check-staffing）。"
        ) in out
    out = invoke("status", "--unit", "鑫泰燃气公司", "--data", EXAMPLE_DIR,
                 "--as-of", "2020-06-25").stdout  # fmt: skip
    assert "天然气业务窗口2名" in "".join(out.split())


def test_a_tasks_requirements_are_listed_in_full(invoke) -> None:
    out = invoke("status", "--task", "8", "--data", EXAMPLE_DIR,
                 "--as-of", "2020-06-25").stdout  # fmt: skip
    legend = "".join(out.split("责任单位")[0].split("要求：", 1)[1].split())
    assert legend.endswith("6.及时更新信息；7.梳理公开目录")
