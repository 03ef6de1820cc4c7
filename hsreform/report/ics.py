"""The plan's deadlines as an iCalendar file (RFC 5545), written with the icalendar library.

One all-day event per deadline, named after the item, with its responsible units and its
deliverable in the description, and a reminder `remind` days before. The event's UID is
stable (see `hsreform.views.deadlines`), so importing a newer file updates the events. The
library escapes text values (commas, semicolons, line breaks) and folds long lines.

DTSTAMP, which RFC 5545 requires, is the time of writing; SOURCE_DATE_EPOCH fixes it for
reproducible output.
"""

from __future__ import annotations

import datetime as dt
import os

from icalendar import Alarm, Calendar, Event

from hsreform.common import safe
from hsreform.common.i18n import text
from hsreform.views.deadlines import Deadline, Deadlines
from hsreform.views.status import SECTIONS

PRODID = "-//hsreform//deadlines//ZH"


def stamp() -> dt.datetime:
    """The time of writing in UTC, or SOURCE_DATE_EPOCH when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _event(entry: Deadline, lang: str, remind: int, now: dt.datetime) -> Event:
    summary = text(
        "calendar.summary", lang, kind=entry.kind, number=entry.number, title=entry.title
    )
    lines = [
        text("calendar.units", lang, units=list(entry.units)),
        text("calendar.deliverable", lang, deliverable=entry.deliverable),
    ]
    if entry.deadline_from is not None:
        lines.append(text("calendar.borrowed", lang, task=entry.deadline_from))
    event = Event()
    event.add("uid", entry.uid)
    event.add("dtstamp", now)
    event.add("dtstart", entry.day)
    event.add("dtend", entry.day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", "\n".join(lines))
    event.add("categories", [text("sheet." + dict(SECTIONS)[entry.kind], lang)])
    event.add("transp", "TRANSPARENT")
    if remind > 0:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", dt.timedelta(days=-remind))
        alarm.add("description", text("calendar.alarm", lang, days=remind, title=entry.title))
        event.add_component(alarm)
    return event


def render(deadlines: Deadlines, lang: str, *, remind: int = 3) -> bytes:
    """Every deadline as an iCalendar file."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", text("calendar.name", lang, plan=deadlines.plan.number))
    now = stamp()
    for entry in deadlines.entries:
        calendar.add_component(_event(entry, lang, remind, now))
    # Folding may start a line with data; no line may read as a CI workflow command.
    return safe.guard(calendar.to_ical().decode("utf-8")).encode("utf-8")
