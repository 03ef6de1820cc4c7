"""Every plain scalar is what the YAML 1.2 core schema says it is, as editors read it too.

The oracle below is the core schema's own table (YAML 1.2.2, 10.3.2 Tag Resolution),
written out independently of hsreform/reading/yamlsource.py; hsreform adds one thing, dates. For
random scalars, hsreform's reading must be the oracle's, and the model (pydantic) and the
exported JSON Schema (what an editor checks) must agree on whether it is a valid count.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

import jsonschema
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from hsreform.dataset.models import Window
from hsreform.dataset.schema import schema
from hsreform.reading.eventreader import compose
from hsreform.reading.yamlsource import LongInteger, SourceError, plain_value

PROFILE = settings(derandomize=True, database=None, deadline=None, max_examples=500)

# (regular expression, tag) in the spec's order; `*` (anything else) is a string.
CORE_SCHEMA = [
    (r"null|Null|NULL|~|", "null"),
    (r"true|True|TRUE|false|False|FALSE", "bool"),
    (r"[-+]?[0-9]+", "int10"),
    (r"0o[0-7]+", "int8"),
    (r"0x[0-9a-fA-F]+", "int16"),
    (r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?", "float"),
    (r"[-+]?(\.inf|\.Inf|\.INF)", "inf"),
    (r"\.nan|\.NaN|\.NAN", "nan"),
]


def oracle(text: str) -> Any:
    """The value of plain scalar `text` by the core schema (and a date, hsreform's addition)."""
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text  # hsreform reports it (bad-date) and keeps the text
    for pattern, tag in CORE_SCHEMA:
        if re.fullmatch(pattern, text):
            return {
                "null": lambda: None,
                "bool": lambda: text.lower() == "true",
                "int10": lambda: int(text, 10),
                "int8": lambda: int(text[2:], 8),
                "int16": lambda: int(text[2:], 16),
                "float": lambda: float(text),
                "inf": lambda: -math.inf if text.startswith("-") else math.inf,
                "nan": lambda: math.nan,
            }[tag]()
    return text


SCALARS = st.text(
    alphabet="0123456789+-._xobeEXOaAfFinNlLtTrRusSy~", max_size=10
) | st.sampled_from(
    [
        "8_",
        "0_8",
        "0b1000",
        "+0x8",
        "-0x8",
        "0X8",
        "0O7",
        "1_000",
        "0x_1",
        ".",
        "1.",
        "+.inf",
        ".NaN",
    ]
)


def _same(ours: Any, spec: Any) -> bool:
    if isinstance(spec, float) and math.isnan(spec):
        return isinstance(ours, float) and math.isnan(ours)
    return type(ours) is type(spec) and ours == spec


@PROFILE
@given(SCALARS)
@example("0x" + "F" * 40)
def test_plain_scalars_resolve_as_the_core_schema_says(text: str) -> None:
    ours, spec = plain_value(text), oracle(text)
    if isinstance(ours, LongInteger):  # too long to convert: an integer all the same
        assert type(spec) is int
        return
    if ours is not spec and not isinstance(ours, str | int | float | dt.date | type(None)):
        ours = text  # `NOT_A_DATE`: the text, with a bad-date finding beside it
    assert _same(ours, spec), (text, ours, spec)


def _count_is_valid_for_pydantic(value: Any) -> bool:
    window = {"id": "tax", "name": "税务窗口", "count": value, "duties": "税务", "quotas": []}
    window["quotas"] = [{"unit": "tax-bureau", "staff": 1}]
    try:
        Window.model_validate(window)
    except ValidationError:
        return False
    return True


_WINDOWS = schema("windows.yaml")
_EDITOR = jsonschema.Draft202012Validator(
    {**_WINDOWS["$defs"]["Window"], "$defs": _WINDOWS["$defs"]}
)


def _count_is_valid_for_editors(value: Any) -> bool:
    window = {"id": "tax", "name": "税务窗口", "count": value, "duties": "税务"}
    window["quotas"] = [{"unit": "tax-bureau", "staff": 1}]
    if isinstance(value, dt.date):
        window["count"] = value.isoformat()  # JSON has no dates: an editor sees the text
    return _EDITOR.is_valid(window)


@PROFILE
@given(SCALARS)
def test_tool_and_json_schema_agree_on_every_count(text: str) -> None:
    value = compose(f"count: {text}\n", "w.yaml").data["count"] if _plain(text) else None
    if value is None:
        return
    assert _count_is_valid_for_pydantic(value) == _count_is_valid_for_editors(oracle(text)), text


def _plain(text: str) -> bool:
    """Whether `text` can stand as a plain scalar after `count: ` (no indicator, no blank)."""
    try:
        document = compose(f"count: {text}\n", "w.yaml")
    except SourceError:  # a syntax error: not a plain scalar here
        return False
    return isinstance(document.data, dict) and list(document.data) == ["count"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("! 8", "8"),
        ("! true", "true"),
        ("!!str 8", "8"),
        ("'8'", "8"),
        ("8", 8),
        ("0o10", 8),
        ("0x8", 8),
        ("+8", 8),
    ],
)
def test_tags_and_quotes(text: str, value: Any) -> None:
    assert _same(compose(f"count: {text}\n", "w.yaml").data["count"], value)
