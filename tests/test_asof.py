"""--as-of: every form people type, and what is refused."""

from __future__ import annotations

import datetime as dt

import pytest

from hsreform.common.asof import BadDay, parse_day

TODAY = dt.date(2020, 6, 8)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2020-06-05", dt.date(2020, 6, 5)),
        ("2020/6/5", dt.date(2020, 6, 5)),
        ("2020.6.5", dt.date(2020, 6, 5)),
        ("20200605", dt.date(2020, 6, 5)),
        ("2020年6月5日", dt.date(2020, 6, 5)),
        ("2020年06月05日", dt.date(2020, 6, 5)),
        ("today", TODAY),
        ("今天", TODAY),
        ("+3d", dt.date(2020, 6, 11)),
        ("-1w", dt.date(2020, 6, 1)),
        ("+1m", dt.date(2020, 7, 8)),
        ("-1y", dt.date(2019, 6, 8)),
        ("昨天", dt.date(2020, 6, 7)),
        ("前天", dt.date(2020, 6, 6)),
        ("大前天", dt.date(2020, 6, 5)),
        ("明天", dt.date(2020, 6, 9)),
        ("后天", dt.date(2020, 6, 10)),
        ("大后天", dt.date(2020, 6, 11)),
        ("3天前", dt.date(2020, 6, 5)),
        ("三天前", dt.date(2020, 6, 5)),
        ("两周后", dt.date(2020, 6, 22)),
        ("一个月前", dt.date(2020, 5, 8)),
        ("二〇二〇年六月五日", dt.date(2020, 6, 5)),
        ("2020年6月5号", dt.date(2020, 6, 5)),
        ("6月5日", dt.date(2020, 6, 5)),
        ("六月五日", dt.date(2020, 6, 5)),
    ],
)
def test_accepted_forms(text: str, day: dt.date) -> None:
    assert parse_day(text, TODAY) == day


@pytest.mark.parametrize(
    "text",
    [
        "2020-02-30",
        "2020-13-01",
        "06/05/2020",
        "tomorrow",
        "+3",
        "3d",
        "",
        "+99999y",
        "二〇二〇年二月三十日",
    ],
)
def test_refused(text: str) -> None:
    with pytest.raises(BadDay):
        parse_day(text, TODAY)
