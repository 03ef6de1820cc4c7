"""The installed console script, run as a real process from a folder with no data in it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).parent / ("hsreform.exe" if os.name == "nt" else "hsreform")


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HSREFORM_")}
    return subprocess.run(
        [str(SCRIPT), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.skipif(not SCRIPT.exists(), reason="the package is not installed in this interpreter")
def test_installed_script_reports_the_bundled_plan(tmp_path) -> None:
    result = _run("status", "--as-of", "2020-06-08", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    states = [row["state"] for row in json.loads(result.stdout)["tasks"]]
    assert states == ["overdue"] * 4 + ["due-soon"] + ["open"] * 3


def test_python_dash_m_works_and_errors_exit_2(tmp_path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "hsreform", "status", "--as-of", "never"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "无法识别的日期" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_a_message_not_a_traceback(tmp_path) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "hsreform", "status", "--as-of", "2020-06-08"],
            cwd=tmp_path,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 2
    assert result.stderr.startswith("系统拒绝了这次操作")
    assert "Traceback" not in result.stderr


def test_a_reader_that_stops_early_does_not_change_the_exit_code(tmp_path) -> None:
    args = [
        sys.executable,
        "-m",
        "hsreform",
        "status",
        "--as-of",
        "2020-06-08",
        "--fail-on",
        "overdue",
    ]
    for fmt in ("table", "json"):
        with subprocess.Popen(
            [*args, "--format", fmt], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        ) as process:
            assert process.stdout is not None
            process.stdout.close()  # before anything is written: every write meets a closed pipe
            _, stderr = process.communicate(timeout=60)
        assert process.returncode == 1, fmt  # overdue tasks, as if the whole report had been read
        assert stderr == b"", stderr


def test_an_output_that_cannot_hold_chinese_still_works(tmp_path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    result = subprocess.run(
        [sys.executable, "-m", "hsreform", "status", "--as-of", "2020-06-08", "--format", "json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["tasks"][0]["title"] == "事项梳理，确定进大厅办理的事项"


def test_install_completion_writes_the_shell_setup(tmp_path) -> None:
    env = {**os.environ, "HOME": str(tmp_path), "SHELL": "/bin/bash"}
    result = subprocess.run(
        [sys.executable, "-m", "hsreform", "--install-completion", "bash"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    script = tmp_path / ".bash_completions" / "hsreform.sh"
    assert "_HSREFORM_COMPLETE" in script.read_text(encoding="utf-8")
    assert str(script) in (tmp_path / ".bashrc").read_text(encoding="utf-8")
