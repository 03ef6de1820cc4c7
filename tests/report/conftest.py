"""Fixture data for the report tests: the clean data set with hostile names."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import CLEAN

SCRIPT = "<script>alert(1)</script>"
FORMULAS = {
    "公安局": '=HYPERLINK("http://example.invalid","点我")',
    "市场监管单位": "+1 市场监管单位",
    "税务窗口": "@SUM(1+1)",
    "选派骨干力量进驻": "-2 选派骨干力量进驻",
}
"""Names in the clean data set, and what the hostile copy calls them instead."""


def hostile_copy(target: Path) -> Path:
    """The clean data set with a unit named <script>…, and names that start formulas."""
    shutil.copytree(CLEAN, target)
    windows = target / "windows.yaml"
    text = windows.read_text(encoding="utf-8").replace("name: 税务局", f'name: "{SCRIPT}"')
    for old, new in FORMULAS.items():
        quoted = new.replace("\\", "\\\\").replace('"', '\\"')
        text = text.replace(f"name: {old}", f'name: "{quoted}"')
    windows.write_text(text, encoding="utf-8")
    tasks = target / "tasks.yaml"
    title = FORMULAS["选派骨干力量进驻"]
    tasks.write_text(
        tasks.read_text(encoding="utf-8").replace("title: 选派骨干力量进驻", f'title: "{title}"'),
        encoding="utf-8",
    )
    return target


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """A data set whose names try to run script in HTML and formulas in spreadsheets."""
    return hostile_copy(tmp_path / "hostile")
