"""validate: the dates rules against their fixture data sets."""

from __future__ import annotations

import pytest

from tests.conftest import case_names, check_case


@pytest.mark.parametrize("name", case_names("dates-"))
def test_case_produces_exactly_its_findings(run_case, name: str) -> None:
    check_case(run_case, name)


def test_done_on_the_report_day_is_fine(invoke, case) -> None:
    result = invoke(
        "validate", "--data", str(case("clean")), "--as-of", "2020-06-15", "--format", "json"
    )
    assert result.json()["findings"] == []
