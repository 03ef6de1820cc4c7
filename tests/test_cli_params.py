"""Option values converted without pydantic (cli_params) are what Typer's own conversion gives.

For every option of every command, and values a user types (usual spellings, odd ones and
wrong ones) and the defaults: the same value, or the same error with the same message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("typer._coercion", reason="Typer before 0.29 converts without pydantic")

from typer._click import Context
from typer._click.exceptions import BadParameter
from typer._coercion import build_runtime_param
from typer.core import _TyperParameter

from hsreform.cli import params as cli_params
from hsreform.cli.root import command
from tests.test_cli_build import _find, _paths

TEXTS = ("", "x", " x ", "税务局", "2020-06-05", "-")
WHOLE = ("0", "7", "-3", "007", "+7", "1_0", " 7", "7 ", "x", "1.0", "9" * 19, "")
DECIMAL = ("0", "2.5", "-1", "1e3", "x", ".5", "5.", "nan", "inf", "1_0.5", "")
PATHS = ("", ".", "data", "no/such/folder", "~/x", "/", "README.md", "a b")
VALUES: dict[Any, tuple[Any, ...]] = {
    str: TEXTS,
    int: (*WHOLE, 7, True),
    float: (*DECIMAL, 2.5, 3),
    Path: (*PATHS, Path("data")),
    bool: (True, False, "yes", 1),
}


def _outcome(convert: Any, value: Any, param: _TyperParameter, ctx: Context) -> tuple[Any, ...]:
    try:
        got = convert._coerce_value(value, param=param, ctx=ctx)
    except BadParameter as exc:
        return ("error", exc.message)
    return ("value", type(got), repr(got))


def _options() -> list[tuple[tuple[str, ...], str]]:
    root = command()
    found = []
    for path in [(), *_paths(root)]:
        cmd = _find(root, path)
        ctx = Context(cmd)
        found += [(path, p.name) for p in cmd.get_params(ctx) if isinstance(p, _TyperParameter)]
    return found


@pytest.mark.parametrize(
    ("path", "name"), _options(), ids=lambda x: " ".join(x) if isinstance(x, tuple) else x
)
def test_each_option_converts_as_typer_does(path: tuple[str, ...], name: str) -> None:
    cmd = _find(command(), path)
    ctx = Context(cmd)
    (param,) = [p for p in cmd.get_params(ctx) if p.name == name]
    assert isinstance(param._runtime_param, cli_params.Quick)  # get_params installed it
    descriptor = param.type_descriptor
    quick = cli_params.Quick(descriptor.parameter_info, descriptor.annotation)
    typer_own = build_runtime_param(descriptor)
    annotation: Any = descriptor.annotation
    if getattr(annotation, "__origin__", None) is list:
        (item,) = annotation.__args__
        values: list[Any] = [tuple(VALUES[item][:n]) for n in range(4)]
        values += [(one, one) for one in VALUES[item]]
    else:
        values = [*VALUES[annotation], param.default]
    for value in values:
        assert _outcome(quick, value, param, ctx) == _outcome(typer_own, value, param, ctx), value
