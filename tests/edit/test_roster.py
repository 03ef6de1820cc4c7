"""staff edits: postings come and go, and the roster keeps who was where when."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.edit.conftest import read_all


def _staff(invoke, folder: Path, *args: str):
    return invoke("staff", *args, "--as-of", "2020-07-01", "--data", str(folder))


def _staffing(invoke, folder: Path, as_of: str) -> dict:
    return invoke(
        "check-staffing", "--data", str(folder), "--as-of", as_of, "--format", "json"
    ).json()


def test_replace_with_approval_keeps_the_roster_clean(invoke, data_set) -> None:
    folder = data_set("comments")
    result = _staff(
        invoke, folder, "replace", "李娜", "--by", "孙丽", "--on", "2020-06-20",
        "--approved-on", "2020-06-15", "--trained-on", "2020-06-18", "--new-staff-no", "T003",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert (
        "孙丽自 2020-06-20 接替李娜（税务窗口，税务局，工作人员），行政服务中心 2020-06-15 同意；"
        "李娜到前一天离岗" in result.stdout
    )
    for day in ("2020-06-19", "2020-06-21"):
        document = _staffing(invoke, folder, day)
        assert document["summary"]["errors"] == 0, document["findings"]
        tax = next(w for w in document["windows"] if w["id"] == "tax")
        assert tax["staffed"] == 2


def test_replacement_approved_afterwards_is_refused(invoke, data_set) -> None:
    folder = data_set("comments")
    before = read_all(folder)
    result = _staff(
        invoke, folder, "replace", "李娜", "--by", "孙丽", "--on", "2020-06-20",
        "--approved-on", "2020-06-25",
    )  # fmt: skip
    assert result.exit_code == 2
    assert "[replacement-not-approved]" in result.stderr
    assert "行政服务中心到 2020-06-25 才同意，不是事先同意" in result.stderr
    assert "这次修改会带来上面的错误，没有写任何文件。" in result.stderr
    assert read_all(folder) == before


def test_a_second_chief_is_refused(invoke, data_set) -> None:
    folder = data_set("comments")
    result = _staff(
        invoke, folder, "add", "周杰", "--unit", "税务局", "--window", "tax", "--role", "chief",
        "--since", "2020-06-20",
    )  # fmt: skip
    assert result.exit_code == 2
    assert (
        "[several-chiefs] 税务局在岗首席代表 2 名（张伟、周杰）；按本数据对“首席代表制”的读法"
        in result.stderr
    )
    assert "方案没有规定人数）只应有 1 名" in result.stderr


def test_ambiguous_names_need_a_staff_number(invoke, data_set) -> None:
    folder = data_set("comments")
    staff = folder / "staff.yaml"
    staff.write_text(
        staff.read_text(encoding="utf-8").replace(
            "  - name: 王芳\n    unit: market-unit",
            "  - name: 王芳\n    staff_no: M001\n    unit: market-unit",
        ),
        encoding="utf-8",
    )
    added = _staff(
        invoke, folder, "add", "王芳", "--staff-no", "P009", "--unit", "centre", "--window", "police",
        "--role", "staff", "--since", "2020-06-20",
    )  # fmt: skip
    assert added.exit_code == 0, added.stderr
    before = read_all(folder)
    result = _staff(
        invoke, folder, "leave", "王芳", "--on", "2020-06-30", "--approved-on", "2020-06-29"
    )
    assert result.exit_code == 2
    assert "“王芳”不止一人：" in result.stderr
    assert "王芳（M001，市场监督管理窗口，市场监管单位）" in result.stderr
    assert "王芳（P009，公安窗口，行政服务中心）" in result.stderr
    assert "请照上面的样子写明是谁，如“王芳（P009，公安窗口，行政服务中心）”" in result.stderr
    assert read_all(folder) == before
    chosen = _staff(
        invoke, folder, "leave", "王芳", "--staff-no", "P009", "--on", "2020-06-30",
        "--approved-on", "2020-06-29",
    )  # fmt: skip
    assert chosen.exit_code == 0, chosen.stderr
    assert (
        "王芳（公安窗口，行政服务中心）2020-06-30 离岗（当天仍在岗），行政服务中心 2020-06-29 同意"
        in chosen.stdout
    )
    by_number = _staff(invoke, folder, "train", "M001", "--on", "2020-06-30")
    assert "已于 2020-06-15 受训" in by_number.stderr


def test_move_and_leave_show_in_check_staffing(invoke, data_set) -> None:
    folder = data_set("comments")
    moved = _staff(
        invoke, folder, "move", "刘洋", "--window", "market", "--on", "2020-06-20",
        "--approved-on", "2020-06-18",
    )  # fmt: skip
    assert moved.exit_code == 0, moved.stderr
    assert "注意：" in moved.stdout
    assert "[under-quota] 公安窗口：行政服务中心应派工作人员 1 名，在岗 0 名" in moved.stdout
    codes = {f["code"] for f in _staffing(invoke, folder, "2020-06-25")["findings"]}
    assert {"under-quota", "over-quota"} <= codes
    assert _staffing(invoke, folder, "2020-06-19")["summary"]["errors"] == 0


def test_train_several_people(invoke, data_set) -> None:
    folder = data_set("comments")
    staff = folder / "staff.yaml"
    staff.write_text(
        staff.read_text(encoding="utf-8").replace("    trained_on: 2020-06-16\n", ""),
        encoding="utf-8",
    )
    result = _staff(invoke, folder, "train", "陈静", "--on", "2020-06-18")
    assert result.exit_code == 0, result.stderr
    assert "陈静（市场监督管理窗口，行政服务中心）2020-06-18 受训" in result.stdout
    assert "    since: 2020-06-01\n    trained_on: 2020-06-18\n" in staff.read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("leave", "孙悟空", "--on", "2020-06-30", "--approved-on", "2020-06-29"),
         "名册中没有“孙悟空”"),
        (("leave", "赵磊", "--on", "2020-06-01", "--approved-on", "2020-06-01"),
         "赵磊在 2020-06-01 不在岗"),
        (("replace", "赵磊", "--by", "钱多", "--on", "2020-06-05", "--approved-on", "2020-06-01"),
         "赵磊自 2020-06-05 才到岗，不能在 2020-06-05 之前一天离岗"),
        (("move", "刘洋", "--window", "police", "--on", "2020-06-20", "--approved-on", "2020-06-18"),
         "刘洋已在公安窗口"),
        (("move", "刘洋", "--window", "nowhere", "--on", "2020-06-20", "--approved-on", "2020-06-18"),
         "没有窗口类别“nowhere”"),
        (("add", "钱多", "--unit", "税务局", "--window", "tax", "--role", "boss", "--since", "2020-06-20"),
         "--role 的值“boss”无效"),
        (("add", "钱多", "--unit", "税务所", "--window", "tax", "--role", "staff", "--since", "2020-06-20"),
         "没有单位“税务所”"),
        (("add", "张伟", "--unit", "公安局", "--window", "police", "--role", "staff", "--since", "2020-06-20"),
         "[double-posting]"),
    ],
)  # fmt: skip
def test_refused_with_the_reason(invoke, data_set, args, message) -> None:
    folder = data_set("comments")
    before = read_all(folder)
    result = _staff(invoke, folder, *args)
    assert result.exit_code == 2, result.stdout
    assert message in result.stderr
    assert read_all(folder) == before


def test_an_old_problem_that_moves_down_a_line_is_not_new(invoke, data_set) -> None:
    folder = data_set("comments")
    staff = folder / "staff.yaml"
    text = staff.read_text(encoding="utf-8")
    double = "  - name: 刘洋\n    unit: centre\n    window: market\n    role: staff\n    since: 2020-06-02\n"
    staff.write_text(
        text.replace("# 名册到此结束\n", double + "# 名册到此结束\n"), encoding="utf-8"
    )
    before = _staffing(invoke, folder, "2020-07-01")
    assert "double-posting" in {f["code"] for f in before["findings"]}
    # the replacement goes in above the double posting, which then names another line
    result = _staff(
        invoke, folder, "replace", "李娜", "--by", "孙丽", "--on", "2020-06-20",
        "--approved-on", "2020-06-15", "--trained-on", "2020-06-18",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr


def test_leave_needs_the_centres_prior_consent(invoke, data_set) -> None:
    # 如遇特殊情况确需变动，派出单位应事先征得行政服务中心同意: a departure is a change too
    folder = data_set("comments")
    before = read_all(folder)
    missing = _staff(invoke, folder, "leave", "刘洋", "--on", "2020-06-30")
    assert missing.exit_code == 2
    assert "缺少选项 --approved-on" in missing.stderr
    late = _staff(
        invoke, folder, "leave", "刘洋", "--on", "2020-06-20", "--approved-on", "2020-06-25"
    )
    assert late.exit_code == 2
    assert (
        "[leave-not-approved] 刘洋在公安窗口到 2020-06-20 离岗，行政服务中心到 2020-06-25 才同意，"
        "不是事先同意" in late.stderr
    )
    assert read_all(folder) == before
    left = _staff(
        invoke, folder, "leave", "刘洋", "--on", "2020-06-20", "--approved-on", "2020-06-18"
    )
    assert left.exit_code == 0, left.stderr
    assert (
        "    until: 2020-06-20\n    trained_on: 2020-06-15\n    leave_approved_by_centre: 2020-06-18\n"
        in (folder / "staff.yaml").read_text(encoding="utf-8")
    )
    codes = {f["code"] for f in _staffing(invoke, folder, "2020-06-25")["findings"]}
    assert "leave-not-approved" not in codes
    log = invoke("log", "--data", str(folder), "--as-of", "2020-07-01", "--format", "json").json()
    assert "离岗：公安窗口（行政服务中心），行政服务中心同意：2020-06-18" in [
        e["change"] for e in log["changes"]
    ]


def test_a_move_approved_after_it_happened_is_refused(invoke, data_set) -> None:
    folder = data_set("comments")
    before = read_all(folder)
    result = _staff(
        invoke, folder, "move", "刘洋", "--window", "market", "--on", "2020-06-20",
        "--approved-on", "2020-06-25",
    )  # fmt: skip
    assert result.exit_code == 2
    assert (
        "[move-not-approved] 刘洋于 2020-06-20 改到市场监督管理窗口（行政服务中心），"
        "行政服务中心到 2020-06-25 才同意，不是事先同意" in result.stderr
    )
    assert read_all(folder) == before


def test_joining_after_the_deadline_with_the_centres_consent_is_not_late(invoke, data_set) -> None:
    folder = data_set("comments")
    args = (
        "add", "周杰", "--unit", "公安局", "--window", "police", "--role", "staff",
        "--since", "2020-06-20", "--trained-on", "2020-06-19", "--dry-run",
    )  # fmt: skip
    unannounced = _staff(invoke, folder, *args)
    assert "[posted-late] 周杰于 2020-06-20 才首次到岗" in unannounced.stdout
    consented = _staff(invoke, folder, *args, "--approved-on", "2020-06-18")
    assert consented.exit_code == 0, consented.stderr
    assert "行政服务中心 2020-06-18 同意" in consented.stdout
    assert "posted-late" not in consented.stdout


def test_one_of_two_namesakes_named_as_listed(invoke, data_set) -> None:
    folder = data_set("comments")
    staff = folder / "staff.yaml"
    text = staff.read_text(encoding="utf-8")
    text += (  # a second 王芳, without a staff number either, at another unit's window
        "  - {name: 王芳, unit: centre, window: police, role: staff, since: 2020-06-03,"
        " trained_on: 2020-06-15}\n"
    )
    staff.write_text(text, encoding="utf-8")
    refused = _staff(
        invoke, folder, "leave", "王芳", "--on", "2020-06-30", "--approved-on", "2020-06-29"
    )
    assert refused.exit_code == 2
    assert "王芳（无工号，市场监督管理窗口，市场监管单位）" in refused.stderr
    assert "王芳（无工号，公安窗口，行政服务中心）" in refused.stderr
    chosen = _staff(
        invoke,
        folder,
        "leave",
        "王芳（公安窗口）",
        "--on",
        "2020-06-30",
        "--approved-on",
        "2020-06-29",
    )
    assert chosen.exit_code == 0, chosen.stderr
    assert "王芳（公安窗口，行政服务中心）2020-06-30 离岗" in chosen.stdout
    numbered = _staff(invoke, folder, "set", "王芳（市场监管单位）", "--new-staff-no", "M001")
    assert numbered.exit_code == 0, numbered.stderr
    assert "：工号 — → M001" in numbered.stdout
    assert _staff(invoke, folder, "train", "M001", "--on", "2020-06-20").exit_code == 2  # trained


def test_staff_set_gives_a_staff_number_after_the_fact(invoke, data_set) -> None:
    folder = data_set("comments")
    _staff(
        invoke, folder, "add", "艾力•艾合买提", "--unit", "centre", "--window", "police",
        "--role", "staff", "--since", "2020-06-20",
    )  # fmt: skip
    staff = (folder / "staff.yaml").read_text(encoding="utf-8")
    assert "name: 艾力·艾合买提" in staff  # the roster's dot, whatever the keyboard typed
    result = _staff(invoke, folder, "set", "艾力・艾合买提", "--new-staff-no", "P100")
    assert result.exit_code == 0, result.stderr
    assert "艾力·艾合买提（公安窗口，行政服务中心）：工号 — → P100" in result.stdout
    assert "staff_no: P100" in (folder / "staff.yaml").read_text(encoding="utf-8")
    found = _staff(
        invoke, folder, "leave", "P100", "--on", "2020-06-30", "--approved-on", "2020-06-29"
    )
    assert found.exit_code == 0, found.stderr
    again = _staff(invoke, folder, "set", "P100", "--new-staff-no", "P100")
    assert again.exit_code == 2
    assert "已是如此" in again.stderr
    nothing = _staff(invoke, folder, "set", "P100")
    assert "没有给出要改的内容" in nothing.stderr


def test_staff_set_renames_and_follows_replaces(invoke, data_set) -> None:
    folder = data_set("comments")
    replaced = _staff(
        invoke, folder, "replace", "李娜", "--by", "孙丽", "--on", "2020-06-20",
        "--approved-on", "2020-06-15",
    )  # fmt: skip
    assert replaced.exit_code == 0, replaced.stderr
    before = (folder / "staff.yaml").read_text(encoding="utf-8")
    assert "replaces: 李娜" in before or "replaces: T" in before
    renamed = _staff(invoke, folder, "set", "李娜", "--new-name", "李 娜")
    assert renamed.exit_code == 0, renamed.stderr
    after = (folder / "staff.yaml").read_text(encoding="utf-8")
    if "replaces: 李娜" in before:
        assert "replaces: 李 娜" in after


@pytest.mark.parametrize(
    "args",
    [
        ("add", "张三", "--unit", "centre", "--window", "police", "--role", "staff",
         "--since", "2020-07-02"),
        ("leave", "刘洋", "--on", "2020-07-02", "--approved-on", "2020-06-29"),
        ("train", "刘洋", "--on", "明天"),
        ("set", "刘洋", "--trained-on", "2020-07-02"),
    ],
    ids=lambda a: a[0],
)  # fmt: skip
def test_no_edit_records_a_day_after_the_report_day(invoke, data_set, args) -> None:
    folder = data_set("comments")
    before = read_all(folder)
    result = _staff(invoke, folder, *args)
    assert result.exit_code == 2
    assert "晚于统计日 2020-07-01：修改只记下已经发生的事" in result.stderr
    assert read_all(folder) == before


def test_a_namesake_with_a_number_beside_one_without_is_told_the_way_out(invoke, data_set) -> None:
    folder = data_set("comments")
    args = ("add", "王芳", "--staff-no", "P009", "--unit", "centre", "--window", "police")
    refused = _staff(invoke, folder, *args, "--role", "staff", "--since", "2020-06-20")
    assert refused.exit_code == 2
    assert "如果这是同名的两个人，请给没有工号的那一位写上工号（staff_no）" in refused.stderr
    assert "hsreform staff set 王芳（市场监督管理窗口） --new-staff-no 工号" in refused.stderr
    numbered = _staff(invoke, folder, "set", "王芳（市场监督管理窗口）", "--new-staff-no", "M001")
    assert numbered.exit_code == 0, numbered.stderr
    added = _staff(invoke, folder, *args, "--role", "staff", "--since", "2020-06-20")
    assert added.exit_code == 0, added.stderr


def test_two_namesakes_alike_but_for_their_first_day_are_numbered_as_advised(
    invoke, data_set
) -> None:
    """Two 王芳 of one unit at one window, neither with a staff number: the advice names
    each by the day they came, and following it twice clears the double posting."""
    folder = data_set("comments")
    staff = folder / "staff.yaml"
    staff.write_text(
        staff.read_text(encoding="utf-8")
        + "  - {name: 王芳, unit: market-unit, window: market, role: chief, since: 2020-06-20,"
        " trained_on: 2020-06-15}\n",
        encoding="utf-8",
    )
    listed = _staff(invoke, folder, "set", "王芳", "--new-staff-no", "M009")
    assert listed.exit_code == 2
    assert "王芳（无工号，市场监督管理窗口，市场监管单位，2020-06-03起）" in listed.stderr
    assert "王芳（无工号，市场监督管理窗口，市场监管单位，2020-06-20起）" in listed.stderr
    advised = [
        "hsreform staff set 王芳（2020-06-20起） --new-staff-no 工号",
        "hsreform staff set 王芳（2020-06-03起） --new-staff-no 工号",
    ]
    for advice, number in zip(advised, ("M002", "M001"), strict=True):
        document = _staffing(invoke, folder, "2020-07-01")
        doubles = [f["message"] for f in document["findings"] if f["code"] == "double-posting"]
        assert len(doubles) == 1, doubles
        assert advice in doubles[0], doubles
        who = advice.split()[3]
        result = _staff(invoke, folder, "set", who, "--new-staff-no", number)
        assert result.exit_code == 0, result.stderr
        assert f"：工号 — → {number}" in result.stdout
    document = _staffing(invoke, folder, "2020-07-01")
    assert not [f for f in document["findings"] if f["code"] == "double-posting"]
    text = staff.read_text(encoding="utf-8")
    assert text.count("staff_no: M001") == 1
    assert "staff_no: M002" in text


def test_replacing_someone_who_has_left_fills_the_place(invoke, data_set) -> None:
    """李娜 left on 06-14 with consent; 孙丽 takes her place from 06-20 (approved 06-18):
    李娜's last day stays as it was, and neither change lacks consent."""
    folder = data_set("comments")
    left = _staff(
        invoke, folder, "leave", "李娜", "--on", "2020-06-14", "--approved-on", "2020-06-10"
    )
    assert left.exit_code == 0, left.stderr
    result = _staff(
        invoke, folder, "replace", "李娜", "--by", "孙丽", "--on", "2020-06-20",
        "--approved-on", "2020-06-18", "--trained-on", "2020-06-18", "--new-staff-no", "T003",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert (
        "孙丽自 2020-06-20 接替李娜（税务窗口，税务局，工作人员），行政服务中心 2020-06-18 同意；"
        "李娜已于 2020-06-14 离岗" in result.stdout
    )
    text = (folder / "staff.yaml").read_text(encoding="utf-8")
    assert text.count("until: 2020-06-14") == 1
    assert "until: 2020-06-19" not in text
    assert "replaces: T002" in text
    codes = {f["code"] for f in _staffing(invoke, folder, "2020-07-01")["findings"]}
    assert not codes & {"leave-not-approved", "replacement-not-approved"}, codes


def test_replacing_someone_who_left_without_consent_is_not_blamed_for_it(invoke, data_set) -> None:
    """The departure's missing consent was there before the replacement, and reads the same."""
    folder = data_set("comments")
    staff = folder / "staff.yaml"
    text = staff.read_text(encoding="utf-8")
    staff.write_text(
        text.replace(
            "    since: 2020-06-01\n    trained_on: 2020-06-15\n\n",
            "    since: 2020-06-01\n    until: 2020-06-14\n    trained_on: 2020-06-15\n\n",
            1,
        ),
        encoding="utf-8",
    )
    before = [f["message"] for f in _staffing(invoke, folder, "2020-07-01")["findings"]]
    assert "李娜在税务窗口到 2020-06-14 离岗，离岗前没有行政服务中心的同意" in "".join(before)
    result = _staff(
        invoke, folder, "replace", "李娜", "--by", "孙丽", "--on", "2020-06-20",
        "--approved-on", "2020-06-18", "--trained-on", "2020-06-18",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    after = [f["message"] for f in _staffing(invoke, folder, "2020-07-01")["findings"]]
    assert [m for m in after if "离岗" in m] == [m for m in before if "离岗" in m]
