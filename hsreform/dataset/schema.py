"""The JSON Schema of each data file, generated from the models.

Editors (VS Code's YAML extension and others that speak the yaml-language-server
protocol) read it through the `# yaml-language-server: $schema=…` line at the top of each
data file, to complete keys and flag mistakes as people type.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hsreform.dataset.models import ALL_FILE_MODELS

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def schema_file_name(data_file: str) -> str:
    """windows.yaml → windows.schema.json."""
    return data_file.removesuffix(".yaml") + ".schema.json"


def schema(data_file: str) -> dict[str, Any]:
    """The JSON Schema of one data file ('windows.yaml', 'tasks.yaml', 'staff.yaml' or 'items.yaml')."""
    generated = ALL_FILE_MODELS[data_file].model_json_schema(mode="validation")
    return {"$schema": DRAFT, **generated, "title": data_file}


def schemas() -> dict[str, dict[str, Any]]:
    """Every data file's schema, by data file name."""
    return {name: schema(name) for name in ALL_FILE_MODELS}


def dumps(document: dict[str, Any]) -> str:
    """Stable, readable JSON with a final newline."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def write(folder: Path) -> list[Path]:
    """Write each schema into `folder` (created if need be); the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, document in schemas().items():
        path = folder / schema_file_name(name)
        path.write_text(dumps(document), encoding="utf-8")
        written.append(path)
    return written
