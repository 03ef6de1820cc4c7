"""Validate before write: the data set as it would be after an edit, checked like `validate`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from hsreform import checks
from hsreform.common.findings import Finding
from hsreform.dataset.loader import DATA_FILES, Dataset, display_path, load


@dataclass(frozen=True)
class Checked:
    """A data set checked in a scratch folder: its models (if it loads) and its findings."""

    dataset: Dataset | None
    findings: list[Finding]
    """Every `validate` finding, naming the files as they are in the data folder."""
    extra: list[Finding]
    """What the `extra` rules found, named the same way."""

    @property
    def blocking(self) -> list[Finding]:
        """The findings that leave the data unusable."""
        return [f for f in self.findings if f.blocking]


def check_files(
    root: Path,
    files: Mapping[Path, bytes],
    as_of: dt.date,
    extra: Callable[[Dataset], Iterable[Finding]] | None = None,
) -> Checked:
    """The data set in `root` with `files` (path: bytes) in place, loaded and checked.

    The files are checked in a scratch folder, so nothing in `root` changes; `extra` runs
    further rules (check-staffing's, say) on the data set when it loads.
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
        more: list[Finding] = []
        if loaded.dataset is not None:
            found += checks.validate(loaded.dataset, as_of)
            if extra is not None:
                more = list(extra(loaded.dataset))
        shown = {str(folder / name): display_path(root / name) for name in DATA_FILES}
        shown.update(
            {display_path(folder / name): display_path(root / name) for name in DATA_FILES}
        )

    def named(found: list[Finding]) -> list[Finding]:
        return [dataclasses.replace(f, file=shown.get(f.file or "", f.file)) for f in found]

    return Checked(loaded.dataset, named(found), named(more))


def findings_after(root: Path, files: Mapping[Path, bytes], as_of: dt.date) -> list[Finding]:
    """Every `validate` finding of the data set in `root` with `files` (path: bytes) in place."""
    return check_files(root, files, as_of).findings
