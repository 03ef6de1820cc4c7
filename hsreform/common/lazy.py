"""Modules imported when first used, so that a command imports only what it runs.

`hsreform --help` needs none of the data layer, `status --format json` no Rich, and only
`report --format xlsx` needs openpyxl: the CLI names its modules with `lazy(...)` (the
standard library's `importlib.util.LazyLoader`), and each is imported on the first use of
one of its attributes. For the type checker they are ordinary imports (`TYPE_CHECKING`).

Finding a submodule imports its package: `lazy("hsreform.checks.staffing")` would run
`hsreform/checks/__init__.py`, which imports every rule. Name such a module through its
package (`checks.staffing`); the packages of report/ and edit/ import nothing.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def lazy(name: str) -> ModuleType:
    """The module `name`, to be imported at the first use of one of its attributes."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:  # pragma: no cover - our own modules exist
        raise ModuleNotFoundError(name, name=name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent:  # `from parent import child` finds it, as after a real import
        setattr(sys.modules[parent], child, module)
    return module
