"""GitHub Actions workflow commands: one `::error file=…,line=…,col=…::message` per finding.

The escaping follows the runner's rules: `%`, CR and LF everywhere; also `:` and `,` in
the properties. Infos become `::notice`.
"""

from __future__ import annotations

from collections.abc import Iterable

from hsreform.common.findings import Finding, Severity, sort_findings
from hsreform.common.safe import inline

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    # Controls and invisibles shown first (the runner would pass them to the log viewer);
    # then the runner's own escapes, so that nothing in `text` ends the command's line.
    return inline(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, lang: str) -> str:
    """One workflow command for one finding."""
    props = []
    if finding.file:
        props.append(f"file={_property(finding.file)}")
    if finding.line is not None:
        props.append(f"line={finding.line}")
    if finding.column is not None:
        props.append(f"col={finding.column}")
    props.append(f"title={_property('hsreform ' + finding.code)}")
    return f"::{COMMAND[finding.severity]} {','.join(props)}::{_data(finding.message(lang))}"


def commands(findings: Iterable[Finding], lang: str) -> str:
    """Every finding as a workflow command, one per line, in reading order."""
    return "".join(annotation(f, lang) + "\n" for f in sort_findings(findings))
