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
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hsreform.dataset.records import ITEMS, REQUIRED_FILES
from hsreform.edit.changes import Change
from hsreform.edit.lock import STATE_DIR, state_dir
from hsreform.edit.write import TEMP_PREFIX, atomic_write
from hsreform.reading import confined

KEEP = 20
"""How many edits undo can step back through."""
MAX_ENTRY_BYTES = 32 * 1024 * 1024
"""Largest journal entry read: the old bytes of every data file (each at most the edit cap),
in base64, and the change lines."""
FILES = frozenset({*REQUIRED_FILES, ITEMS})
"""The only files an entry may name: the data files, in the data folder itself."""
_HEX = frozenset("0123456789abcdef")
_NUMBER = re.compile(r"[0-9]{1,12}")


class Damaged(ValueError):
    """A journal entry that is not what `record` writes (by hand, by a bug, by an attacker)."""


def _folder(root: Path) -> Path:
    state_dir(root)
    return confined.folder(root, STATE_DIR, "journal")


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
    # an entry is NNNNNN.json; other names (a 5,000-digit one, Arabic-Indic digits) are not ours
    numbers = [int(p.stem) for p in folder.glob("*.json") if _NUMBER.fullmatch(p.stem)]
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
    for old_entry in _entries(folder)[:-KEEP]:
        with contextlib.suppress(OSError):
            old_entry.unlink()
    return path


def _entries(folder: Path) -> list[Path]:
    """The journal's entries, oldest first (by number: 1000000 comes after 999999)."""
    found = [p for p in folder.glob("[0-9]*.json") if _NUMBER.fullmatch(p.stem)]
    return sorted(found, key=lambda p: int(p.stem))


def latest(root: Path) -> Entry | None:
    """The newest entry, or None when the journal is empty; `Damaged` when it is not an entry
    (a folder on the way that is a symlink is refused with its own message)."""
    for part in (STATE_DIR, f"{STATE_DIR}/journal"):
        if not (root / part).exists() and not (root / part).is_symlink():
            return None
    folder = confined.folder(root, STATE_DIR, "journal")
    entries = _entries(folder)
    if not entries:
        return None
    path = entries[-1]
    raw = confined.read(path, str(path), MAX_ENTRY_BYTES)
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise Damaged(path) from None
    return _entry(path, document)


def _entry(path: Path, document: Any) -> Entry:
    """The entry `document` stands for, every part of its shape checked."""

    def need(ok: bool) -> None:
        if not ok:
            raise Damaged(path)

    need(isinstance(document, dict))
    when, command = document.get("when"), document.get("command")
    changes, files = document.get("changes"), document.get("files")
    need(isinstance(when, str) and isinstance(command, str))
    need(isinstance(changes, list) and isinstance(files, dict))
    before: dict[str, bytes] = {}
    after: dict[str, str] = {}
    for name, file in files.items():
        need(confined.file_name(name) and name in FILES and isinstance(file, dict))
        old, new = file.get("before"), file.get("after")
        need(isinstance(old, str) and isinstance(new, str))
        need(len(new) == 64 and set(new) <= _HEX)
        try:
            before[name] = base64.b64decode(old, validate=True)
        except ValueError:
            raise Damaged(path) from None
        after[name] = new
    lines = []
    for c in changes:
        need(isinstance(c, dict) and isinstance(c.get("params"), dict))
        need(isinstance(c.get("key"), str))  # and in the catalogue: rendered below
        need(isinstance(c.get("file"), str) and c["file"] in FILES)
        change = Change(c["key"], c["file"], None, c["params"])
        try:  # every line undo prints must print
            change.undone("zh")
            change.undone("en")
        except (KeyError, IndexError, ValueError, TypeError, AttributeError):
            raise Damaged(path) from None
        lines.append(change)
    return Entry(path, when, command, lines, before, after)


def forget(entry: Entry) -> None:
    """Drop an entry (it was undone, or its edit never reached the files)."""
    with contextlib.suppress(FileNotFoundError):
        entry.path.unlink()


def clean_temporary(root: Path) -> None:
    """Remove temporary files a killed edit left (call with the lock held: no writer is busy)."""
    for folder in (root, root / STATE_DIR, root / STATE_DIR / "journal"):
        if folder.is_symlink() or not folder.is_dir():  # never delete in a folder elsewhere
            continue
        for stale in folder.glob(TEMP_PREFIX + "*"):
            with contextlib.suppress(OSError):
                stale.unlink()
