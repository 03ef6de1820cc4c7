"""Where output goes: a Rich console that leaves data as written, and plain writes.

A reader that stops early (`hsreform status | head -1`) closes the pipe; the rest of the
output is dropped quietly and the command still exits with the code its findings call for.
"""

from __future__ import annotations

import os
import sys

from rich.console import Console


def _drop_the_rest() -> None:
    """Send what is still to be written to stdout into the void (the reader has gone)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file behind stdout (a test runner's buffer)
        pass
    finally:
        os.close(devnull)


class _Console(Console):
    def on_broken_pipe(self) -> None:
        self.quiet = True
        _drop_the_rest()


def console(*, stderr: bool = False) -> Console:
    """A console for our output: no markup or highlighting of data; no styling at all under NO_COLOR.

    (Rich itself keeps bold and dim under NO_COLOR; plain text is what NO_COLOR users ask for.)
    """
    plain = bool(os.environ.get("NO_COLOR"))
    return _Console(
        stderr=stderr,
        highlight=False,
        markup=False,
        emoji=False,
        color_system=None if plain else "auto",
    )


def write(text: str) -> None:
    """Write `text` to stdout as it is; a closed pipe drops it quietly."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        _drop_the_rest()


def write_bytes(data: bytes) -> None:
    """Write `data` to stdout as it is (a binary format into a pipe); a closed pipe drops it."""
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        _drop_the_rest()
