"""Changes to round-trip YAML nodes that leave every other line of the file as it was.

ruamel.yaml keeps a comment with the key or list item *before* it: the comment lines after
a key belong to that key, and whatever follows the last item of a list (a blank line, a
comment about the next section) belongs to that last item. So removing a key would lose
the comment lines below it, and appending to a list would put the new item below comments
that are about what comes after the list. The helpers here move such comment lines to
where they keep their place in the file.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken

from hsreform.edit.roundtrip import BareElided

POST = 2
"""Index of the comment after a mapping value in ruamel's `ca.items[key]`."""


def flow_map(*pairs: tuple[str, Any]) -> CommentedMap:
    """A mapping written on one line, `{status: done, done_on: 2020-06-04}`."""
    out = CommentedMap(pairs)
    out.fa.set_flow_style()
    return out


def block_seq(items: list[Any] | None = None) -> CommentedSeq:
    """A list written one item per line (what `[]` becomes once it has items)."""
    out = CommentedSeq(items or [])
    out.fa.set_block_style()
    return out


def _split(token: CommentToken) -> tuple[str, list[str]]:
    """A comment token as (same-line comment, the full lines after it)."""
    lines = token.value.split("\n")
    return lines[0], lines[1:-1] if lines[-1] == "" else lines[1:]


def _join(first: str, lines: list[str]) -> str:
    return first + "\n" + "".join(line + "\n" for line in lines)


def _add_lines(mapping: CommentedMap, key: Any, lines: list[str]) -> None:
    """Put full comment (or blank) lines after `key`'s value, below any already there."""
    if not lines:
        return
    value = mapping[key]
    if _is_block(value):
        if isinstance(value, CommentedMap):
            _add_lines(value, list(value)[-1], lines)
        elif _is_block(value[-1]) and isinstance(value[-1], CommentedMap):
            _add_lines(value[-1], list(value[-1])[-1], lines)
        else:  # after a list's last item: ruamel keeps such lines at the list's end
            end = getattr(value.ca, "end", None) or []
            for line in lines:
                indent = len(line) - len(line.lstrip(" "))
                end.append(CommentToken(line.lstrip(" ") + "\n", CommentMark(indent)))
            value.ca.end = end
            if value.ca.comment is None:  # else ruamel's representer drops `end`
                value.ca.comment = [None, None]
        return
    entry = mapping.ca.items.setdefault(key, [None, None, None, None])
    token = entry[POST]
    if token is None:
        entry[POST] = CommentToken(_join("", lines), CommentMark(0))
    else:
        first, rest = _split(token)
        token.value = _join(first, rest + lines)


def _is_block(node: Any) -> bool:
    """A non-empty list or mapping written in block style (one entry a line)."""
    return isinstance(node, CommentedMap | CommentedSeq) and bool(node) and not node.fa.flow_style()


def replace_key(mapping: CommentedMap, old: str, new: str, value: Any) -> None:
    """`new: value` in `old`'s place, keeping the comments that were after `old`."""
    keys = list(mapping)
    position = keys.index(old)
    comment = mapping.ca.items.pop(old, None)
    del mapping[old]
    mapping.insert(position, new, value)
    if comment is not None:
        mapping.ca.items[new] = comment


def drop_key(mapping: CommentedMap, key: str) -> Any:
    """Remove `key` and return its value; full comment lines below it stay in the file."""
    keys = list(mapping)
    comment = mapping.ca.items.pop(key, None)
    value = mapping.pop(key)
    if comment is not None and comment[POST] is not None:
        _, lines = _split(comment[POST])
        index = keys.index(key)
        if index > 0:
            _add_lines(mapping, keys[index - 1], lines)
    return value


def insert_after(mapping: CommentedMap, after: tuple[str, ...], key: str, value: Any) -> None:
    """Put `key` right after the last of `after` that the mapping has (else at its end).

    Comment lines below that key stay where they are, above the new one; but at the end
    of a block mapping, blank lines and comments indented less than its keys are about
    what follows the mapping: they move below the new key.
    """
    keys = list(mapping)
    places = [keys.index(k) + 1 for k in after if k in keys]
    position = max(places, default=len(keys))
    column = mapping.lc.col
    tail = _tail(mapping) if position == len(keys) and column is not None else None
    mapping.insert(position, key, value)
    if tail is not None:
        _add_lines(mapping, key, tail(column - 1))


def set_block(mapping: CommentedMap, key: str, seq: CommentedSeq, column: int) -> None:
    """Make `key`'s value the (non-empty) block list `seq`, in place of `[]` or nothing.

    Its dashes stand at `column`. A comment on `key`'s line stays there; the lines below
    it move below the list.
    """
    for item in seq:
        if isinstance(item, CommentedMap) and item.lc.col is None:
            item.lc.col = column + 2
    entry = mapping.ca.items.get(key)
    lines: list[str] = []
    if entry is not None and entry[POST] is not None:
        first, lines = _split(entry[POST])
        entry[POST].value = first + "\n"
    mapping[key] = seq
    _add_lines(mapping, key, lines)


def add_item(seq: CommentedSeq, item: CommentedMap, column: int, index: int | None = None) -> None:
    """Put `item` into a block list whose dashes stand at `column`: at `index`, else last.

    Blank lines and comments that follow the item before it at the dashes' indentation or
    less are about what comes next (the next item, or what follows the list): they move
    below the new item, so they still stand just above what they are about.
    """
    index = len(seq) if index is None else index
    tail = _tail(seq[index - 1]) if index > 0 else None
    seq.insert(index, item)
    if item.lc.col is None:  # later insertions ask where its keys stand: after "- "
        item.lc.col = column + 2
    if tail is not None and item:
        _add_lines(item, list(item)[-1], tail(column))


def _tail(node: Any) -> Any:
    """A function taking the trailing lines (from the first outer one) off `node`'s end, or None.

    The function takes the dashes' column and returns the lines it took.
    """
    if type(node) is BareElided:  # an entry left unread, with no lines below its content
        return None
    if isinstance(node, CommentedMap) and node and not node.fa.flow_style():
        last = list(node)[-1]
        inner = node[last]
        if isinstance(inner, CommentedMap | CommentedSeq) and inner and not inner.fa.flow_style():
            deeper = _tail(inner)
            if deeper is not None:
                return deeper
            return _end_taker(inner)
        entry = node.ca.items.get(last)
        if entry is not None and entry[POST] is not None:
            return _token_taker(entry, POST)
    if isinstance(node, CommentedSeq) and node and not node.fa.flow_style():
        deeper = _tail(node[-1])
        if deeper is not None:
            return deeper
        return _end_taker(node)
    return None


def _token_taker(entry: list[Any], index: int) -> Any:
    def take(column: int) -> list[str]:
        first, lines = _split(entry[index])
        cut = next(
            (
                i
                for i, line in enumerate(lines)
                if not line.strip() or len(line) - len(line.lstrip(" ")) <= column
            ),
            len(lines),
        )
        entry[index].value = _join(first, lines[:cut])
        return lines[cut:]

    return take


def _end_taker(node: CommentedMap | CommentedSeq) -> Any:
    """Comments ruamel keeps at the end of a nested collection (`ca.end`), one token a line."""
    end = getattr(node.ca, "end", None)
    if not end:
        return None

    def take(column: int) -> list[str]:
        kept: list[CommentToken] = []
        moved: list[str] = []
        for token in end:
            indent = token.column if token.column is not None else 0
            if moved or indent <= column:
                text = token.value.rstrip("\n")
                moved += [(" " * indent + line) if line else "" for line in text.split("\n")]
                moved += [""] * (token.value.count("\n") - 1 - text.count("\n"))
            else:
                kept.append(token)
        node.ca.end = kept
        return moved

    return take
