"""The one value type for everything hsreform reports, and the one mapping to exit codes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from hsreform import i18n


class Severity(IntEnum):
    """How serious a finding is; ordered so that `>=` compares seriousness."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        """The stable lower-case name used in JSON and on the command line."""
        return self.name.lower()


@dataclass(frozen=True)
class Finding:
    """A problem at a place: code, severity, 1-based line and column, message parameters.

    `blocking` marks findings that leave the data unusable for anything but `validate`
    (unreadable file, syntax, schema, broken references).
    """

    code: str
    severity: Severity
    file: str | None = None
    line: int | None = None
    column: int | None = None
    params: Mapping[str, Any] = field(default_factory=dict, compare=False)
    blocking: bool = False

    def message(self, lang: str) -> str:
        """The message in `lang`, from the catalogue in `hsreform.i18n`."""
        return i18n.message(self.code, lang, self.params)

    def describe(self, lang: str) -> str:
        """`file:line:col: severity [code] message`, the plain one-line form."""
        severity = i18n.text("sev." + self.severity.label, lang)
        return f"{self.location}: {severity} [{self.code}] {self.message(lang)}"

    @property
    def location(self) -> str:
        """`file:line:col`, as far as it is known."""
        parts = [self.file or "-"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def sort_key(self) -> tuple[str, int, int, str]:
        """Order by file, then position, then code."""
        return (self.file or "", self.line or 0, self.column or 0, self.code)


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in reading order."""
    return sorted(findings, key=Finding.sort_key)


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    """How many errors, warnings and infos there are."""
    tally = {"errors": 0, "warnings": 0, "infos": 0}
    for f in findings:
        tally[f.severity.label + "s"] += 1
    return tally


FAIL_ON = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO}
FAIL_ON_CHOICES = (*FAIL_ON, "never")
"""What `--fail-on` accepts for commands that report findings."""


def exit_code(findings: Iterable[Finding], fail_on: str) -> int:
    """0 when nothing reaches `fail_on` ('error', 'warning', 'info' or 'never'), else 1."""
    if fail_on == "never":
        return 0
    threshold = FAIL_ON[fail_on]
    return 1 if any(f.severity >= threshold for f in findings) else 0
