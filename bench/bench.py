"""Benchmarks, as ratios measured in one run (this machine is shared: absolute times wander).

    python bench/bench.py                 # everything (about ten minutes on 2 cores)
    python bench/bench.py --quick         # every section at a small size, one run each (CI)
    python bench/bench.py --section startup --runs 21
    python bench/bench.py --section startup --instructions   # also counted by valgrind

Each figure is the median of fresh processes of the installed `hsreform` console script,
run in rounds (one of each command per round, in turn), so that a slow moment of the
machine falls on every command alike. The yardsticks run beside them:

1. startup: a county of 40 units, fully staffed, against a minimal one-command Typer app
   that prints a Rich table, and the bare import of the stack (typer, rich, pydantic,
   ruamel.yaml). Targets: status <= 1.0x the app, status --format json <= 0.9x,
   check-staffing <= 1.0x, --help <= 0.75x.
2. linear: validate, status and check-staffing on a generated county of 400 units /
   4,000 staff / 3,200 progress entries and on one ten times larger: at most 11x.
3. shapes: one window category with 16,000 staff, 8,000 replacements, 8,000 late postings
   (each command under 3 s), and 50,000 mistyped unit ids (validate in every format under 5 s).
4. throughput: validate of the 4,000-unit county against a process that only loads its
   three files with PyYAML's C loader: at most 0.4x.
5. edit: `task done`, `staff add`, `undo` and `items import` (lock, read, check before
   and after, journal, atomic write), each on a fresh copy of examples/rollout-2020, and
   `status` there, against the same two yardsticks, in CPU time: edits at most 1.5x the app.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import generate  # noqa: E402  (bench/ is no package)

HSREFORM = shutil.which("hsreform", path=str(Path(sys.executable).parent)) or "hsreform"
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "COLUMNS": "120",
    "NO_COLOR": "1",
    "HSREFORM_LANG": "zh",
}
"""As a user runs it: modules come compiled (an installed package has its bytecode; here the
first run writes it, so no measured run compiles a module)."""
MINIMAL_APP = """\
import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer()


@app.command()
def main() -> None:
    table = Table("任务", "状态")
    table.add_row("1", "已完成")
    Console().print(table)


if __name__ == "__main__":
    app()
"""
PYYAML_LOAD = (
    "import sys, yaml\n"
    "for name in sys.argv[1:]:\n"
    "    with open(name, 'rb') as f:\n"
    "        yaml.load(f, Loader=yaml.CSafeLoader)\n"
)
Command = Sequence[str]


def _once(command: Command, cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, check=False, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    return time.perf_counter() - start


def rounds(commands: dict[str, Command], runs: int, cwd: Path) -> dict[str, float]:
    """The median seconds of each command over `runs` rounds, one run of each per round."""
    times: dict[str, list[float]] = {label: [] for label in commands}
    labels = list(commands)
    for run in range(runs):
        turn = labels[run % len(labels) :] + labels[: run % len(labels)]
        for label in turn:
            times[label].append(_once(commands[label], cwd))
    return {label: statistics.median(values) for label, values in times.items()}


def _line(label: str, seconds: float, base: float, target: float | None = None) -> str:
    ratio = seconds / base
    verdict = "" if target is None else ("  ok" if ratio <= target else f"  OVER {target:g}x")
    bound = "" if target is None else f" (<= {target:g}x)"
    wide = sum(unicodedata.east_asian_width(c) in "WF" for c in label)  # two columns each
    return f"  {label:<{42 - wide}} {seconds * 1000:8.1f} ms  {ratio:6.2f}x{bound}{verdict}"


def _hsreform(data: Path, *args: str) -> list[str]:
    return [HSREFORM, *args, "--data", str(data), "--as-of", "2020-12-31"]


def instructions(command: Command, cwd: Path) -> int | None:
    """Instructions one run executes, counted by valgrind's callgrind (None without valgrind).

    Slow (about fifty times the run) but the same on a busy machine as on an idle one: a
    change of a few per cent shows here when the medians of wall time cannot tell it.
    """
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    result = subprocess.run(
        [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        check=False,
        cwd=cwd,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    found = re.search(r"Collected : (\d+)", result.stderr)
    return int(found.group(1)) if found else None


def _compile() -> None:
    """Write the bytecode of the package the console script runs, as an install does (an
    editable install run with PYTHONDONTWRITEBYTECODE would compile every module each run)."""
    where = subprocess.run(
        [sys.executable, "-c", "import hsreform, os; print(os.path.dirname(hsreform.__file__))"],
        check=True,
        capture_output=True,
        text=True,
        env=ENV,
    ).stdout.strip()
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", where], check=False, env=ENV, capture_output=True
    )


def startup(runs: int, tmp: Path, *, count: bool = False) -> None:
    data = generate.write(tmp / "startup-county", "county", units=40)
    (tmp / "minimal.py").write_text(MINIMAL_APP, encoding="utf-8")
    commands = {
        "import typer, rich, pydantic, ruamel.yaml": [
            sys.executable,
            "-c",
            "import typer, rich, pydantic, ruamel.yaml",
        ],
        "minimal Typer app printing a Rich table": [sys.executable, str(tmp / "minimal.py")],
        "hsreform status": _hsreform(data, "status"),
        "hsreform status --format json": _hsreform(data, "status", "--format", "json"),
        "hsreform check-staffing": _hsreform(data, "check-staffing"),
        "hsreform --help": [HSREFORM, "--help"],
    }
    got = rounds(commands, runs, tmp)
    app = got["minimal Typer app printing a Rich table"]
    print(f"start-up: a staffed county of 40 units, median of {runs} rounds; ratio to the app")
    targets = {
        "hsreform status": 1.0,
        "hsreform status --format json": 0.9,
        "hsreform check-staffing": 1.0,
        "hsreform --help": 0.75,
    }
    for label, seconds in got.items():
        print(_line(label, seconds, app, targets.get(label)))
    if not count:
        return
    counted = {label: instructions(command, tmp) for label, command in commands.items()}
    base = counted["minimal Typer app printing a Rich table"]
    if base is None:
        print("start-up in instructions: valgrind is not installed")
        return
    print("start-up in instructions (valgrind callgrind, one run each); ratio to the app")
    for label, executed in counted.items():
        if executed is not None:
            ratio = executed / base
            bound = targets.get(label)
            verdict = "" if bound is None else ("  ok" if ratio <= bound else f"  OVER {bound:g}x")
            print(f"  {label:<42} {executed / 1e6:8.0f} M   {ratio:6.2f}x{verdict}")


def linear(runs: int, tmp: Path, small: int) -> None:
    sizes = (small, small * 10)
    folders = {n: generate.write(tmp / f"county-{n}", "county", units=n) for n in sizes}
    print(f"linear: a county of {sizes[0]} units against one of {sizes[1]}, median of {runs}")
    for command in ("validate", "status", "check-staffing"):
        got = rounds({n: _hsreform(folders[n], command) for n in sizes}, runs, tmp)
        label = f"hsreform {command} ({sizes[1]} / {sizes[0]} units)"
        print(_line(label, got[sizes[1]], got[sizes[0]], 11.0))


SHAPE_COMMANDS = ("validate", "status", "check-staffing")
FORMATS = ("table", "json", "github", "markdown", "csv", "html", "xlsx")


def shapes(tmp: Path) -> None:
    print("pathological shapes: seconds of one fresh process each")
    for shape, bound in (("one-window", 3), ("replacements", 3), ("late-postings", 3)):
        data = generate.write(tmp / shape, shape)
        for command in SHAPE_COMMANDS:
            seconds = _once(_hsreform(data, command), tmp)
            verdict = "ok" if seconds <= bound else f"OVER {bound} s"
            print(f"  {shape:<16} {command:<16} {seconds:6.2f} s  {verdict}")
    data = generate.write(tmp / "mistyped-units", "mistyped-units")
    for fmt in FORMATS:
        args = ["--output", str(tmp / "out.xlsx")] if fmt == "xlsx" else ["--format", fmt]
        seconds = _once(_hsreform(data, "validate", *args), tmp)
        verdict = "ok" if seconds <= 5 else "OVER 5 s"
        print(f"  {'mistyped-units':<16} validate {fmt:<7} {seconds:6.2f} s  {verdict}")


def throughput(runs: int, tmp: Path, units: int) -> None:
    data = tmp / f"county-{units}"
    if not data.exists():
        generate.write(data, "county", units=units)
    files = [str(data / name) for name in ("windows.yaml", "tasks.yaml", "staff.yaml")]
    size = sum(Path(f).stat().st_size for f in files)
    try:
        import yaml

        if not hasattr(yaml, "CSafeLoader"):
            raise ImportError
    except ImportError:
        print("throughput: PyYAML with libyaml is not installed (pip install '.[dev]')")
        return
    got = rounds(
        {
            "pyyaml": [sys.executable, "-c", PYYAML_LOAD, *files],
            "validate": _hsreform(data, "validate", "--format", "json"),
        },
        runs,
        tmp,
    )
    print(f"throughput: {units} units, {size / 1e6:.1f} MB, median of {runs}")
    print(_line("PyYAML CSafeLoader, load only", got["pyyaml"], got["pyyaml"]))
    print(_line("hsreform validate", got["validate"], got["pyyaml"], 0.4))


EXAMPLE = ROOT / "examples" / "rollout-2020"
IMPORT_SHEET = (
    "事项名称,事项类型,法定办结时限,承诺办结时限,办理窗口\r\n"
    "增值税专用发票最高开票限额审批,行政许可,20,8,税务窗口\r\n"
)
"""Changes one value of an item of examples/rollout-2020 (promised days 10 -> 8)."""
EDITS = (
    "hsreform task done 6 司法局",
    "hsreform staff add 李新",
    "hsreform undo",
    "hsreform items import 清单.csv",
)
"""The edits held to at most 1.5x the minimal app (issue 19)."""


def _cpu(command: Command, cwd: Path) -> float:
    """CPU seconds (user + system) of one fresh process running `command`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        command, check=False, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace")
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}):\n{message}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _fresh(folder: Path) -> None:
    """`folder` made a copy of the example again, without a journal or a lock."""
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(EXAMPLE, folder)


def edit(runs: int, tmp: Path) -> None:
    """Each edit on its own fresh copy of the example, in CPU time, beside the yardsticks.

    Every round runs each command once, in an order that turns from round to round; before
    an edit its folder is made a fresh copy of examples/rollout-2020 (and, for `undo`, has
    `task done` run on it first): that preparation is not measured. CPU time (user and
    system, of the process and its children) is what the process itself costs, not the
    moments it waits for the shared machine or for the disk (an edit flushes its files).
    """
    (tmp / "minimal.py").write_text(MINIMAL_APP, encoding="utf-8")
    sheet = tmp / "清单.csv"
    sheet.write_text(IMPORT_SHEET, encoding="utf-8")
    day = ("--as-of", "2020-12-31")

    def on(folder: Path, *args: str) -> list[str]:
        return [HSREFORM, *args, "--data", str(folder), *day]

    done = ("task", "done", "6", "司法局", "--on", "2020-07-01")
    staff = ("staff", "add", "李新", "--unit", "税务局", "--window", "tax")
    staff += ("--role", "staff", "--since", "2020-07-01", "--trained-on", "2020-07-01")
    folders = {
        name: tmp / f"edit-{name}" for name in ("done", "dry", "staff", "undo", "import", "status")
    }
    for folder in folders.values():
        _fresh(folder)

    def undoable() -> None:
        _fresh(folders["undo"])
        _cpu(on(folders["undo"], *done), tmp)

    commands: dict[str, tuple[Command, Callable[[], None] | None]] = {
        "import typer, rich, pydantic, ruamel.yaml": (
            [sys.executable, "-c", "import typer, rich, pydantic, ruamel.yaml"],
            None,
        ),
        "minimal Typer app printing a Rich table": (
            [sys.executable, str(tmp / "minimal.py")],
            None,
        ),
        "hsreform status": (on(folders["status"], "status"), None),
        "hsreform task done 6 司法局 --dry-run": (on(folders["dry"], *done, "--dry-run"), None),
        "hsreform task done 6 司法局": (
            on(folders["done"], *done),
            lambda: _fresh(folders["done"]),
        ),
        "hsreform staff add 李新": (on(folders["staff"], *staff), lambda: _fresh(folders["staff"])),
        "hsreform undo": ([HSREFORM, "undo", "--data", str(folders["undo"])], undoable),
        "hsreform items import 清单.csv": (
            on(
                folders["import"],
                "items",
                "import",
                str(sheet),
                "--unit",
                "税务局",
                "--on",
                "2020-07-01",
            ),
            lambda: _fresh(folders["import"]),
        ),
    }
    assert set(EDITS) <= set(commands)
    assert set(EDITS) <= set(commands)
    times: dict[str, list[float]] = {label: [] for label in commands}
    labels = list(commands)
    for run in range(runs):
        turn = labels[run % len(labels) :] + labels[: run % len(labels)]
        for label in turn:
            command, prepare = commands[label]
            if prepare is not None:
                prepare()
            times[label].append(_cpu(command, tmp))
    got = {label: statistics.median(values) for label, values in times.items()}
    app = got["minimal Typer app printing a Rich table"]
    print(f"edits: examples/rollout-2020, CPU time, median of {runs} rounds; ratio to the app")
    for label, seconds in got.items():
        print(_line(label, seconds, app, 1.5 if label in EDITS else None))


SECTIONS = ("startup", "linear", "shapes", "throughput", "edit")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=None, help="rounds per figure")
    parser.add_argument("--quick", action="store_true", help="small sizes, one run each")
    parser.add_argument("--section", choices=SECTIONS, action="append", help="only these")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="start-up also in instructions executed (valgrind): the same on a busy machine",
    )
    options = parser.parse_args()
    runs = options.runs or (1 if options.quick else 11)
    small = 40 if options.quick else 400
    _compile()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        for section in options.section or SECTIONS:
            if section == "startup":
                startup(runs, tmp, count=options.instructions)
            elif section == "linear":
                linear(max(1, runs // 3) if not options.quick else 1, tmp, small)
            elif section == "shapes":
                shapes(tmp)
            elif section == "throughput":
                throughput(max(1, runs // 3) if not options.quick else 1, tmp, small * 10)
            else:
                edit(runs, tmp)


if __name__ == "__main__":
    main()
