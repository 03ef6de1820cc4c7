"""Read one YAML file into plain Python values, keeping the position of every node.

The reading itself lives beside this module: `hsreform.reading.fastyaml` (plain files, rapidyaml)
and `hsreform.reading.eventreader` (any file, event by event, ruamel.yaml; imported only when a file
needs it). Here is what both share: the limits, reading the bytes of a file, the character
checks, the meaning of a plain scalar in YAML 1.2, positions (`SourceMap`) and the errors
(`SourceError`). Problems become `Finding`s: fatal ones are raised as `SourceError`, the
rest are returned beside the data.
"""

from __future__ import annotations

import datetime as dt
import errno
import functools
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hsreform.common.findings import Finding, Findings, Severity

MAX_FILE_BYTES = 10 * 1024 * 1024
"""Largest data file read; a larger one is refused before it is read."""
MAX_DEPTH = 64
"""Deepest nesting of mappings and lists; the data needs five levels."""
MAX_ALIASES = 100
"""Most aliases (`*name`) in one file."""
MAX_NODES = 100_000
"""Most values a file read event by event may hold once its aliases are expanded (an alias
bomb has billions): each costs some microseconds, and a file of them all wrong some more."""
MAX_PLAIN_NODES = 1_000_000
"""Most values a plain file may hold (one the fast read takes, hsreform.reading.fastyaml): it reads
at the speed of C++, so a region's merged data (40,000 staff) fits."""

Path_ = tuple[str | int, ...]
"""Where a value sits in the document: the keys and list indices leading to it."""


@dataclass
class SourceMap:
    """Positions (0-based line, column) of the values and keys of one file."""

    file: str
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    reported: set[Path_] = field(default_factory=set)
    """Paths that already carry a finding; later checks stay quiet about them."""

    def position(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Position of the value at `path` (or of its key), else of its nearest parent."""
        if key and path in self.keys:
            return self.keys[path]
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            if prefix in self.values:
                return self.values[prefix]
        return (0, 0)

    def finding(
        self,
        code: str,
        path: Path_,
        severity: Severity = Severity.ERROR,
        *,
        key: bool = False,
        blocking: bool = False,
        **params: Any,
    ) -> Finding:
        """A finding located at `path` in this file."""
        line, col = self.position(path, key=key)
        return Finding(code, severity, self.file, line + 1, col + 1, params, blocking)

    def is_reported(self, path: Path_) -> bool:
        """Whether `path` or a parent of it already carries a finding."""
        reported = self.reported
        return bool(reported) and any(path[:end] in reported for end in range(len(path) + 1))


class SourceError(Exception):
    """The file cannot be used at all; `finding` says why and where."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.code)
        self.finding = finding


@dataclass
class Document:
    """A composed file: its data, where each part of it stands, and what was wrong."""

    data: Any
    source: SourceMap
    problems: Findings
    values: int = 0
    """How many values (keys, values, list items) the data holds."""


def fatal(
    code: str, file: str, line: int | None = None, col: int | None = None, **params: Any
) -> SourceError:
    """A `SourceError` for `file`, 1-based position."""
    return SourceError(Finding(code, Severity.ERROR, file, line, col, params, blocking=True))


def read_text(path: Path, display: str, *, root: Path | None = None) -> str:
    """The file's text, or a `SourceError` saying in plain words why it cannot be read."""
    try:
        if root is not None and path.is_symlink():
            try:
                target = path.resolve()
            except (RuntimeError, OSError):  # a loop: RuntimeError before Python 3.13, then OSError
                raise fatal("file-unreadable", display, reason="symlink-loop") from None
            if not target.is_relative_to(root.resolve()):
                raise fatal("file-outside", display, target=str(target))
        # O_NONBLOCK: opening a named pipe must not wait for a writer; it is refused below.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise fatal("file-missing", display) from None
    except IsADirectoryError:
        raise fatal("file-is-directory", display) from None
    except PermissionError:
        raise _permission_denied(path, display) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise fatal("file-unreadable", display, reason="symlink-loop") from None
        if exc.errno == errno.ENXIO:  # a socket: there is nothing to open
            raise fatal("file-unreadable", display, reason="special") from None
        raise fatal(
            "file-unreadable", display, reason=exc.strerror or str(exc), errno=exc.errno
        ) from None
    try:
        return decode(_read_regular(fd, display), display)
    finally:
        os.close(fd)


def text_of(raw: bytes | None, display: str) -> str:
    """`read_text` for a file's bytes read already (None: there is no such file)."""
    if raw is None:
        raise fatal("file-missing", display)
    if len(raw) > MAX_FILE_BYTES:
        raise fatal("file-too-large", display, size=len(raw), limit=MAX_FILE_BYTES)
    return decode(raw, display)


def _permission_denied(path: Path, display: str) -> SourceError:
    """Whose permission is missing: the file's own, or its folder's (which must be searchable).

    Looking a name up in a folder needs the folder's x permission, not the file's: if even
    that fails, the folder is at fault, and the message names it.
    """
    try:
        os.lstat(path)
    except PermissionError:
        folder = str(Path(display).parent)
        return fatal("file-unreadable", display, reason="folder-permission", folder=folder)
    except OSError:
        pass
    return fatal("file-unreadable", display, reason="permission")


def _read_regular(fd: int, display: str) -> bytes:
    """At most `MAX_FILE_BYTES` of an open regular file; anything else is refused unread."""
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise fatal("file-is-directory", display)
        if not stat.S_ISREG(info.st_mode):  # a pipe or a device could block or never end
            raise fatal("file-unreadable", display, reason="special")
        if info.st_size > MAX_FILE_BYTES:
            raise fatal("file-too-large", display, size=info.st_size, limit=MAX_FILE_BYTES)
        chunks, total = [], 0
        while total <= MAX_FILE_BYTES:  # it may grow between fstat and read
            chunk = os.read(fd, MAX_FILE_BYTES + 1 - total)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise fatal(
            "file-unreadable", display, reason=exc.strerror or str(exc), errno=exc.errno
        ) from None
    if total > MAX_FILE_BYTES:
        raise fatal("file-too-large", display, size=total, limit=MAX_FILE_BYTES)
    return b"".join(chunks)


_UTF16_32_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def decode(raw: bytes, display: str) -> str:
    """Decode UTF-8 (a BOM is allowed); name GBK or UTF-16 when the bytes look like them."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    for bom, name in _UTF16_32_BOMS:
        if raw.startswith(bom):
            raise fatal("encoding-utf16", display, 1, 1, encoding=name)
    nul = raw.find(b"\x00")
    if nul >= 0:
        if _looks_utf16(raw):
            raise fatal("encoding-utf16", display, 1, 1, encoding="UTF-16")
        line, col = _byte_position(raw, nul)
        raise fatal("nul-byte", display, line, col)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _byte_position(raw, exc.start)
        try:
            raw.decode("gbk")
        except UnicodeDecodeError:
            raise fatal("encoding-unknown", display, line, col) from None
        raise fatal("encoding-gbk", display, line, col) from None


def _looks_utf16(raw: bytes) -> bool:
    """Mostly-ASCII UTF-16 has a NUL in every other byte."""
    sample = raw[:200]
    return len(sample) >= 4 and (
        sample[1::2].count(0) > len(sample) // 4 or sample[0::2].count(0) > len(sample) // 4
    )


_BYTE_LINE_BREAK = re.compile(rb"\r\n|\r|\n")


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    """1-based line and character column of a byte offset; lines end as YAML ends them.

    (CRLF, LF, or CR alone, as old Mac editors write: the parser counts all three.)
    """
    line_start = max(raw.rfind(b"\n", 0, offset), raw.rfind(b"\r", 0, offset)) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace"))
    return len(_BYTE_LINE_BREAK.findall(raw, 0, offset)) + 1, column + 1


NOT_A_DATE = object()
"""What `plain_value` gives for text shaped like a date that is none (2020-02-30)."""


class LongInteger(int):
    """An integer written with more digits than any value of ours can need.

    YAML 1.2 sets no bound on an integer, but converting a long one costs time quadratic
    in its length and Python refuses to print one of more than 4,300 digits. So it is
    never converted: it compares as ±10^100, past every bound the models set (a count is
    at most 10,000), and it prints as the text that was written.
    """

    text: str

    def __new__(cls, text: str) -> LongInteger:
        """The integer written as `text`, which matched one of the core schema's forms."""
        self = super().__new__(cls, -(10**100) if text.startswith("-") else 10**100)
        self.text = text
        return self

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__


MAX_INTEGER_DIGITS = 32
"""Digits of the longest integer converted; a longer one stays a `LongInteger`."""

# The YAML 1.2 core schema, exactly (https://yaml.org/spec/1.2.2/#1032-tag-resolution):
# what a plain scalar is, by its text alone. Anything else is a string: `0b1000`, `+0x8`,
# `1_000`, `8_`, `yes`, `0O17` are text in YAML 1.2 and in the JSON Schema editors use.
# The schema has no dates; `2020-06-05` (and a date with a time, which the models refuse)
# is read as a date all the same, the one addition, because the data is full of them and
# the JSON Schema says `format: date` for the same text.
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = (
    (re.compile(r"[-+]?[0-9]+"), 10, 0),
    (re.compile(r"0o[0-7]+"), 8, 2),
    (re.compile(r"0x[0-9a-fA-F]+"), 16, 2),
)
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_SPECIAL_FLOAT = {
    f"{sign}{inf}": float(f"{sign or '+'}inf")
    for sign in ("", "+", "-")
    for inf in (".inf", ".Inf", ".INF")
} | {nan: float("nan") for nan in (".nan", ".NaN", ".NAN")}
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DATE_TIME = re.compile(  # ruamel's YAML 1.2 timestamp, less the date alone
    r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
    r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?"
)
# Only plain scalars starting with one of these can be anything but text.
_MAY_NOT_BE_TEXT = frozenset("-+.0123456789~nNtTfF")


def plain_value(text: str) -> Any:
    """What a plain scalar means in YAML 1.2: its text, or an int, float, bool, None or date.

    `NOT_A_DATE` for text shaped like a date that is none (2020-02-30).
    """
    if text and text[0] not in _MAY_NOT_BE_TEXT:
        return text
    return _resolved(text) if len(text) <= 64 else _resolved.__wrapped__(text)


@functools.lru_cache(maxsize=4096)
def _resolved(text: str) -> Any:
    """`plain_value` past its first test. Cached: data files repeat the same ids, roles and
    dates, and a file of a million `1`s stays fast (long texts are not kept in the cache)."""
    if text in _NULL:
        return None
    if text in _BOOL:
        return _BOOL[text]
    for pattern, base, prefix in _INT:
        if pattern.fullmatch(text):
            if len(text) - prefix > MAX_INTEGER_DIGITS:
                return LongInteger(text)
            return int(text[prefix:], base)
    if _FLOAT.fullmatch(text):
        return float(text)
    if text in _SPECIAL_FLOAT:
        return _SPECIAL_FLOAT[text]
    date = _DATE.fullmatch(text)
    if date is not None:
        try:
            return dt.date(*(int(part) for part in date.groups()))
        except ValueError:
            return NOT_A_DATE
    if _DATE_TIME.fullmatch(text):
        try:
            return _timestamp(text)
        except ValueError:  # no such day
            return NOT_A_DATE
    return text


def _timestamp(text: str) -> Any:
    """A date and time as ruamel.yaml reads it (ruamel imported here: most files have none)."""
    from ruamel.yaml.nodes import ScalarNode

    # not construct_object, which keeps every node it ever built in a dict
    return _constructor().construct_non_recursive_object(
        ScalarNode("tag:yaml.org,2002:timestamp", text)
    )


@functools.cache
def _constructor() -> Any:
    """ruamel.yaml's safe constructor for YAML 1.2, made once when a timestamp is first read."""
    from ruamel.yaml import YAML

    safe = YAML(typ="safe", pure=True)
    safe.version = (1, 2)
    return safe.constructor


# Bidirectional controls (embeddings, overrides, isolates, marks) and zero-width characters
# (space, non-joiner, joiner, word joiner, a BOM inside text): invisible, and refused in
# names and ids. Other text may need them (a Uyghur note); reports show them as <U+XXXX>.
HIDDEN_IN_NAMES = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
# What a name may not consist of alone: blanks (U+00A0, U+3000 ...), format characters,
# the combining grapheme joiner, variation selectors, and the letters that draw nothing
# (the Hangul fillers, the Braille blank).
BLANK_NAME = re.compile(
    "[\\s\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0]+"
)


def char_name(char: str) -> str:
    """The Unicode name of a character, for a message that names it."""
    return unicodedata.name(char, "")


def check_characters(text: str, display: str) -> None:
    """Refuse, at its position, a character YAML or our reports cannot have in a file."""
    bad = BAD_CHARACTER.search(text)
    if bad is not None:
        raise bad_character(text, bad.start(), display)


# Characters YAML refuses (controls, U+FFFE, U+FFFF), and U+0085, U+2028 and U+2029, which
# YAML counts as line breaks where editors do not, so that every later line number would be off.
# Written as the small set it refuses rather than the large one it allows: the negated class
# over all of Unicode took 10 ms to compile, at every start.
BAD_CHARACTER = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]"
)
LINE_BREAK = re.compile("\r\n|\r|\n")
CARRIAGE_RETURN = re.compile("\r")


def bad_character(text: str, index: int, display: str) -> SourceError:
    """A `SourceError` for the character at `index`, by its code point and editor position."""
    breaks = LINE_BREAK.findall(text, 0, index)
    line_start = max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1
    return fatal(
        "yaml-bad-character",
        display,
        len(breaks) + 1,
        index - line_start + 1,
        char=f"U+{ord(text[index]):04X}",
    )


_HINTS = (
    (re.compile(r"mapping values are not allowed"), "colon-in-value"),
    (re.compile(r"cannot start any token|tab character"), "tab-or-indicator"),
    (re.compile(r"expected ',' or '[\]}]'"), "unclosed-flow"),
    (re.compile(r"could not find expected ':'"), "missing-colon"),
    (re.compile(r"did not find expected (key|'-' indicator)|expected <block end>"), "indentation"),
    (re.compile(r"end of stream"), "unclosed-quote"),
    (re.compile(r"found undefined tag handle"), "undefined"),  # aliases are the composer's
)


def syntax_hint(problem: str) -> str:
    """A key into the catalogue of hints for a YAML parser's problem text ('' if none)."""
    for pattern, hint in _HINTS:
        if pattern.search(problem):
            return hint
    return ""
