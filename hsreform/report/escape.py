"""Text from the data made safe for spreadsheets: the one place formulas are neutralised.

CSV and xlsx files are opened in Excel and WPS, which run a cell that starts with `=`,
`+`, `-` or `@` as a formula (and a leading tab or carriage return can hide such a start),
so a unit named `=HYPERLINK(...)` could act when the ledger is opened. Such a cell gets a
leading apostrophe: the spreadsheet shows the text with the apostrophe in front, and
runs nothing. The apostrophe is visible, which is the point: the reader sees that the
data itself begins with a formula character, and the value survives a round trip.
Numbers and dates are not text and are written as they are.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""The first characters that make a spreadsheet read a cell as a formula."""


def neutralise(value: str) -> str:
    """`value` with a leading apostrophe when it would start a formula; else unchanged."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value
