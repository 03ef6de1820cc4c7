"""Loading: schema fixture cases, and input that must be refused with one clear message."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hsreform.dataset.loader import find_data_dir, load
from hsreform.reading.eventreader import compose
from hsreform.reading.yamlsource import MAX_ALIASES, MAX_DEPTH, MAX_FILE_BYTES
from tests.conftest import CLEAN, case_names, check_case, has_message


@pytest.mark.parametrize("name", case_names("schema-"))
def test_schema_case_produces_exactly_its_findings(run_case, name: str) -> None:
    check_case(run_case, name)


def _bomb() -> bytes:
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    return ("\n".join(lines) + "\n").encode()


def _deep(levels: int) -> bytes:
    return ("staff: " + "[" * levels + "]" * levels + "\n").encode()


STAFF_OK = (CLEAN / "staff.yaml").read_bytes()

# (case, bytes of staff.yaml, code, line, column, exit code of validate)
REFUSED: list[tuple[str, bytes, str, int, int, int]] = [
    (
        "python object tag",
        b"staff: !!python/object/apply:os.system ['echo hi']\n",
        "yaml-python-tag",
        1,
        8,
        2,
    ),
    ("custom tag", b"staff:\n  - !person {name: x}\n", "yaml-tag", 2, 5, 2),
    ("alias bomb", _bomb(), "yaml-expansion-limit", 6, 10, 2),
    (
        "too many aliases",
        b"a: &a x\nstaff: [" + b", ".join([b"*a"] * (MAX_ALIASES + 1)) + b"]\n",
        "yaml-alias-limit",
        2,
        9 + 4 * MAX_ALIASES,
        2,
    ),
    # the root mapping is the first level, the first `[` the second
    ("too deep", _deep(MAX_DEPTH), "yaml-depth-limit", 1, 7 + MAX_DEPTH, 2),
    ("undefined alias", b"staff: *nobody\n", "yaml-undefined-alias", 1, 8, 2),
    ("two documents", b"staff: []\n---\nstaff: []\n", "yaml-multiple-documents", 2, 1, 2),
    ("GBK", "staff: []\n# 名册\n".encode("gbk"), "encoding-gbk", 2, 3, 2),
    ("UTF-16 with BOM", "staff: []\n".encode("utf-16"), "encoding-utf16", 1, 1, 2),
    ("UTF-16 without BOM", "staff: []\n".encode("utf-16-le"), "encoding-utf16", 1, 1, 2),
    ("NUL byte", b"staff: []\n# x\x00\n", "nul-byte", 2, 4, 2),
    ("not UTF-8 at all", b"staff: []\n# \xff\xfe\xfd\n", "encoding-unknown", 2, 3, 2),
    ("empty", b"", "file-empty", 1, 1, 2),
    ("only a comment", b"# nobody yet\n", "file-empty", 1, 1, 2),
    ("unclosed bracket", b"staff: [\n", "yaml-syntax", 2, 1, 2),
    ("tab indentation", b"staff:\n\t- name: x\n", "yaml-syntax", 2, 1, 2),
    ("full-width colon as a key", "staff: []\nnote：x\n".encode(), "yaml-syntax", 2, 5, 2),
    ("a list where a mapping belongs", b"- staff\n", "wrong-type", 1, 1, 1),
    ("duplicate key", b"staff: []\nstaff: []\n", "duplicate-key", 2, 1, 1),
    (
        "carriage return written as an escape",
        b'staff:\n  - name: "a\\rb"\n',
        "yaml-bad-character",
        2,
        11,
        2,
    ),
    ("merge key", b"staff: []\n<<: {staff: []}\n", "yaml-merge-key", 2, 1, 1),
]


@pytest.mark.parametrize(
    ("content", "code", "line", "column", "exit_code"),
    [r[1:] for r in REFUSED],
    ids=[r[0] for r in REFUSED],
)
def test_refused_input_is_one_clear_message(
    invoke, tmp_path, content, code, line, column, exit_code
) -> None:
    data = _data_set(tmp_path, content)
    before = _snapshot(data)
    result = invoke("validate", "--data", str(data), "--as-of", "2020-07-01", "--format", "json")
    findings = [f for f in result.json()["findings"] if f["file"].endswith("staff.yaml")]
    assert [(f["code"], f["line"], f["column"]) for f in findings] == [(code, line, column)]
    assert has_message(findings[0])
    assert result.exit_code == exit_code
    assert "Traceback" not in result.stdout + result.stderr
    assert _snapshot(data) == before


def test_full_width_colon_as_key_is_text_not_a_key(tmp_path) -> None:
    # `staff：[]` is one plain scalar, so the file holds no mapping at all.
    document = compose("staff：[]\n", "staff.yaml")
    assert document.data == "staff：[]"


def test_other_commands_refuse_unusable_data_with_exit_2(invoke, tmp_path) -> None:
    data = _data_set(tmp_path, b"staff: !!python/object:os.system x\n")
    result = invoke("status", "--data", str(data))
    assert result.exit_code == 2
    assert "staff.yaml:1:8" in result.stderr
    assert "Python" in result.stderr


def test_a_utf8_bom_and_crlf_endings_are_accepted(invoke, tmp_path) -> None:
    data = _data_set(tmp_path, b"\xef\xbb\xbf" + STAFF_OK.replace(b"\n", b"\r\n"))
    result = invoke(
        "check-staffing", "--data", str(data), "--as-of", "2020-07-01", "--format", "json"
    )
    assert result.exit_code == 0, result.stderr
    assert result.json()["summary"]["staffed"] == 6


def test_oversized_file_is_refused_before_it_is_read(invoke, tmp_path) -> None:
    data = _data_set(tmp_path, b"")
    with open(data / "staff.yaml", "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no 10 MB written to disk
    result = invoke("validate", "--data", str(data), "--format", "json")
    (finding,) = [f for f in result.json()["findings"] if f["file"].endswith("staff.yaml")]
    assert finding["code"] == "file-too-large"
    assert "10 MiB" in finding["message"]
    assert result.exit_code == 2


@pytest.mark.parametrize("make", ["missing", "directory"])
def test_missing_file_or_directory_in_its_place(invoke, tmp_path, make: str) -> None:
    data = _data_set(tmp_path, STAFF_OK)
    (data / "staff.yaml").unlink()
    if make == "directory":
        (data / "staff.yaml").mkdir()
    result = invoke("validate", "--data", str(data), "--format", "json")
    (finding,) = result.json()["findings"]
    assert finding["code"] == {"missing": "file-missing", "directory": "file-is-directory"}[make]
    assert result.exit_code == 2
    status = invoke("status", "--data", str(data))
    assert status.exit_code == 2
    assert len(status.stderr.strip().splitlines()) == 2  # the problem, and what it stops


def test_symlink_out_of_the_data_folder_is_refused(invoke, tmp_path) -> None:
    outside = tmp_path / "secret.yaml"
    outside.write_bytes(STAFF_OK)
    data = _data_set(tmp_path, STAFF_OK)
    (data / "staff.yaml").unlink()
    (data / "staff.yaml").symlink_to(outside)
    result = invoke("validate", "--data", str(data), "--format", "json")
    assert [f["code"] for f in result.json()["findings"]] == ["file-outside"]


def test_limits_are_the_documented_ones() -> None:
    assert (MAX_FILE_BYTES, MAX_ALIASES, MAX_DEPTH) == (10 * 1024 * 1024, 100, 64)


def test_aliases_below_the_limit_are_fine() -> None:
    document = compose("a: &x [1, 2]\nb: *x\n", "f.yaml")
    assert document.data == {"a": [1, 2], "b": [1, 2]}


def test_positions_of_keys_and_values_are_kept() -> None:
    document = compose("units:\n  - id: centre\n    name: 中心\n", "w.yaml")
    assert document.source.position(("units", 0, "name")) == (2, 10)
    assert document.source.position(("units", 0, "name"), key=True) == (2, 4)
    assert document.source.position(("units", 0, "nothing", 3)) == (1, 4)


def test_yaml_12_scalars() -> None:
    data = compose("a: yes\nb: 010\nc: 2020-06-05\nd: '8'\ne: ~\n", "f.yaml").data
    assert data == {
        "a": "yes",
        "b": 10,
        "c": __import__("datetime").date(2020, 6, 5),
        "d": "8",
        "e": None,
    }


def test_data_lookup_order(tmp_path, monkeypatch) -> None:
    explicit, env, local = tmp_path / "explicit", tmp_path / "env", tmp_path / "cwd" / "data"
    for folder in (explicit, env, local):
        folder.mkdir(parents=True)
    (local / "windows.yaml").write_text("")
    cwd = tmp_path / "cwd"
    assert find_data_dir(explicit, env={"HSREFORM_DATA": str(env)}, cwd=cwd) == explicit
    assert find_data_dir(None, env={"HSREFORM_DATA": str(env)}, cwd=cwd) == env
    assert find_data_dir(None, env={}, cwd=cwd) == local
    bundled = find_data_dir(None, env={}, cwd=tmp_path)
    assert (bundled / "windows.yaml").is_file()
    assert load(bundled).dataset is not None


def test_missing_data_folder_is_a_usage_error(invoke, tmp_path) -> None:
    result = invoke("status", "--data", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "找不到数据目录" in result.stderr
    result = invoke("status", env={"HSREFORM_DATA": str(tmp_path / "nowhere")})
    assert "HSREFORM_DATA" in result.stderr


def _data_set(tmp_path: Path, staff: bytes) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    for name in ("windows.yaml", "tasks.yaml"):
        (data / name).write_bytes((CLEAN / name).read_bytes())
    (data / "staff.yaml").write_bytes(staff)
    return data


def _snapshot(folder: Path) -> dict[str, tuple[float, bytes]]:
    return {p.name: (os.stat(p).st_mtime, p.read_bytes()) for p in folder.iterdir() if p.is_file()}


def test_a_duplicate_keys_value_does_not_move_the_kept_values_positions() -> None:
    document = compose("a:\n  - x\n  - y\na:\n  - z\n  - w\n  - v\n", "f.yaml")
    assert document.data == {"a": ["x", "y"]}
    assert [f.code for f in document.problems] == ["duplicate-key"]
    assert document.source.position(("a", 1)) == (2, 4)
    assert document.source.position(("a", 2)) == (1, 2)  # no such item: its parent, the kept list


def test_too_long_a_folder_name_is_a_clear_message(invoke) -> None:
    result = invoke("status", "--data", "a" * 5000)
    assert result.exit_code == 2
    assert result.stderr.startswith("找不到数据目录 aaa")
    assert invoke("validate", "b" * 5000).stderr.startswith("找不到 bbb")


def test_chinese_names_and_words_where_ids_and_values_belong(invoke, tmp_path) -> None:
    staff = "staff:\n  - name: 张伟\n    unit: 县税务局\n    window: 税务窗口\n    role: 首席代表\n    since: 2020-06-01\n"
    data = _data_set(tmp_path, staff.encode())
    findings = invoke("validate", "--data", str(data), "--format", "json").json()["findings"]
    assert [(f["line"], f["message"]) for f in findings] == [
        (3, "“县税务局”是名称，这里要写它的 id：tax-bureau"),
        (4, "“税务窗口”是名称，这里要写它的 id：tax"),
        (5, "“role”要写英文值：“首席代表”写作 chief"),
    ]


def test_near_misses_are_suggested(invoke, case) -> None:
    folder = case("clean")
    staff = (folder / "staff.yaml").read_text(encoding="utf-8")
    (folder / "staff.yaml").write_text(
        staff.replace("window: tax\n", "window: taxes\n", 1), encoding="utf-8"
    )
    (message,) = [
        f["message"]
        for f in invoke("validate", "--data", str(folder), "--format", "json").json()["findings"]
    ]
    assert (
        message
        == "没有 id 为“taxes”的窗口类别（是不是“tax”？）；窗口类别在 windows.yaml 的 windows 中定义"
    )


def test_text_is_read_in_one_spelling() -> None:
    nfd = "Gu\u0308lnar"  # u and a combining diaeresis
    assert compose(f"name: {nfd}\n", "f.yaml").data["name"] == "Gülnar"
    assert compose("name: \uf900\n", "f.yaml").data["name"] == "\u8c48"  # CJK compatibility


def test_hidden_characters_only_matter_in_names_and_ids() -> None:
    text = "name: 方\u200b娜\nnote: 方\u200b娜\n"
    document = compose(text, "f.yaml", names=frozenset({"name"}))
    assert [(f.code, f.line, f.column, f.params["char"]) for f in document.problems] == [
        ("hidden-character", 1, 8, "U+200B")
    ]
    assert document.data["note"] == "方\u200b娜"  # kept in text; reports show it as <U+200B>


def test_a_folder_that_cannot_be_entered_is_named(monkeypatch, tmp_path) -> None:
    from hsreform.reading.yamlsource import SourceError, read_text

    target = tmp_path / "data" / "staff.yaml"

    def refuse(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(SourceError) as refused:
        read_text(target, "data/staff.yaml")
    assert refused.value.finding.params["reason"] == "permission"  # lstat worked: the file
    monkeypatch.setattr(os, "lstat", refuse)
    with pytest.raises(SourceError) as refused:
        read_text(target, "data/staff.yaml")
    assert refused.value.finding.params == {"reason": "folder-permission", "folder": "data"}


def test_a_data_folder_nobody_may_read_is_our_message_not_clicks(invoke, case, monkeypatch) -> None:
    """Click would check that --data is readable itself and say so in English."""
    folder = case("clean")
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)
    result = invoke("status", "--data", str(folder), "--as-of", "2020-07-01")
    assert "readable" not in result.stderr
    assert result.exit_code == 0, result.stderr  # readable after all: os.access was lying


def test_the_system_says_why_in_chinese() -> None:
    import errno

    from hsreform.common.i18n import system_reason

    assert system_reason(OSError(errno.ENXIO, "No such device or address"), "zh").startswith(
        "没有这个设备"
    )
    assert system_reason(OSError(errno.ECHILD, "No child processes"), "zh") == "系统错误 ECHILD"
    assert system_reason(OSError(errno.ECHILD, "No child processes"), "en") == "No child processes"


def test_past_the_value_limit_says_which_limit() -> None:
    from hsreform.reading.yamlsource import MAX_NODES, SourceError

    plain = "a: [" + ",".join(["0"] * MAX_NODES) + "]\n"
    with pytest.raises(SourceError) as refused:
        compose(plain, "f.yaml")
    assert refused.value.finding.code == "yaml-value-limit"
    aliased = "a: &a [" + ",".join(["0"] * 1000) + "]\nb: [" + ", ".join(["*a"] * 100) + "]\n"
    with pytest.raises(SourceError) as refused:
        compose(aliased, "f.yaml")
    assert refused.value.finding.code == "yaml-expansion-limit"
    assert refused.value.finding.params["aliases"] == 99  # the 99th passes 100,000 values


def test_a_file_given_as_the_data_folder_is_called_a_file(invoke) -> None:
    from tests.conftest import REPO

    result = invoke("status", "--data", str(REPO / "README.md"))
    assert result.exit_code == 2
    assert "不是目录" in result.stderr
    assert "找不到" not in result.stderr
