"""Every use of Typer's insides, in one place: what hsreform needs of Typer beyond its public API.

Typer's public face (`typer.Typer`, `typer.Option`, `typer.Exit`, `typer.core.TyperGroup`
for a custom group, `typer.main.get_command`, `typer.testing`) does not reach three things
hsreform does:

1. Building each command when it is looked up, rather than all 38 at every start
   (`cli_build`): Typer's own builders of one command or group from its registration.
2. Converting an option's value without pydantic for the usual spellings (`cli_params`):
   the conversion a Typer parameter holds (`_TyperParameter._runtime_param`), Typer's own
   (`typer._coercion`), and its conversion of a path (`typer._param_types`).
3. Telling click's usage errors apart, to say each in the user's language (`cli_locale`):
   Typer's vendored click (`typer._click`), and the completion installer's parts.

They change between Typer releases without notice, so pyproject.toml accepts only the
range CI tests (its low end in .ci/lowest, its high end in .ci/run), and
tests/test_public_faces.py fails when any other module imports a private name of Typer or
of another library. A new Typer release: raise the range, run both, adapt this module.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from typer._click import Command, Context
from typer._click.exceptions import (
    BadOptionUsage,
    BadParameter,
    MissingParameter,
    NoArgsIsHelpError,
    NoSuchOption,
    UsageError,
)
from typer._coercion import RuntimeParam, build_runtime_param
from typer._completion_shared import Shells, get_completion_script, install
from typer._param_types import coerce_cli_path
from typer.core import _TyperParameter as TyperParameter
from typer.main import get_command_from_info, get_command_name, get_group_from_info
from typer.models import CommandInfo, DefaultPlaceholder, ParameterInfo

__all__ = [
    "BadOptionUsage",
    "BadParameter",
    "Command",
    "CommandInfo",
    "Context",
    "Conversion",
    "DefaultPlaceholder",
    "MissingParameter",
    "NoArgsIsHelpError",
    "NoSuchOption",
    "ParameterInfo",
    "TyperParameter",
    "UsageError",
    "cli_path",
    "completion_script",
    "completion_shells",
    "get_command_from_info",
    "get_command_name",
    "get_group_from_info",
    "give_conversions",
    "install_completion",
    "typer_converts",
]


class Conversion(RuntimeParam):
    """How a Typer parameter turns its value into the declared type: `convert` it."""

    def convert(self, value: Any, param: TyperParameter, ctx: Context) -> Any:
        raise NotImplementedError  # pragma: no cover - every subclass has its own

    def _coerce_value(self, value: Any, param: TyperParameter, ctx: Context) -> Any:
        return self.convert(value, param, ctx)


def give_conversions(
    params: Iterable[Any], conversion: Callable[[ParameterInfo, Any], Conversion]
) -> None:
    """Give each Typer parameter of `params` that converts nothing yet (Typer gives it its
    own at the first value) and opens no file and has no parser of its own, the conversion
    `conversion(parameter_info, annotation)` makes."""
    for param in params:
        if isinstance(param, TyperParameter) and param._runtime_param is None:
            descriptor = param.type_descriptor
            if descriptor.file_annotation is None and descriptor.parameter_info.parser is None:
                param._runtime_param = conversion(descriptor.parameter_info, descriptor.annotation)


def typer_converts(value: Any, param: TyperParameter, ctx: Context) -> Any:
    """`value` converted by Typer's own conversion of `param` (with pydantic)."""
    return build_runtime_param(param.type_descriptor)._coerce_value(value, param=param, ctx=ctx)


def cli_path(value: Path, info: ParameterInfo, param: TyperParameter, ctx: Context) -> Any:
    """`value` as Typer gives a `Path` option (its checks of existence and kind included)."""
    return coerce_cli_path(value, info, path_type=Path, param=param, ctx=ctx)


def completion_shells() -> list[str]:
    """The shells Typer writes completion for."""
    return [shell.value for shell in Shells]


def install_completion(shell: str) -> tuple[str, Path]:
    """Typer's completion installer for `shell`: the shell and the file it wrote."""
    installed_shell, path = install(shell=shell)
    return str(installed_shell), Path(path)


def completion_script(prog_name: str, complete_var: str, shell: str) -> str:
    """The completion script Typer gives `shell` for the program `prog_name`."""
    return str(get_completion_script(prog_name=prog_name, complete_var=complete_var, shell=shell))
