"""Every sentence hsreform shows, in Chinese (the default) and English.

`message(code, lang, params)` renders a finding; `text(key, lang, **params)` a piece of the
interface. A template may depend on one parameter (`reason`, `what`): the entry
"code:value" is used when it exists. List parameters are joined the way each language
joins them; a few enumerated values (roles, expected types, hints) are translated.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping
from typing import Any

from hsreform.common.messages import commandline, documents, edits, findings, forms, items, words
from hsreform.common.safe import shown

M = findings.M
"""Finding code -> (Chinese, English) template."""
WORDS = words.WORDS
SYSTEM_REASONS = words.SYSTEM_REASONS
TERMS = words.TERMS
STATUS_WORDS = words.STATUS_WORDS
FIELD_NAMES = words.FIELD_NAMES
T: dict[str, tuple[str, str]] = {
    **commandline.T,
    **edits.T,
    **documents.T,
    **items.T,
    **forms.T,
}
"""Interface key -> (Chinese, English) template, from every area's file."""
T_AREAS = (
    commandline,
    edits,
    documents,
    items,
    forms,
)
"""The files that make up `T` (a test checks no key is in two)."""


def system_reason(exc: OSError, lang: str) -> str:
    """Why the system refused, in `lang`; in Chinese, an errno we have no words for by name."""
    if lang == "zh":
        if exc.errno in SYSTEM_REASONS:
            return SYSTEM_REASONS[exc.errno]
        name = errno.errorcode.get(exc.errno or 0)
        return f"系统错误 {name}" if name else "系统错误"
    return exc.strerror or str(exc)


DEFAULT_LANG = "zh"
ENV_LANG = "HSREFORM_LANG"


def _lang_index(lang: str) -> int:
    return 1 if lang == "en" else 0


def term(value: str, lang: str) -> str:
    """A translated enumerated value (role, expected type, hint); unknown values unchanged."""
    pair = TERMS.get(value)
    return pair[_lang_index(lang)] if pair else value


LIST_ITEMS = 20
"""Most items of a list a message names; the rest are counted."""


def _render(value: Any, lang: str) -> str:
    """A parameter as text: data and user input shown safely and cut short (report.safe)."""
    if isinstance(value, list | tuple):
        if not value:
            return "无" if lang == "zh" else "none"
        items = [shown(v) for v in value[:LIST_ITEMS]]
        if len(value) > LIST_ITEMS:
            items.append(
                f"……（共 {len(value)} 项）" if lang == "zh" else f"... ({len(value)} in all)"
            )
        return ("、" if lang == "zh" else ", ").join(items)
    return shown(value)


def _value_words(params: Mapping[str, Any], lang: str) -> dict[str, str]:
    """Values of the data in words: a field's name (工号), a state with its value (受阻（blocked））."""
    out = {}
    if lang == "zh" and params.get("status") in STATUS_WORDS:  # beside the value the file holds
        out["status"] = f"{STATUS_WORDS[params['status']]}（{params['status']}）"
    if params.get("attribute") in FIELD_NAMES:
        out["attribute"] = FIELD_NAMES[params["attribute"]][_lang_index(lang)]
    return out


def _plurals(params: Mapping[str, Any]) -> dict[str, str]:
    """For English, "1 row" and "2 rows": `{n_s}` is the plural's s, `{n_them}` it or them."""
    out = {}
    for name, value in params.items():
        if isinstance(value, int) and not isinstance(value, bool):
            out[name + "_s"] = "" if value == 1 else "s"
            out[name + "_them"] = "it" if value == 1 else "them"
    return out


def _prepare(code: str, lang: str, params: Mapping[str, Any]) -> dict[str, Any]:
    out = {k: _render(v, lang) for k, v in params.items()}
    out |= _plurals(params) if lang == "en" else {}
    for key in ("role", "expected", "hint", "origin", "kind"):
        if key in params and isinstance(params[key], str):
            out[key] = term(params[key], lang)
    out |= _value_words(params, lang)
    if "close" in params:  # a near miss: "did you mean ...?", or nothing
        close = shown(params["close"]) if params["close"] else ""
        out["close"] = (
            (f"（是不是“{close}”？）" if lang == "zh" else f" (did you mean '{close}'?)")
            if close
            else ""
        )
    if lang == "zh" and params.get("errno") in SYSTEM_REASONS:  # the system's English reason
        out["reason"] = SYSTEM_REASONS[params["errno"]]
    if code == "deadline-for-missing":
        rule_text = {
            "staffing": (
                "人员是否按时到岗（posted-late；到岗前的缺员也不再只作提示）",
                "late postings (posted-late)",
            ),
            "training": (
                "人员是否受训、是否按时受训（untrained、trained-late）",
                "training (untrained, trained-late)",
            ),
        }
        out["rule_text"] = rule_text.get(str(params.get("rule")), ("", ""))[_lang_index(lang)]
    listing = code in ("goal-done-items-outside", "goal-exempt-items-must-enter")
    if listing and params.get("more"):
        more = params["more"]
        out["more_text"] = f"等（另 {more} 项）" if lang == "zh" else f" and {more} more"
    elif listing:
        out["more_text"] = ""
    if code == "unit-unnamed":
        count = params.get("count", 1)
        out["count_text"] = (
            "" if count == 1 else (f"（{count} 家）" if lang == "zh" else f" ({count} of them)")
        )
    if code == "out-of-range":
        bounds = []
        if params.get("ge") not in (None, ""):
            bounds.append(f"不小于 {params['ge']}" if lang == "zh" else f">= {params['ge']}")
        if params.get("le") not in (None, ""):
            bounds.append(f"不大于 {params['le']}" if lang == "zh" else f"<= {params['le']}")
        out["range"] = _render(bounds, lang)
    return out


def message(code: str, lang: str, params: Mapping[str, Any]) -> str:
    """The sentence for finding `code` in `lang`."""
    template = None
    for key in ("reason", "what"):
        variant = params.get(key)
        if isinstance(variant, str) and f"{code}:{variant}" in M:
            template = M[f"{code}:{variant}"]
            break
    template = template or M.get(code)
    if template is None:
        return f"{code} {dict(params)}"
    return template[_lang_index(lang)].format_map(_Lenient(_prepare(code, lang, params)))


def text(key: str, lang: str, **params: Any) -> str:
    """A piece of the interface in `lang`."""
    return T[key][_lang_index(lang)].format_map(_Lenient(_prepare(key, lang, params)))


class _Lenient(dict[str, Any]):
    """Leaves a placeholder visible rather than failing when a parameter is absent."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def resolve_lang(explicit: str | None = None, env: Mapping[str, str] | None = None) -> str:
    """`--lang`, else $HSREFORM_LANG, else Chinese; raises ValueError for anything else."""
    env = os.environ if env is None else env
    value = explicit or env.get(ENV_LANG) or DEFAULT_LANG
    value = value.strip().lower()
    if value.startswith("zh") or value in ("中文", "汉语", "简体中文"):
        return "zh"
    if value.startswith("en") or value in ("英文", "英语"):
        return "en"
    raise ValueError(value)
