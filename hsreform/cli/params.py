"""Option values converted as Typer does, without importing pydantic for the usual ones.

Typer converts each option's text with a pydantic adapter that it builds at the option's
first use; building the first one imports pydantic, about a third of a short run (the data
layer does without it: see `records`). `quick(params)` gives each option of the types
hsreform uses (text, whole and decimal numbers, paths, flags, lists of them) a conversion
that gives what Typer gives for the usual spellings (`--soon 7`, `--data data`), and hands
any other value to Typer's own (`--soon 1_0`, `--soon x` and its message). A test holds the
two to the same value or the same error.

It sets `_TyperParameter._runtime_param`, which Typer fills lazily itself: Typer's internals,
as `cli_build` and `cli_locale` use them. Typer before 0.29 has none of this (it converts
with click's types, without pydantic): importing this module fails there, and `cli_locale`
does without it.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from typer._click import Context
from typer._coercion import RuntimeParam, build_runtime_param
from typer._param_types import coerce_cli_path
from typer.core import _TyperParameter

_WHOLE = re.compile(r"-?[0-9]{1,18}").fullmatch
_DECIMAL = re.compile(r"-?[0-9]{1,18}(?:\.[0-9]{1,18})?").fullmatch
_UNSURE: Any = object()


def quick(params: Iterable[Any]) -> None:
    """Give each Typer option of `params` not yet converting its quick conversion."""
    for param in params:
        if isinstance(param, _TyperParameter) and param._runtime_param is None:
            descriptor = param.type_descriptor
            if descriptor.file_annotation is None and descriptor.parameter_info.parser is None:
                param._runtime_param = Quick(descriptor.parameter_info, descriptor.annotation)


@dataclass(frozen=True)
class Quick(RuntimeParam):
    """Typer's conversion of an option's value, for the usual spellings without pydantic."""

    def _coerce_value(self, value: Any, param: _TyperParameter, ctx: Context) -> Any:
        annotation: Any = self.annotation
        if typing.get_origin(annotation) is list and isinstance(value, list | tuple):
            (item,) = typing.get_args(annotation)
            items = [self._leaf(item, one, param, ctx) for one in value]
            if _UNSURE not in items:
                return items
        else:
            got = self._leaf(annotation, value, param, ctx)
            if got is not _UNSURE:
                return got
        return self.typer_own(param)._coerce_value(value, param=param, ctx=ctx)

    @staticmethod
    def typer_own(param: _TyperParameter) -> RuntimeParam:
        """Typer's own conversion (with pydantic) of `param`."""
        return build_runtime_param(param.type_descriptor)

    def _leaf(self, annotation: Any, value: Any, param: _TyperParameter, ctx: Context) -> Any:
        info = self.parameter_info
        if type(value) is annotation and annotation in (str, bool, int, float):
            return value  # a default, or a flag: pydantic's strict match keeps it
        if annotation is Path and info.path_type is None and isinstance(value, Path):
            return coerce_cli_path(value, info, path_type=Path, param=param, ctx=ctx)
        if type(value) is not str:
            return _UNSURE
        plain = info.min is None and info.max is None and not info.clamp
        if annotation is int and plain and _WHOLE(value):
            return int(value)
        if annotation is float and plain and _DECIMAL(value):
            return float(value)
        if annotation is Path and info.path_type is None:  # pydantic's Path of the text
            return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)
        return _UNSURE
