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


def test_done_means_met_in_every_view(invoke, case) -> None:
    # {unit: tax-bureau, status: done, done_on: 2020-06-04}, on a task with two requirements
    folder = str(case("progress-done-means-met"))
    task = invoke(
        "status", "--data", folder, "--task", "1", "--as-of", "2020-07-01", "--format", "json"
    ).json()
    tax = next(u for u in task["units"] if u["unit"] == "tax-bureau")
    assert (tax["status"], tax["done_on"], tax["met"], tax["open"]) == (
        "done",
        "2020-06-04",
        ["select-staff", "report-names"],
        [],
    )
    assert (task["state"], task["requirements_met"], task["requirements_total"]) == ("done", 6, 6)
    card = invoke("scorecard", "--data", folder, "--as-of", "2020-07-01", "--format", "json")
    record = next(u for u in card.json()["units"] if u["unit"] == "tax-bureau")
    assert (record["on_time"], record["overdue"]) == (1, 0)
    report = invoke("report", "--data", folder, "--as-of", "2020-07-01", "--format", "json").json()
    assert report["status"]["tasks"][0]["requirements_met"] == 6
    log = invoke("log", "--data", folder, "--as-of", "2020-07-01", "--format", "json").json()
    assert {
        "date": "2020-06-04",
        "kind": "task",
        "number": 1,
        "who": "税务局",
        "change": "随完成满足要求：“选派骨干”“报送名单”",
    } in log["changes"]
