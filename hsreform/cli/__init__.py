"""The command line: options parsed into calls of the library, findings into exit codes.

`app` (cli/root.py) is the Typer application, with the options and helpers every command
shares, and `main` runs it. Each command group is one module (checking, viewing, editing,
items, forms), imported here so that its commands are registered; a new command also goes
into `HELP_ORDER`. The console script goes through `hsreform.__main__`.
"""

from hsreform.cli import checking, editing, forms, items, viewing  # noqa: F401  (registers the commands)
from hsreform.cli.root import app, main

HELP_ORDER = (
    "validate",
    "status",
    "list",
    "check-staffing",
    "schema",
    "upgrade-data",
    "report",
    "scorecard",
    "calendar",
    "log",
    "undo",
    "authorize",
    "forms",
    "collect",
    "notices",
)
"""The commands in the order `hsreform --help` lists them (groups follow, in module order)."""
app.registered_commands.sort(
    key=lambda info: HELP_ORDER.index(info.name or info.callback.__name__.replace("_", "-"))  # type: ignore[union-attr]
)

__all__ = ["app", "main"]
