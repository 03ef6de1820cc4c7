"""Progress entries tell one consistent, dated story.

Every state is dated (`since`; `done_on` for done) so that `status --as-of` can replay the
past; earlier states are kept in `history`, oldest first. A recorded `done` means every
requirement of the task that applies to the unit was met by its `done_on` (dates under
`met` record the earlier days), so a requirement dated after `done_on` contradicts it;
requirements ticked off under `met` must be the task's own. An exemption is for items
whose plan text allows exceptions (`exceptions`): the plan allows one, to the year-end
goal, 除对场地有特殊要求的事项外; anywhere else it is an error, and status counts the
unit as owing. A task read as charging only units with a quota (`charges`) has no use for
the entry of a unit without one.

    progress:
      - unit: justice-bureau
        status: blocked            # state-undated: no `since`
        note: 培训教材未到
      - unit: tax-bureau
        status: done
        done_on: 2020-06-04        # requirements-open: on-site-guidance met only after
        met: {training: 2020-06-03, on-site-guidance: 2020-06-08}
        history:
          - {status: in_progress, since: 2020-06-08}   # history-out-of-order
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator

from hsreform.common.findings import Finding, Severity
from hsreform.dataset.loader import Dataset
from hsreform.dataset.records import KINDS, TASKS, Progress, Status, Tracked
from hsreform.reading.yamlsource import Path_

UNDATED = frozenset({Status.IN_PROGRESS, Status.BLOCKED})
"""States that must say since when (exempt is refused undated by the model itself)."""


def check(ds: Dataset) -> Iterator[Finding]:
    """Undated states, histories out of order, requirements, exemptions, entries not charged."""
    for section, index, item in ds.tracked():
        applies = ds.requirement_units(item)
        labels = {r.id: r.label for r in item.requirements}
        excused = set(ds.not_charged(item))
        for pi, entry in enumerate(item.progress):
            where: Path_ = (section, index, "progress", pi)
            if entry.unit in excused:
                yield ds.finding(
                    TASKS,
                    (*where, "unit"),
                    "not-charged",
                    Severity.WARNING,
                    unit=ds.units[entry.unit].name,
                    kind=KINDS[section],
                    number=item.number,
                )
            yield from _dates(ds, where, entry)
            required = ds.required(applies, entry.unit)
            yield from _requirements(
                ds, where, KINDS[section], item, entry, required, applies, labels
            )
            yield from _exemptions(ds, where, section, item, entry)


def _dates(ds: Dataset, where: Path_, entry: Progress) -> Iterator[Finding]:
    if entry.status in UNDATED and entry.since is None:
        yield ds.finding(TASKS, (*where, "status"), "state-undated", status=entry.status.value)
    states = [*entry.history, entry]
    previous: dt.date | None = None
    for hi, state in enumerate(states):
        began = state.began
        if began is None:
            continue
        if previous is not None and began < previous:
            path = (*where, "history", hi) if hi < len(entry.history) else (*where, "status")
            # status replays states in order: out of order, the past cannot be told
            yield ds.sources[TASKS].finding(
                "history-out-of-order",
                path,
                blocking=True,
                date=began.isoformat(),
                previous=previous.isoformat(),
            )
        previous = began


def _requirements(
    ds: Dataset,
    where: Path_,
    kind: str,
    item: Tracked,
    entry: Progress,
    required: list[str],
    applies: dict[str, set[str] | None],
    labels: dict[str, str],
) -> Iterator[Finding]:
    for rid in entry.met:
        if rid not in applies:
            yield ds.sources[TASKS].finding(
                "unknown-requirement",
                (*where, "met", rid),
                key=True,
                blocking=True,  # like an unknown unit: a reference to nothing
                id=rid,
                kind=kind,
                number=item.number,
                known=list(applies),
                close=next(iter(difflib.get_close_matches(rid, list(applies), n=1)), ""),
            )
        elif rid not in required:
            yield ds.sources[TASKS].finding(
                "unknown-requirement",
                (*where, "met", rid),
                Severity.WARNING,
                key=True,
                reason="not-for-unit",
                id=rid,
                kind=kind,
                number=item.number,
                unit=ds.units[entry.unit].name,
            )
    if entry.status is not Status.DONE or entry.done_on is None:
        return
    done_on = entry.done_on  # done: every requirement met by then, unless dated later
    late = [r for r in required if r in entry.met and entry.met[r] > done_on]
    if late:
        yield ds.finding(
            TASKS,
            (*where, "status"),
            "requirements-open",
            late=[f"{labels[r]}（{entry.met[r].isoformat()}）" for r in late],
            done_on=done_on.isoformat(),
            reason="late",
        )


def _exemptions(
    ds: Dataset, where: Path_, section: str, item: Tracked, entry: Progress
) -> Iterator[Finding]:
    if item.exceptions is not None:
        return
    for hi, state in enumerate([*entry.history, entry]):
        if state.status is Status.EXEMPT:
            path = (*where, "history", hi) if hi < len(entry.history) else (*where, "status")
            yield ds.finding(
                TASKS, path, "exemption-not-allowed", kind=KINDS[section], number=item.number
            )
