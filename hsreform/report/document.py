"""The neutral form of a view for the document formats: a title, figures, sections of tables.

`report/layout.py` lays each view out in this form, with every figure already worded
(through `report/words.py`); the Markdown, CSV, HTML and xlsx renderers draw it, each in
its own way, and compute nothing. A cell carries the words people read, the typed value
a spreadsheet wants (a date, a number) and a tone that names its colour.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from hsreform.views.meeting import Bar


class Kind(StrEnum):
    """What a column holds: how it is aligned, formatted and sized."""

    TEXT = "text"
    """Short text that stays on one line."""
    WIDE = "wide"
    """Long text (titles, messages) that wraps."""
    CODE = "code"
    """An id or code: ASCII that is never broken."""
    NUMBER = "number"
    DATE = "date"
    PERCENT = "percent"
    STATE = "state"
    """A state, coloured by its tone."""
    MARK = "mark"
    """A one-character mark of the unit × task matrix, coloured by its tone."""
    BAR = "bar"
    """A timeline bar (its cell's value is a `Bar`); drawn, not written as data."""


Value = str | int | float | dt.date | Bar | None


@dataclass(frozen=True)
class Cell:
    """One cell: the words, the typed value behind them, and its colour's name."""

    text: str
    value: Value = None
    tone: str | None = None
    """A key of `TONES`, or None for no colour."""

    @property
    def data(self) -> Value:
        """What a spreadsheet stores: the typed value where there is one, else the words."""
        return self.text if self.value is None else self.value


def text(value: str | None) -> Cell:
    """A cell of text from the data (or empty)."""
    return Cell(value or "")


def number(value: int) -> Cell:
    """A cell holding a count."""
    return Cell(str(value), value)


@dataclass(frozen=True)
class Column:
    """A column's heading and kind."""

    heading: str
    kind: Kind = Kind.TEXT


@dataclass(frozen=True)
class Table:
    """Columns, rows and an optional footer row (totals)."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    footer: tuple[Cell, ...] | None = None


@dataclass(frozen=True)
class Section:
    """A heading, paragraphs before the table, the table, notes after it.

    `sheet` names the section's worksheet in xlsx (at most 31 characters).
    """

    heading: str
    sheet: str
    table: Table | None = None
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    timeline: tuple[str, ...] = ()
    """For a table with a bar column: the timeline's scale as words (start, as-of, end)."""


@dataclass(frozen=True)
class Figure:
    """A headline figure: its label, its worded value, and its tone."""

    label: str
    value: str
    tone: str | None = None


@dataclass(frozen=True)
class Document:
    """A whole view, ready to be drawn."""

    title: str
    lang: str
    sections: tuple[Section, ...]
    meta: tuple[str, ...] = ()
    """Lines under the title: the plan, the issuer, the day the view is for."""
    figures: tuple[Figure, ...] = ()
    notes: tuple[str, ...] = ()
    """Notes at the end of the document."""
    legend: tuple[tuple[str, str, str], ...] = field(default=())
    """(mark, meaning, tone) of the matrix's marks, when the document has a matrix."""
    as_of: dt.date | None = None
    """The day the view is for (printed pages carry it in their header)."""


TONES = {
    "done": ("1a7f37", "dafbe1"),
    "late": ("9a6700", "fff8c5"),
    "overdue": ("cf222e", "ffebe9"),
    "soon": ("bc4c00", "fff1e5"),
    "blocked": ("8250df", "fbefff"),
    "open": ("0969da", "ddf4ff"),
    "idle": ("57606a", "f6f8fa"),
    "exempt": ("1b7c83", "dff7f5"),
    "error": ("cf222e", "ffebe9"),
    "warning": ("9a6700", "fff8c5"),
    "info": ("0969da", "ddf4ff"),
}
"""Each tone's colours for documents, as hex RGB: (text, background)."""
