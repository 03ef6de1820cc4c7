"""Validate before write: the data set as it would be after an edit, checked like `validate`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from hsreform import checks
from hsreform.findings import Finding
from hsreform.loader import DATA_FILES, display_path, load


def findings_after(root: Path, files: Mapping[Path, bytes], as_of: dt.date) -> list[Finding]:
    """Every `validate` finding of the data set in `root` with `files` (path: bytes) in place.

    The files are checked in a scratch folder, so nothing in `root` changes; findings name
    the files as they are in `root`.
    """
    by_name = {path.name: data for path, data in files.items()}
    with tempfile.TemporaryDirectory(prefix="hsreform-check-") as scratch:
        folder = Path(scratch)
        for name in DATA_FILES:
            if name in by_name:
                (folder / name).write_bytes(by_name[name])
            elif (root / name).is_file():
                shutil.copyfile(root / name, folder / name)
        loaded = load(folder)
        found = list(loaded.findings)
        if loaded.dataset is not None:
            found += checks.validate(loaded.dataset, as_of)
        shown = {str(folder / name): display_path(root / name) for name in DATA_FILES}
        shown.update(
            {display_path(folder / name): display_path(root / name) for name in DATA_FILES}
        )
    return [dataclasses.replace(f, file=shown.get(f.file or "", f.file)) for f in found]
