"""status: task states around each deadline, time travel with --as-of, narrowing."""

from __future__ import annotations

import datetime as dt
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
        (D(2020, 6, 1), 1, State.OPEN, 4),
        (D(2020, 6, 2), 1, State.DUE_SOON, 3),
        (D(2020, 6, 5), 1, State.DUE_SOON, 0),
        (D(2020, 6, 6), 1, State.OVERDUE, -1),
        (D(2020, 6, 6), 5, State.OPEN, 4),
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
    assert _states(BUNDLED, D(2020, 6, 2), soon=0)[1] == (State.OPEN, 3)


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
    # before anyone finished
    assert _states(folder, D(2020, 6, 1))[1] == (State.OPEN, 4)


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
    assert set(document) == {"as_of", "tasks", "goals", "summary"}
    assert document["as_of"] == "2020-06-08"
    keys = {"number", "title", "deadline", "state", "days_left", "units_done", "units_total"}
    assert all(set(row) == keys for row in document["tasks"] + document["goals"])
    assert [(r["number"], r["state"], r["days_left"]) for r in document["tasks"]] == [
        (1, "overdue", -3),
        (2, "overdue", -3),
        (3, "overdue", -3),
        (4, "overdue", -3),
        (5, "due-soon", 2),
        (6, "open", 12),
        (7, "open", 12),
        (8, "open", 12),
    ]
    assert document["summary"] == {
        "total": 9,
        "done": 0,
        "done-late": 0,
        "overdue": 4,
        "due-soon": 1,
        "open": 4,
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
        ("public-security-bureau", "in_progress", None),  # done only on 2020-06-05
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
    assert (document["number"], document["state"], document["units_total"]) == (1, "open", 20)
    assert {u["status"] for u in document["units"]} == {"not_started"}


def test_table_notes_groups_the_plan_never_lists(invoke) -> None:
    out = invoke("status", "--as-of", "2020-06-08").stdout
    assert (
        out.splitlines()[-1]
        == "注：方案没有逐一列出县人民政府各部门，完成数只计数据中已列出的单位。"
    )
    assert "注：" not in invoke("status", "--as-of", "2020-06-08", "--unit", "centre").stdout
