"""validate: the item catalogue against itself, the windows, the letters and the progress."""

from __future__ import annotations

import pytest

from tests.conftest import case_names, check_case, expected


@pytest.mark.parametrize("name", case_names("items-"))
def test_case_produces_exactly_its_findings(run_case, name: str) -> None:
    check_case(run_case, name)


def test_every_rule_has_a_case() -> None:
    covered = {f[0] for name in case_names("items-") for f in expected(name)["findings"]}
    assert covered == {
        "sorting-done-without-items",
        "authorization-done-without-letter",
        "goal-done-items-outside",
        "goal-exempt-items-must-enter",
        "item-not-authorized",
        "item-window-no-quota",
        "item-exempt-without-reason",
        "item-in-hall-without-window",
        "letter-item-elsewhere",
        "catalogue-rule-missing",
        "dated-in-future",
    }
