"""Recording progress and staff: task, goal, duty, staff, undo."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from hsreform.cli.locale import LocalizedCommand, LocalizedGroup
from hsreform.cli.root import (
    AsOfOpt,
    DataOpt,
    DateMeta,
    FormatOpt,
    LangOpt,
    Options,
    OutputOpt,
    UnitFilterOpt,
    _command,
    _day,
    _help,
    _maybe_day,
    _options,
    app,
)
from hsreform.cli.viewing import status
from hsreform.common import safe
from hsreform.common.errors import HsreformError
from hsreform.common.i18n import text
from hsreform.common.lazy import lazy
from hsreform.report import stream

if TYPE_CHECKING:
    from hsreform.dataset import loader, names
    from hsreform.dataset.changes import Change
    from hsreform.edit import progress, roster, session
    from hsreform.edit import write as edit_write
else:
    loader = lazy("hsreform.dataset.loader")
    names = lazy("hsreform.dataset.names")
    progress = lazy("hsreform.edit.progress")
    roster = lazy("hsreform.edit.roster")
    session = lazy("hsreform.edit.session")
    edit_write = lazy("hsreform.edit.write")

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
