"""hsreform as a real process: the installed console script, python -m, and the streams around it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

SCRIPT = Path(sys.executable).parent / ("hsreform.exe" if os.name == "nt" else "hsreform")
MODULE = (sys.executable, "-m", "hsreform")


def _run(
    command: tuple[str, ...],
    *args: str,
    cwd: Path,
    env: dict[str, str] | None = None,
    **streams: Any,
) -> subprocess.CompletedProcess[str]:
    """Run `command ARGS` in `cwd` with no HSREFORM_ settings from outside; text, 60 s at most."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("HSREFORM_")}
    if not streams:
        streams = {"capture_output": True}
    return subprocess.run(
        [*command, *args],
        cwd=cwd,
        env={**clean, **(env or {})},
        text=True,
        timeout=60,
        check=False,
        **streams,
    )


@pytest.mark.skipif(not SCRIPT.exists(), reason="the package is not installed in this interpreter")
def test_installed_script_reports_the_bundled_plan(tmp_path) -> None:
    result = _run(
        (str(SCRIPT),), "status", "--as-of", "2020-06-08", "--format", "json", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    states = [row["state"] for row in json.loads(result.stdout)["tasks"]]
    assert states == ["overdue"] * 4 + ["due-soon"] + ["not-started"] * 3


@pytest.mark.slow
def test_python_dash_m_works_and_errors_exit_2(tmp_path) -> None:
    result = _run(MODULE, "status", "--as-of", "never", cwd=tmp_path)
    assert result.returncode == 2
    assert "无法识别的日期" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_a_message_not_a_traceback(tmp_path) -> None:
    with open("/dev/full", "w") as full:
        result = _run(
            MODULE,
            "status",
            "--as-of",
            "2020-06-08",
            cwd=tmp_path,
            stdout=full,
            stderr=subprocess.PIPE,
        )
    assert result.returncode == 2
    assert result.stderr.startswith("系统拒绝了这次操作：磁盘已满")
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_a_reader_that_stops_early_does_not_change_the_exit_code(tmp_path) -> None:
    for fmt in ("table", "json"):
        args = [*MODULE, "status", "--as-of", "2020-06-08", "--fail-on", "overdue", "--format", fmt]
        with subprocess.Popen(
            args, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        ) as process:
            assert process.stdout is not None
            process.stdout.close()  # before anything is written: every write meets a closed pipe
            _, stderr = process.communicate(timeout=60)
        assert process.returncode == 1, fmt  # overdue tasks, as if the whole report had been read
        assert stderr == b"", stderr


@pytest.mark.slow
def test_an_output_that_cannot_hold_chinese_still_works(tmp_path) -> None:
    result = _run(
        MODULE,
        "status",
        "--as-of",
        "2020-06-08",
        "--format",
        "json",
        cwd=tmp_path,
        env={"PYTHONIOENCODING": "ascii"},
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["tasks"][0]["title"] == "事项梳理，确定进大厅办理的事项"


@pytest.mark.slow
def test_install_completion_writes_the_shell_setup(tmp_path) -> None:
    result = _run(
        MODULE,
        "--install-completion",
        "bash",
        cwd=tmp_path,
        # Typer's own switch for tests: take the shell named here rather than detecting it
        # from the processes above this one, which found none under some process trees.
        env={
            "HOME": str(tmp_path),
            "SHELL": "/bin/bash",
            "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1",
        },
    )
    assert result.returncode == 0, result.stderr
    script = tmp_path / ".bash_completions" / "hsreform.sh"
    assert "_HSREFORM_COMPLETE" in script.read_text(encoding="utf-8")
    assert str(script) in (tmp_path / ".bashrc").read_text(encoding="utf-8")


CLOSED_STDOUT = [
    (("status", "--as-of", "2020-06-08", "--format", "json", "--fail-on", "overdue"), 1),
    (("status", "--as-of", "2020-06-08"), 0),
    (("validate", "--format", "github"), 0),
    (("validate", "--format", "json", "--fail-on", "warning"), 1),
    (("check-staffing", "--as-of", "2020-06-08", "--format", "github"), 1),
    (("--version",), 0),
    (("schema",), 0),
    (("--help",), 0),
    (("status", "--as-of", "never"), 2),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "code"), CLOSED_STDOUT, ids=[" ".join(a) for a, _ in CLOSED_STDOUT]
)
def test_a_closed_stdout_drops_the_output_and_keeps_the_exit_code(tmp_path, args, code) -> None:
    """`hsreform ... >&-`: nobody reads the output; the exit code says what it would have."""
    result = _run(
        MODULE, *args, cwd=tmp_path, stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1)
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == code, result.stderr


@pytest.mark.slow
@pytest.mark.parametrize(
    "args", [("status", "--data", "nope"), ("stauts",), ("status", "--as-of", "x" * 100_000)]
)
def test_a_usage_error_exits_2_when_stderr_is_closed_or_full(tmp_path, args) -> None:
    result = _run(
        MODULE, *args, cwd=tmp_path, stdout=subprocess.PIPE, preexec_fn=lambda: os.close(2)
    )
    assert result.returncode == 2
    if Path("/dev/full").exists():
        with open("/dev/full", "w") as full:
            result = _run(MODULE, *args, cwd=tmp_path, stdout=subprocess.PIPE, stderr=full)
        assert result.returncode == 2


@pytest.mark.slow
def test_a_long_option_value_is_echoed_cut_short(tmp_path) -> None:
    result = _run(MODULE, "status", "--as-of", "x" * 100_000, cwd=tmp_path)
    assert result.returncode == 2
    assert len(result.stderr) < 300, len(result.stderr)
    assert "xxx…" in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("columns", ["0", "-5", "5", "abc", "100000000", "9" * 5000])
def test_a_silly_width_falls_back_to_a_sane_one(tmp_path, columns: str) -> None:
    env = {"COLUMNS": columns, "TERMINAL_WIDTH": columns, "NO_COLOR": "1"}
    status = _run(MODULE, "status", "--as-of", "2020-06-08", cwd=tmp_path, env=env)
    assert "共 9 项" in status.stdout
    assert max(len(line) for line in status.stdout.splitlines()) < 200
    error = _run(MODULE, "status", "--as-of", "never", cwd=tmp_path, env=env)
    assert "无法识别的日期“never”" in error.stderr
    helped = _run(MODULE, "--help", cwd=tmp_path, env=env)
    assert helped.returncode == 0, helped.stderr
    assert "check-staffing" in helped.stdout
    assert len(helped.stdout) < 20_000
