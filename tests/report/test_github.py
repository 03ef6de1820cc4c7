"""--format github: GitHub Actions annotations, chosen by themselves inside Actions."""

from __future__ import annotations

from hsreform.common.findings import Finding, Severity
from hsreform.report.github import annotation


def test_annotation_escapes_what_the_runner_would_misread() -> None:
    # A line break in a message's parameter shows as ⏎ before the runner's escapes apply.
    finding = Finding("schema", Severity.ERROR, "data/a,b:c.yaml", 3, 5, {"detail": "50%\nnext"})
    assert annotation(finding, "en") == (
        "::error file=data/a%2Cb%3Ac.yaml,line=3,col=5,title=hsreform schema::invalid data: 50%25⏎next"
    )


def test_properties_cannot_end_the_command_either() -> None:
    # A file name (from --data) with a line break, `::`, `,` and `%`: one line, one command.
    finding = Finding("file-empty", Severity.ERROR, "a\n::warning::b,c%.yaml", 1, 1)
    line = annotation(finding, "en")
    assert "\n" not in line
    assert line.startswith("::error file=a⏎%3A%3Awarning%3A%3Ab%2Cc%25.yaml,line=1,col=1,")


def test_severities_map_to_commands() -> None:
    for severity, command in ((Severity.WARNING, "::warning "), (Severity.INFO, "::notice ")):
        assert annotation(Finding("file-empty", severity, "f.yaml", 1, 1), "zh").startswith(command)


def test_validate_in_github_actions(invoke, case) -> None:
    folder = str(case("totals-mismatch"))
    result = invoke(
        "validate", "--data", folder, "--as-of", "2020-07-01", env={"GITHUB_ACTIONS": "true"}
    )
    lines = result.stdout.splitlines()
    assert lines[0].startswith("::error file=")
    assert ",line=3,col=16,title=hsreform total-mismatch::部门数与方案不符" in lines[0]
    assert ",line=4,col=12,title=hsreform total-mismatch::窗口数与方案不符" in lines[1]
    assert lines[-1] == "5 个错误，0 个警告，0 个提示"
    assert result.exit_code == 1
    # an explicit format wins over the environment
    table = invoke(
        "validate", "--data", folder, "--format", "table", env={"GITHUB_ACTIONS": "true"}
    )
    assert not table.stdout.startswith("::")


def test_check_staffing_annotations(invoke, case) -> None:
    folder = str(case("staffing-untrained"))
    result = invoke(
        "check-staffing", "--data", folder, "--as-of", "2020-07-01", "--format", "github"
    )
    assert [line.split(",")[1] for line in result.stdout.splitlines()[:2]] == ["line=9", "line=21"]
    assert result.stdout.startswith("::error file=")


def test_status_has_no_github_format(invoke) -> None:
    result = invoke("status", "--format", "github")
    assert result.exit_code == 2
    assert "可选：终端表格、json" in result.stderr
    assert invoke("status", env={"GITHUB_ACTIONS": "true"}).stdout.startswith("硕政办发")


def test_check_staffing_chooses_annotations_inside_actions(invoke, case) -> None:
    result = invoke(
        "check-staffing",
        "--data",
        str(case("staffing-untrained")),
        "--as-of",
        "2020-07-01",
        env={"GITHUB_ACTIONS": "true"},
    )
    assert result.stdout.startswith("::error file=")
    assert result.exit_code == 1
