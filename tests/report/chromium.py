"""Headless Chromium driven over the DevTools protocol through a pipe (no extra library).

Chromium started with `--remote-debugging-pipe` reads protocol messages from file
descriptor 3 and writes its answers to descriptor 4, each message a JSON text ending with
a NUL byte. A small Python step in between puts our pipes on 3 and 4 before it becomes
Chromium, so that nothing depends on which descriptors the test process has free.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

BINARY_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")
A4_WIDTH = 794
"""An A4 page is 210 mm wide: 794 CSS pixels at 96 per inch."""
A4_HEIGHT = 1123

_ON_3_AND_4 = (  # copies above 9 first: dup2 onto a descriptor that is itself is a no-op
    "import fcntl, os, sys\n"
    "a, b = (fcntl.fcntl(int(fd), fcntl.F_DUPFD, 10) for fd in sys.argv[1:3])\n"
    "os.dup2(a, 3); os.dup2(b, 4)\n"
    "os.execv(sys.argv[3], sys.argv[3:])\n"
)


def binary() -> str | None:
    """The Chromium to use, or None when none is installed."""
    for candidate in BINARY_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


class Browser:
    """One headless Chromium; `page(url)` opens a page to question, at A4 width."""

    def __init__(self, executable: str, env: dict[str, str] | None = None) -> None:
        self.profile = tempfile.mkdtemp(prefix="hsreform-chromium-")
        commands_read, self._commands = os.pipe()
        self._answers_fd, answers_write = os.pipe()
        args = [
            executable,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--no-default-browser-check",
            "--hide-scrollbars",
            "--remote-debugging-pipe",
            f"--user-data-dir={self.profile}",
            "about:blank",
        ]
        self.process = subprocess.Popen(
            [sys.executable, "-c", _ON_3_AND_4, str(commands_read), str(answers_write), *args],
            pass_fds=(commands_read, answers_write),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, **(env or {})},
        )
        os.close(commands_read)
        os.close(answers_write)
        self._buffer = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []

    def send(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None
    ) -> Any:
        """Send one command and wait for its answer; events met on the way are kept."""
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._read()
            if answer.get("id") == self._next:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self.events.append(answer)

    def wait_for(self, method: str, session: str | None = None) -> dict[str, Any]:
        """The next event named `method` (perhaps one already received)."""
        for n, event in enumerate(self.events):
            if event.get("method") == method and event.get("sessionId") == session:
                return self.events.pop(n)
        while True:
            event = self._read()
            if event.get("method") == method and event.get("sessionId") == session:
                return event
            self.events.append(event)

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            chunk = os.read(self._answers_fd, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        parsed: dict[str, Any] = json.loads(message)
        return parsed

    def page(self, url: str, width: int = A4_WIDTH, height: int = A4_HEIGHT) -> Page:
        """Open `url` in a new tab of the given window size, and wait until it has loaded."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        page = Page(self, session)
        page.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )
        page.send("Page.enable")
        page.send("Runtime.enable")
        page.send("DOM.enable")
        page.send("CSS.enable")
        page.send("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired", session)
        return page

    def close(self) -> None:
        """Stop Chromium and remove its profile."""
        with contextlib.suppress(RuntimeError, OSError):  # it may have gone already
            self.send("Browser.close")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._commands)
        os.close(self._answers_fd)
        shutil.rmtree(self.profile, ignore_errors=True)


class Page:
    """One tab."""

    def __init__(self, browser: Browser, session: str) -> None:
        self.browser, self.session = browser, session

    def send(self, method: str, params: dict[str, Any] | None = None) -> Any:
        """A command to this tab."""
        return self.browser.send(method, params, self.session)

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        return result["result"].get("value")

    def fonts(self, selector: str) -> list[dict[str, Any]]:
        """The fonts the browser actually used to draw the text of the first `selector`."""
        root = self.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
        node = self.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        fonts: list[dict[str, Any]] = self.send("CSS.getPlatformFontsForNode", {"nodeId": node})[
            "fonts"
        ]
        return fonts

    def screenshot(self, clip: dict[str, float] | None = None, full: bool = True) -> bytes:
        """A PNG of the page (the whole page unless `clip` names a region)."""
        params: dict[str, Any] = {"format": "png", "captureBeyondViewport": full}
        if clip:
            params["clip"] = {**clip, "scale": 1}
        return base64.b64decode(self.send("Page.captureScreenshot", params)["data"])


def no_cjk_fonts(folder: Path) -> dict[str, str]:
    """An environment whose fontconfig knows only DejaVu: what a machine without CJK fonts has."""
    config = folder / "fonts.conf"
    cache = folder / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        "  <dir>/usr/share/fonts/truetype/dejavu</dir>\n"
        f"  <cachedir>{cache}</cachedir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return {"FONTCONFIG_FILE": str(config)}
