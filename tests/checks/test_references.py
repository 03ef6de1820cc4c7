"""validate: the references rules against their fixture data sets."""

from __future__ import annotations

import pytest

from tests.conftest import case_names, check_case


@pytest.mark.parametrize("name", case_names("references-"))
def test_case_produces_exactly_its_findings(run_case, name: str) -> None:
    check_case(run_case, name)


@pytest.mark.parametrize("command", ["status", "check-staffing"])
@pytest.mark.parametrize("name", case_names("references-"))
def test_broken_references_stop_other_commands(invoke, case, command: str, name: str) -> None:
    result = invoke(command, "--data", str(case(name)), "--as-of", "2020-07-01", "--format", "json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "hsreform validate" in result.stderr
    assert ".yaml:" in result.stderr  # every problem with its place
