"""The rules, one module per family; each yields `Finding`s for a loaded `Dataset`.

`references` finds what makes the data unusable (broken ids, duplicates); `totals` and
`dates` compare it with the plan and the calendar; `progress` checks that each unit's
record is dated, consistent with the task's requirements and exemptions; `items` checks the
item catalogue against itself, the windows and the progress; `staffing` is `check-staffing`.
"""

from __future__ import annotations

import datetime as dt

from hsreform.checks import dates, items, progress, references, staffing, totals
from hsreform.common.findings import Findings
from hsreform.dataset.loader import Dataset


def validate(dataset: Dataset, as_of: dt.date) -> Findings:
    """Every finding of `hsreform validate` for a data set that loaded (kept and counted)."""
    found = Findings(references.check(dataset))
    found.extend(items.references(dataset))
    if not any(f.blocking for f in found):
        found.extend(totals.check(dataset))
        found.extend(dates.check(dataset, as_of))
        found.extend(progress.check(dataset))
        found.extend(staffing.missing_deadlines(dataset))
        found.extend(items.check(dataset, as_of))
    return found
