"""What an edit did, one line per change: a catalogue key, its file and its parameters."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hsreform.common import i18n


@dataclass(frozen=True)
class Change:
    """One change an edit makes: a catalogue key, its file and line, its parameters."""

    key: str
    file: str
    line: int | None = None
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, lang: str) -> str:
        """The change as one line in `lang`."""
        params = dict(self.params)
        if "old" in params:  # a state and since when: 进行中（2020-06-01起）
            params["was"] = state_words(params["old"], params.get("since"), lang)
        if "new" in params and self.key.startswith("edit.state"):
            params["new"] = i18n.text("unit." + params["new"], lang)
        if "labels" in params:
            params["labels"] = quoted(params["labels"], lang)
        line = i18n.text(self.key, lang, **params)
        for flag in ("started", "complete"):
            if params.get(flag):
                line += i18n.text(f"edit.met_{flag}", lang)
        return line

    def undone(self, lang: str) -> str:
        """What taking the change back does: a state put back as it was, or the change withdrawn."""
        params = self.params
        if self.key.startswith("edit.state") and "new" in params and "old" in params:
            now = state_words(params["new"], params.get("on"), lang)
            was = state_words(params["old"], params.get("since"), lang)
            labels = quoted(params.get("labels") or [], lang)
            key = "undo.state_met" if labels else "undo.state"
            return i18n.text(key, lang, **{**params, "now": now, "was": was, "labels": labels})
        if "before" in params and "after" in params:  # a value corrected: put back as it was
            back = Change(self.key, self.file, self.line, {**params, "before": params["after"]})
            back.params["after"] = params["before"]
            return i18n.text("undo.restored", lang, change=back.render(lang))
        return i18n.text("undo.withdrawn", lang, change=self.render(lang))


def state_words(status: str, day: str | None, lang: str) -> str:
    """A unit's state and since when: 进行中（2020-06-01起）, 已完成（2020-06-05）."""
    words = i18n.text("unit." + status, lang)
    if not day:
        return words
    if status != "done":  # done is dated by the day it was done; the rest since a day
        day = i18n.text("unit.since", lang, day=day)
    return words + (f"（{day}）" if lang == "zh" else f" ({day})")


def quoted(labels: list[str], lang: str) -> str:
    """Requirement labels, each quoted: their own words may hold a 、 (公开草案、听证论证)."""
    if lang == "zh":
        return "".join(f"“{label}”" for label in labels)
    return ", ".join(f"'{label}'" for label in labels)
