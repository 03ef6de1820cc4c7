"""pydantic's reading of a data file that `records.build` declined: its faults as located
findings, or the models of a valid file as records.

Imported only then: a valid data set is read without pydantic (see `records`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from hsreform.common.findings import CloseMatch, Findings
from hsreform.common.i18n import WORDS
from hsreform.common.safe import shown
from hsreform.dataset import models
from hsreform.dataset.models import ALL_FILE_MODELS, to_record
from hsreform.dataset.records import Record
from hsreform.reading.yamlsource import MAX_NODES, Document, Path_, SourceMap

R = typing.TypeVar("R", bound=Record)


def read(name: str, document: Document, names: Mapping[str, str], out: Findings) -> Record | None:
    """Data file `name` read by pydantic as its record, its faults added to `out` as
    findings; None when it has any."""
    instance = validated(ALL_FILE_MODELS[name], document, names, out)
    return None if instance is None else typing.cast(Record, to_record(instance))


def as_record(record: type[R], data: Any) -> R:
    """`data` as `record`, read by pydantic: its `ValidationError` when it is not one."""
    return typing.cast(R, to_record(models.model_of(record).model_validate(data)))


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
