"""--format and --output as a user meets them: the extension decides, binaries stay off
terminals, exit codes are those of the command."""

from __future__ import annotations

import json

import pytest

from tests.conftest import REPO
from tests.test_terminal import _env, _on_a_terminal

EXAMPLE = ("--data", str(REPO / "examples" / "rollout-2020"), "--as-of", "2020-06-25")


@pytest.mark.parametrize(
    ("name", "starts"),
    [
        ("s.json", b"{"),
        ("s.md", "# 硕政办发".encode()),
        ("s.csv", b"\xef\xbb\xbf"),
        ("s.html", b"<!DOCTYPE html>"),
        ("s.HTM", b"<!DOCTYPE html>"),
        ("s.xlsx", b"PK"),
        ("s.txt", "硕政办发".encode()),
    ],
)
def test_the_extension_decides_the_format(invoke, tmp_path, name, starts) -> None:
    target = tmp_path / name
    result = invoke("status", *EXAMPLE, "--output", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "已写入" in result.stderr
    assert target.read_bytes().startswith(starts)


def test_a_format_is_never_written_under_another_formats_extension(invoke, tmp_path) -> None:
    target = tmp_path / "s.txt"
    result = invoke("status", *EXAMPLE, "--format", "json", "-o", str(target))
    assert result.exit_code == 2
    assert "的扩展名与 --format json 不符" in result.stderr
    assert "请改用扩展名 .json" in result.stderr
    assert not target.exists()
    report = invoke("report", *EXAMPLE, "--format", "html", "-o", str(tmp_path / "会议材料.docx"))
    assert report.exit_code == 2
    assert "请改用扩展名 .html、.htm" in report.stderr


def test_a_name_without_extension_takes_the_format(invoke, tmp_path) -> None:
    target = tmp_path / "status"
    invoke("status", *EXAMPLE, "--format", "json", "-o", str(target))
    assert json.loads(target.read_text(encoding="utf-8"))["as_of"] == "2020-06-25"


def test_an_unknown_extension_is_a_usage_error(invoke, tmp_path) -> None:
    result = invoke("status", *EXAMPLE, "--output", str(tmp_path / "s.pdf"))
    assert result.exit_code == 2
    assert "这条命令不能写" in result.stderr
    assert (
        "可写的扩展名：.txt、.json、.md、.markdown、.csv、.html、.htm、.xlsx、.docx"
        in result.stderr
    )
    assert not (tmp_path / "s.pdf").exists()


def test_github_annotations_only_where_findings_are(invoke, tmp_path) -> None:
    assert invoke("status", *EXAMPLE, "--format", "github").exit_code == 2
    result = invoke("validate", *EXAMPLE, "--format", "github")
    assert "::warning file=" in result.stdout


def test_xlsx_goes_into_a_pipe(invoke) -> None:
    result = invoke("scorecard", *EXAMPLE, "--format", "xlsx")
    assert result.exit_code == 0


@pytest.mark.skipif(not hasattr(__import__("os"), "openpty"), reason="needs a pseudo-terminal")
def test_xlsx_is_never_written_to_a_terminal(tmp_path) -> None:
    out = _on_a_terminal(*("report", *EXAMPLE, "--format", "xlsx"), env=_env(), cwd=tmp_path)
    assert "二进制格式" in out
    assert "PK" not in out


def test_exit_codes_stay_those_of_the_command(invoke, tmp_path) -> None:
    for fmt in ("html", "markdown", "csv", "xlsx"):
        result = invoke(
            "status", *EXAMPLE, "--fail-on", "overdue", "-o", str(tmp_path / f"s.{fmt}")
        )
        assert result.exit_code == 1, fmt
    assert invoke("check-staffing", *EXAMPLE, "--format", "html").exit_code == 1
    assert (
        invoke("check-staffing", *EXAMPLE, "--format", "html", "--fail-on", "never").exit_code == 0
    )
    assert invoke("report", *EXAMPLE, "--format", "markdown", "--fail-on", "overdue").exit_code == 1


def test_unusable_data_in_a_document_format_is_told_on_stderr(invoke, case, tmp_path) -> None:
    folder = case("references-tasks")
    for args in (("--format", "html"), ("--output", str(tmp_path / "r.json"))):
        result = invoke("report", "--data", str(folder), *args)
        assert result.exit_code == 2
        assert result.stdout == ""
        assert "无法生成报告" in result.stderr
    assert not (tmp_path / "r.json").exists()


def test_output_into_a_missing_folder_is_told_plainly(invoke, tmp_path) -> None:
    result = invoke("report", *EXAMPLE, "-o", str(tmp_path / "no" / "r.html"))
    assert result.exit_code == 2
    assert "系统拒绝了这次操作" in result.stderr


def test_english_documents(invoke) -> None:
    page = invoke("report", *EXAMPLE, "--format", "markdown", "--lang", "en").stdout
    assert page.startswith("# 硕政办发〔2020〕15号: rollout report as of 2020-06-25")
    assert "## Units x tasks" in page
    card = invoke("scorecard", *EXAMPLE, "--format", "csv", "--lang", "en").stdout
    assert card.splitlines()[0].lstrip("\ufeff").startswith("Unit,Obligations,Due,On time")


def test_calendar_to_standard_output(invoke) -> None:
    result = invoke("calendar", "--data", str(REPO / "examples" / "rollout-2020"))
    assert result.stdout.startswith("BEGIN:VCALENDAR")
    assert "保障职责1、保障职责3、保障职责4" in result.stderr
    assert invoke("calendar", "--remind", "-1").exit_code == 2


@pytest.mark.parametrize("command", ["report", "scorecard", "calendar"])
def test_new_commands_have_chinese_help(invoke, command) -> None:
    assert command in invoke("--help").stdout
    chinese = invoke(command, "--help")
    assert chinese.exit_code == 0
    assert "…" not in chinese.stdout
    assert "--output" in chinese.stdout
    assert "显示帮助并退出" in chinese.stdout
