"""Text from data or the command line, made safe to show. Every renderer uses this module.

Anything a renderer shows that it did not write itself (a value from a data file, a path,
an option or an environment variable given by the user, a file name) may hold characters
that act rather than show: a line break followed by `::error::` becomes a GitHub Actions
workflow command; ESC starts a terminal escape (colours, cursor moves, OSC 8 links); a
right-to-left override reverses what follows it; a zero-width space hides inside a name.
yamlsource refuses control characters in data files, but not in command-line input, and
format characters are legitimate in some text. So renderers pass such text through here:

- `visible(text)` where text may span lines (a CSV field, HTML, a calendar): the same,
  but line breaks and tabs stay.
- `inline(text, limit)` for a single-line place (a table cell, a message parameter, a CSV
  field, a Markdown cell): a line break shows as ⏎, a tab as a space, and control and
  invisible formatting characters (C0, DEL, C1, bidirectional controls, zero-width and
  other format characters, U+2028/U+2029, surrogates left by undecodable file names) as
  `<U+XXXX>`; with `limit`, text longer than that is cut to `limit` characters ending in ….
- `shown(value)` for a message parameter: any scalar as the user wrote it in YAML
  (`null`, `true`), an integer too long to print as its size, through `inline`, cut at 80.
- `json_text(dumped)` for JSON made by `json.dumps(..., ensure_ascii=False)`: the same
  characters become `\\uXXXX` escapes, so the text stays valid JSON that reads back as the
  exact data while no raw control reaches a terminal that shows it.
- `guard(text)` for whole lines of human-readable output (table, text, CSV, Markdown): no
  line may start, after blanks, with `::`, and no line may hold `##[`; these are the two
  shapes the GitHub Actions runner takes as a workflow command (the runner reads every
  line of a job's stdout and stderr; `##[` counts anywhere in a line). A backslash is put
  in: `\\::error::…`, `#\\#[error]…`, visible and inert. `report.stream` applies it to
  everything the table format and the error messages print; a new text format needs no
  more than to print through `stream.console()` or `stream.echo()`.

HTML and XML renderers still escape `<`, `>` and `&` themselves; spreadsheets (CSV, xlsx)
still neutralise cells that start a formula. Those are properties of their formats, not of
the data.
"""

from __future__ import annotations

import re
from typing import Any

LIMIT = 80
"""How much of a user's input a message echoes back: enough to recognise it."""

# C0 and C1 controls, DEL, every format character (Cf: soft hyphen, bidirectional controls
# and isolates, zero-width space and joiners, word joiner, BOM, interlinear annotation,
# tag characters ...), U+2028/U+2029, surrogates and the two noncharacters U+FFFE/U+FFFF.
# Written out rather than built from unicodedata at import: that scan costs 100 ms per start.
# tests/report/test_safe.py checks that every Cf character of this Python's Unicode is here.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff\ufffe\uffff"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)
_UNSAFE_BUT_BREAKS = re.compile(
    _UNSAFE.pattern.replace("\x00-\x1f", "\x00-\x08\x0b-\x1f", 1)
)  # the same, but for "\t" and "\n"
_SHOWN_AS = {"\n": "⏎", "\t": " "}
# An integer of more bits than this is shown by its size: Python refuses to print one of
# more than 4,300 digits, and printing a long one costs time quadratic in its length.
_PRINTABLE_BITS = 256


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    return _SHOWN_AS.get(char) or f"<U+{ord(char):04X}>"


def clip(text: str, limit: int | None = LIMIT) -> str:
    """`text` cut to at most `limit` characters, the last of them '…' when cut."""
    if limit is None or len(text) <= limit:
        return text
    return text[: limit - 1] + "…"


def visible(text: str) -> str:
    """`text` with its line breaks and tabs kept, every other control or invisible
    formatting character shown as <U+XXXX>: for places where text may span lines (a CSV
    field, an HTML paragraph, a calendar description)."""
    return _UNSAFE_BUT_BREAKS.sub(_visible, text)


def inline(text: str, limit: int | None = None) -> str:
    """`text` for a single-line place: breaks as ⏎, controls and invisibles as <U+XXXX>."""
    # Cut before and after: the visible forms lengthen the text, a huge input is not
    # scanned whole.
    if limit is not None:
        text = text[: limit * 2]
    return clip(_UNSAFE.sub(_visible, text), limit)


def shown(value: Any, limit: int | None = LIMIT) -> str:
    """A scalar from data or the command line as text for a message, safe and short."""
    if value is None or isinstance(value, bool):
        return {None: "null", True: "true", False: "false"}[value]
    if type(value) is int and value.bit_length() > _PRINTABLE_BITS:
        # (A subclass, such as yamlsource's LongInteger, prints itself.)
        digits = int(value.bit_length() * 0.30103)  # log10(2): the order of magnitude
        return f"{'-' if value < 0 else ''}~10^{digits}"
    return inline(str(value), limit)


def json_text(dumped: str) -> str:
    """JSON text with the characters `inline` would hide escaped, and `##[` broken up."""
    return _UNSAFE.sub(_json_escape, dumped).replace("##[", "#\\u0023[")


def _json_escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in "\n\t":  # json.dumps has escaped these in strings; outside them, layout
        return char
    code = ord(char)
    if code > 0xFFFF:  # JSON spells a character beyond the BMP as a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


# Blanks and colour codes that may stand before the `::` of a workflow command.
_BEFORE_COMMAND = re.compile(r"(?:\s|\x1b\[[0-9;]*m)*")


def command_at(line: str) -> int:
    """Where the `::` that would make `line` a workflow command starts, else -1."""
    start = _BEFORE_COMMAND.match(line)
    at = start.end() if start else 0
    return at if line.startswith("::", at) else -1


def guard(text: str) -> str:
    """`text` with no line that the GitHub Actions runner would take for a command."""
    if "::" not in text and "##[" not in text:  # the common case, at the cost of two scans
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        at = command_at(line)
        inert = line[:at] + "\\" + line[at:] if at >= 0 else line
        lines[i] = inert.replace("##[", "#\\#[")
    return "\n".join(lines)
