"""The one exception base for problems a user can fix: a catalogue key and its parameters."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from hsreform.common import i18n
from hsreform.common.findings import Finding, Severity, findings_of, sort_findings


class HsreformError(Exception):
    """The data or the command line cannot be used (exit code 2); `render` says why."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def render(self, lang: str) -> str:
        """The message in `lang`."""
        return i18n.text(self.key, lang, **self.params)


class DataUnusable(HsreformError):
    """The data has errors that stop a command other than `validate`; lists them."""

    def __init__(self, findings: Iterable[Finding], action: str) -> None:
        super().__init__("data.unusable", action=action)
        self.findings = findings_of(findings)

    def render(self, lang: str) -> str:
        """Each blocking error on a line, how many more there are, then what could not be done."""
        lines = [
            f.describe(lang) for f in sort_findings(self.findings) if f.severity is Severity.ERROR
        ]
        lines += [o.describe(lang) for o in self.findings.omitted if o.severity is Severity.ERROR]
        action = i18n.text("action." + self.params["action"], lang)
        return "\n".join([*lines, i18n.text(self.key, lang, action=action)])
