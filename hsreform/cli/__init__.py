"""The command line: options parsed into calls of the library, findings into exit codes.

`app` is the Typer application and `main` runs it (the console script goes through
`hsreform.__main__`, which imports this package cheaply).
"""

from hsreform.cli.commands import app, main

__all__ = ["app", "main"]
