"""Golden files: each view's markdown, csv and json output on the example data set.

The files under tests/golden/ are the output as it should be. After an intended change,
regenerate them and read the diff:

    python -m pytest tests/report/test_golden.py --update-golden

Every JSON output is also checked against its JSON Schema under schemas/output/.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from hsreform.cli import app
from tests.conftest import REPO

GOLDEN = Path(__file__).parent.parent / "golden"
SCHEMAS = REPO / "schemas" / "output"
EXAMPLE = ("--data", "examples/rollout-2020", "--as-of", "2020-06-25")
VIEWS = {
    "status": ("status", *EXAMPLE),
    "task": ("status", "--task", "7", *EXAMPLE),
    "check-staffing": ("check-staffing", *EXAMPLE),
    "validate": ("validate", "--data", "examples/rollout-2020", "--as-of", "2021-06-30"),
    "report": ("report", *EXAMPLE),
    "scorecard": ("scorecard", *EXAMPLE),
}
"""Each view, as a command line run from the repository root."""
FORMATS = {"markdown": "md", "csv": "csv", "json": "json"}


def run(args: tuple[str, ...], monkeypatch: pytest.MonkeyPatch) -> tuple[int, bytes]:
    """`hsreform ARGS` from the repository root (so that locations read examples/...)."""
    monkeypatch.chdir(REPO)
    for name in ("HSREFORM_DATA", "HSREFORM_LANG", "GITHUB_ACTIONS"):
        monkeypatch.delenv(name, raising=False)
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "80", "NO_COLOR": "1"})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout_bytes


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("view", VIEWS)
def test_golden(view: str, fmt: str, monkeypatch, request) -> None:
    code, out = run((*VIEWS[view], "--format", fmt), monkeypatch)
    assert code in (0, 1), out
    path = GOLDEN / f"{view}.{FORMATS[fmt]}"
    if request.config.getoption("--update-golden"):
        path.write_bytes(out)
    assert out == path.read_bytes(), f"{path.name} differs; see {__doc__.splitlines()[4].strip()}"


@pytest.mark.parametrize("view", VIEWS)
def test_json_matches_its_schema(view: str) -> None:
    schema = json.loads((SCHEMAS / f"{view}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    document = json.loads((GOLDEN / f"{view}.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)


def test_csv_starts_with_a_byte_order_mark() -> None:
    for path in GOLDEN.glob("*.csv"):
        assert path.read_bytes().startswith("\ufeff".encode()), path.name


def test_the_same_thing_is_said_the_same_way() -> None:
    """The figures of task 7 read alike in the terminal's words, markdown, csv and html."""
    for name in ("task.md", "task.csv"):
        page = (GOLDEN / name).read_text(encoding="utf-8")
        assert "2/6 缺3-6" in page
        assert "2020-06-12起" in page
