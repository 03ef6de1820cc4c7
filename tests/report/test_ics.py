"""The calendar read back by icalendar and by a second parser, vobject."""

from __future__ import annotations

import datetime as dt

import icalendar
import vobject
from typer.testing import CliRunner

from hsreform.cli import app
from tests.conftest import REPO

EXAMPLE = ("--data", str(REPO / "examples" / "rollout-2020"))


def calendar(*args: str, env: dict[str, str] | None = None) -> tuple[bytes, str]:
    result = CliRunner().invoke(app, ["calendar", *EXAMPLE, *args], env=env)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes, result.stderr


def test_every_deadline_is_an_event_with_units_and_a_reminder() -> None:
    data, stderr = calendar()
    cal = icalendar.Calendar.from_ical(data)
    events = cal.walk("VEVENT")
    assert len(events) == 10  # 8 tasks, the goal, and duty 2 that borrows task 3's deadline
    first = events[0]
    assert first["SUMMARY"] == "任务1截止：事项梳理，确定进大厅办理的事项"
    assert first.decoded("DTSTART") == dt.date(2020, 6, 5)
    assert first.decoded("DTEND") == dt.date(2020, 6, 6)
    assert "责任单位：税务局、社保中心" in first["DESCRIPTION"]
    alarm = first.walk("VALARM")[0]
    assert alarm.decoded("TRIGGER") == -dt.timedelta(days=3)
    assert alarm["ACTION"] == "DISPLAY"
    task4 = events[3]  # 各单位根据事项办理需求: only units with a quota are charged (the reading)
    assert "税务局" in task4["DESCRIPTION"]
    assert "司法局" not in task4["DESCRIPTION"]
    assert "司法局" in events[4]["DESCRIPTION"]
    goal = events[8]
    assert goal.decoded("DTSTART") == dt.date(2020, 12, 31)
    duty = events[9]
    assert "借用任务 3 的期限" in duty["DESCRIPTION"]
    assert "保障职责 1、3、4" not in stderr
    assert "未列入日历" in stderr


def test_a_second_parser_reads_the_same_events() -> None:
    data, _ = calendar("--remind", "5", "--lang", "en")
    parsed = vobject.readOne(data.decode("utf-8"))
    events = parsed.vevent_list
    assert len(events) == 10
    assert events[0].summary.value.startswith("Deadline, task 1: ")
    assert events[0].dtstart.value == dt.date(2020, 6, 5)
    assert events[0].valarm.trigger.value == -dt.timedelta(days=5)
    assert "Responsible: 税务局, 社保中心" in events[0].description.value


def test_uids_are_stable_and_unique(tmp_path) -> None:
    env = {"SOURCE_DATE_EPOCH": "1600000000"}
    first, _ = calendar(env=env)
    again, _ = calendar("--output", str(tmp_path / "d.ics"), env=env)
    assert again == b""
    assert (tmp_path / "d.ics").read_bytes() == first
    uids = [e["UID"] for e in icalendar.Calendar.from_ical(first).walk("VEVENT")]
    assert len(set(uids)) == len(uids)


def test_no_reminder_when_asked_for_none() -> None:
    data, _ = calendar("--remind", "0")
    assert b"VALARM" not in data


def test_a_calendar_for_a_day_before_the_plan_says_it_was_not_issued(invoke, tmp_path) -> None:
    example = str(REPO / "examples" / "rollout-2020")
    out = tmp_path / "期限.ics"
    early = invoke("--as-of", "2020-05-01", "--data", example, "calendar", "-o", str(out))
    assert early.exit_code == 0, early.stderr
    assert (
        "方案 2020-05-31 印发；统计日 2020-05-01 时尚未印发。日历中的期限是方案印发时提出的。"
        in (early.stderr)
    )
    written = out.read_bytes()
    later = invoke("calendar", "--as-of", "2020-06-01", "--data", example, "-o", str(out))
    assert "尚未印发" not in later.stderr
    assert out.read_bytes().count(b"BEGIN:VEVENT") == written.count(b"BEGIN:VEVENT") == 10


def test_an_option_before_a_command_that_does_not_take_it_says_what_to_do(invoke) -> None:
    refused = invoke("--as-of", "2020-05-01", "schema")
    assert refused.exit_code == 2
    assert refused.stderr.strip() == (
        "hsreform schema 没有选项 --as-of：写在命令前面的选项，也要是这条命令本身能用的；"
        "去掉 --as-of 再运行。"
    )
