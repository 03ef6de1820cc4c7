"""scorecard: what counts as due so far, how each obligation stands, worst first."""

from __future__ import annotations

import datetime as dt

import pytest

from hsreform.dataset.loader import load
from hsreform.dataset.records import Status
from hsreform.views.scorecard import UnitRecord, scorecard, standing
from hsreform.views.status import Row, State, UnitProgress
from tests.conftest import CLEAN, REPO

D = dt.date
DEADLINE = D(2020, 6, 5)


def _unit(status: Status, done_on: dt.date | None = None) -> UnitProgress:
    late = done_on is not None and done_on > DEADLINE
    return UnitProgress("u", "单位", status, None, done_on, late, None, None)


def _row(deadline: dt.date | None = DEADLINE) -> Row:
    return Row("task", 1, "任务", deadline, State.OPEN, None, ())


@pytest.mark.parametrize(
    ("unit", "deadline", "as_of", "expected"),
    [
        (_unit(Status.DONE, D(2020, 6, 5)), DEADLINE, D(2020, 6, 5), "on_time"),
        (_unit(Status.DONE, D(2020, 6, 1)), DEADLINE, D(2020, 6, 2), "on_time"),  # early: due
        (_unit(Status.DONE, D(2020, 6, 6)), DEADLINE, D(2020, 6, 9), "late"),
        (_unit(Status.IN_PROGRESS), DEADLINE, D(2020, 6, 5), "not_yet_due"),  # the day itself
        (_unit(Status.IN_PROGRESS), DEADLINE, D(2020, 6, 6), "overdue"),
        (_unit(Status.NOT_STARTED), DEADLINE, D(2020, 6, 6), "overdue"),
        (_unit(Status.BLOCKED), DEADLINE, D(2020, 6, 6), "blocked"),
        (_unit(Status.BLOCKED), DEADLINE, D(2020, 6, 4), "not_yet_due"),
        (_unit(Status.EXEMPT), DEADLINE, D(2020, 6, 9), "exempt"),
        (_unit(Status.DONE, D(2020, 6, 1)), None, D(2020, 6, 9), "not_yet_due"),  # no deadline
        (_unit(Status.BLOCKED), None, D(2030, 1, 1), "not_yet_due"),
    ],
)
def test_each_obligation_stands_one_way(unit, deadline, as_of, expected) -> None:
    assert standing(unit, _row(deadline), as_of) == expected


def test_rate_and_due() -> None:
    record = UnitRecord(
        "u", "单位", 6, on_time=2, late=1, overdue=1, blocked=0, exempt=1, not_yet_due=1
    )
    assert record.due == 4
    assert record.on_time_rate == 0.5
    assert UnitRecord("u", "单位", 1, 0, 0, 0, 0, 0, 1).on_time_rate is None


def _card(as_of: dt.date):
    dataset = load(CLEAN).dataset
    assert dataset is not None
    return scorecard(dataset, as_of)


def test_clean_data_before_the_goal_is_due() -> None:
    card = _card(D(2020, 7, 1))
    by_unit = {r.unit: r for r in card.units}
    assert by_unit["public-security-bureau"].exempt == 1
    assert by_unit["centre"].not_yet_due == 1  # the duty has no deadline, blocked or not
    assert {r.on_time_rate for r in card.units} == {1.0}
    assert card.total.obligations == 8


def test_worst_first_then_the_data_order() -> None:
    card = _card(D(2021, 1, 2))
    assert [r.unit for r in card.units] == [
        "tax-bureau",
        "market-unit",
        "centre",
        "public-security-bureau",
    ]
    assert card.units[0].overdue == 1
    assert card.units[0].on_time_rate == 0.5


def test_nothing_due_comes_last() -> None:
    card = _card(D(2020, 5, 31))
    assert all(r.on_time_rate is None for r in card.units)


def test_the_notes_state_the_plans_rules_and_the_datas_readings(invoke) -> None:
    """What has no deadline, the borrowed deadline of duty 2, the plan's one exception
    (the year-end goal's items), and task 4's reading: each said, none stated as the plan's."""
    out = invoke("scorecard", "--data", str(REPO / "examples" / "rollout-2020"),
                 "--as-of", "2020-06-25", "--format", "markdown").stdout  # fmt: skip
    for line in (
        "已到期：单位已完成的，或截止日期已过（截止当天还不算）的任务、年度目标和保障职责。"
        "按时完成率 = 按时完成 ÷ 已到期。",
        "方案没有给保障职责定期限：没有期限的不算到期，完成了也不算。",
        "保障职责 2 按本数据的读法借用任务 3 的期限，按这个期限计算。",
        "豁免：方案只有一处例外，在年度目标上（“除对场地有特殊要求的事项外”）；"
        "记为豁免的不算到期，也不算未完成。",
        "注：任务 4 按本数据的读法只计在窗口有人员配额的单位",
    ):
        assert line in out, line
    assert "方案未定期限的不算到期" not in out  # duty 2 has none in the plan, and counts
