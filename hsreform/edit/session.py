"""One edit from start to end: lock → read → change → validate → journal → write.

Every command that changes the data runs through `run`:

1. take the data folder's lock (`lock.py`), waiting at most `timeout` seconds, and clear
   the temporary files a killed edit may have left;
2. read the data files once; everything after works on these bytes;
3. check them as `validate` does, from the fast read (data that cannot be loaded is not
   edited);
4. let the edit change the round-trip YAML (`progress.py`, `roster.py`, the import of
   `catalogue.py`): only the file it changes is read so, and of that file only the items
   it names (a task, a posting, a unit's catalogue; see `roundtrip.py`); if it reaches
   into another item, it is done again on the whole file;
5. check the files as they would be, from the fast read of their new bytes in memory;
   any error that was not there before refuses the edit with its reasons, and nothing is
   written;
6. unless it is a dry run: make sure no one changed a file since step 2, keep the old
   bytes in the journal (`journal.py`), then write each changed file atomically.

A dry run takes no lock and writes nothing, not even the lock file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from hsreform.common.errors import DataUnusable, HsreformError
from hsreform.common.findings import Finding, Severity
from hsreform.common.lazy import lazy
from hsreform.dataset.changes import Change
from hsreform.dataset.loader import DATA_FILES, Dataset, display_path
from hsreform.dataset.records import REQUIRED_FILES
from hsreform.edit import journal
from hsreform.edit.lock import check_wait, command_line, locked
from hsreform.edit.write import MAX_EDIT_BYTES, atomic_write
from hsreform.reading import confined
from hsreform.reading.fastyaml import LazySourceMap

# `undo` reads no YAML and checks nothing: ruamel.yaml and the rules wait for an edit.
if TYPE_CHECKING:
    from hsreform.edit import roundtrip
    from hsreform.edit.check import Checked
    from hsreform.edit.roundtrip import Editable
else:
    roundtrip = lazy("hsreform.edit.roundtrip")


@dataclass
class Workspace:
    """What an edit sees and changes: the data set before it, and the files as round-trip YAML."""

    root: Path
    dataset: Dataset
    as_of: dt.date
    snapshot: dict[str, bytes]
    opened: dict[str, Editable] = field(default_factory=dict)
    whole: bool = False
    """Read whole files, whatever the edit names (after it reached past what it named)."""

    def file(self, name: str, keep: roundtrip.Keep | None = None) -> Editable:
        """Data file `name` ('tasks.yaml', ...) ready for editing, read from the snapshot.

        `keep` names the items of its top-level lists the edit changes or looks into (list
        key → indices, as in the data set): only those are read, if the file is plain. An
        index may map to the units whose entries of the item's `progress` the edit changes or
        looks into: only those entries of it are read (`roundtrip.Keep`).
        """
        if name not in self.opened:
            path = self.root / name
            plain = isinstance(self.dataset.sources.get(name), LazySourceMap)
            parts = keep if plain and PARTS and not self.whole else None
            self.opened[name] = roundtrip.parse(
                path, self.snapshot[name], display_path(path), parts
            )
        return self.opened[name]

    def create(self, name: str, text: str) -> Editable:
        """Data file `name`, which the data set does not have yet (items.yaml), begun as `text`."""
        self.opened[name] = roundtrip.new(self.root / name, text)
        return self.opened[name]

    def discard(self, name: str) -> None:
        """Forget the edits made to file `name`: it is written as it was."""
        self.opened.pop(name, None)


def recorded(as_of: dt.date, *days: tuple[str, dt.date | None]) -> None:
    """The one rule for the days an edit records (`--on`, `--since`, `--trained-on`, ...):
    none lies after the report day, `--as-of` (today unless given). An edit records what
    has happened; what happens later is recorded on its day, or with `--as-of` that day."""
    for option, day in days:
        if day is not None and day > as_of:
            raise HsreformError(
                "edit.after_as_of", option=option, on=day.isoformat(), as_of=as_of.isoformat()
            )


PARTS = True
"""Read only the items an edit names (False: whole files, as before; the tests compare)."""


@dataclass(frozen=True)
class Edit:
    """An edit: what it changes, and the rules beyond `validate` that it must not break."""

    apply: Callable[[Workspace], list[Change]]
    """Changes the workspace's files; may run twice (see `Workspace.whole`), so it changes
    nothing else."""
    extra: Callable[[Dataset], Iterable[Finding]] | None = None
    """Further rules run before and after (check-staffing's for the roster)."""
    refuse: frozenset[str] = frozenset()
    """Codes of `extra` findings that refuse the edit when it brings new ones."""


@dataclass(frozen=True)
class Outcome:
    """What an edit did (or, for a dry run, would do)."""

    files: dict[Path, tuple[bytes, bytes]]
    """Each file it changes: (bytes before, bytes after)."""
    changes: list[Change]
    notices: list[Finding]
    """Warnings and other findings the edit brings that do not refuse it."""
    written: list[Path]


class EditRefused(DataUnusable):
    """The edit would bring errors into the data; lists them. Nothing was written."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(findings, "edit")
        self.key = "edit.refused"


POSITIONAL = frozenset({"first"})
"""Finding parameters that are line numbers (double-posting's "first on line N")."""


def _key(finding: Finding) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    """A finding without its position: lines move when an edit adds some above it."""
    params = tuple(sorted((k, str(v)) for k, v in finding.params.items() if k not in POSITIONAL))
    return (finding.code, finding.file or "", params)


def new_findings(before: Iterable[Finding], after: Iterable[Finding]) -> list[Finding]:
    """The findings of `after` that `before` did not have (counting repeats)."""
    seen = Counter(_key(f) for f in before)
    out = []
    for finding in after:
        if seen[_key(finding)] > 0:
            seen[_key(finding)] -= 1
        else:
            out.append(finding)
    return out


def check_files(
    root: Path,
    files: Mapping[Path, bytes],
    as_of: dt.date,
    extra: Callable[[Dataset], Iterable[Finding]] | None = None,
) -> Checked:
    """`edit.check.check_files`: the data set with `files` in place, loaded and checked."""
    from hsreform.edit import check

    return check.check_files(root, files, as_of, extra)


def read_data_file(path: Path) -> bytes:
    """A data file's bytes for an edit: a regular file in the data folder, not a symlink,
    within `MAX_EDIT_BYTES`, opened without blocking (see `hsreform.reading.confined`)."""
    return confined.read(path, display_path(path), MAX_EDIT_BYTES)


def _read_all(root: Path) -> dict[str, bytes]:
    snapshot = {}
    for name in DATA_FILES:
        path = root / name
        if name not in REQUIRED_FILES and not path.exists() and not path.is_symlink():
            continue  # a data set without a catalogue
        try:
            snapshot[name] = read_data_file(path)
        except OSError as exc:
            raise HsreformError(
                "edit.unreadable",
                path=display_path(root / name),
                errno=exc.errno,
                reason=exc.strerror or str(exc),
            ) from None
    return snapshot


def _write_failed(path: Path, exc: OSError) -> HsreformError:
    return HsreformError(
        "edit.write_failed", path=display_path(path), errno=exc.errno, reason=exc.strerror
    )


def _put(path: Path, data: bytes) -> None:
    """Make `path` hold `data`; no bytes stand for no file (no data file can be empty)."""
    if data:
        atomic_write(path, data)
    else:  # a file an edit created, removed again by `undo` or a rollback
        path.unlink(missing_ok=True)


def write_files(files: dict[Path, tuple[bytes, bytes]]) -> list[Path]:
    """Write each changed file atomically; if one fails, put back those already written."""
    written: list[Path] = []
    for path, (before, after) in files.items():
        if before == after:
            continue
        try:
            _put(path, after)
        except OSError as exc:
            for done in reversed(written):
                with contextlib.suppress(OSError):
                    _put(done, files[done][0])
            raise _write_failed(path, exc) from None
        written.append(path)
    return written


def _unchanged_since_read(files: dict[Path, tuple[bytes, bytes]]) -> None:
    """Refuse when someone changed a file between our read and now (we would lose their change)."""
    for path, (before, _) in files.items():
        try:
            current = read_data_file(path) if path.exists() or before else b""
        except (OSError, HsreformError):
            current = None
        if current != before:
            raise HsreformError("edit.changed_meanwhile", path=display_path(path))


def _applied(edit: Edit, workspace: Workspace) -> list[Change]:
    """`edit.apply(workspace)`; a value pydantic refuses (a blank name) is a message."""
    try:
        return edit.apply(workspace)
    except Exception as exc:
        # pydantic is imported only where a record is built through it: where it was not,
        # no ValidationError can have been raised (and an edit need not import it)
        pydantic = sys.modules.get("pydantic")
        if pydantic is None or not isinstance(exc, pydantic.ValidationError):
            raise
        errors = exc.errors()
        loc, kind, msg = (
            (errors[0]["loc"], errors[0]["type"], errors[0]["msg"]) if errors else ((), "", "")
        )
        field_name = ".".join(str(part) for part in loc) or "?"
        if kind == "string_too_short":
            raise HsreformError("edit.blank_value", field=field_name) from None
        raise HsreformError("edit.invalid_value", field=field_name, detail=msg) from None


def run(
    root: Path,
    as_of: dt.date,
    edit: Edit,
    *,
    dry_run: bool = False,
    timeout: float = 10.0,
    command: str | None = None,
) -> Outcome:
    """Carry out `edit` on the data set in `root` (see the module's docstring)."""
    check_wait(timeout)  # a dry run takes no lock, but a wrong --wait is wrong there too
    command = command or command_line()
    # A dry run writes nothing at all, not even the lock: it works on a read-only copy too.
    with contextlib.nullcontext() if dry_run else locked(root, timeout, command):
        if not dry_run:
            journal.clean_temporary(root)
        snapshot = _read_all(root)
        paths = {root / name: data for name, data in snapshot.items()}
        before = check_files(root, paths, as_of, edit.extra)
        if before.dataset is None or before.blocking:
            raise DataUnusable(before.blocking, "edit")
        try:
            changes, files = _apply(edit, Workspace(root, before.dataset, as_of, snapshot))
        except roundtrip.WholeFileNeeded:
            workspace = Workspace(root, before.dataset, as_of, snapshot, whole=True)
            changes, files = _apply(edit, workspace)
        for path, (_, new) in files.items():  # never write a file no edit could open again
            if len(new) > MAX_EDIT_BYTES:
                raise HsreformError(
                    "edit.result_too_large",
                    path=display_path(path),
                    size=len(new),
                    limit=MAX_EDIT_BYTES,
                )
        after = check_files(
            root, {**paths, **{p: new for p, (_, new) in files.items()}}, as_of, edit.extra
        )
        brought = new_findings(before.findings, after.findings)
        extra = new_findings(before.extra, after.extra)
        refused = [f for f in brought if f.severity is Severity.ERROR or f.blocking]
        refused += [f for f in extra if f.code in edit.refuse]
        if refused:
            raise EditRefused(refused)
        notices = [f for f in [*brought, *extra] if f not in refused]
        if dry_run or not files:
            return Outcome(files, changes, notices, [])
        return Outcome(files, changes, notices, _journal_and_write(root, files, changes, command))


def _apply(
    edit: Edit, workspace: Workspace
) -> tuple[list[Change], dict[Path, tuple[bytes, bytes]]]:
    """The edit's changes, and each file it changes: (bytes before, bytes after)."""
    changes = _applied(edit, workspace)
    dumped = {e.path: (e.original, e.dumps()) for e in workspace.opened.values()}
    return changes, {path: pair for path, pair in dumped.items() if pair[0] != pair[1]}


def write_planned(
    root: Path,
    files: dict[Path, tuple[bytes, bytes]],
    changes: list[Change],
    *,
    timeout: float = 10.0,
    command: str | None = None,
) -> list[Path]:
    """Write changes planned outside a session (upgrade-data) the way `run` writes its own.

    Under the lock: refused if a file changed since it was read for the plan; journalled,
    so `undo` can take it back; each file written atomically.
    """
    command = command or command_line()
    with locked(root, timeout, command):
        journal.clean_temporary(root)
        changed = {path: pair for path, pair in files.items() if pair[0] != pair[1]}
        return _journal_and_write(root, changed, changes, command) if changed else []


def _journal_and_write(
    root: Path, files: dict[Path, tuple[bytes, bytes]], changes: list[Change], command: str
) -> list[Path]:
    """With the lock held: refuse if a file changed since it was read, journal, write."""
    _unchanged_since_read(files)
    try:
        entry = journal.record(root, files, changes, command)
    except OSError as exc:
        raise _write_failed(root / ".hsreform" / "journal", exc) from None
    try:
        return write_files(files)
    except HsreformError:
        with contextlib.suppress(OSError):
            entry.unlink()
        raise


@dataclass(frozen=True)
class Undone:
    """What `undo` put back: the edit's files and change lines, and when and how it was made."""

    outcome: Outcome
    when: str
    command: str


def undo(
    root: Path, *, dry_run: bool = False, timeout: float = 10.0, command: str | None = None
) -> Undone:
    """Revert the newest journalled edit, if every file still holds what that edit wrote."""
    check_wait(timeout)
    with contextlib.nullcontext() if dry_run else locked(root, timeout, command):
        if not dry_run:
            journal.clean_temporary(root)
        try:
            entry = journal.latest(root)
        except (OSError, ValueError):
            raise HsreformError("undo.damaged", path=display_path(root / ".hsreform")) from None
        if entry is None:
            raise HsreformError("undo.nothing")
        files: dict[Path, tuple[bytes, bytes]] = {}
        for name, before in entry.before.items():
            path = root / name  # a plain data file name: the journal checks its entries
            try:
                current = read_data_file(path)
            except FileNotFoundError:
                current = b""
            if current == before:
                continue  # already as it was (an undo cut short)
            if journal.digest(current) != entry.after[name]:
                raise HsreformError(
                    "undo.changed", path=display_path(path), when=entry.when, command=entry.command
                )
            files[path] = (current, before)
        outcome = Outcome(files, entry.changes, [], [])
        if dry_run:
            return Undone(outcome, entry.when, entry.command)
        written = write_files(files)
        journal.forget(entry)
        return Undone(Outcome(files, entry.changes, [], written), entry.when, entry.command)
