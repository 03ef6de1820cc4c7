"""Round-trip YAML: read a data file for editing, write it back with every untouched byte kept.

ruamel.yaml's round-trip mode keeps comments, key order, quoting and flow or block style;
what it needs told is the indentation, the line width (never fold) and, outside YAML, the
byte order mark and the line endings. A file is edited only if reading and writing it
unchanged gives back exactly its bytes, so no edit can disturb a layout we cannot reproduce.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from hsreform.common.errors import HsreformError
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
        self.yaml.dump(self.data, stream)
        text = self.head + stream.getvalue()
        if not self.final_newline:
            text = text.removesuffix("\n")
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        return ((BOM if self.bom else "") + text).encode("utf-8")

    @property
    def changed(self) -> bool:
        """Whether writing now would change the file."""
        return self.dumps() != self.original


MAX_EDIT_BYTES = 1024 * 1024
"""Largest data file an edit parses or writes (round-trip parsing and writing cost about a
hundred times plain loading: 2 to 5 s per MiB); the largest real file, the example's
tasks.yaml, has 61 KB. `validate` reads up to 10 MiB."""


def read(path: Path, display: str) -> Editable:
    """`path` ready for editing, or a `HsreformError` when its layout cannot be kept exactly
    (or it is no regular file within `MAX_EDIT_BYTES`, `hsreform.confined`)."""
    try:
        original = confined.read(path, display, MAX_EDIT_BYTES)
    except OSError as exc:
        raise HsreformError(
            "edit.unreadable", path=display, reason=exc.strerror or str(exc)
        ) from None
    return parse(path, original, display)


def parse(path: Path, original: bytes, display: str) -> Editable:
    """The bytes `original` of `path`, ready for editing (see `read`)."""
    text = original.decode("utf-8")
    bom = text.startswith(BOM)
    body = text.removeprefix(BOM)
    newline = "\r\n" if "\r\n" in body else "\n"
    body = body.replace("\r\n", "\n")  # written back as it came, see Editable.dumps
    head, body = _head(body)
    final_newline = body.endswith("\n") or not body
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
        editable = Editable(path, original, data, yaml, bom, newline, head, final_newline)
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


def new(path: Path, text: str) -> Editable:
    """A file not written yet, starting from `text` (in the data files' layout), ready for editing."""
    yaml = _yaml(_INDENTS[0])
    return Editable(path, b"", yaml.load(text), yaml, bom=False, newline="\n")
