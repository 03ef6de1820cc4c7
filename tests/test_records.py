"""Each data file is declared once (`records`); the pydantic models are derived from it
(`models`), and the records read without pydantic (`records.build`) are what pydantic reads,
or nothing.

`build` may decline anything (pydantic then reads the file); what it vouches for must be
exactly what pydantic accepts, made into the same records. Held here on every fixture file,
on data sets drawn from the models, and on those data sets damaged at random.
"""

from __future__ import annotations

import datetime as dt
import sys
import typing
from pathlib import Path
from typing import Annotated, Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, StringConstraints, TypeAdapter, ValidationError

from hsreform.dataset import models, records, validation
from hsreform.dataset.loader import IDENTIFIER_FIELDS, load
from hsreform.dataset.models import ALL_FILE_MODELS, to_record
from hsreform.dataset.records import Record, field
from hsreform.reading import fastyaml
from hsreform.reading.yamlsource import SourceError, read_text
from tests.conftest import BUNDLED, DATA, REPO
from tests.test_properties import PROFILE, documents

MODELS = {
    name: model
    for name, model in vars(models).items()
    if isinstance(model, type) and issubclass(model, models.Model) and model is not models.Model
}
RECORDS = {record.__name__: record for record in records.record_classes()}


def _pydantic_reads(name: str, data: Any) -> records.Record | None:
    try:
        return typing.cast(records.Record, to_record(ALL_FILE_MODELS[name].model_validate(data)))
    except ValidationError:
        return None


def _agree(name: str, data: Any) -> bool:
    """`build` vouches only for what pydantic accepts, as the same record; whether it did."""
    built = records.build(records.FILE_RECORDS[name], data)
    if built is not None:
        read = _pydantic_reads(name, data)
        assert built == read
        assert repr(built) == repr(read)  # 2 and 2.0 are equal, and differ
    return built is not None


# the models are derived from the records ------------------------------------------------


def test_every_record_has_a_model_and_every_model_a_record() -> None:
    assert set(MODELS) == set(RECORDS)
    assert len(RECORDS) == 27
    for name, model in MODELS.items():
        assert models.record_of(model) is RECORDS[name]
        assert models.model_of(RECORDS[name]) is model


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_each_model_has_its_records_fields_defaults_and_words(name: str) -> None:
    model, record = MODELS[name], RECORDS[name]
    fields = {key: (check, default) for key, check, default in record._fields}
    assert list(fields) == list(model.model_fields)
    assert model.__doc__ == record.__doc__
    assert model.__doc__ is None or model.__doc__.strip()
    declared = {
        spec.name: spec for cls in reversed(record.__mro__[:-2]) for spec in records.fields_of(cls)
    }
    for key, info in model.model_fields.items():
        assert info.description == declared[key].description
        assert info.description, key
        default = fields[key][1]
        if info.is_required():
            assert default is records.REQUIRED, key
        else:
            expected = info.default_factory() if info.default_factory else info.default
            made = default()
            assert made == expected, key
            assert type(made) is type(expected), key
            if info.default_factory:  # each record gets its own
                assert default() is not made
    base = record.__base__
    assert model.__base__ is (models.Model if base is Record else MODELS[base.__name__])
    with_rule = [cls for cls in record.__mro__ if "fault" in vars(cls) and cls is not Record]
    assert bool(with_rule) == bool(model.__pydantic_decorators__.model_validators)


def test_a_record_says_its_fields_once_and_how_to() -> None:
    with pytest.raises(TypeError, match="declare it as"):

        class Bare(Record):
            name: records.Text

    with pytest.raises(TypeError, match="no check for a field of type <class 'str'>"):

        class Unbounded(Record):
            name: str = field("名称")

    with pytest.raises(TypeError, match="no check"):

        class Misplaced(Record):
            name: Annotated[str, records.Bounds(1, 2)] = field("名称")


def test_a_new_field_is_one_line_in_its_record() -> None:
    """Declared once, a field is read by `build`, by its pydantic model (with the same
    answer), and shown in the JSON Schema, with its words, bounds and default."""

    class Room(Record):
        """房间。"""

        name: records.Text = field("名称")
        seats: records.Count | None = field("座位数", default=None)
        owners: list[records.Slug] = field("使用单位的 id", default_factory=list)

    model = models.model_of(Room)
    schema = model.model_json_schema()
    assert schema["description"] == "房间。"
    assert schema["required"] == ["name"]
    seats = schema["properties"]["seats"]
    assert seats["description"] == "座位数"
    assert seats["anyOf"][0] == {"maximum": 10_000, "minimum": 1, "type": "integer"}
    assert schema["properties"]["owners"]["default"] == []
    for data in (
        {"name": "会议室"},
        {"name": "会议室", "seats": 12, "owners": ["tax-bureau"]},
        {"name": "会议室", "seats": 12.0},
        {"name": " 会议室"},
        {"name": "会议室", "seats": 0},
        {"name": "会议室", "owners": ["Tax"]},
        {"name": "会议室", "colour": "red"},
    ):
        built = records.build(Room, data)
        try:
            read = to_record(model.model_validate(data))
        except ValidationError:
            read = None
        assert built is None or built == read, data
    assert records.build(Room, {"name": "会议室", "seats": 12}) == Room(name="会议室", seats=12)
    assert records.holds_ids(Room._own_fields[2].annotation)


def _id_fields(annotation: Any, seen: set[Any]) -> set[str]:
    """Fields, in the models reachable from `annotation`, that hold ids (patterned text)."""
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
            constraints = [*info.metadata, *_metadata(info.annotation)]
            if any(isinstance(c, StringConstraints) and c.pattern for c in constraints):
                found.add(name)
            found |= _id_fields(info.annotation, seen)
    return found


def _metadata(annotation: Any) -> list[Any]:
    out = list(getattr(annotation, "__metadata__", ()))
    for arg in typing.get_args(annotation):
        out += _metadata(arg)
    return out


def test_the_id_fields_are_the_models_patterned_fields() -> None:
    from_models = set().union(*(_id_fields(m, set()) for m in ALL_FILE_MODELS.values()))
    assert from_models == records.ID_FIELDS
    assert {"unit", "members", "met", "responsible"} <= IDENTIFIER_FIELDS


# fixtures, generated data and damaged data --------------------------------------------

FIXTURE_FOLDERS = sorted(
    {p.parent for p in DATA.rglob("*.yaml")}
    | {BUNDLED}
    | {p.parent for p in (REPO / "examples").rglob("windows.yaml")}
)


@pytest.mark.parametrize("folder", FIXTURE_FOLDERS, ids=lambda p: str(p.relative_to(REPO)))
def test_fixture_files_read_the_same_both_ways(folder: Path) -> None:
    for name in ALL_FILE_MODELS:
        path = folder / name
        if not path.is_file():
            continue
        try:
            document = fastyaml.compose(read_text(path, name, root=folder), name, names=frozenset())
        except SourceError:
            continue
        _agree(name, document.data)


@pytest.mark.parametrize("folder", [BUNDLED, *sorted((REPO / "examples").iterdir())])
def test_valid_data_sets_are_read_without_pydantic(folder: Path) -> None:
    loaded = load(folder)
    assert loaded.dataset is not None
    for name in ALL_FILE_MODELS:
        if (folder / name).is_file():
            document = fastyaml.compose(read_text(folder / name, name, root=folder), name)
            assert records.build(records.FILE_RECORDS[name], document.data) is not None, name


@settings(PROFILE, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(list(ALL_FILE_MODELS)).flatmap(
        lambda n: st.tuples(st.just(n), documents(ALL_FILE_MODELS[n]))
    )
)
def test_generated_valid_files_read_the_same_both_ways(named: tuple[str, dict[str, Any]]) -> None:
    name, data = named
    event("vouched" if _agree(name, data) else "declined (pydantic converts)")


HOSTILE = (
    None,
    True,
    False,
    0,
    -1,
    1,
    2.0,
    2.5,
    10_001,
    float("nan"),
    "",
    " ",
    " x",
    "x ",
    "\u3000税务局",
    "x" * 2001,
    "a" * 65,
    "Tax-Bureau",
    "tax--bureau",
    "tax-bureau\n",
    "税务局",
    "done",
    "staff",
    "2020-06-05",
    dt.date(2020, 6, 5),
    dt.datetime(2020, 6, 5, 9, 0),
    [],
    [1],
    {},
    {"unknown": 1},
)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


def _damaged(data: Any, path: tuple[Any, ...], how: str, value: Any) -> Any:
    """`data` (copied) with the value at `path` replaced, deleted, or given an unknown key."""
    if not path:
        return value if how == "replace" else data
    head, *rest = path
    copy = dict(data) if isinstance(data, dict) else list(data)
    if rest:
        copy[head] = _damaged(data[head], tuple(rest), how, value)
    elif how == "replace":
        copy[head] = value
    elif how == "delete":
        del copy[head]
    elif isinstance(copy[head], dict):
        copy[head] = {**copy[head], "surprise": value}
    return copy


def _near(value: Any) -> tuple[Any, ...]:
    """Values a slip could put where `value` was: what a check must tell from it."""
    if isinstance(value, bool):
        return (0, 1, "true", None)
    if isinstance(value, int):
        return (float(value), value + 0.5, bool(value % 2), str(value), 0, -1, 10_001, 101)
    if isinstance(value, str):
        return (f" {value}", f"{value}\n", "", "x" * 2001, "a" * 65, value.upper(), 1, None)
    if isinstance(value, dt.date):
        return (dt.datetime(value.year, value.month, value.day), value.isoformat(), None)
    if isinstance(value, list):
        return ([], [None], [*value, *value[:1]], {}, None)
    return ({}, [], None)


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def _pattern(path: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple("*" if isinstance(part, int) else part for part in path)


DAMAGED = [
    folder / name
    for folder in (BUNDLED, *sorted((REPO / "examples").iterdir()))
    for name in ALL_FILE_MODELS
    if (folder / name).is_file()
]


@pytest.mark.slow  # each damage re-reads the whole file: 20 s for the example's tasks.yaml
@pytest.mark.parametrize("path", DAMAGED, ids=lambda p: str(p.relative_to(REPO)))
def test_damaged_files_are_declined_or_read_the_same(path: Path) -> None:
    """Every kind of place in a real data file (each field of each record, once), given
    each value a slip could put there, or deleted, or given an unknown key beside it."""
    data = fastyaml.compose(read_text(path, path.name, root=path.parent), path.name).data
    assert _agree(path.name, data)
    seen: set[tuple[Any, ...]] = set()
    for where in _paths(data)[1:]:
        if _pattern(where) in seen:
            continue
        seen.add(_pattern(where))
        _agree(path.name, _damaged(data, where, "delete", None))
        _agree(path.name, _damaged(data, where, "add-key", "x"))
        for value in (*_near(_at(data, where)), *HOSTILE):
            _agree(path.name, _damaged(data, where, "replace", value))


def _cut(value: Any, path: tuple[Any, ...]) -> Any:
    """`value` with each list cut to one item: the one `path` goes through, else the first."""
    step, rest = (path[0], path[1:]) if path else (None, ())
    if isinstance(value, dict):
        return {key: _cut(item, rest if key == step else ()) for key, item in value.items()}
    if isinstance(value, list) and value:
        if isinstance(step, int):
            return [_cut(value[step], rest)]
        return [_cut(value[0], ())]
    return value


@pytest.mark.parametrize("path", DAMAGED, ids=lambda p: str(p.relative_to(REPO)))
def test_damaged_records_are_declined_or_read_the_same(path: Path) -> None:
    """The damage of the test above, each in the file cut down to the record it is in (each
    list cut to one item): the same places and values, at a small part of the cost."""
    data = fastyaml.compose(read_text(path, path.name, root=path.parent), path.name).data
    seen: set[tuple[Any, ...]] = set()
    for where in _paths(data)[1:]:
        if _pattern(where) in seen:
            continue
        seen.add(_pattern(where))
        small = _cut(data, where)
        at = tuple(0 if isinstance(part, int) else part for part in where)
        assert _agree(path.name, small)
        _agree(path.name, _damaged(small, at, "delete", None))
        _agree(path.name, _damaged(small, at, "add-key", "x"))
        for value in (*_near(_at(small, at)), *HOSTILE):
            _agree(path.name, _damaged(small, at, "replace", value))


def test_what_pydantic_converts_is_declared_with_the_field() -> None:
    """The conversions a field's type allows are pydantic's to make (`build` declines them):
    blanks around text are stripped, a count may be written 2.0; a time limit may not."""
    unit = {"id": "tax-bureau", "name": "税务局", "kind": "bank"}
    for changes, field_name, expected in (
        ({"name": " 税务局\u3000"}, "name", "税务局"),
        ({"count": 2.0}, "count", 2),
    ):
        assert records.build(records.Unit, {**unit, **changes}) is None
        read = validation.as_record(records.Unit, {**unit, **changes})
        assert repr(getattr(read, field_name)) == repr(expected)
    day = dt.date(2020, 6, 15)
    assert validation.as_record(records.Streamlining, {"on": day, "steps": 2}).steps == 2
    for changes in ({"steps": 2.0}, {"promised_days": 2.0}, {"steps": True}):
        assert records.build(records.Streamlining, {"on": day, **changes}) is None
        with pytest.raises(ValidationError):
            validation.as_record(records.Streamlining, {"on": day, **changes})


def test_a_union_takes_nothing_unless_it_says_so() -> None:
    day = dt.date(2020, 6, 5)
    either = records.check_of(dt.date | bool)
    assert (either(day), either(True)) == (day, True)
    for value in (None, 1, "2020-06-05", dt.datetime(2020, 6, 5, 9, 0)):
        with pytest.raises(records.Decline):
            either(value)
    assert records.check_of(dt.date | bool | None)(None) is None


def test_text_with_anything_pydantic_strips_around_it_is_declined() -> None:
    """pydantic strips Unicode white space (Rust's); `build` declines whatever Python calls
    space, which must take in all of it."""
    text = TypeAdapter(models.annotation(records.Text))
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF or char.isspace():
            continue
        assert text.validate_python(f"{char}a{char}") == f"{char}a{char}", hex(code)
    for char in "\t\n\r \u3000\u00a0\u2003\u0085\x1c":
        assert records.build(records.Plan, _plan(number=f"{char}1")) is None
    # a lone surrogate (argv's undecodable bytes) is no text to pydantic, nor here
    assert records.build(records.Plan, _plan(number="Li\udcff")) is None


def _plan(**changes: Any) -> dict[str, Any]:
    return {"number": "1", "title": "t", "issuer": "i", "issued_on": dt.date(2020, 5, 1), **changes}


@pytest.mark.parametrize(
    ("changes", "why"),
    [
        ({"number": 1}, "a number is not text"),
        ({"issued_on": "2020-05-01"}, "text is not a date"),
        ({"issued_on": dt.datetime(2020, 5, 1)}, "a time is not a date"),
        ({"title": ""}, "empty"),
        ({"title": "x" * 2001}, "too long"),
        ({"more": "x"}, "an unknown key"),
        ({1: "x"}, "a key that is no text"),
    ],
)
def test_build_declines(changes: dict[Any, Any], why: str) -> None:
    assert records.build(records.Plan, {**_plan(), **changes}) is None, why
    assert records.build(records.Plan, _plan()) is not None


def test_fields_that_depend_on_each_other_are_checked_together() -> None:
    done = {"unit": "tax-bureau", "status": "done", "done_on": dt.date(2020, 6, 4)}
    assert records.build(records.Progress, done) is not None
    assert records.build(records.Progress, {**done, "since": dt.date(2020, 6, 1)}) is None
    assert records.build(records.Progress, {**done, "history": [{"status": "in_progress"}]}) is None
    item = {"name": "x", "status": "listed", "since": dt.date(2020, 6, 1)}
    assert records.build(records.Item, item) is not None
    assert records.build(records.Item, {**item, "reason": "r"}) is None


def test_a_record_is_immutable_and_compared_by_its_fields() -> None:
    plan = records.build(records.Plan, _plan())
    assert plan is not None
    with pytest.raises(AttributeError):
        plan.title = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del plan.title
    same = records.Plan(number="1", title="t", issuer="i", issued_on=dt.date(2020, 5, 1))
    assert plan == same
    assert hash(plan) == hash(same)
    assert plan != plan.replace(title="u")
    assert plan.replace(title="u").title == "u"
    assert repr(plan).startswith("Plan(number='1', title='t'")
    unit = records.Unit(id="x", name="X", kind=records.UnitKind.BANK)
    assert (unit.aliases, unit.generic, unit.count) == ([], False, 1)
    assert unit.aliases is not records.Unit(id="y", name="Y", kind=records.UnitKind.BANK).aliases
    with pytest.raises(TypeError, match="needs name"):
        records.Unit(id="x", kind=records.UnitKind.BANK)
    with pytest.raises(TypeError, match="no field colour"):
        records.Unit(id="x", name="X", kind=records.UnitKind.BANK, colour="red")
    with pytest.raises(TypeError, match="no field colour"):
        unit.replace(colour="red")
