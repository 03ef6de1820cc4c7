"""Where a value stands in a plain data file, found from its lines without reading it all.

A file the fast read took (hsreform.reading.fastyaml) uses only block mappings and lists, flow
lists and mappings written on one line, and unquoted one-line scalars. In such a file
the place of a value follows from the lines alone: a mapping's keys are the lines that
start at its column, a list's items the lines whose `- ` stands at its column. So a
finding's place is found by walking its path down the lines, indexing each list once
(the 30,000th roster entry costs one scan of the roster, the next one a lookup); nothing
is built for the values nobody asks about.

`PlainPositions.find(path)` gives the position of the deepest part of the path it can
follow, as `SourceMap.position` does; anything it does not recognise ends the walk there.
The tests compare every position with the event reader's (tests/test_fastyaml.py).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from hsreform.reading.yamlsource import Path_

_KEY = re.compile(r"([^\s#:\[\]{},](?:[^:\s]|\s+(?![#\s]))*?):(?: +|$)")
"""A key and its colon; a `#` in a key is text unless a blank stands before it."""
_DASH = re.compile(r"- +|-$")
_FLOW_PUNCTUATION = re.compile(r"[\[\]{},]")


@dataclass(frozen=True)
class _Node:
    """A collection's lines: its first and last line (the end excluded), and its column.

    A flow collection (`[a, b]`, `{k: v}`) lives on `first` from column `col`.
    """

    first: int
    end: int
    col: int
    flow: bool = False


class PlainPositions:
    """Positions (0-based line, column) of values and keys in a plain file, on demand."""

    def __init__(self, text: str) -> None:
        # A CRLF file's lines end in "\r", which no key pattern expects: one break is one line.
        self.lines = text.replace("\r\n", "\n").split("\n")
        self._items: dict[tuple[int, int], list[int]] = {}
        self._keys: dict[tuple[int, int], dict[str, tuple[int, int, int]]] = {}
        self._flows: dict[tuple[int, int], list[tuple[int, str]]] = {}
        self._ends: dict[tuple[int, int], int] = {}
        self._asked: set[tuple[int, int]] = set()

    # one line ---------------------------------------------------------------------------

    @functools.cached_property
    def _starts(self) -> list[int]:
        """Each line's `_start`, worked out in one pass when the first position is asked for."""
        starts = []
        for text in self.lines:
            stripped = text.lstrip(" ")
            starts.append(-1 if not stripped or stripped[0] == "#" else len(text) - len(stripped))
        return starts

    @functools.cached_property
    def _first(self) -> int | None:
        """The first line with content (None: the file has none)."""
        return self._next_content(-1)

    def _start(self, line: int) -> int:
        """The column of the first character that is neither blank nor a comment (-1: none)."""
        return self._starts[line]

    def _value_col(self, line: int, col: int) -> int:
        """The column where the item after the `- ` at `col` starts (-1: nothing there).

        The item may itself be a list (`- - x`): it then starts at the second dash.
        """
        text = self.lines[line]
        dash = _DASH.match(text, col)
        if dash is None or dash.end() >= len(text) or text[dash.end()] == "#":
            return -1
        return dash.end()

    def _end(self, first: int, col: int) -> int:
        """The line after the last one that belongs to a block starting at `col` (cached:
        the roster's end is found once, not once per finding in it)."""
        cached = self._ends.get((first, col))
        if cached is not None:
            return cached
        starts = self._starts
        line, last = first + 1, len(starts)
        while line < last:
            start = starts[line]
            if start != -1 and start < col:
                break
            line += 1
        self._ends[(first, col)] = line
        return line

    # walking ----------------------------------------------------------------------------

    def _key(self, node: _Node, key: str) -> tuple[int, int, int] | None:
        """(line, key column, value column) of `key` in the block mapping `node`.

        The first key asked of a mapping is looked for alone (a roster entry is asked once,
        and 50,000 of them must not each build an index); a mapping asked again is indexed.
        """
        where = (node.first, node.col)
        keys = self._keys.get(where)
        if keys is not None:
            return keys.get(key)
        if where not in self._asked:
            self._asked.add(where)
            return next((found for name, found in self._key_lines(node, key) if name == key), None)
        keys = {}
        for name, found in self._key_lines(node):
            keys.setdefault(name, found)
        self._keys[where] = keys
        return keys.get(key)

    def _key_lines(
        self, node: _Node, prefix: str = ""
    ) -> Iterator[tuple[str, tuple[int, int, int]]]:
        """The keys of the block mapping `node` that start with `prefix`, in order: each with
        (line, key column, value column)."""
        col, starts, lines = node.col, self._starts, self.lines
        for line in range(node.first, node.end):
            if line > node.first and starts[line] != col:
                continue
            text = lines[line]
            if prefix and not text.startswith(prefix, col):
                continue
            match = _KEY.match(text, col)
            if match is not None:
                after = match.end()
                value = after if after < len(text) and text[after] != "#" else -1
                yield match.group(1).rstrip(), (line, col, value)

    def _item_lines(self, node: _Node) -> list[int]:
        """The lines whose `- ` at `node.col` starts an item of the block list `node`."""
        cached = self._items.get((node.first, node.col))
        if cached is not None:
            return cached
        found = []
        for line in range(node.first, node.end):
            text = self.lines[line]
            if (line == node.first or self._start(line) == node.col) and _DASH.match(
                text, node.col
            ):
                found.append(line)
        self._items[(node.first, node.col)] = found
        return found

    def _flow(self, line: int, col: int, part: str | int) -> tuple[int, int] | None:
        """(key column, value column) of the key `part` of the flow mapping at `col`, or of
        item `part` of the flow list there (both the item's column)."""
        entries = self._flow_entries(line, col)
        if isinstance(part, int):
            if 0 <= part < len(entries):
                return entries[part][0], entries[part][0]
            return None
        for begin, item in entries:
            key, colon, rest = item.partition(":")
            if colon and key.strip() == part:
                return begin, begin + len(item) - len(rest.lstrip(" "))
            if not colon and item.strip() == part:  # `{a: 1, b}`: b is null
                return begin, begin + len(item)
        return None

    def _flow_entries(self, line: int, col: int) -> list[tuple[int, str]]:
        """The entries of the flow collection at `col`: each one's column and text (cached:
        a list of a million numbers is split once, not once per number asked for)."""
        cached = self._flows.get((line, col))
        if cached is not None:
            return cached
        text = self.lines[line]
        entries: list[tuple[int, str]] = []
        depth, start = 0, col + 1
        for match in _FLOW_PUNCTUATION.finditer(text, col + 1):
            char, pos = match.group(), match.start()
            if char in "[{":
                depth += 1
            elif char in "]}" and depth:
                depth -= 1
            elif not depth:  # `,` or the closing bracket
                item = text[start:pos].rstrip(" ")
                begin = start + len(item) - len(item.lstrip(" "))
                if item.strip():
                    entries.append((begin, item.lstrip(" ")))
                start = pos + 1
                if char != ",":
                    break
        self._flows[(line, col)] = entries
        return entries

    def _child(
        self, node: _Node, part: str | int
    ) -> tuple[_Node, tuple[int, int], tuple[int, int]] | None:
        """The node at `part` below `node`, with its key's and its value's positions."""
        if node.flow:
            found = self._flow(node.first, node.col, part)
            if found is None:
                return None
            key_col, value_col = found
            return (
                _Node(node.first, node.first + 1, value_col, True),
                (node.first, key_col),
                (node.first, value_col),
            )
        if isinstance(part, int):
            items = self._item_lines(node)
            if not 0 <= part < len(items):
                return None
            line = items[part]
            value_col = self._value_col(line, node.col)
            if value_col == -1:  # `-` alone: the item continues on the next lines, or is null
                nxt = self._next_content(line)
                if nxt is None or self._start(nxt) <= node.col:
                    null = node.col + 1
                    return _Node(line, line + 1, null), (line, node.col), (line, null)
                return self._below(nxt, (line, node.col))
            return self._placed(line, value_col, (line, node.col))
        entry = self._key(node, part)
        if entry is None:
            return None
        line, key_col, value_col = entry
        if value_col == -1:  # `key:` alone: its value is on the next lines, or is null
            nxt = self._next_content(line)
            if nxt is None or not self._nested(nxt, key_col):
                null = self.lines[line].index(":", key_col) + 1
                return _Node(line, line + 1, null), (line, key_col), (line, null)
            return self._below(nxt, (line, key_col))
        return self._placed(line, value_col, (line, key_col))

    def _placed(
        self, line: int, col: int, key: tuple[int, int]
    ) -> tuple[_Node, tuple[int, int], tuple[int, int]]:
        """The value starting at (`line`, `col`): a flow collection, or a block one whose
        first entry shares the line (`- id: x`), or a scalar."""
        char = self.lines[line][col]
        if char in "[{":
            return _Node(line, line + 1, col, True), key, (line, col)
        return _Node(line, self._end(line, col), col), key, (line, col)

    def _below(
        self, line: int, key: tuple[int, int]
    ) -> tuple[_Node, tuple[int, int], tuple[int, int]]:
        col = self._start(line)
        return _Node(line, self._end(line, col), col), key, (line, col)

    def _nested(self, line: int, col: int) -> bool:
        """Whether `line` holds the value of a key at `col`: deeper, or a `- ` at `col`."""
        start = self._start(line)
        return start > col or (start == col and _DASH.match(self.lines[line], col) is not None)

    def _next_content(self, line: int) -> int | None:
        for nxt in range(line + 1, len(self.lines)):
            if self._start(nxt) != -1:
                return nxt
        return None

    def find(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """The position of the value at `path` (or of its key), else of its deepest parent."""
        first = self._first
        if first is None:
            return (0, 0)
        col = self._start(first)
        node = _Node(first, len(self.lines), col)
        if self.lines[first][col] in "[{":
            node = _Node(first, first + 1, col, True)
        position = (first, col)
        for n, part in enumerate(path):
            child = self._child(node, part)
            if child is None:
                return position
            node, key_at, value_at = child
            at_key = key and n == len(path) - 1 and isinstance(part, str)
            position = key_at if at_key else value_at
        return position
