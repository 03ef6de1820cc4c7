"""The one value type for everything hsreform reports, and the one mapping to exit codes.

`Findings` is how findings are kept and handed to renderers: the first `MAX_SHOWN` of each
code in each file, the rest only counted. A file of a few kilobytes whose aliases repeat
one bad mapping thousands of times would otherwise make half a million findings, held in
memory and printed; bounded here, every renderer shows the same findings, one line (or a
JSON entry) for how many more of each kind there are, and a tally of the true totals.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from hsreform.common import i18n
from hsreform.common.safe import inline


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
        """The message in `lang`, from the catalogue in `hsreform.common.i18n`."""
        return i18n.message(self.code, lang, self.params)

    def describe(self, lang: str) -> str:
        """`file:line:col: severity [code] message`, the plain one-line form."""
        severity = i18n.text("sev." + self.severity.label, lang)
        return f"{inline(self.location)}: {severity} [{self.code}] {self.message(lang)}"

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


MAX_SHOWN = 100
"""Findings kept, and shown, per file, code and severity; the rest are only counted."""

_Group = tuple[str | None, str, Severity, bool]


@dataclass(frozen=True)
class Omitted:
    """How many findings of one code, in one file, were counted but not kept."""

    file: str | None
    code: str
    severity: Severity
    count: int

    def describe(self, lang: str) -> str:
        """`file: N more [code] findings not listed`, the plain one-line form."""
        return i18n.text(
            "findings.omitted",
            lang,
            file=inline(self.file or "-"),
            count=self.count,
            code=self.code,
            severity=i18n.text("sev." + self.severity.label, lang),
            limit=MAX_SHOWN,
        )


class Findings:
    """Findings as reported: at most `limit` of each file, code and severity kept, in the
    order they came; the others counted, so that memory and output stop growing with them.

    Iterating gives the kept ones. A group is full before any of it is counted, so what is
    kept shows each code and severity that occurred (`exit_code` relies on it); only `count`
    counts findings of a kind none of which are kept, past a budget of errors already kept.
    """

    def __init__(self, found: Iterable[Finding] = (), *, limit: int = MAX_SHOWN) -> None:
        self.limit = limit
        self._kept: list[Finding] = []
        self._totals: dict[_Group, int] = {}
        self._shown: dict[_Group, int] = {}  # how many of each group are kept
        self.extend(found)

    def add(self, finding: Finding) -> None:
        """Keep `finding`, or count it if its group is full."""
        group = (finding.file, finding.code, finding.severity, finding.blocking)
        self._totals[group] = self._totals.get(group, 0) + 1
        shown = self._shown.get(group, 0)
        if shown < self.limit:
            self._shown[group] = shown + 1
            self._kept.append(finding)

    def counted(
        self,
        file: str | None,
        code: str,
        severity: Severity = Severity.ERROR,
        blocking: bool = True,
    ) -> bool:
        """If findings of this kind are no longer kept, count one more; whether it did.

        So a producer spares making a finding (its message parameters) that would be dropped.
        """
        group = (file, code, severity, blocking)
        if self._shown.get(group, 0) < self.limit:
            return False
        self._count(group, 1)
        return True

    def extend(self, found: Iterable[Finding]) -> None:
        """Add each finding; from another `Findings`, its counted ones too."""
        if isinstance(found, Findings):
            for finding in found:
                self.add(finding)
            for group, hidden in found._hidden():  # those it counted without keeping
                self._count(group, hidden)
            return
        for finding in found:
            self.add(finding)

    def count(
        self,
        file: str | None,
        code: str,
        more: int,
        severity: Severity = Severity.ERROR,
        blocking: bool = True,
    ) -> None:
        """Count `more` findings of a kind without making them (past a budget of work)."""
        self._count((file, code, severity, blocking), more)

    def __len__(self) -> int:
        """How many there are in all, counted ones too."""
        return sum(self._totals.values())

    def _count(self, group: _Group, more: int) -> None:
        self._totals[group] = self._totals.get(group, 0) + more

    def _hidden(self) -> Iterator[tuple[_Group, int]]:
        """Each group with findings counted but not kept, and how many."""
        for group, total in self._totals.items():
            if total > self._shown.get(group, 0):
                yield group, total - self._shown.get(group, 0)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self._kept)

    def __bool__(self) -> bool:
        return bool(self._kept)

    def blocking(self) -> Findings:
        """Those that stop every command but `validate`, counted ones too."""
        out = Findings(limit=self.limit)
        out.extend(f for f in self._kept if f.blocking)
        for group, hidden in self._hidden():
            if group[3]:
                out._count(group, hidden)
        return out

    def counts(self) -> dict[str, int]:
        """How many errors, warnings and infos there are, counted ones too."""
        tally = {"errors": 0, "warnings": 0, "infos": 0}
        for (_, _, severity, _), total in self._totals.items():
            tally[severity.label + "s"] += total
        return tally

    @property
    def omitted(self) -> list[Omitted]:
        """For each group with findings counted but not kept, how many, in reading order."""
        return [
            Omitted(file, code, severity, hidden)
            for (file, code, severity, _), hidden in sorted(
                self._hidden(), key=lambda item: (item[0][0] or "", item[0][1])
            )
        ]


def findings_of(found: Iterable[Finding]) -> Findings:
    """`found` as a `Findings` (itself, if it is one)."""
    return found if isinstance(found, Findings) else Findings(found)


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    """How many errors, warnings and infos there are (in a `Findings`, counted ones too)."""
    if isinstance(findings, Findings):
        return findings.counts()
    tally = {"errors": 0, "warnings": 0, "infos": 0}
    for f in findings:
        tally[f.severity.label + "s"] += 1
    return tally


class CloseMatch:
    """The candidate most like `word` ('did you mean ...?'), worked out when first shown.

    Messages of findings that are only counted are never shown, so the comparison (slow
    for thousands of candidates) is made for the kept ones alone; a word too long to be a
    slip of the keyboard gets none.
    """

    def __init__(
        self, word: str, *pools: Iterable[str], cache: dict[tuple[str, int], str] | None = None
    ) -> None:
        self.word = word
        self.pools = pools
        self.cache = cache
        """Matches already worked out, shared by the findings of one data set."""

    @functools.cached_property
    def match(self) -> str:
        """The closest candidate, or ''."""
        if len(self.word) > 64:
            return ""
        key = (self.word, id(self.pools[0]) if self.pools else 0)
        if self.cache is not None and key in self.cache:
            return self.cache[key]
        candidates = [c for pool in self.pools for c in pool]
        found = next(iter(difflib.get_close_matches(self.word, candidates, n=1)), "")
        if self.cache is not None:
            self.cache[key] = found
        return found

    def __str__(self) -> str:
        return self.match

    def __bool__(self) -> bool:
        return bool(self.match)


FAIL_ON = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO}
FAIL_ON_CHOICES = (*FAIL_ON, "never")
"""What `--fail-on` accepts for commands that report findings."""


def exit_code(findings: Iterable[Finding], fail_on: str) -> int:
    """0 when nothing reaches `fail_on` ('error', 'warning', 'info' or 'never'), else 1."""
    if fail_on == "never":
        return 0
    threshold = FAIL_ON[fail_on]
    return 1 if any(f.severity >= threshold for f in findings) else 0
