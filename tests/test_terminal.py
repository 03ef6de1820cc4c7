"""Colour on a terminal, plain text for NO_COLOR, pipes and files."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

ESC = "\x1b["
pytestmark = [
    pytest.mark.slow,  # each test starts the script
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
]


def _on_a_terminal(*args: str, env: dict[str, str], cwd: Path) -> str:
    """Run `python -m hsreform ARGS` with its output on a pseudo-terminal; what it printed."""
    leader, follower = pty.openpty()
    try:
        with subprocess.Popen(
            [sys.executable, "-m", "hsreform", *args],
            stdout=follower,
            stderr=follower,
            cwd=cwd,
            env=env,
        ) as process:
            os.close(follower)
            chunks = []
            while True:
                try:
                    chunk = os.read(leader, 65536)
                except OSError:  # the terminal closed: the process is done
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            process.wait(timeout=60)
    finally:
        os.close(leader)
    return b"".join(chunks).decode("utf-8", errors="replace")


def _env(**extra: str) -> dict[str, str]:
    keep = {
        k: v
        for k, v in os.environ.items()
        if k not in ("NO_COLOR", "FORCE_COLOR", "TERM", "COLUMNS")
    }
    return {**keep, "TERM": "xterm-256color", **extra}


ARGS = ("status", "--as-of", "2020-06-08")


def test_colour_on_a_terminal(tmp_path) -> None:
    assert ESC in _on_a_terminal(*ARGS, env=_env(), cwd=tmp_path)


def test_no_color_gives_plain_text_on_a_terminal(tmp_path) -> None:
    out = _on_a_terminal(*ARGS, env=_env(NO_COLOR="1"), cwd=tmp_path)
    assert ESC not in out
    assert "已逾期" in out


def test_piped_table_is_plain_and_readable(tmp_path) -> None:
    target = tmp_path / "status.txt"
    with target.open("w", encoding="utf-8") as handle:
        subprocess.run(
            [sys.executable, "-m", "hsreform", *ARGS],
            stdout=handle,
            cwd=tmp_path,
            env=_env(),
            check=True,
            timeout=60,
        )
    written = target.read_text(encoding="utf-8")
    assert ESC not in written
    first = next(line for line in written.splitlines() if line.strip().startswith("1 "))
    assert first.split() == [
        "1",
        "事项梳理，确定进大厅办理的事项",
        "2020-06-05",
        "逾期3天",
        "0/20",
        "已逾期",
    ]
