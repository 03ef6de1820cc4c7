"""The app built lazily (cli_build) is the app Typer builds, and builds only what runs."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
import typer
from typer.core import TyperCommand, TyperGroup
from typer.testing import CliRunner

from hsreform.cli import build as cli_build
from hsreform.cli.root import app, command


def _paths(group: Any, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    for name in group.list_commands(None):
        sub = group.get_command(None, name)
        yield (*prefix, name)
        if isinstance(sub, TyperGroup):
            yield from _paths(sub, (*prefix, name))


def _find(group: Any, path: tuple[str, ...]) -> Any:
    for name in path:
        group = group.get_command(None, name)
    return group


def _described(cmd: Any) -> dict[str, Any]:
    """What a user can see or use of a command: its texts, flags and each parameter."""
    return {
        "type": type(cmd).__name__,
        "name": cmd.name,
        "help": cmd.help,
        "short_help": cmd.short_help,
        "hidden": cmd.hidden,
        "no_args_is_help": cmd.no_args_is_help,
        "params": [
            (
                type(p).__name__,
                p.name,
                tuple(p.opts),
                tuple(p.secondary_opts),
                p.required,
                repr(p.default),
                getattr(p, "help", None),
                p.metavar,
                p.nargs,
                p.multiple,
                p.is_eager,
                getattr(p, "hidden", False),
                repr(p.type_descriptor.annotation) if hasattr(p, "type_descriptor") else None,
            )
            for p in cmd.params
        ],
        "commands": list(cmd.list_commands(None)) if isinstance(cmd, TyperGroup) else None,
    }


EAGER = typer.main.get_command(app)
PATHS = list(_paths(EAGER))


def test_every_command_is_there() -> None:
    assert list(_paths(command())) == PATHS
    assert len(PATHS) > 30  # every command and group, nested ones included


@pytest.mark.parametrize("path", [(), *PATHS], ids=lambda p: " ".join(p) or "hsreform")
def test_each_command_is_what_typer_builds(path: tuple[str, ...]) -> None:
    assert _described(_find(command(), path)) == _described(_find(EAGER, path))


def test_a_listing_reads_the_help_typer_would_give() -> None:
    lazy = command()
    for path in PATHS:
        *parent, name = path
        commands = _find(lazy, tuple(parent)).commands
        listed = commands.summary(name)
        built = _find(EAGER, path)
        assert (listed.help, listed.short_help, listed.hidden) == (
            built.help,
            built.short_help,
            built.hidden,
        )
    assert lazy.commands.summary("no-such-command") is None


def test_help_builds_no_command_and_a_command_builds_only_itself(monkeypatch: Any) -> None:
    built: list[str] = []
    real = cli_build.get_command_from_info

    def counting(info: Any, **kwargs: Any) -> Any:
        built.append(info.name or info.callback.__name__)
        return real(info, **kwargs)

    monkeypatch.setattr(cli_build, "get_command_from_info", counting)
    runner = CliRunner()
    monkeypatch.setattr(typer.testing, "_get_command", lambda _app: command())
    assert runner.invoke(app, ["--help"], env={"COLUMNS": "80"}).exit_code == 0
    assert built == []
    assert runner.invoke(app, ["task", "--help"], env={"COLUMNS": "80"}).exit_code == 0
    assert built == []
    assert runner.invoke(app, ["schema", "--help"]).exit_code == 0
    assert built == ["schema"]
    built.clear()
    assert runner.invoke(app, ["staff", "add", "--help"]).exit_code == 0
    assert built == ["add"]


def test_help_reads_the_same_either_way(monkeypatch: Any) -> None:
    runner = CliRunner()
    env = {"COLUMNS": "80", "NO_COLOR": "1"}
    for args in (["--help"], ["task", "--help"], ["items", "--help"], ["status", "--help"]):
        eager = runner.invoke(app, args, env=env)
        with monkeypatch.context() as patched:
            patched.setattr(typer.testing, "_get_command", lambda _app: command())
            lazy = runner.invoke(app, args, env=env)
        assert (lazy.exit_code, lazy.stdout) == (eager.exit_code, eager.stdout)


def test_commands_behave_as_a_mapping() -> None:
    commands = cli_build.Commands()
    made: list[str] = []

    def build(name: str) -> Any:
        def make() -> Any:
            made.append(name)
            return TyperCommand(name=name)

        return make

    summary = cli_build.Summary("help", None, hidden=False)
    commands.add_pending("a", build("a"), summary)
    commands.add_pending("b", build("b"), summary)
    assert list(commands) == ["a", "b"]
    assert len(commands) == 2
    assert "a" in commands
    assert "c" not in commands
    assert commands.summary("a") is summary
    first = commands["a"]
    assert commands["a"] is first
    assert commands.summary("a") is first
    assert made == ["a"]
    del commands["b"]
    assert list(commands) == ["a"]
    assert made == ["a"]
    commands["c"] = first
    del commands["a"]
    assert list(commands) == ["c"]
    with pytest.raises(KeyError):
        commands["b"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("words", "expected"),
    [("hsreform st", ["status", "staff"]), ("hsreform task d", ["done"])],
)
def test_shell_completion_sees_every_command(words: str, expected: list[str]) -> None:
    env = {
        **os.environ,
        "_HSREFORM_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - 1),
    }
    result = subprocess.run(
        [sys.executable, "-m", "hsreform"], env=env, capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout.split()) == (0, expected)
