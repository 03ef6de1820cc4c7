"""The plan's attachment, 现场审批服务授权书, filled in for a unit from the data.

The wording is the attachment's own; only what it leaves blank is filled: the unit in the
title (×××××（单位）), the window (××窗口), the numbered items entrusted, and the date
(××××年×月×日). The signature and seal lines stay blank, for the hand and the seal. A
unit the plan does not name (`generic`: the data only has a placeholder such as
市场监督管理窗口派驻单位) never titles an official letter: the name is left blank for the
office to write in, unless the letter records the issuer's full name (`issuer`).

A unit's letters are the ones items.yaml records for it (signed by `--as-of`, or drafts);
a unit with none gets a draft per window from its catalogue: the items that must enter
the hall, grouped by the window that handles them. The view carries every line of the
letter, so each renderer (terminal, Markdown, HTML, .docx) only lays them out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hsreform.dataset.dated import standings
from hsreform.dataset.loader import Dataset
from hsreform.dataset.records import Letter

CENTRE = "和硕县行政服务中心"
TITLE = "{issuer}现场审批服务授权书"
BODY = (
    "特委托{centre}{window}，在本审批授权书委托权限范围内以本单位的名义行使我单位以下全部"
    "行政审批事项的受理职权，相应的责任由本委托机关承担。"
)
SIGNATURES = ("单位主要领导（签字）：", "法定代表人（单位盖章）：")
BLANK_DATE = "　　　　年　　月　　日"
"""The date line of a letter not signed yet, to be filled in by hand."""
BLANK_NAME = "　" * 8
"""The title's unit name when the plan gives none, to be written in by hand."""


def chinese_date(day: dt.date) -> str:
    """2020-06-04 as 2020年6月4日, as a letter writes it."""
    return f"{day.year}年{day.month}月{day.day}日"


@dataclass(frozen=True)
class LetterView:
    """One letter, every line of it as it is printed."""

    unit: str
    window: str
    title: str
    body: str
    items: tuple[str, ...]
    signatures: tuple[str, ...]
    date: str
    signed_on: dt.date | None
    signed_by: str | None
    recorded: bool
    """From items.yaml (else drafted from the catalogue)."""
    unnamed: str | None = None
    """The data's placeholder for a unit the plan does not name, when the title's name was
    left blank for that reason."""

    @property
    def numbered(self) -> tuple[str, ...]:
        """The items as the attachment numbers them: 1.（委托办理的事项）."""
        return tuple(f"{n}.{item}" for n, item in enumerate(self.items, 1))

    @property
    def signed(self) -> bool:
        """Whether the letter was signed by the day it is printed for."""
        return self.signed_on is not None


def _window_name(ds: Dataset, window: str) -> str:
    category = ds.window_categories.get(window)
    name = category.name if category else window
    return name if name.endswith("窗口") else name + "窗口"


def _view(
    ds: Dataset,
    unit: str,
    window: str,
    items: tuple[str, ...],
    signed_on: dt.date | None,
    letter: Letter | None = None,
) -> LetterView:
    issuer = letter.issuer if letter else None
    placeholder = ds.units[unit].name if issuer is None and ds.units[unit].generic else None
    if issuer is None:
        issuer = BLANK_NAME if placeholder else ds.units[unit].name
    return LetterView(
        unit=unit,
        window=window,
        title=TITLE.format(issuer=issuer),
        body=BODY.format(centre=CENTRE, window=_window_name(ds, window)),
        items=items,
        signatures=SIGNATURES,
        date=chinese_date(signed_on) if signed_on else BLANK_DATE,
        signed_on=signed_on,
        signed_by=letter.signed_by if letter and signed_on else None,
        recorded=letter is not None,
        unnamed=placeholder,
    )


def letters_for(
    ds: Dataset, unit: str, as_of: dt.date, *, window: str | None = None
) -> list[LetterView]:
    """The unit's letters on `as_of` (only for `window`, if given): recorded, else drafted."""
    catalogue = ds.catalogues.get(unit)
    by_code = {i.code: i.name for i in catalogue.items if i.code} if catalogue else {}
    recorded = [
        letter
        for letter in ds.letters_by_unit.get(unit, [])
        if window is None or letter.window == window
    ]
    if recorded:
        return [
            _view(
                ds,
                unit,
                letter.window,
                tuple(by_code.get(i, i) for i in letter.items),
                letter.signed_on if letter.signed_on and letter.signed_on <= as_of else None,
                letter,
            )
            for letter in recorded
        ]
    grouped: dict[str, list[str]] = {}
    for item in standings(ds, unit, as_of):
        if item.must_enter and item.window is not None and window in (None, item.window):
            grouped.setdefault(item.window, []).append(item.name)
    return [_view(ds, unit, w, tuple(names), None) for w, names in grouped.items()]
