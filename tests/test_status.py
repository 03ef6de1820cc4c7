"""status: task states around each deadline, time travel with --as-of, narrowing."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from hsreform.loader import load
from hsreform.status import State, report
from tests.conftest import BUNDLED, CLEAN

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
    assert set(document) == first | {"duties", "duties_summary", "deadlines_passed"}
    assert document["as_of"] == "2020-06-08"
    keys = {"number", "title", "deadline", "state", "days_left", "units_done", "units_total"}
    added = {"units_exempt", "requirements_met", "requirements_total", "finished_on"}
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
    }
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
        out.splitlines()[-1]
        == "注：方案没有逐一列出县人民政府各部门，完成数只计数据中已列出的单位。"
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


def test_done_needs_every_requirement_met(tmp_path) -> None:
    folder = _with_progress(
        tmp_path, [_done(u, D(2020, 6, 4)) for u in UNITS]
    )  # task 1 of the clean set has no requirements: done is done
    assert _states(folder, D(2020, 6, 5))[1][0] is State.DONE
    dataset = load(CLEAN).dataset
    assert dataset is not None
    (task,) = [t for t in dataset.tasks.tasks if t.number == 2]
    entry = task.progress[0].replace(met={"training": D(2020, 6, 12)})
    from hsreform.status import unit_progress

    shown = unit_progress(
        "centre", "行政服务中心", entry, D(2020, 7, 1), ["training", "on-site-guidance"]
    )
    assert (shown.status.value, shown.open) == ("in_progress", ("on-site-guidance",))


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


def test_only_exempt_units_leave_nothing_owed(tmp_path) -> None:
    exempt = {
        "status": "exempt",
        "since": D(2020, 6, 1),
        "reason": "对场地有特殊要求",
    }
    folder = _with_progress(tmp_path, [{"unit": u, **exempt} for u in UNITS])
    assert _states(folder, D(2020, 6, 2))[1][0] is State.DONE


def test_undated_states_read_as_known_from_the_start(tmp_path) -> None:
    folder = _with_progress(tmp_path, [{"unit": "tax-bureau", "status": "blocked"}])
    assert _states(folder, D(2020, 6, 1))[1][0] is State.BLOCKED
