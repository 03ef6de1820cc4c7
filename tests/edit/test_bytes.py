"""Edits keep every byte they do not need to change: tests compare bytes, not parsed data.

Each case names the lines an edit replaces and what replaces them; everything else in the
file, comments, blank lines, quoting, flow and block style, must come back byte for byte.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.edit.conftest import read_all


def _replaced(before: bytes, old: str, new: str) -> bytes:
    text = before.decode("utf-8")
    assert text.count(old) == 1, old
    return text.replace(old, new).encode("utf-8")


def test_bundled_flow_list_becomes_a_block_list(invoke, data_set) -> None:
    folder = data_set("bundled")
    before = read_all(folder)
    result = invoke(
        "task", "done", "1", "税务局", "公安局", "--on", "2020-06-04",
        "--as-of", "2020-06-08", "--data", str(folder),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    after = read_all(folder)
    assert after["tasks.yaml"] == _replaced(
        before["tasks.yaml"],
        "    catalogue: sorting\n    responsible: [county-departments]\n"
        "    deadline: 2020-06-05\n    progress: []\n",
        "    catalogue: sorting\n    responsible: [county-departments]\n"
        "    deadline: 2020-06-05\n    progress:\n"
        "      - unit: tax-bureau\n        status: done\n        done_on: 2020-06-04\n"
        "        met: {sort-items: 2020-06-04, decide-hall-items: 2020-06-04, "
        "leader-signature: 2020-06-04, file-with-centre: 2020-06-04}\n"
        "      - unit: public-security-bureau\n        status: done\n        done_on: 2020-06-04\n"
        "        met: {sort-items: 2020-06-04, decide-hall-items: 2020-06-04, "
        "leader-signature: 2020-06-04, file-with-centre: 2020-06-04}\n",
    )
    assert after["windows.yaml"] == before["windows.yaml"]
    assert after["staff.yaml"] == before["staff.yaml"]


def test_example_state_moves_into_history(invoke, data_set) -> None:
    folder = data_set("example")
    before = read_all(folder)
    result = invoke(
        "task", "done", "6", "司法局", "--on", "2020-06-25", "--as-of", "2020-07-01",
        "--data", str(folder),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert (
        "任务 6，司法局：受阻（2020-06-10起） → 已完成（2020-06-25），1 项要求记为当天满足：“业务和礼仪培训”"
        in result.stdout
    )
    assert read_all(folder)["tasks.yaml"] == _replaced(
        before["tasks.yaml"],
        "      - unit: justice-bureau\n        status: blocked\n        since: 2020-06-10\n"
        "        met: {on-site-guidance: 2020-06-09}\n        note: 培训教材未到\n"
        "        history:\n          - {status: in_progress, since: 2020-06-03}\n",
        "      - unit: justice-bureau\n        status: done\n        done_on: 2020-06-25\n"
        "        met: {on-site-guidance: 2020-06-09, training: 2020-06-25}\n"
        "        history:\n          - {status: in_progress, since: 2020-06-03}\n"
        "          - {status: blocked, since: 2020-06-10, note: 培训教材未到}\n",
    )


COMMENTS_CASES = [
    pytest.param(
        ("task", "done", "1", "market-unit", "--on", "2020-06-06", "--evidence", "名单已报齐"),
        "      - unit: market-unit\n        status: in_progress\n"
        "        since: 2020-06-02     # 开始日期\n        # 等公安局的名单\n"
        "        note: '还差 1 人'\n    # 任务一到此为止\n",
        "      - unit: market-unit\n        status: done\n"
        "        done_on: 2020-06-06   # 开始日期\n        # 等公安局的名单\n"
        "        evidence: 名单已报齐\n        history:\n"
        "          - {status: in_progress, since: 2020-06-02, note: '还差 1 人'}\n"
        "    # 任务一到此为止\n",
        id="comments-below-a-dropped-key-and-after-the-entry-stay",
    ),
    pytest.param(
        ("task", "done", "1", "公安局", "--on", "2020-06-05"),
        "        evidence: 名单已报\n      - unit: market-unit\n",
        "        evidence: 名单已报\n      - unit: public-security-bureau\n"
        "        status: done\n        done_on: 2020-06-05\n      - unit: market-unit\n",
        id="new-entry-in-the-order-of-the-responsible-units",
    ),
    pytest.param(
        ("task", "start", "2", "centre", "--on", "2020-06-08"),
        "    progress: []          # 还没有人开始\n\ngoals:\n",
        "    progress:             # 还没有人开始\n      - unit: centre\n"
        "        status: in_progress\n        since: 2020-06-08\n\ngoals:\n",
        id="empty-flow-list-with-a-comment",
    ),
    pytest.param(
        ("goal", "done", "1", "公安局", "--on", "2020-06-20"),
        "      - {unit: public-security-bureau, status: exempt, since: 2020-06-12, "
        "reason: 出入境证件制作对场地有特殊要求}\n",
        "      - {unit: public-security-bureau, status: done, done_on: 2020-06-20, "
        "history: [{status: exempt, since: 2020-06-12, reason: 出入境证件制作对场地有特殊要求}]}\n",
        id="flow-entry-stays-flow",
    ),
    pytest.param(
        ("goal", "done", "1", "market-unit", "--on", "2020-06-20"),
        "          - {status: blocked, since: 2020-06-03, note: 清单模板未下发}\n# 年度目标之后\n",
        "          - {status: blocked, since: 2020-06-03, note: 清单模板未下发}\n"
        "      - unit: market-unit\n        status: done\n        done_on: 2020-06-20\n"
        "# 年度目标之后\n",
        id="appended-below-the-last-entry-above-the-next-section-comment",
    ),
    pytest.param(
        ("duty", "done", "1", "centre", "--on", "2020-06-20"),
        "        status: blocked\n        since: 2020-06-02\n        note: 预算未批\n\n# 文件到此结束\n",
        "        status: done\n        done_on: 2020-06-20\n        history:\n"
        "          - {status: blocked, since: 2020-06-02, note: 预算未批}\n\n# 文件到此结束\n",
        id="end-of-file-comment-stays-last",
    ),
]


@pytest.mark.parametrize(("args", "old", "new"), COMMENTS_CASES)
@pytest.mark.parametrize("encoding", ["plain", "bom-crlf"])
def test_hand_written_file_keeps_its_bytes(
    invoke, data_set, args: tuple[str, ...], old: str, new: str, encoding: str
) -> None:
    folder = data_set("comments")
    tasks = folder / "tasks.yaml"
    if encoding == "bom-crlf":
        tasks.write_bytes(b"\xef\xbb\xbf" + tasks.read_bytes().replace(b"\n", b"\r\n"))
        old, new = old.replace("\n", "\r\n"), new.replace("\n", "\r\n")
    before = read_all(folder)
    result = invoke(*args, "--as-of", "2020-07-01", "--data", str(folder))
    assert result.exit_code == 0, result.stderr
    expected = _replaced(before["tasks.yaml"], old, new)
    assert read_all(folder)["tasks.yaml"] == expected
    assert read_all(folder)["staff.yaml"] == before["staff.yaml"]


STAFF_CASES = [
    pytest.param(
        ("replace", "李娜", "--by", "孙丽", "--on", "2020-06-20", "--approved-on", "2020-06-15",
         "--trained-on", "2020-06-18"),
        "    since: 2020-06-01\n    trained_on: 2020-06-15\n\n  # 市场监督管理窗口\n",
        "    since: 2020-06-01\n    until: 2020-06-19\n    trained_on: 2020-06-15\n"
        "  - name: 孙丽\n    unit: tax-bureau\n    window: tax\n    role: staff\n"
        "    since: 2020-06-20\n    trained_on: 2020-06-18\n    replaces: T002\n"
        "    approved_by_centre: 2020-06-15\n\n  # 市场监督管理窗口\n",
        id="replace-inserts-after-the-old-posting",
    ),
    pytest.param(
        ("move", "刘洋", "--window", "市场监督管理窗口", "--on", "2020-06-20",
         "--approved-on", "2020-06-18"),
        "    since: 2020-06-02\n    trained_on: 2020-06-15\n# 名册到此结束\n",
        "    since: 2020-06-02\n    until: 2020-06-19\n    trained_on: 2020-06-15\n"
        "  - name: 刘洋\n    unit: centre\n    window: market\n    role: staff\n"
        "    since: 2020-06-20\n    trained_on: 2020-06-15\n"
        "    approved_by_centre: 2020-06-18\n# 名册到此结束\n",
        id="move-keeps-the-end-comment-last",
    ),
    pytest.param(
        ("add", "周杰", "--unit", "公安局", "--window", "police", "--role", "staff",
         "--since", "2020-06-20", "--staff-no", "P002"),
        "    since: 2020-06-02\n    trained_on: 2020-06-15\n# 名册到此结束\n",
        "    since: 2020-06-02\n    trained_on: 2020-06-15\n"
        "  - name: 周杰\n    staff_no: P002\n    unit: public-security-bureau\n"
        "    window: police\n    role: staff\n    since: 2020-06-20\n# 名册到此结束\n",
        id="add-appends-above-the-end-comment",
    ),
    pytest.param(
        ("leave", "张伟", "--on", "2020-06-30", "--approved-on", "2020-06-25"),
        "    role: chief   # 首席代表\n    since: 2020-06-01\n    trained_on: 2020-06-15\n",
        "    role: chief   # 首席代表\n    since: 2020-06-01\n    until: 2020-06-30\n"
        "    trained_on: 2020-06-15\n    leave_approved_by_centre: 2020-06-25\n",
        id="leave-adds-until-after-since-and-the-consent-last",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("args", "old", "new"), STAFF_CASES)
def test_hand_written_roster_keeps_its_bytes(
    invoke, data_set, args: tuple[str, ...], old: str, new: str
) -> None:
    folder = data_set("comments")
    before = read_all(folder)
    result = invoke("staff", *args, "--as-of", "2020-07-01", "--data", str(folder))
    assert result.exit_code == 0, result.stderr
    assert read_all(folder)["staff.yaml"] == _replaced(before["staff.yaml"], old, new)
    assert read_all(folder)["tasks.yaml"] == before["tasks.yaml"]


def test_empty_roster_becomes_a_block_list(invoke, data_set) -> None:
    folder = data_set("bundled")
    before = (folder / "staff.yaml").read_bytes()
    result = invoke(
        "staff", "add", "王芳", "--unit", "税务局", "--window", "税务窗口", "--role", "首席代表",
        "--since", "2020-06-03", "--as-of", "2020-06-08", "--data", str(folder),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert (folder / "staff.yaml").read_bytes() == _replaced(
        before,
        "\nstaff: []\n",
        "\nstaff:\n  - name: 王芳\n    unit: tax-bureau\n    window: tax\n    role: chief\n"
        "    since: 2020-06-03\n",
    )


def test_an_edit_that_changes_nothing_on_disk_leaves_other_files_alone(
    invoke, data_set, tmp_path: Path
) -> None:
    folder = data_set("comments")
    stamps = {name: (folder / name).stat().st_mtime_ns for name in ("windows.yaml", "staff.yaml")}
    result = invoke(
        "task", "start", "2", "centre", "--on", "2020-06-08", "--as-of", "2020-07-01",
        "--data", str(folder),
    )  # fmt: skip
    assert result.exit_code == 0
    assert {n: (folder / n).stat().st_mtime_ns for n in stamps} == stamps
    assert "已写入：" in result.stdout
    assert "staff.yaml" not in result.stdout.split("已写入：")[1]
