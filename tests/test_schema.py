"""hsreform schema: generated from the models, kept in step, and checked by another validator."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

from hsreform.dataset.schema import schema, schema_file_name, schemas
from tests.conftest import BUNDLED, CLEAN, REPO

COMMITTED = REPO / "schemas"
EXAMPLE = REPO / "examples" / "rollout-2020"


def _as_editor_sees_it(value: Any) -> Any:
    """YAML as a JSON validator sees it: dates are ISO text (YAML 1.2 has no date type)."""
    if isinstance(value, dict):
        return {k: _as_editor_sees_it(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_editor_sees_it(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def _errors(data_file: str, document: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(
        schema(data_file), format_checker=jsonschema.FormatChecker()
    )
    return [e.message for e in validator.iter_errors(_as_editor_sees_it(document))]


DATA_FILES = ["windows.yaml", "tasks.yaml", "staff.yaml", "items.yaml"]


@pytest.mark.parametrize("data_file", DATA_FILES)
def test_committed_schema_matches_the_models(data_file: str) -> None:
    committed = json.loads((COMMITTED / schema_file_name(data_file)).read_text(encoding="utf-8"))
    assert committed == schema(data_file), "run: hsreform schema --output schemas"


@pytest.mark.parametrize("folder", [BUNDLED, EXAMPLE, CLEAN], ids=["bundled", "example", "clean"])
@pytest.mark.parametrize("data_file", DATA_FILES)
def test_data_passes_an_independent_validator(folder: Path, data_file: str) -> None:
    if not (folder / data_file).exists():
        pytest.skip(f"{data_file} is optional and {folder.name} has none")
    document = YAML(typ="safe", pure=True).load(folder / data_file)
    assert _errors(data_file, document) == []
    jsonschema.Draft202012Validator.check_schema(schema(data_file))


@pytest.mark.parametrize("data_file", DATA_FILES)
def test_each_data_file_points_editors_at_its_schema(data_file: str) -> None:
    first = (BUNDLED / data_file).read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../schemas/{schema_file_name(data_file)}"
    assert (BUNDLED / ".." / "schemas" / schema_file_name(data_file)).is_file()


def test_broken_files_fail_the_schema() -> None:
    staff = {
        "staff": [
            {
                "name": "张伟",
                "unit": "tax-bureau",
                "window": "tax",
                "role": "boss",
                "since": "2020-6-1",
                "id_card": "652800198001010011",
            }
        ]
    }
    errors = " ".join(_errors("staff.yaml", staff))
    assert "'boss' is not one of" in errors
    assert "'2020-6-1' is not a 'date'" in errors
    assert "'id_card' was unexpected" in errors
    windows = YAML(typ="safe", pure=True).load(BUNDLED / "windows.yaml")
    windows["windows"][0]["count"] = "8"
    assert _errors("windows.yaml", windows) == ["'8' is not of type 'integer'"]


def test_cli_prints_or_writes_the_schemas(invoke, tmp_path) -> None:
    printed = invoke("schema")
    assert json.loads(printed.stdout) == schemas()
    written = invoke("schema", "--output", str(tmp_path / "out"))
    assert written.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "items.schema.json",
        "staff.schema.json",
        "tasks.schema.json",
        "windows.schema.json",
    ]
    (tmp_path / "file").write_text("")
    refused = invoke("schema", "--output", str(tmp_path / "file"))
    assert refused.exit_code == 2
    assert "不是目录" in refused.stderr
