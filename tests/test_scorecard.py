"""scorecard: what counts as due so far, how each obligation stands, worst first."""

from __future__ import annotations

import datetime as dt

import pytest

from hsreform.dataset.loader import load
from hsreform.dataset.records import Status
from hsreform.views.scorecard import UnitRecord, scorecard, standing
from hsreform.views.status import Row, State, UnitProgress
from tests.conftest import CLEAN

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
