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
    folder = str(case(name))
    text = invoke(command, "--data", folder, "--as-of", "2020-07-01")
    assert text.exit_code == 2
    assert text.stdout == ""
    assert "hsreform validate" in text.stderr
    assert ".yaml:" in text.stderr  # every problem with its place
    as_json = invoke(command, "--data", folder, "--as-of", "2020-07-01", "--format", "json")
    assert as_json.exit_code == 2
    document = as_json.json()  # the findings, in the format asked for
    assert set(document) == {"findings", "omitted", "summary"}
    assert document["summary"]["errors"] == len(document["findings"]) > 0
