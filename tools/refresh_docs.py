"""Keep docs/ true: re-run every console example and regenerate the data-file reference.

    python tools/refresh_docs.py               # rewrite docs/ in place
    python tools/refresh_docs.py --check       # exit 1 if anything would change (tests do this too)
    python tools/refresh_docs.py --screenshot  # also photograph docs/report.html (needs Chromium)

A console example is a fenced block tagged `console` whose first line is `$ hsreform ...`;
it runs from the repository root at 80 columns without colour, and its block is replaced
by what the command prints. docs/data-files.md is generated from the JSON Schema of the
models (hsreform/dataset/schema.py), so it lists every key the loader accepts. docs/report.html is
the example data set's meeting report; docs/report.png, its picture in the README, is
taken by headless Chromium with --screenshot (a picture differs from machine to machine
in its pixels, so --check only asks that it exists).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
BLOCK = re.compile(r"```console\n\$ (hsreform [^\n]*)\n.*?```", re.S)


def run(command: str) -> str:
    """What `command` (a `hsreform ...` line) prints, as a user sees it at 80 columns."""
    from hsreform.cli import app

    previous = Path.cwd()
    os.chdir(ROOT)
    try:
        env = {
            "COLUMNS": "80",
            "NO_COLOR": "1",
            "HSREFORM_DATA": "",
            "HSREFORM_LANG": "",
            "GITHUB_ACTIONS": "",
        }
        result = CliRunner().invoke(app, shlex.split(command)[1:], env=env)
    finally:
        os.chdir(previous)
    return "\n".join(line.rstrip() for line in result.output.splitlines())


def refresh_examples(text: str) -> str:
    """`text` with each console example's output replaced by the command's current output."""
    return BLOCK.sub(lambda m: f"```console\n$ {m.group(1)}\n{run(m.group(1))}\n```", text)


def _type(prop: dict[str, Any], defs: dict[str, Any]) -> str:
    if "$ref" in prop:
        target = defs[prop["$ref"].rsplit("/", 1)[-1]]
        if "enum" in target:
            return " \\| ".join(f"`{v}`" for v in target["enum"])
        return f"[{target.get('title', '')}](#{target.get('title', '').lower()})"
    if "anyOf" in prop:
        return " 或 ".join(_type(p, defs) for p in prop["anyOf"] if p.get("type") != "null")
    if "enum" in prop:
        return " \\| ".join(f"`{v}`" for v in prop["enum"])
    kind = prop.get("type")
    if kind == "array":
        return f"{_type(prop['items'], defs)} 的列表"
    if kind == "string" and prop.get("format") == "date":
        return "日期"
    if kind == "string" and "pattern" in prop:
        return "id"
    return {"string": "文字", "integer": "整数", "boolean": "true/false"}.get(str(kind), str(kind))


def _section(title: str, model: dict[str, Any], defs: dict[str, Any]) -> list[str]:
    lines = [
        f"### {title}",
        "",
        model.get("description", "").split("\n\n")[0],
        "",
        "| 键 | 类型 | 必填 | 说明 |",
        "|---|---|---|---|",
    ]
    required = set(model.get("required", []))
    for key, prop in model["properties"].items():
        default = prop.get("default")
        note = prop.get("description", "")
        if key not in required and default not in (None, [], False):
            note += f"（默认 `{default}`）"
        lines.append(
            f"| `{key}` | {_type(prop, defs)} | {'是' if key in required else ''} | {note} |"
        )
    return [*lines, ""]


def data_files_page() -> str:
    """docs/data-files.md, from the schemas."""
    from hsreform.dataset.schema import schemas

    out = [
        "# 数据文件",
        "",
        "<!-- 由 tools/refresh_docs.py 根据 hsreform/dataset/models.py 生成，请勿手改。 -->",
        "",
        "一个数据目录有三个文件，还可以有第四个：事项清单 items.yaml（没有它时当作还没有事项清单，见 [items.md](items.md)）。",
        "未知的键一律报错；日期写成 `2020-06-05`；id 只用小写字母、数字和连字符。",
        "编辑器（如装了 YAML 扩展的 VS Code）通过每个文件第一行的",
        "`# yaml-language-server: $schema=…` 读取 `schemas/` 下的 JSON Schema，边写边提示。",
        "",
    ]
    for name, document in schemas().items():
        defs = document.get("$defs", {})
        out += [f"## {name}", ""]
        out += _section(name, document, defs)
        for title, model in defs.items():
            if "properties" in model:
                out += _section(title, model, defs)
    return "\n".join(out).rstrip() + "\n"


REPORT = ("report", "--data", "examples/rollout-2020", "--as-of", "2020-06-25", "--format", "html")
"""The example report kept in docs/: the example data set as the meeting of 2020-06-25 saw it."""
SCREENSHOT = DOCS / "report.png"
SCREENSHOT_SIZE = (794, 1500)
"""A4 width in CSS pixels, and enough height for the header, the tasks and the matrix."""


def report_page() -> str:
    """docs/report.html: the example data set's meeting report."""
    from hsreform.cli import app

    previous = Path.cwd()
    os.chdir(ROOT)
    try:
        env = {"HSREFORM_DATA": "", "HSREFORM_LANG": "", "GITHUB_ACTIONS": ""}
        result = CliRunner().invoke(app, list(REPORT), env=env)
    finally:
        os.chdir(previous)
    return result.stdout


def screenshot(page: Path, target: Path) -> None:
    """Photograph `page` with headless Chromium at A4 width into `target` (PNG)."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise SystemExit("no Chromium: apt-get install chromium fonts-noto-cjk")
    width, height = SCREENSHOT_SIZE
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                f"--screenshot={target}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def pages() -> list[Path]:
    """Every docs/ file this script keeps: each page of docs/*.md, and docs/report.html."""
    return sorted({*DOCS.glob("*.md"), DOCS / "data-files.md", DOCS / "report.html"})


def expected_page(path: Path) -> str:
    """The docs/ file `path` (one of `pages()`) as it should read now."""
    if path == DOCS / "data-files.md":
        return data_files_page()
    if path == DOCS / "report.html":
        return report_page()
    return refresh_examples(path.read_text(encoding="utf-8"))


def expected_docs() -> dict[Path, str]:
    """Every docs/ file as it should read now."""
    return {path: expected_page(path) for path in pages()}


def main() -> int:
    """Rewrite docs/, or with --check report what is out of date."""
    stale = [
        path
        for path, text in expected_docs().items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]
    if "--check" in sys.argv[1:]:
        for path in stale:
            print(f"out of date: {path.relative_to(ROOT)}")
        if not SCREENSHOT.exists():
            print(
                f"missing: {SCREENSHOT.relative_to(ROOT)} (python tools/refresh_docs.py --screenshot)"
            )
        return 1 if stale or not SCREENSHOT.exists() else 0
    for path, text in expected_docs().items():
        path.write_text(text, encoding="utf-8")
    if "--screenshot" in sys.argv[1:]:
        screenshot(DOCS / "report.html", SCREENSHOT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
