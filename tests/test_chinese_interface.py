"""The Chinese interface speaks Chinese: every command's help and the messages of a corpus
of mistakes hold no English word outside a short list (formats, file names, option and
command names, ids that are data). English mode stays English."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from hsreform.cli.root import command
from tests.conftest import REPO

EXAMPLE = str(REPO / "examples" / "rollout-2020")
ALLOWED = frozenset(
    {
        # formats and file types, as the user types them
        "json", "JSON", "markdown", "Markdown", "csv", "CSV", "html", "HTML", "xlsx", "docx",
        "ics", "iCalendar", "github", "GitHub", "Actions", "YAML", "yaml", "UTF-8", "GBK",
        "BOM", "A4", "Word", "WPS", "Excel", "Schema", "id", "zh", "en", "Tab", "CI",
        # names of things the user types or sees on their machine
        "hsreform", "HSREFORM_DATA", "HSREFORM_LANG", "bash", "zsh", "fish", "powershell",
        "pwsh", "PowerShell", "shell", "VS", "Code", "pre-commit", "x", "iconv",
        # what `hsreform list` takes (typed values, listed beside their Chinese words)
        "units", "windows", "staff", "requirements", "tasks", "roles",
    }
)  # fmt: skip
"""English words the Chinese interface may show: formats, names a user types, data files."""
_WORD = re.compile(r"(?<![\w./$-])(?:--?[a-z][\w-]*|[A-Za-z][\w.+-]*[\w+]|[A-Za-z])")
_DATA_FILE = re.compile(r"^[\w.-]+\.(?:yaml|json|xlsx|csv|md|html|ics|docx|txt)$")


def _commands(group=None, path=()) -> Iterator[tuple[str, ...]]:
    group = group or command()
    yield path
    for name in group.list_commands(None):
        sub = group.commands[name]
        if hasattr(sub, "list_commands"):
            yield from _commands(sub, (*path, name))
        else:
            yield (*path, name)


COMMANDS = list(_commands())
COMMAND_WORDS = frozenset(word for path in COMMANDS for word in path)


def _data_words() -> frozenset[str]:
    """Ids and codes the data and the findings use: data, not English."""
    from hsreform.common.i18n import M
    from hsreform.dataset.loader import load

    ds = load(Path(EXAMPLE)).dataset
    assert ds is not None
    ids = {u.id for u in ds.windows.units} | {w.id for w in ds.windows.windows}
    ids |= {g.id for g in ds.windows.groups}
    ids |= {r.id for _, _, t in ds.tracked() for r in t.requirements}
    ids |= {m.staff_no or "" for m in ds.staff.staff}
    return frozenset(ids | set(M) | {code.split(":")[0] for code in M})


def english(output: str, also: frozenset[str] = frozenset()) -> list[str]:
    """The English words in `output` that are not allowed in the Chinese interface."""
    out = []
    for word in _WORD.findall(output):
        bare = word.rstrip(".")
        if (
            bare.startswith("-")
            or bare in ALLOWED
            or bare in COMMAND_WORDS
            or bare in also
            or _DATA_FILE.match(bare)
        ):
            continue
        out.append(bare)
    return out


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "hsreform")
def test_every_help_is_chinese(invoke, path) -> None:
    result = invoke(*path, "--help", env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    assert english(result.stdout) == [], result.stdout


MISTAKES = [
    ("status", "--as-of", "明年"),
    ("status", "--format", "xml"),
    ("status", "--fail-on", "error"),
    ("check-staffing", "--fail-on", "bad"),
    ("status", "--soon", "x"),
    ("status", "--unit", "林业和草原局"),
    ("status", "--unit", "县人民政府各部门"),
    ("status", "--task", "九"),
    ("status", "--task", "1", "--unit", "centre"),
    ("status", "--output", "out.pdf"),
    ("report", "--format", "html", "--output", "会议材料.docx"),
    ("calendar", "--output", "x.txt"),
    ("task", "done", "3", "税务局"),
    ("task", "done", "六"),
    ("task", "done", "x", "税务局"),
    ("task", "meet", "8", "司法局", "99"),
    ("task", "block", "1", "公安局"),
    ("staff", "add", "张三", "--unit", "税务局", "--window", "不动产", "--role", "首"),
    ("staff", "add", "张三", "--unit", "税务局", "--window", "税务", "--role", "首", "--since", "x"),
    ("staff", "add", "张三", "--unit", "税务局", "--window", "税务", "--role", "首席代表",
     "--since", "2030-01-01"),
    ("staff", "train", "艾力", "--on", "2020-06-20"),
    ("staff", "leave", "方娜"),
    ("staff", "set", "方娜"),
    ("staff", "move", "方娜", "--window", "x", "--on", "2020-06-20", "--approved-on", "2020-06-19"),
    ("list", "x"),
    ("list", "units", "--task", "1"),
    ("items", "--unit", "x"),
    ("items", "import", "nothing.xlsx", "--unit", "税务局"),
    ("authorize", "x"),
    ("authorize", "税务局", "--window", "y"),
    ("authorize", "税务局", "--output", "a.pdf"),
    ("undo",),
    ("stauts",),
    ("status", "--colour"),
    ("status", "extra"),
    ("status", "--data"),
    ("task",),
    ("task", "done"),
    ("--format", "json", "task", "done", "1", "税务局"),
    ("--wait", "x", "undo"),
    ("undo", "--wait", "x"),
]  # fmt: skip


@pytest.mark.parametrize("args", MISTAKES, ids=" ".join)
def test_every_refusal_is_chinese(invoke, tmp_path, args) -> None:
    folder = tmp_path / "county"
    if not folder.exists():
        import shutil

        shutil.copytree(EXAMPLE, folder)
    data = () if args[0].startswith("-") or args == ("stauts",) else ("--data", str(folder))
    as_of = ("--as-of", "2020-06-25") if "--as-of" not in args and data else ()
    result = invoke(*args, *data, *as_of)
    assert result.exit_code != 0
    shown = result.stdout + result.stderr
    assert "Traceback" not in shown
    typed = frozenset(w for arg in args for w in _WORD.findall(arg))  # echoed: the user's words
    assert english(shown, _data_words() | typed) == [], shown


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("status", "--unit", "林业和草原局"), "No unit '林业和草原局'. Did you mean: 林草局?"),
        (("task", "done", "3", "税务局"), "税务局 is not responsible for task 3; the responsible"),
        (("status", "--task", "9"), "There is no task 9; the tasks are numbered 1-8."),
        (("staff", "set", "方娜", "--dry-run"), "Nothing to set: give --new-staff-no"),
        (("status", "--soon", "x"), "--soon: 'x' is not a number of days"),
    ],
)
def test_english_mode_stays_english(invoke, args, message) -> None:
    result = invoke(*args, "--data", EXAMPLE, "--as-of", "2020-06-25", "--lang", "en")
    assert result.exit_code == 2
    assert message in result.stderr


def test_the_completion_installer_speaks_chinese(invoke, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    result = invoke("--install-completion")
    shown = result.stdout + result.stderr
    assert "已为" in shown or "无法判断当前用的是哪种 shell" in shown, shown
    assert english(shown, frozenset({str(tmp_path)})) == [], shown


def test_an_unknown_shell_is_named_in_chinese() -> None:
    from hsreform.cli.locale import _shell
    from hsreform.common.errors import HsreformError

    with pytest.raises(HsreformError) as refused:
        _shell("tcsh", "zh")
    assert refused.value.render("zh").startswith("不支持为 tcsh 安装补全；支持：bash、zsh")
