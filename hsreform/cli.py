"""The command line: parse options, call the library, render, exit. Nothing else lives here.

Exit codes: 0 clean; 1 findings at or above `--fail-on`; 2 the data or the command line
cannot be used. Errors a user can cause are printed by `LocalizedGroup.main`, never raised.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from hsreform import __version__, checks
from hsreform.asof import BadDay, parse_day
from hsreform.checks import references, staffing
from hsreform.cli_locale import LocalizedCommand, LocalizedGroup, detect_lang, localize_typer
from hsreform.errors import DataUnusable, HsreformError
from hsreform.findings import FAIL_ON, exit_code
from hsreform.i18n import resolve_lang, text
from hsreform.loader import DATA_FILES, Dataset, find_data_dir, load
from hsreform.report import jsondoc, tables
from hsreform.status import FAIL_ON as STATUS_FAIL_ON
from hsreform.status import report, row

HELP_LANG = detect_lang(sys.argv[1:])
localize_typer(HELP_LANG)
LocalizedGroup.help_lang = LocalizedCommand.help_lang = HELP_LANG


def _help(key: str) -> str:
    return text(key, HELP_LANG)


app = typer.Typer(
    cls=LocalizedGroup,
    help=_help("app.help"),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

DataOpt = Annotated[
    Path | None, typer.Option("--data", metavar="DIR", help=_help("help.data"), show_default=False)
]
AsOfOpt = Annotated[str, typer.Option("--as-of", metavar="DATE", help=_help("help.as_of"))]
FormatOpt = Annotated[
    str, typer.Option("--format", metavar="table|json", help=_help("help.format"))
]
LangOpt = Annotated[
    str | None, typer.Option("--lang", metavar="zh|en", help=_help("help.lang"), show_default=False)
]
FailOnOpt = Annotated[
    str, typer.Option("--fail-on", metavar="error|warning|info|never", help=_help("help.fail_on"))
]
FORMATS = ("table", "json")


@dataclass(frozen=True)
class Options:
    """The options every command shares, checked."""

    as_of: dt.date
    format: str
    lang: str


def _options(
    as_of: str, fmt: str, lang: str | None, fail_on: str, fail_on_choices: tuple[str, ...]
) -> Options:
    try:
        language = resolve_lang(lang)
    except ValueError:
        raise HsreformError(
            "usage.bad_lang", name="--lang" if lang else "HSREFORM_LANG", value=lang or ""
        ) from None
    _choose("--format", fmt, FORMATS)
    _choose("--fail-on", fail_on, fail_on_choices)
    try:
        day = parse_day(as_of, dt.date.today())
    except BadDay:
        raise HsreformError("usage.bad_day", value=as_of) from None
    return Options(day, fmt, language)


def _choose(name: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise HsreformError("usage.bad_choice", name=name, value=value, choices=list(choices))


def _dataset(data: Path | None, action: str) -> Dataset:
    """The data set, or `DataUnusable` when it has errors that stop `action`."""
    loaded = load(find_data_dir(data))
    if loaded.dataset is None:
        raise DataUnusable(loaded.findings, action)
    broken = list(references.check(loaded.dataset))
    if broken:
        raise DataUnusable(broken, action)
    return loaded.dataset


def _console() -> Console:
    return Console(highlight=False, markup=False, emoji=False)


def _emit_json(document: dict[str, object]) -> None:
    sys.stdout.write(jsondoc.dumps(document))


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hsreform {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help=_help("help.version")
        ),
    ] = False,
) -> None:
    pass


@app.command(cls=LocalizedCommand, help=_help("help.validate"))
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(metavar="[PATH]...", help=_help("help.paths"), show_default=False),
    ] = None,
    *,
    data: DataOpt = None,
    as_of: AsOfOpt = "today",
    fmt: FormatOpt = "table",
    lang: LangOpt = None,
    fail_on: FailOnOpt = "error",
) -> None:
    opts = _options(as_of, fmt, lang, fail_on, (*FAIL_ON, "never"))
    roots = _roots(paths) if paths else [find_data_dir(data)]
    found, unreadable = [], False
    for root in roots:
        loaded = load(root)
        found += loaded.findings
        unreadable = unreadable or loaded.unreadable
        if loaded.dataset is not None:
            found += checks.validate(loaded.dataset, opts.as_of)
    if opts.format == "json":
        _emit_json(jsondoc.validate(found, opts.lang))
    else:
        tables.findings(_console(), found, opts.lang)
    raise typer.Exit(2 if unreadable else exit_code(found, fail_on))


def _roots(paths: list[Path]) -> list[Path]:
    """The data folders named by `paths`: folders as they are, data files by their folder."""
    roots: dict[Path, None] = {}
    for path in paths:
        if path.is_dir():
            roots.setdefault(path)
        elif path.name in DATA_FILES:
            roots.setdefault(path.parent)
        else:
            raise HsreformError("usage.not_a_data_file", path=str(path))
    return list(roots)


@app.command(cls=LocalizedCommand, help=_help("help.status"))
def status(
    *,
    data: DataOpt = None,
    as_of: AsOfOpt = "today",
    fmt: FormatOpt = "table",
    lang: LangOpt = None,
    fail_on: Annotated[
        str,
        typer.Option(
            "--fail-on", metavar="overdue|blocked|due-soon|never", help=_help("help.fail_on_status")
        ),
    ] = "never",
    soon: Annotated[int, typer.Option("--soon", metavar="N", help=_help("help.soon"))] = 3,
    unit: Annotated[
        str | None,
        typer.Option("--unit", metavar="UNIT", help=_help("help.unit"), show_default=False),
    ] = None,
    task: Annotated[
        int | None, typer.Option("--task", metavar="N", help=_help("help.task"), show_default=False)
    ] = None,
) -> None:
    opts = _options(as_of, fmt, lang, fail_on, tuple(STATUS_FAIL_ON))
    if soon < 0:
        raise HsreformError(
            "usage.bad_value", name="--soon", detail=text("usage.not_negative", opts.lang)
        )
    ds = _dataset(data, "status")
    unit_id = None
    if unit is not None:
        found_unit = ds.find_unit(unit)
        if found_unit is None:
            raise HsreformError("usage.no_unit", value=unit)
        unit_id = found_unit.id
    if task is not None:
        chosen = next((t for t in ds.tasks.tasks if t.number == task), None)
        if chosen is None:
            raise HsreformError("usage.no_task", value=task)
        one = row(ds, "task", chosen, opts.as_of, soon, unit_id)
        if one is None:
            raise HsreformError("usage.not_responsible", unit=unit, number=task)
        if opts.format == "json":
            _emit_json(jsondoc.task(one, opts.as_of))
        else:
            tables.task(_console(), one, opts.lang)
        raise typer.Exit(1 if one.state in STATUS_FAIL_ON[fail_on] else 0)
    result = report(ds, opts.as_of, soon=soon, unit=unit_id)
    if opts.format == "json":
        _emit_json(jsondoc.status(result))
    else:
        unit_name = ds.units[unit_id].name if unit_id else None
        tables.status(_console(), result, opts.lang, plan=ds.tasks.plan.number, unit_name=unit_name)
    raise typer.Exit(1 if result.fails(fail_on) else 0)


@app.command("check-staffing", cls=LocalizedCommand, help=_help("help.check_staffing"))
def check_staffing(
    *,
    data: DataOpt = None,
    as_of: AsOfOpt = "today",
    fmt: FormatOpt = "table",
    lang: LangOpt = None,
    fail_on: FailOnOpt = "error",
) -> None:
    opts = _options(as_of, fmt, lang, fail_on, (*FAIL_ON, "never"))
    ds = _dataset(data, "check_staffing")
    found = list(staffing.check(ds, opts.as_of))
    windows = staffing.summary(ds, opts.as_of)
    if opts.format == "json":
        _emit_json(jsondoc.staffing(opts.as_of, found, windows, opts.lang))
    else:
        tables.staffing(_console(), opts.as_of, found, windows, opts.lang)
    raise typer.Exit(exit_code(found, fail_on))


def main() -> None:
    """The console script `hsreform`."""
    app(prog_name="hsreform")
