"""The command line: parse options, call the library, render, exit. Nothing else lives here.

Exit codes: 0 clean; 1 findings at or above `--fail-on`; 2 the data or the command line
cannot be used. Errors a user can cause are printed by `LocalizedGroup.main`, never raised.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from hsreform import __version__, catalogue, checks
from hsreform import schema as schemas
from hsreform.asof import BadDay, parse_day
from hsreform.checks import staffing
from hsreform.cli_locale import LocalizedCommand, LocalizedGroup, detect_lang
from hsreform.edit.catalogue import parse_map, plan_import, write_import
from hsreform.edit.check import findings_after
from hsreform.edit.upgrade import plan_upgrade
from hsreform.edit.write import diff, write_all
from hsreform.errors import DataUnusable, HsreformError
from hsreform.findings import FAIL_ON_CHOICES, Finding, counts, exit_code
from hsreform.i18n import resolve_lang, text
from hsreform.letters import LetterView, letters_for
from hsreform.loader import (
    DATA_FILES,
    Dataset,
    bundled_data_dir,
    display_path,
    find_data_dir,
    is_dir,
    load,
)
from hsreform.models import KINDS, Tracked
from hsreform.report import github, jsondoc, letter, letterdocx, stream, tables
from hsreform.sheets import read_sheet
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

DataOpt = Annotated[
    Path | None, typer.Option("--data", metavar="DIR", help=_help("help.data"), show_default=False)
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
        blocking = [f for f in checks.validate(loaded.dataset, opts.as_of) if f.blocking]
    if loaded.dataset is not None and not blocking:
        return loaded.dataset
    if opts.format == "table":
        raise DataUnusable(blocking, action)
    _emit_findings(blocking, opts, jsondoc.validate(blocking, opts.lang))
    raise typer.Exit(2)


def _emit_json(document: dict[str, object]) -> None:
    stream.write(jsondoc.dumps(document))


def _emit_findings(found: list[Finding], opts: Options, document: dict[str, object]) -> None:
    """Findings as JSON (`document`), GitHub annotations with a tally, or table lines."""
    if opts.format == "json":
        _emit_json(document)
    elif opts.format == "github":
        stream.write(github.commands(found, opts.lang))
        stream.write(text("findings.summary", opts.lang, **counts(found)) + "\n")
    else:
        tables.findings(stream.console(), found, opts.lang)


def _version(value: bool) -> None:
    if value:
        stream.write(f"hsreform {__version__}\n")
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
        typer.Argument(metavar="PATH", help=_help("help.paths"), show_default=False),
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
    found, unreadable = [], False
    for root in roots:
        loaded = load(root)
        found += loaded.findings
        unreadable = unreadable or loaded.unreadable
        if loaded.dataset is not None:
            found += checks.validate(loaded.dataset, opts.as_of)
    _emit_findings(found, opts, jsondoc.validate(found, opts.lang))
    raise typer.Exit(2 if unreadable else exit_code(found, fail_on))


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # a name the system refuses, such as one too long
        return False


def _roots(paths: list[Path]) -> list[Path]:
    """The data folders named by `paths`: folders as they are, data files by their folder."""
    roots: dict[Path, None] = {}
    for path in paths:
        if path.name in DATA_FILES and not is_dir(path):
            roots.setdefault(path.parent)  # a missing data file is reported where it belongs
        elif is_dir(path):
            roots.setdefault(path)
        elif not _exists(path):
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
    duty: Annotated[
        int | None, typer.Option("--duty", metavar="N", help=_help("help.duty"), show_default=False)
    ] = None,
) -> None:
    opts = _options(as_of, fmt, lang, fail_on, tuple(STATE_FAIL_ON))
    if soon < 0:
        raise HsreformError(
            "usage.bad_value", name="--soon", detail=text("usage.not_negative", opts.lang)
        )
    ds = _dataset(data, "status", opts)
    unit_id = _unit_id(ds, unit) if unit is not None else None
    asked = [
        (kind, n) for kind, n in (("task", task), ("goal", goal), ("duty", duty)) if n is not None
    ]
    if len(asked) > 1:
        raise HsreformError("usage.one_of", names=["--task", "--goal", "--duty"])
    if asked:
        kind, number = asked[0]
        section = next(s for s, k in KINDS.items() if k == kind)
        items: Sequence[Tracked] = getattr(ds.tasks, section)
        chosen = next((t for t in items if t.number == number), None)
        if chosen is None:
            raise HsreformError(f"usage.no_{kind}", value=number)
        one = row(ds, kind, chosen, opts.as_of, soon, unit_id)
        if one is None:
            raise HsreformError("usage.not_responsible", unit=unit, number=number, kind=kind)
        if opts.format == "json":
            _emit_json(jsondoc.task(one, opts.as_of))
        else:
            tables.task(stream.console(), one, opts.as_of, opts.lang)
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
    found = ds.find_unit(query)
    if found is not None:
        return found.id
    if any(query in (g.id, g.name) for g in ds.windows.groups):
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
    found = list(staffing.check(ds, opts.as_of))
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
            "--output", "-o", metavar="DIR", help=_help("help.output"), show_default=False
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
        stream.write(display_path(path) + "\n")


@app.command("upgrade-data", cls=LocalizedCommand, help=_help("help.upgrade_data"))
def upgrade_data(
    *,
    data: DataOpt = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since", metavar="DATE", help=_help("help.upgrade_since"), show_default=False
        ),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=_help("help.dry_run"))] = False,
    as_of: AsOfOpt = "today",
    lang: LangOpt = None,
) -> None:
    opts = _options(as_of, None, lang, "never", ("never",))
    day = None if since is None else _day("--since", since)
    root, _ = _data_to_change(data, "usage.upgrade_bundled", "upgrade")
    planned = plan_upgrade(root, bundled_data_dir(), day)
    after = {path: new for path, (_, new) in planned.files.items()}
    blocking = [f for f in findings_after(root, after, opts.as_of) if f.blocking]
    if blocking:
        raise DataUnusable(blocking, "upgrade")
    out = stream.console()
    for change in planned.changes:
        where = display_path(root / change.file) + (f":{change.line}" if change.line else "")
        out.print(f"{where}: {text(change.key, opts.lang, **change.params)}", soft_wrap=True)
    if not planned.changes:
        out.print(text("upgrade.nothing", opts.lang))
        return
    if dry_run:
        for path, (before, new) in planned.files.items():
            stream.write(diff(before, new, display_path(path)))
        out.print(text("upgrade.dry_run", opts.lang))
        return
    written = write_all(planned.files)
    out.print(text("upgrade.written", opts.lang, files=[display_path(p) for p in written]))


def _data_to_change(data: Path | None, bundled: str, action: str) -> tuple[Path, Dataset]:
    """The data folder a writing command changes, and its data set; never the bundled copy."""
    root = find_data_dir(data)
    if root == bundled_data_dir():
        raise HsreformError(bundled)
    loaded = load(root)
    if loaded.dataset is None:
        raise DataUnusable([f for f in loaded.findings if f.blocking], action)
    return root, loaded.dataset


def _day(name: str, value: str) -> dt.date:
    try:
        return parse_day(value, dt.date.today())
    except BadDay:
        raise HsreformError("usage.bad_date_option", name=name, value=value) from None


# The item catalogue: hsreform items, items import, authorize ---------------------------

items_app = typer.Typer(
    cls=LocalizedGroup,
    help=_help("help.items"),
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(items_app, name="items")
UnitOpt = Annotated[
    str | None,
    typer.Option("--unit", metavar="UNIT", help=_help("help.items_unit"), show_default=False),
]


@items_app.callback()
def items(
    ctx: typer.Context,
    *,
    data: DataOpt = None,
    as_of: AsOfOpt = "today",
    fmt: FormatOpt = None,
    lang: LangOpt = None,
    unit: UnitOpt = None,
) -> None:
    if ctx.invoked_subcommand is not None:
        return
    opts = _options(as_of, fmt, lang, "never", ("never",))
    ds = _dataset(data, "items", opts)
    unit_id = _unit_id(ds, unit) if unit is not None else None
    result = catalogue.report(ds, opts.as_of, unit=unit_id)
    if opts.format == "json":
        _emit_json(jsondoc.items(result))
    elif unit_id is not None:
        tables.unit_items(stream.console(), result.units[0], opts.as_of, opts.lang)
    else:
        tables.items(stream.console(), result, opts.lang)


@items_app.command("import", cls=LocalizedCommand, help=_help("help.items_import"))
def items_import(
    file: Annotated[Path, typer.Argument(metavar="FILE", help=_help("help.import_file"))],
    *,
    unit: Annotated[str, typer.Option("--unit", metavar="UNIT", help=_help("help.import_unit"))],
    column_map: Annotated[
        list[str] | None,
        typer.Option(
            "--map", metavar="列名=字段", help=_help("help.import_map"), show_default=False
        ),
    ] = None,
    on: Annotated[
        str, typer.Option("--on", metavar="DATE", help=_help("help.import_on"))
    ] = "today",
    skip_bad: Annotated[bool, typer.Option("--skip-bad", help=_help("help.skip_bad"))] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=_help("help.dry_run"))] = False,
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    opts = _options("today", None, lang, "never", ("never",))
    day = _day("--on", on)
    overrides = parse_map(column_map or [])
    root, ds = _data_to_change(data, "usage.import_bundled", "import")
    unit_id = _unit_id(ds, unit)
    sheet = read_sheet(file, display_path(file))
    plan = plan_import(
        root, bundled_data_dir(), ds, unit_id, sheet, overrides, day, skip_bad=skip_bad
    )
    out = stream.console()
    tables.import_plan(out, plan, ds.units[unit_id].name, opts.lang)
    if plan.bad and not skip_bad:
        raise HsreformError("import.bad_rows", n=len(plan.bad))
    if not plan.changed:
        return
    shown = display_path(plan.path)
    if dry_run:
        stream.write(diff(plan.before, plan.after, shown))
        out.print(text("upgrade.dry_run", opts.lang))
        return
    written = write_import(root, plan, opts.as_of)
    out.print(text("upgrade.written", opts.lang, files=[display_path(p) for p in written]))


LETTER_FORMATS = ("table", "markdown", "html", "docx")
LETTER_SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
LETTER_SUFFIXES[".docx"] = "docx"


@app.command(cls=LocalizedCommand, help=_help("help.authorize"))
def authorize(
    unit: Annotated[str, typer.Argument(metavar="UNIT", help=_help("help.authorize_unit"))],
    *,
    window: Annotated[
        str | None,
        typer.Option(
            "--window", metavar="WINDOW", help=_help("help.authorize_window"), show_default=False
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help=_help("help.authorize_output"),
            show_default=False,
        ),
    ] = None,
    data: DataOpt = None,
    as_of: AsOfOpt = "today",
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format", metavar="FORMAT", help=_help("help.authorize_format"), show_default=False
        ),
    ] = None,
    lang: LangOpt = None,
) -> None:
    if output is not None and fmt is None:
        fmt = LETTER_SUFFIXES.get(output.suffix.lower())
        if fmt is None:
            raise HsreformError(
                "usage.letter_suffix", path=str(output), suffixes=list(LETTER_SUFFIXES)
            )
    opts = _options(as_of, fmt, lang, "never", ("never",), LETTER_FORMATS)
    if opts.format == "docx" and output is None and _to_terminal():
        raise HsreformError("usage.binary_to_terminal")
    ds = _dataset(data, "authorize", opts)
    unit_id = _unit_id(ds, unit)
    window_id = None
    if window is not None:
        found = next((w for w in ds.windows.windows if window in (w.id, w.name)), None)
        if found is None:
            raise HsreformError("usage.no_window", value=window)
        window_id = found.id
    views = letters_for(ds, unit_id, opts.as_of, window=window_id)
    if not views:
        raise HsreformError("usage.no_letter", unit=ds.units[unit_id].name)
    if output is not None:
        output.write_bytes(_letters(views, opts.format, output))
        stream.console().print(
            text("letter.written", opts.lang, path=display_path(output), n=len(views))
        )
    elif opts.format == "table":
        letter.terminal(stream.console(), views, opts.lang)
    elif opts.format == "docx":
        sys.stdout.buffer.write(letterdocx.docx(views))
        sys.stdout.flush()
    else:
        stream.write(_letters(views, opts.format, None).decode("utf-8"))


def _to_terminal() -> bool:
    """Whether standard output is a terminal (where binary output must not go)."""
    return sys.stdout.isatty()


def _letters(views: list[LetterView], fmt: str, output: Path | None) -> bytes:
    """The letters as a file of format `fmt` ('markdown', 'html' or 'docx')."""
    if fmt == "docx":
        return letterdocx.docx(views)
    if fmt == "markdown":
        return letter.markdown(views).encode("utf-8")
    if fmt == "html":
        return letter.page(views).encode("utf-8")
    raise HsreformError("usage.letter_suffix", path=str(output), suffixes=list(LETTER_SUFFIXES))


def main() -> None:
    """The console script `hsreform`."""
    app(prog_name="hsreform")
