"""The plan's data as pydantic models, derived at import from the records that declare it.

`records` declares each data file once: every field's type with its bounds, its default,
its Chinese description, and the rule for fields that depend on each other (`fault`). Here
each record class becomes a pydantic model of the same name and fields: the JSON Schema
editors show (`schema`), and a located finding for every fault (`validation`). No I/O.

Models are strict (a quoted "8" is not a count, a string is not a date), closed (a key they
do not know is refused, so that nothing unplanned, an ID-card number, a phone number, slips
into the data) and frozen. Imported only when a file needs pydantic: a valid data set is
read without it (`records.build`).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from enum import Enum
from typing import Annotated, Any

import pydantic
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Strict,
    StringConstraints,
    model_validator,
)

from hsreform.dataset import records
from hsreform.dataset.records import FILE_RECORDS, REQUIRED, REQUIRED_FILES, Record


class Model(BaseModel):
    """Strict, closed, immutable."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


def _integral(value: object) -> object:
    """`2.0` as 2: JSON Schema, and so every editor, counts a number without a fraction as
    an integer; the tool agrees. (Text stays text: strict mode still refuses "2".)"""
    if isinstance(value, float) and value.is_integer() and abs(value) <= 2**53:
        return int(value)
    return value


BY_VALUE = Strict(False)
"""Strict mode wants enum instances; enum fields are read from their text values."""


def _rule(rule: Any) -> list[Any]:
    """pydantic's constraints for one of `records`' (`Annotated` metadata)."""
    if isinstance(rule, records.Bounds):
        bounds = pydantic.Field(ge=rule.low, le=rule.high)
        return [bounds, BeforeValidator(_integral)] if rule.floats else [bounds]
    if isinstance(rule, records.Length):
        return [StringConstraints(strip_whitespace=True, min_length=1, max_length=rule.longest)]
    if isinstance(rule, records.Pattern):
        return [StringConstraints(pattern=rule.regex, max_length=rule.longest)]
    if isinstance(rule, records.Items):
        return [pydantic.Field(min_length=rule.least)]
    raise TypeError(f"no pydantic constraint for {rule!r}")


def annotation(declared: Any) -> Any:
    """The pydantic type of a record field's type: its rules as pydantic's constraints,
    records as their models, enums read from their values."""
    origin, args = typing.get_origin(declared), typing.get_args(declared)
    if origin is Annotated:
        base, *rules = args
        return Annotated[(annotation(base), *(c for rule in rules for c in _rule(rule)))]
    if origin in (typing.Union, types.UnionType):
        return typing.Union[tuple(annotation(arg) for arg in args)]  # noqa: UP007
    if origin is list:
        return list[annotation(args[0])]  # type: ignore[misc]
    if origin is dict:
        return dict[annotation(args[0]), annotation(args[1])]  # type: ignore[misc]
    if isinstance(declared, type) and issubclass(declared, Record):
        return model_of(declared)
    if isinstance(declared, type) and issubclass(declared, Enum):
        return Annotated[declared, BY_VALUE]
    return declared  # bool, a date, a literal, None


def _fresh(factory: Callable[[], Any]) -> Callable[[], Any]:
    """`factory` as a Python function: pydantic reads each factory's signature, and a
    builtin's (`list`) is parsed from text with `tokenize` (~8 ms a run)."""

    def made() -> Any:
        return factory()

    return made


def _field(spec: records.FieldSpec) -> tuple[Any, Any]:
    """A record's field as pydantic's (type, FieldInfo)."""
    if spec.default_factory is not None:
        info = pydantic.Field(
            default_factory=_fresh(spec.default_factory),
            json_schema_extra={"default": spec.default_factory()},  # editors show it
            description=spec.description,
        )
    elif spec.default is REQUIRED:
        info = pydantic.Field(description=spec.description)
    else:
        info = pydantic.Field(default=spec.default, description=spec.description)
    return annotation(spec.annotation), info


def _fields_fit_together(model: Model) -> Model:
    """The model validator of the models whose fields depend on each other: the record's
    `fault`, so that pydantic and `records.build` apply one rule."""
    fault = record_of(type(model)).make(dict(model)).fault()
    if fault is not None:
        raise ValueError(fault)
    return model


_MODELS: dict[type[Record], type[Model]] = {}
_RECORDS: dict[type[BaseModel], type[Record]] = {}


def model_of(record: type[Record]) -> type[Model]:
    """The pydantic model of a record class: its fields, docstring and `fault` rule."""
    if record in _MODELS:
        return _MODELS[record]
    base = record.__base__
    parent = Model if base is Record or base is None else model_of(base)
    validators: dict[str, Any] = {}
    if "fault" in vars(record):  # its own rule, or one more than its base's
        validators["_fits"] = model_validator(mode="after")(_fields_fit_together)
    fields: dict[str, Any] = {spec.name: _field(spec) for spec in records.fields_of(record)}
    # Stored straight away: mypy's pydantic plugin takes `name = create_model(...)` for a
    # class statement and types `name` as a class of its own.
    _MODELS[record] = pydantic.create_model(
        record.__name__,
        __base__=parent,
        __doc__=record.__doc__,
        __module__=__name__,
        __validators__=validators,
        **fields,
    )
    _RECORDS[_MODELS[record]] = record
    return _MODELS[record]


def record_of(model: type[BaseModel]) -> type[Record]:
    """The record the program holds for a model: the one it was derived from."""
    return _RECORDS[model]


def to_record(value: Any) -> Any:
    """A validated model as the record the program holds (`records`), lists and mappings
    of them too; any other value as it is."""
    if isinstance(value, BaseModel):
        return record_of(type(value)).make({name: to_record(item) for name, item in value})
    if isinstance(value, list):
        return [to_record(item) for item in value]
    if isinstance(value, dict):
        return {key: to_record(item) for key, item in value.items()}
    return value


# `models.Window` and the others, by their records' names
globals().update({record.__name__: model_of(record) for record in records.record_classes()})

ALL_FILE_MODELS: dict[str, type[Model]] = {
    name: model_of(record) for name, record in FILE_RECORDS.items()
}
"""Every data file a data set can hold, and the model it must match."""
FILE_MODELS = {name: ALL_FILE_MODELS[name] for name in REQUIRED_FILES}
"""The data files every data set has, and their models."""
