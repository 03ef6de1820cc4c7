"""The data folder's lock: one edit at a time reads, checks and writes the files.

The lock is an OS lock (filelock: `flock` on POSIX, `LockFileEx` on Windows) on
`.hsreform/lock` in the data folder, so it vanishes with the process that holds it: a
killed edit leaves no stale lock behind. Beside it, `.hsreform/lock.info` says who holds
the lock (process id, host, command, since when), for the message another edit shows when
it gives up waiting.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from hsreform.common.errors import HsreformError
from hsreform.reading import confined

STATE_DIR = ".hsreform"
"""The folder inside the data folder that holds the lock and the journal (keep it out of git)."""


def state_dir(root: Path) -> Path:
    """`.hsreform/` in the data folder `root`, created when missing; refused when it is a
    symlink or no folder (`confined.folder`)."""
    return confined.folder(root, STATE_DIR)


def command_line() -> str:
    """How this process was started, as a user would type it."""
    name = Path(sys.argv[0]).name if sys.argv else "hsreform"
    if name in ("__main__.py", "-m", "-c"):
        name = "hsreform"
    return " ".join([name, *sys.argv[1:]])


def holder(root: Path) -> dict[str, Any]:
    """What the lock's holder wrote about itself (empty if nothing readable)."""
    path = root / STATE_DIR / "lock.info"
    try:
        info = json.loads(confined.read(path, str(path), INFO_BYTES).decode("utf-8"))
    except (OSError, ValueError, RecursionError, HsreformError):
        return {}
    return info if isinstance(info, dict) else {}


MAX_WAIT = 3600.0
"""Longest `--wait` for the lock, in seconds."""
INFO_BYTES = 64 * 1024
"""Most of `lock.info` read: what it says is shown in one message."""


def check_wait(timeout: float) -> None:
    """Refuse a wait that is not a number of seconds from 0 to `MAX_WAIT` (nan, -1, inf)."""
    if not 0 <= timeout <= MAX_WAIT:  # False for nan too
        raise HsreformError("usage.bad_wait", value=f"{timeout:g}", limit=f"{MAX_WAIT:g}")


def _write_info(path: Path, text: str) -> None:
    """Write `lock.info`, never through a symlink put there since the look (O_NOFOLLOW)."""
    confined.plain(path, str(path))
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags | getattr(os, "O_NONBLOCK", 0), 0o644)
    with os.fdopen(fd, "w", encoding="utf-8") as stream:
        stream.write(text)


@contextlib.contextmanager
def locked(root: Path, timeout: float, command: str | None = None) -> Iterator[None]:
    """Hold the data folder's lock, waiting at most `timeout` seconds for it.

    `command` (default: this process's command line) is what others are told holds it.
    """
    check_wait(timeout)
    folder = state_dir(root)
    # filelock opens the lock with O_TRUNC: a symlink there would empty its target
    confined.plain(folder / "lock", str(folder / "lock"))
    info = folder / "lock.info"
    confined.plain(info, str(info))
    lock = FileLock(folder / "lock")
    try:
        lock.acquire(timeout=timeout, poll_interval=0.05)
    except Timeout:
        who = holder(root)
        raise HsreformError(
            "edit.locked",
            path=str(root),
            seconds=f"{timeout:g}",
            pid=who.get("pid", "?"),
            host=who.get("host", "?"),
            command=who.get("command", "?"),
            since=who.get("since", "?"),
        ) from None
    except OSError as exc:
        raise HsreformError(
            "edit.not_writable", path=str(root), errno=exc.errno, reason=exc.strerror
        ) from None
    try:
        with contextlib.suppress(OSError, HsreformError):  # a courtesy, not a need
            _write_info(
                info,
                json.dumps(
                    {
                        "pid": os.getpid(),
                        "host": socket.gethostname(),
                        "command": command or command_line(),
                        "since": dt.datetime.now().isoformat(timespec="seconds"),
                    },
                    ensure_ascii=False,
                ),
            )
        yield
    finally:
        with contextlib.suppress(OSError):
            info.unlink()
        lock.release()
