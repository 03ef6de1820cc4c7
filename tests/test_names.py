"""The one resolver: every name a clerk types finds its unit, window, person, task or
requirement, and a name that finds nothing gets the next step (docs/names.md)."""

from __future__ import annotations

import pytest

from hsreform.common.errors import HsreformError
from hsreform.common.numerals import number
from hsreform.dataset.loader import Dataset, load
from hsreform.dataset.names import DOTS, closest, key, number_of, tidy
from tests.conftest import REPO

EXAMPLE = REPO / "examples" / "rollout-2020"


@pytest.fixture(scope="module")
def ds() -> Dataset:
    loaded = load(EXAMPLE).dataset
    assert loaded is not None
    return loaded


@pytest.mark.parametrize(
    ("typed", "unit"),
    [
        ("tax-bureau", "tax-bureau"),
        ("税务局", "tax-bureau"),
        ("县税务局", "tax-bureau"),  # the alias, as the plan writes it
        ("和硕县税务局", "tax-bureau"),  # the official full name
        (" 税务局　", "tax-bureau"),  # blanks, a full-width one too
        ("TAX-BUREAU", "tax-bureau"),
        ("ｔａｘ－ｂｕｒｅａｕ", "tax-bureau"),  # full-width letters
        ("和硕县委组织部", "organization-department"),  # 县委组织部 with the county before it
        ("和硕县行政服务中心", "centre"),
        ("税\u200b务局", "tax-bureau"),  # a zero-width space copied from Word
    ],
)
def test_a_unit_by_every_name(ds, typed, unit) -> None:
    assert ds.names.unit(typed).id == unit


@pytest.mark.parametrize("dot", [*DOTS, " ", "-", "－", "—", ""])
def test_a_person_whatever_the_dot(ds, dot) -> None:
    found = ds.names.postings(f"艾力{dot}艾合买提")
    assert {p.member.name for p in found} == {"艾力·艾合买提"}


def test_a_new_name_takes_the_rosters_dot() -> None:
    assert tidy(" 艾力•艾合买提 ") == "艾力·艾合买提"
    assert tidy("热依拉 ・ 吐尔洪") == "热依拉·吐尔洪"
    assert tidy("张三") == "张三"
    assert tidy("A.B") == "A.B"  # between Latin letters a dot is a dot


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("6", 6), ("６", 6), ("六", 6), ("第六项", 6), ("第6项", 6), ("（六）", 6), ("6.", 6),
        ("十二", 12), ("二十三", 23), ("一百零五", 105), ("两", 2), ("任务六", None),
        ("x", None), ("", None), ("6.5", None),
    ],
)  # fmt: skip
def test_numbers_as_people_write_them(typed, expected) -> None:
    assert number(typed) == expected


def test_a_task_by_number_or_by_its_title(ds) -> None:
    for typed in ("6", "六", "第六项", "任务六", "任务 6", "礼仪培训"):
        assert ds.names.item("task", typed)[1].number == 6, typed
    assert number_of("目标一", "goal") == 1


def test_no_such_task_says_which_there_are(ds) -> None:
    with pytest.raises(HsreformError) as refused:
        ds.names.item("task", "九")
    assert refused.value.render("zh") == "没有第 9 项任务；任务有第 1-8 项。"
    with pytest.raises(HsreformError) as refused:
        ds.names.item("task", "事项")
    assert "“事项”可指几项任务：1. 事项梳理" in refused.value.render("zh")


def test_a_window_with_or_without_its_word(ds) -> None:
    for typed in ("不动产登记", "不动产登记窗口", "real-estate-registration", "不动产 登记"):
        assert ds.names.window(typed).id == "real-estate-registration"
    assert ds.names.window("12345话务中心窗口").id == "hotline-12345"


def test_a_requirement_by_number_label_or_id(ds) -> None:
    _, task = ds.names.item("task", "8")
    for typed in ("3", "三", "第三项", "纳入政府网站", "on-government-website"):
        assert ds.names.requirement(task, "task", typed).id == "on-government-website"


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("林业和草原局", "林草局"),  # the full name of an abbreviated one
        ("税物局", "税务局"),  # a homophone from the input method
        ("市场监管局", "市场监督管理窗口派驻单位"),
        ("人力资源和社会保障局", "人社局"),
        ("shuiwuju", "税务局"),  # pinyin typed for the name
        ("住房和城乡建设局", "住建局"),
    ],
)
def test_did_you_mean_by_characters_sound_and_abbreviation(ds, typed, suggested) -> None:
    with pytest.raises(HsreformError) as refused:
        ds.names.unit(typed)
    message = refused.value.render("zh")
    assert message.startswith(f"没有单位“{typed}”。是不是：{suggested}"), message
    assert message.endswith("运行 hsreform list units 查看全部。")


def test_a_name_like_nothing_lists_what_there_is(ds) -> None:
    with pytest.raises(HsreformError) as refused:
        ds.names.window("xyz")
    message = refused.value.render("zh")
    assert "可用：税务窗口、社保窗口" in message
    assert closest("xyz", ["税务局"]) == []


def test_not_responsible_names_those_that_are(ds) -> None:
    _, task = ds.names.item("task", "3")
    with pytest.raises(HsreformError) as refused:
        ds.names.responsible("税务局", task, "task")
    assert refused.value.render("zh") == (
        "税务局不是第 3 项任务的责任单位；责任单位：县委组织部、编办、人社局"
    )


def test_several_of_one_name_are_told_apart_as_listed(tmp_path) -> None:
    import shutil

    folder = shutil.copytree(EXAMPLE, tmp_path / "county")
    staff = folder / "staff.yaml"
    staff.write_text(
        staff.read_text(encoding="utf-8")
        + "  - {name: 方娜, unit: social-insurance-centre, window: social-insurance,"
        " role: staff, since: 2020-06-03, trained_on: 2020-06-15}\n",
        encoding="utf-8",
    )
    ds = load(folder).dataset
    assert ds is not None
    assert len(ds.names.postings("方娜")) == 2
    (one,) = ds.names.postings("方娜（社保窗口）")
    assert one.member.staff_no is None
    (two,) = ds.names.postings("方娜(HS001)")
    assert two.member.staff_no == "HS001"
    assert len(ds.names.postings("方娜（无工号，社保中心）")) == 1
    assert ds.names.describe(one.member) == "方娜（无工号，社保窗口，社保中心）"


def test_key_is_what_is_compared() -> None:
    assert key("艾力•艾合买提") == key("艾力·艾合买提") == key("艾力 艾合买提")
    assert key("ＨＳ００１") == key("hs001")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("6.0", 6), ("6.00", 6), ("６．０", 6),  # a whole number as a spreadsheet shows it
        ("陆", 6), ("第陆项", 6), ("拾贰", 12), ("壹佰零伍", 105), ("陸", 6),  # 大写
        ("No.6", 6), ("no. 6", 6), ("#6", 6),
        ("6.5", None), ("60", 60),
    ],
)  # fmt: skip
def test_numbers_as_clerks_also_write_them(typed, expected) -> None:
    assert number_of(typed) == expected


@pytest.mark.parametrize("typed", ["6.0", "陆", "第陆项", "任务陆", "五（六）", "五(六)", "5（6）"])
def test_task_six_whichever_way_it_is_written(ds, typed) -> None:
    """五（六） is how the plan itself numbers task 6 (section 五, item （六））."""
    assert ds.names.item("task", typed)[1].number == 6


def test_words_no_task_answers_to_are_quoted_not_read_as_a_number(ds) -> None:
    with pytest.raises(HsreformError) as refused:
        ds.names.item("task", "培训啊")
    assert refused.value.render("zh").startswith("没有任务“培训啊”：可写任务的序号")


@pytest.mark.parametrize(
    ("typed", "numbers"),
    [
        ("3-6", [3, 4, 5, 6]), ("3—6", [3, 4, 5, 6]), ("3–6", [3, 4, 5, 6]),
        ("3~6", [3, 4, 5, 6]), ("3～6", [3, 4, 5, 6]), ("3至6", [3, 4, 5, 6]),
        ("三到六", [3, 4, 5, 6]), ("2,4", [2, 4]), ("2、4", [2, 4]),
        ("缺2,4-7", [2, 4, 5, 6, 7]),  # as a table shows what is missing
        ("3.0", [3]), ("公开草案、听证论证", [2]),  # a label with a 、 of its own is one
    ],
)  # fmt: skip
def test_requirements_as_the_tables_number_them(ds, typed, numbers) -> None:
    _, task = ds.names.item("task", "8")
    found = ds.names.requirements(task, "task", typed)
    assert [task.requirements.index(r) + 1 for r in found] == numbers


@pytest.mark.parametrize("typed", ["6-3", "3-9", "0-2", "3-"])
def test_a_range_outside_the_requirements_is_refused_with_the_list(ds, typed) -> None:
    _, task = ds.names.item("task", "8")
    with pytest.raises(HsreformError) as refused:
        ds.names.requirements(task, "task", typed)
    assert "可用：1.“五公开和重点领域公开”" in refused.value.render("zh")


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [("swj", "税务局"), ("GAJ", "公安局"), ("rsj", "人社局"), ("lcj", "林草局")],
)
def test_pinyin_initials_suggest_the_unit(ds, typed, suggested) -> None:
    with pytest.raises(HsreformError) as refused:
        ds.names.unit(typed)
    assert refused.value.render("zh").startswith(f"没有单位“{typed}”。是不是：{suggested}？")


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [("户籍", "公安窗口"), ("护照", "公安窗口"), ("发票", "税务窗口、契税收缴窗口")],
)
def test_a_matter_a_window_handles_suggests_the_window(ds, typed, suggested) -> None:
    """The plan's 公安窗口 is 交管、户籍、出入境; a clerk names a window by what it does."""
    with pytest.raises(HsreformError) as refused:
        ds.names.window(typed)
    assert refused.value.render("zh").startswith(f"没有窗口类别“{typed}”。是不是：{suggested}？")
