"""--as-of: every form people type, and what is refused."""

from __future__ import annotations

import datetime as dt

import pytest

from hsreform.common.asof import BadDay, parse_day
from tests.conftest import REPO

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


@pytest.mark.parametrize(
    "text",
    [
        "２０２０－０６－０５",  # full-width, as a Chinese input method types a date
        "２０２０年６月５日",
        "２０２０/６/５",
        "2020．6．5",
        "2020－6－5",
        "2020—06—05",  # the dashes a word processor puts in
        "2020–6–5",
        "\u30002020-06-05\u3000",
        "６月５日",
    ],
)
def test_full_width_and_typeset_forms(text: str) -> None:
    assert parse_day(text, TODAY) == dt.date(2020, 6, 5)


def test_a_full_width_day_wherever_a_day_is_asked(invoke) -> None:
    example = str(REPO / "examples" / "rollout-2020")
    shown = invoke("status", "--data", example, "--as-of", "２０２０－０６－０５")
    assert shown.exit_code == 0, shown.stderr
    assert "（截至 2020-06-05）" in shown.stdout
    met = invoke(
        "task", "meet", "8", "司法局", "3", "--on", "２０２０－０６－２０",
        "--as-of", "２０２０－０６－２５", "--data", example, "--dry-run",
    )  # fmt: skip
    assert met.exit_code == 0, met.stderr
    assert "要求“纳入政府网站”记为 2020-06-20 满足" in met.stdout
