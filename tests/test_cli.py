"""The command line as a user meets it: bundled data, languages, help, and usage errors."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from hsreform import __version__
from tests.conftest import REPO


def test_bundled_data_validates_with_warnings_only(invoke) -> None:
    result = invoke("validate", "--format", "json")
    document = result.json()
    assert result.exit_code == 0
    assert document["summary"]["errors"] == 0
    assert {f["code"] for f in document["findings"]} == {
        "departments-unnamed",
        "unit-unnamed",
        "group-unnamed-members",
        "group-incomplete",
    }
    assert invoke("validate", "--fail-on", "warning").exit_code == 1


def test_bundled_staffing_figures(invoke) -> None:
    document = invoke("check-staffing", "--as-of", "2020-06-08", "--format", "json").json()
    assert len(document["windows"]) == 20
    assert (document["summary"]["windows"], document["summary"]["quota"]) == (55, 57)
    assert set(document) == {"as_of", "findings", "omitted", "windows", "summary", "before_issue"}
    assert document["omitted"] == []
    assert set(document["summary"]) == {"windows", "quota", "staffed", "errors", "warnings"}
    assert all(set(w) == {"id", "name", "count", "quota", "staffed"} for w in document["windows"])
    assert all(
        set(f) == {"code", "severity", "message", "file", "line", "column"}
        for f in document["findings"]
    )
    plan_warning = [f for f in document["findings"] if f["code"] == "fewer-staff-than-windows"]
    assert [f["message"] for f in plan_warning] == [
        "工程建设项目审批窗口：方案设 5 个窗口，只配 4 名工作人员，总有窗口无人"
    ]


@pytest.mark.parametrize(
    "args",
    [
        ("status", "--as-of", "2020-06-08"),
        ("status", "--as-of", "2020-06-08", "--lang", "en"),
        ("check-staffing", "--as-of", "2020-06-08"),
        ("validate",),
        ("--help",),
        ("status", "--help"),
    ],
)
def test_output_fits_80_columns(invoke, args) -> None:
    result = invoke(*args)
    widest = max(cell_len(line) for line in result.stdout.splitlines())
    # finding lines are left to the terminal to wrap; everything laid out by us fits
    laid_out = [line for line in result.stdout.splitlines() if ".yaml:" not in line]
    assert max(cell_len(line) for line in laid_out) <= 80, widest


def test_status_table_reads_as_the_plan(invoke) -> None:
    out = invoke("status", "--as-of", "2020-06-08").stdout
    assert "硕政办发〔2020〕15号 落实进度（截至 2020-06-08）" in out
    assert "逾期3天" in out
    assert "即将到期" in out
    assert "共 9 项：已逾期 4、即将到期 1、未开始 4。" in out


def test_english_on_request(invoke) -> None:
    out = invoke("status", "--as-of", "2020-06-08", "--lang", "en").stdout
    assert "3 days overdue" in out
    env = invoke("validate", env={"HSREFORM_LANG": "en"}).stdout
    assert "the plan does not name this unit" in env
    assert "警告" not in env


def test_markup_in_data_is_shown_as_written(invoke, case) -> None:
    folder = case("clean")
    tasks = (
        (folder / "tasks.yaml")
        .read_text(encoding="utf-8")
        .replace("选派骨干力量进驻", '"[red]选派[/red]"')
    )
    (folder / "tasks.yaml").write_text(tasks, encoding="utf-8")
    assert (
        "[red]选派[/red]" in invoke("status", "--data", str(folder), "--as-of", "2020-06-01").stdout
    )


def test_version(invoke) -> None:
    assert invoke("--version").stdout == f"hsreform {__version__}\n"


def test_help_is_chinese_and_lists_every_command(invoke) -> None:
    out = invoke("--help").stdout
    for command in ("validate", "status", "check-staffing"):
        assert command in out
    assert "选项" in out
    assert "显示帮助并退出" in out
    for command in ("validate", "status", "check-staffing"):
        sub = invoke(command, "--help")
        assert sub.exit_code == 0
        assert "--as-of" in sub.stdout
        assert "统计日" in sub.stdout


def test_no_arguments_shows_help(invoke) -> None:
    result = invoke()
    assert "validate" in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("status", "--as-of", "2020-02-30"), "无法识别的日期“2020-02-30”"),
        (("status", "--as-of", "明年"), "无法识别的日期“明年”"),
        (("status", "--format", "xml"), "--format 的值“xml”无效；可选：终端表格、json"),
        (
            ("status", "--fail-on", "error"),
            "--fail-on 的值“error”无效；可选：从不、已逾期、受阻、即将到期",
        ),
        (("status", "--fail-on", "逾"), "是不是：已逾期"),
        (("status", "--soon", "-1"), "--soon 的值“-1”不是天数；写 3、三 或 3天"),
        (("status", "--soon", "three"), "--soon 的值“three”不是天数"),
        (("status", "--lang", "fr"), "--lang 只能是 zh 或 en"),
        (("status", "--colour"), "没有选项 --colour"),
        (("status", "--formt", "json"), "是不是想用 --format"),
        (("stauts",), "没有命令“stauts”。是不是想用 status"),
        (("status", "--data"), "选项 --data 需要一个值"),
        (("status", "extra"), "多余的参数：extra"),
        (("validate", str(REPO / "README.md")), "不是数据文件"),
        (("validate", "nowhere"), "找不到 nowhere"),
        (("validate", "nowhere", "--data", "."), "--data 和 PATH 只能用一个"),
        (("status", "--unit", "县人民政府各部门"), "是单位组（20 个单位：税务局、社保中心"),
        (("status", "--unit", "县人民政府各部门"), "）；这里要写其中的一个单位"),
        (("status", "--goal", "2"), "没有第 2 项年度目标；年度目标有第 1 项。"),
        (("status", "--task", "第九项"), "没有第 9 项任务；任务有第 1-8 项。"),
        (("status", "--unit", "林业和草原局"), "没有单位“林业和草原局”。是不是：林草局？"),
        (("status", "--unit", "税物局"), "没有单位“税物局”。是不是：税务局？"),
        (("status", "--unit", "xyz"), "运行 hsreform list units 查看全部。"),
        (("status", "--task", "1", "--unit", "centre"), "行政服务中心不是第 1 项任务的责任单位"),
        (("status", "--task", "1", "--unit", "centre"), "；责任单位：税务局、社保中心"),
    ],
)
def test_usage_errors_are_one_chinese_message_and_exit_2(invoke, args, message: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert "Error" not in result.stderr


def test_usage_errors_in_english(invoke) -> None:
    result = invoke("status", "--colour", "--lang", "en")
    assert "No such option: --colour" in result.stderr
    assert invoke("status", "--as-of", "x", env={"HSREFORM_LANG": "en"}).stderr.startswith(
        "'x' is not a day"
    )


def test_bad_language_in_the_environment(invoke) -> None:
    result = invoke("status", env={"HSREFORM_LANG": "fr"})
    assert result.exit_code == 2
    assert "HSREFORM_LANG 只能是 zh 或 en" in result.stderr


@pytest.mark.parametrize(
    ("as_of", "expected"), [("2020/6/8", "2020-06-08"), ("2020年6月8日", "2020-06-08")]
)
def test_as_of_forms(invoke, as_of: str, expected: str) -> None:
    assert invoke("status", "--as-of", as_of, "--format", "json").json()["as_of"] == expected


def test_validate_accepts_data_files_and_folders(invoke, case) -> None:
    folder = case("totals-mismatch")
    by_file = invoke(
        "validate", str(folder / "windows.yaml"), str(folder / "staff.yaml"), "--format", "json"
    )
    by_folder = invoke("validate", str(folder), "--format", "json")
    assert by_file.json() == by_folder.json()
    assert len(by_file.json()["findings"]) == 5


def test_validate_reads_dot_data(invoke, case, tmp_path, monkeypatch) -> None:
    case("totals-mismatch").rename(tmp_path / "data")
    assert invoke("validate").exit_code == 1


@pytest.mark.parametrize(
    "command", [(), ("validate",), ("status",), ("check-staffing",), ("schema",)]
)
def test_help_wraps_chinese_instead_of_cutting_it(invoke, command) -> None:
    out = invoke(*command, "--help").stdout
    assert "…" not in out
    assert "Install completion" not in out


def test_unit_by_any_spelling_of_its_name(invoke, case) -> None:
    import unicodedata

    folder = case("clean")
    windows = (folder / "windows.yaml").read_text(encoding="utf-8")
    (folder / "windows.yaml").write_text(windows.replace("name: 公安局", "name: 公安局Gülnar"))
    query = " " + unicodedata.normalize("NFD", "公安局Gülnar") + " "
    result = invoke("status", "--data", str(folder), "--as-of", "2020-07-01", "--unit", query)
    assert result.exit_code == 0, result.stderr
    assert "公安局Gülnar的任务" in result.stdout


def test_unit_never_the_first_of_several(case) -> None:
    from hsreform.common.errors import HsreformError
    from hsreform.dataset.loader import load

    folder = case("clean")
    windows = (folder / "windows.yaml").read_text(encoding="utf-8")
    (folder / "windows.yaml").write_text(windows.replace("name: 公安局", "name: 税务局"))
    dataset = load(folder).dataset
    assert dataset is not None
    assert [u.id for u in dataset.find_units("税务局")] == ["tax-bureau", "public-security-bureau"]
    with pytest.raises(HsreformError) as refused:
        dataset.names.unit("税务局")
    assert "tax-bureau、public-security-bureau" in refused.value.render("zh")


def test_clicks_english_never_stands_in_a_chinese_message() -> None:
    from typer._click import exceptions as click_exc

    from hsreform.cli.locale import _usage_message

    odd = click_exc.UsageError("Something odd.")
    assert _usage_message(odd, "zh") == "命令行有误。"
    assert _usage_message(odd, "en") == "Invalid command line: Something odd."
    path = click_exc.BadParameter("Directory 'x' is not readable.", param_hint="--data")
    assert _usage_message(path, "zh") == "--data 的值无效。"
    assert "is not readable" in _usage_message(path, "en")


def test_shared_options_before_the_command(invoke) -> None:
    example = str(REPO / "examples" / "rollout-2020")
    after = invoke("status", "--data", example, "--as-of", "2020-06-25", "--format", "json")
    before = invoke("--data", example, "--as-of=2020-06-25", "--format", "json", "status")
    assert before.exit_code == after.exit_code == 0, before.stderr
    assert before.stdout == after.stdout
    task = invoke("--data", example, "--as-of", "2020-06-25", "task", "show", "六")
    assert task.exit_code == 0, task.stderr
    assert "第 6 项任务：开展业务和礼仪培训" in task.stdout
    refused = invoke("--format", "json", "task", "done", "1", "税务局", "--data", example)
    assert refused.exit_code == 2
    assert "hsreform task done 没有选项 --format" in refused.stderr
    assert "选项" in invoke("--data", example, "--help").stdout


def test_list_what_can_be_named(invoke) -> None:
    example = ("--data", str(REPO / "examples" / "rollout-2020"), "--as-of", "2020-06-25")
    units = invoke("list", "单位", *example, "--format", "json").json()
    tax = next(u for u in units["names"] if u["id"] == "tax-bureau")
    assert tax["also"] == ["县税务局", "和硕县税务局"]
    assert any(g["id"] == "county-departments" for g in units["groups"])
    windows = invoke("list", "windows", *example)
    assert "不动产登记窗口" in windows.stdout
    assert "不动产登记" in windows.stdout
    requirements = invoke("list", "requirements", "--task", "八", *example, "--format", "json")
    assert [r["label"] for r in requirements.json()["names"]][2] == "纳入政府网站"
    refused = invoke("list", "units", "--task", "1", *example)
    assert refused.exit_code == 2
    assert "只用于 list requirements" in refused.stderr
