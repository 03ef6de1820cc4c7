"""The day a report is for: `--as-of` in the forms people type."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from dateutil.relativedelta import relativedelta

from hsreform.common.numerals import chinese_number

_ABSOLUTE = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
_DASHES = re.compile(r"(?<=\d)[‐‑‒–—―−﹣](?=\d)")
"""A dash between figures of a date, as a word processor or an input method writes it."""
_THIS_YEAR = re.compile(r"^(\d{1,2})月(\d{1,2})[日号]?$")
_CHINESE_FIGURES = re.compile("[零〇○一二两三四五六七八九十]+")
"""Figures of a date written in Chinese (二〇二〇年六月五日), turned into digits first."""
_RELATIVE = re.compile(r"^([+-])(\d{1,5})([dwmy])$")
_UNITS = {
    "d": lambda n: relativedelta(days=n),
    "w": lambda n: relativedelta(weeks=n),
    "m": lambda n: relativedelta(months=n),
    "y": lambda n: relativedelta(years=n),
}
_TODAY = {"today", "今天", "今日"}
_NEAR = {"昨天": -1, "昨日": -1, "前天": -2, "大前天": -3, "明天": 1, "明日": 1, "后天": 2}
_NEAR["大后天"] = 3
"""Days near today, as people say them."""
_AGO = re.compile(r"^(\d{1,5})(天|日|周|星期|礼拜|个月|月|年)(前|后|以前|以后|之前|之后)$")
_SPANS = {"天": "d", "日": "d", "周": "w", "星期": "w", "礼拜": "w", "个月": "m", "月": "m"}
_SPANS["年"] = "y"


class BadDay(ValueError):
    """Text that is not a day in any accepted form."""


def parse_day(text: str, today: dt.date) -> dt.date:
    """2020-06-05, 2020/6/5, 2020.6.5, 20200605, 2020年6月5日 (二〇二〇年六月五日), 6月5日
    (this year), today/今天, 昨天/前天/大前天/明天/后天/大后天, 3天前/两周后/一个月前,
    +3d, -1w, +2m, -1y. Relative days count from `today` (the report day, for an edit)."""
    # full-width figures and marks (２０２０－０６－０５, 2020．6．5) as ordinary ones
    value = unicodedata.normalize("NFKC", text)
    value = _DASHES.sub("-", "".join(value.split()))
    if value.lower() in _TODAY:
        return today
    if value in _NEAR:
        return today + dt.timedelta(days=_NEAR[value])
    value = _CHINESE_FIGURES.sub(_figures, value)
    for pattern in _ABSOLUTE:
        match = pattern.match(value)
        if match:
            year, month, day = (int(part) for part in match.groups())
            return _date(year, month, day, text)
    match = _THIS_YEAR.match(value)
    if match:
        return _date(today.year, int(match.group(1)), int(match.group(2)), text)
    match = _AGO.match(value)
    if match:
        amount, span, direction = match.groups()
        sign = "-" if direction.endswith("前") else "+"
        return _shift(today, sign, int(amount), _SPANS[span], text)
    match = _RELATIVE.match(value.lower())
    if match:
        sign, amount, unit = match.groups()
        return _shift(today, sign, int(amount), unit, text)
    raise BadDay(text)


def _figures(match: re.Match[str]) -> str:
    """Chinese figures as digits: 二〇二〇 → 2020, 十二 → 12 (left as they were if no number)."""
    value = chinese_number(match.group(0))
    return match.group(0) if value is None else str(value)


def _date(year: int, month: int, day: int, text: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise BadDay(text) from None


def _shift(today: dt.date, sign: str, amount: int, unit: str, text: str) -> dt.date:
    delta = _UNITS[unit](amount)
    try:
        return today + delta if sign == "+" else today - delta
    except (OverflowError, ValueError):
        raise BadDay(text) from None
