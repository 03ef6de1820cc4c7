"""Shared fixtures: fixture data sets, and the CLI run as a user runs it."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import typer.testing
from ruamel.yaml import YAML
from typer.testing import CliRunner

DATA = Path(__file__).parent / "data"
CLEAN = DATA / "clean"
REPO = Path(__file__).parent.parent
BUNDLED = REPO / "data"


def bench_module(name: str) -> Any:
    """A script of bench/ as a module (it is no package): bench/hostile.py's cases, say."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, REPO / "bench" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def case_names(prefix: str) -> list[str]:
    """Fixture data sets under tests/data/ whose names start with `prefix`."""
    return sorted(p.parent.name for p in DATA.glob(f"{prefix}*/expected.yaml"))


def build_case(name: str, target: Path) -> Path:
    """The clean data set with the case's own files laid over it, copied into `target`."""
    if target.exists():
        return target
    shutil.copytree(CLEAN, target)
    for path in (DATA / name).iterdir():
        if path.name != "expected.yaml":
            shutil.copy(path, target / path.name)
    return target


def expected(name: str) -> dict[str, Any]:
    """A case's expected.yaml: command, as_of, exit code, findings."""
    return YAML(typ="safe", pure=True).load(
        (DATA / name / "expected.yaml").read_text(encoding="utf-8")
    )


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


Invoke = Callable[..., Result]


@pytest.fixture
def invoke(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Invoke:
    """Run `hsreform ARGS...` through Typer's CliRunner, at 80 columns, without colour."""
    from hsreform.cli.root import app, command  # here: a test that runs no command loads no CLI

    monkeypatch.delenv("HSREFORM_DATA", raising=False)
    monkeypatch.delenv("HSREFORM_LANG", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.chdir(tmp_path)
    # The runner builds the app as the console script does: commands built when looked up.
    monkeypatch.setattr(typer.testing, "_get_command", lambda _app: command())
    runner = CliRunner()

    def run(*args: str, env: dict[str, str] | None = None) -> Result:
        result = runner.invoke(
            app, list(args), env={"COLUMNS": "80", "NO_COLOR": "1", **(env or {})}
        )
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Result(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def case(tmp_path: Path) -> Callable[[str], Path]:
    """Build a named fixture case in a temporary folder and return that folder."""
    return lambda name: build_case(name, tmp_path / name)


def has_message(finding: dict[str, Any]) -> bool:
    """The finding's message came from the catalogue, with every placeholder filled."""
    message = finding["message"]
    return not message.startswith(finding["code"] + " {") and not re.search(r"{\w+}", message)


def found(document: dict[str, Any]) -> list[tuple[str, str, int]]:
    """(code, file name, line) of each finding in a JSON report, in order."""
    return [(f["code"], Path(f["file"]).name, f["line"]) for f in document["findings"]]


@pytest.fixture
def run_case(
    invoke: Invoke, case: Callable[[str], Path]
) -> Callable[[str], tuple[Result, dict[str, Any]]]:
    """Run a case's command on it as JSON; return the result and what expected.yaml says."""

    def run(name: str) -> tuple[Result, dict[str, Any]]:
        spec = expected(name)
        folder = case(name)
        result = invoke(
            spec["command"],
            "--data",
            str(folder),
            "--as-of",
            str(spec["as_of"]),
            "--format",
            "json",
        )
        return result, spec

    return run


def check_case(run: Callable[[str], tuple[Result, dict[str, Any]]], name: str) -> None:
    """The case produces exactly the findings and the exit code its expected.yaml lists."""
    result, spec = run(name)
    assert sorted(found(result.json())) == sorted(tuple(f) for f in spec["findings"] or [])
    assert all(has_message(f) for f in result.json()["findings"])
    assert result.exit_code == spec["exit"], result.stderr


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current output instead of comparing with it",
    )
