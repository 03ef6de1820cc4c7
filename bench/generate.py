"""Generated counties for the benchmarks: deterministic, of any size, in the bundled plan's shape.

    python bench/generate.py OUT_DIR --units 400            # 4,000 staff, 3,200 progress entries
    python bench/generate.py OUT_DIR --shape one-window     # a pathological shape (see SHAPES)

A county of N units has N/10 window categories with ten dispatching units each, ten people
per unit (one chief representative), the plan's eight tasks (two with requirements), its
goal and a duty, with progress for every responsible unit on every task (8·N entries):
dated states, some history, requirements met. The shapes stress one rule each at a fixed size.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

PLAN = dt.date(2020, 5, 31)
REQUIREMENTS = ("first", "second", "third")


def _day(offset: int) -> str:
    return (PLAN + dt.timedelta(days=offset)).isoformat()


def windows(units: int) -> str:
    """windows.yaml: the centre, `units` departments, a window category per ten of them."""
    categories = max(1, units // 10)
    lines = [
        "totals:",
        f"  departments: {units}",
        f"  windows: {categories * 10}",
        f"  categories: {categories}",
        "  offices: 1",
        "units:",
        "  - id: centre",
        "    name: 行政服务中心",
        "    kind: service_centre",
    ]
    for i in range(units):
        lines += [f"  - id: u{i:05d}", f"    name: 单位{i:05d}", "    kind: government_department"]
    lines += ["groups:", "  - id: county-departments", "    name: 县人民政府各部门", "    members:"]
    lines += [f"      - u{i:05d}" for i in range(units)]
    lines.append("windows:")
    for c in range(categories):
        lines += [
            f"  - id: w{c:04d}",
            f"    name: 窗口{c:04d}",
            "    count: 10",
            "    duties: 各类业务",
            "    quotas:",
        ]
        for i in range(c * 10, min(units, c * 10 + 10)):
            lines += [f"      - unit: u{i:05d}", "        staff: 10"]
    lines += [
        "chief_representatives:",
        "  per_unit: 1",
        "  units: {centre: 0}",
        "offices:",
        "  - name: 办公室",
        "    count: 1",
    ]
    return "\n".join(lines) + "\n"


def _progress(units: int, number: int) -> Iterator[str]:
    """One entry per unit on task `number`: most done with their requirements, some not."""
    for i in range(units):
        kind = (i + number) % 10
        yield f"      - unit: u{i:05d}"
        if kind < 7:
            done = _day(1 + i % 9)
            yield from ("        status: done", f"        done_on: {done}")
            if number <= 2:  # the tasks with requirements
                yield f"        met: {{{', '.join(f'{r}: {done}' for r in REQUIREMENTS)}}}"
        elif kind < 9:
            yield from ("        status: in_progress", f"        since: {_day(2 + i % 5)}")
        else:
            yield from (
                "        status: blocked",
                f"        since: {_day(9)}",
                "        note: 等待上级系统开通",
                f"        history: [{{status: in_progress, since: {_day(3)}}}]",
            )


def tasks(units: int) -> str:
    """tasks.yaml: eight tasks with requirements and progress for every unit, a goal, a duty."""
    lines = [
        "plan:",
        "  number: 硕政办发〔2020〕15号",
        "  title: 生成的县",
        "  issuer: 和硕县人民政府办公室",
        f"  issued_on: {PLAN.isoformat()}",
        "tasks:",
    ]
    for number in range(1, 9):
        lines += [
            f"  - number: {number}",
            f"    title: 任务{number}",
            "    deliverable: 成果",
        ]
        if number <= 2:
            lines.append("    requirements:")
            for r in REQUIREMENTS:
                lines += [
                    f"      - id: {r}",
                    f"        label: 要求{r}",
                    f"        text: 要求{r}的原文",
                ]
        lines += [
            "    responsible: [county-departments]",
            f"    deadline: {_day(5 + 2 * number)}",
        ]
        if number == 4:
            lines.append("    deadline_for: staffing")
        if number == 6:
            lines.append("    deadline_for: training")
        lines.append("    progress:")
        lines += _progress(units, number)
    lines += [
        "goals:",
        "  - number: 1",
        "    title: 应进必进",
        "    deliverable: 事项全部进驻",
        "    exceptions: 对场地有特殊要求的事项",
        "    responsible: [county-departments]",
        "    deadline: 2020-12-31",
        "duties:",
        "  - number: 1",
        "    title: 筹集资金",
        "    deliverable: 筹集资金",
        "    responsible: [centre]",
    ]
    return "\n".join(lines) + "\n"


def _person(i: int, unit: str, window: str, role: str, since: str, **extra: str) -> list[str]:
    lines = [
        f"  - name: 工作人员{i:06d}",
        f"    staff_no: S{i:06d}",
        f"    unit: {unit}",
        f"    window: {window}",
        f"    role: {role}",
        f"    since: {since}",
        f"    trained_on: {_day(15)}",
    ]
    return lines + [f"    {key}: {value}" for key, value in extra.items()]


def staff(units: int) -> str:
    """staff.yaml: ten people per unit at its window, the first of them its chief."""
    lines = ["staff:"]
    for i in range(units * 10):
        unit = i // 10
        role = "chief" if i % 10 == 0 else "staff"
        lines += _person(i, f"u{unit:05d}", f"w{unit // 10:04d}", role, _day(1 + i % 5))
    return "\n".join(lines) + "\n"


def one_window(people: int) -> tuple[str, str]:
    """One window category staffed by `people` people of one hundred units."""
    per_unit = people // 100
    w = windows(100).split("windows:\n")[0] + "windows:\n"
    w += "  - id: w0000\n    name: 大窗口\n    count: 10\n    duties: 各类业务\n    quotas:\n"
    w += "".join(f"      - unit: u{i:05d}\n        staff: {per_unit}\n" for i in range(100))
    w += "chief_representatives:\n  per_unit: 1\n  units: {centre: 0}\n"
    s = ["staff:"]
    for i in range(people):
        role = "chief" if i % per_unit == 0 else "staff"
        s += _person(i, f"u{i // per_unit:05d}", "w0000", role, _day(1 + i % 5))
    return w, "\n".join(s) + "\n"


def replacements(pairs: int, units: int = 100) -> str:
    """Rosters where `pairs` people each replaced someone who left the day before."""
    lines = ["staff:"]
    for i in range(pairs):
        unit, window = f"u{i % units:05d}", f"w{(i % units) // 10:04d}"
        lines += _person(2 * i, unit, window, "staff", _day(1), until=_day(30))
        lines += _person(
            2 * i + 1,
            unit,
            window,
            "staff",
            _day(31),
            replaces=f"S{2 * i:06d}",
            approved_by_centre=_day(25),
        )
    return "\n".join(lines) + "\n"


def late_postings(people: int, units: int = 100) -> str:
    """Rosters where `people` people were first posted after the staffing deadline."""
    lines = ["staff:"]
    for i in range(people):
        unit, window = f"u{i % units:05d}", f"w{(i % units) // 10:04d}"
        lines += _person(i, unit, window, "staff", _day(40 + i % 20))
    return "\n".join(lines) + "\n"


def mistyped_units(people: int, units: int = 100) -> str:
    """Rosters where every one of `people` names a unit id nobody defined (a distinct typo each)."""
    lines = ["staff:"]
    for i in range(people):
        lines += _person(i, f"u{i:05d}x", f"w{(i % units) // 10:04d}", "staff", _day(1))
    return "\n".join(lines) + "\n"


SHAPES = ("county", "one-window", "replacements", "late-postings", "mistyped-units")


def write(folder: Path, shape: str = "county", units: int = 400) -> Path:
    """Write the data set of `shape` into `folder` (created); the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {"windows.yaml": windows(100), "tasks.yaml": tasks(100)}
    if shape == "county":
        files = {
            "windows.yaml": windows(units),
            "tasks.yaml": tasks(units),
            "staff.yaml": staff(units),
        }
    elif shape == "one-window":
        files["windows.yaml"], files["staff.yaml"] = one_window(16_000)
    elif shape == "replacements":
        files["staff.yaml"] = replacements(8_000)
    elif shape == "late-postings":
        files["staff.yaml"] = late_postings(8_000)
    elif shape == "mistyped-units":
        files["staff.yaml"] = mistyped_units(50_000)
    else:
        raise ValueError(shape)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--shape", choices=SHAPES, default="county")
    parser.add_argument("--units", type=int, default=400)
    options = parser.parse_args()
    write(options.folder, options.shape, options.units)


if __name__ == "__main__":
    main()
