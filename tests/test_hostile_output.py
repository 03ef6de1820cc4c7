"""Nothing in the data or on the command line can act on whoever reads the output.

Every text field a report shows carries a line break followed by a workflow command,
`##[` (which the GitHub Actions runner honours anywhere in a line) and a right-to-left
override; the command line carries ESC sequences and line breaks. Every command runs in
every format, and every line it writes, to stdout and to stderr, is checked: no workflow
command but our own annotations, no raw control or bidirectional character, JSON intact.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from hsreform.common.safe import command_at
from tests.conftest import bench_module

PAYLOAD = "甲\n::error file=x.yaml,line=1::伪造 ##[warning]假的 \u202e倒"
ANNOTATION = re.compile(r"::(error|warning|notice) file=[^\n]*,title=hsreform [a-z0-9-]+::")
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
AS_OF = "2020-07-01"


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a YAML double-quoted scalar as well


def _hostile(folder: Path) -> Path:
    """The clean set with the payload in titles, evidence, notes and window names, and in a
    person's name (without the override: names may not hold one) who is untrained."""
    tasks = (folder / "tasks.yaml").read_text(encoding="utf-8")
    tasks = tasks.replace("title: 选派骨干力量进驻", f"title: {_quoted(PAYLOAD)}")
    tasks = tasks.replace(
        "evidence: 名单已报", f"evidence: {_quoted(PAYLOAD)}\n        note: {_quoted(PAYLOAD)}"
    )
    (folder / "tasks.yaml").write_text(tasks, encoding="utf-8")
    windows = (folder / "windows.yaml").read_text(encoding="utf-8")
    windows = windows.replace(
        "name: 税务窗口", f"name: {_quoted(PAYLOAD.replace(chr(0x202E), ''))}"
    )
    (folder / "windows.yaml").write_text(windows, encoding="utf-8")
    staff = (folder / "staff.yaml").read_text(encoding="utf-8")
    person = PAYLOAD.replace("\u202e", "")
    staff = staff.replace("name: 刘洋", f"name: {_quoted(person)}").replace(
        "    since: 2020-06-02\n    trained_on: 2020-06-15\n", "    since: 2020-06-02\n"
    )
    (folder / "staff.yaml").write_text(staff, encoding="utf-8")
    return folder


def _check(output: str, fmt: str, findings: int | None = None) -> None:
    ours = 0
    for line in output.split("\n"):
        if fmt == "github" and ANNOTATION.match(line):
            ours += 1
            assert "\n" not in line
            continue
        assert command_at(line) < 0, line
        assert "##[" not in line, line
    assert not RAW.search(output.replace("\n", "").removeprefix("\ufeff")), output  # CSV's BOM
    if findings is not None:
        assert ours == findings


@pytest.mark.parametrize(("command", "fmt"), bench_module("hostile").RUNS)
def test_data_cannot_act_on_the_reader(invoke, case, command: str, fmt: str) -> None:
    folder = _hostile(case("clean"))
    result = invoke(command, "--data", str(folder), "--as-of", AS_OF, "--format", fmt)
    assert result.exit_code in (0, 1), result.stderr
    _check(result.stdout, fmt)
    _check(result.stderr, fmt)
    if fmt == "json":
        json.loads(result.stdout)


def test_task_view_and_the_payload_in_json(invoke, case) -> None:
    folder = _hostile(case("clean"))
    table = invoke("status", "--data", str(folder), "--as-of", AS_OF, "--task", "1")
    _check(table.stdout, "table")
    assert "甲⏎\\::error" in table.stdout or "甲⏎::error" in table.stdout  # shown, inert
    assert "<U+202E>" in table.stdout
    document = invoke(
        "status", "--data", str(folder), "--as-of", AS_OF, "--task", "1", "--format", "json"
    ).json()
    assert document["title"] == PAYLOAD  # JSON keeps the data exactly
    assert document["units"][0]["evidence"] == PAYLOAD


def test_github_annotations_are_ours_alone(invoke, case) -> None:
    folder = _hostile(case("clean"))
    result = invoke("check-staffing", "--data", str(folder), "--as-of", AS_OF, "--format", "github")
    findings = invoke(
        "check-staffing", "--data", str(folder), "--as-of", AS_OF, "--format", "json"
    ).json()["findings"]
    _check(result.stdout, "github", findings=len(findings))


HOSTILE_ARGS: list[tuple[str, ...]] = [
    ("status", "--unit", "\x1b]8;;https://example.invalid\x1b\\点我\x1b]8;;\x1b\\"),
    ("status", "--unit", "x\n::error::伪造"),
    ("status", "--as-of", "\x1b[2J\n::warning::假"),
    ("status", "--data", "::error::x\n##[warning]y\x1b[31m"),
    ("validate", "::error::x\n\x1b[31m"),
    ("status", "--format", "\u202ejson"),
    ("status", "--\x1b[31mcolour"),
    ("stat\x1b[31mus",),
]


@pytest.mark.parametrize("args", HOSTILE_ARGS, ids=lambda a: repr(a)[:40])
def test_the_command_line_cannot_act_on_the_reader(invoke, case, args: tuple[str, ...]) -> None:
    data = ("--data", str(case("clean"))) if "--data" not in args and args[0] == "status" else ()
    result = invoke(*args, *data)
    assert result.exit_code == 2
    _check(result.stdout + result.stderr, "table")
    assert "\x1b" not in result.stderr


def test_an_environment_variable_cannot_act_either(invoke) -> None:
    result = invoke("status", env={"HSREFORM_LANG": "\x1b[31m\n::error::x"})
    assert result.exit_code == 2
    _check(result.stderr, "table")


def test_a_data_folder_named_as_a_command(invoke, case, tmp_path: Path) -> None:
    folder = case("clean").rename(tmp_path / "::error file=a::b")
    (folder / "staff.yaml").write_text("staff: [1]\n", encoding="utf-8")
    for fmt in ("table", "github"):
        result: Any = invoke("validate", "--data", str(folder), "--format", fmt)
        _check(result.stdout + result.stderr, fmt, findings=1 if fmt == "github" else None)
    status = invoke("status", "--data", str(folder))
    _check(status.stderr, "table")


TEXT_FORMATS = ("table", "json", "markdown", "csv", "html")
VIEWS: list[tuple[str, ...]] = [
    *(("validate", "--format", f) for f in (*TEXT_FORMATS, "github")),
    *(("check-staffing", "--format", f) for f in (*TEXT_FORMATS, "github")),
    *(("status", "--format", f) for f in TEXT_FORMATS),
    *(("status", "--task", "1", "--format", f) for f in TEXT_FORMATS),
    *(("report", "--format", f) for f in TEXT_FORMATS),
    *(("scorecard", "--format", f) for f in TEXT_FORMATS),
    ("items", "--format", "table"),
    ("items", "--format", "json"),
    ("log", "--format", "table"),
    ("log", "--format", "json"),
]
"""Every view the tool prints as text, in every text format it has."""


@pytest.mark.parametrize("args", VIEWS, ids=" ".join)
def test_every_view_in_every_text_format_is_inert(invoke, case, args: tuple[str, ...]) -> None:
    folder = _hostile(case("clean"))
    result = invoke(*args, "--data", str(folder), "--as-of", AS_OF)
    assert result.exit_code in (0, 1), result.stderr
    fmt = args[args.index("--format") + 1] if "--format" in args else "table"
    _check(result.stdout, fmt)
    _check(result.stderr, fmt)
    if fmt == "json":
        json.loads(result.stdout)


def test_the_calendar_is_inert(invoke, case) -> None:
    result = invoke("calendar", "--data", str(_hostile(case("clean"))))
    assert result.exit_code == 0, result.stderr
    _check(result.stdout, "table")
