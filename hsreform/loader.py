"""Find a data set, read its files, and turn them into models or located findings.

windows.yaml, tasks.yaml and staff.yaml are always there; items.yaml (the item catalogue)
may be left out, which means the data set has no catalogue yet.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import types
import typing
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, StringConstraints, TypeAdapter, ValidationError

from hsreform import fastyaml
from hsreform.errors import HsreformError
from hsreform.findings import CloseMatch, Finding, Findings, Severity
from hsreform.i18n import WORDS
from hsreform.models import (
    ALL_FILE_MODELS,
    FILE_MODELS,
    ITEMS,
    KINDS,
    WINDOWS,
    Catalogue,
    Group,
    ItemsFile,
    Letter,
    Progress,
    QuotaRole,
    StaffFile,
    Task,
    TasksFile,
    Tracked,
    Unit,
    Window,
    WindowsFile,
)
from hsreform.report.safe import shown
from hsreform.yamlsource import MAX_NODES, Document, Path_, SourceError, SourceMap, read_text

DATA_FILES = tuple(ALL_FILE_MODELS)
ENV_DATA = "HSREFORM_DATA"
NAME_FIELDS = frozenset({"name", "aliases", "staff_no", "replaces"})
"""Fields that name a unit, group, window, area, office or person: people compare them."""


def _id_fields(annotation: Any, seen: set[Any]) -> set[str]:
    """Fields, in the models reachable from `annotation`, that hold ids (patterned strings)."""
    found: set[str] = set()
    for arg in typing.get_args(annotation):
        found |= _id_fields(arg, seen)
    if (
        isinstance(annotation, type)
        and issubclass(annotation, BaseModel)
        and annotation not in seen
    ):
        seen.add(annotation)
        for name, info in annotation.model_fields.items():
            constraints = [*info.metadata, *_annotated_metadata(info.annotation)]
            if any(isinstance(c, StringConstraints) and c.pattern for c in constraints):
                found.add(name)
            found |= _id_fields(info.annotation, seen)
    return found


def _annotated_metadata(annotation: Any) -> list[Any]:
    """The metadata of every `Annotated[...]` inside an annotation such as `list[Slug] | None`."""
    out = list(getattr(annotation, "__metadata__", ()))
    for arg in typing.get_args(annotation):
        out += _annotated_metadata(arg)
    return out


IDENTIFIER_FIELDS = NAME_FIELDS.union(*(_id_fields(m, set()) for m in FILE_MODELS.values()))
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

    def expand(self, ids: list[str]) -> list[str]:
        """Unit ids behind a list of unit and group ids, in order, without repeats."""
        out: dict[str, None] = {}
        for ref in ids:
            group = None if ref in self.units else self.groups.get(ref)
            for unit in group.members if group else [ref]:
                out.setdefault(unit)
        return list(out)

    def find_units(self, query: str) -> list[Unit]:
        """The units a person means by `query`: its id, Chinese name or alias.

        Compared as the data is (NFC, no surrounding blanks). Valid data gives at most one
        (`duplicate-name` otherwise); the caller decides what several mean.
        """
        query = unicodedata.normalize("NFC", query.strip())
        if query in self.units:
            return [self.units[query]]
        return [u for u in self.windows.units if query == u.name or query in u.aliases]

    def find_unit(self, query: str) -> Unit | None:
        """The unit `query` names (id, Chinese name or alias), if any; never the first of
        several (the data then has a `duplicate-name` error): that is refused."""
        found = self.find_units(query)
        if len(found) > 1:
            raise HsreformError("usage.ambiguous_unit", value=query, ids=[u.id for u in found])
        return found[0] if found else None


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


def load(root: Path, *, cwd: Path | None = None) -> Loaded:
    """Read and validate the data set in `root`; never raises for bad data."""
    findings = Findings()
    models: dict[str, BaseModel] = {}
    sources: dict[str, SourceMap] = {}
    unreadable = False
    names: dict[str, str] = {}
    for name, model in ALL_FILE_MODELS.items():
        path = root / name
        display = display_path(path, cwd)
        if name not in FILE_MODELS and not os.path.lexists(path):
            continue  # an optional file left out
        try:
            document = fastyaml.compose(
                read_text(path, display, root=root), display, names=IDENTIFIER_FIELDS
            )
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
            names = _names_to_ids(document.data)
        instance = validated(model, document, names, findings)
        if instance is not None:
            models[name] = instance
    if not set(FILE_MODELS) <= set(models) or any(f.blocking for f in findings):
        return Loaded(root, None, findings, unreadable)
    dataset = Dataset(
        root,
        typing.cast(WindowsFile, models["windows.yaml"]),
        typing.cast(TasksFile, models["tasks.yaml"]),
        typing.cast(StaffFile, models["staff.yaml"]),
        sources,
        typing.cast(ItemsFile | None, models.get(ITEMS)),
    )
    return Loaded(root, dataset, findings)


# pydantic errors -> findings ----------------------------------------------------------

_TYPE_CODES = {
    "missing": "missing-key",
    "extra_forbidden": "unknown-key",
    "greater_than_equal": "out-of-range",
    "less_than_equal": "out-of-range",
    "too_short": "empty-list",
    "string_too_short": "empty-text",
    "string_too_long": "text-too-long",
    "string_pattern_mismatch": "bad-id",
    "enum": "bad-choice",
    "literal_error": "bad-choice",
}
_EXPECTED = {
    "int": "integer",
    "string": "text",
    "bool": "boolean",
    "list": "list",
    "model": "mapping",
    "dict": "mapping",
    "date": "date",
}


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


def validated(
    model: type[BaseModel], document: Document, names: Mapping[str, str], out: Findings
) -> BaseModel | None:
    """`document` as `model`, its faults added to `out` as findings; None when it has any.

    A file of at most `MAX_NODES` values is validated whole. A larger one (only a plain
    file can be one) is validated so that work and memory stay linear in it, whatever is
    wrong with it: long lists item by item, the unknown keys of a mapping with many of them
    reported here, and past `WORK_BUDGET` findings the faults only counted.
    """
    if document.values <= MAX_NODES:
        try:
            return model.model_validate(document.data)
        except ValidationError as exc:
            out.extend(schema_findings(exc, model, document.data, document.source, names))
            return None
    found = Findings()
    instance = _piecewise(model, document.data, (), document.source, names, found)
    out.extend(found)
    return instance


LONG_LIST = 1_000
"""A list of models longer than this is validated item by item (in a large file)."""
WIDE_MAPPING = 64
"""Unknown keys beyond which a mapping's are reported here rather than by pydantic."""
WORK_BUDGET = 5_000
"""Findings made in full for a large file; past it, faults are counted, not described."""


@dataclass(frozen=True)
class _Shape:
    """What `_piecewise` needs to know of a model, worked out once."""

    fields: frozenset[str]
    lists: tuple[tuple[str, type[BaseModel]], ...]
    """The fields that hold a list of models, and that model."""


@functools.cache
def _shape(model: type[BaseModel]) -> _Shape:
    lists = []
    for name, info in model.model_fields.items():
        item = _item_type(info.annotation)
        if isinstance(item, type) and issubclass(item, BaseModel):
            lists.append((name, item))
    return _Shape(frozenset(model.model_fields), tuple(lists))


def _piecewise(
    model: type[BaseModel],
    data: Any,
    path: Path_,
    source: SourceMap,
    names: Mapping[str, str],
    out: Findings,
) -> BaseModel | None:
    """`data` at `path` validated as `model` in pieces; None when it has faults (in `out`)."""
    skip: set[str] = set()
    if isinstance(data, dict):
        shape = _shape(model)
        if len(data) > len(shape.fields):
            data = _without_unknown_keys(model, shape, data, path, source, out)
        pieces = {}
        for name, item_model in shape.lists:
            items = data.get(name)
            if not isinstance(items, list):
                continue
            done = _items(item_model, items, (*path, name), source, names, out)
            if any(piece is None for piece in done):
                skip.add(name)  # its faults are reported item by item
            pieces[name] = [piece for piece in done if piece is not None]
        if pieces:
            data = {**data, **pieces}
    validator = model.__pydantic_validator__
    try:
        instance = validator.validate_python(data)
    except ValidationError as exc:
        if len(out) > WORK_BUDGET:
            out.count(source.file, "schema", exc.error_count())
        else:
            out.extend(schema_findings(exc, model, data, source, names, prefix=path, skip=skip))
        return None
    return None if skip else typing.cast(BaseModel, instance)


CHUNK = 500
"""Items of a long list validated together, when none of them is large itself."""


def _items(
    model: type[BaseModel],
    items: list[Any],
    path: Path_,
    source: SourceMap,
    names: Mapping[str, str],
    out: Findings,
) -> list[BaseModel | None]:
    """Each item of a list (at `path`) as `model`, or None where it has faults (in `out`).

    Items go to pydantic a chunk at a time, which costs little more than the whole list
    at once; an item that is large itself (many keys, a long list of its own) goes alone
    through `_piecewise`, so that no one validation can make errors without bound.
    """
    shape = _shape(model)
    adapter = _list_adapter(model)
    done: list[BaseModel | None] = []
    for start in range(0, len(items), CHUNK):
        chunk = items[start : start + CHUNK]
        if any(_large(shape, item) for item in chunk):
            done += [
                _piecewise(model, item, (*path, start + n), source, names, out)
                for n, item in enumerate(chunk)
            ]
            continue
        try:
            done += adapter.validate_python(chunk)
        except ValidationError as exc:
            if len(out) > WORK_BUDGET:  # enough said: the rest is only counted
                out.count(source.file, "schema", exc.error_count())
                done += [None] * len(chunk)
                continue
            whole = typing.cast(type[BaseModel], list[model])  # type: ignore[valid-type]
            out.extend(schema_findings(exc, whole, chunk, source, names, prefix=path, offset=start))
            failed = {_failed_item(e) for e in exc.errors(include_url=False)}
            done += [
                None
                if n in failed
                else _piecewise(model, item, (*path, start + n), source, names, Findings())
                for n, item in enumerate(chunk)
            ]
    return done


def _failed_item(error: Any) -> int | None:
    loc = error.get("loc") or ()
    return loc[0] if loc and isinstance(loc[0], int) else None


@functools.cache
def _list_adapter(model: type[BaseModel]) -> TypeAdapter[list[BaseModel]]:
    return TypeAdapter(list[model])  # type: ignore[valid-type]


def _large(shape: _Shape, item: Any) -> bool:
    """Whether an item should be validated alone: many keys, or a long list of its own."""
    if not isinstance(item, dict):
        return False
    if len(item) > len(shape.fields):
        return True
    return any(
        isinstance(value, list) and len(value) > CHUNK
        for value in (item.get(name) for name, _ in shape.lists)
    )


def _without_unknown_keys(
    model: type[BaseModel],
    shape: _Shape,
    data: dict[str, Any],
    path: Path_,
    source: SourceMap,
    out: Findings,
) -> dict[str, Any]:
    """`data` without the keys `model` does not know, when there are many: each reported
    here (kept or counted), rather than all at once by pydantic."""
    unknown = [key for key in data if key not in shape.fields]
    if len(unknown) <= WIDE_MAPPING:
        return data
    allowed = list(model.model_fields)
    for key in unknown:
        if not out.counted(source.file, "unknown-key"):
            out.add(
                source.finding(
                    "unknown-key", (*path, key), key=True, blocking=True, field=str(key),
                    allowed=allowed, close=CloseMatch(str(key), allowed), value=_short(data[key]),
                )
            )  # fmt: skip
    return {key: value for key, value in data.items() if key in shape.fields}


def schema_findings(
    exc: ValidationError,
    model: type[BaseModel],  # or list[Model], for a list's items
    data: Any,
    source: SourceMap,
    names: Mapping[str, str] | None = None,
    *,
    prefix: Path_ = (),
    skip: set[str] | frozenset[str] = frozenset(),
    offset: int = 0,
) -> Findings:
    """One finding per faulty value, located through the source map (kept and counted).

    `names` (Chinese name → id) lets a name written where an id belongs say which id;
    `data` stands at `prefix` in the file, and errors under the fields in `skip` are left
    out. A value that aliases put in many places (`- *entry` a thousand times) is one value
    with one fault: it is reported once, where it is written.
    """
    out = Findings()
    seen: set[tuple[Any, ...]] = set()
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        if loc and loc[0] in skip:  # a list checked item by item (see `_piecewise`)
            continue
        local, parent, value = _data_path(data, loc)
        path = local
        if offset and path and isinstance(path[0], int):  # `data` is a chunk of a list
            path = (path[0] + offset, *path[1:])
        path = (*prefix, *path)
        kind = error["type"]
        # A mapping or list is known by itself (an aliased one is the same object wherever
        # it appears), a scalar by the mapping or list that holds it (equal scalars may be
        # one object). A union reports each of its members' errors: one finding per value
        # is enough. Each missing key of a mapping is worth its own.
        node = (id(value),) if isinstance(value, dict | list) else (id(parent), *path[-1:])
        once = (*node, loc[-1]) if kind == "missing" else node
        if once in seen or source.is_reported(path):
            continue
        seen.add(once)
        code = _code(kind, error)
        if out.counted(source.file, code):  # not kept: its message is never made
            continue
        params = _params(kind, error, loc, local, model, names or {})
        out.add(source.finding(code, path, key=kind == "extra_forbidden", blocking=True, **params))
    return out


def _code(kind: str, error: Any) -> str:
    """The finding's code for a pydantic error of type `kind`."""
    if kind == "value_error":
        return "schema-" + str((error.get("ctx") or {}).get("error", ""))
    return _code_of_kind(kind)


@functools.cache
def _code_of_kind(kind: str) -> str:
    if kind.startswith("date"):
        return "bad-date"
    if kind in _TYPE_CODES:
        return _TYPE_CODES[kind]
    return "wrong-type" if kind.split("_", maxsplit=1)[0] in _EXPECTED else "schema"


def _params(
    kind: str,
    error: Any,
    loc: tuple[Any, ...],
    path: Path_,
    model: type[BaseModel],
    names: Mapping[str, str],
) -> dict[str, Any]:
    """The message's parameters for a pydantic error of type `kind` at `path`."""
    field_name = next((str(part) for part in reversed(path) if isinstance(part, str)), "")
    params: dict[str, Any] = {"field": field_name, "value": _short(error.get("input"))}
    ctx = error.get("ctx") or {}
    if kind == "missing":
        params["field"] = str(loc[-1])
        return params
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, path[:-1])
        params["allowed"] = allowed
        params["close"] = CloseMatch(field_name, allowed)
        return params
    if kind in ("greater_than_equal", "less_than_equal"):
        params["ge"], params["le"] = ctx.get("ge", ""), ctx.get("le", "")
    given = error.get("input")
    if kind in ("enum", "literal_error"):
        params["expected"] = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        if WORDS.get(given) in params["expected"]:  # 首席代表 for chief
            params.update(reason="word", suggestion=WORDS[given])
    if kind == "string_pattern_mismatch" and isinstance(given, str) and given in names:
        params.update(reason="name", suggestion=names[given])  # 税务局 for tax-bureau
    code = _code(kind, error)
    if code == "bad-date":
        reason = (
            "time"
            if isinstance(given, dt.datetime)
            else "text"
            if isinstance(given, str)
            else "null"
            if given is None
            else "type"
        )
        return {**params, "reason": reason}
    if code == "wrong-type":
        params["expected"] = _EXPECTED[kind.split("_", maxsplit=1)[0]]
        if not path:
            params["reason"] = "root"
        elif given is None:  # `count:` with nothing after it
            params["reason"] = "null"
    elif code == "schema":
        params["detail"] = error.get("msg", kind)
    return params


def _short(value: Any) -> str:
    """The value as the user wrote it in YAML, cut short: not Python's `None` or `True`."""
    if isinstance(value, dict | list):
        return "{…}" if isinstance(value, dict) else "[…]"
    return shown(value, 40)


def _data_path(data: Any, loc: tuple[Any, ...]) -> tuple[Path_, Any, Any]:
    """The longest prefix of a pydantic `loc` that exists in the data, what holds its end,
    and the value there.

    For a missing key that is the mapping that lacks it; union member names and other
    parts of `loc` that are not in the data are dropped. The holder is the mapping or list
    the last part of the path is in (None for the whole document).
    """
    path: list[str | int] = []
    node, parent = data, None
    for part in loc:
        in_mapping = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if not (in_mapping or in_list):
            break
        node, parent = node[part], node
        path.append(part)
    return tuple(path), parent, node


def _allowed_keys(model: type[BaseModel], path: Path_) -> list[str]:
    """The keys accepted by the model found at `path` below `model`."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            current = _item_type(current)
        elif (
            isinstance(current, type)
            and issubclass(current, BaseModel)
            and part in current.model_fields
        ):
            current = _model_in(current.model_fields[part].annotation)
        else:
            return []
    return (
        list(current.model_fields)
        if isinstance(current, type) and issubclass(current, BaseModel)
        else []
    )


def _model_in(annotation: Any) -> Any:
    """The list or model type inside an annotation such as `list[Unit] | None`."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            if arg is not type(None):
                return _model_in(arg)
    if origin is typing.Annotated:
        return _model_in(typing.get_args(annotation)[0])
    return annotation


def _item_type(annotation: Any) -> Any:
    if typing.get_origin(annotation) is list:
        return _model_in(typing.get_args(annotation)[0])
    return None
