"""A file too large to validate whole is validated in pieces, with the same findings.

Above `MAX_NODES` values (only a plain file can be so large) the loader hands pydantic a
chunk of a list at a time, a large item alone, and reports a wide mapping's unknown keys
itself (`validation.validated`). Here the thresholds are lowered so that the small fixture
data sets take that path (valid files too: `records.build` is told to vouch for nothing), and
each must give exactly the findings, and the same records, that the whole reading gives.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hsreform.common.findings import counts
from hsreform.dataset import loader, records, validation
from tests.conftest import BUNDLED, DATA, REPO

DATA_SETS = sorted(
    {p.parent for p in DATA.glob("*/windows.yaml")} | {BUNDLED, REPO / "examples" / "rollout-2020"}
)


def _found(folder: Path) -> list[tuple[object, ...]]:
    loaded = loader.load(folder)
    return sorted(
        (f.code, f.file, f.line, f.column, f.severity, f.blocking) for f in loaded.findings
    )


def _in_pieces(patch: pytest.MonkeyPatch) -> None:
    """Every file validated piecewise: small chunks, large items alone, wide mappings ours."""
    patch.setattr(validation, "MAX_NODES", 0)
    patch.setattr(validation, "CHUNK", 2)
    patch.setattr(validation, "WIDE_MAPPING", 0)
    patch.setattr(records, "build", lambda record, data: None)


def _whole_and_pieces(folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[list, list]:
    """The findings of `folder` validated whole, then in pieces."""
    whole = _found(folder)
    with monkeypatch.context() as patch:
        _in_pieces(patch)
        return whole, _found(folder)


@pytest.fixture
def in_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    _in_pieces(monkeypatch)


@pytest.mark.parametrize("folder", DATA_SETS, ids=lambda p: p.name)
def test_in_pieces_the_findings_are_the_same(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    whole, pieces = _whole_and_pieces(folder, monkeypatch)
    assert pieces == whole


def _roster(tmp_path: Path, entries: list[str]) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(BUNDLED, folder)
    (folder / "staff.yaml").write_text("staff:\n" + "".join(entries), encoding="utf-8")
    return folder


def _entry(n: int, **extra: str) -> str:
    fields = {
        "name": f"人员{n}",
        "unit": "tax-bureau",
        "window": "tax",
        "role": "staff",
        "since": "2020-06-03",
        **extra,
    }
    return "  - {" + ", ".join(f"{k}: {v}" for k, v in fields.items()) + "}\n"


def test_a_long_roster_with_faults_here_and_there(tmp_path: Path, in_pieces: None) -> None:
    entries = [_entry(n) for n in range(9)]
    entries[1] = _entry(1, since="soon")  # a wrong type
    entries[4] = _entry(4, role="boss")  # a wrong choice
    entries[7] = _entry(7, phone="123", email="a")  # unknown keys in one item
    folder = _roster(tmp_path, entries)
    found = _found(folder)
    codes = [(code, line) for code, _, line, *_ in found]
    assert ("unknown-key", 9) in codes
    assert len([c for c in codes if c[1] == 9]) == 2  # both unknown keys of entry 7
    assert {line for _, line in codes} == {3, 6, 9}


def test_past_the_work_budget_faults_are_counted_not_described(
    tmp_path: Path, in_pieces: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(validation, "WORK_BUDGET", 3)
    entries = [_entry(n, since="soon") for n in range(40)]
    folder = _roster(tmp_path, entries)
    loaded = loader.load(folder)
    kept = [f for f in loaded.findings if (f.file or "").endswith("staff.yaml")]
    assert 0 < len(kept) < 40  # described up to the budget
    assert counts(loaded.findings)["errors"] >= 40  # every fault counted


def test_an_entry_that_is_no_mapping_is_found_in_a_long_roster(
    tmp_path: Path, in_pieces: None
) -> None:
    folder = _roster(tmp_path, [_entry(0), "  - 一段文字\n", _entry(2)])
    found = [f for f in loader.load(folder).findings if (f.file or "").endswith("staff.yaml")]
    assert [(f.line, f.blocking) for f in found] == [(3, True)]


def test_past_the_budget_a_file_level_fault_is_counted(
    tmp_path: Path, in_pieces: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(validation, "WORK_BUDGET", 0)
    folder = _roster(tmp_path, [_entry(0, since="soon"), _entry(1, since="soon")])
    text = (folder / "staff.yaml").read_text(encoding="utf-8")
    (folder / "staff.yaml").write_text("extra: 1\n" + text, encoding="utf-8")
    loaded = loader.load(folder)
    assert loaded.dataset is None
    assert counts(loaded.findings)["errors"] >= 3


def test_a_mapping_with_many_unknown_keys_reports_each(tmp_path: Path, in_pieces: None) -> None:
    unknown = {f"extra{n}": "x" for n in range(20)}  # more keys than the model has fields
    folder = _roster(tmp_path, [_entry(0, **unknown), _entry(1)])
    found = [f for f in loader.load(folder).findings if f.code == "unknown-key"]
    assert sorted(f.params["field"] for f in found) == sorted(unknown)
    assert all(f.line == 2 for f in found)


def test_an_item_with_a_long_list_of_its_own_is_validated_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    shutil.copytree(BUNDLED, folder)
    tasks = (folder / "tasks.yaml").read_text(encoding="utf-8")
    # a task with a long list of progress entries, one of them wrong: found where it is
    progress = "".join(
        f"      - {{unit: tax-bureau, status: {'bogus' if n == 3 else 'in_progress'}, "
        "since: 2020-06-05}\n"
        for n in range(6)
    )
    task = (
        "  - number: 99\n    title: 测试\n    deliverable: 测试\n    responsible: [tax-bureau]\n"
        "    deadline: 2020-12-31\n    progress:\n" + progress
    )
    text = tasks.replace("\ngoals:\n", "\n" + task + "goals:\n", 1)
    (folder / "tasks.yaml").write_text(text, encoding="utf-8")
    whole, pieces = _whole_and_pieces(folder, monkeypatch)
    assert pieces == whole
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "bogus" in row)
    bad = [f for f in pieces if (f[1] or "").endswith("tasks.yaml")]
    assert [(code, at) for code, _, at, *_ in bad] == [("bad-choice", line)]
