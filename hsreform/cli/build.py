"""The app's click commands, each built the first time it is looked up.

Typer turns every command of an app into a click command before it runs any of them,
reading each function's signature and annotations: for hsreform's 38 commands that is
about 40 ms of every run, which is most of what `--help` costs. `group(app)` builds the
groups (the app, `task`, `staff`, `items`, …) with their own options only; a command is
built when click looks it up by name, which it does for the one command that runs.
The help listing reads each command's one-line help from its registration instead
(`summary`), so `hsreform --help` builds no command at all.

This is click's "lazily loading subcommands" pattern, with Typer's own functions building
each command, so a command built here is the command Typer would build (tests compare them).
Those functions are not Typer's public API: they come through `typer_internals`.
"""

from __future__ import annotations

import copy
import functools
import inspect
from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import dataclass

import typer
from typer.core import TyperGroup

from hsreform.cli.typer_internals import (
    Command,
    CommandInfo,
    DefaultPlaceholder,
    get_command_from_info,
    get_command_name,
    get_group_from_info,
)


@dataclass(frozen=True)
class Summary:
    """What a command listing shows of a command that is not built yet."""

    help: str | None
    short_help: str | None
    hidden: bool


class Commands(MutableMapping[str, Command]):
    """A group's commands by name, in registration order; each built at its first lookup."""

    def __init__(self) -> None:
        self._order: list[str] = []
        self._built: dict[str, Command] = {}
        self._pending: dict[str, tuple[Callable[[], Command], Summary]] = {}

    def add_pending(self, name: str, build: Callable[[], Command], summary: Summary) -> None:
        self._order.append(name)
        self._pending[name] = (build, summary)

    def summary(self, name: str) -> Command | Summary | None:
        """The command if it is built, else what a listing needs of it (None: no such name)."""
        if name in self._pending:
            return self._pending[name][1]
        return self._built.get(name)

    def __getitem__(self, name: str) -> Command:
        if name in self._pending:
            build, _ = self._pending.pop(name)
            self._built[name] = build()
        return self._built[name]

    def __setitem__(self, name: str, command: Command) -> None:
        if name not in self._order:
            self._order.append(name)
        self._pending.pop(name, None)
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        if self._pending.pop(name, None) is None:
            del self._built[name]
        self._order.remove(name)

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, name: object) -> bool:
        return name in self._pending or name in self._built


def group(app: typer.Typer) -> TyperGroup:
    """The click group of `app` (which has a callback), its commands built when looked up."""
    root = typer.main.get_command(_without_commands(app))
    assert isinstance(root, TyperGroup)  # an app with a callback is a group
    _fill(root, app, app)
    return root


def _without_commands(app: typer.Typer) -> typer.Typer:
    bare = copy.copy(app)
    bare.registered_commands = []
    bare.registered_groups = []
    return bare


def _fill(into: TyperGroup, app: typer.Typer, root: typer.Typer) -> None:
    """Give `into` the commands of `app`: its sub-apps built now (bare), its commands pending.

    Every group and command is built with the settings of the `root` app, as Typer does.
    """
    commands = Commands()
    for info in app.registered_commands:
        assert info.callback is not None  # Typer refuses a command without one
        build = functools.partial(
            get_command_from_info,
            info,
            pretty_exceptions_short=root.pretty_exceptions_short,
            rich_markup_mode=root.rich_markup_mode,
        )
        commands.add_pending(
            info.name or get_command_name(info.callback.__name__), build, _summary(info)
        )
    for sub_info in app.registered_groups:
        sub_app = sub_info.typer_instance
        if sub_app is None or isinstance(sub_app, DefaultPlaceholder):  # pragma: no cover
            raise TypeError("a sub-app is added with its Typer instance")
        bare_info = copy.copy(sub_info)
        bare_info.typer_instance = _without_commands(sub_app)
        sub = get_group_from_info(
            bare_info,
            pretty_exceptions_short=root.pretty_exceptions_short,
            suggest_commands=root.suggest_commands,
            rich_markup_mode=root.rich_markup_mode,
        )
        if not sub.name:  # pragma: no cover - hsreform names every sub-app
            raise TypeError("every sub-app is added with a name")
        _fill(sub, sub_app, root)
        commands[sub.name] = sub
    into.commands = commands


def _summary(info: CommandInfo) -> Summary:
    """The help Typer would give the command: its `help=`, else its docstring."""
    text = inspect.getdoc(info.callback) if info.help is None else inspect.cleandoc(info.help)
    return Summary(text, info.short_help, bool(info.hidden))
