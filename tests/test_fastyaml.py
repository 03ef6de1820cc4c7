"""The fast read gives exactly what the slow read gives, wherever it does not decline.

rapidyaml is another parser: where it reads a file the event reader would read otherwise,
or reads a scalar as something else, the tool would silently accept other data. So every
file the tests know, random valid data sets, random damage to the bundled files and a
grammar of tricky plain scalars are read both ways: the fast read either declines, or
gives the same data with nothing to report, where the slow read reports nothing either.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from hsreform.dataset.loader import IDENTIFIER_FIELDS, load
from hsreform.dataset.models import FILE_MODELS
from hsreform.reading import eventreader, fastyaml, yamlsource
from hsreform.reading.yamlsource import SourceError
from tests.conftest import BUNDLED, DATA, REPO
from tests.test_properties import PROFILE, damaged, documents

pytestmark = pytest.mark.skipif(fastyaml._ryml is None, reason="rapidyaml is not installed")


def _same(a: Any, b: Any) -> bool:
    """Equal, with NaN equal to NaN and types compared too (1 is not 1.0, not True)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return type(a) is type(b) and a == b


def _readable(text: str) -> bool:
    """Whether `text` passes the character check both reads come after (in `compose`)."""
    try:
        yamlsource.check_characters(text, "f.yaml")
    except SourceError:
        return False
    return True


def _both(text: str) -> tuple[Any, Any]:
    """(what the fast read gives or None, what the slow read gives or the SourceError)."""
    fast = fastyaml.read(text, "f.yaml", IDENTIFIER_FIELDS) if _readable(text) else None
    try:
        slow: Any = eventreader.compose(text, "f.yaml", names=IDENTIFIER_FIELDS)
    except SourceError as exc:
        slow = exc
    return fast, slow


def _agree(text: str) -> bool:
    """Whether the fast read declined or gave what the slow read gives without a problem."""
    fast, slow = _both(text)
    if fast is None:
        return True
    assert not isinstance(slow, SourceError), (text, slow.finding)
    assert not list(slow.problems), (text, list(slow.problems))
    assert _same(fast.data, slow.data), (text, fast.data, slow.data)
    return True


KNOWN = sorted(
    p
    for folder in (REPO / "data", REPO / "examples", DATA)
    for p in folder.rglob("*.yaml")
    if p.name not in {"expected.yaml", "recipe.yaml"}
)


@pytest.mark.parametrize("path", KNOWN, ids=lambda p: str(p.relative_to(REPO)))
def test_every_known_file_reads_the_same(path: Path) -> None:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return
    assert _agree(text)


def test_rapidyaml_says_nothing_when_it_cannot_parse(capfd: pytest.CaptureFixture[str]) -> None:
    assert fastyaml.read("a: [1, 2\nb: }\n", "f.yaml") is None
    assert capfd.readouterr().err == ""


def test_the_bundled_and_example_files_take_the_fast_read() -> None:
    for path in [*BUNDLED.glob("*.yaml"), *(REPO / "examples" / "rollout-2020").glob("*.yaml")]:
        assert fastyaml.read(path.read_text(encoding="utf-8"), path.name) is not None, path


@pytest.mark.parametrize(
    "text",
    [
        "a: 'x'\n",
        'a: "2020-06-05"\n',
        "a: !!str 8\n",
        "a: &x 1\nb: *x\n",
        "a: |\n  x\n",
        "a: >\n  x\n",
        "%YAML 1.2\n---\na: 1\n",
        "? a\n: b\n",
        "<<: {a: 1}\n",
        "a:\tb\n",
        "a: 1\n---\nb: 2\n",
        "a: 1\na: 2\n",
        "1: a\n",
        "true: a\n",
        "2020-06-05: a\n",
        "a: 2020-02-30\n",
        "a: " + "9" * 40 + "\n",
        "name: 方\u200b娜\n",
        "name: \u3000\n",
        "a: e\u0301\n",  # not NFC
        "a: nan\n",  # rapidyaml writes it as .nan
        "a: [inf, Infinity]\n",
        "a: b: c\n",
        "a: [1, 2\n",
        "- " * 70 + "x\n",
    ],
    ids=repr,
)
def test_the_fast_read_declines_what_only_the_slow_read_can_judge(text: str) -> None:
    assert fastyaml.read(text, "f.yaml", IDENTIFIER_FIELDS) is None


_PLAIN = st.one_of(
    st.sampled_from(
        [
            "0",
            "010",
            "-0",
            "+1",
            "1.",
            ".5",
            "1e5",
            "1E5",
            "-1.5e-3",
            "1_000",
            "8_",
            "0b1",
            "0x1F",
            "0X1F",
            "0o17",
            "0O17",
            "+0x8",
            ".inf",
            "-.Inf",
            ".NaN",
            "nan",
            "Infinity",
            "true",
            "True",
            "TRUE",
            "tRue",
            "false",
            "yes",
            "no",
            "on",
            "null",
            "Null",
            "NULL",
            "~",
            "2020-06-05",
            "2020-6-5",
            "2020-06-05T10:00:00",
            "2020-06-05 10:00:00",
            "2020-13-01",
            "1" * 32,
            "1" * 33,
            "0.0000001",
            "1e400",
            "-",
            "a-b",
            "中文",
            "tax-bureau",
            "in_progress",
            "12345话务中心",
            "24小时自助服务区",
            "2.0",
            "-.5",
        ]
    ),
    st.from_regex(r"[-+]?[0-9][0-9._eExXoO+-]{0,6}", fullmatch=True),
    st.from_regex(r"[a-zA-Z~.][a-zA-Z0-9._ -]{0,8}[a-zA-Z0-9]", fullmatch=True),
)


@settings(PROFILE, max_examples=300)
@given(scalars=st.lists(_PLAIN, min_size=1, max_size=6))
def test_plain_scalars_mean_the_same(scalars: list[str]) -> None:
    block = "".join(f"k{i}: {s}\n" for i, s in enumerate(scalars))
    flow = "k: [" + ", ".join(scalars) + "]\n"
    listed = "".join(f"- {s}\n" for s in scalars)
    for text in (block, flow, listed, f"k: {{a: {scalars[0]}}}\n"):
        assert _agree(text)


def _dumped(document: dict[str, Any]) -> str:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    stream = io.StringIO()
    yaml.dump(_plain(document), stream)
    return stream.getvalue()


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value.value if hasattr(value, "value") and not isinstance(value, dt.date) else value


@settings(PROFILE, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.fixed_dictionaries({n: documents(m) for n, m in FILE_MODELS.items()}))
def test_random_valid_data_sets_read_the_same(data: dict[str, dict[str, Any]]) -> None:
    for document in data.values():
        assert _agree(_dumped(document))


@settings(PROFILE, max_examples=150)
@given(case=damaged())
def test_damaged_bundled_files_read_the_same(case: tuple[str, bytes, list[str]]) -> None:
    _, raw, _ = case
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return
    assert _agree(text)


def test_positions_are_found_when_a_finding_asks(tmp_path: Path) -> None:
    """A clean read builds no positions; a finding's place is the event reader's."""
    text = (DATA / "clean" / "staff.yaml").read_text(encoding="utf-8") + (
        "  - name: 张伟\n    unit: tax-bureau\n    window: tax\n    role: chief\n"
        "    since: 2020-06-01\n    favourite: 红色\n"
    )
    fast = fastyaml.read(text, "staff.yaml", IDENTIFIER_FIELDS)
    assert fast is not None
    assert fast.source._plain is None  # nothing asked yet: no index built
    for name in ("windows.yaml", "tasks.yaml"):
        (tmp_path / name).write_bytes((DATA / "clean" / name).read_bytes())
    (tmp_path / "staff.yaml").write_text(text, encoding="utf-8")
    found = [(f.code, f.line, f.column) for f in load(tmp_path).findings]
    lines = text.count("\n")
    assert found == [("unknown-key", lines, 5)]


def _positions_agree(text: str) -> None:
    """Every position the event reader records, the plain positions find the same."""
    from hsreform.reading.plainpositions import PlainPositions

    if not _readable(text) or fastyaml.read(text, "f.yaml", IDENTIFIER_FIELDS) is None:
        return
    slow = eventreader.compose(text, "f.yaml", names=IDENTIFIER_FIELDS).source
    plain = PlainPositions(text)
    for path, where in slow.values.items():
        assert plain.find(path) == where, (path, where)
    for path, where in slow.keys.items():
        assert plain.find(path, key=True) == where, (path, where)


@pytest.mark.parametrize("path", KNOWN, ids=lambda p: str(p.relative_to(REPO)))
def test_positions_of_every_known_file_are_the_event_readers(path: Path) -> None:
    try:
        text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return
    _positions_agree(text)


@settings(PROFILE, max_examples=150)
@given(case=damaged())
def test_positions_in_damaged_files_are_the_event_readers(
    case: tuple[str, bytes, list[str]],
) -> None:
    _, raw, _ = case
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return
    _positions_agree(text)
