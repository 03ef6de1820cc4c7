"""Read one YAML file as events and compose it, keeping the position of every node.

The file is read as events (libyaml's parser when ruamel.yaml.clib is installed, ruamel's
pure-Python one otherwise) and composed here, without recursion, so that every limit is
enforced while parsing rather than after: file size, nesting depth, alias count and the
size that aliases expand to. Tags other than the standard ones are refused, so nothing in a
data file can name Python code. `hsreform.reading.fastyaml.compose` imports this module when a
file needs it: a plain file is read by `hsreform.reading.fastyaml` without ruamel.yaml at all.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
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
from ruamel.yaml.reader import ReaderError

from hsreform.common.findings import Finding, Findings, Severity
from hsreform.reading.yamlsource import (
    BAD_CHARACTER,
    BLANK_NAME,
    CARRIAGE_RETURN,
    HIDDEN_IN_NAMES,
    LINE_BREAK,
    MAX_ALIASES,
    MAX_DEPTH,
    MAX_NODES,
    NOT_A_DATE,
    Document,
    Path_,
    SourceError,
    SourceMap,
    bad_character,
    char_name,
    check_characters,
    fatal,
    plain_value,
    syntax_hint,
)

try:  # libyaml's event parser, twenty times faster than the pure-Python one
    from _ruamel_yaml import CParser as _CParser
except ImportError:  # pragma: no cover - exercised only where the wheel is missing
    _CParser = None

_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_TAG + "str", _TAG + "map", _TAG + "seq"}
_SAFE = YAML(typ="safe", pure=True)
_SAFE.version = (1, 2)


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
                    {"field": field, "char": f"U+{ord(char):04X}", "char_name": char_name(char)},
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
        breaks = LINE_BREAK.findall(self.text, start.index, found)
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
            bad = BAD_CHARACTER.search(event.value) or CARRIAGE_RETURN.search(event.value)
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
    except ReaderError as exc:  # pragma: no cover - BAD_CHARACTER finds these first
        index = text.find(chr(exc.character)) if isinstance(exc.character, int) else -1
        raise bad_character(text, max(index, 0), display) from None
    except YAMLError as exc:  # pragma: no cover - every parser error we know is marked
        raise fatal("yaml-syntax", display, problem=str(exc).strip(), hint="") from None
    return Document(data, composer.source, composer.problems, composer.values)


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
