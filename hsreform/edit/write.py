"""Write files so that a reader sees the old file or the new one, never a torn one.

Each file is written to a temporary file beside it, flushed to disk, and renamed over the
original (an atomic step on POSIX and Windows); then the folder itself is flushed so that
the rename survives a power cut. (`session.write_files` writes a set of files this way,
and only those whose bytes change.)
"""

from __future__ import annotations

import contextlib
import difflib
import os
import tempfile
from pathlib import Path

MAX_EDIT_BYTES = 1024 * 1024
"""Largest data file an edit parses or writes (round-trip parsing and writing cost about a
hundred times plain loading: 2 to 5 s per MiB); the largest real file, the example's
tasks.yaml, has 61 KB. `validate` reads up to 10 MiB."""

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
    """A unified diff of one file's change, as `git diff` shows it.

    difflib's `unified_diff` treats lines that recur often (`    role: staff`) as junk and
    then shows unchanged lines as removed and added again; this one matches every line.
    """
    old = _lines(before)
    new = _lines(after)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    out = []
    for group in matcher.get_grouped_opcodes(3):
        first, last = group[0], group[-1]
        out.append(f"@@ -{_span(first[1], last[2])} +{_span(first[3], last[4])} @@\n")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out += [" " + line for line in old[i1:i2]]
                continue
            out += ["-" + line for line in old[i1:i2]]
            out += ["+" + line for line in new[j1:j2]]
    if not out:
        return ""
    lines = [f"--- a/{name}\n", f"+++ b/{name}\n", *out]
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _lines(data: bytes) -> list[str]:
    """The lines of a file for a diff: bytes that are no UTF-8 (an old journal entry may hold
    anything) shown as U+FFFD, a CRLF's CR left out (the diff is for reading)."""
    text = data.decode("utf-8", errors="replace")
    return [
        line.removesuffix("\r\n") + "\n" if line.endswith("\r\n") else line
        for line in text.splitlines(keepends=True)
    ]


def _span(start: int, stop: int) -> str:
    """A hunk's range as unified diffs write it: 1-based start, then the length if not 1."""
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start + 1 if length else start},{length}"
