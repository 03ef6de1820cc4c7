"""Views of a day: status, list, report, scorecard, calendar, log."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hsreform.cli.locale import LocalizedCommand
from hsreform.cli.root import (
    MAX_REMIND,
    AsOfOpt,
    DataOpt,
    DateMeta,
    DutyOpt,
    FormatOpt,
    GoalOpt,
    LangOpt,
    ListDutyOpt,
    ListGoalOpt,
    ListTaskOpt,
    OutputOpt,
    SoonOpt,
    StateFailOnOpt,
    TaskOpt,
    UnitFilterOpt,
    _count,
    _dataset,
    _deliver,
    _help,
    _maybe_day,
    _options,
    app,
)
from hsreform.common.errors import HsreformError
from hsreform.common.i18n import text
from hsreform.common.lazy import lazy
from hsreform.report import stream

if TYPE_CHECKING:
    from hsreform.dataset import loader
    from hsreform.report import ics, jsondoc, layout, tables
    from hsreform.views import changelog, deadlines, listing, meeting, scorecard
    from hsreform.views import status as views
else:
    changelog = lazy("hsreform.views.changelog")
    deadlines = lazy("hsreform.views.deadlines")
    listing = lazy("hsreform.views.listing")
    loader = lazy("hsreform.dataset.loader")
    meeting = lazy("hsreform.views.meeting")
    scorecard = lazy("hsreform.views.scorecard")
    views = lazy("hsreform.views.status")
    ics = lazy("hsreform.report.ics")
    jsondoc = lazy("hsreform.report.jsondoc")
    layout = lazy("hsreform.report.layout")
    tables = lazy("hsreform.report.tables")


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
