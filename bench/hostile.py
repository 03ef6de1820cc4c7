"""The worst inputs within the limits, and what they cost: time and peak memory per command.

    python bench/hostile.py [--case NAME ...] [--quick]
    python bench/hostile.py --surfaces [--surface NAME ...]

Each case is a data set built from the bundled one with one or more files replaced by
the worst file of its kind that the limits of `hsreform/reading/yamlsource.py` still let in (or
just past them, where refusing is the work): every value a schema error, a mapping of
100,000 unknown keys, the same mapping repeated by every alias allowed, a 10 MiB line
with a syntax error, the largest valid roster with every staffing rule firing. Each of
validate, status and check-staffing runs on it in every format, as a fresh process;
the table gives its exit code, wall time and peak resident memory (from wait4). The
figures in SECURITY.md come from here. tests/test_hostile_limits.py builds the same cases
and asserts that every run finishes, under a cap on memory, with the exit code expected.

`--surfaces` measures the surfaces that write or take files from outside the same way:
edits and undo on the largest data an edit takes, a journal as deep and as large as the
journal's limits allow (and one that is damaged), `items import` of the largest sheets
within the limits of hsreform/reading/sheets.py and of the bombs past them, and every export of
the largest valid data set.
"""

from __future__ import annotations

import argparse
import functools
import json
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


# surfaces that write, and files from outside -----------------------------------------

EDIT = ("duty", "done", "1", "编办", "--on", "2020-06-20")
"""An edit every case's data takes (the bundled data's support duty 1)."""
_MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_WORKBOOK = (
    f'<workbook {_MAIN} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships"><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)


def xlsx(path: Path, sheet_data: str | None = None, **parts: str) -> Path:
    """An .xlsx written part by part: the sheet's `<sheetData>` content and any other part."""
    import zipfile

    files = {
        "[Content_Types].xml": "<Types/>",
        "xl/workbook.xml": _WORKBOOK,
        "xl/_rels/workbook.xml.rels": _RELS,
        "xl/worksheets/sheet1.xml": f"<worksheet {_MAIN}><sheetData>{sheet_data or ''}"
        "</sheetData></worksheet>",
    }
    files |= {name.replace("__", "/").replace("_xml", ".xml"): text for name, text in parts.items()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return path


def _rows(count: int, columns: int) -> str:
    cells = "".join(f'<c t="inlineStr"><is><t>格{c}</t></is></c>' for c in range(columns))
    header = "".join(f'<c t="inlineStr"><is><t>{h}</t></is></c>' for h in ("事项名称", "事项编码"))
    return f"<row>{header}</row>" + "".join(
        f'<row><c t="inlineStr"><is><t>事项{r}</t></is></c><c t="inlineStr"><is><t>C-{r}</t>'
        f"</is></c>{cells}</row>"
        for r in range(count)
    )


def _import(sheet: Path) -> tuple[str, ...]:
    return ("items", "import", str(sheet), "--unit", "税务局", "--on", "2020-06-01", "--dry-run")


def _journal(folder: Path, entries: int, size: int) -> None:
    """`entries` journal entries, each holding `size` bytes of old tasks.yaml (as undo needs)."""
    import base64
    import hashlib
    import json

    journal = folder / ".hsreform" / "journal"
    journal.mkdir(parents=True)
    now = (folder / "tasks.yaml").read_bytes()
    old = (b"# " + b"x" * 98 + b"\n") * (size // 101) + now
    for n in range(1, entries + 1):
        document = {
            "when": "2020-06-20T00:00:00",
            "command": "hsreform duty done 1 编办",
            "changes": [{"key": "edit.written", "file": "tasks.yaml", "params": {"files": []}}],
            "files": {
                "tasks.yaml": {
                    "before": base64.b64encode(old).decode(),
                    "after": hashlib.sha256(now).hexdigest(),
                }
            },
        }
        (journal / f"{n:06d}.json").write_text(json.dumps(document), encoding="utf-8")


def surfaces(folder: Path) -> dict[str, Callable[[], tuple[str, ...]]]:  # noqa: PLR0915 - a list of cases
    """Each surface case: a function that builds its files under `folder`, and gives the
    arguments of its run (after `-m hsreform`)."""
    from hsreform.edit.session import MAX_EDIT_BYTES
    from hsreform.reading.sheets import MAX_CELLS, MAX_ROWS, MAX_SHARED_STRINGS

    def data(name: str, case: str = "") -> Path:
        target = folder / name
        if case:
            return build(case, target)
        shutil.copytree(ROOT / "data", target)
        return target

    def edit_largest() -> tuple[str, ...]:
        return (*EDIT, "--data", str(data("edit-largest", "largest-valid")))

    def edit_largest_dry() -> tuple[str, ...]:
        return (*EDIT, "--dry-run", "--data", str(data("edit-largest-dry", "largest-valid")))

    def edit_over_limit() -> tuple[str, ...]:
        target = data("edit-over")
        padding = ("# " + "x" * 98 + "\n") * (MAX_EDIT_BYTES // 100 + 1)
        staff = target / "staff.yaml"
        staff.write_text(padding + staff.read_text(encoding="utf-8"), encoding="utf-8")
        return (*EDIT, "--data", str(target))

    def undo_largest() -> tuple[str, ...]:
        target = data("undo-largest", "largest-valid")
        _journal(target, 1, MAX_EDIT_BYTES - (target / "tasks.yaml").stat().st_size - 1000)
        return ("undo", "--dry-run", "--data", str(target))

    def journal_deep() -> tuple[str, ...]:
        target = data("journal-deep")
        _journal(target, 40, 0)  # more entries than kept; pruned on the next edit
        return (*EDIT, "--data", str(target))

    def journal_nested() -> tuple[str, ...]:
        target = data("journal-nested")
        journal = target / ".hsreform" / "journal"
        journal.mkdir(parents=True)
        (journal / "000001.json").write_text("[" * 5_000_000 + "]" * 5_000_000)
        return ("undo", "--data", str(target))

    def import_largest_xlsx() -> tuple[str, ...]:
        columns = MAX_CELLS // MAX_ROWS - 3
        sheet = xlsx(folder / "largest.xlsx", _rows(MAX_ROWS - 1, columns))
        return (*_import(sheet), "--data", str(data("import-xlsx")))

    def import_largest_csv() -> tuple[str, ...]:
        sheet = folder / "largest.csv"
        columns = MAX_CELLS // MAX_ROWS - 3
        rows = ["事项名称,事项编码" + ",x" * columns]
        rows += [f"事项{r},C-{r}" + ",格" * columns for r in range(MAX_ROWS - 1)]
        sheet.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")
        return (*_import(sheet), "--data", str(data("import-csv")))

    def rows_bomb() -> tuple[str, ...]:
        sheet = xlsx(folder / "rows.xlsx", "<row><c><v>1</v></c></row>" * 4_400_000)
        return (*_import(sheet), "--data", str(data("rows-bomb")))

    def cells_bomb() -> tuple[str, ...]:
        sheet = xlsx(folder / "cells.xlsx", "<row>" + "<c><v>1</v></c>" * 3_500_000 + "</row>")
        return (*_import(sheet), "--data", str(data("cells-bomb")))

    def strings_bomb() -> tuple[str, ...]:
        strings = f"<sst {_MAIN}>" + "<si><t>a</t></si>" * 1_200_000 + "</sst>"
        assert MAX_SHARED_STRINGS < 1_200_000
        sheet = xlsx(
            folder / "strings.xlsx",
            '<row><c t="s"><v>0</v></c></row>',
            xl__sharedStrings_xml=strings,
        )
        return (*_import(sheet), "--data", str(data("strings-bomb")))

    def entity_bomb() -> tuple[str, ...]:
        laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
        text = f'<!DOCTYPE s [<!ENTITY l0 "lol">{laughs}]><sst {_MAIN}><si><t>&l9;</t></si></sst>'
        sheet = xlsx(
            folder / "laughs.xlsx", '<row><c t="s"><v>0</v></c></row>', xl__sharedStrings_xml=text
        )
        return (*_import(sheet), "--data", str(data("entity-bomb")))

    def zip_bomb() -> tuple[str, ...]:
        sheet = xlsx(folder / "zip.xlsx", "<row><c><v>1</v></c></row>" + " " * 300_000_000)
        return (*_import(sheet), "--data", str(data("zip-bomb")))

    cases: dict[str, Callable[[], tuple[str, ...]]] = {
        "edit-largest": edit_largest,
        "edit-largest-dry-run": edit_largest_dry,
        "edit-over-limit": edit_over_limit,
        "undo-largest": undo_largest,
        "journal-40-entries": journal_deep,
        "journal-nested-json": journal_nested,
        "import-largest-xlsx": import_largest_xlsx,
        "import-largest-csv": import_largest_csv,
        "import-4.4m-rows": rows_bomb,
        "import-3.5m-cells": cells_bomb,
        "import-1.2m-strings": strings_bomb,
        "import-entity-bomb": entity_bomb,
        "import-zip-bomb": zip_bomb,
    }
    for fmt in ("table", "json", "markdown", "html", "csv", "xlsx", "docx", "txt"):

        def export(fmt: str = fmt) -> tuple[str, ...]:
            target = folder / "export-data"
            if not target.exists():
                build("largest-valid", target)
            out = folder / f"report.{fmt}"
            args = ("report", "--data", str(target), "--as-of", AS_OF)
            if fmt == "table":
                return args
            if fmt == "txt":
                return (*args, "--output", str(out))
            return (*args, "--format", fmt, "--output", str(out))

        cases[f"export-report-{fmt}"] = export
    return cases


SURFACES = (
    "edit-largest", "edit-largest-dry-run", "edit-over-limit", "undo-largest",
    "journal-40-entries", "journal-nested-json", "import-largest-xlsx", "import-largest-csv",
    "import-4.4m-rows", "import-3.5m-cells", "import-1.2m-strings", "import-entity-bomb",
    "import-zip-bomb", *(f"export-report-{f}" for f in
                         ("table", "json", "markdown", "html", "csv", "xlsx", "docx", "txt")),
)  # fmt: skip
"""The surface cases, by name (see `surfaces`)."""


def main_surfaces(names: list[str] | None) -> None:
    """Measure each surface case as a fresh process: exit code, seconds, peak memory."""
    print(f"{'surface':<26} {'exit':>4} {'seconds':>8} {'peak MB':>8}  input")
    worst_time, worst_memory = 0.0, 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for name in names or SURFACES:
            # built by a process of its own: a bomb built here would count in the peak
            # memory of the run (a forked child starts with its parent's resident pages)
            built = subprocess.run(
                [sys.executable, __file__, "--build-surface", name, tmp],
                check=True,
                capture_output=True,
                text=True,
            )
            args = tuple(json.loads(built.stdout))
            inputs = [Path(args[2])] if args[:2] == ("items", "import") else []
            size = f"{inputs[0].stat().st_size / 1e6:.1f} MB sheet" if inputs else ""
            code, seconds, memory = measure(["-m", "hsreform", *args])
            worst_time, worst_memory = max(worst_time, seconds), max(worst_memory, memory)
            print(f"{name:<26} {code:>4} {seconds:>8.2f} {memory:>8.0f}  {size}")
    print(f"worst: {worst_time:.2f} s, {worst_memory:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="only these")
    parser.add_argument("--quick", action="store_true", help="validate as JSON only")
    parser.add_argument("--surfaces", action="store_true", help="edits, undo, import, exports")
    parser.add_argument("--surface", action="append", choices=SURFACES, help="only these")
    parser.add_argument(
        "--build-surface", nargs=2, metavar=("NAME", "FOLDER"), help=argparse.SUPPRESS
    )
    options = parser.parse_args()
    if options.build_surface:
        name, folder = options.build_surface
        print(json.dumps(surfaces(Path(folder))[name]()))
        return
    if options.surfaces or options.surface:
        main_surfaces(options.surface)
        return
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
