"""docs/ stays true: every console example re-runs to the same output; the data reference is current."""

from __future__ import annotations

import sys

import pytest

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "tools"))
import refresh_docs


@pytest.mark.parametrize("path", refresh_docs.pages(), ids=lambda p: p.name)
def test_page_is_current(path) -> None:
    expected = refresh_docs.expected_page(path)
    assert path.read_text(encoding="utf-8") == expected, "run: python tools/refresh_docs.py"


def test_one_page_per_command_with_an_example() -> None:
    for command in ("status", "check-staffing", "validate", "schema", "report", "scorecard"):
        page = (REPO / "docs" / f"{command}.md").read_text(encoding="utf-8")
        assert f"```console\n$ hsreform {command}" in page


def test_every_data_key_is_documented() -> None:
    from hsreform.dataset.models import ALL_FILE_MODELS

    page = refresh_docs.expected_page(REPO / "docs" / "data-files.md")
    for model in ALL_FILE_MODELS.values():
        for name in model.model_fields:
            assert f"| `{name}` |" in page
