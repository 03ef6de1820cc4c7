"""LibreOffice, as an office prints: a document converted to PDF, read back page by page.

`soffice --headless --convert-to pdf` lays a workbook or a Word document out as Excel, WPS
or Word would print it. The tests that need it skip, saying why, where it is not installed
(`.ci/run` installs libreoffice-calc and libreoffice-writer).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(document: Path) -> Path:
    """`document` printed to a PDF beside it, by LibreOffice; the test skips without it."""
    if SOFFICE is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice (soffice) or pdftotext is not installed")
    profile = document.parent / "lo-profile"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(document.parent),
            str(document),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = document.with_suffix(".pdf")
    assert pdf.exists(), f"LibreOffice printed no {pdf.name}"
    return pdf


def pages(pdf: Path) -> list[str]:
    """The text of each page of `pdf`."""
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """The width and height of each page, in points."""
    out = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    sizes = []
    for line in out.splitlines():
        if line.startswith("Page") and "size:" in line:
            width, _, height = line.split("size:")[1].split()[:3]
            sizes.append((float(width), float(height)))
    return sizes
