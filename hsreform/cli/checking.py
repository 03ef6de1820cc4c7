"""Checking the data: validate, check-staffing, schema, upgrade-data."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hsreform.cli.locale import LocalizedCommand
from hsreform.cli.root import (
    FINDINGS_FORMATS,
    AsOfOpt,
    DataOpt,
    DateMeta,
    FailOnOpt,
    FindingsFormatOpt,
    LangOpt,
    OutputOpt,
    _annotations,
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
from hsreform.common.errors import DataUnusable, HsreformError
from hsreform.common.findings import FAIL_ON_CHOICES, Findings, exit_code
from hsreform.common.i18n import text
from hsreform.common.lazy import lazy
from hsreform.report import stream

if TYPE_CHECKING:
    from hsreform import checks
    from hsreform.dataset import loader
    from hsreform.dataset import schema as schemas
    from hsreform.edit import check as edit_check
    from hsreform.edit import session, upgrade
    from hsreform.edit import write as edit_write
    from hsreform.report import jsondoc, layout, tables
else:
    checks = lazy("hsreform.checks")
    loader = lazy("hsreform.dataset.loader")
    schemas = lazy("hsreform.dataset.schema")
    edit_check = lazy("hsreform.edit.check")
    session = lazy("hsreform.edit.session")
    upgrade = lazy("hsreform.edit.upgrade")
    edit_write = lazy("hsreform.edit.write")
    jsondoc = lazy("hsreform.report.jsondoc")
    layout = lazy("hsreform.report.layout")
    tables = lazy("hsreform.report.tables")


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
