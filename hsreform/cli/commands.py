"""The command line: parse options, call the library, render, exit. Nothing else lives here.

Exit codes: 0 clean; 1 findings at or above `--fail-on`; 2 the data or the command line
cannot be used. Errors a user can cause are printed by `LocalizedGroup.main`, never raised.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shlex
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from hsreform import __version__
from hsreform.cli import build
from hsreform.cli.locale import LocalizedCommand, LocalizedGroup, detect_lang
from hsreform.common import safe
from hsreform.common.errors import DataUnusable, HsreformError
from hsreform.common.findings import FAIL_ON_CHOICES, Findings, counts, exit_code
from hsreform.common.i18n import resolve_lang, text
from hsreform.common.lazy import lazy
from hsreform.report import stream

# Each command imports what it runs, at its first use (hsreform.common.lazy): --help loads no data
# layer, JSON output no Rich, and only the commands that write xlsx, ics or docx their libraries.
if TYPE_CHECKING:
    from rich.console import Console
    from typer.core import TyperGroup

    from hsreform import checks
    from hsreform.common import asof
    from hsreform.dataset import loader, names, records
    from hsreform.dataset import schema as schemas
    from hsreform.dataset.loader import Dataset
    from hsreform.edit import catalogue as edit_catalogue
    from hsreform.edit import check as edit_check
    from hsreform.edit import progress, roster, session, upgrade
    from hsreform.edit import write as edit_write
    from hsreform.edit.changes import Change
    from hsreform.reading import sheets
    from hsreform.report import (
        csvdoc,
        docxdoc,
        github,
        htmldoc,
        ics,
        jsondoc,
        layout,
        letter,
        letterdocx,
        markdown,
        richdoc,
        tables,
        xlsx,
    )
    from hsreform.report.document import Document
    from hsreform.views import catalogue, changelog, deadlines, letters, listing, meeting, scorecard
    from hsreform.views import status as views
    from hsreform.views.letters import LetterView
else:
    asof = lazy("hsreform.common.asof")
    catalogue = lazy("hsreform.views.catalogue")
    changelog = lazy("hsreform.views.changelog")
    checks = lazy("hsreform.checks")
    deadlines = lazy("hsreform.views.deadlines")
    letters = lazy("hsreform.views.letters")
    listing = lazy("hsreform.views.listing")
    loader = lazy("hsreform.dataset.loader")
    meeting = lazy("hsreform.views.meeting")
    names = lazy("hsreform.dataset.names")
    records = lazy("hsreform.dataset.records")
    scorecard = lazy("hsreform.views.scorecard")
    sheets = lazy("hsreform.reading.sheets")
    schemas = lazy("hsreform.dataset.schema")
    views = lazy("hsreform.views.status")
    edit_catalogue = lazy("hsreform.edit.catalogue")
    edit_check = lazy("hsreform.edit.check")
    progress = lazy("hsreform.edit.progress")
    roster = lazy("hsreform.edit.roster")
    session = lazy("hsreform.edit.session")
    upgrade = lazy("hsreform.edit.upgrade")
    edit_write = lazy("hsreform.edit.write")
    csvdoc = lazy("hsreform.report.csvdoc")
    docxdoc = lazy("hsreform.report.docxdoc")
    github = lazy("hsreform.report.github")
    htmldoc = lazy("hsreform.report.htmldoc")
    ics = lazy("hsreform.report.ics")
    jsondoc = lazy("hsreform.report.jsondoc")
    layout = lazy("hsreform.report.layout")
    letter = lazy("hsreform.report.letter")
    letterdocx = lazy("hsreform.report.letterdocx")
    markdown = lazy("hsreform.report.markdown")
    richdoc = lazy("hsreform.report.richdoc")
    tables = lazy("hsreform.report.tables")
    xlsx = lazy("hsreform.report.xlsx")

HELP_LANG = detect_lang(sys.argv[1:])
LocalizedGroup.help_lang = LocalizedCommand.help_lang = HELP_LANG


def _help(key: str) -> str:
    return text(key, HELP_LANG)


app = typer.Typer(
    cls=LocalizedGroup,
    help=_help("app.help") + "\n\n" + _help("help.globals"),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# readable=False: click's own check would say "… is not readable" in English; the loader
# says in the user's language which file or folder cannot be read, and why.
DataOpt = Annotated[
    Path | None,
    typer.Option(
        "--data",
        metavar=_help("metavar.dir"),
        help=_help("help.data"),
        show_default=False,
        readable=False,
    ),
]
AsOfOpt = Annotated[
    str,
    typer.Option(
        "--as-of",
        metavar=_help("metavar.date"),
        help=_help("help.as_of"),
        show_default=_help("default.today"),
    ),
]
FormatOpt = Annotated[
    str | None,
    typer.Option(
        "--format", metavar=_help("metavar.format"), help=_help("help.format"), show_default=False
    ),
]
FindingsFormatOpt = Annotated[
    str | None,
    typer.Option(
        "--format",
        metavar=_help("metavar.format"),
        help=_help("help.format_findings"),
        show_default=False,
    ),
]
LangOpt = Annotated[
    str | None, typer.Option("--lang", metavar="zh|en", help=_help("help.lang"), show_default=False)
]
FailOnOpt = Annotated[
    str,
    typer.Option(
        "--fail-on",
        metavar=_help("metavar.level"),
        help=_help("help.fail_on"),
        show_default=_help("default.error"),
    ),
]
StateFailOnOpt = Annotated[
    str,
    typer.Option(
        "--fail-on",
        metavar=_help("metavar.state"),
        help=_help("help.fail_on_status"),
        show_default=_help("default.never"),
    ),
]
SoonOpt = Annotated[
    str,
    typer.Option(
        "--soon", metavar=_help("metavar.days"), help=_help("help.soon"), show_default="3"
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar=_help("metavar.file"),
        help=_help("help.output_file"),
        show_default=False,
    ),
]
DOCUMENT_FORMATS = ("markdown", "csv", "html", "xlsx", "docx")
FORMATS = ("table", "json", *DOCUMENT_FORMATS)
FINDINGS_FORMATS = ("table", "json", "github", *DOCUMENT_FORMATS)


@dataclass(frozen=True)
class Options:
    """The options every command shares, checked."""

    as_of: dt.date
    format: str
    lang: str
    output: Path | None = None
    fail_on: str = "never"


def _options(
    as_of: str,
    fmt: str | None,
    lang: str | None,
    fail_on: str,
    fail_on_choices: tuple[str, ...],
    formats: tuple[str, ...] = FORMATS,
    output: Path | None = None,
) -> Options:
    try:
        language = resolve_lang(lang)
    except ValueError:
        raise HsreformError(
            "usage.bad_lang",
            name="--lang" if lang else "HSREFORM_LANG",
            value=lang or os.environ.get("HSREFORM_LANG", ""),
        ) from None
    if fmt is not None:
        fmt = names.choose("--format", fmt, _words(formats, names.FORMAT_WORDS))
    fmt = _format_of(fmt, output, formats)
    if fmt is None:  # inside GitHub Actions, annotations are what the log shows best
        github = "github" in formats and os.environ.get("GITHUB_ACTIONS") == "true"
        fmt = "github" if github else "table"
    fail_on = names.choose("--fail-on", fail_on, _words(fail_on_choices, names.FAIL_ON_WORDS))
    try:
        day = asof.parse_day(as_of, dt.date.today())
    except asof.BadDay:
        raise HsreformError("usage.bad_day", value=as_of) from None
    return Options(day, fmt, language, output, fail_on)


def _words(
    choices: tuple[str, ...], words: dict[str, tuple[str, ...]]
) -> dict[str, tuple[str, ...]]:
    """The choices an option takes, each with its Chinese words."""
    return {choice: words.get(choice, ()) for choice in choices}


MAX_REMIND = 366
"""Most days ahead `calendar --remind` reminds of a deadline."""


def _count(name: str, value: str) -> int:
    """A whole number of days (`--soon 三`, `--remind 3天`), not negative."""
    number = names.number_of(value.removesuffix("天").removesuffix("日"))
    if number is None:
        raise HsreformError("usage.bad_count", name=name, value=value)
    return number


def _dataset(data: Path | None, action: str, opts: Options) -> Dataset:
    """The data set, or exit 2 when it has errors that stop `action`.

    The errors go out in the format asked for: as JSON ({"findings", "summary"}) or GitHub
    annotations on stdout, else as text on stderr.
    """
    loaded = loader.load(loader.find_data_dir(data))
    if loaded.dataset is None:
        blocking = loaded.findings
    else:
        blocking = checks.validate(loaded.dataset, opts.as_of).blocking()
    if loaded.dataset is not None and not blocking:
        return loaded.dataset
    if opts.format not in ("json", "github") or opts.output is not None:
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
        stream.write(_annotations(found, opts.lang))
    else:
        tables.findings(stream.console(), found, opts.lang)


def _annotations(found: Findings, lang: str) -> str:
    """GitHub Actions annotations, a plain line for each kind with more than are listed, the tally."""
    plain = [o.describe(lang) + "\n" for o in found.omitted]
    plain.append(text("findings.summary", lang, **counts(found)) + "\n")
    return github.commands(found, lang) + safe.guard("".join(plain))


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
            metavar=_help("metavar.path"),
            help=_help("help.paths"),
            show_default=False,
            readable=False,
        ),
    ] = None,
    *,
    data: DataOpt = None,
    as_of: AsOfOpt = "today",
    fmt: FindingsFormatOpt = None,
    lang: LangOpt = None,
    fail_on: FailOnOpt = "error",
    output: OutputOpt = None,
) -> None:
    opts = _options(as_of, fmt, lang, fail_on, FAIL_ON_CHOICES, FINDINGS_FORMATS, output)
    if paths and data is not None:
        raise HsreformError("usage.data_and_paths")
    roots = _roots(paths) if paths else [loader.find_data_dir(data)]
    found, unreadable = Findings(), False
    for root in roots:
        loaded = loader.load(root)
        found.extend(loaded.findings)
        unreadable = unreadable or loaded.unreadable
        if loaded.dataset is not None:
            found.extend(checks.validate(loaded.dataset, opts.as_of))
    _deliver(
        opts,
        table=lambda out: tables.findings(out, found, opts.lang),
        json=lambda: jsondoc.validate(found, opts.lang),
        document=lambda: layout.validate(found, opts.lang, opts.as_of),
        github=lambda: _annotations(found, opts.lang),
    )
    raise typer.Exit(2 if unreadable else exit_code(found, opts.fail_on))


def _roots(paths: list[Path]) -> list[Path]:
    """The data folders named by `paths`: folders as they are, data files by their folder."""
    roots: dict[Path, None] = {}
    for path in paths:
        if path.name in loader.DATA_FILES and not loader.is_dir(path):
            roots.setdefault(path.parent)  # a missing data file is reported where it belongs
        elif loader.is_dir(path):
            roots.setdefault(path)
        elif not loader.exists(path):
            raise HsreformError("usage.path_missing", path=str(path))
        else:
            raise HsreformError("usage.not_a_data_file", path=str(path))
    return list(roots)


NumberMeta = _help("metavar.number")
TaskOpt = Annotated[
    str | None,
    typer.Option("--task", metavar=NumberMeta, help=_help("help.task"), show_default=False),
]
GoalOpt = Annotated[
    str | None,
    typer.Option("--goal", metavar=NumberMeta, help=_help("help.goal"), show_default=False),
]
DutyOpt = Annotated[
    str | None,
    typer.Option("--duty", metavar=NumberMeta, help=_help("help.duty"), show_default=False),
]
UnitFilterOpt = Annotated[
    str | None,
    typer.Option(
        "--unit", metavar=_help("metavar.unit"), help=_help("help.unit"), show_default=False
    ),
]


@app.command(cls=LocalizedCommand, help=_help("help.status"))
def status(
    *,
    data: DataOpt = None,
    as_of: AsOfOpt = "today",
    fmt: FormatOpt = None,
    lang: LangOpt = None,
    fail_on: StateFailOnOpt = "never",
    soon: SoonOpt = "3",
    unit: UnitFilterOpt = None,
    task: TaskOpt = None,
    goal: GoalOpt = None,
    duty: DutyOpt = None,
    output: OutputOpt = None,
) -> None:
    opts = _options(as_of, fmt, lang, fail_on, tuple(views.STATE_FAIL_ON), output=output)
    days = _count("--soon", soon)
    ds = _dataset(data, "status", opts)
    unit_id = ds.names.unit(unit).id if unit is not None else None
    asked = [
        (kind, n) for kind, n in (("task", task), ("goal", goal), ("duty", duty)) if n is not None
    ]
    if len(asked) > 1:
        raise HsreformError("usage.one_of", names=["--task", "--goal", "--duty"])
    if asked:
        kind, number = asked[0]
        _, chosen = ds.names.item(kind, number)
        one = views.row(ds, kind, chosen, opts.as_of, days, unit_id)
        if one is None and unit_id in ds.not_charged(chosen):
            name = ds.units[unit_id].name
            raise HsreformError("usage.not_charged", unit=name, number=number, kind=kind)
        if one is None:  # only with --unit: refused, naming the units that are responsible
            ds.names.responsible(unit or "", chosen, kind)
            raise AssertionError("a responsible unit has a row")  # pragma: no cover
        _deliver(
            opts,
            table=lambda out: tables.task(out, one, opts.as_of, opts.lang),
            json=lambda: jsondoc.task(one, opts.as_of),
            document=lambda: layout.task(one, opts.as_of, opts.lang),
            issued_on=ds.tasks.plan.issued_on,
        )
        raise typer.Exit(1 if one.state in views.STATE_FAIL_ON[opts.fail_on] else 0)
    result = views.report(ds, opts.as_of, soon=days, unit=unit_id)
    unit_name = ds.units[unit_id].name if unit_id else None
    partial = [g.name for g in ds.windows.groups if not g.complete and not unit_id]
    plan = ds.tasks.plan.number
    _deliver(
        opts,
        table=lambda out: tables.status(
            out, result, opts.lang, plan=plan, unit_name=unit_name, partial_groups=partial
        ),
        json=lambda: jsondoc.status(result),
        document=lambda: layout.status(
            result, opts.lang, plan=plan, unit_name=unit_name, partial_groups=partial
        ),
    )
    raise typer.Exit(1 if result.fails(opts.fail_on) else 0)


ListTaskOpt = Annotated[
    str | None,
    typer.Option("--task", metavar=NumberMeta, help=_help("help.list_task"), show_default=False),
]
ListGoalOpt = Annotated[
    str | None,
    typer.Option("--goal", metavar=NumberMeta, help=_help("help.list_goal"), show_default=False),
]
ListDutyOpt = Annotated[
    str | None,
    typer.Option("--duty", metavar=NumberMeta, help=_help("help.list_duty"), show_default=False),
]


@app.command("list", cls=LocalizedCommand, help=_help("help.list"))
def list_command(
    what: Annotated[
        str, typer.Argument(metavar=_help("metavar.what"), help=_help("help.list_what"))
    ],
    *,
    task: ListTaskOpt = None,
    goal: ListGoalOpt = None,
    duty: ListDutyOpt = None,
    data: DataOpt = None,
    as_of: AsOfOpt = "today",
    fmt: FormatOpt = None,
    lang: LangOpt = None,
    output: OutputOpt = None,
) -> None:
    opts = _options(as_of, fmt, lang, "never", ("never",), output=output)
    kind = listing.what_of(what, _help("metavar.what"))
    asked = [(k, n) for k, n in (("task", task), ("goal", goal), ("duty", duty)) if n is not None]
    if len(asked) > 1:
        raise HsreformError("usage.one_of", names=["--task", "--goal", "--duty"])
    ds = _dataset(data, "list", opts)
    found = listing.listing(ds, kind, opts.as_of, asked[0] if asked else None)
    _deliver(
        opts,
        json=lambda: jsondoc.listing(found),
        document=lambda: layout.listing(found, opts.lang),
        issued_on=ds.tasks.plan.issued_on,
        keyed=False,
    )


@app.command("check-staffing", cls=LocalizedCommand, help=_help("help.check_staffing"))
def check_staffing(
    *,
    data: DataOpt = None,
    as_of: AsOfOpt = "today",
    fmt: FindingsFormatOpt = None,
    lang: LangOpt = None,
    fail_on: FailOnOpt = "error",
    output: OutputOpt = None,
) -> None:
    opts = _options(as_of, fmt, lang, fail_on, FAIL_ON_CHOICES, FINDINGS_FORMATS, output)
    ds = _dataset(data, "check_staffing", opts)
    found = Findings(checks.staffing.check(ds, opts.as_of))
    windows = checks.staffing.summary(ds, opts.as_of)
    _deliver(
        opts,
        table=lambda out: tables.staffing(out, opts.as_of, found, windows, opts.lang),
        json=lambda: jsondoc.staffing(opts.as_of, found, windows, opts.lang),
        document=lambda: layout.staffing(opts.as_of, found, windows, opts.lang),
        github=lambda: _annotations(found, opts.lang),
        issued_on=ds.tasks.plan.issued_on,
    )
    raise typer.Exit(exit_code(found, opts.fail_on))


@app.command(cls=LocalizedCommand, help=_help("help.schema"))
def schema(
    *,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar=_help("metavar.dir"),
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
        stream.echo(safe.inline(loader.display_path(path)) + "\n")


@app.command("upgrade-data", cls=LocalizedCommand, help=_help("help.upgrade_data"))
def upgrade_data(
    *,
    data: DataOpt = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since", metavar=DateMeta, help=_help("help.upgrade_since"), show_default=False
        ),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=_help("help.dry_run"))] = False,
    as_of: AsOfOpt = "today",
    lang: LangOpt = None,
) -> None:
    opts = _options(as_of, None, lang, "never", ("never",))
    day = None if since is None else _day("--since", since, opts.as_of)
    root, _ = _data_to_change(data, "usage.upgrade_bundled", "upgrade")
    planned = upgrade.plan_upgrade(root, loader.bundled_data_dir(), day)
    after = {path: new for path, (_, new) in planned.files.items()}
    found = edit_check.findings_after(root, after, opts.as_of)
    blocking = [f for f in found if f.blocking]
    if blocking:
        raise DataUnusable(blocking, "upgrade")
    out = stream.console()
    for change in planned.changes:
        where = loader.display_path(root / change.file) + (f":{change.line}" if change.line else "")
        out.print(f"{where}: {text(change.key, opts.lang, **change.params)}", soft_wrap=True)
    if not planned.changes:
        out.print(text("upgrade.nothing", opts.lang))
        return
    # as after any edit: what the upgraded data newly shows (the user fixes it by hand)
    for finding in session.new_findings(edit_check.findings_after(root, {}, opts.as_of), found):
        out.print(text("edit.notice", opts.lang) + finding.describe(opts.lang), soft_wrap=True)
    if dry_run:
        for path, (before, new) in planned.files.items():
            shown = edit_write.diff(before, new, safe.inline(loader.display_path(path)))
            stream.echo(safe.visible(shown))  # sanitised as the diffs of every edit
        out.print(text("upgrade.dry_run", opts.lang))
        return
    written = session.write_planned(root, planned.files, planned.changes, command=_command())
    out.print(text("upgrade.written", opts.lang, files=[loader.display_path(p) for p in written]))


def _day(name: str, value: str, today: dt.date | None = None) -> dt.date:
    """The day an option gives; relative days (昨天, -1d) count from `today` (the report day)."""
    try:
        return asof.parse_day(value, today or dt.date.today())
    except asof.BadDay:
        raise HsreformError("usage.bad_date_option", name=name, value=value) from None


# reports people read, print and send: --output, the document formats, report, scorecard,
# calendar ---------------------------------------------------------------------------------

EXTENSIONS = {
    ".txt": "table",
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".xlsx": "xlsx",
    ".docx": "docx",
}
"""The format each extension of `--output FILE` stands for."""
RENDERERS = {"markdown": markdown, "csv": csvdoc, "html": htmldoc, "xlsx": xlsx, "docx": docxdoc}
"""The document formats: each module's `render` renders the same document of a view."""
BINARY_FORMATS = frozenset({"xlsx", "docx"})


def _format_of(fmt: str | None, output: Path | None, formats: tuple[str, ...]) -> str | None:
    """`--format`, else the format of the `--output` file's extension (None: the default).

    A file is only ever written in the format of its extension: an extension the command
    cannot write, or one that names another format than `--format`, is refused with the
    extensions it can write. A name without an extension takes `--format` as it is.
    """
    if output is None:
        return fmt
    suffix = output.suffix.lower()
    if fmt is not None and not suffix:
        return fmt
    chosen = EXTENSIONS.get(suffix)
    writable = [ext for ext, f in EXTENSIONS.items() if f in formats and (fmt in (None, f))]
    if chosen is None or chosen not in formats or fmt not in (None, chosen):
        key = "usage.unknown_extension" if fmt is None else "usage.extension_mismatch"
        raise HsreformError(key, path=str(output), format=fmt or "", suffixes=writable)
    return chosen


def _deliver(
    opts: Options,
    *,
    json: Callable[[], dict[str, Any]],
    document: Callable[[], Document],
    table: Callable[[Console], None] | None = None,
    github: Callable[[], str] | None = None,
    issued_on: dt.date | None = None,
    keyed: bool = True,
) -> None:
    """Render a view in the format asked for, to `--output` or standard output.

    A view without a terminal table of its own is drawn in the terminal as its document.
    A binary format is never written to a terminal (exit 2 with a message). A view of a day
    before the plan was issued (`issued_on`) says so first, in every format (JSON:
    `before_issue`, unless not `keyed`: the keys of log, list and items stay as documented);
    status and report, which word it themselves, pass no `issued_on`.
    """
    if opts.format in BINARY_FORMATS and opts.output is None and sys.stdout.isatty():
        raise HsreformError("usage.binary_to_terminal", format=opts.format)
    early = issued_on is not None and opts.as_of < issued_on
    if issued_on is not None:
        note = text(
            "view.before_issue",
            opts.lang,
            issued_on=issued_on.isoformat(),
            as_of=opts.as_of.isoformat(),
        )
        json = _with_key(json, "before_issue", early) if keyed else json
        if early:
            document = _with_meta(document, note)
            table = _after_line(table, note) if table is not None else None
    draw = table or (lambda out: richdoc.document(out, document()))
    if opts.format == "table":
        if opts.output is None:
            draw(stream.console())
            return
        with opts.output.open("w", encoding="utf-8") as handle:
            from rich.console import Console

            plain = Console(file=stream.guarded(handle), highlight=False, markup=False, emoji=False)
            plain.no_color = True
            draw(plain)
        _written(opts.output, opts.lang)
        return
    content: str | bytes
    if opts.format == "json":
        content = jsondoc.dumps(json())
    elif opts.format == "github" and github is not None:
        content = github()
    else:
        content = RENDERERS[opts.format].render(document())
    _put(content, opts.output, opts.lang, guard=opts.format not in ("json", "github"))


def _with_key(
    make: Callable[[], dict[str, Any]], key: str, value: object
) -> Callable[[], dict[str, Any]]:
    """`make`, its JSON document given `key` (after its own keys) where it has none."""
    return lambda: {**(made := make()), key: made.get(key, value)}


def _with_meta(make: Callable[[], Document], line: str) -> Callable[[], Document]:
    """`make`, its document with `line` first under the title (unless it says it already)."""

    def made() -> Document:
        doc = make()
        return doc if line in doc.meta else dataclasses.replace(doc, meta=(line, *doc.meta))

    return made


def _after_line(draw: Callable[[Console], None], line: str) -> Callable[[Console], None]:
    """`draw`, after `line`."""

    def drawn(out: Console) -> None:
        out.print(line)
        draw(out)

    return drawn


def _put(content: str | bytes, output: Path | None, lang: str, *, guard: bool = True) -> None:
    """Write `content` to the file `output`, or to standard output.

    Text formats are guarded (`safe.guard`) wherever they go: a file is shown in CI logs
    too, and no line of any format may become a workflow command. JSON needs no guard (its
    strings hold no line break); the annotations of `github` are workflow commands on
    purpose, their data escaped by the runner's rules.
    """
    if isinstance(content, str) and guard:
        content = safe.guard(content)
    data = content.encode("utf-8") if isinstance(content, str) else content
    if output is None:
        if isinstance(content, str):
            stream.write(content)
        else:
            stream.write_bytes(data)
        return
    output.write_bytes(data)
    _written(output, lang)


def _written(path: Path, lang: str) -> None:
    stream.console(stderr=True).print(text("output.written", lang, path=loader.display_path(path)))


@app.command("report", cls=LocalizedCommand, help=_help("help.report"))
def report_command(
    *,
    data: DataOpt = None,
    as_of: AsOfOpt = "today",
    fmt: FormatOpt = None,
    lang: LangOpt = None,
    output: OutputOpt = None,
    fail_on: StateFailOnOpt = "never",
    soon: SoonOpt = "3",
) -> None:
    opts = _options(as_of, fmt, lang, fail_on, tuple(views.STATE_FAIL_ON), output=output)
    days = _count("--soon", soon)
    ds = _dataset(data, "report", opts)
    held = meeting.meeting_report(ds, opts.as_of, soon=days)
    _deliver(
        opts,
        json=lambda: jsondoc.meeting(held, opts.lang),
        document=lambda: layout.meeting(held, opts.lang),
    )
    raise typer.Exit(1 if held.status.fails(opts.fail_on) else 0)


@app.command("scorecard", cls=LocalizedCommand, help=_help("help.scorecard"))
def scorecard_command(
    *,
    data: DataOpt = None,
    as_of: AsOfOpt = "today",
    fmt: FormatOpt = None,
    lang: LangOpt = None,
    output: OutputOpt = None,
) -> None:
    opts = _options(as_of, fmt, lang, "never", ("never",), output=output)
    ds = _dataset(data, "scorecard", opts)
    card = scorecard.scorecard(ds, opts.as_of)
    _deliver(
        opts,
        json=lambda: jsondoc.scorecard(card),
        document=lambda: layout.scorecard(card, opts.lang),
        issued_on=ds.tasks.plan.issued_on,
    )


@app.command("calendar", cls=LocalizedCommand, help=_help("help.calendar"))
def calendar_command(
    *,
    data: DataOpt = None,
    as_of: AsOfOpt = "today",
    lang: LangOpt = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar=_help("metavar.ics"),
            help=_help("help.calendar_output"),
            show_default=False,
        ),
    ] = None,
    remind: Annotated[
        str,
        typer.Option(
            "--remind", metavar=_help("metavar.days"), help=_help("help.remind"), show_default="3"
        ),
    ] = "3",
) -> None:
    opts = _options(as_of, None, lang, "never", ("never",))
    days = _count("--remind", remind)
    if days > MAX_REMIND:  # a reminder years ahead overflows the calendar's arithmetic
        raise HsreformError("usage.count_range", name="--remind", value=remind, low=0, high=366)
    if output is not None and output.suffix.lower() != ".ics":
        raise HsreformError("usage.unknown_extension", path=str(output), suffixes=[".ics"])
    ds = _dataset(data, "calendar", opts)
    found = deadlines.deadlines(ds)
    issued = ds.tasks.plan.issued_on
    if opts.as_of < issued:  # the deadlines are the plan's whatever the day; said beside them
        stream.console(stderr=True).print(
            text("calendar.before_issue", opts.lang, issued_on=issued, as_of=opts.as_of),
            soft_wrap=True,
        )
    content = ics.render(found, opts.lang, remind=days)
    if output is None:
        stream.write_bytes(content)
    else:
        output.write_bytes(content)
        stream.console(stderr=True).print(
            text(
                "calendar.written",
                opts.lang,
                path=loader.display_path(output),
                n=len(found.entries),
            )
        )
    if found.undated:
        items = [text("calendar.item", opts.lang, kind=k, number=n) for k, n in found.undated]
        stream.console(stderr=True).print(text("calendar.undated", opts.lang, items=items))


# editing: task / goal / duty / staff sub-apps, log, undo -------------------------------
# The edit logic is the library hsreform.edit (progress, roster, session, journal); these
# commands parse options, call it, and print one line per change.

DateMeta = _help("metavar.date")
OnOpt = Annotated[
    str | None,
    typer.Option("--on", metavar=DateMeta, help=_help("help.on"), show_default=False),
]
DryRunOpt = Annotated[bool, typer.Option("--dry-run", help=_help("help.edit_dry_run"))]
WaitOpt = Annotated[
    float,
    typer.Option(
        "--wait", metavar=_help("metavar.seconds"), help=_help("help.wait"), show_default="10"
    ),
]
AllOpt = Annotated[bool, typer.Option("--all", help=_help("help.all"))]
NumberArg = Annotated[
    str, typer.Argument(metavar=_help("metavar.number"), help=_help("help.number"))
]
UnitsArg = Annotated[
    list[str], typer.Argument(metavar=_help("metavar.units"), help=_help("help.units"))
]
StaffNoOpt = Annotated[
    str | None,
    typer.Option(
        "--staff-no",
        metavar=_help("metavar.staff_no"),
        help=_help("help.staff_no"),
        show_default=False,
    ),
]
TrainedOpt = Annotated[
    str | None,
    typer.Option(
        "--trained-on", metavar=DateMeta, help=_help("help.trained_on"), show_default=False
    ),
]
ApprovedOpt = Annotated[
    str, typer.Option("--approved-on", metavar=DateMeta, help=_help("help.approved_on"))
]
RequiredOnOpt = Annotated[
    str, typer.Option("--on", metavar=DateMeta, help=_help("help.on_required"))
]
PersonArg = Annotated[str, typer.Argument(metavar=_help("metavar.name"), help=_help("help.person"))]
WindowOpt = Annotated[
    str,
    typer.Option("--window", metavar=_help("metavar.window"), help=_help("help.window")),
]
RoleMeta = _help("metavar.role")


def _command() -> str:
    """The command being run, as the user typed it (for the journal and the lock's note)."""
    words = ["hsreform", *LocalizedGroup.argv]
    # shlex.quote would quote every Chinese word; only what a shell would split is quoted
    return " ".join(
        w if w and not any(c in w for c in " \t\n'\"") else shlex.quote(w) for w in words
    )


def _sub_app(help_key: str) -> typer.Typer:
    return typer.Typer(
        cls=LocalizedGroup,
        help=_help(help_key),
        no_args_is_help=True,
        context_settings={"help_option_names": ["-h", "--help"]},
    )


def _edit_root(data: Path | None) -> Path:
    """The data folder to edit: never the copy bundled with the package."""
    root = loader.find_data_dir(data)
    if (
        root.resolve() == loader.bundled_data_dir().resolve()
    ):  # also ./data in hsreform's own checkout
        raise HsreformError("edit.bundled")
    return root


def _carry_out(
    data: Path | None,
    opts: Options,
    edit: session.Edit,
    *,
    dry_run: bool,
    wait: float,
) -> None:
    """Run `edit` and print each change, the findings it brings, and the diff or what was written."""
    root = _edit_root(data)
    outcome = session.run(root, opts.as_of, edit, dry_run=dry_run, timeout=wait, command=_command())
    _print_outcome(root, outcome.changes, outcome.files, opts.lang, dry_run, outcome.written)
    out = stream.console()
    for finding in outcome.notices:
        out.print(text("edit.notice", opts.lang) + finding.describe(opts.lang), soft_wrap=True)


def _print_outcome(
    root: Path,
    changes: Sequence[Change],
    files: dict[Path, tuple[bytes, bytes]],
    lang: str,
    dry_run: bool,
    written: list[Path],
    *,
    undoing: bool = False,
) -> None:
    """Each change (or, `undoing`, what taking it back does), then the diff or what was written."""
    out = stream.console()
    for change in changes:
        line = change.undone(lang) if undoing else change.render(lang)
        out.print(f"{safe.inline(loader.display_path(root / change.file))}: {line}", soft_wrap=True)
    if dry_run:
        for path, (before, after) in files.items():
            # the diff shows bytes from the data (or an old journal) and the --data path:
            # both sanitised as every view is, and guarded against workflow commands
            shown = edit_write.diff(before, after, safe.inline(loader.display_path(path)))
            stream.echo(safe.visible(shown))
        out.print(text("edit.dry_run", lang))
    elif written:
        out.print(text("edit.written", lang, files=[loader.display_path(p) for p in written]))
    else:
        out.print(text("edit.unchanged", lang))


def _edit_options(as_of: str, lang: str | None) -> Options:
    return _options(as_of, None, lang, "never", ("never",))


def _progress(
    kind: str,
    verb: str,
    number: str,
    units: Sequence[str],
    on: str | None,
    *,
    data: Path | None,
    as_of: str,
    lang: str | None,
    dry_run: bool,
    wait: float,
    all_groups: bool = False,
    **values: Any,
) -> None:
    opts = _edit_options(as_of, lang)
    day = opts.as_of if on is None else _day("--on", on, opts.as_of)
    request = progress.Request(kind, number, units, verb, day, all_groups, **values)
    _carry_out(data, opts, progress.edit(request), dry_run=dry_run, wait=wait)


def _state_command(sub: typer.Typer, kind: str, verb: str) -> None:
    """`hsreform KIND VERB N UNIT...` for a verb that changes the state (all but meet)."""

    @sub.command(verb, cls=LocalizedCommand, help=_help(f"help.edit_{verb}"))
    def change(
        number: NumberArg,
        units: UnitsArg,
        *,
        on: OnOpt = None,
        note: Annotated[
            str | None,
            typer.Option(
                "--note", metavar=_help("metavar.text"), help=_help("help.note"), show_default=False
            ),
        ] = None,
        reason: Annotated[
            str | None,
            typer.Option(
                "--reason",
                metavar=_help("metavar.why"),
                help=_help("help.reason"),
                show_default=False,
            ),
        ] = None,
        evidence: Annotated[
            str | None,
            typer.Option(
                "--evidence",
                metavar=_help("metavar.text"),
                help=_help("help.evidence"),
                show_default=False,
            ),
        ] = None,
        all_groups: AllOpt = False,
        data: DataOpt = None,
        as_of: AsOfOpt = "today",
        lang: LangOpt = None,
        dry_run: DryRunOpt = False,
        wait: WaitOpt = 10.0,
    ) -> None:
        _progress(
            kind,
            verb,
            number,
            units,
            on,
            data=data,
            as_of=as_of,
            lang=lang,
            dry_run=dry_run,
            wait=wait,
            all_groups=all_groups,
            evidence=evidence,
            note=note,
            reason=reason,
        )


def _tracked_app(kind: str) -> typer.Typer:
    """`hsreform task|goal|duty VERB N UNIT...`: progress edits, and `show`."""
    sub = _sub_app(f"help.{kind}_app")
    for verb in ("done", "start", "block", "exempt", "reopen"):
        _state_command(sub, kind, verb)

    @sub.command("meet", cls=LocalizedCommand, help=_help("help.edit_meet"))
    def meet(
        number: NumberArg,
        unit: Annotated[
            str, typer.Argument(metavar=_help("metavar.unit"), help=_help("help.unit_one"))
        ],
        requirements: Annotated[
            list[str],
            typer.Argument(metavar=_help("metavar.requirements"), help=_help("help.requirements")),
        ],
        *,
        on: OnOpt = None,
        all_groups: AllOpt = False,
        data: DataOpt = None,
        as_of: AsOfOpt = "today",
        lang: LangOpt = None,
        dry_run: DryRunOpt = False,
        wait: WaitOpt = 10.0,
    ) -> None:
        _progress(
            kind,
            "meet",
            number,
            [unit],
            on,
            data=data,
            as_of=as_of,
            lang=lang,
            dry_run=dry_run,
            wait=wait,
            all_groups=all_groups,
            requirements=requirements,
        )

    @sub.command("show", cls=LocalizedCommand, help=_help("help.edit_show"))
    def show(
        number: NumberArg,
        *,
        unit: UnitFilterOpt = None,
        data: DataOpt = None,
        as_of: AsOfOpt = "today",
        fmt: FormatOpt = None,
        lang: LangOpt = None,
        output: OutputOpt = None,
    ) -> None:
        status(
            data=data,
            as_of=as_of,
            fmt=fmt,
            lang=lang,
            unit=unit,
            task=number if kind == "task" else None,
            goal=number if kind == "goal" else None,
            duty=number if kind == "duty" else None,
            output=output,
        )

    return sub


for _kind in ("task", "goal", "duty"):
    app.add_typer(_tracked_app(_kind), name=_kind)

staff_app = _sub_app("help.staff_app")
app.add_typer(staff_app, name="staff")


@staff_app.command("add", cls=LocalizedCommand, help=_help("help.staff_add"))
def staff_add(
    name: Annotated[
        str, typer.Argument(metavar=_help("metavar.name"), help=_help("help.new_person"))
    ],
    *,
    unit: Annotated[
        str, typer.Option("--unit", metavar=_help("metavar.unit"), help=_help("help.staff_unit"))
    ],
    window: WindowOpt,
    role: Annotated[str, typer.Option("--role", metavar=RoleMeta, help=_help("help.role"))],
    since: Annotated[str, typer.Option("--since", metavar=DateMeta, help=_help("help.since"))],
    staff_no: StaffNoOpt = None,
    trained_on: TrainedOpt = None,
    approved_on: Annotated[
        str | None,
        typer.Option(
            "--approved-on",
            metavar=DateMeta,
            help=_help("help.join_approved_on"),
            show_default=False,
        ),
    ] = None,
    data: DataOpt = None,
    as_of: AsOfOpt = "today",
    lang: LangOpt = None,
    dry_run: DryRunOpt = False,
    wait: WaitOpt = 10.0,
) -> None:
    opts = _edit_options(as_of, lang)
    person = roster.Newcomer(
        name,
        unit,
        window,
        role,
        _day("--since", since, opts.as_of),
        staff_no,
        _maybe_day("--trained-on", trained_on, opts.as_of),
        _maybe_day("--approved-on", approved_on, opts.as_of),
    )
    _carry_out(data, opts, roster.add(person, opts.as_of), dry_run=dry_run, wait=wait)


def _maybe_day(name: str, value: str | None, today: dt.date) -> dt.date | None:
    return None if value is None else _day(name, value, today)


@staff_app.command("leave", cls=LocalizedCommand, help=_help("help.staff_leave"))
def staff_leave(
    name: PersonArg,
    *,
    on: RequiredOnOpt,
    approved_on: Annotated[
        str, typer.Option("--approved-on", metavar=DateMeta, help=_help("help.leave_approved_on"))
    ],
    staff_no: StaffNoOpt = None,
    data: DataOpt = None,
    as_of: AsOfOpt = "today",
    lang: LangOpt = None,
    dry_run: DryRunOpt = False,
    wait: WaitOpt = 10.0,
) -> None:
    opts = _edit_options(as_of, lang)
    day, approved = _day("--on", on, opts.as_of), _day("--approved-on", approved_on, opts.as_of)
    edit = roster.leave(name, staff_no, day, approved, opts.as_of)
    _carry_out(data, opts, edit, dry_run=dry_run, wait=wait)


@staff_app.command("train", cls=LocalizedCommand, help=_help("help.staff_train"))
def staff_train(
    names: Annotated[
        list[str], typer.Argument(metavar=_help("metavar.names"), help=_help("help.people"))
    ],
    *,
    on: RequiredOnOpt,
    staff_no: StaffNoOpt = None,
    data: DataOpt = None,
    as_of: AsOfOpt = "today",
    lang: LangOpt = None,
    dry_run: DryRunOpt = False,
    wait: WaitOpt = 10.0,
) -> None:
    opts = _edit_options(as_of, lang)
    edit = roster.train(names, staff_no, _day("--on", on, opts.as_of), opts.as_of)
    _carry_out(data, opts, edit, dry_run=dry_run, wait=wait)


@staff_app.command("replace", cls=LocalizedCommand, help=_help("help.staff_replace"))
def staff_replace(
    old: Annotated[str, typer.Argument(metavar=_help("metavar.old"), help=_help("help.person"))],
    *,
    by: Annotated[str, typer.Option("--by", metavar=_help("metavar.new"), help=_help("help.by"))],
    on: RequiredOnOpt,
    approved_on: ApprovedOpt,
    staff_no: StaffNoOpt = None,
    new_staff_no: Annotated[
        str | None,
        typer.Option(
            "--new-staff-no",
            metavar=_help("metavar.staff_no"),
            help=_help("help.new_staff_no"),
            show_default=False,
        ),
    ] = None,
    trained_on: TrainedOpt = None,
    data: DataOpt = None,
    as_of: AsOfOpt = "today",
    lang: LangOpt = None,
    dry_run: DryRunOpt = False,
    wait: WaitOpt = 10.0,
) -> None:
    opts = _edit_options(as_of, lang)
    day = _day("--on", on, opts.as_of)
    trained = _maybe_day("--trained-on", trained_on, opts.as_of)
    new = roster.Newcomer(by, "", "", "", day, new_staff_no, trained)
    edit = roster.replace(
        old, staff_no, new, _day("--approved-on", approved_on, opts.as_of), opts.as_of
    )
    _carry_out(data, opts, edit, dry_run=dry_run, wait=wait)


@staff_app.command("move", cls=LocalizedCommand, help=_help("help.staff_move"))
def staff_move(
    name: PersonArg,
    *,
    window: WindowOpt,
    on: RequiredOnOpt,
    approved_on: ApprovedOpt,
    role: Annotated[
        str | None,
        typer.Option("--role", metavar=RoleMeta, help=_help("help.role"), show_default=False),
    ] = None,
    staff_no: StaffNoOpt = None,
    data: DataOpt = None,
    as_of: AsOfOpt = "today",
    lang: LangOpt = None,
    dry_run: DryRunOpt = False,
    wait: WaitOpt = 10.0,
) -> None:
    opts = _edit_options(as_of, lang)
    edit = roster.move(
        name,
        staff_no,
        window,
        _day("--on", on, opts.as_of),
        _day("--approved-on", approved_on, opts.as_of),
        opts.as_of,
        role,
    )
    _carry_out(data, opts, edit, dry_run=dry_run, wait=wait)


@staff_app.command("set", cls=LocalizedCommand, help=_help("help.staff_set"))
def staff_set(
    name: PersonArg,
    *,
    new_staff_no: Annotated[
        str | None,
        typer.Option(
            "--new-staff-no",
            metavar=_help("metavar.staff_no"),
            help=_help("help.set_staff_no"),
            show_default=False,
        ),
    ] = None,
    new_name: Annotated[
        str | None,
        typer.Option(
            "--new-name",
            metavar=_help("metavar.name"),
            help=_help("help.set_name"),
            show_default=False,
        ),
    ] = None,
    trained_on: Annotated[
        str | None,
        typer.Option(
            "--trained-on", metavar=DateMeta, help=_help("help.set_trained_on"), show_default=False
        ),
    ] = None,
    staff_no: StaffNoOpt = None,
    data: DataOpt = None,
    as_of: AsOfOpt = "today",
    lang: LangOpt = None,
    dry_run: DryRunOpt = False,
    wait: WaitOpt = 10.0,
) -> None:
    opts = _edit_options(as_of, lang)
    trained = _maybe_day("--trained-on", trained_on, opts.as_of)
    edit = roster.set_fields(name, staff_no, roster.Fields(new_staff_no, new_name, trained))
    _carry_out(data, opts, edit, dry_run=dry_run, wait=wait)


@app.command("log", cls=LocalizedCommand, help=_help("help.log"))
def log(
    *,
    since: Annotated[
        str | None,
        typer.Option("--since", metavar=DateMeta, help=_help("help.log_since"), show_default=False),
    ] = None,
    data: DataOpt = None,
    as_of: AsOfOpt = "today",
    fmt: FormatOpt = None,
    lang: LangOpt = None,
    output: OutputOpt = None,
) -> None:
    opts = _options(as_of, fmt, lang, "never", ("never",), output=output)
    first = _maybe_day("--since", since, opts.as_of)
    ds = _dataset(data, "log", opts)
    found = changelog.entries(ds, first, opts.as_of)
    _deliver(
        opts,
        table=lambda out: tables.log(out, found, opts.as_of, opts.lang),
        json=lambda: jsondoc.log(found, first, opts.as_of, opts.lang),
        document=lambda: layout.log(found, first, opts.as_of, opts.lang),
        issued_on=ds.tasks.plan.issued_on,
        keyed=False,
    )


@app.command("undo", cls=LocalizedCommand, help=_help("help.undo"))
def undo(
    *,
    data: DataOpt = None,
    lang: LangOpt = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=_help("help.undo_dry_run"))] = False,
    wait: WaitOpt = 10.0,
) -> None:
    opts = _edit_options("today", lang)
    root = _edit_root(data)
    undone = session.undo(root, dry_run=dry_run, timeout=wait, command=_command())
    key = "undo.would" if dry_run else "undo.done"
    when = undone.when.replace("T", " ")
    stream.console().print(text(key, opts.lang, when=when, command=undone.command), soft_wrap=True)
    outcome = undone.outcome
    _print_outcome(
        root, outcome.changes, outcome.files, opts.lang, dry_run, outcome.written, undoing=True
    )


def _data_to_change(data: Path | None, bundled: str, action: str) -> tuple[Path, Dataset]:
    """The data folder a writing command changes, and its data set; never the bundled copy."""
    root = loader.find_data_dir(data)
    if root == loader.bundled_data_dir():
        raise HsreformError(bundled)
    loaded = loader.load(root)
    if loaded.dataset is None:
        raise DataUnusable([f for f in loaded.findings if f.blocking], action)
    return root, loaded.dataset


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
    typer.Option(
        "--unit", metavar=_help("metavar.unit"), help=_help("help.items_unit"), show_default=False
    ),
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
    output: OutputOpt = None,
) -> None:
    if ctx.invoked_subcommand is not None:
        return
    opts = _options(as_of, fmt, lang, "never", ("never",), output=output)
    ds = _dataset(data, "items", opts)
    unit_id = ds.names.unit(unit).id if unit is not None else None
    result = catalogue.report(ds, opts.as_of, unit=unit_id)

    def table(out: Console) -> None:
        if unit_id is not None:
            tables.unit_items(out, result.units[0], opts.as_of, opts.lang)
        else:
            tables.items(out, result, opts.lang)

    _deliver(
        opts,
        table=table,
        json=lambda: jsondoc.items(result),
        document=lambda: layout.items(result, opts.lang, one_unit=unit_id is not None),
        issued_on=ds.tasks.plan.issued_on,
        keyed=False,
    )


@items_app.command("import", cls=LocalizedCommand, help=_help("help.items_import"))
def items_import(
    file: Annotated[
        Path, typer.Argument(metavar=_help("metavar.file"), help=_help("help.import_file"))
    ],
    *,
    unit: Annotated[
        str,
        typer.Option("--unit", metavar=_help("metavar.unit"), help=_help("help.import_unit")),
    ],
    column_map: Annotated[
        list[str] | None,
        typer.Option(
            "--map", metavar=_help("metavar.map"), help=_help("help.import_map"), show_default=False
        ),
    ] = None,
    on: Annotated[
        str | None,
        typer.Option("--on", metavar=DateMeta, help=_help("help.import_on"), show_default=False),
    ] = None,
    skip_bad: Annotated[bool, typer.Option("--skip-bad", help=_help("help.skip_bad"))] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=_help("help.dry_run"))] = False,
    data: DataOpt = None,
    as_of: AsOfOpt = "today",
    lang: LangOpt = None,
) -> None:
    opts = _options(as_of, None, lang, "never", ("never",))
    day = opts.as_of if on is None else _day("--on", on, opts.as_of)
    session.recorded(opts.as_of, ("--on", day))
    overrides = edit_catalogue.parse_map(column_map or [])
    root, ds = _data_to_change(data, "usage.import_bundled", "import")
    unit_id = ds.names.unit(unit).id
    sheet = sheets.read_sheet(file, loader.display_path(file))
    request = edit_catalogue.Request(
        unit_id, sheet, overrides, day, loader.bundled_data_dir(), skip_bad
    )
    planned: list[edit_catalogue.ImportPlan] = []
    out = stream.console()
    name = ds.units[unit_id].name
    windows = {w.id: w.name for w in ds.windows.windows}
    try:  # checked, locked and journalled like every edit; refused if it brings an error
        outcome = session.run(
            root,
            opts.as_of,
            edit_catalogue.importing(request, planned),
            dry_run=dry_run,
            command=_command(),
        )
    except HsreformError:
        for plan in planned:  # what it would have done, above why it was not done
            tables.import_plan(out, plan, name, opts.lang, windows)
        raise
    for plan in planned:
        tables.import_plan(out, plan, name, opts.lang, windows)
    for finding in outcome.notices:
        out.print(text("edit.notice", opts.lang) + finding.describe(opts.lang), soft_wrap=True)
    if not outcome.files:
        return
    if dry_run:
        for path, (before, after) in outcome.files.items():
            stream.write(edit_write.diff(before, after, loader.display_path(path)))
        out.print(text("upgrade.dry_run", opts.lang))
        return
    files = [loader.display_path(p) for p in outcome.written]
    out.print(text("upgrade.written", opts.lang, files=files))


LETTER_FORMATS = ("table", "markdown", "html", "docx")


@app.command(cls=LocalizedCommand, help=_help("help.authorize"))
def authorize(
    unit: Annotated[
        str, typer.Argument(metavar=_help("metavar.unit"), help=_help("help.authorize_unit"))
    ],
    *,
    window: Annotated[
        str | None,
        typer.Option(
            "--window",
            metavar=_help("metavar.window"),
            help=_help("help.authorize_window"),
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar=_help("metavar.file"),
            help=_help("help.authorize_output"),
            show_default=False,
        ),
    ] = None,
    data: DataOpt = None,
    as_of: AsOfOpt = "today",
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            metavar=_help("metavar.format"),
            help=_help("help.authorize_format"),
            show_default=False,
        ),
    ] = None,
    lang: LangOpt = None,
) -> None:
    formats = LETTER_FORMATS if output is None else LETTER_FORMATS[1:]  # no terminal in a file
    opts = _options(as_of, fmt, lang, "never", ("never",), formats, output)
    if opts.format == "docx" and output is None and _to_terminal():
        raise HsreformError("usage.binary_to_terminal", format="docx")
    ds = _dataset(data, "authorize", opts)
    unit_id = ds.names.unit(unit).id
    window_id = None if window is None else ds.names.window(window).id
    chosen = letters.letters_for(ds, unit_id, opts.as_of, window=window_id)
    if not chosen and window_id is not None:  # name the windows it has letters for, if any
        others = letters.letters_for(ds, unit_id, opts.as_of)
        raise HsreformError(
            "usage.no_letter_window" if others else "usage.no_letter",
            unit=ds.units[unit_id].name,
            window=ds.window_categories[window_id].name,
            windows=list(dict.fromkeys(ds.window_categories[v.window].name for v in others)),
        )
    if not chosen:
        raise HsreformError("usage.no_letter", unit=ds.units[unit_id].name)
    unnamed = next((v.unnamed for v in chosen if v.unnamed), None)
    if unnamed is not None:  # said beside the letter, never in it
        stream.console(stderr=True).print(
            text("letter.unnamed", opts.lang, name=unnamed), soft_wrap=True
        )
    if output is not None:
        output.write_bytes(_letters(chosen, opts.format, output))
        stream.console().print(
            text("letter.written", opts.lang, path=loader.display_path(output), n=len(chosen))
        )
    elif opts.format == "table":
        letter.terminal(stream.console(), chosen, opts.lang)
    elif opts.format == "docx":
        sys.stdout.buffer.write(letterdocx.docx(chosen))
        sys.stdout.flush()
    else:
        stream.write(_letters(chosen, opts.format, None).decode("utf-8"))


def _to_terminal() -> bool:
    """Whether standard output is a terminal (where binary output must not go)."""
    return sys.stdout.isatty()


def _letters(views: list[LetterView], fmt: str, output: Path | None) -> bytes:
    """The letters as a file of format `fmt` ('markdown', 'html' or 'docx')."""
    if fmt == "docx":
        return letterdocx.docx(views)
    # guarded as every text output is, to a file or not: files are shown in CI logs too
    if fmt == "markdown":
        return safe.guard(letter.markdown(views)).encode("utf-8")
    if fmt == "html":
        return safe.guard(letter.page(views)).encode("utf-8")
    raise HsreformError("usage.unknown_extension", path=str(output), suffixes=[".md", ".html"])


def command() -> TyperGroup:
    """The app as a click group whose commands are built as they are looked up (cli_build)."""
    return build.group(app)


def main() -> None:
    """The console script `hsreform`."""
    command()(prog_name="hsreform")
