"""What an edit did, one line per change: a catalogue key, its file and its parameters."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hsreform import i18n


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
            was = i18n.text("unit." + params["old"], lang)
            if params.get("since"):
                day = params["since"]  # done_on for done; since when for the rest
                if params["old"] != "done":
                    day = i18n.text("unit.since", lang, day=day)
                was += f"（{day}）" if lang == "zh" else f" ({day})"
            params["was"] = was
        if "new" in params and self.key.startswith("edit.state"):
            params["new"] = i18n.text("unit." + params["new"], lang)
        if "labels" in params:
            params["labels"] = quoted(params["labels"], lang)
        line = i18n.text(self.key, lang, **params)
        for flag in ("started", "complete"):
            if params.get(flag):
                line += i18n.text(f"edit.met_{flag}", lang)
        return line


def quoted(labels: list[str], lang: str) -> str:
    """Requirement labels, each quoted: their own words may hold a 、 (公开草案、听证论证)."""
    if lang == "zh":
        return "".join(f"“{label}”" for label in labels)
    return ", ".join(f"'{label}'" for label in labels)
