"""Read one YAML file into plain Python values, keeping the position of every node.

The file is read as events (libyaml's parser when ruamel.yaml.clib is installed, ruamel's
pure-Python one otherwise) and composed here, without recursion, so that every limit is
enforced while parsing rather than after: file size, nesting depth, alias count and the
size that aliases expand to. Tags other than the standard ones are refused, so nothing in a
data file can name Python code. Problems become `Finding`s: fatal ones are raised as
`SourceError`, the rest are returned beside the data.
"""

from __future__ import annotations

import datetime as dt
import errno
import functools
import os
import re
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.reader import ReaderError

from hsreform.findings import Finding, Findings, Severity

try:  # libyaml's event parser, twenty times faster than the pure-Python one
    from _ruamel_yaml import CParser as _CParser
except ImportError:  # pragma: no cover - exercised only where the wheel is missing
    _CParser = None

MAX_FILE_BYTES = 10 * 1024 * 1024
"""Largest data file read; a larger one is refused before it is read."""
MAX_DEPTH = 64
"""Deepest nesting of mappings and lists; the data needs five levels."""
MAX_ALIASES = 100
"""Most aliases (`*name`) in one file."""
MAX_NODES = 100_000
"""Most values a file may hold once its aliases are expanded (an alias bomb has billions)."""

Path_ = tuple[str | int, ...]
"""Where a value sits in the document: the keys and list indices leading to it."""

_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_TAG + "str", _TAG + "map", _TAG + "seq"}
_TIMESTAMP = _TAG + "timestamp"
_SAFE = YAML(typ="safe", pure=True)
_SAFE.version = (1, 2)
_CONSTRUCTOR = _SAFE.constructor


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


def _events(text: str) -> Iterator[Event]:
    if _CParser is not None:
        parser = _CParser(text)
        while True:
            event = parser.get_event()
            if event is None:
                return
            yield event
    else:  # pragma: no cover
        yield from _SAFE.parse(text)


@dataclass
class _Frame:
    value: dict[Any, Any] | list[Any]
    path: Path_
    anchor: str | None
    size: int = 1
    key: Any = None
    key_pending: bool = False
    key_line: dict[Any, int] = field(default_factory=dict)
    skip_value: bool = False
    discarded: bool = False
    """Inside the value of a refused key (a duplicate, `<<`): built, but never placed."""


class _Composer:
    """Turns the event stream into values and a `SourceMap`, enforcing the limits."""

    def __init__(self, display: str, text: str, names: frozenset[str] = frozenset()) -> None:
        self.display = display
        self.text = text
        self.names = names
        self.source = SourceMap(display)
        self.problems = Findings()
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.aliases = 0
        self.values = 0
        """Values in the document so far, each alias counted as the values it stands for."""
        self.expanded = 0
        """Of those, the ones that aliases stand for."""
        self.documents = 0
        self.stack: list[_Frame] = []
        self.root: Any = None

    def compose(self) -> Any:
        handlers: dict[type[Event], Any] = {
            DocumentStartEvent: self._document,
            MappingStartEvent: self._start,
            SequenceStartEvent: self._start,
            MappingEndEvent: self._end,
            SequenceEndEvent: self._end,
            ScalarEvent: self._scalar_event,
            AliasEvent: self._alias,
        }
        for event in _events(self.text):
            handler = handlers.get(type(event))
            if handler is not None:
                handler(event)
        return self.root

    def _document(self, event: Event) -> None:
        self.documents += 1
        if self.documents > 1:
            raise self._fatal("yaml-multiple-documents", event)

    def _start(self, event: CollectionStartEvent) -> None:
        mapping = isinstance(event, MappingStartEvent)
        self._check_tag(event, _TAG + ("map" if mapping else "seq"))
        if len(self.stack) >= MAX_DEPTH:
            raise self._fatal("yaml-depth-limit", event, limit=MAX_DEPTH)
        self._count(1, event)
        path = self._child_path(self.stack, event) if self.stack else ()
        discarded = self._discarding()
        if not discarded:  # the value kept under this path has the position, not its duplicate
            self.source.values[path] = _mark(event)
        self.stack.append(_Frame({} if mapping else [], path, event.anchor, discarded=discarded))

    def _end(self, event: Event) -> None:
        done = self.stack.pop()
        if done.anchor is not None:
            self.anchors[done.anchor] = (done.value, done.size)
        self._place(done.value, done.size, event, placed=True)

    def _scalar_event(self, event: ScalarEvent) -> None:
        self._count(1, event)
        value = self._scalar(event, self.stack)
        field = self._name_field()
        if field is not None and isinstance(value, str):
            self._check_name(value, field, event, exact=True)
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, 1)
        self._place(value, 1, event)

    def _alias(self, event: AliasEvent) -> None:
        self.aliases += 1
        if self.aliases > MAX_ALIASES:
            raise self._fatal("yaml-alias-limit", event, limit=MAX_ALIASES)
        if event.anchor not in self.anchors:
            raise self._fatal("yaml-undefined-alias", event, name=event.anchor)
        value, size = self.anchors[event.anchor]
        self._count(size, event)
        self.expanded += size
        field = self._name_field()
        if field is not None:  # a name written elsewhere, anchored, and used here
            for text in value if isinstance(value, list) else [value]:
                if isinstance(text, str) and self._check_name(text, field, event, exact=False):
                    break
        self._place(value, size, event)

    def _count(self, values: int, event: Event) -> None:
        """Count values into the document; refuse it past `MAX_NODES`, naming the cause."""
        self.values += values
        if self.values <= MAX_NODES:
            return
        if self.expanded or isinstance(event, AliasEvent):
            raise self._fatal(
                "yaml-expansion-limit",
                event,
                limit=MAX_NODES,
                aliases=self.aliases,
                expanded=self.expanded + (values if isinstance(event, AliasEvent) else 0),
            )
        raise self._fatal("yaml-value-limit", event, limit=MAX_NODES)

    def _name_field(self) -> str | None:
        """The name or id field the value starting now belongs to, if it belongs to one.

        The value of `name:` and each item of `aliases: [...]`, where `names` holds
        'name' and 'aliases'; never a key.
        """
        if not self.names or not self.stack:
            return None
        top = self.stack[-1]
        if isinstance(top.value, dict):
            field = top.key if top.key_pending else None
        else:
            field = top.path[-1] if top.path else None
        return field if isinstance(field, str) and field in self.names else None

    def _check_name(self, text: str, field: str, event: Event, *, exact: bool) -> bool:
        """Report a name or id holding a hidden character, or only blanks; whether it did.

        Bidirectional controls and zero-width characters make two names that read the same
        differ, or one read as another; a name of blanks and fillers reads as no name.
        `exact`: the text stands at `event` in the file, so the character can be pointed at.
        """
        hidden = HIDDEN_IN_NAMES.search(text)
        if hidden is not None:
            char = hidden.group()
            line, col = self._char_mark(event, char) if exact else _mark(event)
            self.problems.add(
                Finding(
                    "hidden-character",
                    Severity.ERROR,
                    self.display,
                    line + 1,
                    col + 1,
                    {"field": field, "char": f"U+{ord(char):04X}", "char_name": _char_name(char)},
                    blocking=True,
                )
            )
        elif text and BLANK_NAME.fullmatch(text):
            self.problems.add(self._problem("empty-text", event, field=field, reason="blank"))
        else:
            return False
        if not self._discarding():
            self.source.reported.add(_scalar_path(self.stack))
        return True

    def _char_mark(self, event: Event, char: str) -> tuple[int, int]:
        """0-based line and column of `char` inside the scalar at `event`, as the file has it.

        A character written as an escape ("\\u200b") is not in the file: the scalar's start.
        """
        start, end = event.start_mark, event.end_mark
        found = self.text.find(char, start.index, end.index)
        if found < 0:
            return (start.line, start.column)
        breaks = _LINE_BREAK.findall(self.text, start.index, found)
        if not breaks:
            return (start.line, start.column + found - start.index)
        line_start = max(self.text.rfind("\n", 0, found), self.text.rfind("\r", 0, found)) + 1
        return (start.line + len(breaks), found - line_start)

    def _place(self, value: Any, size: int, event: Event, *, placed: bool = False) -> None:
        """Attach a finished value to its parent, or make it the document."""
        if self.stack:
            self._attach(self.stack, value, size, event, placed=placed)
            return
        self.root = value
        if not placed:
            self.source.values[()] = _mark(event)

    def _discarding(self) -> bool:
        """Whether the value starting now will be thrown away."""
        if not self.stack:
            return False
        top = self.stack[-1]
        return top.discarded or (top.key_pending and top.skip_value)

    def _child_path(self, stack: list[_Frame], event: Event) -> Path_:
        top = stack[-1]
        if isinstance(top.value, list):
            return (*top.path, len(top.value))
        if not top.key_pending:
            raise self._fatal("yaml-complex-key", event)
        return (*top.path, top.key)

    def _attach(
        self, stack: list[_Frame], value: Any, size: int, event: Event, *, placed: bool = False
    ) -> None:
        """Put a finished value into its parent: a list item, a mapping key, or its value."""
        top = stack[-1]
        top.size += size
        if isinstance(top.value, list):
            if not placed and not top.discarded:
                self.source.values[(*top.path, len(top.value))] = _mark(event)
            top.value.append(value)
            return
        if not top.key_pending:
            self._take_key(top, value, event)
            return
        top.key_pending = False
        path = (*top.path, top.key)
        if top.skip_value:
            top.skip_value = False
            return
        if not placed and not top.discarded:
            self.source.values[path] = _mark(event)
        top.value[top.key] = value

    def _take_key(self, top: _Frame, key: Any, event: Event) -> None:
        if isinstance(key, dict | list):
            raise self._fatal("yaml-complex-key", event)
        line, col = _mark(event)
        top.key, top.key_pending, top.skip_value = key, True, False
        if not isinstance(key, str):
            # `1:`, `true:`, `2020-06-05:` or `~:` read as a number, boolean, date or null;
            # no model has such a key, and pydantic would only say so in English.
            text = event.value if isinstance(event, ScalarEvent) else str(key)
            self.problems.add(self._problem("key-not-text", event, key=text))
            top.skip_value = True
            return
        if key == "<<" and isinstance(event, ScalarEvent) and not event.style:
            self.problems.add(self._problem("yaml-merge-key", event))
            # The keys it would have merged are missing now: say so once, not key by key.
            if not top.discarded:
                self.source.reported.add(top.path)
            top.skip_value = True
            return
        if key in top.key_line:
            self.problems.add(
                self._problem("duplicate-key", event, key=str(key), first=top.key_line[key])
            )
            top.skip_value = True
            return
        top.key_line[key] = line + 1
        if not top.discarded:
            self.source.keys[(*top.path, key)] = (line, col)

    def _check_tag(self, event: Any, implicit_tag: str) -> None:
        tag = event.tag
        if tag is None or tag in ("!", implicit_tag) or tag in _ALLOWED_TAGS:
            return
        code = "yaml-python-tag" if "python/" in tag else "yaml-tag"
        raise self._fatal(code, event, tag=_short_tag(tag))

    def _scalar(self, event: ScalarEvent, stack: list[_Frame]) -> Any:
        if event.style == '"':
            # Escapes such as "\e[2J", "\0" or "\r" make characters the file itself may not
            # hold (a carriage return could overwrite a line on a terminal); "\t" and "\n" stay.
            bad = _BAD_CHARACTER.search(event.value) or _CARRIAGE_RETURN.search(event.value)
            if bad is not None:
                raise self._fatal("yaml-bad-character", event, char=f"U+{ord(bad.group()):04X}")
        # One spelling for each text: a name typed as 方 + combining marks, or with a CJK
        # compatibility ideograph, is the same name as its composed form (NFC).
        text = unicodedata.normalize("NFC", event.value)
        if event.tag is not None:  # `!!str 8`, or `! 8`: the non-specific tag makes text
            if event.tag != "!":
                self._check_tag(event, _TAG + "str")
            return text
        if event.style or not event.implicit[0]:
            return text  # quoted, literal or folded: always a string (plain is '' or None)
        value = plain_value(text)
        if value is NOT_A_DATE:
            # `2020-02-30` looks like a date but is none; keep the text, report it once.
            if not self._discarding():
                self.source.reported.add(_scalar_path(stack))
            self.problems.add(self._problem("bad-date", event, value=text))
            return text
        return value

    def _problem(self, code: str, event: Event, **params: Any) -> Finding:
        line, col = _mark(event)
        return Finding(code, Severity.ERROR, self.display, line + 1, col + 1, params, blocking=True)

    def _fatal(self, code: str, event: Event, **params: Any) -> SourceError:
        line, col = _mark(event)
        return fatal(code, self.display, line + 1, col + 1, **params)


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
        try:  # not construct_object, which keeps every node it ever built in a dict
            return _CONSTRUCTOR.construct_non_recursive_object(ScalarNode(_TIMESTAMP, text))
        except ValueError:  # no such day
            return NOT_A_DATE
    return text


def _scalar_path(stack: list[_Frame]) -> Path_:
    """Where the scalar about to be attached to the top of `stack` will sit."""
    if not stack:
        return ()
    top = stack[-1]
    if isinstance(top.value, list):
        return (*top.path, len(top.value))
    return (*top.path, top.key) if top.key_pending else top.path


def _mark(event: Event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line, mark.column)


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


def _char_name(char: str) -> str:
    """The Unicode name of a character, for a message that names it."""
    return unicodedata.name(char, "")


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


def check_characters(text: str, display: str) -> None:
    """Refuse, at its position, a character YAML or our reports cannot have in a file."""
    bad = _BAD_CHARACTER.search(text)
    if bad is not None:
        raise bad_character(text, bad.start(), display)


def compose(text: str, display: str, *, names: frozenset[str] = frozenset()) -> Document:
    """Compose `text` (the contents of the file shown as `display`) into a `Document`.

    The text values of the keys in `names` (names and ids) may hold no bidirectional
    controls or zero-width characters, and not only blanks: `hidden-character`, `empty-text`.
    """
    check_characters(text, display)
    composer = _Composer(display, text, names)
    try:
        data = composer.compose()
    except MarkedYAMLError as exc:
        raise syntax_error(exc, display, text) from None
    except ReaderError as exc:  # pragma: no cover - _BAD_CHARACTER finds these first
        index = text.find(chr(exc.character)) if isinstance(exc.character, int) else -1
        raise bad_character(text, max(index, 0), display) from None
    except YAMLError as exc:  # pragma: no cover - every parser error we know is marked
        raise fatal("yaml-syntax", display, problem=str(exc).strip(), hint="") from None
    return Document(data, composer.source, composer.problems)


# Characters YAML refuses (controls, U+FFFE, U+FFFF), and U+0085, U+2028 and U+2029, which
# YAML counts as line breaks where editors do not, so that every later line number would be off.
# Written as the small set it refuses rather than the large one it allows: the negated class
# over all of Unicode took 10 ms to compile, at every start.
_BAD_CHARACTER = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]"
)
_LINE_BREAK = re.compile("\r\n|\r|\n")
_CARRIAGE_RETURN = re.compile("\r")


def bad_character(text: str, index: int, display: str) -> SourceError:
    """A `SourceError` for the character at `index`, by its code point and editor position."""
    breaks = _LINE_BREAK.findall(text, 0, index)
    line_start = max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1
    return fatal(
        "yaml-bad-character",
        display,
        len(breaks) + 1,
        index - line_start + 1,
        char=f"U+{ord(text[index]):04X}",
    )


# For these the parser may notice the problem only lines later, where the construct fails
# to end (often at the end of the file); the place to fix is where it began: the bracket,
# the quote, the key. (On the line where it began, the parser's own mark is the sharper.)
_BEGINNINGS = (
    "while parsing a flow",
    "while scanning a quoted scalar",
    "while scanning a simple key",
)
# A key written with a full-width colon, `role：chief` or `- role：chief`: the `：` comes
# before any `:` or `#`. Linear: one way to match at most (a `- ` before the key is taken by
# `[^:#：]*` like the rest), and possessive, so a long line without `：` fails in one pass.
_FULL_WIDTH_KEY = re.compile(r"[ \t]*+[^\s#:：][^:#：]*+：")


def syntax_error(exc: MarkedYAMLError, display: str, text: str | None = None) -> SourceError:
    """A `SourceError` for a YAML syntax error, at its position, with a hint where we have one."""
    mark = exc.problem_mark or exc.context_mark
    began = exc.context_mark
    if began is not None and mark is not None and str(exc.context or "").startswith(_BEGINNINGS):
        mark = began if began.line < mark.line else mark
    line = mark.line + 1 if mark is not None else None
    col = mark.column + 1 if mark is not None else None
    problem = (exc.problem or exc.context or "").strip()
    hint = syntax_hint(problem)
    if text is not None and line is not None and hint in ("colon-in-value", "missing-colon"):
        found = _full_width_key(text, line)
        if found is not None:
            (line, col), hint = found, "missing-colon"
    return fatal("yaml-syntax", display, line, col, problem=problem, hint=hint)


def _full_width_key(text: str, line: int) -> tuple[int, int] | None:
    """Line and column of a `：` ending a key on `line` or the line before, if there is one."""
    lines = text.splitlines()
    for number in (line, line - 1):
        if 1 <= number <= len(lines):
            match = _FULL_WIDTH_KEY.match(lines[number - 1])
            if match is not None:
                return number, match.end()
    return None


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
