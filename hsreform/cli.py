"""The command line: parse options, call the library, render, exit. Nothing else lives here.

Exit codes: 0 clean; 1 findings at or above `--fail-on`; 2 the data or the command line
cannot be used. Errors a user can cause are printed by `LocalizedGroup.main`, never raised.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from hsreform import __version__, checks
from hsreform import schema as schemas
from hsreform.asof import BadDay, parse_day
from hsreform.checks import staffing
from hsreform.cli_locale import LocalizedCommand, LocalizedGroup, detect_lang
from hsreform.errors import DataUnusable, HsreformError
from hsreform.findings import FAIL_ON_CHOICES, Findings, counts, exit_code
from hsreform.i18n import resolve_lang, text
from hsreform.loader import (
    DATA_FILES,
    Dataset,
    display_path,
    exists,
    find_data_dir,
    is_dir,
    load,
)
from hsreform.models import Tracked
from hsreform.report import github, jsondoc, safe, stream, tables
from hsreform.status import STATE_FAIL_ON, report, row

HELP_LANG = detect_lang(sys.argv[1:])
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

# readable=False: click's own check would say "… is not readable" in English; the loader
# says in the user's language which file or folder cannot be read, and why.
DataOpt = Annotated[
    Path | None,
    typer.Option(
        "--data", metavar="DIR", help=_help("help.data"), show_default=False, readable=False
    ),
]
AsOfOpt = Annotated[str, typer.Option("--as-of", metavar="DATE", help=_help("help.as_of"))]
FormatOpt = Annotated[
    str | None,
    typer.Option("--format", metavar="FORMAT", help=_help("help.format"), show_default=False),
]
FindingsFormatOpt = Annotated[
    str | None,
    typer.Option(
        "--format",
        metavar="FORMAT",
        help=_help("help.format_findings"),
        show_default=False,
    ),
]
LangOpt = Annotated[
    str | None, typer.Option("--lang", metavar="zh|en", help=_help("help.lang"), show_default=False)
]
FailOnOpt = Annotated[str, typer.Option("--fail-on", metavar="LEVEL", help=_help("help.fail_on"))]
FORMATS = ("table", "json")
FINDINGS_FORMATS = ("table", "json", "github")


@dataclass(frozen=True)
class Options:
    """The options every command shares, checked."""

    as_of: dt.date
    format: str
    lang: str


def _options(
    as_of: str,
    fmt: str | None,
    lang: str | None,
    fail_on: str,
    fail_on_choices: tuple[str, ...],
    formats: tuple[str, ...] = FORMATS,
) -> Options:
    try:
        language = resolve_lang(lang)
    except ValueError:
        raise HsreformError(
            "usage.bad_lang",
            name="--lang" if lang else "HSREFORM_LANG",
            value=lang or os.environ.get("HSREFORM_LANG", ""),
        ) from None
    if fmt is None:  # inside GitHub Actions, annotations are what the log shows best
        github = "github" in formats and os.environ.get("GITHUB_ACTIONS") == "true"
        fmt = "github" if github else "table"
    _choose("--format", fmt, formats)
    _choose("--fail-on", fail_on, fail_on_choices)
    try:
        day = parse_day(as_of, dt.date.today())
    except BadDay:
        raise HsreformError("usage.bad_day", value=as_of) from None
    return Options(day, fmt, language)


def _choose(name: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise HsreformError("usage.bad_choice", name=name, value=value, choices=list(choices))


def _dataset(data: Path | None, action: str, opts: Options) -> Dataset:
    """The data set, or exit 2 when it has errors that stop `action`.

    The errors go out in the format asked for: as JSON ({"findings", "summary"}) or GitHub
    annotations on stdout, else as text on stderr.
    """
    loaded = load(find_data_dir(data))
    if loaded.dataset is None:
        blocking = loaded.findings
    else:
        blocking = checks.validate(loaded.dataset, opts.as_of).blocking()
    if loaded.dataset is not None and not blocking:
        return loaded.dataset
    if opts.format == "table":
        raise DataUnusable(blocking, action)
    _emit_findings(blocking, opts, jsondoc.validate(blocking, opts.lang))
    raise typer.Exit(2)


def _emit_json(document: dict[str, object]) -> None:
    stream.write(jsondoc.dumps(document))


def _emit_findings(found: Findings, opts: Options, document: dict[str, object]) -> None:
    """Findings as JSON (`document`), GitHub annotations with a tally, or table lines."""
    if opts.format == "json":
        _emit_json(document)
    elif opts.format == "github":
        stream.write(github.commands(found, opts.lang))
        for omitted in found.omitted:  # plain lines: how many more of a kind there are
            stream.echo(omitted.describe(opts.lang) + "\n")
        stream.echo(text("findings.summary", opts.lang, **counts(found)) + "\n")
    else:
        tables.findings(stream.console(), found, opts.lang)


def _version(value: bool) -> None:
    if value:
        stream.echo(f"hsreform {__version__}\n")
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
        typer.Argument(
            metavar="PATH", help=_help("help.paths"), show_default=False, readable=False
        ),
    ] = None,
    *,
    data: DataOpt = None,
    as_of: AsOfOpt = "today",
    fmt: FindingsFormatOpt = None,
    lang: LangOpt = None,
    fail_on: FailOnOpt = "error",
) -> None:
    opts = _options(as_of, fmt, lang, fail_on, FAIL_ON_CHOICES, FINDINGS_FORMATS)
    if paths and data is not None:
        raise HsreformError("usage.data_and_paths")
    roots = _roots(paths) if paths else [find_data_dir(data)]
    found, unreadable = Findings(), False
    for root in roots:
        loaded = load(root)
        found.extend(loaded.findings)
        unreadable = unreadable or loaded.unreadable
        if loaded.dataset is not None:
            found.extend(checks.validate(loaded.dataset, opts.as_of))
    _emit_findings(found, opts, jsondoc.validate(found, opts.lang))
    raise typer.Exit(2 if unreadable else exit_code(found, fail_on))


def _roots(paths: list[Path]) -> list[Path]:
    """The data folders named by `paths`: folders as they are, data files by their folder."""
    roots: dict[Path, None] = {}
    for path in paths:
        if path.name in DATA_FILES and not is_dir(path):
            roots.setdefault(path.parent)  # a missing data file is reported where it belongs
        elif is_dir(path):
            roots.setdefault(path)
        elif not exists(path):
            raise HsreformError("usage.path_missing", path=str(path))
        else:
            raise HsreformError("usage.not_a_data_file", path=str(path))
    return list(roots)


@app.command(cls=LocalizedCommand, help=_help("help.status"))
def status(
    *,
    data: DataOpt = None,
    as_of: AsOfOpt = "today",
    fmt: FormatOpt = None,
    lang: LangOpt = None,
    fail_on: Annotated[
        str,
        typer.Option("--fail-on", metavar="STATE", help=_help("help.fail_on_status")),
    ] = "never",
    soon: Annotated[int, typer.Option("--soon", metavar="N", help=_help("help.soon"))] = 3,
    unit: Annotated[
        str | None,
        typer.Option("--unit", metavar="UNIT", help=_help("help.unit"), show_default=False),
    ] = None,
    task: Annotated[
        int | None, typer.Option("--task", metavar="N", help=_help("help.task"), show_default=False)
    ] = None,
    goal: Annotated[
        int | None, typer.Option("--goal", metavar="N", help=_help("help.goal"), show_default=False)
    ] = None,
) -> None:
    opts = _options(as_of, fmt, lang, fail_on, tuple(STATE_FAIL_ON))
    if soon < 0:
        raise HsreformError(
            "usage.bad_value", name="--soon", detail=text("usage.not_negative", opts.lang)
        )
    ds = _dataset(data, "status", opts)
    unit_id = _unit_id(ds, unit) if unit is not None else None
    if task is not None or goal is not None:
        kind, number = ("task", task) if task is not None else ("goal", goal)
        items: Sequence[Tracked] = ds.tasks.tasks if kind == "task" else ds.tasks.goals
        chosen = next((t for t in items if t.number == number), None)
        if chosen is None:
            raise HsreformError(f"usage.no_{kind}", value=number)
        one = row(ds, kind, chosen, opts.as_of, soon, unit_id)
        if one is None:
            raise HsreformError("usage.not_responsible", unit=unit, number=number)
        if opts.format == "json":
            _emit_json(jsondoc.task(one, opts.as_of))
        else:
            tables.task(stream.console(), one, opts.lang)
        raise typer.Exit(1 if one.state in STATE_FAIL_ON[fail_on] else 0)
    result = report(ds, opts.as_of, soon=soon, unit=unit_id)
    if opts.format == "json":
        _emit_json(jsondoc.status(result))
    else:
        unit_name = ds.units[unit_id].name if unit_id else None
        partial = [g.name for g in ds.windows.groups if not g.complete and not unit_id]
        tables.status(
            stream.console(),
            result,
            opts.lang,
            plan=ds.tasks.plan.number,
            unit_name=unit_name,
            partial_groups=partial,
        )
    raise typer.Exit(1 if result.fails(fail_on) else 0)


def _unit_id(ds: Dataset, query: str) -> str:
    """The id of the unit named by `--unit`; a usage error for groups and unknown names."""
    found = ds.find_units(query)
    if len(found) == 1:
        return found[0].id
    if found:  # never the first of several: the data has a duplicate-name error
        raise HsreformError("usage.ambiguous_unit", value=query, ids=[u.id for u in found])
    as_written = unicodedata.normalize("NFC", query.strip())  # as find_units compares it
    if any(as_written in (g.id, g.name) for g in ds.windows.groups):
        raise HsreformError("usage.unit_is_group", value=query)
    raise HsreformError("usage.no_unit", value=query)


@app.command("check-staffing", cls=LocalizedCommand, help=_help("help.check_staffing"))
def check_staffing(
    *,
    data: DataOpt = None,
    as_of: AsOfOpt = "today",
    fmt: FindingsFormatOpt = None,
    lang: LangOpt = None,
    fail_on: FailOnOpt = "error",
) -> None:
    opts = _options(as_of, fmt, lang, fail_on, FAIL_ON_CHOICES, FINDINGS_FORMATS)
    ds = _dataset(data, "check_staffing", opts)
    found = Findings(staffing.check(ds, opts.as_of))
    windows = staffing.summary(ds, opts.as_of)
    if opts.format == "table":
        tables.staffing(stream.console(), opts.as_of, found, windows, opts.lang)
    else:
        _emit_findings(found, opts, jsondoc.staffing(opts.as_of, found, windows, opts.lang))
    raise typer.Exit(exit_code(found, fail_on))


@app.command(cls=LocalizedCommand, help=_help("help.schema"))
def schema(
    *,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="DIR",
            help=_help("help.output"),
            show_default=False,
            readable=False,
        ),
    ] = None,
    lang: LangOpt = None,
) -> None:
    _options("today", None, lang, "never", ("never",))
    if output is None:
        stream.write(schemas.dumps(schemas.schemas()))
        return
    if output.exists() and not output.is_dir():
        raise HsreformError("usage.not_a_folder", path=str(output))
    for path in schemas.write(output):
        stream.echo(safe.inline(display_path(path)) + "\n")


def main() -> None:
    """The console script `hsreform`."""
    app(prog_name="hsreform")
