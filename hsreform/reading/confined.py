"""The one guard for every path the program derives from data, the journal or its arguments.

The data folder's own state is untrusted input like the data files: a journal entry may name
`../outside/file`, `.hsreform/lock.info` may be a symlink to a file the user cares about,
`.hsreform/journal` a symlink to another folder, a data file a FIFO that blocks whoever opens
it. So every path an edit, `undo` or the journal reads or writes goes through here:

- `file_name(name)`: a name taken from data or the journal is a plain file name (no folder,
  no `..`, not absolute, no NUL), or it is refused;
- `folder(root, *parts)`: a folder inside the data folder (`.hsreform`, `.hsreform/journal`),
  created when missing, refused when it, or a folder on the way, is a symlink or no folder;
- `plain(path, display)`: a file inside the data folder that is about to be written or
  removed is a regular file or missing: a symlink, a FIFO, a device or a folder is refused;
- `read(path, display, limit)`: a file's bytes, opened without following a symlink and
  without blocking (O_NOFOLLOW, O_NONBLOCK), only if it is a regular file within `limit`.

Symlinks are refused for edits even where `validate` follows them (a data file linked to
another file of the same folder): an edit replaces a file by renaming a new one over it,
which would turn the link into a plain file and leave its target as it was. Edit the
target itself instead.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from hsreform.common.errors import HsreformError

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def file_name(name: object) -> bool:
    """Whether `name` is a plain file name: text, no folder, not `.`/`..`, no NUL, not empty."""
    return (
        isinstance(name, str)
        and name not in ("", ".", "..")
        and not any(c in name for c in "/\\\x00")
        and not (len(name) >= 2 and name[1] == ":")  # C:file on Windows
    )


def _refuse(display: str, info: os.stat_result) -> HsreformError:
    if stat.S_ISLNK(info.st_mode):
        return HsreformError("confined.symlink", path=display)
    if stat.S_ISDIR(info.st_mode):
        return HsreformError("confined.directory", path=display)
    return HsreformError("confined.special", path=display)


def folder(root: Path, *parts: str, display: str | None = None) -> Path:
    """`root/parts...`, each part a real folder (made when missing), none a symlink."""
    path = root
    for part in parts:
        path = path / part
        shown = display or str(path)
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            try:
                path.mkdir()
            except FileExistsError:  # made meanwhile by another edit: look again
                info = os.lstat(path)
            except OSError as exc:
                raise HsreformError(
                    "edit.not_writable", path=shown, errno=exc.errno, reason=exc.strerror
                ) from None
            else:
                continue
        except OSError as exc:
            raise HsreformError(
                "edit.not_writable", path=shown, errno=exc.errno, reason=exc.strerror
            ) from None
        if not stat.S_ISDIR(info.st_mode):
            raise _refuse(shown, info)
    return path


def plain(path: Path, display: str) -> bool:
    """Whether `path` exists, refusing anything but a regular file (a symlink included)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise HsreformError(
            "edit.unreadable", path=display, errno=exc.errno, reason=exc.strerror or str(exc)
        ) from None
    if not stat.S_ISREG(info.st_mode):
        raise _refuse(display, info)
    return True


def read(path: Path, display: str, limit: int) -> bytes:
    """The bytes of the regular file `path` (not a symlink, at most `limit` bytes)."""
    plain(path, display)  # says which of symlink, folder or pipe it is
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # became a symlink since the look
            raise HsreformError("confined.symlink", path=display) from None
        if exc.errno == errno.ENOENT:
            raise
        raise HsreformError(
            "edit.unreadable", path=display, errno=exc.errno, reason=exc.strerror or str(exc)
        ) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _refuse(display, info)
        if info.st_size > limit:
            raise HsreformError("confined.too_large", path=display, size=info.st_size, limit=limit)
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, limit + 1 - total)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise HsreformError("confined.too_large", path=display, size=total, limit=limit)
        return b"".join(chunks)
    except OSError as exc:
        raise HsreformError(
            "edit.unreadable", path=display, errno=exc.errno, reason=exc.strerror or str(exc)
        ) from None
    finally:
        os.close(fd)
