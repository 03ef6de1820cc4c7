"""Data sets to edit, each a fresh copy in a temporary folder."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import BUNDLED, DATA, REPO, build_case

EXAMPLE = REPO / "examples" / "rollout-2020"
FILES = ("windows.yaml", "tasks.yaml", "staff.yaml")


def copy_of(name: str, target: Path) -> Path:
    """'bundled' (data/), 'example' (examples/rollout-2020) or 'comments' (a hand-written,
    comment-dense data set: tests/data/clean with tests/data/edit-comments laid over it)."""
    if name == "comments":
        return build_case("edit-comments", target)
    shutil.copytree({"bundled": BUNDLED, "example": EXAMPLE}[name], target)
    return target


@pytest.fixture
def data_set(tmp_path: Path) -> Callable[[str], Path]:
    """A fresh copy of a named data set (see `copy_of`)."""
    return lambda name: copy_of(name, tmp_path / name)


def read_all(folder: Path) -> dict[str, bytes]:
    """The bytes of the three data files."""
    return {name: (folder / name).read_bytes() for name in FILES}


__all__ = ["DATA", "EXAMPLE", "FILES", "copy_of", "read_all"]
