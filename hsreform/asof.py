"""The day a report is for: `--as-of` in the forms people type."""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

_ABSOLUTE = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
_RELATIVE = re.compile(r"^([+-])(\d{1,5})([dwmy])$")
_UNITS = {
    "d": lambda n: relativedelta(days=n),
    "w": lambda n: relativedelta(weeks=n),
    "m": lambda n: relativedelta(months=n),
    "y": lambda n: relativedelta(years=n),
}
_TODAY = {"today", "今天", "今日"}


class BadDay(ValueError):
    """Text that is not a day in any accepted form."""


def parse_day(text: str, today: dt.date) -> dt.date:
    """2020-06-05, 2020/6/5, 2020.6.5, 20200605, 2020年6月5日, today/今天, +3d, -1w, +2m, -1y."""
    value = text.strip().replace(" ", "")
    if value.lower() in _TODAY:
        return today
    for pattern in _ABSOLUTE:
        match = pattern.match(value)
        if match:
            year, month, day = (int(part) for part in match.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                raise BadDay(text) from None
    match = _RELATIVE.match(value.lower())
    if match:
        sign, amount, unit = match.groups()
        delta = _UNITS[unit](int(amount))
        try:
            return today + delta if sign == "+" else today - delta
        except (OverflowError, ValueError):
            raise BadDay(text) from None
    raise BadDay(text)
