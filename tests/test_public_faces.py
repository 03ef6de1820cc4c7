"""The libraries are used through their public face; Typer's insides only in typer_internals.

A name that starts with an underscore is a library's own business: it may change in any
release. The package imports none (`from typer._click import …`, `from _ruamel_yaml import
…`), and touches no such attribute of a library's object (`param._runtime_param`), outside
`hsreform/cli/typer_internals.py`, which gathers what Typer offers no public way to do;
pyproject.toml bounds the range of each library whose insides are used, and CI tests both
ends of it (.ci/run, .ci/lowest).
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib

from tests.conftest import REPO

PACKAGE = REPO / "hsreform"
INTERNALS = "cli/typer_internals.py"
LIBRARIES = {"typer", "click", "rich", "ruamel", "pydantic", "pydantic_core", "openpyxl", "docx"}
"""The libraries whose private names are watched (by the first part of a module's name)."""
PRIVATE_MODULES = {"_ruamel_yaml": "ruamel.yaml.clib's C parser"}
ALLOWED_IMPORTS = {
    "reading/eventreader.py:_ruamel_yaml CParser": "libyaml's event parser: the public "
    "YAML(typ='safe').parse gives the same events, but composing a file with it takes 6% "
    "(the example's tasks.yaml) to 19% (the bundled windows.yaml) longer; and the reading "
    "layer cannot import typer_internals (it would import Typer)",
}
"""Private imports outside typer_internals, each with why; pyproject.toml bounds its library."""
ALLOWED_ATTRIBUTES = {
    ("report/docxdoc.py", "_tc"): "python-docx has no public way to shade a cell",
    ("report/docxdoc.py", "_tr"): "nor to repeat a header row or keep a row on one page",
}
"""Private attributes of a library's objects used outside typer_internals, each with why;
pyproject.toml bounds python-docx for them."""
BOUNDED = {"typer", "ruamel.yaml", "ruamel.yaml.clib", "python-docx"}
"""The libraries whose insides hsreform uses (typer_internals, ruamel.yaml's comment tokens
in hsreform/edit, python-docx's cells and rows): each has an upper bound."""


def _modules() -> dict[str, ast.Module]:
    return {
        str(path.relative_to(PACKAGE)): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
        if "data" not in path.relative_to(PACKAGE).parts
    }


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _imports(tree: ast.Module) -> list[tuple[str, str, int]]:
    """(module, name imported from it or "", line) of each absolute import of `tree`."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, "", node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found += [(node.module, alias.name, node.lineno) for alias in node.names]
    return found


def private_imports(name: str, tree: ast.Module) -> list[str]:
    """Where module `name` imports a library's private module or name."""
    bad = []
    for module, imported, line in _imports(tree):
        parts = module.split(".")
        if parts[0] in PRIVATE_MODULES or (
            parts[0] in LIBRARIES and any(_private(p) for p in [*parts[1:], imported])
        ):
            bad.append(f"{name}:{line}: {module} {imported}".strip())
    return bad


def _unlined(found: str) -> str:
    name, _, rest = found.partition(":")
    return f"{name}:{rest.partition(': ')[2]}"


def _own_names(modules: dict[str, ast.Module]) -> set[str]:
    """The names hsreform defines: functions, classes, variables, attributes of self/cls."""
    names = set()
    for name, tree in modules.items():
        if name == INTERNALS:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif (
                isinstance(node, ast.Attribute)
                and isinstance(node.ctx, ast.Store)
                and isinstance(node.value, ast.Name)
                and node.value.id in ("self", "cls")
            ):
                names.add(node.attr)
    return names


def foreign_attributes(name: str, tree: ast.Module, own: set[str]) -> list[tuple[str, str]]:
    """(module, attribute) of each private attribute `name` uses that hsreform does not define."""
    return sorted(
        {
            (name, node.attr)
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and _private(node.attr) and node.attr not in own
        }
    )


def test_no_module_but_typer_internals_imports_a_private_name() -> None:
    modules = _modules()
    bad = [
        line
        for name, tree in modules.items()
        if name != INTERNALS
        for line in private_imports(name, tree)
        if _unlined(line) not in ALLOWED_IMPORTS
    ]
    assert bad == []
    assert private_imports(INTERNALS, modules[INTERNALS])  # the scan sees them


def test_no_module_but_typer_internals_touches_a_private_attribute() -> None:
    modules = _modules()
    own = _own_names(modules)
    used = [
        found
        for name, tree in modules.items()
        if name != INTERNALS
        for found in foreign_attributes(name, tree, own)
    ]
    assert used == sorted(ALLOWED_ATTRIBUTES)
    assert (INTERNALS, "_runtime_param") in foreign_attributes(INTERNALS, modules[INTERNALS], own)


def test_the_scan_catches_what_it_is_for() -> None:
    source = (
        "from typer._click import Context\n"
        "import typer._coercion\n"
        "from typer.core import _TyperParameter\n"
        "from _ruamel_yaml import CParser\n"
        "from ruamel.yaml import YAML\n"
        "from rich.console import Console\n"
        "import os, _thread\n"
    )
    tree = ast.parse(source)
    assert [line.split(":")[1] for line in private_imports("m.py", tree)] == ["1", "2", "3", "4"]
    attributes = ast.parse("param._runtime_param = None\nself._mine = 1\nx = self._mine\n")
    own = _own_names({"m.py": attributes})
    assert foreign_attributes("m.py", attributes, own) == [("m.py", "_runtime_param")]


def _requirements() -> dict[str, str]:
    with (REPO / "pyproject.toml").open("rb") as stream:
        dependencies = tomllib.load(stream)["project"]["dependencies"]
    out = {}
    for dependency in dependencies:
        requirement = dependency.partition(";")[0].strip()
        name = re.match(r"[A-Za-z0-9._-]+", requirement)
        assert name is not None, dependency
        out[name.group(0).lower()] = requirement[name.end() :]
    return out


def test_each_library_whose_insides_are_used_has_a_tested_range() -> None:
    requirements = _requirements()
    for name in BOUNDED:
        assert re.fullmatch(r">=[\d.]+,<[\d.]+", requirements[name]), (name, requirements[name])
    for name, spec in requirements.items():
        assert spec.startswith(">="), f"{name}: .ci/lowest installs the low end of each range"


def test_what_the_package_imports_it_declares() -> None:
    """A library the package imports itself is declared, not left to another's dependencies
    (shellingham comes with Typer, and is imported to name the shell for completion)."""
    distributions = {
        "typer": "typer",
        "rich": "rich",
        "pydantic": "pydantic",
        "ruamel": "ruamel.yaml",
        "_ruamel_yaml": "ruamel.yaml.clib",
        "dateutil": "python-dateutil",
        "ryml": "rapidyaml",
        "openpyxl": "openpyxl",
        "icalendar": "icalendar",
        "filelock": "filelock",
        "docx": "python-docx",
        "pypinyin": "pypinyin",
        "shellingham": "shellingham",
    }
    requirements = _requirements()
    imported = {
        module.split(".")[0]
        for tree in _modules().values()
        for module, _, _ in _imports(tree)
        if module.split(".")[0] not in sys.stdlib_module_names
        and module.split(".")[0] != "hsreform"
    }
    unknown = imported - set(distributions)
    assert unknown == set(), "name the distribution of each import here and in pyproject.toml"
    assert {distributions[m] for m in imported} <= set(requirements)
