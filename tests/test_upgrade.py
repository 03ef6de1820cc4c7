"""upgrade-data: an earlier data set brought up to date without losing a byte of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA

OLD = DATA / "upgrade-2020-format"
FILES = ("windows.yaml", "tasks.yaml", "staff.yaml")


@pytest.fixture
def old(tmp_path: Path) -> Path:
    folder = tmp_path / "county"
    shutil.copytree(OLD, folder)
    return folder


def _bytes(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in FILES}


def _kept_in_order(before: str, after: str) -> bool:
    """Every line of `before` is in `after`, in the same order (the upgrade only adds)."""
    lines = iter(after.splitlines())
    return all(any(line == other for other in lines) for line in before.splitlines())


def test_undated_states_need_the_day_they_were_recorded(invoke, old) -> None:
    before = _bytes(old)
    result = invoke("upgrade-data", "--data", str(old))
    assert result.exit_code == 2
    assert "有 18 个进行中或受阻的状态没有日期；请用 --since 日期" in result.stderr
    assert _bytes(old) == before


def test_dry_run_shows_the_diff_and_writes_nothing(invoke, old) -> None:
    before = _bytes(old)
    result = invoke("upgrade-data", "--data", str(old), "--since", "2020-06-15", "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert "+        since: 2020-06-15" in result.stdout
    assert "+chief_representatives:" in result.stdout
    assert "任务 6，司法局：状态 受阻（blocked） 补上开始日期（since: 2020-06-15）" in result.stdout
    assert "（--dry-run：没有写任何文件）" in result.stdout
    assert _bytes(old) == before


def test_upgrade_adds_and_keeps_every_line(invoke, old) -> None:
    before = _bytes(old)
    result = invoke("upgrade-data", "--data", str(old), "--since", "2020-06-15")
    assert result.exit_code == 0, result.stderr
    after = _bytes(old)
    assert after["staff.yaml"] == before["staff.yaml"]
    for name in ("windows.yaml", "tasks.yaml"):
        assert after[name] != before[name]
        assert _kept_in_order(before[name].decode(), after[name].decode()), name
    assert "任务 1，税务局：已完成，4 项要求记为在完成日 2020-06-01 满足（met）" in result.stdout
    assert "加上六、工作要求（二）的 4 项保障职责（duties）" in result.stdout
    checked = invoke("validate", "--data", str(old), "--as-of", "2021-04-01", "--format", "json")
    assert checked.json()["summary"]["errors"] == 0, checked.stdout
    status = invoke("status", "--data", str(old), "--as-of", "2021-04-01", "--format", "json")
    assert [d["number"] for d in status.json()["duties"]] == [1, 2, 3, 4]
    again = invoke("upgrade-data", "--data", str(old), "--since", "2020-06-15")
    assert again.exit_code == 0
    assert "数据已是最新格式" in again.stdout
    assert _bytes(old) == after


def test_byte_order_mark_and_crlf_survive(invoke, old) -> None:
    for name in FILES:
        path = old / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    result = invoke("upgrade-data", "--data", str(old), "--since", "2020-06-15")
    assert result.exit_code == 0, result.stderr
    for name in ("windows.yaml", "tasks.yaml"):
        raw = (old / name).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        assert raw.count(b"\n") == raw.count(b"\r\n")
    checked = invoke("validate", "--data", str(old), "--as-of", "2021-04-01", "--format", "json")
    assert checked.json()["summary"]["errors"] == 0


def test_an_upgrade_that_would_break_the_data_is_refused(invoke, old) -> None:
    # without 财政局 among the units, the duties the upgrade adds would name nobody
    windows = old / "windows.yaml"
    text = windows.read_text(encoding="utf-8")
    text = text.replace(
        "  - id: finance-bureau\n    name: 财政局\n    kind: government_department\n", ""
    )
    windows.write_text(text.replace("      - finance-bureau\n", ""), encoding="utf-8")
    before = _bytes(old)
    result = invoke("upgrade-data", "--data", str(old), "--since", "2020-06-15")
    assert result.exit_code == 2
    assert "[unknown-unit]" in result.stderr
    assert "数据有误，无法升级" in result.stderr
    assert _bytes(old) == before


def test_the_bundled_data_is_not_upgraded(invoke) -> None:
    result = invoke("upgrade-data")
    assert result.exit_code == 2
    assert "安装包自带的数据不需要升级" in result.stderr


def test_the_plans_exception_and_readings_come_with_it_and_news_is_shown(invoke, old) -> None:
    # A goal written without `exceptions` would have its exemptions refused: the upgrade
    # adds the plan's, and task 4's reading, and says what the upgraded data newly shows.
    tasks = old / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8").replace("    exceptions: 对场地有特殊要求的事项\n", "")
    text = text.replace(
        "        status: blocked\n        note: 取水许可现场核查需要特殊场地\n",
        "        status: exempt\n        since: 2020-06-10\n"
        "        reason: 取水许可现场核查需要特殊场地\n",
    )
    tasks.write_text(text, encoding="utf-8")
    result = invoke(
        "upgrade-data", "--data", str(old), "--since", "2020-06-15", "--as-of", "2020-07-01"
    )
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "目标 1：加上方案允许的例外（exceptions: 对场地有特殊要求的事项）" in out
    assert "任务 4：加上本数据的读法 charges: units-with-quota" in out
    assert "注意：" in out
    assert "[not-charged] 司法局在窗口没有人员配额" in out
    assert "[exemption-not-allowed]" not in out
    text = tasks.read_text(encoding="utf-8")
    assert "    responsible: [county-departments]\n    charges: units-with-quota\n" in text
    checked = invoke("validate", "--data", str(old), "--as-of", "2020-07-01", "--format", "json")
    assert "exemption-not-allowed" not in {f["code"] for f in checked.json()["findings"]}
