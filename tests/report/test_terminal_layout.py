"""The terminal layout at 80 and 120 columns: Chinese text lines up, long titles wrap in
their cell, nothing runs past the edge."""

from __future__ import annotations

import re
import shutil

import pytest
from rich.cells import cell_len

from tests.conftest import CLEAN, REPO

LONG = (
    "对本部门、本单位行政审批和公共服务事项进行全面梳理并纳入自治区政务一体化平台办理的特别长的标题"
)
EXAMPLE = ("--data", str(REPO / "examples" / "rollout-2020"), "--as-of", "2020-06-25")


@pytest.fixture
def long_titles(tmp_path):
    target = tmp_path / "long"
    shutil.copytree(CLEAN, target)
    tasks = target / "tasks.yaml"
    tasks.write_text(
        tasks.read_text(encoding="utf-8").replace("title: 开展业务和礼仪培训", f"title: {LONG}"),
        encoding="utf-8",
    )
    return target


def _column(line: str, text: str) -> int:
    """The display column at which `text` starts in `line`."""
    return cell_len(line[: line.index(text)])


def _aligned(lines: list[str], heading: str, pattern: str, column_heading: str = "") -> None:
    """In each table whose header has `heading`, each match of `pattern` starts where
    `column_heading` (or `heading`) does."""
    headers = [n for n, line in enumerate(lines) if heading in line]
    assert headers
    for header in headers:
        column = _column(lines[header], column_heading or heading)
        checked = 0
        for line in lines[header + 2 :]:
            match = re.search(pattern, line)
            if not line.strip() or (not line.startswith(" ") and match is None):
                break  # the end of this table
            if match is not None:
                assert cell_len(line[: match.start()]) == column, line
                checked += 1
        assert checked, lines[header]


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("command", ["report", "scorecard", "status"])
def test_fits_and_lines_up(invoke, width, command) -> None:
    out = invoke(command, *EXAMPLE, env={"COLUMNS": str(width)}).stdout
    lines = out.splitlines()
    assert max(cell_len(line) for line in lines) <= width
    if command in ("report", "status"):
        _aligned(lines, "截止日期", r"(?<=\s)(2020-\d\d-\d\d\*?|未定)(?=\s)")
    if command == "report":
        _aligned(lines, "窗口类别", r"(配齐|缺员|超配)$", "状态")
    if command == "scorecard":
        rates = [line for line in lines if line.rstrip().endswith("%")]
        assert len(rates) == 24  # 23 units and the total
        assert len({cell_len(line.rstrip()) for line in rates}) == 1  # right-aligned
        assert rates[0].startswith("交通局 ")  # names are not squeezed out
        assert rates[-1].startswith("合计 ")


@pytest.mark.parametrize("width", [80, 120])
def test_long_titles_wrap_inside_their_cell(invoke, long_titles, width) -> None:
    for command in ("report", "status"):
        out = invoke(
            command,
            "--data",
            str(long_titles),
            "--as-of",
            "2020-06-10",
            env={"COLUMNS": str(width)},
        ).stdout
        lines = out.splitlines()
        assert max(cell_len(line) for line in lines) <= width
        title_lines = [
            line for line in lines if any(LONG[i : i + 4] in line for i in range(0, len(LONG), 4))
        ]
        assert len(title_lines) >= 2, command  # wrapped, not cut
        first = next(line for line in lines if LONG[:4] in line)
        deadline = next(line for line in lines if "截止日期" in line)
        assert _column(first, "2020-06-20") == _column(deadline, "截止日期")
        joined = "".join(line.strip() for line in title_lines)
        assert all(ch in joined for ch in LONG)
