"""Edits, the journal and undo against a hostile data folder (issue 20): the folder's own
state is untrusted input, every refusal is one message (exit 2, nothing written), no wait
is endless, and every byte shown is sanitised. Oracles: bytes on disk, files outside the
folder, and tests/runner.py's reading of CI-log lines (not hsreform's own guard)."""

from __future__ import annotations

import base64
import json
import os
import shutil
from pathlib import Path

import pytest

from hsreform.edit import session
from tests import runner
from tests.conftest import BUNDLED, REPO
from tests.edit.conftest import read_all

EDIT = ("duty", "done", "1", "编办", "--on", "2020-06-20", "--as-of", "2020-07-01")
"""An edit the bundled data takes: support duty 1 done by the establishment office."""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the bundled data set, in a folder of its own, with a file outside it."""
    target = tmp_path / "county"
    shutil.copytree(BUNDLED, target)
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "precious.txt").write_bytes(b"keep me\n")
    return target


def _outside(folder: Path) -> bytes:
    return (folder.parent / "outside" / "precious.txt").read_bytes()


def _no_traceback(result) -> None:
    assert "Traceback" not in result.stderr + result.stdout, result.stderr


def _edited(invoke, folder: Path) -> None:
    done = invoke(*EDIT, "--data", str(folder))
    assert done.exit_code == 0, done.stderr


def _entry(folder: Path) -> Path:
    return sorted((folder / ".hsreform" / "journal").glob("*.json"))[-1]


@pytest.mark.parametrize("name", ["../outside/precious.txt", "/etc/passwd", "..", "tasks.yaml/x"])
def test_a_journal_entry_naming_a_path_outside_is_refused(invoke, folder: Path, name: str) -> None:
    _edited(invoke, folder)
    entry = _entry(folder)
    document = json.loads(entry.read_text(encoding="utf-8"))
    old = document["files"].pop("tasks.yaml")
    document["files"][name] = old
    entry.write_text(json.dumps(document), encoding="utf-8")
    files = read_all(folder)
    result = invoke("undo", "--data", str(folder))
    assert result.exit_code == 2
    assert "修改记录已损坏" in result.stderr
    assert read_all(folder) == files
    assert _outside(folder) == b"keep me\n"


@pytest.mark.parametrize(
    "document",
    [
        [],
        "text",
        {"when": 1, "command": "x", "changes": [], "files": {}},
        {"when": "x", "command": "x", "changes": {}, "files": {}},
        {"when": "x", "command": "x", "changes": [], "files": {"tasks.yaml": "x"}},
        {"when": "x", "command": "x", "changes": [], "files": {"tasks.yaml": {"before": 1}}},
        {
            "when": "x",
            "command": "x",
            "changes": [],
            "files": {"tasks.yaml": {"before": "@@not base64", "after": "0" * 64}},
        },
        {
            "when": "x",
            "command": "x",
            "changes": [{"key": "no.such.key", "file": "tasks.yaml", "params": {}}],
            "files": {},
        },
        {"when": "x", "command": "x", "changes": [{"key": "edit.written"}], "files": {}},
    ],
)
def test_a_journal_entry_of_the_wrong_shape_is_one_message(invoke, folder: Path, document) -> None:
    _edited(invoke, folder)
    _entry(folder).write_text(json.dumps(document), encoding="utf-8")
    files = read_all(folder)
    for extra in ((), ("--dry-run",)):
        result = invoke("undo", "--data", str(folder), *extra)
        assert result.exit_code == 2, result.stderr
        assert "修改记录已损坏" in result.stderr
        _no_traceback(result)
    assert read_all(folder) == files


def test_undo_dry_run_shows_a_journals_old_bytes_sanitised(folder: Path) -> None:
    done = runner.run(*EDIT, "--data", str(folder))
    assert done.returncode == 0, done.stderr
    entry = _entry(folder)
    document = json.loads(entry.read_text(encoding="utf-8"))
    hostile = b"\x1b]8;;http://x\x07link\x1b[2J\n::error::forged\n\t::warning::x\n##[error]y\n\xe2\x80\xaeevil\r\n\xff\xfe\n"
    document["files"]["tasks.yaml"]["before"] = base64.b64encode(hostile).decode()
    entry.write_text(json.dumps(document), encoding="utf-8")
    result = runner.run("undo", "--dry-run", "--data", str(folder))
    assert result.returncode == 0, result.stderr
    assert "forged" in result.stdout  # the diff is shown ...
    assert runner.commands(result.stdout + result.stderr) == []  # ... inert
    assert runner.raw_controls(result.stdout + result.stderr) == []


@pytest.mark.parametrize("part", ["lock.info", "lock"])
def test_a_lock_file_that_is_a_symlink_is_refused(invoke, folder: Path, part: str) -> None:
    (folder / ".hsreform").mkdir()
    (folder / ".hsreform" / part).symlink_to(folder.parent / "outside" / "precious.txt")
    files = read_all(folder)
    result = invoke(*EDIT, "--data", str(folder))
    assert result.exit_code == 2
    assert "符号链接" in result.stderr
    assert read_all(folder) == files
    assert _outside(folder) == b"keep me\n"


@pytest.mark.parametrize("part", [".hsreform", ".hsreform/journal"])
def test_a_state_folder_that_is_a_symlink_is_refused(invoke, folder: Path, part: str) -> None:
    elsewhere = folder.parent / "outside"
    for n in range(1, 30):  # journal-like files pruning would delete
        (elsewhere / f"{n:06d}.json").write_text("{}")
        (elsewhere / f".hsreform-{n}.tmp").write_text("x")
    if part == ".hsreform/journal":
        (folder / ".hsreform").mkdir()
    (folder / part).symlink_to(elsewhere, target_is_directory=True)
    before = sorted(p.name for p in elsewhere.iterdir())
    files = read_all(folder)
    for args in (EDIT, ("undo",)):
        result = invoke(*args, "--data", str(folder))
        assert result.exit_code == 2, result.stderr
        assert "符号链接" in result.stderr
    assert sorted(p.name for p in elsewhere.iterdir()) == before
    assert read_all(folder) == files


def test_a_data_file_that_is_a_symlink_is_refused_for_edits(invoke, folder: Path) -> None:
    """Documented in hsreform/reading/confined.py and SECURITY.md: edits never follow a symlink."""
    real = folder.parent / "outside" / "tasks.yaml"
    shutil.move(folder / "tasks.yaml", real)
    (folder / "tasks.yaml").symlink_to(real)
    kept = real.read_bytes()
    result = invoke(*EDIT, "--data", str(folder))
    assert result.exit_code == 2
    assert "符号链接" in result.stderr
    assert real.read_bytes() == kept
    assert (folder / "tasks.yaml").is_symlink()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("name", ["staff.yaml", "items.yaml", ".hsreform/lock"])
def test_a_fifo_in_place_of_a_file_is_refused_at_once(folder: Path, name: str) -> None:
    if name.startswith(".hsreform"):
        (folder / ".hsreform").mkdir()
    (folder / name).unlink(missing_ok=True)
    os.mkfifo(folder / name)
    # the real script, with a timeout: a blocking open would hang an in-process run
    result = runner.run(*EDIT, "--data", str(folder), timeout=60)
    assert result.returncode == 2, result.stderr
    assert "不是普通文件" in result.stderr
    _no_traceback(result)


@pytest.mark.parametrize("value", ["nan", "-1", "inf", "3601", "-inf"])
def test_a_wait_out_of_range_is_refused(invoke, folder: Path, value: str) -> None:
    for extra in ((), ("--dry-run",)):
        result = invoke(*EDIT, "--data", str(folder), "--wait", value, *extra)
        assert result.exit_code == 2, result.stderr
        assert "--wait" in result.stderr
    result = invoke("undo", "--data", str(folder), "--wait", value)
    assert result.exit_code == 2


def test_waits_at_the_ends_of_the_range_are_taken(invoke, folder: Path) -> None:
    assert invoke(*EDIT, "--data", str(folder), "--wait", "0").exit_code == 0
    assert invoke("undo", "--data", str(folder), "--wait", "3600").exit_code == 0


@pytest.mark.parametrize(("value", "code"), [("366", 0), ("367", 2), ("1000000000", 2), ("0", 0)])
def test_calendar_reminders_are_kept_within_a_year(invoke, tmp_path, value: str, code: int) -> None:
    result = invoke("calendar", "--remind", value, "--output", str(tmp_path / "c.ics"))
    assert result.exit_code == code, result.stderr
    _no_traceback(result)


@pytest.mark.parametrize("name", [" ", "\u3000", "\t"])
def test_a_blank_name_is_one_message(invoke, folder: Path, name: str) -> None:
    files = read_all(folder)
    result = invoke(
        "staff", "add", name, "--unit", "税务局", "--window", "税务", "--role", "工作人员",
        "--since", "2020-06-01", "--as-of", "2020-07-01", "--data", str(folder),
    )  # fmt: skip
    assert result.exit_code == 2
    assert "不能为空" in result.stderr
    _no_traceback(result)
    assert read_all(folder) == files


def test_a_tab_before_a_comment_is_refused_with_its_place(invoke, folder: Path) -> None:
    text = (folder / "tasks.yaml").read_text(encoding="utf-8")
    lines = text.split("\n")
    # the item the edit changes (duty 1) carries the comment: it must be read to be edited
    duties = lines.index("duties:")
    at = next(i for i, line in enumerate(lines) if i > duties and line.startswith("  - number: 1"))
    lines[at] += "\t# 第一项"
    (folder / "tasks.yaml").write_text("\n".join(lines), encoding="utf-8")
    assert invoke("validate", "--data", str(folder), "--as-of", "2020-07-01").exit_code in (0, 1)
    files = read_all(folder)
    result = invoke(*EDIT, "--data", str(folder))
    assert result.exit_code == 2
    assert f"tasks.yaml:{at + 1}:" in result.stderr
    assert "制表符" in result.stderr
    assert read_all(folder) == files


def test_a_tab_before_a_comment_elsewhere_is_kept_byte_for_byte(invoke, folder: Path) -> None:
    """An edit reads in round trip only the items it changes: a tab comment on another
    item is neither refused nor touched."""
    text = (folder / "tasks.yaml").read_text(encoding="utf-8")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("  - number: 1"))  # task 1
    lines[at] += "\t# 第一项"
    (folder / "tasks.yaml").write_text("\n".join(lines), encoding="utf-8")
    result = invoke(*EDIT, "--data", str(folder))
    if result.exit_code == 2:  # a whole-file read refuses it at its place, as above
        assert f"tasks.yaml:{at + 1}:" in result.stderr
        return
    assert result.exit_code == 0, result.output
    after = (folder / "tasks.yaml").read_text(encoding="utf-8").split("\n")
    assert lines[at] in after


LAYOUTS = {
    "no final newline": lambda b: b.rstrip(b"\n"),
    "%YAML and ---": lambda b: b"%YAML 1.2\n---\n" + b,
    "---": lambda b: b"--- # plan\n" + b,
    "CRLF": lambda b: b.replace(b"\n", b"\r\n"),
    "CRLF without a final newline": lambda b: b.rstrip(b"\n").replace(b"\n", b"\r\n"),
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_layouts_edit_byte_exactly(invoke, folder: Path, tmp_path: Path, layout: str) -> None:
    """Oracle: the edit of the plain file, laid out so, is the edit of the file laid out so."""
    change = LAYOUTS[layout]
    plain = tmp_path / "plain"
    shutil.copytree(folder, plain)
    _edited(invoke, plain)
    (folder / "tasks.yaml").write_bytes(change((folder / "tasks.yaml").read_bytes()))
    _edited(invoke, folder)
    assert (folder / "tasks.yaml").read_bytes() == change((plain / "tasks.yaml").read_bytes())


def test_anchors_on_lists_and_text_are_kept(invoke, folder: Path, tmp_path: Path) -> None:
    """Oracle: the plain edit, with the same anchors and aliases put in by hand."""

    def anchored(text: str) -> str:
        old = "responsible: [county-departments]"
        text = text.replace(old, "responsible: &all [county-departments]", 1)
        at = text.index(old)
        text = text[:at] + "responsible: *all" + text[at + len(old) :]
        return text.replace("title: 事项梳理", "title: &t 事项梳理", 1)

    plain = tmp_path / "plain"
    shutil.copytree(folder, plain)
    _edited(invoke, plain)
    tasks = folder / "tasks.yaml"
    tasks.write_text(anchored(tasks.read_text(encoding="utf-8")), encoding="utf-8")
    _edited(invoke, folder)
    assert tasks.read_text(encoding="utf-8") == anchored(
        (plain / "tasks.yaml").read_text(encoding="utf-8")
    )


def test_an_anchored_date_is_refused_at_its_line(invoke, folder: Path) -> None:
    """ruamel.yaml drops the anchor of a date: the edit says where, and writes nothing."""
    tasks = folder / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    line = text[: text.index("deadline: 2020-06-05")].count("\n") + 1
    text = text.replace("deadline: 2020-06-05", "deadline: &first 2020-06-05", 1)
    text = text.replace("deadline: 2020-06-05", "deadline: *first", 1)
    tasks.write_text(text, encoding="utf-8")
    result = invoke(*EDIT, "--data", str(folder))
    assert result.exit_code == 2
    assert f"tasks.yaml:{line}：" in result.stderr
    assert tasks.read_text(encoding="utf-8") == text


def test_a_data_file_over_the_edit_limit_is_refused(invoke, folder: Path) -> None:
    padding = ("# " + "填" * 100 + "\n") * (session.MAX_EDIT_BYTES // 300 + 10)
    (folder / "staff.yaml").write_text(
        padding + (folder / "staff.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert invoke("validate", "--data", str(folder), "--as-of", "2020-07-01").exit_code in (0, 1)
    files = read_all(folder)
    result = invoke(*EDIT, "--data", str(folder))
    assert result.exit_code == 2
    assert str(session.MAX_EDIT_BYTES) in result.stderr
    assert read_all(folder) == files


def test_the_real_data_is_well_within_the_edit_limit() -> None:
    sizes = [p.stat().st_size for p in (REPO / "examples").rglob("*.yaml")]
    assert max(sizes) * 8 < session.MAX_EDIT_BYTES


def test_an_edit_bringing_a_new_non_blocking_error_is_refused(invoke, folder: Path) -> None:
    """The planted-bug check: `sorting-done-without-items` does not stop loading, yet an
    edit that brings it must not be written (a `注意：` is not enough)."""
    example = (REPO / "examples" / "rollout-2020" / "items.yaml").read_text(encoding="utf-8")
    tax_only = example.split("\n  - unit: social-insurance-centre")[0] + "\n"
    (folder / "items.yaml").write_text(tax_only, encoding="utf-8")
    files = read_all(folder) | {"items.yaml": (folder / "items.yaml").read_bytes()}
    result = invoke(
        "task", "done", "1", "医保局", "--on", "2020-06-08", "--as-of", "2020-12-31",
        "--data", str(folder),
    )  # fmt: skip
    assert result.exit_code == 2, result.stdout
    assert "sorting-done-without-items" in result.stderr
    assert read_all(folder) | {"items.yaml": (folder / "items.yaml").read_bytes()} == files
    assert not (folder / ".hsreform" / "journal").exists() or not any(
        (folder / ".hsreform" / "journal").glob("*.json")
    )


@pytest.mark.parametrize(
    "bad", ["\x1b[31mred", "\u202eevil", "x\n::error::forged", "x\n\t::error::tabbed", "##[error]"]
)
def test_a_hostile_data_path_reaches_no_output_raw(tmp_path: Path, folder: Path, bad: str) -> None:
    hostile = tmp_path / f"d{bad}"
    shutil.copytree(folder, hostile)
    for args in ((*EDIT, "--dry-run"), EDIT, ("undo", "--dry-run")):
        result = runner.run(*args, "--data", str(hostile))
        assert result.returncode == 0, result.stderr
        out = result.stdout + result.stderr
        assert runner.commands(out) == [], out
        assert runner.raw_controls(out) == [], out


def test_exports_to_text_files_are_guarded(folder: Path, tmp_path: Path) -> None:
    evidence = "x\n\t::error::forged\n##[error]y <script>alert(1)</script>"
    done = runner.run(*EDIT, "--evidence", evidence, "--data", str(folder))
    assert done.returncode == 0, done.stderr
    for command in ("log", "report"):
        for suffix in ("txt", "md", "csv", "html"):
            target = tmp_path / f"{command}.{suffix}"
            result = runner.run(
                command, "--as-of", "2020-07-01", "--data", str(folder), "--output", str(target)
            )
            assert result.returncode in (0, 1), result.stderr
            written = target.read_text(encoding="utf-8")
            assert runner.commands(written) == [], (command, suffix)
            if suffix == "html":
                assert "<script>" not in written


def test_findings_in_crlf_files_stand_where_they_do_in_lf_files(
    invoke, folder: Path, tmp_path: Path
) -> None:
    """Oracle: the same data with LF line ends (the positions there are tested elsewhere)."""
    crlf = tmp_path / "crlf"
    shutil.copytree(folder, crlf)
    for path in crlf.glob("*.yaml"):
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    args = ("validate", "--as-of", "2021-01-01", "--format", "json")
    lf_found = invoke(*args, "--data", str(folder)).json()["findings"]
    crlf_found = invoke(*args, "--data", str(crlf)).json()["findings"]
    assert lf_found

    def places(found: list[dict[str, object]]) -> list[tuple[object, ...]]:
        return [(Path(str(f["file"])).name, f["line"], f["column"], f["code"]) for f in found]

    assert places(crlf_found) == places(lf_found)


def test_a_file_indented_by_three_spaces_edits(invoke, folder: Path, tmp_path: Path) -> None:
    """Laid out by ruamel with 3-space indentation; oracle: the plain edit's data, and every
    line of the file kept but the ones the edit changes."""
    import difflib

    from ruamel.yaml import YAML

    plain = tmp_path / "plain"
    shutil.copytree(folder, plain)
    _edited(invoke, plain)
    yaml = YAML()
    yaml.indent(mapping=3, sequence=5, offset=3)
    yaml.width = 1_000_000
    with (folder / "tasks.yaml").open(encoding="utf-8") as stream:
        data = yaml.load(stream)
    with (folder / "tasks.yaml").open("w", encoding="utf-8") as stream:
        yaml.dump(data, stream)
    before = (folder / "tasks.yaml").read_text(encoding="utf-8")
    assert "\n   - " in before
    _edited(invoke, folder)
    after = (folder / "tasks.yaml").read_text(encoding="utf-8")
    safe = YAML(typ="safe", pure=True)
    assert safe.load(after) == safe.load((plain / "tasks.yaml").read_text(encoding="utf-8"))
    removed = [
        line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] == "-"
    ]
    assert len(removed) <= 2, removed


def test_journal_names_that_are_not_entries_trip_nothing(invoke, folder: Path) -> None:
    journal = folder / ".hsreform" / "journal"
    journal.mkdir(parents=True)
    (journal / ("9" * 5000 + ".json")[:200]).write_text("{}")  # a long number, not ours
    (journal / "\u0663.json").write_text("{}")  # an Arabic-Indic three
    _edited(invoke, folder)
    assert invoke("undo", "--data", str(folder)).exit_code == 0
    assert (journal / "\u0663.json").exists()


def test_a_diff_context_line_that_starts_with_a_tab_is_inert(folder: Path) -> None:
    """The runner trims the blanks before `::`, tabs too: a context line ` \\t::error::` of a
    diff is a command unless guarded. The file is whatever the journal says it wrote."""
    import hashlib

    done = runner.run(*EDIT, "--data", str(folder))
    assert done.returncode == 0, done.stderr
    tasks = folder / "tasks.yaml"
    current = tasks.read_bytes() + b"\t::error::context\n\t##[error]context\n"
    tasks.write_bytes(current)
    entry = _entry(folder)
    document = json.loads(entry.read_text(encoding="utf-8"))
    before = current + b"x\n"  # the lines above it are context lines of the diff
    document["files"]["tasks.yaml"] = {
        "before": base64.b64encode(before).decode(),
        "after": hashlib.sha256(current).hexdigest(),
    }
    entry.write_text(json.dumps(document), encoding="utf-8")
    result = runner.run("undo", "--dry-run", "--data", str(folder))
    assert result.returncode == 0, result.stderr
    assert "context" in result.stdout
    assert runner.commands(result.stdout + result.stderr) == []
