"""Round-trip YAML: read a data file for editing, write it back with every untouched byte kept.

ruamel.yaml's round-trip mode keeps comments, key order, quoting and flow or block style;
what it needs told is the indentation, the line width (never fold) and, outside YAML, the
byte order mark and the line endings. A file is edited only if reading and writing it
unchanged gives back exactly its bytes, so no edit can disturb a layout we cannot reproduce.

Round-trip reading is slow (some 0.25 MB/s: the example's tasks.yaml, 61 kB, takes 0.2 s,
and half as long again to write back, which a read does too, to check). An edit names the items of the file's top-level
lists that it changes (a task, a posting, a unit's catalogue): `parse(..., keep=...)` reads
those, and stands one line in for each other item of those lists, whose bytes are put back
as they were when the file is written. This is done only for a plain file (one the fast
read takes, `hsreform.reading.fastyaml`: no multi-line values, so an item's lines are found from
the lines alone), and the file read so must itself give back exactly its bytes. An item
left unread is an `Elided`: an edit that reaches into one raises `WholeFileNeeded`, and the
session reads the whole file and does the edit again.

One level down the same is done for an item's `progress`, one entry a unit, which grows with
every unit and every state recorded: where `keep` gives, for an item it names, the units an
edit touches (`{"goals": {0: {"tax-bureau"}}}`), the other entries of the item's `progress`
block list are left unread too, each one whose first line names its unit plainly
(`- unit: tax-bureau`). Such an entry still tells its unit (`Editable.unit_of`), so that an
edit can find its own entry, or the place for a new one, among them.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from hsreform.common.errors import HsreformError
from hsreform.edit.write import MAX_EDIT_BYTES
from hsreform.reading import confined

BOM = "\ufeff"
_INDENTS = (
    (2, 4, 2), (2, 2, 0), (4, 4, 2), (2, 2, 2), (4, 6, 4), (4, 4, 0), (2, 4, 0),
    (3, 5, 3), (3, 3, 0), (3, 3, 1), (3, 6, 3),
)  # fmt: skip
"""(mapping, sequence, offset) layouts tried in turn; the data files use the first."""


def _yaml(indent: tuple[int, int, int]) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # never fold a long Chinese line
    mapping, sequence, offset = indent
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    # One date put in two places must be written twice, not as an anchor and an alias.
    keep = yaml.representer.ignore_aliases
    # A scalar the file itself anchors (`&first 2020-06-05`) keeps its anchor and aliases.
    yaml.representer.ignore_aliases = lambda data: (
        (isinstance(data, str | int | float | dt.date) and not _anchored(data)) or keep(data)
    )
    return yaml


class WholeFileNeeded(Exception):
    """An edit reached into a list item that was not read (an `Elided`): read the whole file."""


def _refuse(*_: Any, **__: Any) -> NoReturn:
    raise WholeFileNeeded


Keep = Mapping[str, Collection[int] | Mapping[int, Collection[str]]]
"""What an edit names of a file: top-level list key → the indices of its items it reads, or
index → the units whose `progress` entries of that item it reads (the other entries left)."""


class Elided(CommentedMap):
    """A list item left unread: looking into it in any way raises `WholeFileNeeded`.

    A mapping to `isinstance` (the items left out are block mappings), so that code which
    walks a list asks it for its keys, and so finds out, rather than passing it by.
    """

    __slots__ = ()

    def __getattribute__(self, name: str) -> Any:
        if name == "__class__":  # isinstance asks this
            return Elided
        raise WholeFileNeeded

    def __repr__(self) -> str:
        return "<an item left unread>"

    __len__ = __iter__ = __reversed__ = __contains__ = _refuse
    __getitem__ = __setitem__ = __delitem__ = _refuse
    __eq__ = __ne__ = __or__ = __ror__ = __ior__ = _refuse
    __copy__ = __deepcopy__ = __reduce__ = __reduce_ex__ = __sizeof__ = _refuse


class BareElided(Elided):
    """An `Elided` whose lines end with its content, no comment or blank line below it: an
    item put after it takes none of its lines (see `hsreform.edit.nodes.add_item`)."""

    __slots__ = ()


@dataclass
class _Parts:
    """The items a file was read without: which lists hold them, and their bytes."""

    lists: list[CommentedSeq]
    tokens: dict[int, str]
    """id() of each `Elided` → the text standing in for it in the file that was read."""
    lines: dict[str, str]
    """The line standing in for each item → the item's own lines, joined."""
    keep: list[Elided] = field(default_factory=list)
    """The `Elided` themselves (their ids stay theirs while they live)."""
    units: dict[int, str] = field(default_factory=dict)
    """id() of each `Elided` entry of a `progress` list → the unit its first line names."""


def _anchored(data: Any) -> bool:
    """Whether `data` was read with an anchor of its own (ruamel keeps it on the value)."""
    return getattr(getattr(data, "anchor", None), "value", None) is not None


@dataclass
class Editable:
    """A data file read for editing: its round-trip data and how to write it back."""

    path: Path
    original: bytes
    data: Any
    yaml: YAML
    bom: bool
    newline: str
    parts: _Parts | None = None
    """Set when items of the file were left unread (`parse(..., keep=...)`)."""
    head: str = ""
    """Directives and the `---` line before the document, kept as they were."""
    final_newline: bool = True
    """Whether the file ends with a line break (ruamel always writes one)."""

    @property
    def dash_offset(self) -> int:
        """How far a list item's content stands right of its dash (`- ` is 2)."""
        return int(self.yaml.sequence_indent or 2) - int(self.yaml.sequence_dash_offset or 0)

    def dash_column(self, key_column: int) -> int:
        """Where the dashes of a block list stand under a key at `key_column`."""
        return key_column + int(self.yaml.sequence_dash_offset or 0)

    settled: bytes | None = None
    """The bytes once the edit is done with the file (`settle`): `dumps` gives them at once."""

    def settle(self) -> bytes:
        """The file's bytes now, kept: the edit changes nothing more (a 1 MiB file takes
        seconds to write out; the session asks for it again)."""
        self.settled = None
        self.settled = self.dumps()
        return self.settled

    def dumps(self) -> bytes:
        """The file's bytes as they would be written now."""
        if self.settled is not None:
            return self.settled
        stream = io.StringIO()
        if self.parts is None:
            self.yaml.dump(self.data, stream)
            text = stream.getvalue()
        else:
            text = _put_back(self.parts, self._dump_parts(self.parts))
        text = self.head + text
        if not self.final_newline:
            text = text.removesuffix("\n")
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        return ((BOM if self.bom else "") + text).encode("utf-8")

    def _dump_parts(self, parts: _Parts) -> str:
        """The YAML of the data as read, each `Elided` written as the line standing in for it."""
        swapped: list[tuple[CommentedSeq, int, Elided]] = []
        try:
            for seq in parts.lists:
                for index, item in enumerate(seq):
                    if type(item) in (Elided, BareElided):
                        swapped.append((seq, index, item))
                        list.__setitem__(seq, index, parts.tokens[id(item)])
            stream = io.StringIO()
            self.yaml.dump(self.data, stream)
            return stream.getvalue()
        finally:
            for seq, index, item in swapped:
                list.__setitem__(seq, index, item)

    def unit_of(self, entry: Any) -> Any:
        """The `unit` of an entry of a `progress` list, also of one left unread."""
        if isinstance(entry, Elided):
            if self.parts is None or id(entry) not in self.parts.units:
                raise WholeFileNeeded
            return self.parts.units[id(entry)]
        return entry.get("unit")

    @property
    def changed(self) -> bool:
        """Whether writing now would change the file."""
        return self.dumps() != self.original


def _put_back(parts: _Parts, text: str) -> str:
    """`text` with each line standing in for an item replaced by the item's own lines.

    Each must be there once, as it was read; else (an edit that moved or dropped an item
    it did not read) the whole file is needed.
    """
    lines = text.split("\n")
    found = 0
    for number, line in enumerate(lines):
        item = parts.lines.get(line)
        if item is not None:
            lines[number] = item
            found += 1
    if found != len(parts.lines):
        raise WholeFileNeeded
    return "\n".join(lines)


def read(path: Path, display: str) -> Editable:
    """`path` ready for editing, or a `HsreformError` when its layout cannot be kept exactly
    (or it is no regular file within `MAX_EDIT_BYTES`, `hsreform.reading.confined`)."""
    try:
        original = confined.read(path, display, MAX_EDIT_BYTES)
    except OSError as exc:
        raise HsreformError(
            "edit.unreadable", path=display, reason=exc.strerror or str(exc)
        ) from None
    return parse(path, original, display)


def parse(path: Path, original: bytes, display: str, keep: Keep | None = None) -> Editable:
    """The bytes `original` of `path`, ready for editing (see `read`).

    With `keep`, the file is plain (as the fast read found) and only the items `keep` names
    of its top-level block lists (key → indices) are read; the other items of those lists
    are `Elided`, and so are the entries of their `progress` lists whose units `keep` does
    not name where it names some (see the module's docstring).
    """
    text = original.decode("utf-8")
    bom = text.startswith(BOM)
    body = text.removeprefix(BOM)
    newline = "\r\n" if "\r\n" in body else "\n"
    body = body.replace("\r\n", "\n")  # written back as it came, see Editable.dumps
    head, body = _head(body)
    final_newline = body.endswith("\n") or not body
    if keep is not None:
        editable = _parse_parts(path, original, body, bom, newline, keep, head, final_newline)
        if editable is not None:
            return editable
    first_dump = ""
    for indent in _INDENTS:
        yaml = _yaml(indent)
        try:
            data = yaml.load(body)
        except MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = (mark.line + 1 + head.count("\n")) if mark else 1
            col = mark.column + 1 if mark else 1
            raise HsreformError(
                "edit.yaml_unsupported",
                path=f"{display}:{line}:{col}",
                detail=str(exc.problem or exc.context or "")[:200],
            ) from None
        except (YAMLError, RecursionError, ValueError):
            raise HsreformError("edit.layout", path=display, line=1) from None
        editable = Editable(
            path, original, data, yaml, bom, newline, head=head, final_newline=final_newline
        )
        if not editable.changed:
            return editable
        first_dump = first_dump or editable.dumps().decode("utf-8", "replace")
    raise HsreformError("edit.layout", path=display, line=_first_difference(text, first_dump))


def _head(body: str) -> tuple[str, str]:
    """The directives (`%YAML 1.2`) and the `---` line that open `body`, and the rest."""
    if not body.startswith(("%", "---")):
        return "", body
    lines = body.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.startswith("---") and line[3:4] in ("", "\n", " ", "\t"):
            rest = line[3:].strip()
            if rest and not rest.startswith("#"):  # `--- value`: content on the line
                return "", body
            return "".join(lines[: i + 1]), "".join(lines[i + 1 :])
        if not line.startswith(("%", "#")) and line.strip():
            return "", body
    return "", body


def _first_difference(original: str, dumped: str) -> int:
    """The first line (1-based) where `dumped` differs from `original`."""
    old = original.removeprefix(BOM).replace("\r\n", "\n").split("\n")
    new = dumped.removeprefix(BOM).replace("\r\n", "\n").split("\n")
    for number, (a, b) in enumerate(zip(old, new, strict=False), start=1):
        if a != b:
            return number
    return min(len(old), len(new))


_TOP_KEY = re.compile(r"([^\s#'\"\-?:,\[\]{}&*!|>%@`][^:]*):[ ]*(?:#.*)?$")
"""A key at the start of a line with nothing after it (a block value follows below)."""
_ITEM = re.compile(r"-( +)(?=[^\s#'\"\-?:,\[\]{}&*!|>%@`][^:]*:(?: |$))")
"""A list item's dash, where the item is a block mapping (`- key: ...`)."""
_STAND_IN = "hsreform-elided-"


def _content(line: str) -> int:
    """The column of the line's first character that is neither blank nor a comment (-1: none)."""
    stripped = line.lstrip(" ")
    return -1 if not stripped or stripped[0] == "#" else len(line) - len(stripped)


def _parse_parts(
    path: Path,
    original: bytes,
    body: str,
    bom: bool,
    newline: str,
    keep: Keep,
    head: str,
    final_newline: bool,
) -> Editable | None:
    """The file read without the items `keep` does not name, or None when that cannot be
    done so as to give back exactly its bytes (the whole file is read then)."""
    token = _STAND_IN
    while token in body:
        token += "x"
    reduced, stand_ins = _stand_ins(body, keep, token)
    if not stand_ins:
        return None
    for indent in _INDENTS:
        yaml = _yaml(indent)
        try:
            data = yaml.load(reduced)
        except Exception:  # what it cannot read, the whole file's reading says
            return None
        parts = _elide(data, {s.text: s for s in stand_ins.values()})
        if parts is None:
            return None
        parts.lines = {line: s.lines for line, s in stand_ins.items()}
        editable = Editable(
            path,
            original,
            data,
            yaml,
            bom,
            newline,
            parts=parts,
            head=head,
            final_newline=final_newline,
        )
        try:
            if not editable.changed:
                return editable
        except WholeFileNeeded:
            return None
    return None


def _is_dash(line: str, column: int) -> bool:
    """Whether a list item's dash stands at `column` of `line` (`- ...`, or `-` alone)."""
    return line.startswith("- ", column) or line == " " * column + "-"


def _stand_ins(body: str, keep: Keep, token: str) -> tuple[str, dict[str, _StandIn]]:
    """`body` with a line standing in for each item of a top-level block list that `keep`
    does not name, and for each entry of a named item's `progress` whose unit it does not
    name (where it names units); and, for each such line, what it stands in for.

    An item's lines run from its dash to the next dash of its list (or the list's end):
    comment and blank lines below an item belong to it, as ruamel.yaml reads them too.
    """
    lines = body.split("\n")
    last = len(lines) - 1 if lines[-1] == "" else len(lines)  # after the final line break
    starts = [_content(line) for line in lines[:last]]
    out: list[str] = []
    stand_ins: dict[str, _StandIn] = {}
    number = 0
    while number < last:
        line = lines[number]
        out.append(line)
        number += 1
        key = _TOP_KEY.match(line) if starts[number - 1] == 0 else None
        if key is None:
            continue
        while number < last and starts[number] == -1:
            out.append(lines[number])
            number += 1
        if number == last or not _is_dash(lines[number], starts[number]):
            continue
        dash, items, number = _block_items(lines, starts, number, last)
        kept = keep.get(key.group(1).rstrip(), ())
        for index, first in enumerate(items):
            end = items[index + 1] if index + 1 < len(items) else number
            item = _ITEM.match(lines[first], dash)
            if item is not None and index in kept and isinstance(kept, Mapping):
                out += _entries(
                    lines, starts, (first, end), item.end(), kept[index], token, stand_ins
                )
            elif index in kept or item is None:
                out += lines[first:end]
            else:
                out.append(_stand_in(lines, (first, end), item.end(), token, stand_ins))
    out += lines[last:]
    return "\n".join(out), stand_ins


@dataclass(frozen=True)
class _StandIn:
    """What a line standing in for an item stands for."""

    text: str
    """The line's text once read (a string in its list)."""
    lines: str
    """The item's own lines, joined."""
    unit: str | None
    """The unit of an entry of `progress` (None: an item of a top-level list)."""
    bare: bool
    """Whether the item's last line is content (no comment or blank line below it)."""


def _stand_in(
    lines: list[str],
    span: tuple[int, int],
    column: int,
    token: str,
    stand_ins: dict[str, _StandIn],
    unit: str | None = None,
) -> str:
    """The line standing in for the item `lines[first:end]`, whose dash ends at `column`."""
    first, end = span
    text = f"{token}{len(stand_ins)}"
    stand_in = lines[first][:column] + text
    bare = _content(lines[end - 1]) != -1
    stand_ins[stand_in] = _StandIn(text, "\n".join(lines[first:end]), unit, bare)
    return stand_in


def _block_items(
    lines: list[str], starts: list[int], number: int, last: int
) -> tuple[int, list[int], int]:
    """The block list whose first dash is on line `number`: the dashes' column, the line of
    each item's dash, and the line after the list (before `last`)."""
    dash, items = starts[number], []
    while number < last:
        start = starts[number]
        if start != -1 and start <= dash:
            if start < dash or not _is_dash(lines[number], dash):
                break
            items.append(number)
        number += 1
    return dash, items, number


_PROGRESS = re.compile(r"progress:[ ]*$")
"""An item's `progress` key with its block list below."""
_UNIT_ENTRY = re.compile(
    r"-( +)unit:[ ]+([A-Za-z\u3400-\u9fff\uf900-\ufaff][A-Za-z0-9_\-\u3400-\u9fff\uf900-\ufaff]*)$"
)
"""An entry of `progress` that begins with its unit, a plain word ruamel.yaml reads as that
very string (not a number, a date, a boolean, nor anything quoted or commented)."""
_NOT_STRINGS = frozenset(
    ("true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf")
)


def _entries(
    lines: list[str],
    starts: list[int],
    span: tuple[int, int],
    column: int,
    units: Collection[str],
    token: str,
    stand_ins: dict[str, _StandIn],
) -> list[str]:
    """The lines `first:end` of an item whose keys stand at `column`, with a line standing in
    for each entry of its `progress` block list whose unit is not one of `units`."""
    first, end = span
    out = [lines[first]]
    number = first + 1
    while number < end:
        line = lines[number]
        out.append(line)
        number += 1
        if starts[number - 1] != column or not _PROGRESS.match(line, column):
            continue
        while number < end and starts[number] == -1:
            out.append(lines[number])
            number += 1
        if number == end or starts[number] < column or not _is_dash(lines[number], starts[number]):
            continue
        dash, items, number = _block_items(lines, starts, number, end)
        for index, top in enumerate(items):
            stop = items[index + 1] if index + 1 < len(items) else number
            entry = _UNIT_ENTRY.match(lines[top], dash)
            unit = entry.group(2) if entry is not None else None
            if entry is None or unit in units or str(unit).lower() in _NOT_STRINGS:
                out += lines[top:stop]
            else:
                out.append(
                    _stand_in(
                        lines, (top, stop), dash + 1 + len(entry.group(1)), token, stand_ins, unit
                    )
                )
    return out


def _elide(data: Any, stand_ins: Mapping[str, _StandIn]) -> _Parts | None:
    """Each stand-in, read as a string, made an `Elided`; None if one is not found so."""
    if not isinstance(data, CommentedMap):
        return None
    parts = _Parts([], {}, {})
    for value in data.values():
        if isinstance(value, CommentedSeq):
            _elide_in(value, stand_ins, parts, nested=False)
    return parts if len(parts.tokens) == len(stand_ins) else None


def _elide_in(
    seq: CommentedSeq, stand_ins: Mapping[str, _StandIn], parts: _Parts, *, nested: bool
) -> None:
    """The stand-ins among the items of `seq` made `Elided` (and, in an item of a top-level
    list, those of its `progress`)."""
    held = False
    for index, item in enumerate(seq):
        if type(item) is CommentedMap and not nested:
            entries = item.get("progress")
            if isinstance(entries, CommentedSeq):
                _elide_in(entries, stand_ins, parts, nested=True)
        if not isinstance(item, str) or item not in stand_ins:
            continue
        stand_in = stand_ins[item]
        if (stand_in.unit is not None) != nested:
            continue  # not where it stood: the count in `_elide` tells
        kind = BareElided if nested and stand_in.bare else Elided
        elided = kind.__new__(kind)
        parts.keep.append(elided)
        parts.tokens[id(elided)] = item
        if stand_in.unit is not None:
            parts.units[id(elided)] = stand_in.unit
        list.__setitem__(seq, index, elided)
        held = True
    if held:
        parts.lists.append(seq)


def new(path: Path, text: str) -> Editable:
    """A file not written yet, starting from `text` (in the data files' layout), ready for editing."""
    yaml = _yaml(_INDENTS[0])
    return Editable(path, b"", yaml.load(text), yaml, bom=False, newline="\n")
