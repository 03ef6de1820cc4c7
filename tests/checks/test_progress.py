"""validate: dated states, histories, requirements and exemptions against their fixture data sets."""

from __future__ import annotations

import pytest

from tests.conftest import case_names, check_case, expected


@pytest.mark.parametrize("name", case_names("progress-"))
def test_case_produces_exactly_its_findings(run_case, name: str) -> None:
    check_case(run_case, name)


def test_every_rule_has_a_case() -> None:
    covered = {f[0] for name in case_names("progress-") for f in expected(name)["findings"]}
    assert covered == {
        "state-undated",
        "history-out-of-order",
        "unknown-requirement",
        "requirements-open",
        "exemption-not-allowed",
        "not-charged",
    }
