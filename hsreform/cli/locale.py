"""Typer in the user's language: help panels, the help option, and usage errors.

Typer and its vendored click speak English. `LocalizedGroup.main` runs the app with
click's own error handling off, so that every usage error (an unknown option, a bad value)
and every `HsreformError` is printed here, in the language asked for, with exit code 2.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping, Sequence
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from hsreform.cli import typer_internals as internals  # click's errors (Typer vendors click)
from hsreform.cli.params import quick
from hsreform.common.errors import HsreformError
from hsreform.common.i18n import DEFAULT_LANG, ENV_LANG, resolve_lang, system_reason, text
from hsreform.report import stream

PANEL_TITLES = {
    "zh": {
        "ARGUMENTS_PANEL_TITLE": "参数",
        "OPTIONS_PANEL_TITLE": "选项",
        "COMMANDS_PANEL_TITLE": "命令",
        "ERRORS_PANEL_TITLE": "错误",
        "DEFAULT_STRING": "[默认：{}]",
        "ENVVAR_STRING": "[环境变量：{}]",
        "REQUIRED_LONG_STRING": "[必填]",
        "ABORTED_TEXT": "已中止。",
        "USAGE": "用法：",  # no blank after a full-width colon
        "USAGE_OPTIONS": "[选项]",
        "USAGE_COMMAND": "命令 [参数]...",
    },
    "en": {},
}


def detect_lang(args: Sequence[str], env: dict[str, str] | None = None) -> str:
    """The language asked for by `--lang` in `args`, else $HSREFORM_LANG, else Chinese."""
    env = dict(os.environ) if env is None else env
    explicit = None
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            explicit = args[i + 1]
        elif arg.startswith("--lang="):
            explicit = arg.split("=", 1)[1]
    for candidate in (explicit, env.get(ENV_LANG)):
        if candidate:
            try:
                return resolve_lang(candidate, {})
            except ValueError:
                continue  # reported as a usage error once the command runs
    return DEFAULT_LANG


class _LocalizedHelp:
    """Help in the help language: the `--help` option's own line and Typer's panel titles."""

    help_lang = DEFAULT_LANG

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = text("help.help", self.help_lang)
        return option

    def get_params(self, ctx: Any) -> Any:
        params = super().get_params(ctx)  # type: ignore[misc]
        quick(params)  # converted without pydantic (--help's own option too)
        for param in params:  # Typer's own completion options: our words, our messages
            key = COMPLETION_HELP.get(param.name or "")
            if key:
                param.help = text(key, self.help_lang)
                param.callback = COMPLETION_CALLBACKS[param.name]
        return params

    def format_help(self, ctx: Any, formatter: Any) -> None:
        from hsreform.cli import helptext

        helptext.render(self, ctx, PANEL_TITLES[self.help_lang])


COMPLETION_HELP = {
    "install_completion": "help.install_completion",
    "show_completion": "help.show_completion",
}


def _shell(value: Any, lang: str) -> str:
    """The shell `--install-completion [SHELL]` is for: as given, else the one running us."""
    shells = internals.completion_shells()
    shell = value if isinstance(value, str) else None
    if shell is None:
        import shellingham  # type: ignore[import-untyped]  # Typer's way to find it, declared

        try:
            shell = shellingham.detect_shell()[0]
        except shellingham.ShellDetectionFailure:
            raise HsreformError("completion.unknown_shell") from None
    if shell not in shells:
        raise HsreformError("completion.unsupported", shell=shell, shells=shells)
    return str(shell)


def _install_completion(ctx: Any, param: Any, value: Any) -> Any:
    """`--install-completion`: Typer's installer, with what it says in the user's language."""
    if not value or ctx.resilient_parsing:
        return value
    lang = detect_lang(LocalizedGroup.argv)
    shell, path = internals.install_completion(_shell(value, lang))
    line = text("completion.installed", lang, shell=shell, path=str(path))
    stream.console().print(line, soft_wrap=True)
    raise typer.Exit(0)


def _show_completion(ctx: Any, param: Any, value: Any) -> Any:
    """`--show-completion`: the script, for a shell Typer knows (said in the user's language)."""
    if not value or ctx.resilient_parsing:
        return value
    shell = _shell(value, detect_lang(LocalizedGroup.argv))
    script = internals.completion_script("hsreform", "_HSREFORM_COMPLETE", shell)
    stream.echo(script + "\n")
    raise typer.Exit(0)


COMPLETION_CALLBACKS = {
    "install_completion": _install_completion,
    "show_completion": _show_completion,
}

GLOBAL_OPTIONS = frozenset(
    {"--data", "--as-of", "--format", "--output", "-o", "--lang", "--fail-on"}
)
"""Options many commands share, that may be written before the command too."""


def hoist(group: Any, args: list[str]) -> list[str]:
    """`hsreform --data d status` as `hsreform status --data d`: the shared options written
    before the command go right after the command's name, if the command takes them; an
    option the command does not take is refused, naming the command."""
    rest, taken, given = list(args), [], []
    while rest and rest[0].startswith("-"):
        name, equals, _ = rest[0].partition("=")
        if name not in GLOBAL_OPTIONS or (not equals and len(rest) < 2):
            break  # the group's own (--help, --version), or a value is missing: click says so
        given.append(name)
        taken += [rest.pop(0)] if equals else [rest.pop(0), rest.pop(0)]
    if not taken:
        return args
    command, at = group, 0
    while at < len(rest) and isinstance(getattr(command, "commands", None), Mapping):
        sub = command.commands.get(rest[at])
        if sub is None:
            break
        command, at = sub, at + 1
    if command is group:  # no command: the help, if asked for, or click's own refusal
        return rest if not rest or {"--help", "-h"} & set(rest) else args
    accepted = {opt for param in command.params for opt in param.opts}
    for name in given:
        if name not in accepted:
            path = " ".join(["hsreform", *rest[:at]])
            raise _Localized("usage.global_not_here", name=name, command=path)
    return [*rest[:at], *taken, *rest[at:]]


class LocalizedCommand(_LocalizedHelp, TyperCommand):
    """A command with localized help."""


class LocalizedGroup(_LocalizedHelp, TyperGroup):
    """The app: localized help, suggestions for mistyped commands, errors in one place."""

    argv: list[str] = []  # noqa: RUF012  (the arguments of the running command)

    def list_commands(self, ctx: Any) -> list[str]:
        """The names in the order of creation, as Typer lists them, building no command."""
        return list(self.commands)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            from difflib import get_close_matches

            close = get_close_matches(name, list(self.commands), n=2)
            raise _Localized("usage.no_such_command", name=name, names=close)
        return super().resolve_command(ctx, args)

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        LocalizedGroup.argv = argv  # what an edit records as its command (journal, lock)
        lang = detect_lang(argv)
        stream.tame_environment(os.environ)
        try:
            argv = hoist(self, argv)
        except _Localized as exc:
            return _exit(_print_usage_error(exc, lang), standalone_mode)
        for output in (sys.stdout, sys.stderr):
            # An output that cannot hold Chinese (PYTHONIOENCODING=ascii) gets \uXXXX escapes,
            # which JSON readers decode, rather than a traceback.
            if hasattr(output, "reconfigure"):
                output.reconfigure(errors="backslashreplace")
        try:
            result = super().main(argv, "hsreform", complete_var, standalone_mode=False, **extra)
            code = result if isinstance(result, int) else 0
        except internals.NoArgsIsHelpError:
            code = 2  # the help is printed, and says it all
        except (internals.UsageError, HsreformError) as exc:
            code = _print_usage_error(exc, lang)
        except typer.Abort:
            stream.complain(
                (PANEL_TITLES["zh"]["ABORTED_TEXT"] if lang == "zh" else "Aborted.") + "\n"
            )
            code = 1
        except OSError as exc:  # the system refused: a full disk, say
            stream.complain(text("usage.os_error", lang, reason=system_reason(exc, lang)) + "\n")
            code = 2
        return _exit(code, standalone_mode)


def _exit(code: int, standalone_mode: bool) -> int:
    if standalone_mode:
        sys.exit(code)
    return code


class _Localized(internals.UsageError):
    """A usage error whose message comes from the catalogue."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def _did_you_mean(names: Sequence[str], lang: str) -> str:
    return text("usage.did_you_mean", lang, names=list(names)) if names else ""


def _usage_message(exc: Exception, lang: str) -> str:
    """Our words for click's usage errors; click's own text only as a last resort."""
    if isinstance(exc, HsreformError):
        return exc.render(lang)
    if isinstance(exc, _Localized):
        params = dict(exc.params)
        hint = _did_you_mean(params.pop("names", []), lang)
        return text(exc.key, lang, suggestion=hint, **params).strip()
    if isinstance(exc, internals.NoSuchOption):
        hint = _did_you_mean(sorted(exc.possibilities or []), lang)
        return text("usage.no_such_option", lang, name=exc.option_name, suggestion=hint).strip()
    if isinstance(exc, internals.MissingParameter):
        param = exc.param
        kind = "argument" if param is not None and param.param_type_name == "argument" else "option"
        hint = str(getattr(param, "help", None) or "").strip()
        key = f"usage.missing_{kind}" + ("" if hint else ":plain")
        return text(key, lang, name=_param_name(exc), help=hint.rstrip("。."))
    if isinstance(exc, internals.BadParameter):
        # typer converts values with pydantic; a failed int says "valid integer"
        for word, key in (("integer", "usage.integer"), ("number", "usage.decimal")):
            if word in exc.message:
                detail = text(key, lang)
                return text("usage.bad_value", lang, name=_param_name(exc), detail=detail)
        return _english_or(lang, "usage.bad_value", exc.message, name=_param_name(exc))
    if isinstance(exc, internals.BadOptionUsage):
        key = "usage.needs_value" if "requires" in exc.message else "usage.no_value"
        return text(key, lang, name=exc.option_name)
    if isinstance(exc, internals.UsageError):
        extra = re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", exc.message)
        if extra:
            return text("usage.extra", lang, args=extra.group(1))
        if exc.message.startswith("Missing command"):
            return text("usage.missing_command", lang)
    return _english_or(lang, "usage.error", getattr(exc, "message", str(exc)))


def _english_or(lang: str, key: str, detail: str, **params: Any) -> str:
    """`key` with click's own (English) words as its detail, in English only.

    In Chinese the message goes without them (`key` + ":plain"), rather than half in English.
    """
    if lang == "en":
        return text(key, lang, detail=detail, **params)
    return text(key + ":plain", lang, **params)


def _param_name(exc: internals.BadParameter) -> str:
    """The option's names (--unit), or an argument's placeholder as the help shows it (单位...)."""
    param = exc.param
    if param is not None and param.param_type_name == "argument":
        return str(param.metavar or param.name or "").upper()
    if param is not None:
        return " / ".join(param.opts) or str(param.name)
    return str(exc.param_hint or "")


def _print_usage_error(exc: Exception, lang: str) -> int:
    """Print a usage error on stderr; 2, even when stderr cannot take it (`2>/dev/full`)."""
    console = stream.console(stderr=True)
    ctx = getattr(exc, "ctx", None)
    try:
        console.print(_usage_message(exc, lang), style="red", markup=False, soft_wrap=True)
        if ctx is not None:
            hint = text("usage.hint", lang, command=ctx.command_path)
            console.print(hint, style="dim", markup=False)
    except OSError:
        stream.complain("")  # drops what is still buffered, so that exiting cannot fail on it
    return 2
