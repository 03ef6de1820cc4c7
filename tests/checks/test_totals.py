"""validate: the totals rules against their fixture data sets."""

from __future__ import annotations

import pytest

from tests.conftest import case_names, check_case


@pytest.mark.parametrize("name", case_names("totals-"))
def test_case_produces_exactly_its_findings(run_case, name: str) -> None:
    check_case(run_case, name)


def test_clean_set_has_no_findings(invoke, case) -> None:
    result = invoke(
        "validate", "--data", str(case("clean")), "--as-of", "2020-07-01", "--format", "json"
    )
    assert result.json() == {"findings": [], "omitted": [], "summary": {"errors": 0, "warnings": 0}}
    assert result.exit_code == 0


def test_gaps_are_warnings_that_fail_only_when_asked(invoke, case) -> None:
    result = invoke(
        "validate", "--data", str(case("totals-gaps")), "--as-of", "2020-07-01", "--format", "json"
    )
    severities = {f["code"]: f["severity"] for f in result.json()["findings"]}
    assert severities["departments-unnamed"] == severities["unit-unnamed"] == "warning"
