"""The corpus of bad inputs: every case under tests/data/bad/ is refused as it expects.

A case folder holds only its defective file(s), laid over tests/data/clean/ like the other
fixture cases, and an `expected.yaml`: the exit code of `validate`, `blocks: false` for a
defect that validate reports but that leaves the data usable by the other commands, the findings as
`[code, file, line]` or `[code, file, line, column]` (line `null` for a file that cannot be
opened or read at all; `[code, file, line, column, times]` for a finding listed `times`
times), and optionally `mentions`, text the message must contain, such as the limit a
file broke; `omitted`, `[code, file, count]` for findings counted but not listed; and
`longest`, the most characters any message may have (an input echoed back is cut short).
Bytes that do not belong in git (a NUL byte, GBK, 50 MB, 10,000 levels, a symlink, a pipe,
a socket) are made by the test from the case's `recipe.yaml`, which names one of the small
generators below, or holds `steps`, a list of such recipes applied in turn.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from hsreform.reading.yamlsource import MAX_ALIASES, MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES
from tests.conftest import CLEAN, DATA, REPO, has_message

BAD = DATA / "bad"
CASES = sorted(p.parent.name for p in BAD.glob("*/expected.yaml"))
AS_OF = "2020-07-01"
FILE_LEVEL = {
    "file-missing",
    "file-is-directory",
    "file-too-large",
    "file-outside",
    "file-unreadable",
}
"""Codes for a file that cannot be opened or read: there is no line to point at."""

_YAML = YAML(typ="safe", pure=True)


def _load(path: Path) -> Any:
    return _YAML.load(path.read_text(encoding="utf-8"))


# Generators: each makes the defect a recipe names in the file `path` of a built case. ------


def _replace(path: Path, recipe: dict[str, Any], _: pytest.FixtureRequest) -> None:
    """Replace `old` by `new` + `repeat` × `times` + `then`, encoded as `encoding`."""
    old = recipe["old"].encode("utf-8")
    new = recipe["new"] + recipe.get("repeat", "") * recipe.get("times", 0) + recipe.get("then", "")
    raw = path.read_bytes()
    assert old in raw, recipe
    path.write_bytes(raw.replace(old, new.encode(recipe.get("encoding", "utf-8")), 1))


def _encode(path: Path, recipe: dict[str, Any], _: pytest.FixtureRequest) -> None:
    """The file saved in another encoding."""
    path.write_bytes(path.read_text(encoding="utf-8").encode(recipe["encoding"]))


def _bom(path: Path, _recipe: dict[str, Any], _: pytest.FixtureRequest) -> None:
    """A UTF-8 byte order mark before the text."""
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())


def _line_endings(path: Path, recipe: dict[str, Any], _: pytest.FixtureRequest) -> None:
    """Every `\\n` replaced by `ending`."""
    path.write_bytes(path.read_bytes().replace(b"\n", recipe["ending"].encode("ascii")))


def _nest(path: Path, recipe: dict[str, Any], _: pytest.FixtureRequest) -> None:
    """`prefix`, then `open` × `depth`, `middle`, `close` × `depth` on one line."""
    depth = recipe["depth"]
    body = recipe["open"] * depth + recipe.get("middle", "") + recipe["close"] * depth
    path.write_text(recipe["prefix"] + body + "\n", encoding="utf-8")


def _sparse(path: Path, recipe: dict[str, Any], _: pytest.FixtureRequest) -> None:
    """A file of `size` bytes that takes no room on disk."""
    path.unlink()
    with path.open("wb") as handle:
        handle.truncate(recipe["size"])


def _delete(path: Path, _recipe: dict[str, Any], _: pytest.FixtureRequest) -> None:
    path.unlink()


def _directory(path: Path, _recipe: dict[str, Any], _: pytest.FixtureRequest) -> None:
    path.unlink()
    path.mkdir()


def _symlink(path: Path, recipe: dict[str, Any], _: pytest.FixtureRequest) -> None:
    """A symbolic link to `target`; a target outside the folder is a valid copy of the file."""
    target = path.parent / recipe["target"]
    if not target.resolve().is_relative_to(path.parent.resolve()):
        shutil.copy(path, target)
    path.unlink()
    path.symlink_to(recipe["target"])


def _fifo(path: Path, _recipe: dict[str, Any], request: pytest.FixtureRequest) -> None:
    """A named pipe that nobody writes to; a reader that waits on it fails after 10 s."""
    path.unlink()
    os.mkfifo(path)

    def give_up(_signal: int, _frame: Any) -> None:
        # pytest.fail, not an OSError that the code under test could turn into a finding
        pytest.fail(f"{path.name}: opening or reading the pipe blocked for 10 s")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(10)
    request.addfinalizer(lambda: (signal.alarm(0), signal.signal(signal.SIGALRM, previous)))


def _mode_000(path: Path, _recipe: dict[str, Any], _: pytest.FixtureRequest) -> None:
    """No permissions at all: a real refusal by the kernel, for anyone but root."""
    if os.geteuid() == 0:
        pytest.skip(
            "root reads a file whatever its mode; "
            "unreadable-permission-denied refuses the open call instead and runs as root too"
        )
    path.chmod(0)


def _folder_mode(path: Path, recipe: dict[str, Any], request: pytest.FixtureRequest) -> None:
    """The data folder with `mode` (644: readable, not searchable; 0: nothing at all)."""
    if os.geteuid() == 0:
        pytest.skip("root enters any folder whatever its mode")
    folder = path.parent
    folder.chmod(recipe["mode"])
    request.addfinalizer(lambda: folder.chmod(0o755))  # so that pytest can clean up


def _socket(path: Path, _recipe: dict[str, Any], request: pytest.FixtureRequest) -> None:
    """A UNIX socket where the file should be (opening one fails with ENXIO)."""
    path.unlink()
    server = socket.socket(socket.AF_UNIX)
    request.addfinalizer(server.close)
    try:
        server.bind(str(path))
    except OSError as exc:  # a path longer than a socket address may be
        pytest.skip(f"cannot bind a socket here: {exc}")


def _permission_denied(path: Path, _recipe: dict[str, Any], request: pytest.FixtureRequest) -> None:
    """The operating system refuses to open the file, as it does for a user without the right."""
    real_open = os.open
    refused = path.absolute()

    def open_(file: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(os.fsdecode(file)).absolute() == refused:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(file))
        return real_open(file, flags, *args, **kwargs)

    request.getfixturevalue("monkeypatch").setattr(os, "open", open_)


Generator = Callable[[Path, dict[str, Any], pytest.FixtureRequest], None]
GENERATORS: dict[str, Generator] = {
    "replace": _replace,
    "encode": _encode,
    "bom": _bom,
    "line-endings": _line_endings,
    "nest": _nest,
    "sparse": _sparse,
    "delete": _delete,
    "directory": _directory,
    "symlink": _symlink,
    "fifo": _fifo,
    "mode-000": _mode_000,
    "permission-denied": _permission_denied,
    "folder-mode": _folder_mode,
    "socket": _socket,
}


def build(name: str, target: Path, request: pytest.FixtureRequest) -> Path:
    """The clean data set with the case's files laid over it, then its recipe applied."""
    shutil.copytree(CLEAN, target)
    case = BAD / name
    for path in case.iterdir():
        if path.name not in ("expected.yaml", "recipe.yaml"):
            shutil.copy(path, target / path.name)
    if (case / "recipe.yaml").exists():
        recipe = _load(case / "recipe.yaml")
        for step in recipe.get("steps", [recipe]):
            GENERATORS[step.pop("generator")](target / step["file"], step, request)
    return target


def snapshot(root: Path) -> dict[str, tuple[Any, ...]]:
    """Kind, mode, size, modification time and content (or link target) of all under `root`."""
    out: dict[str, tuple[Any, ...]] = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder, name)
            try:
                info = path.lstat()
            except PermissionError:  # in a folder that may not be searched
                out[str(path.relative_to(root))] = ("unsearchable",)
                continue
            content: str | None = None
            if stat.S_ISLNK(info.st_mode):
                content = os.readlink(path)
            elif stat.S_ISREG(info.st_mode) and os.access(path, os.R_OK):
                with path.open("rb") as handle:
                    content = hashlib.file_digest(handle, "sha256").hexdigest()
            out[str(path.relative_to(root))] = (
                info.st_mode,
                info.st_size,
                info.st_mtime_ns,
                content,
            )
    return out


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 40


BIGGEST = {
    "nesting-10000-levels",
    "nesting-10000-mappings",
    "plain-values-past-the-limit",
    "bound-values-without-aliases",
}
"""The worst inputs within the limits, a second or more each: left to the slow tests."""


def test_the_biggest_cases_are_in_the_corpus() -> None:
    assert set(CASES) >= BIGGEST


@pytest.mark.parametrize(
    "name", [pytest.param(n, marks=pytest.mark.slow) if n in BIGGEST else n for n in CASES]
)
def test_bad_input_is_refused_as_expected(
    name: str, invoke: Any, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    spec = _load(BAD / name / "expected.yaml")
    data = build(name, tmp_path / "data", request)
    before = snapshot(tmp_path)

    result = invoke("validate", "--data", str(data), "--as-of", AS_OF, "--format", "json")
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exit_code == spec["exit"], result.stdout + result.stderr
    findings = result.json()["findings"]
    expected = [tuple(f[:4]) for f in spec["findings"] for _ in range(f[4] if len(f) > 4 else 1)]
    assert sorted((f["code"], Path(f["file"]).name, f["line"]) for f in findings) == sorted(
        e[:3] for e in expected
    )
    omitted = [(o["code"], Path(o["file"]).name, o["count"]) for o in result.json()["omitted"]]
    assert omitted == [tuple(o) for o in spec.get("omitted", [])]
    located = {(f["code"], Path(f["file"]).name, f["line"], f["column"]) for f in findings}
    assert {e for e in expected if len(e) == 4 and e[3] is not None} <= located
    for f in findings:
        assert f["file"], f
        assert f["line"] is not None or f["code"] in FILE_LEVEL, f
        assert has_message(f), f
    for text in spec.get("mentions", []):
        assert any(text in f["message"] for f in findings), text
    for f in findings:
        assert len(f["message"]) <= spec.get("longest", 1000), f["message"][:200]

    # The other commands refuse the same data with exit code 2 and the same place, unless
    # the case says its finding leaves the data usable (`blocks: false`).
    status = invoke("status", "--data", str(data), "--as-of", AS_OF)
    assert "Traceback" not in status.stdout + status.stderr
    if not spec.get("blocks", True):
        assert status.exit_code == 0, status.stdout + status.stderr
        assert snapshot(tmp_path) == before
        return
    assert status.exit_code == 2, status.stdout + status.stderr
    code, file, line = expected[0][:3]
    where = f"{file}:{line}:" if line else f"{file}: "  # file:line:col, or just the file
    assert where in status.stderr, status.stderr
    assert f"[{code}]" in status.stderr

    assert snapshot(tmp_path) == before  # nothing read was changed, nothing new written


def test_every_recipe_names_a_generator() -> None:
    for recipe in BAD.glob("*/recipe.yaml"):
        spec = _load(recipe)
        for step in spec.get("steps", [spec]):
            assert step["generator"] in GENERATORS, recipe


# Resource limits -------------------------------------------------------------------------

_UNDER_A_MEMORY_LIMIT = textwrap.dedent(
    """
    import resource, runpy, sys
    limit = {limit}
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    sys.argv = ["hsreform", *sys.argv[1:]]
    runpy.run_module("hsreform", run_name="__main__")
    """
)


@pytest.mark.slow
def test_alias_bomb_is_refused_within_a_memory_limit(tmp_path: Path) -> None:
    """Ten levels of ten aliases expand to 10^10 values; refused with 512 MB of address space."""
    data = tmp_path / "data"
    shutil.copytree(CLEAN, data)
    shutil.copy(BAD / "alias-bomb" / "staff.yaml", data / "staff.yaml")
    script = _UNDER_A_MEMORY_LIMIT.format(limit=512 * 1024 * 1024)
    result = subprocess.run(
        [sys.executable, "-c", script, "validate", "--data", str(data), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "HSREFORM_LANG": "zh"},
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert "MemoryError" not in result.stderr
    assert result.returncode == 2, result.stderr
    assert '"code": "yaml-expansion-limit"' in result.stdout


def test_security_md_states_the_limits_the_code_enforces() -> None:
    from hsreform.common.findings import MAX_SHOWN
    from hsreform.common.safe import LIMIT

    text = (REPO / "SECURITY.md").read_text(encoding="utf-8")
    for name, value in (
        ("MAX_FILE_BYTES", MAX_FILE_BYTES),
        ("MAX_DEPTH", MAX_DEPTH),
        ("MAX_ALIASES", MAX_ALIASES),
        ("MAX_NODES", MAX_NODES),
        ("MAX_SHOWN", MAX_SHOWN),
        ("LIMIT", LIMIT),
    ):
        assert f"`{name} = {value:_}`" in text, name
    assert f"`tests/data/bad/` 里的 {len(CASES)} 个坏输入" in text
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"`tests/data/bad/` 中的 {len(CASES)} 个坏输入" in readme
