"""Chinese text folds as Chinese is set: between any two characters, never inside a Latin
word, never with closing punctuation starting a line or opening punctuation ending one."""

from __future__ import annotations

import itertools

import pytest
from rich.cells import cell_len
from rich.console import Console

from hsreform.report.fold import CLOSING, OPENING, Folded, lines
from tests.conftest import REPO

NOTE = (
    "注：任务 4 按本数据的读法只计在窗口有人员配额的单位（tasks.yaml 的 charges）；教科局、商工局、"
    "司法局、财政局、交通局、水利局、农业农村局、应急管理局、林草局没有派驻配额，不计。"
)


@pytest.mark.parametrize("width", [10, 17, 24, 40, 61, 80])
def test_lines_fit_and_keep_every_character(width) -> None:
    folded = lines(NOTE, width)
    assert all(cell_len(line) <= width for line in folded)
    assert "".join(folded).replace(" ", "") == NOTE.replace(" ", "")
    assert all(line[:1] not in CLOSING for line in folded[1:])
    assert all(line[-1:] not in OPENING for line in folded)
    if width >= cell_len("（tasks.yaml"):  # a word that fits a line is never cut
        assert all(w in "\n".join(folded) for w in ("tasks.yaml", "charges"))


@pytest.mark.parametrize("width", [30, 44, 60, 76])
def test_a_line_is_filled_before_it_breaks(width) -> None:
    """Rich breaks at a blank and leaves the line before it half empty; Chinese breaks where
    the line is full: the next line's first character (with the punctuation that closes on
    it) would not have fitted."""
    folded = lines(NOTE, width)
    for line, after in itertools.pairwise(folded):
        if "\u4e00" <= after[0] <= "\u9fff":
            first = after[0] + "".join(c for c in after[1:2] if c in CLOSING)
            assert cell_len(line) + cell_len(first) > width, (line, after)


def test_a_kept_span_is_never_broken() -> None:
    text = "剩余天数不超过这个数即为“即将到期”（可写 3 或 三）。 [默认：3]"
    start = text.index("[")
    for width in range(12, 60):
        shown = "\n".join(lines(text, width))
        kept = Folded(text, keep=[(start, len(text))])
        console = Console(width=width, color_system=None, record=True)
        with console.capture() as captured:
            console.print(kept)
        assert "[默认：3]" in captured.get(), (width, shown)


def test_a_note_in_the_terminal_fills_its_lines(invoke) -> None:
    out = invoke("status", "--data", str(REPO / "examples" / "rollout-2020"),
                 "--as-of", "2020-06-25").stdout  # fmt: skip
    note = out[out.index("注：任务 4") :].splitlines()
    assert cell_len(note[0]) >= 76, note[0]  # 80 columns, less a character or two


def test_help_never_breaks_a_default_or_the_required_mark(invoke) -> None:
    for command in (("status",), ("staff", "leave"), ("report",), ("calendar",)):
        for columns in ("60", "80", "100"):
            out = invoke(*command, "--help", env={"COLUMNS": columns}).stdout
            for mark in ("[默认：", "[必填"):
                for line in out.splitlines():
                    if mark in line:
                        assert "]" in line[line.index(mark) :], (command, columns, line)
