"""How the status figures read in words: days left, lateness, units done, dates of a state.

Shared by every renderer that writes sentences or cells for people (the terminal tables,
and any later text format), so that all of them say a thing the same way. Nothing here
computes a figure; it only words the ones the library computed.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from hsreform.common.i18n import term, text
from hsreform.dataset.records import Status
from hsreform.views.status import FINISHED, Report, Row, State, UnitProgress

if TYPE_CHECKING:
    from hsreform.views.catalogue import Figures
    from hsreform.views.meeting import Bar

LONG_AGO = 60
"""From this many days on, a span reads in months and years rather than days."""


def span(start: dt.date, end: dt.date, lang: str) -> str:
    """The time from `start` to `end` (end later): '12天', or '6年5个月' once it is long."""
    days = (end - start).days
    if days < LONG_AGO:
        return text("span.days", lang, n=days)
    delta = relativedelta(end, start)
    if delta.years and delta.months:
        return text("span.years_months", lang, y=delta.years, m=delta.months)
    if delta.years:
        return text("span.years", lang, y=delta.years)
    return text("span.months", lang, m=delta.months)


def days(row: Row, as_of: dt.date, lang: str) -> str:
    """The days-left cell: '剩2天', '今天到期', '逾期3天', '—' (done, exempt), '未定' (no deadline)."""
    if row.deadline is None or row.days_left is None:
        return text("days.none", lang)
    if row.state in FINISHED:
        return "—"
    if row.days_left < 0:
        return text("days.overdue", lang, span=span(row.deadline, as_of, lang))
    if row.days_left == 0:
        return text("days.today", lang)
    return text("days.left", lang, n=row.days_left)


def progress(row: Row, as_of: dt.date, lang: str) -> str:
    """For a heading: the days left, or the day the row was finished."""
    if row.finished_on is not None:
        return text("days.finished", lang, day=row.finished_on.isoformat())
    return days(row, as_of, lang)


def outcome(row: Row, as_of: dt.date, lang: str) -> str:
    """Looking back on a plan long past: the day a row was finished, or how late it is by now.

    The state column beside it says 已逾期, so the span goes without the word.
    """
    if row.finished_on is not None:
        return row.finished_on.isoformat()
    if row.deadline is None or row.deadline >= as_of or row.state is State.EXEMPT:
        return text("days.none", lang)
    return span(row.deadline, as_of, lang)


def what(row: Row, lang: str) -> str:
    """The row as a sentence names it: 任务 4, 目标 1, 保障职责 2."""
    return f"{term(row.kind, lang)} {row.number}"


def preamble(report: Report, lang: str) -> list[str]:
    """What to know before reading the rows: the plan not issued yet on `as_of`, or every
    deadline of the plan past (the rows then give the day each was done, or how late)."""
    lines = []
    if report.before_issue and report.issued_on is not None:
        lines.append(
            text(
                "status.before_issue",
                lang,
                issued_on=report.issued_on.isoformat(),
                as_of=report.as_of.isoformat(),
            )
        )
    if report.deadlines_passed and report.plan_deadline is not None:
        latest = report.plan_deadline.isoformat()
        lines += text("status.looking_back", lang, latest=latest).splitlines()
    return lines


def nothing(report: Report, lang: str, unit_name: str | None = None) -> str:
    """What a view with no task, goal or duty says: for a unit, what the plan asks of it
    instead (the staff it sends to windows), or that it asks nothing of it."""
    if unit_name is None:
        return text("status.none", lang)
    if not report.quotas:
        return text("status.none_unit", lang, unit=unit_name)
    quotas = [text("status.quota", lang, window=w, n=n) for w, n in report.quotas]
    return text("status.none_unit_quota", lang, unit=unit_name, quotas=quotas)


def remarks(report: Report, lang: str, unit_name: str | None = None) -> list[str]:
    """Where the figures rest on a reading of the data rather than on what is written: the
    units a task's reading does not charge, and each entry the view reads otherwise."""
    lines = []
    for row in (*report.tasks, *report.goals, *report.duties):
        lines += row_remarks(row, lang)
    if report.not_charged and unit_name is not None:
        items = [what(row, lang) for row in report.not_charged]
        lines.append(text("status.unit_not_charged", lang, unit=unit_name, items=items))
    return lines


def row_remarks(row: Row, lang: str) -> list[str]:
    """`remarks` for one row: the units its reading does not charge, the entries read otherwise."""
    lines = []
    if row.not_charged:
        names = [name for _, name in row.not_charged]
        lines.append(text("status.not_charged", lang, what=what(row, lang), units=names))
    for unit in row.read_otherwise:
        reading = unit.reading
        if reading is None:
            continue
        recorded = unit.recorded or unit.status
        lines.append(
            text(
                f"status.read.{reading.value}",
                lang,
                unit=unit.name,
                what=what(row, lang),
                recorded=text("unit." + recorded.value, lang),
                counted=text("unit." + unit.status.value, lang),
                done_on=unit.done_on.isoformat() if unit.done_on else "",
            )
        )
    return lines


def units_done(row: Row, lang: str) -> str:
    """'15/19', with the exempt units named: '15/19 豁免1'."""
    done = f"{row.units_done}/{row.units_total}"
    if row.units_exempt:
        return done + " " + text("units.exempt", lang, n=row.units_exempt)
    return done


def units_sentence(row: Row, lang: str) -> str:
    """'完成 15/19 个单位，豁免 1 个' for a heading."""
    done = text("task.units", lang, done=f"{row.units_done}/{row.units_total}")
    if row.units_exempt:
        done += text("task.exempt", lang, n=row.units_exempt)
    return done


def tallies(report: Report, lang: str) -> list[str]:
    """'共 9 项：已逾期 4、…。' for tasks and goals, and the same for the duties if any."""

    def parts(tally: dict[str, int]) -> list[str]:
        return [f"{text('state.' + state, lang)} {n}" for state, n in tally.items() if n]

    tally = report.counts()
    lines = [text("status.summary", lang, total=sum(tally.values()), parts=parts(tally))]
    if report.duties:
        duties = parts(report.counts(report.duties))
        lines.append(text("status.duties_summary", lang, total=len(report.duties), parts=duties))
    return lines


def task_heading(row: Row, as_of: dt.date, lang: str) -> list[str]:
    """The clauses under a task's title: deadline and days, state, units, requirements."""
    clauses = [
        text("task.deadline", lang, deadline=deadline(row, lang), days=progress(row, as_of, lang)),
        text("task.state", lang, state=text("state." + row.state.value, lang)),
        units_sentence(row, lang),
    ]
    if row.requirements_total:
        clauses.append(
            text("task.requirements", lang, met=row.requirements_met, total=row.requirements_total)
        )
    return clauses


def deadline(row: Row, lang: str) -> str:
    """The deadline cell; a borrowed one is marked, a missing one says so."""
    if row.deadline is None:
        return text("deadline.none", lang)
    return row.deadline.isoformat() + ("*" if row.deadline_from is not None else "")


def state_day(unit: UnitProgress, row: Row, lang: str) -> str:
    """When the unit's state began: the day it was done (and how late), or '2020-06-10起'."""
    if unit.done_on is not None:
        day = unit.done_on.isoformat()
        if unit.late and row.deadline is not None:
            day += " " + text("days.late", lang, span=span(row.deadline, unit.done_on, lang))
        return day
    if unit.since is not None and unit.status is not Status.NOT_STARTED:
        return text("unit.since", lang, day=unit.since.isoformat())
    return ""


def numbers(values: list[int]) -> str:
    """1, 2, 3, 5 as '1-3、5': runs of numbers read as ranges."""
    runs: list[list[int]] = []
    for value in values:
        if runs and value == runs[-1][-1] + 1:
            runs[-1].append(value)
        else:
            runs.append([value])
    return ",".join(
        f"{run[0]}-{run[-1]}" if len(run) > 2 else ",".join(map(str, run)) for run in runs
    )


def requirements(unit: UnitProgress, row: Row, lang: str) -> str:
    """'2/6 缺3-6': requirements met, and the numbers (as in the legend) of those still open."""
    total = len(unit.met) + len(unit.open)
    if not total or not unit.owes:
        return ""
    cell = f"{len(unit.met)}/{total}"
    if unit.open:
        number = {r.id: n for n, r in enumerate(row.requirements, 1)}
        cell += " " + text("req.open", lang, numbers=numbers([number[r] for r in unit.open]))
    return cell


def rate(value: float | None) -> str:
    """An on-time rate as a percentage, '66.7%'; '—' when nothing is due yet."""
    return "—" if value is None else f"{value:.1%}"


BAR_ELAPSED, BAR_AHEAD, BAR_LATE, BAR_MARKER, BAR_BEYOND = "█", "░", "▓", "│", "▶"
"""A timeline bar drawn in characters: planned time gone by, planned time ahead, late
work, the `--as-of` day, and that day lying past the end of the timeline."""


def bar(drawn: Bar, width: int) -> list[tuple[str, str]]:
    """A bar as runs of characters, each with what it shows: 'planned', 'late' or 'marker'.

    Read without colour, the characters tell the parts apart (NO_COLOR, Markdown).
    """
    marker = min(round(drawn.marker * width), width - 1)
    cells: list[tuple[str, str]] = []
    for i in range(width):
        x = (i + 0.5) / width
        if i == marker:
            cells.append((BAR_BEYOND if drawn.beyond else BAR_MARKER, "marker"))
        elif drawn.late is not None and drawn.late.start <= x <= drawn.late.end:
            cells.append((BAR_LATE, "late"))
        elif x <= drawn.planned.end:
            cells.append((BAR_ELAPSED if x <= drawn.marker else BAR_AHEAD, "planned"))
        else:
            cells.append((" ", "planned"))
    late = drawn.late
    shown = any(part == "late" for _, part in cells)
    if late is not None and late.end > late.start and not shown:  # late work, however short, shows
        at = min(int(late.start * width), width - 1)
        at = at - 1 if at == marker else at
        if at >= 0:
            cells[at] = (BAR_LATE, "late")
    runs: list[tuple[str, str]] = []
    for char, part in cells:
        if runs and runs[-1][1] == part:
            runs[-1] = (runs[-1][0] + char, part)
        else:
            runs.append((char, part))
    return runs


def percent(rate: float | None) -> str:
    """A rate the library computed, as '83%'; '—' when there is nothing to divide by."""
    return "—" if rate is None else f"{rate:.0%}"


def before_after(before: int, after: int, counted: int) -> str:
    """'40→30' for figures before and after streamlining; '—' when no item gives them."""
    return f"{before}→{after}" if counted else "—"


def in_hall(figures: Figures, lang: str) -> str:
    """'10/12', with the exempt items named: '10/12 豁免1'."""
    cell = f"{figures.in_hall}/{figures.must_enter}"
    if figures.exempt:
        cell += " " + text("units.exempt", lang, n=figures.exempt)
    return cell


def time_limits(legal: int | None, promised: int | None, lang: str) -> str:
    """'20→5' (法定→承诺, working days), '即办' for 0, '—' where not given."""

    def days(value: int | None) -> str:
        if value is None:
            return "—"
        return text("items.on_the_spot", lang) if value == 0 else str(value)

    if legal is None and promised is None:
        return "—"
    return f"{days(legal)}→{days(promised)}"


def unit_summary(figures: Figures, lang: str) -> str:
    """One unit's 应进必进 in a line: in the hall, online, authorized, public, time cut."""
    return text(
        "items.unit_summary",
        lang,
        in_hall=in_hall(figures, lang),
        online=percent(figures.online_rate),
        authorized=percent(figures.authorized_rate),
        public=percent(figures.public_rate),
        time_cut=percent(figures.time_cut),
    )
