"""Read one YAML file into plain Python values, keeping the position of every node.

The file is read as events (libyaml's parser when ruamel.yaml.clib is installed, ruamel's
pure-Python one otherwise) and composed here, without recursion, so that every limit is
enforced while parsing rather than after: file size, nesting depth, alias count and the
size that aliases expand to. Tags other than the standard ones are refused, so nothing in a
data file can name Python code. Problems become `Finding`s: fatal ones are raised as
`SourceError`, the rest are returned beside the data.
"""

from __future__ import annotations

import errno
import functools
import os
import re
import stat
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
from ruamel.yaml.resolver import VersionedResolver

from hsreform.findings import Finding, Severity

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
MAX_NODES = 1_000_000
"""Most values a file may hold once its aliases are expanded (an alias bomb has billions)."""

Path_ = tuple[str | int, ...]
"""Where a value sits in the document: the keys and list indices leading to it."""

_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_TAG + "str", _TAG + "map", _TAG + "seq"}
_CONSTRUCTED = {_TAG + name for name in ("int", "float", "bool", "null", "timestamp")}
_RESOLVER = VersionedResolver(version=(1, 2))
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
        return any(path[:end] in self.reported for end in range(len(path) + 1))


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
    problems: list[Finding]


def fatal(
    code: str, file: str, line: int | None = None, col: int | None = None, **params: Any
) -> SourceError:
    """A `SourceError` for `file`, 1-based position."""
    return SourceError(Finding(code, Severity.ERROR, file, line, col, params, blocking=True))


def read_text(path: Path, display: str, *, root: Path | None = None) -> str:
    """The file's text, or a `SourceError` saying in plain words why it cannot be read."""
    if root is not None and path.is_symlink():
        try:
            target = path.resolve()
        except (RuntimeError, OSError):  # a loop: RuntimeError before Python 3.13, then OSError
            raise fatal("file-unreadable", display, reason="symlink-loop") from None
        if not target.is_relative_to(root.resolve()):
            raise fatal("file-outside", display, target=str(target))
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer; it is refused below.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise fatal("file-missing", display) from None
    except IsADirectoryError:
        raise fatal("file-is-directory", display) from None
    except PermissionError:
        raise fatal("file-unreadable", display, reason="permission") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise fatal("file-unreadable", display, reason="symlink-loop") from None
        raise fatal(
            "file-unreadable", display, reason=exc.strerror or str(exc), errno=exc.errno
        ) from None
    try:
        return decode(_read_regular(fd, display), display)
    finally:
        os.close(fd)


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


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    """1-based line and character column of a byte offset."""
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace"))
    return raw.count(b"\n", 0, offset) + 1, column + 1


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

    def __init__(self, display: str, text: str) -> None:
        self.display = display
        self.text = text
        self.source = SourceMap(display)
        self.problems: list[Finding] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.aliases = 0
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
        value = self._scalar(event, self.stack)
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
        self._place(value, size, event)

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
        if top.size > MAX_NODES:
            raise self._fatal("yaml-expansion-limit", event, limit=MAX_NODES)
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
            self.problems.append(self._problem("key-not-text", event, key=text))
            top.skip_value = True
            return
        if key == "<<" and isinstance(event, ScalarEvent) and not event.style:
            self.problems.append(self._problem("yaml-merge-key", event))
            # The keys it would have merged are missing now: say so once, not key by key.
            if not top.discarded:
                self.source.reported.add(top.path)
            top.skip_value = True
            return
        if key in top.key_line:
            self.problems.append(
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
        if event.tag is not None and event.tag != "!":
            self._check_tag(event, _TAG + "str")
            return event.value
        if event.style or not event.implicit[0]:
            return (
                event.value
            )  # quoted, literal or folded: always a string (plain style is '' or None)
        value = _plain_value(event.value)
        if value is _NOT_A_DATE:
            # `2020-02-30` looks like a date but is none; keep the text, report it once.
            if not self._discarding():
                self.source.reported.add(_scalar_path(stack))
            self.problems.append(self._problem("bad-date", event, value=event.value))
            return event.value
        return value

    def _problem(self, code: str, event: Event, **params: Any) -> Finding:
        line, col = _mark(event)
        return Finding(code, Severity.ERROR, self.display, line + 1, col + 1, params, blocking=True)

    def _fatal(self, code: str, event: Event, **params: Any) -> SourceError:
        line, col = _mark(event)
        return fatal(code, self.display, line + 1, col + 1, **params)


_NOT_A_DATE = object()
_DECIMAL = re.compile(r"[-+]?[0-9]+")
# Only plain scalars starting with one of these can be anything but text (a number, `true`,
# `~`, a date ...): the rest skip ruamel's resolver, which costs more than the parse.
_MAY_NOT_BE_TEXT = frozenset(_RESOLVER.versioned_resolver)


@functools.lru_cache(maxsize=4096)
def _plain_value(text: str) -> Any:
    """What a plain scalar means in YAML 1.2: its text, or an int, float, bool, None or date.

    `_NOT_A_DATE` for text shaped like a date that is none (2020-02-30). Cached: data
    files repeat the same ids, roles and dates, and a file of a million `1`s stays fast.
    """
    if text and None not in _MAY_NOT_BE_TEXT and text[0] not in _MAY_NOT_BE_TEXT:
        return text
    if len(text) < 20 and _DECIMAL.fullmatch(text):
        return int(text)
    tag = str(_RESOLVER.resolve(ScalarNode, text, (True, False)))  # a Tag, not hashable
    if tag not in _CONSTRUCTED:
        return text  # a string, or `<<` (merge), which _take_key refuses
    try:  # not construct_object, which keeps every node it ever built in a dict
        return _CONSTRUCTOR.construct_non_recursive_object(ScalarNode(tag, text))
    except ValueError:  # no such day; or an integer of more digits than Python converts
        return _NOT_A_DATE if tag == _TAG + "timestamp" else text


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


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


def compose(text: str, display: str) -> Document:
    """Compose `text` (the contents of the file shown as `display`) into a `Document`."""
    bad = _BAD_CHARACTER.search(text)
    if bad is not None:
        raise bad_character(text, bad.start(), display)
    composer = _Composer(display, text)
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
# A key written with a full-width colon, `role：chief`: the `：` comes before any `:` or `#`.
_FULL_WIDTH_KEY = re.compile(r"^[ \t]*(?:-[ \t]+)*[^\s#:：][^:#：]*：")


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
