"""The meeting report: timelines, bars, the unit x task matrix, staffing compliance."""

from __future__ import annotations

import datetime as dt

from hsreform.checks.staffing import WindowStaffing
from hsreform.dataset.loader import load
from hsreform.report import words
from hsreform.views.meeting import Cell, Span, Staffed, WindowCompliance, meeting_report
from tests.conftest import BUNDLED, CLEAN

D = dt.date


def _report(as_of: dt.date):
    dataset = load(CLEAN).dataset
    assert dataset is not None
    return meeting_report(dataset, as_of)


def test_task_timeline_stretches_to_the_report_day() -> None:
    mr = _report(D(2020, 7, 1))
    line = mr.task_timeline
    assert (line.start, line.end) == (D(2020, 5, 31), D(2020, 7, 1))
    assert line.marker == 1.0
    assert not line.beyond
    assert mr.goal_timeline.end == D(2020, 12, 31)


def test_a_report_long_after_marks_the_end() -> None:
    line = _report(D(2026, 1, 1)).task_timeline
    assert line.end == D(2020, 7, 10)  # twice the planned length at most
    assert line.beyond
    assert line.at(D(2026, 1, 1)) == 1.0


def test_bars_planned_and_late() -> None:
    mr = _report(D(2021, 1, 11))
    line = mr.goal_timeline
    goal = mr.status.goals[0]
    bar = line.bar(goal)
    assert bar is not None
    assert bar.planned == Span(0.0, line.at(D(2020, 12, 31)))
    assert bar.late == Span(bar.planned.end, 1.0)
    assert mr.task_timeline.bar(mr.status.tasks[0]).late is None
    drawn = "".join(run for run, _ in words.bar(bar, 20))
    assert drawn.endswith(words.BAR_MARKER) or drawn.endswith(words.BAR_BEYOND)
    assert words.BAR_LATE in drawn


def test_matrix_cells() -> None:
    mr = _report(D(2021, 1, 2))
    columns = [(r.kind, r.number) for r in mr.matrix.columns]
    assert columns == [("task", 1), ("task", 2), ("goal", 1), ("duty", 1)]
    rows = {r.unit: r.cells for r in mr.matrix.rows}
    assert rows["tax-bureau"] == (Cell.DONE, None, Cell.OVERDUE, None)
    assert rows["public-security-bureau"] == (Cell.DONE, None, Cell.EXEMPT, None)
    assert rows["centre"] == (None, Cell.DONE, None, Cell.BLOCKED)
    assert list(rows) == ["centre", "tax-bureau", "public-security-bureau", "market-unit"]


def test_staffing_compliance_and_figures() -> None:
    assert WindowCompliance(WindowStaffing("a", "A", 2, 2, 1)).state is Staffed.SHORT
    assert WindowCompliance(WindowStaffing("a", "A", 2, 2, 1)).gap == 1
    assert WindowCompliance(WindowStaffing("a", "A", 2, 2, 3)).state is Staffed.OVER
    mr = _report(D(2020, 7, 1))
    assert all(w.state is Staffed.FULL for w in mr.staffing)
    assert mr.offices_total == 2
    assert (mr.units_done, mr.units_owing) == (4, 6)


def test_the_headline_counts_the_areas_as_the_plan_does(invoke) -> None:
    # 大厅内共设置自助服务区 3 个……设置 24 小时自助服务区 1 个: 3 in the hall, one more
    dataset = load(BUNDLED).dataset
    assert dataset is not None
    mr = meeting_report(dataset, D(2020, 7, 1))
    assert (mr.areas_in_hall, mr.areas_24h) == (3, 1)
    out = invoke("report", "--as-of", "2020-07-01", "--format", "markdown").stdout
    assert "| 大厅内自助服务区 | 24 小时自助服务区 | 新增办公室 |" in out
    assert "| 3 个 | 1 个 | 17 间 |" in out
    assert "4 个" not in out.split("## ")[0]
