"""Read one YAML file into plain Python values, keeping the position of every node.

The file is read as events (libyaml's parser when ruamel.yaml.clib is installed, ruamel's
pure-Python one otherwise) and composed here, without recursion, so that every limit is
enforced while parsing rather than after: file size, nesting depth, alias count and the
size that aliases expand to. Tags other than the standard ones are refused, so nothing in a
data file can name Python code. Problems become `Finding`s: fatal ones are raised as
`SourceError`, the rest are returned beside the data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError
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
        target = path.resolve()
        if not target.is_relative_to(root.resolve()):
            raise fatal("file-outside", display, target=str(target))
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise fatal("file-is-directory", display)
        if size > MAX_FILE_BYTES:
            raise fatal("file-too-large", display, size=size, limit=MAX_FILE_BYTES)
        raw = path.read_bytes()
    except FileNotFoundError:
        raise fatal("file-missing", display) from None
    except PermissionError:
        raise fatal("file-unreadable", display, reason="permission") from None
    except OSError as exc:
        raise fatal("file-unreadable", display, reason=exc.strerror or str(exc)) from None
    if len(raw) > MAX_FILE_BYTES:  # it grew between stat and read
        raise fatal("file-too-large", display, size=len(raw), limit=MAX_FILE_BYTES)
    return decode(raw, display)


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
        self.source.values[path] = _mark(event)
        self.stack.append(_Frame({} if mapping else [], path, event.anchor))

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
            if not placed:
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
        if not placed:
            self.source.values[path] = _mark(event)
        top.value[top.key] = value

    def _take_key(self, top: _Frame, key: Any, event: Event) -> None:
        if isinstance(key, dict | list):
            raise self._fatal("yaml-complex-key", event)
        line, col = _mark(event)
        top.key, top.key_pending, top.skip_value = key, True, False
        if key == "<<" and isinstance(event, ScalarEvent) and not event.style:
            self.problems.append(self._problem("yaml-merge-key", event))
            top.skip_value = True
            return
        if key in top.key_line:
            self.problems.append(
                self._problem("duplicate-key", event, key=str(key), first=top.key_line[key])
            )
            top.skip_value = True
            return
        top.key_line[key] = line + 1
        self.source.keys[(*top.path, key)] = (line, col)

    def _check_tag(self, event: Any, implicit_tag: str) -> None:
        tag = event.tag
        if tag is None or tag in ("!", implicit_tag) or tag in _ALLOWED_TAGS:
            return
        code = "yaml-python-tag" if "python/" in tag else "yaml-tag"
        raise self._fatal(code, event, tag=_short_tag(tag))

    def _scalar(self, event: ScalarEvent, stack: list[_Frame]) -> Any:
        if event.tag is not None and event.tag != "!":
            self._check_tag(event, _TAG + "str")
            return event.value
        if event.style or not event.implicit[0]:
            return (
                event.value
            )  # quoted, literal or folded: always a string (plain style is '' or None)
        tag = str(
            _RESOLVER.resolve(ScalarNode, event.value, (True, False))
        )  # a Tag, not hashable as str
        if tag not in _CONSTRUCTED:
            return event.value  # a string, or `<<` (merge), which _take_key refuses
        try:
            return _CONSTRUCTOR.construct_object(
                ScalarNode(tag, event.value, event.start_mark, event.end_mark)
            )
        except ValueError:
            # `2020-02-30` looks like a date but is none; keep the text, report it once.
            self.source.reported.add(_scalar_path(stack))
            self.problems.append(self._problem("bad-date", event, value=event.value))
            return event.value

    def _problem(self, code: str, event: Event, **params: Any) -> Finding:
        line, col = _mark(event)
        return Finding(code, Severity.ERROR, self.display, line + 1, col + 1, params, blocking=True)

    def _fatal(self, code: str, event: Event, **params: Any) -> SourceError:
        line, col = _mark(event)
        return fatal(code, self.display, line + 1, col + 1, **params)


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
    composer = _Composer(display, text)
    try:
        data = composer.compose()
    except MarkedYAMLError as exc:
        raise syntax_error(exc, display) from None
    except RecursionError:  # pragma: no cover - the composer does not recurse
        raise fatal("yaml-depth-limit", display, limit=MAX_DEPTH) from None
    return Document(data, composer.source, composer.problems)


def syntax_error(exc: MarkedYAMLError, display: str) -> SourceError:
    """A `SourceError` for a YAML syntax error, at its position, with a hint where we have one."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else None
    col = mark.column + 1 if mark is not None else None
    problem = (exc.problem or exc.context or "").strip()
    return fatal("yaml-syntax", display, line, col, problem=problem, hint=syntax_hint(problem))


_HINTS = (
    (re.compile(r"mapping values are not allowed"), "colon-in-value"),
    (re.compile(r"cannot start any token|tab character"), "tab-or-indicator"),
    (re.compile(r"expected ',' or '\]'|expected ',' or ']'"), "unclosed-flow"),
    (re.compile(r"expected ',' or '\}'|expected ',' or '}'"), "unclosed-flow"),
    (re.compile(r"could not find expected ':'"), "missing-colon"),
    (re.compile(r"did not find expected key|expected <block end>"), "indentation"),
    (re.compile(r"did not find expected '-' indicator|expected <block end>"), "indentation"),
    (re.compile(r"found unexpected end of stream|end of stream"), "unclosed-quote"),
    (re.compile(r"found undefined alias|found undefined tag handle"), "undefined"),
)


def syntax_hint(problem: str) -> str:
    """A key into the catalogue of hints for a YAML parser's problem text ('' if none)."""
    for pattern, hint in _HINTS:
        if pattern.search(problem):
            return hint
    return ""
