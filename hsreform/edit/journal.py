"""The journal of recent edits, for `hsreform undo`.

Each edit leaves one entry in `.hsreform/journal/` of the data folder: the bytes of every
file it changed as they were before, a hash of what it wrote, and the change lines. Undo
takes the newest entry and puts the old bytes back, but only while every file still holds
exactly what the edit wrote: a file changed since (by hand, by another edit) is named and
nothing is restored. The last `KEEP` entries are kept, so undo can step back that far.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hsreform.edit.changes import Change
from hsreform.edit.lock import state_dir
from hsreform.edit.write import TEMP_PREFIX, atomic_write

KEEP = 20
"""How many edits undo can step back through."""


def _folder(root: Path) -> Path:
    folder = state_dir(root) / "journal"
    folder.mkdir(exist_ok=True)
    return folder


def digest(data: bytes) -> str:
    """The SHA-256 of `data`, as hex."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Entry:
    """One edit as the journal keeps it."""

    path: Path
    when: str
    command: str
    changes: list[Change]
    before: dict[str, bytes]
    """File name: the bytes before the edit."""
    after: dict[str, str]
    """File name: the SHA-256 of the bytes the edit wrote."""


def record(
    root: Path, files: Mapping[Path, tuple[bytes, bytes]], changes: list[Change], command: str
) -> Path:
    """Keep an edit (path: (before, after) for each file it writes); the entry's path."""
    folder = _folder(root)
    numbers = [int(p.stem) for p in folder.glob("*.json") if p.stem.isdigit()]
    path = folder / f"{max(numbers, default=0) + 1:06d}.json"
    document: dict[str, Any] = {
        "when": dt.datetime.now().isoformat(timespec="seconds"),
        "command": command,
        "changes": [{"key": c.key, "file": c.file, "params": c.params} for c in changes],
        "files": {
            p.name: {"before": base64.b64encode(old).decode("ascii"), "after": digest(new)}
            for p, (old, new) in files.items()
            if old != new
        },
    }
    atomic_write(path, json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8"))
    for old_entry in sorted(folder.glob("*.json"))[:-KEEP]:
        with contextlib.suppress(OSError):
            old_entry.unlink()
    return path


def latest(root: Path) -> Entry | None:
    """The newest entry, or None when the journal is empty."""
    folder = root / ".hsreform" / "journal"
    entries = sorted(folder.glob("[0-9]*.json")) if folder.is_dir() else []
    if not entries:
        return None
    path = entries[-1]
    document = json.loads(path.read_text(encoding="utf-8"))
    return Entry(
        path,
        document["when"],
        document["command"],
        [Change(c["key"], c["file"], None, c["params"]) for c in document["changes"]],
        {name: base64.b64decode(f["before"]) for name, f in document["files"].items()},
        {name: f["after"] for name, f in document["files"].items()},
    )


def forget(entry: Entry) -> None:
    """Drop an entry (it was undone, or its edit never reached the files)."""
    with contextlib.suppress(FileNotFoundError):
        entry.path.unlink()


def clean_temporary(root: Path) -> None:
    """Remove temporary files a killed edit left (call with the lock held: no writer is busy)."""
    for folder in (root, root / ".hsreform", root / ".hsreform" / "journal"):
        for stale in folder.glob(TEMP_PREFIX + "*") if folder.is_dir() else []:
            with contextlib.suppress(OSError):
                stale.unlink()
