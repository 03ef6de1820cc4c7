"""Option values converted as Typer does, without importing pydantic for the usual ones.

Typer converts each option's text with a pydantic adapter that it builds at the option's
first use; building the first one imports pydantic, about a third of a short run (the data
layer does without it: see `records`). `quick(params)` gives each option of the types
hsreform uses (text, whole and decimal numbers, paths, flags, lists of them) a conversion
that gives what Typer gives for the usual spellings (`--soon 7`, `--data data`), and hands
any other value to Typer's own (`--soon 1_0`, `--soon x` and its message). A test holds the
two to the same value or the same error.

Typer has no public way to give an option a conversion of one's own: `typer_internals`
does it, with every other use of Typer's insides.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hsreform.cli.typer_internals import (
    Context,
    Conversion,
    TyperParameter,
    cli_path,
    give_conversions,
    typer_converts,
)

_WHOLE = re.compile(r"-?[0-9]{1,18}").fullmatch
_DECIMAL = re.compile(r"-?[0-9]{1,18}(?:\.[0-9]{1,18})?").fullmatch
_UNSURE: Any = object()


def quick(params: Iterable[Any]) -> None:
    """Give each Typer option of `params` not yet converting its quick conversion."""
    give_conversions(params, Quick)


@dataclass(frozen=True)
class Quick(Conversion):
    """Typer's conversion of an option's value, for the usual spellings without pydantic."""

    def convert(self, value: Any, param: TyperParameter, ctx: Context) -> Any:
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
        return typer_converts(value, param, ctx)

    def _leaf(self, annotation: Any, value: Any, param: TyperParameter, ctx: Context) -> Any:
        info = self.parameter_info
        if type(value) is annotation and annotation in (str, bool, int, float):
            return value  # a default, or a flag: pydantic's strict match keeps it
        if annotation is Path and info.path_type is None and isinstance(value, Path):
            return cli_path(value, info, param, ctx)
        if type(value) is not str:
            return _UNSURE
        plain = info.min is None and info.max is None and not info.clamp
        if annotation is int and plain and _WHOLE(value):
            return int(value)
        if annotation is float and plain and _DECIMAL(value):
            return float(value)
        if annotation is Path and info.path_type is None:  # pydantic's Path of the text
            return cli_path(Path(value), info, param, ctx)
        return _UNSURE
