"""Where output goes: a Rich console that leaves data as written, and plain writes.

Text a person reads (tables, finding lines, tallies, messages on stderr) goes out through
`safe.guard`, so that no line of it acts as a GitHub Actions workflow command whatever the
data holds; JSON and annotations go out as they are (they escape what they carry).

A reader that stops early (`hsreform status | head -1`) closes the pipe, and a stdout closed
before the start (`hsreform status >&-`) is no stdout at all: either way the rest of the
output is dropped quietly and the command still exits with the code its findings call
for. The same holds for stderr: a message nobody can receive is dropped, and the exit code
stays what it was (2 for a usage error). A full disk on stdout is an error of its own
(exit 2, said on stderr).
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import re
import sys
from collections.abc import Iterator, MutableMapping
from typing import TYPE_CHECKING, Any, TextIO

from hsreform.common import safe

if TYPE_CHECKING:  # imported where a console is made: JSON and plain writes need no Rich
    from rich.console import Console


def _drop_the_rest(stream: TextIO | None) -> None:
    """Send what is still to be written to `stream` into the void (its reader has gone)."""
    if stream is None:
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, stream.fileno())
    except (OSError, ValueError, AttributeError):  # no real file behind it (a test's buffer)
        pass
    finally:
        os.close(devnull)


def _gone(exc: OSError) -> bool:
    """Whether `exc` says the reader has gone (rather than, say, that the disk is full)."""
    return isinstance(exc, BrokenPipeError) or exc.errno in (errno.EPIPE, errno.EBADF)


@contextlib.contextmanager
def _reader_gone_as_broken_pipe() -> Iterator[None]:
    """Rich drops the rest of its output on a broken pipe only; a closed descriptor is alike."""
    try:
        yield
    except OSError as exc:
        if _gone(exc) and not isinstance(exc, BrokenPipeError):
            raise BrokenPipeError(exc.errno, exc.strerror) from exc
        raise


class _Guarded:
    """A text stream that passes every line written to it through `safe.guard`.

    Rich writes whole lines; should a write end mid-line, the next one is guarded as the
    continuation of that line, so that `:` + `:error::` cannot make `::error::`.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._line = ""
        """The unfinished line written so far, as written."""

    def write(self, text: str) -> int:
        """Write `text`, guarded, to the stream."""
        head = self._line
        guarded = safe.guard(head + text)
        # `guard` changes the part already written only by putting a backslash into it,
        # before a `:` or `#` that `text` continues; putting it in front of `text` instead
        # breaks up the `::` or `##[` just as well.
        out = guarded[len(head) :] if guarded.startswith(head) else "\\" + safe.guard(text)
        with _reader_gone_as_broken_pipe():
            self._stream.write(out)
        self._line = (head + out).rpartition("\n")[2]
        return len(text)

    def flush(self) -> None:
        """Flush the stream."""
        with _reader_gone_as_broken_pipe():
            self._stream.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def guarded(target: TextIO) -> TextIO:
    """`target` with every line written to it guarded (a file written by a table console)."""
    return _Guarded(target)  # type: ignore[return-value]


@functools.cache
def _console_class() -> type[Console]:
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            _drop_the_rest(sys.stderr if self.stderr else sys.stdout)

    return _Console


def console(*, stderr: bool = False) -> Console:
    """A console for our output: no markup or highlighting of data; no styling at all under NO_COLOR.

    (Rich itself keeps bold and dim under NO_COLOR; plain text is what NO_COLOR users ask for.)
    Everything it prints is guarded (see the module's docstring).
    """
    plain = bool(os.environ.get("NO_COLOR"))
    target = sys.stderr if stderr else sys.stdout
    return _console_class()(
        file=_Guarded(target) if target is not None else None,  # type: ignore[arg-type]
        stderr=stderr,
        highlight=False,
        markup=False,
        emoji=False,
        color_system=None if plain else "auto",
    )


@contextlib.contextmanager
def _unless_gone(stream: TextIO) -> Iterator[None]:
    """Writes to `stream` that stop quietly when it is closed or its reader has gone."""
    try:
        yield
    except ValueError:  # closed by now
        pass
    except OSError as exc:
        if not _gone(exc):
            raise
        _drop_the_rest(stream)


def _put(stream: TextIO | None, text: str) -> None:
    if stream is None:  # closed before the start (`>&-`): nobody reads it
        return
    with _unless_gone(stream):
        stream.write(text)
        stream.flush()


def write(text: str) -> None:
    """Write `text` to stdout as it is (JSON, annotations); a closed stdout drops it quietly."""
    _put(sys.stdout, text)


def write_bytes(data: bytes) -> None:
    """Write `data` to stdout as it is (a binary format into a pipe); a closed stdout drops it."""
    stream = sys.stdout
    if stream is None:
        return
    with _unless_gone(stream):
        stream.flush()
        stream.buffer.write(data)
        stream.buffer.flush()


def echo(text: str) -> None:
    """Write human-readable `text` to stdout, guarded; a closed stdout drops it quietly."""
    _put(sys.stdout, safe.guard(text))


def complain(text: str) -> None:
    """Write a message (already in its language) to stderr, guarded; dropped if none can be."""
    try:
        _put(sys.stderr, safe.guard(text))
    except OSError:  # a full disk behind stderr: the exit code still says what happened
        _drop_the_rest(sys.stderr)


SANE_WIDTHS = range(20, 1001)
"""Terminal widths taken from $COLUMNS (and Typer's $TERMINAL_WIDTH); others are ignored."""
_NUMBER = re.compile(r"[0-9]{1,6}")


def tame_environment(environ: MutableMapping[str, str]) -> None:
    """Drop width settings that would make output vanish, fold to nothing, or crash.

    `COLUMNS=0` leaves Rich no room for a single character, so tables and even error
    messages disappear; `COLUMNS=5` folds every word; `COLUMNS=100000000` pads the help to
    gigabytes; a `TERMINAL_WIDTH` that is no number crashes Typer's help. Without them the
    terminal's own size is used, or 80 columns.
    """
    for name in ("COLUMNS", "LINES", "TERMINAL_WIDTH"):
        value = environ.get(name)
        if value is None:
            continue
        limits = SANE_WIDTHS if name != "LINES" else range(1, 10001)
        if not (_NUMBER.fullmatch(value) and int(value) in limits):
            del environ[name]
