"""hsreform authorize: the attachment's letter, filled in, as terminal text, Markdown, HTML and .docx."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import pytest

from tests.conftest import CLEAN, DATA, REPO

BODY = (
    "特委托和硕县行政服务中心税务窗口，在本审批授权书委托权限范围内以本单位的名义行使我单位以下全部"
    "行政审批事项的受理职权，相应的责任由本委托机关承担。"
)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(CLEAN, folder)
    for name in ("items.yaml", "tasks.yaml"):
        shutil.copy(DATA / "items-progress" / name, folder / name)
    return folder


def test_the_docx_reads_back_in_the_attachments_wording_and_order(invoke, data, tmp_path) -> None:
    out = tmp_path / "授权书.docx"
    result = invoke(
        "authorize", "税务局", "--data", str(data), "--as-of", "2020-07-01", "--output", str(out)
    )
    assert result.exit_code == 0, result.stderr
    assert "1 份授权书" in result.stdout
    document = docx.Document(str(out))
    lines = [p.text for p in document.paragraphs if p.text.strip()]
    assert lines == [
        "税务局现场审批服务授权书",
        BODY,
        "1.纳税人登记",
        "2.发票代开",
        "单位主要领导（签字）：",
        "法定代表人（单位盖章）：",
        "2020年6月4日",
    ]
    title = next(p for p in document.paragraphs if p.text == lines[0])
    assert title.runs[0].bold
    assert title.alignment == 1  # centred
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    fonts = document.styles["Normal"].element.rPr.rFonts
    assert (
        fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia")
        == "宋体"
    )


def test_an_unsigned_letter_leaves_the_date_blank(invoke, data) -> None:
    result = invoke("authorize", "市场监管单位", "--data", str(data), "--as-of", "2020-07-01")
    assert result.exit_code == 0, result.stderr
    assert "待签署" in result.stdout
    assert "市场监管单位现场审批服务授权书" in result.stdout
    assert "1.营业执照办理" in result.stdout
    assert "年　　月　　日" in result.stdout
    # signed on 2020-06-04: a day earlier it was a draft still
    before = invoke(
        "authorize", "税务局", "--data", str(data), "--as-of", "2020-06-03", "--format", "markdown"
    )
    assert "2020年6月4日" not in before.stdout
    assert "&emsp;年" in before.stdout


def test_a_unit_without_a_letter_gets_a_draft_per_window_from_its_catalogue(invoke, data) -> None:
    (data / "items.yaml").write_text(
        (data / "items.yaml").read_text(encoding="utf-8").split("letters:")[0], encoding="utf-8"
    )
    result = invoke(
        "authorize",
        "tax-bureau",
        "--data",
        str(data),
        "--as-of",
        "2020-07-01",
        "--format",
        "markdown",
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(
        "# 税务局现场审批服务授权书\n\n" + BODY + "\n\n1.纳税人登记\n\n2.发票代开\n"
    )
    nothing = invoke("authorize", "公安局", "--data", str(data), "--as-of", "2020-07-01")
    assert nothing.exit_code == 2
    assert "无法起草授权书" in nothing.stderr


def test_the_html_page_is_printable_and_escapes_everything(invoke, data, tmp_path) -> None:
    items = data / "items.yaml"
    items.write_text(
        items.read_text(encoding="utf-8").replace("发票代开", "<b>发票*代开</b>"), encoding="utf-8"
    )
    out = tmp_path / "letter.html"
    result = invoke(
        "authorize", "税务局", "--data", str(data), "--as-of", "2020-07-01", "-o", str(out)
    )
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "@page { size: A4;" in page
    for font in ("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "SimSun"):
        assert f'"{font}"' in page  # the stack for Windows, macOS and Linux
    assert "2.&lt;b&gt;发票*代开&lt;/b&gt;" in page
    assert "<b>" not in page
    markdown = invoke(
        "authorize",
        "税务局",
        "--data",
        str(data),
        "--as-of",
        "2020-07-01",
        "-o",
        str(tmp_path / "l.md"),
    )
    assert markdown.exit_code == 0
    assert "2.\\<b\\>发票\\*代开\\<\\/b\\>" in (tmp_path / "l.md").read_text(encoding="utf-8") or (
        "2.\\<b\\>发票\\*代开\\</b\\>" in (tmp_path / "l.md").read_text(encoding="utf-8")
    )


def test_binary_output_never_goes_to_a_terminal(invoke, data, monkeypatch, tmp_path) -> None:
    from hsreform.cli import items as cli

    monkeypatch.setattr(cli, "_to_terminal", lambda: True)
    refused = invoke("authorize", "税务局", "--data", str(data), "--format", "docx")
    assert refused.exit_code == 2
    unknown = invoke("authorize", "税务局", "--data", str(data), "-o", str(tmp_path / "a.pdf"))
    assert unknown.exit_code == 2
    assert ".docx" in unknown.stderr
    window = invoke("authorize", "税务局", "--data", str(data), "--window", "邮政窗口")
    assert window.exit_code == 2


@pytest.mark.slow
def test_docx_goes_to_a_pipe(data) -> None:
    import subprocess
    import sys

    piped = subprocess.run(
        [
            sys.executable,
            "-m",
            "hsreform",
            "authorize",
            "税务局",
            "--data",
            str(data),
            "--as-of",
            "2020-07-01",
            "--format",
            "docx",
        ],
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert piped.returncode == 0, piped.stderr
    document = docx.Document(io.BytesIO(piped.stdout))
    assert document.paragraphs[0].text == "税务局现场审批服务授权书"


def test_one_window_only(invoke, data) -> None:
    result = invoke(
        "authorize", "税务局", "--data", str(data), "--as-of", "2020-07-01", "--window", "税务窗口"
    )
    assert result.exit_code == 0
    assert result.stdout.count("现场审批服务授权书") == 1


EXAMPLE = Path(__file__).parent.parent / "examples" / "rollout-2020"


def test_a_unit_the_plan_does_not_name_never_titles_a_letter(invoke, tmp_path) -> None:
    # 单位派驻审核人员 2 名: the plan gives no name; 市场监督管理窗口派驻单位 is the data's
    # placeholder, so the title leaves the name blank for the office, and says why.
    result = invoke(
        "authorize", "market-regulation-unit", "--data", str(EXAMPLE), "--as-of", "2021-01-01"
    )
    assert result.exit_code == 0, result.stderr
    assert "市场监督管理窗口派驻单位" not in result.stdout
    assert "　　　　　　　　现场审批服务授权书" in result.stdout
    assert (
        "注意：方案没有给出这个单位的名称，“市场监督管理窗口派驻单位”只是数据中的指代，"
        "不能作为正式授权书的抬头" in result.stderr
    )
    out = tmp_path / "授权书.docx"
    written = invoke(
        "authorize", "市场监督管理窗口派驻单位", "--data", str(EXAMPLE), "--as-of", "2021-01-01",
        "--output", str(out),
    )  # fmt: skip
    assert written.exit_code == 0, written.stderr
    title = next(p.text for p in docx.Document(str(out)).paragraphs if p.text.strip())
    assert title == "　　　　　　　　现场审批服务授权书"
    # a named unit keeps its name; a generic one named in the letter by the office (issuer) too
    named = invoke("authorize", "税务局", "--data", str(EXAMPLE), "--as-of", "2021-01-01")
    assert "注意：" not in named.stderr
    folder = tmp_path / "county"
    shutil.copytree(EXAMPLE, folder)
    items = folder / "items.yaml"
    text = items.read_text(encoding="utf-8")
    start = text.index("  - unit: market-regulation-unit\n    window: market-regulation\n")
    items.write_text(
        text[:start]
        + text[start:].replace("    window: market-regulation\n", "    window: market-regulation\n"
        "    issuer: 和硕县市场监督管理局\n", 1),
        encoding="utf-8",
    )  # fmt: skip
    issued = invoke(
        "authorize", "market-regulation-unit", "--data", str(folder), "--as-of", "2021-01-01"
    )
    assert issued.exit_code == 0, issued.stderr
    assert "和硕县市场监督管理局现场审批服务授权书" in issued.stdout
    assert "注意：" not in issued.stderr


def test_a_window_the_unit_has_no_letter_for_names_those_it_has(invoke) -> None:
    example = str(REPO / "examples" / "rollout-2020")
    refused = invoke("authorize", "税务局", "--window", "社保", "--data", example,
                     "--as-of", "2020-07-01")  # fmt: skip
    assert refused.exit_code == 2
    assert refused.stderr.strip() == (
        "税务局在社保窗口没有授权书，事项清单中也没有由社保窗口办理的应进驻事项；"
        "税务局的授权书在：税务窗口、契税收缴窗口、城乡居民养老医疗征缴窗口（去掉 --window 可全部打印）"
    )
    shown = invoke("authorize", "税务局", "--window", "税务", "--data", example,
                   "--as-of", "2020-07-01")  # fmt: skip
    assert shown.exit_code == 0, shown.stderr
    assert "特委托和硕县行政服务中心税务窗口" in shown.stdout
