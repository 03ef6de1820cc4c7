"""The JSON shapes of every command: a documented, stable contract (keys exactly so)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from hsreform.common.findings import Finding, Findings, counts, findings_of, sort_findings
from hsreform.common.safe import json_text

if TYPE_CHECKING:
    from hsreform.checks.staffing import WindowStaffing
    from hsreform.dataset.dated import ItemStanding
    from hsreform.views.catalogue import Figures, ItemsReport, UnitItems
    from hsreform.views.changelog import LogEntry
    from hsreform.views.listing import Listing
    from hsreform.views.meeting import MeetingReport
    from hsreform.views.scorecard import Scorecard, UnitRecord
    from hsreform.views.status import Report, Row


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


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _row(row: Row) -> dict[str, Any]:
    out: dict[str, Any] = {
        "number": row.number,
        "title": row.title,
        "deadline": _day(row.deadline),
        "state": row.state.value,
        "days_left": row.days_left,
        "units_done": row.units_done,
        "units_total": row.units_total,
        "units_exempt": row.units_exempt,
        "requirements_met": row.requirements_met,
        "requirements_total": row.requirements_total,
        "finished_on": _day(row.finished_on),
        "units_not_charged": [unit for unit, _ in row.not_charged],
    }
    if row.kind == "duty":
        out["deadline_from"] = row.deadline_from
    return out


def status(report: Report) -> dict[str, Any]:
    """{"as_of", "tasks", "goals", "duties", "summary" (tasks and goals), "duties_summary", ...}.

    "readings" lists each unit whose entry status reads otherwise than it is written, and
    why; "not_charged" (a unit's view) the items the data's reading does not charge it with.
    """
    return {
        "as_of": report.as_of.isoformat(),
        "before_issue": report.before_issue,
        "deadlines_passed": report.deadlines_passed,
        "tasks": [_row(r) for r in report.tasks],
        "goals": [_row(r) for r in report.goals],
        "duties": [_row(r) for r in report.duties],
        "summary": {"total": len(report.tasks) + len(report.goals), **report.counts()},
        "duties_summary": {"total": len(report.duties), **report.counts(report.duties)},
        "readings": [
            {
                "kind": row.kind,
                "number": row.number,
                "unit": u.unit,
                "name": u.name,
                "reading": u.reading.value if u.reading else None,
                "recorded": u.recorded.value if u.recorded else None,
                "counted": u.status.value,
            }
            for row, u in report.read_otherwise
        ],
        "not_charged": [{"kind": r.kind, "number": r.number} for r in report.not_charged],
    }


def task(row: Row, as_of: dt.date) -> dict[str, Any]:
    """One row with its requirements, and every responsible unit's progress under "units"."""
    return {
        "as_of": as_of.isoformat(),
        "kind": row.kind,
        **_row(row),
        "requirements": [
            {"id": r.id, "label": r.label, "text": r.text, "applies_to": list(r.applies_to)}
            for r in row.requirements
        ],
        "units": [
            {
                "unit": u.unit,
                "name": u.name,
                "status": u.status.value,
                "since": _day(u.since),
                "done_on": _day(u.done_on),
                "late": u.late,
                "evidence": u.evidence,
                "note": u.note,
                "reason": u.reason,
                "met": list(u.met),
                "open": list(u.open),
                "reading": u.reading.value if u.reading else None,
                "recorded": u.recorded.value if u.recorded else None,
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


def scorecard(card: Scorecard) -> dict[str, Any]:
    """{"as_of", "units": [{"unit", "name", "obligations", "due", "on_time", "late", "overdue",
    "blocked", "exempt", "not_yet_due", "on_time_rate"}], "total": {...}}, worst first."""

    def record(r: UnitRecord) -> dict[str, Any]:
        return {
            "obligations": r.obligations,
            "due": r.due,
            "on_time": r.on_time,
            "late": r.late,
            "overdue": r.overdue,
            "blocked": r.blocked,
            "exempt": r.exempt,
            "not_yet_due": r.not_yet_due,
            "on_time_rate": r.on_time_rate,
        }

    return {
        "as_of": card.as_of.isoformat(),
        "units": [{"unit": r.unit, "name": r.name, **record(r)} for r in card.units],
        "total": record(card.total),
    }


def meeting(mr: MeetingReport, lang: str) -> dict[str, Any]:
    """{"as_of", "plan", "status" (as `status`), "timelines", "matrix", "staffing" (as
    `check-staffing`, each window with "gap" and "state"), "self_service_areas", "offices",
    "items" (as `items`, null without a catalogue)}."""
    plan = mr.plan
    staff = staffing(mr.as_of, mr.staffing_findings, [w.window for w in mr.staffing], lang)
    for entry, window in zip(staff["windows"], mr.staffing, strict=True):
        entry.update(gap=window.gap, state=window.state.value)
    return {
        "as_of": mr.as_of.isoformat(),
        "plan": {
            "number": plan.number,
            "title": plan.title,
            "issuer": plan.issuer,
            "issued_on": plan.issued_on.isoformat(),
        },
        "status": status(mr.status),
        "timelines": {
            kind: {"start": line.start.isoformat(), "end": line.end.isoformat()}
            for kind, line in (("tasks", mr.task_timeline), ("goals", mr.goal_timeline))
        },
        "matrix": {
            "columns": [
                {"kind": r.kind, "number": r.number, "title": r.title} for r in mr.matrix.columns
            ],
            "units": [
                {
                    "unit": r.unit,
                    "name": r.name,
                    "cells": [None if c is None else c.value for c in r.cells],
                }
                for r in mr.matrix.rows
            ],
        },
        "staffing": staff,
        "self_service_areas": [
            {"id": a.id, "name": a.name, "open_24h": a.open_24h, "terminals": list(a.terminals)}
            for a in mr.areas
        ],
        "offices": [{"name": o.name, "count": o.count, "owner": o.owner} for o in mr.offices],
        "items": items(mr.items) if mr.items is not None else None,
    }


def log(found: list[LogEntry], since: dt.date | None, as_of: dt.date, lang: str) -> dict[str, Any]:
    """{"since", "as_of", "changes": [{"date", "kind", "number", "who", "change"}]}."""
    return {
        "since": _day(since),
        "as_of": as_of.isoformat(),
        "changes": [
            {
                "date": e.day.isoformat(),
                "kind": e.kind,
                "number": e.number,
                "who": e.who,
                "change": e.change(lang),
            }
            for e in found
        ],
    }


def _figures(f: Figures) -> dict[str, Any]:
    """The counts of a set of items, and the rates computed from them (null: nothing to divide)."""
    return {
        "items": f.items,
        "must_enter": f.must_enter,
        "in_hall": f.in_hall,
        "listed": f.listed,
        "exempt": f.exempt,
        "not_entering": f.not_entering,
        "online": f.online,
        "authorized": f.authorized,
        "public": f.public,
        "public_total": f.public_total,
        "timed": f.timed,
        "legal_days": f.legal_days,
        "promised_days": f.promised_days,
        "steps_items": f.steps_items,
        "steps_before": f.steps_before,
        "steps_after": f.steps_after,
        "documents_items": f.documents_items,
        "documents_before": f.documents_before,
        "documents_after": f.documents_after,
        "rates": {
            "in_hall": f.in_hall_rate,
            "online": f.online_rate,
            "authorized": f.authorized_rate,
            "public": f.public_rate,
            "time_cut": f.time_cut,
        },
    }


def _item(s: ItemStanding) -> dict[str, Any]:
    return {
        "name": s.name,
        "code": s.code,
        "kind": s.kind.value if s.kind else None,
        "window": s.window,
        "status": s.status.value,
        "since": s.since.isoformat(),
        "reason": s.reason,
        "must_enter": s.must_enter,
        "online": s.online,
        "authorized": s.authorized,
        "public": list(s.public),
        "legal_days": s.legal_days,
        "promised_days": s.promised_days,
        "steps": list(s.steps),
        "documents": list(s.documents),
    }


def _unit_items(u: UnitItems) -> dict[str, Any]:
    return {
        "unit": u.unit,
        "name": u.name,
        "goal": u.goal.value if u.goal else None,
        "figures": _figures(u.figures),
        "exemptions": [{"name": s.name, "reason": s.reason} for s in u.exemptions],
        "items": [_item(s) for s in u.items],
    }


def items(report: ItemsReport) -> dict[str, Any]:
    """{"as_of", "units": [{"unit", "name", "goal", "figures", "exemptions", "items"}], "total",
    "without_catalogue"}."""
    return {
        "as_of": report.as_of.isoformat(),
        "units": [_unit_items(u) for u in report.units],
        "total": _figures(report.total),
        "without_catalogue": list(report.without),
    }


def listing(found: Listing) -> dict[str, Any]:
    """{"as_of", "what", "names": [{...}]}: every row of the listing with its fields (dates
    as text); units also give "groups": [{"name", "id", "members"}]."""

    def plain(row: dict[str, Any]) -> dict[str, Any]:
        return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in row.items()}

    out: dict[str, Any] = {"as_of": found.as_of.isoformat(), "what": found.what}
    for table in found.tables:
        out["names" if table.what == found.what else table.what] = [plain(r) for r in table.rows]
    return out
