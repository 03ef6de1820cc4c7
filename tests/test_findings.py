"""Findings as reported: a bounded number kept per file, code and severity, the rest counted."""

from __future__ import annotations

from hsreform.common.findings import CloseMatch, Finding, Findings, Severity, counts, exit_code
from hsreform.report import jsondoc, tables
from hsreform.report.stream import console


def _many(
    code: str, n: int, file: str = "staff.yaml", severity: Severity = Severity.ERROR
) -> list[Finding]:
    return [Finding(code, severity, file, i + 1, 1, {}, blocking=True) for i in range(n)]


def test_a_group_keeps_its_first_findings_and_counts_the_rest() -> None:
    found = Findings(_many("unknown-key", 250) + _many("bad-id", 3), limit=100)
    assert [f.line for f in found if f.code == "unknown-key"] == list(range(1, 101))
    assert len(found) == 253
    assert [(o.code, o.count) for o in found.omitted] == [("unknown-key", 150)]
    assert counts(found) == {"errors": 253, "warnings": 0, "infos": 0}


def test_groups_are_per_file_and_severity() -> None:
    found = Findings(
        _many("under-quota", 3, "a.yaml")
        + _many("under-quota", 3, "b.yaml")
        + _many("under-quota", 3, "a.yaml", Severity.INFO),
        limit=2,
    )
    assert sorted((o.file, o.severity.label, o.count) for o in found.omitted) == [
        ("a.yaml", "error", 1),
        ("a.yaml", "info", 1),
        ("b.yaml", "error", 1),
    ]
    assert exit_code(found, "error") == 1  # each group keeps one: the kept ones tell


def test_merging_keeps_the_counted_ones_and_blocking_keeps_the_totals() -> None:
    first = Findings(_many("wrong-type", 5), limit=2)
    merged = Findings(limit=2)
    merged.extend(first)
    merged.extend(_many("wrong-type", 1))
    assert len(merged) == 6
    assert merged.blocking().omitted[0].count == 4
    assert merged.counted("staff.yaml", "wrong-type")  # full: counted, not made
    assert not merged.counted("staff.yaml", "bad-id")
    assert len(merged) == 7


def test_every_renderer_says_how_many_more() -> None:
    found = Findings(_many("unknown-key", 105))
    document = jsondoc.validate(found, "zh")
    assert len(document["findings"]) == 100
    assert document["omitted"] == [
        {"file": "staff.yaml", "code": "unknown-key", "severity": "error", "count": 5}
    ]
    assert document["summary"] == {"errors": 105, "warnings": 0}
    printed = console()
    with printed.capture() as capture:
        tables.findings(printed, found, "zh")
    assert "staff.yaml：另有 5 个 [unknown-key] 错误未列出" in capture.get()
    assert "105 个错误" in capture.get()


def test_a_close_match_is_worked_out_only_when_shown() -> None:
    class Pool:
        used = False

        def __iter__(self):  # type: ignore[no-untyped-def]
            Pool.used = True
            return iter(["tax-bureau"])

    close = CloseMatch("tax-bureu", Pool())
    assert not Pool.used
    assert str(close) == "tax-bureau"
    assert not CloseMatch("x" * 65, ["x" * 65])  # too long to be a slip of the keyboard


def test_faults_counted_past_a_budget_are_counted_exactly() -> None:
    found = Findings(_many("bad-date", 3), limit=100)
    found.count("staff.yaml", "schema", 5)
    assert len(found) == 8
    assert counts(found) == {"errors": 8, "warnings": 0, "infos": 0}
    assert [(o.code, o.count) for o in found.omitted] == [("schema", 5)]
    assert [(o.code, o.count) for o in found.blocking().omitted] == [("schema", 5)]
    merged = Findings(found)
    assert (len(merged), [(o.code, o.count) for o in merged.omitted]) == (8, [("schema", 5)])
    found.extend(_many("schema", 2))  # findings of that kind made later are still kept
    assert [f.code for f in found].count("schema") == 2
    assert len(found) == 10
