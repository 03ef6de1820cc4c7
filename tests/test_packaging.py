"""The sdist and the wheel carry the bundled data; the wheel works in a fresh venv from anywhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

from hsreform import __version__
from tests.conftest import REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # sdist first, then the wheel built from it: what a user installing from PyPI would get
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(REPO)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return out


def test_version_comes_from_one_place(dist: Path) -> None:
    assert {p.name for p in dist.iterdir()} == {
        f"hsreform-{__version__}.tar.gz",
        f"hsreform-{__version__}-py3-none-any.whl",
    }


def test_both_artifacts_carry_the_data(dist: Path) -> None:
    wheel = zipfile.ZipFile(next(dist.glob("*.whl")))
    assert {n for n in wheel.namelist() if n.endswith(".yaml")} == {
        "hsreform/data/windows.yaml",
        "hsreform/data/tasks.yaml",
        "hsreform/data/staff.yaml",
        "hsreform/data/items.yaml",
    }
    with tarfile.open(next(dist.glob("*.tar.gz"))) as sdist:
        names = set(sdist.getnames())
    root = f"hsreform-{__version__}"
    assert {
        f"{root}/data/windows.yaml",
        f"{root}/tests/conftest.py",
        f"{root}/schemas/staff.schema.json",
    } <= names


def test_wheel_in_a_fresh_venv_runs_from_an_empty_folder(dist: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(next(dist.glob("*.whl")))],
        check=True,
        capture_output=True,
        timeout=600,
    )
    empty = tmp_path / "empty"
    empty.mkdir()
    clean_env = {
        k: v for k, v in os.environ.items() if not k.startswith(("HSREFORM_", "VIRTUAL_ENV"))
    }

    def hsreform(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(bin_dir / "hsreform"), *args],
            cwd=empty,
            env=clean_env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    result = hsreform("status", "--as-of", "2020-06-08", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["summary"]["overdue"] == 4
    table = hsreform("status", "--as-of", "2020-06-08")
    assert "硕政办发〔2020〕15号 落实进度（截至 2020-06-08）" in table.stdout
