"""Lines of Chinese text folded as Chinese is set: between any two characters.

Rich folds text at blanks only, so a Chinese sentence with one Latin word in it (a file
name, an id) breaks at the blank beside that word and leaves the line before it half
empty, and a long Chinese cell in a table breaks wherever the width runs out, a 、 or ）
starting the next line. Here a line may break between any two Chinese characters, and at
blanks; a Latin word or a number stays whole (unless it is wider than the line); and the
rules of Chinese typesetting hold: closing punctuation (，。、）” …) never starts a line,
opening punctuation (（“《 …) never ends one.

`Folded` is a renderable for the terminal (a paragraph, a table cell); `lines` gives the
lines of plain text.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator, Sequence

from rich.cells import cell_len, chop_cells
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

CLOSING = frozenset("，。、；：？！）］｝〕〉》」』】〗〙〛”’…～·・%％,.;:?!)]}>")
"""What may not start a line: it closes what comes before it."""
OPENING = frozenset("（［｛〔〈《「『【〖〘〚“‘([{<")
"""What may not end a line: it opens what comes after it."""
_LATIN = re.compile(r"[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+")
"""A run that stays whole: Latin letters, digits and their punctuation (a word, a number,
a path)."""


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def units(text: str, keep: Sequence[tuple[int, int]] = ()) -> Iterator[tuple[int, int]]:
    """(start, end) of each piece no break may fall inside: a Chinese character with the
    punctuation that clings to it, a Latin run, a blank; and each span of `keep` whole."""
    pieces: list[list[int]] = []
    n = 0
    while n < len(text):
        match = _LATIN.match(text, n) if not _wide(text[n]) else None
        end = match.end() if match else n + 1
        if text[n].isspace():
            end = n + 1
        pieces.append([n, end])
        n = end
    merged: list[list[int]] = []
    for piece in pieces:
        char = text[piece[0]]
        previous = text[merged[-1][1] - 1] if merged else ""
        if merged and (
            (char in CLOSING and not previous.isspace())
            or (previous in OPENING and not char.isspace())
        ):
            merged[-1][1] = piece[1]
        else:
            merged.append(piece)
    for first, last in keep:  # each kept span: the pieces it touches made one
        inside = [p for p in merged if p[1] > first and p[0] < last]
        if len(inside) > 1:
            inside[0][1] = inside[-1][1]
            merged = [p for p in merged if p is inside[0] or p not in inside[1:]]
    for start, end in merged:
        yield start, end


def offsets(text: str, width: int, keep: Sequence[tuple[int, int]] = ()) -> list[int]:
    """Where to break `text` (no line breaks in it) so that no line is wider than `width`."""
    breaks: list[int] = []
    used = 0
    for start, end in units(text, keep):
        piece = text[start:end]
        size = cell_len(piece)
        if piece.isspace():
            used += size
            continue
        if used + size <= width:
            used += size
            continue
        if size > width:  # wider than a line: folded by cells
            parts = _chopped(piece, width)
            at = start
            if used and start:
                breaks.append(start)
            for part in parts[:-1]:
                at += len(part)
                breaks.append(at)
            used = cell_len(parts[-1])
            continue
        if start:
            breaks.append(start)
        used = size
    return breaks


def _chopped(piece: str, width: int) -> list[str]:
    """A piece wider than a line cut into lines, the closing punctuation at its end kept on
    the last of them."""
    core = len(piece)
    while core and piece[core - 1] in CLOSING:
        core -= 1
    tail = cell_len(piece[core:])
    if not core or not tail or tail >= width:
        return chop_cells(piece, width)
    parts = chop_cells(piece[:core], width)
    if cell_len(parts[-1]) + tail > width:
        parts += chop_cells(parts.pop(), width - tail)
    parts[-1] += piece[core:]
    return parts


def lines(text: str, width: int) -> list[str]:
    """`text` folded to `width` cells, each line without the blanks it broke at."""
    out: list[str] = []
    for line in text.split("\n"):
        cuts = [0, *offsets(line, max(width, 2)), len(line)]
        out += [line[a:b].strip() for a, b in itertools.pairwise(cuts)] or [""]
    return out


class Folded:
    """A paragraph (styled or plain) that folds as Chinese does, to the width it is given."""

    def __init__(
        self, text: Text | str, style: str = "", keep: Sequence[tuple[int, int]] = ()
    ) -> None:
        self.text = text if isinstance(text, Text) else Text(text, style=style)
        self.keep = tuple(keep)
        """Spans of the text never broken (in a text of one line)."""

    def __str__(self) -> str:
        return self.text.plain

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        # As wide as Rich would measure the text (its longest run without a blank), so that
        # a table gives its columns the widths it always gave them; only the folding differs.
        plain = self.text.plain
        widest = max((cell_len(word) for word in plain.split()), default=0)
        longest = max((cell_len(line) for line in plain.split("\n")), default=0)
        return Measurement(min(widest, longest), longest)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width, 2)
        parts = self.text.split("\n", allow_blank=True)
        keep = self.keep if len(parts) == 1 else ()
        for line in parts:
            cuts = offsets(line.plain, width, keep)
            for part in line.divide(cuts):
                part.rstrip()
                blanks = len(part.plain) - len(part.plain.lstrip())
                shown = part[blanks:] if blanks else part
                shown.no_wrap = True
                shown.end = "\n"
                yield shown
