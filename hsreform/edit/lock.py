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

STATE_DIR = ".hsreform"
"""The folder inside the data folder that holds the lock and the journal (keep it out of git)."""


def state_dir(root: Path) -> Path:
    """`.hsreform/` in the data folder `root`, created when missing."""
    folder = root / STATE_DIR
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise HsreformError(
            "edit.not_writable", path=str(root), errno=exc.errno, reason=exc.strerror
        ) from None
    return folder


def command_line() -> str:
    """How this process was started, as a user would type it."""
    name = Path(sys.argv[0]).name if sys.argv else "hsreform"
    if name in ("__main__.py", "-m", "-c"):
        name = "hsreform"
    return " ".join([name, *sys.argv[1:]])


def holder(root: Path) -> dict[str, Any]:
    """What the lock's holder wrote about itself (empty if nothing readable)."""
    try:
        info = json.loads((root / STATE_DIR / "lock.info").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return info if isinstance(info, dict) else {}


@contextlib.contextmanager
def locked(root: Path, timeout: float, command: str | None = None) -> Iterator[None]:
    """Hold the data folder's lock, waiting at most `timeout` seconds for it.

    `command` (default: this process's command line) is what others are told holds it.
    """
    folder = state_dir(root)
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
    info = folder / "lock.info"
    try:
        with contextlib.suppress(OSError):  # who holds the lock is a courtesy, not a need
            info.write_text(
                json.dumps(
                    {
                        "pid": os.getpid(),
                        "host": socket.gethostname(),
                        "command": command or command_line(),
                        "since": dt.datetime.now().isoformat(timespec="seconds"),
                    },
                    ensure_ascii=False,
                ),
                encoding="utf-8",
            )
        yield
    finally:
        with contextlib.suppress(OSError):
            info.unlink()
        lock.release()
