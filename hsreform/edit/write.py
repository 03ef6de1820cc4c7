"""Write files so that a reader sees the old file or the new one, never a torn one.

Each file is written to a temporary file beside it, flushed to disk, and renamed over the
original (an atomic step on POSIX and Windows); then the folder itself is flushed so that
the rename survives a power cut. Nothing is written for a file whose bytes do not change.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

TEMP_PREFIX = ".hsreform-"
"""Temporary files start so; a run that was killed may leave one, which later runs ignore."""


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step, keeping its permissions."""
    folder = path.parent
    mode = path.stat().st_mode & 0o7777 if path.exists() else 0o644
    fd, temp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Flush the folder's entry for a renamed file (not possible, nor needed, on Windows)."""
    if os.name != "posix":  # pragma: no cover
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def diff(before: bytes, after: bytes, name: str) -> str:
    """A unified diff of one file's change, as `git diff` shows it."""
    old = before.decode("utf-8").splitlines(keepends=True)
    new = after.decode("utf-8").splitlines(keepends=True)
    lines = difflib.unified_diff(old, new, f"a/{name}", f"b/{name}")
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def write_all(changes: Mapping[Path, tuple[bytes, bytes]]) -> list[Path]:
    """Write each changed file (path: (before, after)); the paths actually written."""
    written = []
    for path, (before, after) in changes.items():
        if before != after:
            atomic_write(path, after)
            written.append(path)
    return written
