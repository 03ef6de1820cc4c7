"""`--help` as panels, drawn with Rich's table and panel alone.

Typer draws help with `typer.rich_utils`, which imports Rich's Markdown, traceback and
column layouts: 80-90 ms, more than half of what `hsreform --help` would cost. This draws
the same panels (usage, the help text, arguments, options, commands) from click's
parameters, in the help language, with Chinese text folding inside its cell rather than
being cut short. Output goes to standard output through `stream.console()` (guarded, NO_COLOR).
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions
from rich.measure import Measurement
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from hsreform.cli.build import Commands
from hsreform.report import fold, stream

PANEL_BORDER = "dim"


class Folded(fold.Folded):
    """Help text that wraps as Chinese does (`report.fold`): `parts` are (text, style); the
    parts numbered in `whole` (a default, 必填) are never broken."""

    def __init__(self, *parts: tuple[str, str], whole: tuple[int, ...] = ()) -> None:
        spans, at = [], 0
        for n, (part, _) in enumerate(parts):
            if n in whole:
                spans.append((at + len(part) - len(part.lstrip()), at + len(part)))
            at += len(part)
        super().__init__(Text.assemble(*parts), keep=spans)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        # Help cells may be as narrow as their widest unbreakable piece: the option names
        # beside them keep their width.
        plain = self.text.plain
        widest = max((cell_len(plain[a:b]) for a, b in fold.units(plain, self.keep)), default=0)
        return Measurement(widest, cell_len(plain))


def render(command: Any, ctx: Any, titles: dict[str, str]) -> None:
    """Print the help of `command` (a click command or group) for the context `ctx`."""
    out = stream.console()
    usage = titles.get("USAGE", "Usage: ")
    out.print(Folded((usage, "yellow"), (_usage(command, ctx, titles), "bold")))
    if command.help:
        out.print()
        out.print(Folded((command.help.strip(), "")))
    out.print()
    params = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    arguments = [p for p in params if p.param_type_name == "argument"]
    options = [p for p in params if p.param_type_name == "option"]
    if arguments:
        out.print(
            _panel(titles.get("ARGUMENTS_PANEL_TITLE", "Arguments"), _rows(arguments, ctx, titles))
        )
    if options:
        out.print(_panel(titles.get("OPTIONS_PANEL_TITLE", "Options"), _rows(options, ctx, titles)))
    commands = _commands(command, ctx)
    if commands:
        out.print(_panel(titles.get("COMMANDS_PANEL_TITLE", "Commands"), commands))


def _usage(command: Any, ctx: Any, titles: dict[str, str]) -> str:
    pieces = [ctx.command_path]
    params = command.get_params(ctx)
    if any(p.param_type_name == "option" for p in params):
        pieces.append(titles.get("USAGE_OPTIONS", "[OPTIONS]"))
    for param in params:
        if param.param_type_name != "argument":
            continue
        name = _metavar(param)
        if param.nargs == -1 and not name.endswith("..."):
            name += "..."
        pieces.append(name if param.required else f"[{name}]")
    if hasattr(command, "list_commands"):
        pieces.append(titles.get("USAGE_COMMAND", "COMMAND [ARGS]..."))
    return " ".join(pieces)


def _metavar(param: Any) -> str:
    return param.metavar or (param.name or "").upper()


def _rows(params: list[Any], ctx: Any, titles: dict[str, str]) -> Table:
    table = Table.grid(padding=(0, 1), expand=True)
    required_column = any(p.required for p in params)
    if required_column:
        table.add_column(style="red", no_wrap=True)
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column(style="bold green", no_wrap=True)
    table.add_column(style="yellow", no_wrap=True)
    table.add_column(ratio=1)
    for param in params:
        if param.param_type_name == "argument":
            names, short, metavar = _metavar(param), "", ""
        else:
            names = ", ".join(o for o in param.opts if o.startswith("--"))
            short = ", ".join(o for o in param.opts if not o.startswith("--"))
            metavar = "" if param.is_flag else _metavar(param)
        cells: list[str | Folded] = [names, short, metavar, _help(param, ctx, titles)]
        if required_column:
            cells.insert(0, "*" if param.required else "")
        table.add_row(*cells)
    return table


def _help(param: Any, ctx: Any, titles: dict[str, str]) -> Folded:
    parts = [(param.help or "", "")]
    default = _default(param, ctx)
    if default is not None:
        parts.append((" " + titles.get("DEFAULT_STRING", "[default: {}]").format(default), "dim"))
    if param.required:
        parts.append((" " + titles.get("REQUIRED_LONG_STRING", "[required]"), "dim red"))
    return Folded(*parts, whole=tuple(range(1, len(parts))))


def _default(param: Any, ctx: Any) -> str | None:
    """The default shown for `param`, as click shows it; None where none is shown."""
    if param.param_type_name != "option" or getattr(param, "is_flag", False):
        return None
    if param.show_default is False:
        return None
    if isinstance(param.show_default, str):
        return param.show_default
    value = param.get_default(ctx, call=False)
    if value is None or value in ([], ()):
        return None
    return str(value)


def _commands(command: Any, ctx: Any) -> Table | None:
    if not hasattr(command, "list_commands"):
        return None
    table = Table.grid(padding=(0, 2), expand=True)
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column(ratio=1)
    rows = 0
    commands = getattr(command, "commands", None)
    listed = commands if isinstance(commands, Commands) else None  # not built: their summaries
    for name in command.list_commands(ctx):
        sub = listed.summary(name) if listed is not None else command.get_command(ctx, name)
        if sub is None or getattr(sub, "hidden", False):
            continue
        summary = (sub.short_help or sub.help or "").strip().split("\n\n")[0]
        table.add_row(name, Folded((" ".join(summary.split("\n")), "")))
        rows += 1
    return table if rows else None


def _panel(title: str, body: Table) -> Panel:
    return Panel(body, title=title, title_align="left", border_style=PANEL_BORDER)
