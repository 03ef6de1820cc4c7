"""The item catalogue: items, items import, authorize."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hsreform.cli.locale import LocalizedCommand, LocalizedGroup
from hsreform.cli.root import (
    LETTER_FORMATS,
    AsOfOpt,
    DataOpt,
    DateMeta,
    FormatOpt,
    LangOpt,
    OutputOpt,
    _command,
    _data_to_change,
    _dataset,
    _day,
    _deliver,
    _help,
    _options,
    app,
)
from hsreform.common import safe
from hsreform.common.errors import HsreformError
from hsreform.common.i18n import text
from hsreform.common.lazy import lazy
from hsreform.report import stream

if TYPE_CHECKING:
    from rich.console import Console

    from hsreform.dataset import loader
    from hsreform.edit import catalogue as edit_catalogue
    from hsreform.edit import session
    from hsreform.edit import write as edit_write
    from hsreform.reading import sheets
    from hsreform.report import jsondoc, layout, letter, letterdocx, tables
    from hsreform.views import catalogue, letters
    from hsreform.views import status as views
    from hsreform.views.letters import LetterView
else:
    catalogue = lazy("hsreform.views.catalogue")
    letters = lazy("hsreform.views.letters")
    loader = lazy("hsreform.dataset.loader")
    sheets = lazy("hsreform.reading.sheets")
    views = lazy("hsreform.views.status")
    edit_catalogue = lazy("hsreform.edit.catalogue")
    session = lazy("hsreform.edit.session")
    edit_write = lazy("hsreform.edit.write")
    jsondoc = lazy("hsreform.report.jsondoc")
    layout = lazy("hsreform.report.layout")
    letter = lazy("hsreform.report.letter")
    letterdocx = lazy("hsreform.report.letterdocx")
    tables = lazy("hsreform.report.tables")


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
