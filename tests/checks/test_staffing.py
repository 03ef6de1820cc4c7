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
        "move-not-approved",
        "leave-not-approved",
        "untrained",
        "trained-late",
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


def _codes(invoke, folder, as_of: str) -> list[tuple[str, str]]:
    result = invoke("check-staffing", "--data", str(folder), "--as-of", as_of, "--format", "json")
    return [(f["code"], f["message"]) for f in result.json()["findings"]]


def test_a_late_posting_is_a_finding_while_the_person_is_in_post(invoke, case) -> None:
    folder = case("staffing-posted-late")
    while_there = [m for c, m in _codes(invoke, folder, "2020-06-20") if c == "posted-late"]
    assert while_there == [
        "王芳于 2020-06-10 才首次到岗，晚于到岗期限 2020-06-05",
        "吴刚于 2020-06-08 才首次到岗，晚于到岗期限 2020-06-05",
    ]
    gone = [m for c, m in _codes(invoke, folder, "2020-07-01") if c == "posted-late"]
    assert gone == ["王芳于 2020-06-10 才首次到岗，晚于到岗期限 2020-06-05"]


def test_late_training_is_a_finding_and_untrained_becomes_it(invoke, case) -> None:
    folder = case("staffing-trained-late")
    before = [m for c, m in _codes(invoke, folder, "2020-06-22") if c == "untrained"]
    assert "李娜在培训期限 2020-06-20 之后仍在岗，没有培训记录（trained_on）" in before
    after = [m for c, m in _codes(invoke, folder, "2020-06-26") if c == "trained-late"]
    assert after == [
        "李娜在培训期限 2020-06-20 之前已到岗，到 2020-06-25 才受训，晚于期限",
        "王芳在培训期限 2020-06-20 之前已到岗，到 2020-06-24 才受训，晚于期限",
    ]


def test_chief_findings_say_they_are_the_datas_reading(invoke, case) -> None:
    # The plan says only 窗口实行首席代表制; how many chiefs is this data's reading.
    found = dict(_codes(invoke, case("staffing-chiefs"), "2020-07-01"))
    assert found["no-chief"] == (
        "公安局在岗首席代表 0 名；按本数据对“首席代表制”的读法（windows.yaml 的 "
        "chief_representatives，方案没有规定人数）应有 1 名"
    )
    assert found["several-chiefs"].startswith("税务局在岗首席代表 2 名（")
    assert "按本数据对“首席代表制”的读法" in found["several-chiefs"]
