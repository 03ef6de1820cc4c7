"""An oracle for CI logs, written from the GitHub Actions runner's rules, not from hsreform's.

The runner reads every line of a job's output; it trims the whitespace at a line's start
(spaces, tabs, any Unicode blank) and takes a line that then starts with `::` for a
workflow command, and `##[` anywhere in a line for one too. A carriage return ends a line
for a terminal that shows the log, so it is taken as a line break here too. Nothing of
`hsreform.common.safe` is used: a guard that forgets a case is caught by this.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

_BREAK = re.compile(r"\r\n|\r|\n")
_COMMAND = re.compile(r"^\s*::|##\[")
"""Python's `\\s` is every Unicode blank, more than the runner trims: stricter is safer."""
_RAW_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def commands(text: str) -> list[str]:
    """The lines of `text` the runner would take as workflow commands."""
    return [line for line in _BREAK.split(text) if _COMMAND.search(line)]


def raw_controls(text: str) -> list[str]:
    """Control and bidirectional characters in `text` (a CR before a LF is a line end)."""
    return _RAW_CONTROL.findall(text.replace("\r\n", "\n"))


def script() -> str:
    """The installed console script (as a user runs it), beside this Python."""
    found = Path(sys.executable).parent / "hsreform"
    return str(found) if found.exists() else "hsreform"


def run(
    *args: str, cwd: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """`hsreform ARGS...` through the real console script, stdout and stderr captured."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HSREFORM_", "GITHUB_"))}
    env |= {"NO_COLOR": "1", "COLUMNS": "100"}
    return subprocess.run(
        [script(), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        cwd=cwd,
        env=env,
        timeout=timeout,
        check=False,
    )
