"""Benchmarks, as ratios measured in one run (this machine is shared: absolute times wander).

    python bench/bench.py [--runs N] [--staff N]

1. Start-up: `hsreform status` on the bundled data, against the bare interpreter floor
   (`python -c pass`) and against importing the stack alone (typer, rich, pydantic,
   ruamel.yaml), each a fresh process, median of N runs.
2. Validation of a generated large data set (the bundled plan with a roster of --staff
   postings and progress for every task), in process: hsreform's load + validate against
   a bare C parse of the same files (libyaml's event parser, nothing built).
3. One edit (`hsreform task done 1 税务局` on a fresh copy of the bundled data: lock, read,
   check before and after, journal, atomic write) against `hsreform status` on the same
   copy, each a fresh process, median of N runs. `--edit-only` runs just this.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _median_seconds(run: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _process(*args: str) -> Callable[[], object]:
    return lambda: subprocess.run(
        [sys.executable, *args], check=True, capture_output=True, cwd=tempfile.gettempdir()
    )


def startup(runs: int) -> None:
    """Start-up of `hsreform status` against the import floors."""
    floor = _median_seconds(_process("-c", "pass"), runs)
    stack = _median_seconds(_process("-c", "import typer, rich.table, pydantic, ruamel.yaml"), runs)
    status = _median_seconds(_process("-m", "hsreform", "status", "--as-of", "2020-06-08"), runs)
    json_ = _median_seconds(
        _process("-m", "hsreform", "status", "--as-of", "2020-06-08", "--format", "json"), runs
    )
    helped = _median_seconds(_process("-m", "hsreform", "--help"), runs)
    print(f"start-up, median of {runs} fresh processes")
    print(f"  python -c pass                  {floor * 1000:7.1f} ms   1.00x")
    for label, value in (
        ("import the stack", stack),
        ("hsreform status", status),
        ("hsreform status --format json", json_),
        ("hsreform --help", helped),
    ):
        print(
            f"  {label:<31} {value * 1000:7.1f} ms  {value / floor:5.2f}x floor  {value / stack:5.2f}x stack"
        )


def generate(folder: Path, staff: int) -> None:
    """The bundled plan with `staff` roster postings and progress for every responsible unit."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    shutil.copy(ROOT / "data" / "windows.yaml", folder / "windows.yaml")
    tasks = yaml.load(ROOT / "data" / "tasks.yaml")
    windows = yaml.load(ROOT / "data" / "windows.yaml")
    members = next(g["members"] for g in windows["groups"] if g["id"] == "county-departments")
    for task in tasks["tasks"] + tasks["goals"]:
        task["progress"] = [{"unit": u, "status": "in_progress", "note": "推进中"} for u in members]
    yaml.dump(tasks, folder / "tasks.yaml")
    quotas = [(w["id"], q["unit"]) for w in windows["windows"] for q in w["quotas"]]
    lines = ["staff:"]
    for i in range(staff):
        window, unit = quotas[i % len(quotas)]
        lines += [
            f"  - name: 工作人员{i}",
            f"    staff_no: S{i:06d}",
            f"    unit: {unit}",
            f"    window: {window}",
            "    role: staff",
            f"    since: 2020-06-0{1 + i % 5}",
            "    trained_on: 2020-06-15",
        ]
    (folder / "staff.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def validation(runs: int, staff: int) -> None:
    """hsreform load + validate against a bare libyaml parse of the same three files."""
    import datetime as dt

    from _ruamel_yaml import CParser

    from hsreform import checks
    from hsreform.loader import load

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        generate(folder, staff)
        texts = [
            (folder / name).read_text(encoding="utf-8")
            for name in ("windows.yaml", "tasks.yaml", "staff.yaml")
        ]
        size = sum(len(t.encode()) for t in texts)

        def bare() -> None:
            for text in texts:
                parser = CParser(text)
                while parser.get_event() is not None and parser.check_event():
                    pass

        def ours() -> None:
            loaded = load(folder)
            assert loaded.dataset is not None, loaded.findings[:3]
            checks.validate(loaded.dataset, dt.date(2021, 1, 1))

        floor = _median_seconds(bare, runs)
        full = _median_seconds(ours, runs)
    print(
        f"validation of a generated data set: {staff} postings, {size / 1e6:.2f} MB, median of {runs}"
    )
    print(
        f"  libyaml event parse (floor)     {floor * 1000:7.1f} ms   1.00x   {size / 1e6 / floor:6.1f} MB/s"
    )
    print(
        f"  hsreform load + validate        {full * 1000:7.1f} ms  {full / floor:5.2f}x   {size / 1e6 / full:6.1f} MB/s"
    )


def edit_vs_status(runs: int) -> None:
    """One edit against `hsreform status`, fresh processes on fresh copies of the bundled data."""
    edits, reports = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(runs):
            folder = Path(tmp) / f"copy-{run}"
            shutil.copytree(ROOT / "data", folder)
            day = ("--as-of", "2020-06-08", "--data", str(folder))
            edit = ("task", "done", "1", "税务局", "--on", "2020-06-04", *day)
            edits.append(_median_seconds(_process("-m", "hsreform", *edit), 1))
            reports.append(_median_seconds(_process("-m", "hsreform", "status", *day), 1))
    edit_time, status_time = statistics.median(edits), statistics.median(reports)
    print(f"one edit against status, bundled data, median of {runs} fresh processes")
    print(f"  hsreform status                 {status_time * 1000:7.1f} ms   1.00x")
    print(
        f"  hsreform task done 1 税务局       {edit_time * 1000:7.1f} ms  {edit_time / status_time:5.2f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--staff", type=int, default=6_000)  # under MAX_NODES: 15 values each
    parser.add_argument("--edit-only", action="store_true", help="only the edit against status")
    options = parser.parse_args()
    if options.edit_only:
        edit_vs_status(options.runs)
        return
    startup(options.runs)
    validation(options.runs, options.staff)
    edit_vs_status(options.runs)


if __name__ == "__main__":
    main()
