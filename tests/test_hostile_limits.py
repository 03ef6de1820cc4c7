"""The worst inputs within the limits: every command, every format, finishes under a memory cap.

The cases are bench/hostile.py's (which measures their time and memory for SECURITY.md):
each file as large, as deep, as aliased or as wrong as the limits of yamlsource.py let in.
Each run is a fresh process with its address space capped, as a machine short of memory
would; the test asserts that it ends, with the exit code the data calls for and no
traceback. It asserts no speed (the machine is shared); the timeout only stops a hang.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import bench_module

hostile = bench_module("hostile")

MEMORY_CAP = 512 * 1024 * 1024
"""Address space (not resident memory) a run may use: Python and its libraries map ~150 MB."""
PLAIN_MEMORY_CAP = 1024 * 1024 * 1024
"""The same for the plain-file cases: files ten times larger, up to 19 MB of data in all."""
REFUSED = {
    "alias-bomb",
    "values-past-the-limit",
    "plain-values-past-the-limit",
    "long-line-syntax-error",
}
"""Cases that cannot be read at all: every command exits 2."""


def _expected_exit(case: str, command: str) -> int:
    if case in REFUSED:
        return 2
    if case.removeprefix("plain-") == "largest-valid":
        # valid: status runs; the plan's totals and the roster do not add up
        return {"validate": 1, "status": 0, "check-staffing": 1}[command]
    return 1 if command == "validate" else 2  # schema errors: found, or in the way


def _capped(cap: int) -> Callable[[], None]:
    return lambda: resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every case's data set, built once."""
    root = tmp_path_factory.mktemp("hostile")
    return {name: hostile.build(name, root / name) for name in hostile.CASES}


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(hostile.CASES))
def test_worst_input_finishes_under_a_memory_cap(built: dict[str, Path], case: str) -> None:
    for command, fmt in hostile.RUNS:
        result = subprocess.run(
            [sys.executable, *hostile.command(built[case], command, fmt)],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
            preexec_fn=_capped(PLAIN_MEMORY_CAP if case.startswith("plain-") else MEMORY_CAP),
            env={**os.environ, "HSREFORM_LANG": "zh", "NO_COLOR": "1", "COLUMNS": "80"},
        )
        where = f"{case}: {command} --format {fmt}"
        assert "Traceback" not in result.stderr, (where, result.stderr[-2000:])
        assert "MemoryError" not in result.stderr, where
        assert result.returncode == _expected_exit(case, command), (where, result.stderr[-500:])
        assert len(result.stdout) < 1_000_000, where  # findings are listed a hundred of a kind


@pytest.mark.slow
def test_the_worst_cases_are_within_the_limits(tmp_path: Path) -> None:
    """Each case is at a limit, not past it (bar those that test the refusal itself)."""
    from hsreform.dataset.loader import load
    from hsreform.reading.yamlsource import MAX_FILE_BYTES

    for name in (
        "every-value-wrong",
        "unknown-keys",
        "aliased-unknown-keys",
        "largest-valid",
        "plain-largest-valid",
    ):
        data = hostile.build(name, tmp_path / name)
        assert all(p.stat().st_size <= MAX_FILE_BYTES for p in data.iterdir())
        codes = {f.code for f in load(data).findings}
        assert not codes & {"yaml-value-limit", "yaml-expansion-limit", "file-too-large"}, name
