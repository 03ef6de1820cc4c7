"""The Typer app and what every command group shares: options, loading, output, exit codes.

Exit codes: 0 clean; 1 findings at or above `--fail-on`; 2 the data or the command line
cannot be used. Errors a user can cause are printed by `LocalizedGroup.main`, never raised.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shlex
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from hsreform import __version__
from hsreform.cli import build
from hsreform.cli.locale import LocalizedCommand, LocalizedGroup, detect_lang
from hsreform.common import safe
from hsreform.common.errors import DataUnusable, HsreformError
from hsreform.common.findings import Findings, counts
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
    from hsreform.edit import collect, progress, roster, session, upgrade
    from hsreform.edit import write as edit_write
    from hsreform.reading import sheets
    from hsreform.report import (
        csvdoc,
        docxdoc,
        formxlsx,
        github,
        htmldoc,
        ics,
        jsondoc,
        layout,
        letter,
        letterdocx,
        markdown,
        notice,
        richdoc,
        tables,
        xlsx,
    )
    from hsreform.report.document import Document
    from hsreform.views import (
        catalogue,
        changelog,
        deadlines,
        forms,
        letters,
        listing,
        meeting,
        scorecard,
    )
    from hsreform.views import notices as notices_view
    from hsreform.views import status as views
else:
    asof = lazy("hsreform.common.asof")
    catalogue = lazy("hsreform.views.catalogue")
    changelog = lazy("hsreform.views.changelog")
    collect = lazy("hsreform.edit.collect")
    notices_view = lazy("hsreform.views.notices")
    forms = lazy("hsreform.views.forms")
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
    formxlsx = lazy("hsreform.report.formxlsx")
    notice = lazy("hsreform.report.notice")
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


# editing: task / goal / duty / staff sub-apps, log, undo -------------------------------
# The edit logic is the library hsreform.edit (progress, roster, session, journal); these
# commands parse options, call it, and print one line per change.

DateMeta = _help("metavar.date")


def _command() -> str:
    """The command being run, as the user typed it (for the journal and the lock's note)."""
    words = ["hsreform", *LocalizedGroup.argv]
    # shlex.quote would quote every Chinese word; only what a shell would split is quoted
    return " ".join(
        w if w and not any(c in w for c in " \t\n'\"") else shlex.quote(w) for w in words
    )


def _maybe_day(name: str, value: str | None, today: dt.date) -> dt.date | None:
    return None if value is None else _day(name, value, today)


def _data_to_change(data: Path | None, bundled: str, action: str) -> tuple[Path, Dataset]:
    """The data folder a writing command changes, and its data set; never the bundled copy."""
    root = loader.find_data_dir(data)
    if root == loader.bundled_data_dir():
        raise HsreformError(bundled)
    loaded = loader.load(root)
    if loaded.dataset is None:
        raise DataUnusable([f for f in loaded.findings if f.blocking], action)
    return root, loaded.dataset


LETTER_FORMATS = ("table", "markdown", "html", "docx")


# 报送: forms out, returns in (collect), notices to the laggards ----------------------------

UnitsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--unit", metavar=_help("metavar.unit"), help=_help("help.forms_unit"), show_default=False
    ),
]
DirOpt = Annotated[
    Path,
    typer.Option("--output", "-o", metavar=_help("metavar.dir"), help=_help("help.forms_output")),
]


def _output_dir(output: Path) -> Path:
    """The folder `--output` names, made if missing; refused when it is a file."""
    if output.exists() and not output.is_dir():
        raise HsreformError("forms.output_not_dir", path=loader.display_path(output))
    output.mkdir(parents=True, exist_ok=True)
    return output


def _units(ds: Dataset, unit: list[str] | None) -> list[str] | None:
    """The unit ids `--unit` names (None: every unit)."""
    return None if not unit else list(dict.fromkeys(ds.names.unit(u).id for u in unit))


def _print_collected(step: collect.Collected, lang: str) -> None:
    """What a workbook records, its conflicts and the cells it cannot record, in words."""
    out = stream.console()
    returned = step.returned
    out.print(
        text(
            "collect.unit",
            lang,
            unit=step.name,
            path=returned.display,
            day=returned.day.isoformat(),
        ),
        soft_wrap=True,
    )
    for change in step.changes:
        out.print("  " + change.render(lang), soft_wrap=True)
    for c in step.conflicts:
        out.print(
            text(
                "collect.conflict",
                lang,
                path=returned.display,
                sheet=c.sheet,
                row=c.row,
                id=c.key,
                column=c.column,
                data=c.data,
                returned=c.returned,
            ),
            soft_wrap=True,
        )
    for bad in step.bad:
        out.print(text("collect.bad", lang, line=collect.bad_line(bad, lang)), soft_wrap=True)
    if step.already:
        out.print(text("collect.already", lang, n=step.already))
    if not step.changes and not step.conflicts and not step.bad and not step.already:
        out.print(text("collect.nothing", lang))


NOTICE_FORMATS = ("docx", "markdown", "html")
NOTICE_SUFFIXES = {"docx": ".docx", "markdown": ".md", "html": ".html"}


def command() -> TyperGroup:
    """The app as a click group whose commands are built as they are looked up (cli_build)."""
    return build.group(app)


def main() -> None:
    """The console script `hsreform`."""
    command()(prog_name="hsreform")
