"""The worst inputs within the limits, and what they cost: time and peak memory per command.

    python bench/hostile.py [--case NAME ...] [--quick]

Each case is a data set built from the bundled one with one or more files replaced by
the worst file of its kind that the limits of `hsreform/reading/yamlsource.py` still let in (or
just past them, where refusing is the work): every value a schema error, a mapping of
100,000 unknown keys, the same mapping repeated by every alias allowed, a 10 MiB line
with a syntax error, the largest valid roster with every staffing rule firing. Each of
validate, status and check-staffing runs on it in every format, as a fresh process;
the table gives its exit code, wall time and peak resident memory (from wait4). The
figures in SECURITY.md come from here. tests/test_hostile_limits.py builds the same cases
and asserts that every run finishes, under a cap on memory, with the exit code expected.
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hsreform.reading.yamlsource import (  # noqa: E402  (after the path is set)
    MAX_ALIASES,
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_NODES,
    MAX_PLAIN_NODES,
)

AS_OF = "2021-01-01"
RUNS = (
    ("validate", "table"),
    ("validate", "json"),
    ("validate", "github"),
    ("status", "table"),
    ("status", "json"),
    ("check-staffing", "table"),
    ("check-staffing", "json"),
    ("check-staffing", "github"),
)
"""Every command in every format it has."""


def _write(folder: Path, name: str, text: str) -> None:
    data = text.encode("utf-8")
    assert len(data) <= MAX_FILE_BYTES, (name, len(data))
    (folder / name).write_bytes(data)


def every_value_wrong(folder: Path, limit: int = MAX_NODES) -> None:
    """A roster of scalars where mappings belong: one schema error per value."""
    count = limit - 3  # the document, the key `staff`, the list
    _write(folder, "staff.yaml", "staff: [" + ",".join(["0"] * count) + "]\n")


def every_file_wrong(folder: Path, limit: int = MAX_NODES) -> None:
    """All three files made of schema errors, as many as each may hold."""
    for name, key in (("windows.yaml", "units"), ("tasks.yaml", "tasks"), ("staff.yaml", "staff")):
        _write(folder, name, f"{key}: [" + ",".join(["0"] * (limit - 3)) + "]\n")


def unknown_keys(folder: Path, limit: int = MAX_NODES) -> None:
    """One roster entry with as many unknown keys as the limit allows."""
    keys = (limit - 4) // 2  # document, `staff`, list, mapping; then a key and a value each
    body = "".join(f"    k{i}: 0\n" for i in range(keys))
    _write(folder, "staff.yaml", "staff:\n  -\n" + body)


def aliased_unknown_keys(folder: Path) -> None:
    """A mapping of unknown keys, anchored, then repeated by every alias allowed."""
    keys = ((MAX_NODES - 3) // (MAX_ALIASES + 1) - 1) // 2
    mapping = "{" + ", ".join(f"k{i}: 0" for i in range(keys)) + "}"
    _write(folder, "staff.yaml", f"staff:\n  - &e {mapping}\n" + "  - *e\n" * MAX_ALIASES)


def alias_bomb(folder: Path) -> None:
    """Ten levels of ten aliases: ten billion values if expanded (refused on the way)."""
    lines = ["a0: &a0 [" + ", ".join(["x"] * 10) + "]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    _write(folder, "staff.yaml", "\n".join(lines) + "\n")


def values_past_the_limit(folder: Path, limit: int = MAX_NODES) -> None:
    """Just over the limit of values without a single alias (refused, saying so).

    At the event reader's limit one value is quoted, so that the fast read declines the file.
    """
    first = '"0"' if limit == MAX_NODES else "0"
    _write(folder, "staff.yaml", "staff: [" + ",".join([first] + ["0"] * limit) + "]\n")


def long_line_syntax_error(folder: Path) -> None:
    """A syntax error at the end of a line of 10 MiB of `- - - ...`: the hint's search runs."""
    dashes = "- " * ((MAX_FILE_BYTES - 64) // 2)
    _write(folder, "staff.yaml", "staff:\n" + dashes + "a: b: c\n")


def deep_and_wide(folder: Path) -> None:
    """Nested as deep as allowed, with the rest of the values at the bottom."""
    depth = MAX_DEPTH - 2  # the document and `staff` take two levels
    count = MAX_NODES - depth - 3
    body = "[" * depth + ",".join(["0"] * count) + "]" * depth
    _write(folder, "staff.yaml", "staff: " + body + "\n")


def duplicate_keys(folder: Path) -> None:
    """The key `staff` repeated as often as the limit allows: one finding each."""
    _write(folder, "staff.yaml", "staff: []\n" * ((MAX_NODES - 1) // 3))


def long_integers(folder: Path) -> None:
    """Counts of 4,000 hexadecimal digits, as many as fit: too long to print in Python."""
    windows = (ROOT / "data" / "windows.yaml").read_text(encoding="utf-8")
    number = "0x" + "F" * 4000
    staff = "staff: [" + ", ".join([number] * (MAX_FILE_BYTES // 4004 - 1)) + "]\n"
    _write(folder, "windows.yaml", windows.replace("count: 8\n", f"count: {number}\n"))
    _write(folder, "staff.yaml", staff)


def hidden_characters(folder: Path) -> None:
    """Every name with a zero-width space and a right-to-left override: one finding each."""
    entry = "  - {{name: 方\u200b娜{i}, unit: tax-bureau, window: tax, role: staff, since: 2020-06-01}}\n"
    count = (MAX_NODES - 3) // 11
    _write(folder, "staff.yaml", "staff:\n" + "".join(entry.format(i=i) for i in range(count)))


def largest_valid(folder: Path, limit: int = MAX_NODES) -> None:
    """Valid data as large as the limits allow, every staffing rule firing on the roster.

    windows.yaml: thousands of units more, all in one window category and one group.
    tasks.yaml: a task for that group, with progress from each unit.
    staff.yaml: postings at that window by two names that replace each other, all chiefs,
    none trained, none approved: double postings, several chiefs, unapproved replacements,
    predecessors in post, untrained staff, over-quota, all at once.
    """
    base = (ROOT / "data" / "windows.yaml").read_text(encoding="utf-8")
    units = (limit - 4000) // 13  # a unit: 7 values, its quota 5, its group membership 1
    ids = [f"u{i:05d}" for i in range(units)]
    more_units = "".join(
        f"  - {{id: {u}, name: 单位{u}, kind: government_department}}\n" for u in ids
    )
    windows = base.replace("\ngroups:\n", "\n" + more_units + "groups:\n", 1)
    windows = windows.replace(
        "\ngroups:\n",
        f"\ngroups:\n  - id: every-unit\n    name: 全部单位\n    members: [{', '.join(ids)}]\n",
        1,
    )
    quotas = "".join(f"      - {{unit: {u}, staff: 1}}\n" for u in ids)
    windows = windows.replace(
        "\nwindows:\n",
        "\nwindows:\n  - id: every-window\n    name: 全部窗口\n    count: 1\n    duties: 全部\n"
        "    quotas:\n" + quotas,
        1,
    )
    _write(folder, "windows.yaml", windows)
    tasks = (ROOT / "data" / "tasks.yaml").read_text(encoding="utf-8")
    progress = "".join(f"      - {{unit: {u}, status: in_progress}}\n" for u in ids)
    task = (
        "  - number: 99\n    title: 全部单位的任务\n    deliverable: 全部\n"
        "    responsible: [every-unit]\n    deadline: 2020-12-31\n    progress:\n" + progress
    )
    _write(folder, "tasks.yaml", tasks.replace("\ngoals:\n", "\n" + task + "goals:\n", 1))
    postings = (limit - 10) // 13  # six keys and their values, and the mapping
    staff = "".join(
        f"  - {{name: {'甲乙'[i % 2]}, unit: u00000, window: every-window, role: chief, "
        f"since: 2020-06-01, replaces: {'乙甲'[i % 2]}}}\n"
        for i in range(postings)
    )
    _write(folder, "staff.yaml", "staff:\n" + staff)


CASES: dict[str, Callable[[Path], None]] = {
    "every-value-wrong": every_value_wrong,
    "every-file-wrong": every_file_wrong,
    "unknown-keys": unknown_keys,
    "aliased-unknown-keys": aliased_unknown_keys,
    "alias-bomb": alias_bomb,
    "values-past-the-limit": values_past_the_limit,
    "long-line-syntax-error": long_line_syntax_error,
    "deep-and-wide": deep_and_wide,
    "duplicate-keys": duplicate_keys,
    "long-integers": long_integers,
    "hidden-characters": hidden_characters,
    "largest-valid": largest_valid,
    # The same at the limit of a plain file (read fast, hsreform.reading.fastyaml): ten times larger.
    "plain-every-value-wrong": functools.partial(every_value_wrong, limit=MAX_PLAIN_NODES),
    "plain-every-file-wrong": functools.partial(every_file_wrong, limit=MAX_PLAIN_NODES),
    "plain-unknown-keys": functools.partial(unknown_keys, limit=MAX_PLAIN_NODES),
    "plain-largest-valid": functools.partial(largest_valid, limit=MAX_PLAIN_NODES),
    "plain-values-past-the-limit": functools.partial(values_past_the_limit, limit=MAX_PLAIN_NODES),
}
"""Each worst case, by name: a function that writes its files over a copy of the bundled data."""


def build(name: str, folder: Path) -> Path:
    """The bundled data set copied into `folder`, with case `name`'s files written over it."""
    shutil.copytree(ROOT / "data", folder)
    CASES[name](folder)
    return folder


def command(data: Path, cmd: str, fmt: str) -> list[str]:
    """The arguments of one run (after the interpreter)."""
    return ["-m", "hsreform", cmd, "--data", str(data), "--as-of", AS_OF, "--format", fmt]


def measure(args: list[str]) -> tuple[int, float, float]:
    """Run `python ARGS`: its exit code, wall seconds and peak resident memory in MB."""
    start = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "HSREFORM_LANG": "zh", "NO_COLOR": "1"},
    ) as process:
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, time.perf_counter() - start, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="only these")
    parser.add_argument("--quick", action="store_true", help="validate as JSON only")
    options = parser.parse_args()
    runs = [("validate", "json")] if options.quick else list(RUNS)
    print(
        f"limits: {MAX_FILE_BYTES:,} bytes, {MAX_NODES:,} values, {MAX_ALIASES} aliases, {MAX_DEPTH} levels"
    )
    print(f"{'case':<24} {'command':<15} {'format':<7} {'exit':>4} {'seconds':>8} {'peak MB':>8}")
    worst_time, worst_memory = 0.0, 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for name in options.case or CASES:
            data = build(name, Path(tmp) / name)
            size = sum(p.stat().st_size for p in data.iterdir()) / 1e6
            for cmd, fmt in runs:
                code, seconds, memory = measure(command(data, cmd, fmt))
                worst_time, worst_memory = max(worst_time, seconds), max(worst_memory, memory)
                print(f"{name:<24} {cmd:<15} {fmt:<7} {code:>4} {seconds:>8.2f} {memory:>8.0f}")
            print(f"{'':<24} ({size:.1f} MB of data)")
    print(f"worst: {worst_time:.2f} s, {worst_memory:.0f} MB")


if __name__ == "__main__":
    main()
