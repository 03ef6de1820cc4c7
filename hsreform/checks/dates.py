"""Dates agree with the calendar and with `--as-of`.

Nothing is done, begun or met in the future of the day the report is made for, and nobody leaves a
window before arriving at it (such a posting stops check-staffing, which would misread it). (Dates that are not dates at all, such as 2020-02-30 or
2020-6-5, are refused while loading.)

    progress:
      - unit: tax-bureau
        status: done
        done_on: 2020-06-04   # done-in-future when run with --as-of 2020-06-01
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from hsreform.common.findings import Finding
from hsreform.dataset.loader import Dataset
from hsreform.dataset.records import STAFF, TASKS
from hsreform.reading.yamlsource import Path_


def check(ds: Dataset, as_of: dt.date) -> Iterator[Finding]:
    """No state, requirement or completion dated after `as_of`; `until` not before `since` (blocking)."""
    for section, ti, task in ds.tracked():
        for pi, entry in enumerate(task.progress):
            where = (section, ti, "progress", pi)
            if entry.done_on is not None and entry.done_on > as_of:
                yield ds.finding(
                    TASKS,
                    (*where, "done_on"),
                    "done-in-future",
                    date=entry.done_on.isoformat(),
                    as_of=as_of.isoformat(),
                )
            dated: list[tuple[Path_, dt.date | None, str]] = [
                ((*where, "since"), entry.since, "since"),
                *(((*where, "met", rid), day, "met") for rid, day in entry.met.items()),
                *(
                    ((*where, "history", hi), h.began, "history")
                    for hi, h in enumerate(entry.history)
                ),
            ]
            for path, day, what in dated:
                if day is not None and day > as_of:
                    yield ds.finding(
                        TASKS,
                        path,
                        "dated-in-future",
                        what=what,
                        date=day.isoformat(),
                        as_of=as_of.isoformat(),
                    )
    for si, member in enumerate(ds.staff.staff):
        if member.until is not None and member.until < member.since:
            yield ds.sources[STAFF].finding(
                "until-before-since",
                ("staff", si, "until"),
                blocking=True,
                until=member.until.isoformat(),
                since=member.since.isoformat(),
            )
