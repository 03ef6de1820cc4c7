"""The HTML report in a real browser: headless Chromium renders it at A4 width.

Skipped, saying why, only where no Chromium is installed (`.ci/run` installs Debian's
chromium and fonts-noto-cjk). Chinese glyphs are checked two ways: the browser reports
which font drew the title (a CJK font, with glyphs), and the same title rendered where
fontconfig knows no CJK font (tofu boxes) looks different.
"""

from __future__ import annotations

import io
import subprocess

import pytest
from PIL import Image, ImageChops
from typer.testing import CliRunner

from hsreform.cli import app
from tests.conftest import REPO
from tests.report import chromium
from tests.report.conftest import SCRIPT

BINARY = chromium.binary()
pytestmark = [
    pytest.mark.slow,
    pytest.mark.browser,
    pytest.mark.skipif(
        BINARY is None,
        reason="no Chromium installed: apt-get install chromium fonts-noto-cjk (.ci/run does) "
        "to render the HTML report in a real browser",
    ),
]
CJK_FAMILIES = ("CJK", "YaHei", "PingFang", "SimSun", "Source Han", "WenQuanYi", "Hiragino")
EXAMPLE = ("--data", str(REPO / "examples" / "rollout-2020"), "--as-of", "2020-06-25")


def _cjk_fonts_installed() -> bool:
    try:
        found = subprocess.run(
            ["fc-list", ":lang=zh", "family"],
            check=False,
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return bool(found.stdout.strip())


def _html(target, *args: str):
    result = CliRunner().invoke(app, ["report", *args, "--output", str(target)])
    assert result.exit_code in (0, 1), result.output
    return target


@pytest.fixture(scope="module")
def browser():
    assert BINARY is not None
    running = chromium.Browser(BINARY)
    yield running
    running.close()


@pytest.fixture(scope="module")
def report_page(tmp_path_factory):
    return _html(tmp_path_factory.mktemp("html") / "report.html", *EXAMPLE)


def _is_cjk(font: dict) -> bool:
    return any(name in font["familyName"] for name in CJK_FAMILIES)


def test_the_report_renders_at_a4_width(browser, report_page) -> None:
    page = browser.page(report_page.as_uri())
    title = "硕政办发〔2020〕15号 落实情况报告（截至 2020-06-25）"
    assert page.evaluate("document.title") == title
    assert page.evaluate("document.querySelector('h1').textContent") == title
    text = page.evaluate("document.body.innerText")
    assert "人社局" in text
    assert "文化体育广播电视和旅游局" in text
    assert page.evaluate("window.innerWidth") == chromium.A4_WIDTH
    assert page.evaluate("document.documentElement.scrollWidth") <= chromium.A4_WIDTH
    wide = page.evaluate(
        "[...document.querySelectorAll('table')].filter(t => t.scrollWidth > t.clientWidth).length"
    )
    assert wide == 0
    image = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    assert image.width == chromium.A4_WIDTH
    assert image.height > 2000  # the whole page, not a blank first screen
    colours = image.getcolors(maxcolors=1 << 24) or []
    assert len(colours) > 50
    white = next((n for n, colour in colours if colour == (255, 255, 255)), 0)
    assert white < 0.97 * image.width * image.height  # something is drawn


def test_chinese_glyphs_are_drawn_not_tofu(browser, report_page, tmp_path) -> None:
    if not _cjk_fonts_installed():
        pytest.skip("no CJK font installed (apt-get install fonts-noto-cjk)")
    page = browser.page(report_page.as_uri())
    used = page.fonts("h1")
    assert any(_is_cjk(f) and f["glyphCount"] >= 10 for f in used), used
    box = page.evaluate(
        "(() => { const r = document.querySelector('h1').getBoundingClientRect();"
        " return {x: r.x, y: r.y, width: r.width, height: r.height}; })()"
    )
    with_fonts = Image.open(io.BytesIO(page.screenshot(clip=box, full=False))).convert("RGB")

    bare = chromium.Browser(BINARY, env=chromium.no_cjk_fonts(tmp_path / "fontconfig"))
    try:
        tofu_page = bare.page(report_page.as_uri())
        assert not any(_is_cjk(f) for f in tofu_page.fonts("h1"))
        tofu = Image.open(io.BytesIO(tofu_page.screenshot(clip=box, full=False))).convert("RGB")
    finally:
        bare.close()
    assert with_fonts.size == tofu.size
    assert ImageChops.difference(with_fonts, tofu).getbbox() is not None


def test_a_script_name_stays_text_in_the_browser(browser, hostile, tmp_path) -> None:
    target = _html(tmp_path / "hostile.html", "--data", str(hostile), "--as-of", "2020-07-01")
    page = browser.page(target.as_uri())
    assert page.evaluate("document.scripts.length") == 0
    assert SCRIPT in page.evaluate("document.body.innerText")
    assert page.evaluate("document.querySelectorAll('script').length") == 0
    assert not any(e.get("method") == "Page.javascriptDialogOpening" for e in browser.events)
