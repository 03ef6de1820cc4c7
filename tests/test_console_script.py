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
