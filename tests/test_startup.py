"""Each command imports what it runs, and no more (start-up is most of a run: see bench/bench.py).

The speed itself is measured by `python bench/bench.py --section startup`, never here; these
tests hold the structure that makes it: a fresh interpreter runs the command, and
`-X importtime` says which modules it imported.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
from rich.console import Console

from hsreform.cli.helptext import Folded
from tests.conftest import BUNDLED

HEAVY = {
    "openpyxl",  # xlsx only
    "icalendar",  # calendar only
    "docx",  # authorize --output .docx only
    "filelock",  # edits only
    "ruamel.yaml",  # files the fast read declines, and edits
    "hsreform.reading.eventreader",
    "typer.rich_utils",  # Typer's help: Markdown, tracebacks, columns
    "rich.markdown",
}

PYDANTIC = {
    "pydantic",
    "pydantic_core",
    "typer._adapters",
    "hsreform.dataset.models",
    "hsreform.dataset.validation",
}
"""pydantic and what uses it: valid data is read without it (records), options converted
without it (cli_params); only a fault in the data, or an unusual option value, needs it."""
VIEWS = {"hsreform.views.meeting", "hsreform.views.changelog", "hsreform.report.document"}
"""The meeting report, the change log and the shared document: not part of a status table.
(Modules the CLI names with `lazy()` are not seen by -X importtime; these are not among them.)"""


def _imported(*args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "hsreform", *args],
        capture_output=True,
        text=True,
        check=False,
        env={"HSREFORM_LANG": "zh", "PATH": ""},
    )
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    return set(re.findall(r"^import time:.*\| +(\S+)$", result.stderr, re.MULTILINE))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "also_absent"),
    [
        (("--help",), {"hsreform.dataset.loader", *PYDANTIC}),
        (("status", "--help"), {"hsreform.dataset.loader", *PYDANTIC}),
        (
            ("status", "--as-of", "2020-06-08", "--format", "json", "--soon", "7"),
            {"rich", "rich.console", *VIEWS, *PYDANTIC},
        ),
        (("status", "--as-of", "2020-06-08"), {*VIEWS, *PYDANTIC}),
        (("check-staffing", "--as-of", "2020-06-08"), {*VIEWS, *PYDANTIC}),
        (("validate", "--as-of", "2020-06-08", "--format", "json"), {"rich", *PYDANTIC}),
    ],
)
def test_a_command_imports_only_what_it_runs(args: tuple[str, ...], also_absent: set[str]) -> None:
    imported = _imported(*args)
    assert "hsreform.cli" in imported  # the measurement itself works
    assert not imported & (HEAVY | also_absent), sorted(imported & (HEAVY | also_absent))


@pytest.mark.slow
def test_pydantic_reads_only_a_file_with_a_fault(tmp_path) -> None:
    """A fault in the data is said by pydantic (the fast read declines it), with its words."""
    folder = tmp_path / "data"
    shutil.copytree(BUNDLED, folder)
    staff = folder / "staff.yaml"
    staff.write_text(staff.read_text(encoding="utf-8") + "extra: 1\n", encoding="utf-8")
    imported = _imported("validate", "--data", str(folder), "--as-of", "2020-06-08")
    assert {"pydantic", "hsreform.dataset.models", "hsreform.dataset.validation"} <= imported


@pytest.mark.slow
def test_the_xlsx_writer_is_imported_where_it_is_used(tmp_path) -> None:
    out = tmp_path / "status.xlsx"
    imported = _imported("status", "--as-of", "2020-06-08", "--output", str(out))
    assert "openpyxl" in imported
    assert out.stat().st_size > 0


# help text that wraps as Chinese does ---------------------------------------------------


def _lines(text: str, width: int) -> list[str]:
    console = Console(width=width, file=None, color_system=None, record=True)
    with console.capture() as captured:
        console.print(Folded((text, "")))
    return captured.get().splitlines()


def test_help_text_breaks_between_chinese_characters_not_inside_words() -> None:
    text = "记为已完成（done_on 为 --on 的日期），并把适用于该单位、尚未满足的要求记为当天满足"
    lines = _lines(text, 24)
    assert all(Console().measure(Folded((line, ""))).maximum <= 24 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    joined = "\n".join(lines)
    for word in ("done_on", "--on"):
        assert word in joined  # never cut
    assert not any(line[:1] in "，。、；：）" for line in lines)


def test_a_word_longer_than_the_line_is_cut_rather_than_lost() -> None:
    lines = _lines("x" * 30, 10)
    assert lines == ["x" * 10] * 3


# what a run costs beyond its imports ----------------------------------------------------


@pytest.mark.slow
def test_the_console_script_collects_rarely_and_leaves_the_collector_on() -> None:
    code = (
        "import gc, sys\n"
        "sys.argv = ['hsreform', '--version']\n"
        "import hsreform.__main__ as script\n"
        "try:\n"
        "    script.main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(gc.get_threshold()[0], gc.isenabled(), gc.get_freeze_count() > 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines()[-1] == "100000 True True"


def test_no_model_has_a_builtin_as_its_default_factory() -> None:
    """pydantic parses a builtin's signature from text (tokenize): ~8 ms of every run."""
    import pydantic

    from hsreform.dataset import models

    for model in vars(models).values():
        if isinstance(model, type) and issubclass(model, pydantic.BaseModel):
            for name, field in model.model_fields.items():
                assert field.default_factory not in (list, dict, set, tuple), (model, name)
