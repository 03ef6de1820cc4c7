"""The JSON shapes of every command: a documented, stable contract (keys exactly so)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from hsreform.checks.staffing import WindowStaffing
from hsreform.findings import Finding, Findings, counts, findings_of, sort_findings
from hsreform.report.safe import json_text
from hsreform.status import Report, Row


def dumps(document: dict[str, Any]) -> str:
    """Indented UTF-8 JSON (Chinese stays readable), with a final newline.

    Control and invisible characters are escaped (`safe.json_text`): the JSON reads back
    as the exact data, and shows nothing that acts on a terminal or a CI log.
    """
    return json_text(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


def finding(f: Finding, lang: str) -> dict[str, Any]:
    """{"code", "severity", "message", "file", "line", "column"}."""
    return {
        "code": f.code,
        "severity": f.severity.label,
        "message": f.message(lang),
        "file": f.file,
        "line": f.line,
        "column": f.column,
    }


def _summary(findings: Findings) -> dict[str, int]:
    """The true totals, those only counted included."""
    tally = counts(findings)
    return {"errors": tally["errors"], "warnings": tally["warnings"]}


def omitted(findings: Findings) -> list[dict[str, Any]]:
    """[{"file", "code", "severity", "count"}]: findings counted but not listed, by kind."""
    return [
        {"file": o.file, "code": o.code, "severity": o.severity.label, "count": o.count}
        for o in findings.omitted
    ]


def validate(findings: Iterable[Finding], lang: str) -> dict[str, Any]:
    """{"findings": [...], "omitted": [...], "summary": {"errors", "warnings"}}."""
    found = findings_of(findings)
    return {
        "findings": [finding(f, lang) for f in sort_findings(found)],
        "omitted": omitted(found),
        "summary": _summary(found),
    }


def _row(row: Row) -> dict[str, Any]:
    return {
        "number": row.number,
        "title": row.title,
        "deadline": row.deadline.isoformat(),
        "state": row.state.value,
        "days_left": row.days_left,
        "units_done": row.units_done,
        "units_total": row.units_total,
    }


def status(report: Report) -> dict[str, Any]:
    """{"as_of", "tasks": [...], "goals": [...], "summary": {"total", <state>: n}}."""
    return {
        "as_of": report.as_of.isoformat(),
        "tasks": [_row(r) for r in report.tasks],
        "goals": [_row(r) for r in report.goals],
        "summary": {"total": len(report.tasks) + len(report.goals), **report.counts()},
    }


def task(row: Row, as_of: dt.date) -> dict[str, Any]:
    """One task's row with every responsible unit's progress under "units"."""
    return {
        "as_of": as_of.isoformat(),
        **_row(row),
        "units": [
            {
                "unit": u.unit,
                "name": u.name,
                "status": u.status.value,
                "done_on": u.done_on.isoformat() if u.done_on else None,
                "late": u.late,
                "evidence": u.evidence,
                "note": u.note,
            }
            for u in row.units
        ],
    }


def staffing(
    as_of: dt.date, findings: Iterable[Finding], windows: list[WindowStaffing], lang: str
) -> dict[str, Any]:
    """{"as_of", "findings", "omitted", "windows": [{"id", "name", "count", "quota", "staffed"}], "summary"}."""
    found = findings_of(findings)
    return {
        "as_of": as_of.isoformat(),
        "findings": [finding(f, lang) for f in sort_findings(found)],
        "omitted": omitted(found),
        "windows": [
            {"id": w.id, "name": w.name, "count": w.count, "quota": w.quota, "staffed": w.staffed}
            for w in windows
        ],
        "summary": {
            "windows": sum(w.count for w in windows),
            "quota": sum(w.quota for w in windows),
            "staffed": sum(w.staffed for w in windows),
            **_summary(found),
        },
    }
