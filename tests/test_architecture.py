"""The package's wings import downward only, and no module imports itself back.

The wings, ground floor first (docs/architecture.md): a module may import its own wing and
the wings below it. Imports under `if TYPE_CHECKING:` are left out (they never run); imports
inside functions count (a lazy import is still a dependency). The graph is read from the
source with `ast`, not by importing anything, so this test cannot be fooled by import order.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "hsreform"
WINGS = ("common", "reading", "dataset", "checks", "edit", "views", "report", "cli")
"""Every wing, lowest first."""
TOP_LEVEL = {"__init__", "__main__"}
"""The only modules outside the wings: the version and the entry point."""


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _imports(tree: ast.AST) -> Iterator[str]:
    """Every hsreform module `tree` imports when it runs (TYPE_CHECKING blocks left out)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                yield from _imports(ast.Module(body=[child], type_ignores=[]))
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] == "hsreform":
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    yield full if _is_module(full) else node.module
        elif isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.split(".")[0] == "hsreform")
        else:
            yield from _imports(node)


def graph() -> dict[str, set[str]]:
    """Each module of the package and the package modules it imports."""
    found: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        found[_module(path)] = set(_imports(ast.parse(path.read_text(encoding="utf-8"))))
    return found


def wing(module: str) -> str | None:
    """The wing `module` belongs to (None for the package itself)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def upward(edges: dict[str, set[str]]) -> list[str]:
    """Every import of a module from a wing above its own."""
    bad = []
    for module, imported in edges.items():
        here = wing(module)
        if here not in WINGS:
            continue
        for other in imported:
            there = wing(other)
            if there in WINGS and WINGS.index(there) > WINGS.index(here):
                bad.append(f"{module} -> {other}")
    return sorted(bad)


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in edges.get(node, ()):
            # a package's own __init__ importing its modules is how Python packages work
            if other == node or node.startswith(other + "."):
                continue
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_every_module_lives_in_a_wing() -> None:
    outside = [
        m
        for m in graph()
        if m != "hsreform" and wing(m) not in WINGS and m.split(".")[-1] not in TOP_LEVEL
    ]
    assert outside == []


def test_no_wing_imports_one_above_it() -> None:
    assert upward(graph()) == []


def test_no_import_cycles() -> None:
    assert cycles(graph()) == []


@pytest.mark.parametrize(
    ("edges", "bad_up", "bad_cycles"),
    [
        ({"hsreform.common.a": {"hsreform.cli.b"}, "hsreform.cli.b": set()}, 1, 0),
        ({"hsreform.cli.b": {"hsreform.common.a"}, "hsreform.common.a": set()}, 0, 0),
        (
            {
                "hsreform.reading.a": {"hsreform.reading.b"},
                "hsreform.reading.b": {"hsreform.reading.a"},
            },
            0,
            1,
        ),
    ],
)
def test_the_checks_themselves_notice(
    edges: dict[str, set[str]], bad_up: int, bad_cycles: int
) -> None:
    """An upward import and a cycle planted in a toy graph are found; a downward one is not."""
    assert len(upward(edges)) == bad_up
    assert len(cycles(edges)) == bad_cycles


def test_the_graph_sees_lazy_imports_and_skips_type_checking() -> None:
    tree = ast.parse(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from hsreform.cli import commands\n"
        "def f():\n    from hsreform.views import status\n"
    )
    assert set(_imports(tree)) == {"hsreform.views.status"}
