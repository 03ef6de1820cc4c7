"""report.safe: what data and user input may not do to a terminal, a CI log or a JSON reader."""

from __future__ import annotations

import json
import re
import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hsreform.common.safe import clip, command_at, guard, inline, json_text, shown
from hsreform.reading.yamlsource import LongInteger

PROFILE = settings(derandomize=True, database=None, deadline=None, max_examples=300)

# What a hostile value would like to get into the output: line breaks, workflow commands
# (`::` at a line's start, `##[` anywhere), terminal escapes, bidirectional controls.
_PIECES = st.sampled_from(
    [
        "\n",
        "\r",
        "\r\n",
        "::",
        "::error file=x.yaml,line=1::假的",
        "::stop-commands::token",
        "##[warning]假的",
        "##",
        "[",
        ":",
        " ",
        "\t",
        "\x1b[31m",
        "\x1b]8;;https://example.invalid\x1b\\",
        "\x9b31m",
        "\x07",
        "\u202e",
        "\u2066",
        "\u200b",
        "\ufeff",
        "\u2028",
        "\u0085",
        "\udcff",
        "王芳",
    ]
)
HOSTILE = st.lists(_PIECES | st.text(max_size=3), max_size=12).map("".join)
_ACTIVE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")


def _lines_are_inert(text: str) -> None:
    for line in text.split("\n"):
        assert command_at(line) < 0, line
        assert "##[" not in line, line


@settings(PROFILE)
@given(HOSTILE)
def test_inline_text_is_one_inert_line(value: str) -> None:
    shown_text = inline(value)
    assert "\n" not in shown_text
    assert "\r" not in shown_text
    assert not _ACTIVE.search(shown_text)
    _lines_are_inert(guard("  " + shown_text))  # a table cell, or the rest of a line


@settings(PROFILE)
@given(st.lists(HOSTILE, max_size=5).map("\n".join))
def test_guarded_output_has_no_workflow_command(text: str) -> None:
    _lines_are_inert(guard(text))


@settings(PROFILE)
@given(HOSTILE)
def test_json_reads_back_exactly_and_shows_nothing_active(value: str) -> None:
    dumped = json_text(json.dumps({"note": value}, ensure_ascii=False, indent=2))
    assert json.loads(dumped) == {"note": value}
    assert not _ACTIVE.search(dumped.replace("\n", ""))
    _lines_are_inert(dumped)


def test_guard_leaves_ordinary_text_alone() -> None:
    text = "staff.yaml:3:5: 错误 [bad-id] “a:b” 不是合法的 id\n共 3 项：已逾期 1。\n"
    assert guard(text) == text


def test_guard_shows_what_it_neutralised() -> None:
    assert guard("  ::warning::x\n") == "  \\::warning::x\n"
    assert guard("a ##[error]b") == "a #\\#[error]b"
    assert guard("\x1b[1m::error::x") == "\x1b[1m\\::error::x"  # colour codes are no cover


def test_inline_shows_controls_by_code_point() -> None:
    assert inline("a\nb\tc\x1b[2J\u202ed") == "a⏎b c<U+001B>[2J<U+202E>d"


def test_inline_and_clip_cut_at_the_limit() -> None:
    assert clip("a" * 100, 10) == "a" * 9 + "…"
    assert len(inline("\x1b" * 1_000_000, 80)) == 80  # a huge input is not scanned whole
    assert clip("short", None) == "short"


def test_shown_never_fails_on_a_scalar() -> None:
    assert shown(None) == "null"
    assert shown(True) == "true"
    assert shown(10**5000) == "~10^5000"
    assert shown(-(10**5000)) == "-~10^5000"
    assert shown(LongInteger("0x" + "F" * 4000)).startswith("0xFFFF")
    assert len(shown(LongInteger("9" * 5000))) == 80
    assert shown(1.5) == "1.5"


def test_every_format_character_is_shown() -> None:
    """The hand-written character class covers every Cf character this Python knows."""
    missing = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) in ("Cc", "Cf", "Zl", "Zp", "Cs")
        and inline(chr(code)) == chr(code)
        and chr(code) not in "\t"
    ]
    assert missing == []


@pytest.mark.parametrize("width", [1, 2, 5])
def test_guard_holds_across_writes_that_split_a_line(width: int) -> None:
    from hsreform.report.stream import _Guarded

    class Sink:
        def __init__(self) -> None:
            self.text = ""

        def write(self, text: str) -> None:
            self.text += text

    sink = Sink()
    guarded = _Guarded(sink)  # type: ignore[arg-type]
    text = "  ::error::one\n##[warning]two\nthree ::x\n :::\n"
    for start in range(0, len(text), width):
        guarded.write(text[start : start + width])
    _lines_are_inert(sink.text)
