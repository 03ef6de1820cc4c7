"""Find a data set, read its files, and turn them into models or located findings.

windows.yaml, tasks.yaml and staff.yaml are always there; items.yaml (the item catalogue)
may be left out, which means the data set has no catalogue yet.
"""

from __future__ import annotations

import os
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hsreform.common.errors import HsreformError
from hsreform.common.findings import CloseMatch, Finding, Findings, Severity
from hsreform.dataset import records
from hsreform.dataset.records import (
    FILE_RECORDS,
    ITEMS,
    KINDS,
    REQUIRED_FILES,
    STAFF,
    TASKS,
    WINDOWS,
    Catalogue,
    Group,
    ItemsFile,
    Letter,
    Progress,
    QuotaRole,
    Record,
    StaffFile,
    Task,
    TasksFile,
    Tracked,
    Unit,
    Window,
    WindowsFile,
)
from hsreform.reading import fastyaml
from hsreform.reading.yamlsource import Path_, SourceError, SourceMap, read_text, text_of

if TYPE_CHECKING:
    from hsreform.dataset.names import Names

DATA_FILES = (*REQUIRED_FILES, ITEMS)
ENV_DATA = "HSREFORM_DATA"
NAME_FIELDS = frozenset({"name", "aliases", "staff_no", "replaces"})
"""Fields that name a unit, group, window, area, office or person: people compare them."""
IDENTIFIER_FIELDS = NAME_FIELDS | records.ID_FIELDS
"""Names and id fields: no bidirectional controls or zero-width characters, not blank."""


def bundled_data_dir() -> Path:
    """The copy of data/ that ships inside the package."""
    return Path(str(resources.files("hsreform") / "data"))


def is_dir(path: Path) -> bool:
    """`path.is_dir()`, but False rather than an error for names the system refuses (too long)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def find_data_dir(
    explicit: Path | None = None, *, env: Mapping[str, str] | None = None, cwd: Path | None = None
) -> Path:
    """`--data DIR`, else `$HSREFORM_DATA`, else `./data` when it holds a data file, else the bundled copy."""
    env = os.environ if env is None else env
    cwd = Path.cwd() if cwd is None else cwd
    for chosen, origin in ((explicit, "option"), (env.get(ENV_DATA) or None, "env")):
        if chosen is None:
            continue
        path = Path(chosen)
        if not is_dir(path):
            # "not found" only when there is nothing there: a file is named as one.
            key = "usage.data_dir_not_folder" if exists(path) else "usage.data_dir_missing"
            raise HsreformError(key, path=str(path), origin=origin)
        return path
    local = cwd / "data"
    if any(_holds(local / name) for name in DATA_FILES):
        return local
    return bundled_data_dir()


def _holds(path: Path) -> bool:
    """Whether `path` is a file; True too when its folder may not be searched.

    A ./data that cannot be entered is someone's data all the same: loading it says why it
    cannot be read, where falling back to the bundled data would hide it.
    """
    try:
        return path.is_file()
    except PermissionError:
        return True
    except OSError:
        return False


def exists(path: Path) -> bool:
    """`path.exists()`, but False rather than an error for names the system refuses (too long)."""
    try:
        return path.exists()
    except OSError:
        return False


def display_path(path: Path, cwd: Path | None = None) -> str:
    """`path` relative to the working folder when it lies inside it, else absolute."""
    cwd = Path.cwd() if cwd is None else cwd
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(cwd.absolute()).as_posix()
    except ValueError:
        return str(absolute)


@dataclass
class Dataset:
    """The files of a data set as models, with the source positions of every value.

    `items` is None when the data set has no items.yaml (no catalogue).
    """

    root: Path
    windows: WindowsFile
    tasks: TasksFile
    staff: StaffFile
    sources: dict[str, SourceMap] = field(default_factory=dict)
    items: ItemsFile | None = None

    def finding(
        self, file: str, path: Path_, code: str, severity: Severity = Severity.ERROR, **params: Any
    ) -> Finding:
        """A finding at `path` of data file `file` ('windows.yaml', ...)."""
        return self.sources[file].finding(code, path, severity, **params)

    @cached_property
    def units(self) -> dict[str, Unit]:
        """Units by id (the first of any duplicates)."""
        return _first_by_id(self.windows.units)

    @cached_property
    def groups(self) -> dict[str, Group]:
        """Groups by id (the first of any duplicates)."""
        return _first_by_id(self.windows.groups)

    @cached_property
    def window_categories(self) -> dict[str, Window]:
        """Window categories by id (the first of any duplicates)."""
        return _first_by_id(self.windows.windows)

    @cached_property
    def catalogues(self) -> dict[str, Catalogue]:
        """Item catalogues by unit id (the first of any duplicates); empty without items.yaml."""
        out: dict[str, Catalogue] = {}
        for catalogue in self.items.catalogues if self.items else []:
            out.setdefault(catalogue.unit, catalogue)
        return out

    @cached_property
    def letters_by_unit(self) -> dict[str, list[Letter]]:
        """Authorization letters by unit id, in file order."""
        out: dict[str, list[Letter]] = {}
        for letter in self.items.letters if self.items else []:
            out.setdefault(letter.unit, []).append(letter)
        return out

    @cached_property
    def task_by_number(self) -> dict[int, Task]:
        """Tasks by number (the first of any duplicates)."""
        out: dict[int, Task] = {}
        for task in self.tasks.tasks:
            out.setdefault(task.number, task)
        return out

    def tracked(self) -> Iterator[tuple[str, int, Tracked]]:
        """Every task, goal and duty, with its section of tasks.yaml and its index there."""
        for section in KINDS:
            items: list[Tracked] = getattr(self.tasks, section)
            for index, item in enumerate(items):
                yield section, index, item

    def suggest(self, value: str, pool: str) -> CloseMatch:
        """The id most like `value` among the unit ids ('units'), unit and group ids
        ('references') or window ids ('windows'), worked out only if the finding is shown,
        and once per distinct value: a file of 50,000 typos stays fast."""
        return CloseMatch(value, self._pools[pool], cache=self._suggested)

    @cached_property
    def _pools(self) -> dict[str, list[str]]:
        return {
            "units": list(self.units),
            "references": [*self.units, *self.groups],
            "windows": list(self.window_categories),
        }

    @cached_property
    def _suggested(self) -> dict[tuple[str, int], str]:
        return {}

    @cached_property
    def quota_roles(self) -> dict[tuple[str, str], set[QuotaRole]]:
        """The roles of the quotas of each (window category, unit)."""
        out: dict[tuple[str, str], set[QuotaRole]] = {}
        for window in self.windows.windows:
            for quota in window.quotas:
                out.setdefault((window.id, quota.unit), set()).add(quota.role)
        return out

    @staticmethod
    def progress_by_unit(item: Tracked) -> dict[str, Progress]:
        """An item's progress entries by unit id (the first of any duplicates)."""
        out: dict[str, Progress] = {}
        for entry in item.progress:
            out.setdefault(entry.unit, entry)
        return out

    def requirement_units(self, item: Tracked) -> dict[str, set[str] | None]:
        """The units each requirement of `item` applies to, by its id in the plan's order;
        None where `applies_to` is empty: every responsible unit."""
        return {
            r.id: set(self.expand(r.applies_to)) if r.applies_to else None
            for r in item.requirements
        }

    @staticmethod
    def required(units: Mapping[str, set[str] | None], unit: str) -> list[str]:
        """The ids of the requirements (`requirement_units`) that apply to `unit`."""
        return [rid for rid, who in units.items() if who is None or unit in who]

    @cached_property
    def dispatching(self) -> frozenset[str]:
        """Ids of the units with a quota at some window (派驻单位)."""
        return frozenset(q.unit for w in self.windows.windows for q in w.quotas)

    def charged(self, item: Tracked) -> list[str]:
        """The units `item` holds to account: its responsible units, in order, narrowed by
        the data's reading of whom it charges (`charges: units-with-quota`)."""
        units = self.expand(item.responsible)
        if getattr(item, "charges", None) == "units-with-quota":
            return [u for u in units if u in self.dispatching]
        return units

    def not_charged(self, item: Tracked) -> list[str]:
        """Responsible units that the data's reading of `item` does not charge."""
        charged = set(self.charged(item))
        return [u for u in self.expand(item.responsible) if u not in charged]

    def expand(self, ids: list[str]) -> list[str]:
        """Unit ids behind a list of unit and group ids, in order, without repeats."""
        out: dict[str, None] = {}
        for ref in ids:
            group = None if ref in self.units else self.groups.get(ref)
            for unit in group.members if group else [ref]:
                out.setdefault(unit)
        return list(out)

    @cached_property
    def names(self) -> Names:
        """What people call the units, windows, people and tasks of this data set, indexed
        once: the resolver every command uses (`hsreform.dataset.names`)."""
        from hsreform.dataset.names import Names

        return Names(self)

    def find_units(self, query: str) -> list[Unit]:
        """The units a person means by `query` (id, name, alias, official full name),
        compared as `names.key` does; valid data gives at most one (`duplicate-name`)."""
        return self.names.find_units(query)

    def find_unit(self, query: str) -> Unit | None:
        """The unit `query` names, if any; never the first of several (the data then has a
        `duplicate-name` error): that is refused."""
        return self.names.find_unit(query)


def _first_by_id(items: list[Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in items:
        out.setdefault(item.id, item)
    return out


@dataclass
class Loaded:
    """What loading a data set gave: the models if they could be built, and every finding."""

    root: Path
    dataset: Dataset | None
    findings: Findings
    unreadable: bool = False
    """Some file could not be read or parsed at all (exit code 2 even for `validate`)."""


def load(
    root: Path, *, cwd: Path | None = None, texts: Mapping[str, bytes] | None = None
) -> Loaded:
    """Read and validate the data set in `root`; never raises for bad data.

    `texts` gives the files' bytes (by name) instead of reading them: the data set as an
    edit would leave it, say. A file it leaves out is a file the data set does not have.
    """
    findings = Findings()
    read: dict[str, Record] = {}
    sources: dict[str, SourceMap] = {}
    unreadable = False
    windows: Any = None
    for name in DATA_FILES:
        path = root / name
        display = display_path(path, cwd)
        there = os.path.lexists(path) if texts is None else name in texts
        if name not in REQUIRED_FILES and not there:
            continue  # an optional file left out
        try:
            text = (
                read_text(path, display, root=root)
                if texts is None
                else text_of(texts.get(name), display)
            )
            document = fastyaml.compose(text, display, names=IDENTIFIER_FIELDS)
            if document.data is None:
                raise SourceError(
                    Finding("file-empty", Severity.ERROR, display, 1, 1, {}, blocking=True)
                )
        except SourceError as exc:
            findings.add(exc.finding)
            unreadable = True
            continue
        sources[name] = document.source
        findings.extend(document.problems)
        if name == WINDOWS:
            windows = document.data
        instance = records.build(FILE_RECORDS[name], document.data)
        if instance is None:  # a fault, or a value pydantic converts: pydantic reads it
            from hsreform.dataset import validation

            names = _names_to_ids(windows)  # 税务局 written for tax-bureau
            instance = validation.read(name, document, names, findings)
        if instance is not None:
            read[name] = instance
    if not set(REQUIRED_FILES) <= set(read) or any(f.blocking for f in findings):
        return Loaded(root, None, findings, unreadable)
    dataset = Dataset(
        root,
        typing.cast(WindowsFile, read[WINDOWS]),
        typing.cast(TasksFile, read[TASKS]),
        typing.cast(StaffFile, read[STAFF]),
        sources,
        typing.cast(ItemsFile | None, read.get(ITEMS)),
    )
    return Loaded(root, dataset, findings)


def _names_to_ids(windows: Any) -> dict[str, str]:
    """Chinese names and aliases of units, groups and windows, to their ids (from raw data)."""
    out: dict[str, str] = {}
    sections = windows if isinstance(windows, dict) else {}
    for section in ("units", "groups", "windows"):
        items = sections.get(section)
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                aliases = item.get("aliases")
                for label in [item.get("name"), *(aliases if isinstance(aliases, list) else [])]:
                    if isinstance(label, str):
                        out.setdefault(label, item["id"])
    return out
