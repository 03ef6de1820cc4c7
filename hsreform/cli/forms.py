"""The 报送 loop: forms out, returns collected, notices to the laggards."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hsreform.cli.editing import WaitOpt, _edit_options, _print_outcome
from hsreform.cli.locale import LocalizedCommand
from hsreform.cli.root import (
    NOTICE_FORMATS,
    NOTICE_SUFFIXES,
    AsOfOpt,
    DataOpt,
    DirOpt,
    LangOpt,
    UnitsOpt,
    _command,
    _data_to_change,
    _dataset,
    _help,
    _options,
    _output_dir,
    _print_collected,
    _units,
    _words,
    app,
)
from hsreform.common import safe
from hsreform.common.errors import HsreformError
from hsreform.common.i18n import text
from hsreform.common.lazy import lazy
from hsreform.report import stream

if TYPE_CHECKING:
    from hsreform.dataset import loader, names
    from hsreform.edit import collect, session
    from hsreform.report import formxlsx, notice
    from hsreform.views import forms
    from hsreform.views import notices as notices_view
else:
    collect = lazy("hsreform.edit.collect")
    notices_view = lazy("hsreform.views.notices")
    forms = lazy("hsreform.views.forms")
    loader = lazy("hsreform.dataset.loader")
    names = lazy("hsreform.dataset.names")
    session = lazy("hsreform.edit.session")
    formxlsx = lazy("hsreform.report.formxlsx")
    notice = lazy("hsreform.report.notice")


@app.command("forms", cls=LocalizedCommand, help=_help("help.forms"))
def forms_command(
    *,
    output: DirOpt,
    unit: UnitsOpt = None,
    data: DataOpt = None,
    as_of: AsOfOpt = "today",
    lang: LangOpt = None,
) -> None:
    opts = _options(as_of, None, lang, "never", ("never",))
    ds = _dataset(data, "forms", opts)
    made = forms.forms(ds, opts.as_of, _units(ds, unit), print_=forms.fingerprint(ds.root))
    if not made:
        raise HsreformError("forms.none")
    folder = _output_dir(output)
    for form in made:
        (folder / form.file_name).write_bytes(formxlsx.render(form))
    stream.console().print(
        text("forms.written", opts.lang, n=len(made), dir=loader.display_path(folder))
    )


@app.command("collect", cls=LocalizedCommand, help=_help("help.collect"))
def collect_command(
    files: Annotated[
        list[Path], typer.Argument(metavar=_help("metavar.file"), help=_help("help.collect_files"))
    ],
    *,
    skip_bad: Annotated[bool, typer.Option("--skip-bad", help=_help("help.skip_bad"))] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=_help("help.collect_dry_run"))] = False,
    data: DataOpt = None,
    as_of: AsOfOpt = "today",
    lang: LangOpt = None,
    wait: WaitOpt = 10.0,
) -> None:
    opts = _edit_options(as_of, lang)
    root, ds = _data_to_change(data, "edit.bundled", "collect")
    out = stream.console()
    failed = 0
    for file in files:
        display = loader.display_path(file)
        done: list[collect.Collected] = []
        try:
            returned = collect.read_return(file, display, ds)
            outcome = session.run(
                root,
                opts.as_of,
                collect.collecting(returned, skip_bad, done),
                dry_run=dry_run,
                timeout=wait,
                command=_command(),
            )
        except HsreformError as exc:
            for step in done:
                _print_collected(step, opts.lang)
            stream.console(stderr=True).print(exc.render(opts.lang), soft_wrap=True)
            failed += 1
            continue
        for step in done:
            _print_collected(step, opts.lang)
        _print_outcome(root, [], outcome.files, opts.lang, dry_run, outcome.written)
        for finding in outcome.notices:
            out.print(text("edit.notice", opts.lang) + finding.describe(opts.lang), soft_wrap=True)
    if failed:
        stream.console(stderr=True).print(text("collect.failed", opts.lang, n=failed))
        raise typer.Exit(2)


@app.command("notices", cls=LocalizedCommand, help=_help("help.notices"))
def notices_command(
    *,
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", metavar=_help("metavar.dir"), help=_help("help.notices_output")
        ),
    ],
    unit: UnitsOpt = None,
    data: DataOpt = None,
    as_of: AsOfOpt = "today",
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            metavar=_help("metavar.format"),
            help=_help("help.notices_format"),
            show_default="docx",
        ),
    ] = "docx",
    lang: LangOpt = None,
) -> None:
    opts = _options(as_of, None, lang, "never", ("never",))
    chosen = names.choose("--format", fmt, _words(NOTICE_FORMATS, names.FORMAT_WORDS))
    ds = _dataset(data, "notices", opts)
    made = notices_view.notices(ds, opts.as_of, _units(ds, unit))
    folder = _output_dir(output)
    for view in made:
        path = folder / (view.file_name + NOTICE_SUFFIXES[chosen])
        if chosen == "docx":
            path.write_bytes(notice.docx(view))
        else:
            content = notice.markdown(view) if chosen == "markdown" else notice.page(view)
            path.write_text(safe.guard(content), encoding="utf-8")
    key = "notices.written" if made else "notices.none"
    stream.console().print(
        text(
            key,
            opts.lang,
            n=len(made),
            dir=loader.display_path(folder),
            units=[v.name for v in made],
            day=opts.as_of.isoformat(),
        ),
        soft_wrap=True,
    )
