"""The JSON shapes of every command: a documented, stable contract (keys exactly so)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from hsreform.checks.staffing import WindowStaffing
from hsreform.findings import Finding, counts, sort_findings
from hsreform.status import Report, Row


def dumps(document: dict[str, Any]) -> str:
    """Indented UTF-8 JSON (Chinese stays readable), with a final newline."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


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


def _summary(findings: list[Finding]) -> dict[str, int]:
    tally = counts(findings)
    return {"errors": tally["errors"], "warnings": tally["warnings"]}


def validate(findings: Iterable[Finding], lang: str) -> dict[str, Any]:
    """{"findings": [...], "summary": {"errors", "warnings"}}."""
    found = sort_findings(findings)
    return {"findings": [finding(f, lang) for f in found], "summary": _summary(found)}


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
    """{"as_of", "findings", "windows": [{"id", "name", "count", "quota", "staffed"}], "summary"}."""
    found = sort_findings(findings)
    return {
        "as_of": as_of.isoformat(),
        "findings": [finding(f, lang) for f in found],
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
