"""A fast read of plain data files, and positions only when a finding needs them.

Reading YAML event by event in Python (yamlsource) is what lets every value keep its
position and every limit hold while parsing; it also costs more than the rest of
`validate` together. Most data files, the large ones above all, use a small and plain
part of YAML: block and flow mappings and lists of unquoted scalars, comments. Such a
file is parsed by rapidyaml (C++) and read back through its JSON, then every scalar is
given its YAML 1.2 meaning by the same function the slow reader uses (`plain_value`).

The fast read is taken only where it must give exactly what the slow one gives; for
anything else it declines and the slow reader runs, with its messages and positions:

- a character that may start something the fast read does not follow: quotes, tags,
  anchors and aliases, block scalars, directives, `?` keys, merge keys, tabs, `@`, `` ` ``,
  a backslash, document markers; a hidden (bidirectional, zero-width) character anywhere;
  text not already in NFC;
- anything either side would report: a parse error, a duplicate key, a key that is not
  text, a date that is no date, an integer too long to convert, a name of blanks only,
  nesting or values past the limits.

Positions are worked out from the file's lines when a finding asks for one
(`LazySourceMap`, `plainpositions`), so a clean data set never pays for them, and a large
one with findings pays only for the ones it shows. The equivalence is tested
on random and damaged files (tests/test_fastyaml.py).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from hsreform.common.findings import Findings
from hsreform.reading import yamlsource
from hsreform.reading.plainpositions import PlainPositions
from hsreform.reading.yamlsource import (
    MAX_DEPTH,
    MAX_INTEGER_DIGITS,
    MAX_PLAIN_NODES,
    NOT_A_DATE,
    Document,
    LongInteger,
    Path_,
    SourceMap,
    plain_value,
)

try:  # rapidyaml: a C++ parser; without it every file takes the slow read
    import ryml as _ryml
except ImportError:  # pragma: no cover - exercised only where the wheel is missing
    _ryml = None

# Anything the fast read does not follow, or that needs a message only the slow read gives:
# indicators, tabs, backslashes, hidden characters (refused in names, at their position),
# and the blanks a name could be made of alone (refused too). One character class, so that
# the search runs at the speed of a scan.
_DECLINE = re.compile(
    "['\"!&*|>%?@`\t\\\\\x85\xa0\xad\u034f\u061c\u115f\u1160\u1680\u17b4\u17b5\u180b-\u180f"
    "\u2000-\u200f\u2028-\u202f\u205f-\u206f\u2800\u3000\u3164\ufe00-\ufe0f\ufeff\uffa0]"
)
# Shapes the fast read does not follow. Each search starts with one character or a
# character class, so that the regular expression engine scans; and each runs only when a
# quick test (`in`, at the speed of memchr) finds what it needs in the text.
_SHAPES: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = tuple(
    (needles, re.compile(pattern, re.MULTILINE))
    for needles, pattern in (
        # a document marker: a second document, or an end
        (("---", "..."), r"^(?:---|\.\.\.)(?:[ \r\n]|$)"),
        (("<<",), r"<<"),  # a merge key
        # a colon inside a scalar: libyaml refuses `[10:00]`, rapidyaml takes it
        ((":",), r":[^ \r\n]"),
        # a flow indicator where a scalar starts (`name: }x`): the same
        ((" ]", " }", " ,", ",]", ",}", ",,", "\n]", "\n}", "\n,"), r"[ ,\n][\]},]"),
        # a flow collection left open: positions follow one-line ones only
        (("[", "{"), r"[\[{][^\]}\n]*$"),
        (("[",), r"\[[^\]\[{}\n]*: "),  # a `key: value` pair right inside a flow list
        ((",", "[", "{"), r"[,\[{] *:"),  # a colon right after a flow indicator (`{a,: b}`)
        (("\n:", " :", "-:"), r"^[ -]*:"),  # a colon where a line starts
        # nesting deeper than data needs: the event reader holds the limit (and rapidyaml
        # would build the whole tree first)
        (("- -",), r"-(?: +-){15}"),
        (("[[", "[{", "{[", "{{", "[ ", "{ "), r"[\[{](?: *[\[{]){15}"),
        (("\n" + " " * 64,), r"^ {64}"),
    )
)
# Words rapidyaml writes differently: `nan` as `.nan` (text in YAML 1.2, a number rewritten).
_WORDS = tuple(
    re.compile(pattern)
    for pattern in (r"[nN][aA][nN](?!\w)", r"[iI][nN][fF](?:[iI][nN][iI][tT][yY])?(?!\w)")
)
_COMMENT = re.compile(r"[ \t\n]#[^\n]*")
"""A comment, which may hold anything: left out of the search for what to decline."""


def _declined_shape(text: str) -> bool:
    """Whether `text` (comments left out) holds a shape the fast read does not follow."""
    if text[:1] in ("]", "}", ",", ":"):
        return True
    for needles, shape in _SHAPES:
        if any(needle in text for needle in needles) and shape.search(text):
            return True
    lower = text.lower()
    for word, needle in zip(_WORDS, ("nan", "inf"), strict=True):
        if needle not in lower:
            continue
        for match in word.finditer(text):
            before = text[match.start() - 1 : match.start()]
            if before == "." or not (before.isalnum() or before == "_"):
                return True
    return False


_INTEGER_LIMIT = 10**MAX_INTEGER_DIGITS
_MAY_NOT_BE_TEXT = frozenset("-+.0123456789~nNtTfF")
"""Plain scalars starting with one of these may be more than text (as in yamlsource)."""


class _Decline(Exception):
    """The fast read cannot vouch for this file: the slow read takes it."""


class _TooMany(Exception):
    """More values than even a plain file may hold: refused without reading further."""


def _refuse_constant(name: str) -> Any:
    raise _Decline(name)  # NaN, Infinity: JSON words that YAML reads as text


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise _Decline("duplicate key")
    return out


def _meaning(value: Any) -> Any:
    """A JSON scalar as YAML 1.2 reads the plain scalar it came from."""
    if isinstance(value, str):
        meant = plain_value(value)
        if meant is NOT_A_DATE or isinstance(meant, LongInteger):
            raise _Decline("no such date, or an integer too long to convert")
        return meant
    if isinstance(value, int) and not -_INTEGER_LIMIT < value < _INTEGER_LIMIT:
        raise _Decline("integer too long to convert")
    return value


def _resolve(data: Any) -> tuple[Any, int]:
    """Every scalar of `data` given its YAML meaning, keys checked, limits held; in place.

    Text starting with a letter or a Chinese character is text whatever follows: it is
    left as it is, which is most of a data file, so the walk stays cheap.
    """
    if not isinstance(data, dict | list):
        return _meaning(data), 1
    may = _MAY_NOT_BE_TEXT
    count = 1
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise _Decline("depth")
        count += len(node) * (2 if isinstance(node, dict) else 1)
        if count > MAX_PLAIN_NODES:
            raise _TooMany
        items = node.items() if isinstance(node, dict) else enumerate(node)
        changed = []
        for key, value in items:
            if key.__class__ is str and key[:1] in may and not isinstance(plain_value(key), str):
                raise _Decline("a key that is not text")  # `1:`, `true:`, `~:`, a date
            if value.__class__ is str:
                if value[:1] in may:
                    changed.append((key, _meaning(value)))
            elif isinstance(value, dict | list):
                stack.append((value, depth + 1))
            else:
                changed.append((key, _meaning(value)))
        for key, value in changed:
            node[key] = value
    return data, count


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Send what native code writes to file descriptor 2 nowhere, for a moment."""
    try:
        saved = os.dup(2)
    except OSError:  # no stderr at all
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def compose(text: str, display: str, *, names: frozenset[str] = frozenset()) -> Document:
    """`eventreader.compose`, read fast where the fast read can vouch for the result."""
    yamlsource.check_characters(text, display)
    fast = read(text, display, names)
    if fast is not None:
        return fast
    from hsreform.reading import (
        eventreader,  # ruamel.yaml, only for a file the fast read cannot vouch for
    )

    return eventreader.compose(text, display, names=names)


def read(text: str, display: str, names: frozenset[str] = frozenset()) -> Document | None:
    """The document of `text`, read fast; None when only the slow read can vouch for it."""
    if _ryml is None:
        return None
    data_part = _COMMENT.sub("", "\n" + text) if "#" in text else text
    if _DECLINE.search(data_part) or _declined_shape(data_part):
        return None
    if not unicodedata.is_normalized("NFC", text):
        return None
    parsed = text.replace("\r\n", "\n") if "\r" in text else text
    if "\r" in parsed:  # a lone carriage return: a line break to libyaml, not to rapidyaml
        return None
    try:
        with _quiet_stderr():  # rapidyaml prints its parse errors; the slow read says them
            tree = _ryml.parse_in_arena(parsed.encode("utf-8"))
        emitted = _ryml.emit_json_malloc(tree, tree.root_id())
        data = (
            None
            if emitted is None
            else json.loads(emitted, object_pairs_hook=_pairs, parse_constant=_refuse_constant)
        )
        data, values = _resolve(data)
    except _TooMany:  # a limit of the whole file: said where the document starts
        line, col = PlainPositions(text).find(())
        raise yamlsource.fatal(
            "yaml-value-limit", display, line + 1, col + 1, reason="plain", limit=MAX_PLAIN_NODES
        ) from None
    except (_Decline, ValueError, RecursionError):
        return None
    except Exception:
        return None
    return Document(data, LazySourceMap(display, text), Findings(), values)


class LazySourceMap(SourceMap):
    """The positions of a plain file, found from its lines when a finding asks for one."""

    def __init__(self, file: str, text: str) -> None:
        super().__init__(file)
        self._text: str | None = text
        self._plain: PlainPositions | None = None

    def position(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Position of the value at `path` (or of its key), else of its nearest parent."""
        if self._plain is None:
            self._plain, self._text = PlainPositions(self._text or ""), None
        return self._plain.find(path, key=key)
