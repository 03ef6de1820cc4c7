"""Properties over many generated inputs (hypothesis, derandomized so that CI is reproducible).

1. Any valid data set, written out by ruamel.yaml, loads back as the same models (its text
   in NFC, the one spelling hsreform keeps), and so does what that load gives when it is
   written out again.
2. Random damage to the bundled data files (a line deleted or doubled, a character
   changed, the file cut short) never makes a traceback, takes well under a second, and
   gives an exit code that agrees with the findings, every one of them located.

The data sets are drawn from the pydantic models themselves: field types and constraints
(id pattern, lengths, ranges) become strategies, so a new field is covered without a change
here; model validators (done needs done_on) filter what the types cannot say.
"""

from __future__ import annotations

import datetime as dt
import enum
import io
import tempfile
import types
import typing
import unicodedata
from pathlib import Path
from typing import Any

import annotated_types
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, StringConstraints, ValidationError
from pydantic.fields import FieldInfo
from ruamel.yaml import YAML

from hsreform.dataset import records
from hsreform.dataset.loader import IDENTIFIER_FIELDS, load
from hsreform.dataset.models import FILE_MODELS, to_record
from hsreform.reading.yamlsource import BLANK_NAME, HIDDEN_IN_NAMES
from tests.conftest import BUNDLED, has_message
from tests.test_bad_inputs import FILE_LEVEL

PROFILE = settings(derandomize=True, database=None, deadline=None, print_blob=True)

# Generated data sets -------------------------------------------------------------------

# Text a person could type, and text that YAML might take for something else if it were
# written without quotes. Characters YAML refuses (controls, U+FFFE/U+FFFF, the
# Unicode line separators) are not valid data, so they are left out.
_CHARACTERS = st.characters(
    exclude_categories=("Cc", "Cs"),
    exclude_characters="\u2028\u2029\ufffe\uffff",
    include_characters="\n\t",
)
_TRICKY_TEXT = (
    "yes",
    "no",
    "null",
    "~",
    "true",
    "1",
    "010",
    "1.5",
    ".inf",
    "1_000",
    "0x1f",
    "0o17",
    "1e3",
    "2020-06-05",
    "2020-02-30",
    "2020-06-05 09:00",
    "- 条目",
    "上午: 9点",
    "上午：9点",
    "# 不是注释",
    "'单引号'",
    '"双引号"',
    "&anchor",
    "*alias",
    "!tag",
    "%YAML",
    "@某人",
    "`命令`",
    "<<",
    "? 问",
    "| 竖线",
    "> 大于",
    "{花括号}",
    "[方括号]",
    "甲, 乙",
    "多行\n文字",
    "行尾空格 \n下一行",
    "---",
    "...",
    "\ufeff开头的 BOM",
)
_TRICKY_SLUGS = (
    "null",
    "true",
    "false",
    "yes",
    "no",
    "on",
    "123",
    "010",
    "0o17",
    "1e5",
    "2020-06-05",
)


def _constraints(metadata: typing.Iterable[Any]) -> dict[str, Any]:
    """pydantic's constraint objects (Field(ge=...), StringConstraints, MinLen ...) as a dict."""
    out: dict[str, Any] = {}
    for item in metadata:
        if isinstance(item, FieldInfo):
            out.update(_constraints(item.metadata))
        elif isinstance(item, StringConstraints):
            for name in ("pattern", "min_length", "max_length", "strip_whitespace"):
                if getattr(item, name) is not None:
                    out[name] = getattr(item, name)
        elif isinstance(item, annotated_types.Ge):
            out["ge"] = item.ge
        elif isinstance(item, annotated_types.Le):
            out["le"] = item.le
        elif isinstance(item, annotated_types.MinLen):
            out["min_length"] = item.min_length
        elif isinstance(item, annotated_types.MaxLen):
            out["max_length"] = item.max_length
    return out


def _text(limits: dict[str, Any]) -> st.SearchStrategy[str]:
    if limits.get("field") in IDENTIFIER_FIELDS:  # names and ids: nothing hidden, not blank
        return _free_text(limits).filter(
            lambda s: not HIDDEN_IN_NAMES.search(s) and not BLANK_NAME.fullmatch(s)
        )
    return _free_text(limits)


def _free_text(limits: dict[str, Any]) -> st.SearchStrategy[str]:
    if "pattern" in limits:
        slugs = st.from_regex(limits["pattern"], fullmatch=True, alphabet="abcxyz0189-")
        return st.one_of(slugs, st.sampled_from(_TRICKY_SLUGS)).filter(
            lambda s: len(s) <= limits.get("max_length", 64)
        )
    low = limits.get("min_length", 0)
    free = st.text(_CHARACTERS, min_size=low, max_size=max(low, 12))
    return st.one_of(free, st.sampled_from(_TRICKY_TEXT)).filter(lambda s: len(s) >= low)


def strategy(annotation: Any, limits: dict[str, Any] | None = None) -> st.SearchStrategy[Any]:
    """Values of a model field's type that meet its constraints (as plain YAML-able data)."""
    limits = limits or {}
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *metadata = typing.get_args(annotation)
        return strategy(base, {**limits, **_constraints(metadata)})
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*(strategy(arg, limits) for arg in typing.get_args(annotation)))
    if origin is typing.Literal:
        return st.sampled_from(typing.get_args(annotation))
    if origin is list:
        (item,) = typing.get_args(annotation)
        low = limits.get("min_length", 0)
        items = strategy(item, {"field": limits.get("field")})  # `aliases`' items are names
        return st.lists(items, min_size=low, max_size=low + 2)
    if origin is dict:
        key, value = typing.get_args(annotation)
        return st.dictionaries(strategy(key), strategy(value), max_size=3)
    if annotation is type(None):
        return st.none()
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return documents(annotation)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return st.sampled_from([member.value for member in annotation])
    if annotation is bool:
        return st.booleans()
    if annotation is int:
        return st.integers(limits.get("ge"), limits.get("le"))
    if annotation is dt.date:
        return st.dates()
    if annotation is str:
        return _text(limits)
    raise NotImplementedError(f"no strategy for {annotation!r}: teach tests/test_properties.py")


def documents(model: type[BaseModel]) -> st.SearchStrategy[dict[str, Any]]:
    """Mappings that `model` accepts; optional keys are sometimes left out."""
    required, optional = {}, {}
    for name, info in model.model_fields.items():
        values = strategy(info.annotation, {"field": name, **_constraints(info.metadata)})
        (required if info.is_required() else optional)[name] = values
    return st.fixed_dictionaries(required, optional=optional).filter(lambda d: _valid(model, d))


def _valid(model: type[BaseModel], data: dict[str, Any]) -> bool:
    try:
        model.model_validate(data)
    except ValidationError:
        return False
    return True


def _yaml() -> YAML:
    yaml = YAML(typ="safe")  # libyaml's emitter where ruamel.yaml.clib is installed
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    return yaml


def _nfc(value: Any) -> Any:
    """Every text in `value` in NFC, as hsreform reads it."""
    if isinstance(value, dict):
        return {k: _nfc(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def _plain(value: Any) -> Any:
    """A model dump as YAML-able data: enum members become their text."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, enum.Enum):
        return value.value
    return value


def dump(models: dict[str, BaseModel], folder: Path, *, exclude_defaults: bool) -> None:
    """Write each model to its data file."""
    for name, model in models.items():
        stream = io.StringIO()
        _yaml().dump(_plain(model.model_dump(exclude_defaults=exclude_defaults)), stream)
        (folder / name).write_text(stream.getvalue(), encoding="utf-8")


def _record_data(value: Any) -> Any:
    """A record as the mapping it was read from (enum members stay members)."""
    if isinstance(value, records.Record):
        return {name: _record_data(item) for name, item in value.__dict__.items()}
    if isinstance(value, list):
        return [_record_data(item) for item in value]
    if isinstance(value, dict):
        return {key: _record_data(item) for key, item in value.items()}
    return value


def _loaded(folder: Path) -> dict[str, records.Record]:
    loaded = load(folder)
    assert loaded.dataset is not None, [f.describe("en") for f in loaded.findings]
    assert list(loaded.findings) == []
    ds = loaded.dataset
    return {"windows.yaml": ds.windows, "tasks.yaml": ds.tasks, "staff.yaml": ds.staff}


@settings(PROFILE, max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.fixed_dictionaries({name: documents(model) for name, model in FILE_MODELS.items()}),
    exclude_defaults=st.booleans(),
)
def test_valid_data_survives_dump_and_load(
    data: dict[str, dict[str, Any]], exclude_defaults: bool
) -> None:
    models = {name: FILE_MODELS[name].model_validate(doc) for name, doc in data.items()}
    read = {
        name: to_record(FILE_MODELS[name].model_validate(_nfc(doc))) for name, doc in data.items()
    }
    with tempfile.TemporaryDirectory() as scratch:
        first, second = Path(scratch, "first"), Path(scratch, "second")
        first.mkdir()
        second.mkdir()
        dump(models, first, exclude_defaults=exclude_defaults)
        once = _loaded(first)
        assert once == read
        again = {
            name: FILE_MODELS[name].model_validate(_record_data(r)) for name, r in once.items()
        }
        dump(again, second, exclude_defaults=not exclude_defaults)
        assert _loaded(second) == read


# Damaged bundled files -----------------------------------------------------------------

BUNDLED_FILES = {name: (BUNDLED / name).read_bytes() for name in FILE_MODELS}
# Characters a slip of the keyboard or a bad paste brings into a YAML file.
_DAMAGE = st.sampled_from(list(":-#[]{}\"'&*!|>%@`,? \t\n：，、0a王")) | st.characters()


@st.composite
def damaged(draw: st.DrawFn) -> tuple[str, bytes, list[str]]:
    """A bundled file with one to three random edits of a kind people make by accident."""
    name = draw(st.sampled_from(sorted(BUNDLED_FILES)))
    raw = BUNDLED_FILES[name]
    edits = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["delete-line", "duplicate-line", "change-char", "truncate"]))
        if kind == "truncate":  # at any byte, even inside a UTF-8 sequence
            raw = raw[: draw(st.integers(0, max(len(raw) - 1, 0)))]
        else:
            text = raw.decode("utf-8", errors="surrogateescape")
            lines = text.splitlines(keepends=True) or [""]
            # Mostly lines that hold data: damage to the long comments is seldom news.
            content = [i for i, s in enumerate(lines) if s.strip() and s.lstrip()[0] != "#"]
            anywhere = st.integers(0, len(lines) - 1)
            at = draw(st.sampled_from(content) | anywhere if content else anywhere)
            if kind == "delete-line":
                del lines[at]
            elif kind == "duplicate-line":
                lines.insert(at, lines[at])
            else:
                line = lines[at]
                col = draw(st.integers(0, len(line)))
                lines[at] = line[:col] + draw(_DAMAGE) + line[col + 1 :]
            raw = "".join(lines).encode("utf-8", errors="surrogateescape")
        edits.append(kind)
    return name, raw, edits


@pytest.fixture(scope="module")
def damaged_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the bundled data whose files the examples overwrite one at a time."""
    return tmp_path_factory.mktemp("damaged")


@settings(
    PROFILE,
    max_examples=80,
    deadline=dt.timedelta(seconds=1),  # "within a second", per example, re-checked on a miss
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(case=damaged())
def test_damaged_bundled_files_are_reported_not_crashed(
    invoke: Any, damaged_folder: Path, case: tuple[str, bytes, list[str]]
) -> None:
    name, raw, edits = case
    for file, content in BUNDLED_FILES.items():
        (damaged_folder / file).write_bytes(raw if file == name else content)
    result = invoke(
        "validate", "--data", str(damaged_folder), "--as-of", "2020-07-01", "--format", "json"
    )  # an exception other than the exit would be raised here, failing the example
    assert "Traceback" not in result.stdout + result.stderr
    findings = result.json()["findings"]
    errors = [f for f in findings if f["severity"] == "error"]
    event(f"exit {result.exit_code}")
    if errors:
        assert result.exit_code in (1, 2), (edits, findings)
    else:  # the damage left valid data: a comment, a name, a duplicated blank line
        assert result.exit_code == 0, (edits, findings)
    for f in findings:
        assert f["file"], f
        assert f["line"] is not None or f["code"] in FILE_LEVEL, f
        assert has_message(f), f
