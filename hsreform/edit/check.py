"""Validate before write: the data set as it would be after an edit, checked like `validate`
(from the fast read of the files' bytes, in memory)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from hsreform import checks
from hsreform.common.findings import Finding
from hsreform.dataset.loader import DATA_FILES, Dataset, load


@dataclass(frozen=True)
class Checked:
    """A data set checked from its files' bytes: its models (if it loads) and its findings."""

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

    The files are read from these bytes, in memory (the others from `root`), so nothing
    in `root` changes; `extra` runs further rules (check-staffing's, say) on the data set
    when it loads.
    """
    by_name = {path.name: data for path, data in files.items()}
    texts = {}
    for name in DATA_FILES:
        if name in by_name:
            texts[name] = by_name[name]
        elif (root / name).is_file():
            texts[name] = (root / name).read_bytes()
    loaded = load(root, texts=texts)
    found = list(loaded.findings)
    more: list[Finding] = []
    if loaded.dataset is not None:
        found += checks.validate(loaded.dataset, as_of)
        if extra is not None:
            more = list(extra(loaded.dataset))
    return Checked(loaded.dataset, found, more)


def findings_after(root: Path, files: Mapping[Path, bytes], as_of: dt.date) -> list[Finding]:
    """Every `validate` finding of the data set in `root` with `files` (path: bytes) in place."""
    return check_files(root, files, as_of).findings
