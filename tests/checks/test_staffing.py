"""check-staffing: each rule against its fixture data set, and the clean set."""

from __future__ import annotations

import pytest

from tests.conftest import case_names, check_case


@pytest.mark.parametrize("name", case_names("staffing-"))
def test_case_produces_exactly_its_findings(run_case, name: str) -> None:
    check_case(run_case, name)


def test_every_rule_has_a_case() -> None:
    codes = {
        "under-quota",
        "over-quota",
        "fewer-staff-than-windows",
        "double-posting",
        "no-chief",
        "several-chiefs",
        "replacement-not-approved",
        "untrained",
        "posted-late",
    }
    from tests.conftest import expected

    covered = {f[0] for name in case_names("staffing-") for f in expected(name)["findings"]}
    assert codes <= covered


def test_clean_set_has_no_findings(invoke, case) -> None:
    result = invoke(
        "check-staffing", "--data", str(case("clean")), "--as-of", "2020-07-01", "--format", "json"
    )
    assert result.exit_code == 0
    assert result.json()["findings"] == []
    assert result.json()["summary"] == {
        "windows": 5,
        "quota": 6,
        "staffed": 6,
        "errors": 0,
        "warnings": 0,
    }


def test_before_deadline_is_info_until_fail_on_info(invoke, case) -> None:
    folder = str(case("staffing-before-deadline"))
    assert invoke("check-staffing", "--data", folder, "--as-of", "2020-06-01").exit_code == 0
    assert (
        invoke(
            "check-staffing", "--data", folder, "--as-of", "2020-06-01", "--fail-on", "info"
        ).exit_code
        == 1
    )


@pytest.mark.parametrize(
    ("as_of", "severity", "exit_code"), [("2020-06-05", "info", 0), ("2020-06-06", "error", 1)]
)
def test_a_gap_becomes_an_error_the_day_after_the_staffing_deadline(
    invoke, case, as_of, severity, exit_code
) -> None:
    result = invoke(
        "check-staffing",
        "--data",
        str(case("staffing-quotas")),
        "--as-of",
        as_of,
        "--format",
        "json",
    )
    under = [f for f in result.json()["findings"] if f["code"] == "under-quota"]
    assert [f["severity"] for f in under] == [severity]
    assert result.exit_code == exit_code
