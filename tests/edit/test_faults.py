"""Edits under stress: parallel processes, kills at random moments, full disks, read-only
folders, a lock someone else holds, and files changed behind an edit's back.

Every fault ends in one clear message, exit code 2, and the files as they were.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from hsreform.dataset.loader import load
from hsreform.edit import progress, session, write
from hsreform.edit.write import TEMP_PREFIX
from tests.edit.conftest import FILES, copy_of, read_all

DAY = ("--as-of", "2020-06-08")
UNITS = (
    "税务局", "社保中心", "医保局", "自然资源局", "发改委",
    "住建局", "公安局", "人社局", "司法局", "财政局",
)  # fmt: skip


def _hsreform(folder: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "hsreform", *args, *DAY, "--data", str(folder)]


def _clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("HSREFORM_")}


def _finish_duty(invoke, folder: Path, *extra: str):
    """The edit most fault tests make: support duty 1 done by the centre on 2020-06-20."""
    args = ("duty", "done", "1", "centre", "--on", "2020-06-20", "--as-of", "2020-07-01")
    return invoke(*args, *extra, "--data", str(folder))


def _temporary(folder: Path) -> list[Path]:
    return list(folder.rglob(TEMP_PREFIX + "*"))


def _raise(code: int):
    def fail(*_: object, **__: object) -> None:
        raise OSError(code, os.strerror(code))

    return fail


@pytest.mark.slow
def test_ten_edits_at_once_all_land(data_set) -> None:
    folder = data_set("bundled")
    processes = [
        subprocess.Popen(
            _hsreform(folder, "task", "done", "1", unit, "--on", "2020-06-04", "--wait", "120"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_clean_env(),
            text=True,
        )
        for unit in UNITS
    ]
    results = [(p.wait(timeout=300), p.communicate()) for p in processes]
    assert [code for code, _ in results] == [0] * 10, [err for _, (_, err) in results]
    loaded = load(folder)
    assert loaded.dataset is not None
    task = loaded.dataset.tasks.tasks[0]
    names = {loaded.dataset.units[e.unit].name for e in task.progress if e.status.value == "done"}
    assert names == set(UNITS)
    assert len(list((folder / ".hsreform" / "journal").glob("*.json"))) == 10


@pytest.mark.slow
def test_a_kill_at_any_moment_leaves_the_old_file_or_the_new(data_set, tmp_path: Path) -> None:
    base = data_set("bundled")
    old = read_all(base)
    request = progress.Request("task", 1, ["税务局"], "done", dt.date(2020, 6, 4))
    planned = session.run(base, dt.date(2020, 6, 8), progress.edit(request), dry_run=True)
    new = {path.name: after for path, (_, after) in planned.files.items()}
    command = ("task", "done", "1", "税务局", "--on", "2020-06-04")
    start = time.perf_counter()
    subprocess.run(
        _hsreform(copy_of("bundled", tmp_path / "timing"), *command), check=True, env=_clean_env()
    )
    duration = time.perf_counter() - start
    rng = random.Random(20200531)
    outcomes = []
    for attempt in range(25):
        folder = copy_of("bundled", tmp_path / f"kill-{attempt}")
        process = subprocess.Popen(
            _hsreform(folder, *command),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=_clean_env(),
        )
        time.sleep(rng.uniform(0.0, duration * 1.1))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        for name in FILES:
            now = (folder / name).read_bytes()
            assert now in (old[name], new.get(name, old[name])), (attempt, name)
        outcomes.append(read_all(folder)["tasks.yaml"] == new["tasks.yaml"])
        loaded = load(folder)
        assert loaded.dataset is not None, loaded.findings
    # Kills at random moments may all land before or after the writing: these land after
    # it began (the journal entry is the first thing an edit writes), while it still runs.
    landed = 0
    for attempt in range(5):
        folder = copy_of("bundled", tmp_path / f"late-kill-{attempt}")
        journal = folder / ".hsreform" / "journal"
        process = subprocess.Popen(
            _hsreform(folder, *command),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=_clean_env(),
        )
        while process.poll() is None and not (journal.is_dir() and any(journal.iterdir())):
            pass
        process.send_signal(signal.SIGKILL)
        landed += process.wait(timeout=60) == -signal.SIGKILL
        for name in FILES:
            assert (folder / name).read_bytes() in (old[name], new.get(name, old[name]))
        assert load(folder).dataset is not None
    assert landed >= 1, "no kill landed after the edit began writing"
    # the next edit runs as usual and clears whatever a killed one left behind
    follow = session.run(
        folder,
        dt.date(2020, 6, 8),
        progress.edit(progress.Request("task", 1, ["公安局"], "done", dt.date(2020, 6, 4))),
    )
    assert follow.written == [folder / "tasks.yaml"]
    assert _temporary(folder) == []
    print(f"kill test: {sum(outcomes)} of 25 killed after writing, one edit takes {duration:.2f} s")


def test_a_leftover_temporary_file_trips_nothing(invoke, data_set) -> None:
    folder = data_set("comments")
    (folder / f"{TEMP_PREFIX}abc.tmp").write_bytes(b"plan: [half a fi")
    assert invoke("validate", "--data", str(folder), "--as-of", "2020-07-01").exit_code == 0
    assert invoke("validate", str(folder), "--as-of", "2020-07-01").exit_code == 0
    result = invoke(
        "task",
        "start",
        "2",
        "centre",
        "--on",
        "2020-06-08",
        "--as-of",
        "2020-07-01",
        "--data",
        str(folder),
    )
    assert result.exit_code == 0, result.stderr
    assert _temporary(folder) == []


@pytest.mark.parametrize("where", ["journal", "data"])
def test_a_full_disk_loses_nothing(invoke, data_set, monkeypatch, where: str) -> None:
    folder = data_set("comments")
    before = read_all(folder)
    if where == "journal":
        monkeypatch.setattr(write.os, "fsync", _raise(errno.ENOSPC))
    else:
        real = session.atomic_write

        def data_fails(path: Path, data: bytes) -> None:
            with monkeypatch.context() as patch:
                patch.setattr(write.os, "fsync", _raise(errno.ENOSPC))
                real(path, data)

        monkeypatch.setattr(session, "atomic_write", data_fails)
    result = _finish_duty(invoke, folder)
    assert result.exit_code == 2
    assert "磁盘已满" in result.stderr
    assert "原来的文件没有改动" in result.stderr
    assert "Traceback" not in result.stderr
    assert read_all(folder) == before
    assert _temporary(folder) == []
    assert invoke("undo", "--data", str(folder)).stderr.strip() == "没有可以撤销的修改。"


@contextlib.contextmanager
def _tmpfs(folder: Path, size: str) -> Iterator[Path]:
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


@pytest.mark.skipif(sys.platform != "linux", reason="tmpfs is Linux")
def test_a_really_full_disk(invoke, tmp_path: Path) -> None:
    with _tmpfs(tmp_path / "small", "128k") as folder:
        copy_of("bundled", tmp_path / "copy")
        for name in FILES:
            (folder / name).write_bytes((tmp_path / "copy" / name).read_bytes())
        before = read_all(folder)
        with open(folder / "filler", "wb", buffering=0) as filler, contextlib.suppress(OSError):
            while True:
                filler.write(b"\0" * 4096)
        result = invoke("task", "done", "1", "税务局", *DAY, "--data", str(folder))
        assert result.exit_code == 2
        assert "磁盘已满" in result.stderr
        assert read_all(folder) == before
        assert _temporary(folder) == []


@pytest.mark.skipif(sys.platform != "linux", reason="tmpfs is Linux")
@pytest.mark.parametrize("state", ["fresh", "edited before"])
def test_a_read_only_folder(invoke, tmp_path: Path, state: str) -> None:
    with _tmpfs(tmp_path / "ro", "1m") as folder:
        copy_of("bundled", tmp_path / "copy")
        for name in FILES:
            (folder / name).write_bytes((tmp_path / "copy" / name).read_bytes())
        if state == "edited before":
            assert (
                invoke("task", "start", "1", "税务局", *DAY, "--data", str(folder)).exit_code == 0
            )
        before = read_all(folder)
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        result = invoke("task", "done", "1", "公安局", *DAY, "--data", str(folder))
        subprocess.run(["mount", "-o", "remount,rw", str(folder)], check=True)
        assert result.exit_code == 2
        assert "文件系统是只读的" in result.stderr
        assert read_all(folder) == before


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES])
def test_a_folder_refusing_writes(invoke, data_set, monkeypatch, code: int) -> None:
    # root writes whatever the mode says: the system's refusal is injected instead
    folder = data_set("comments")
    before = read_all(folder)
    monkeypatch.setattr(write.tempfile, "mkstemp", _raise(code))
    result = _finish_duty(invoke, folder)
    assert result.exit_code == 2
    assert {errno.EROFS: "文件系统是只读的", errno.EACCES: "没有权限"}[code] in result.stderr
    assert read_all(folder) == before


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes whatever the mode")
def test_a_folder_without_write_permission(invoke, data_set) -> None:  # pragma: no cover
    folder = data_set("comments")
    before = read_all(folder)
    folder.chmod(0o555)
    try:
        result = _finish_duty(invoke, folder)
    finally:
        folder.chmod(0o755)
    assert result.exit_code == 2
    assert "没有权限" in result.stderr
    assert read_all(folder) == before


HOLDER = """
import sys, time
from pathlib import Path
from hsreform.edit.lock import locked
with locked(Path(sys.argv[1]), 5):
    print("held", flush=True)
    time.sleep(60)
"""


def _hold_lock(folder: Path) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(folder)],
        stdout=subprocess.PIPE,
        text=True,
        env=_clean_env(),
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "held"
    return holder


def _stop(holder: subprocess.Popen[str]) -> None:
    """Kill -9 the holder, as a crash would."""
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    if holder.stdout is not None:
        holder.stdout.close()


@pytest.mark.slow
def test_a_held_lock_says_who_holds_it(invoke, data_set) -> None:
    folder = data_set("comments")
    before = read_all(folder)
    holder = _hold_lock(folder)
    try:
        started = time.perf_counter()
        result = _finish_duty(invoke, folder, "--wait", "0.5")
        waited = time.perf_counter() - started
    finally:
        _stop(holder)
    assert result.exit_code == 2
    assert f"正被另一个修改占用（进程 {holder.pid}，" in result.stderr
    assert "等了 0.5 秒仍未释放" in result.stderr
    assert waited >= 0.5
    assert read_all(folder) == before


@pytest.mark.slow
def test_a_killed_holder_leaves_no_stale_lock(invoke, data_set) -> None:
    folder = data_set("comments")
    holder = _hold_lock(folder)
    _stop(holder)
    assert (folder / ".hsreform" / "lock.info").exists()  # its note stays behind, harmlessly
    result = _finish_duty(invoke, folder, "--wait", "5")
    assert result.exit_code == 0, result.stderr
    assert not (folder / ".hsreform" / "lock.info").exists()


def test_a_file_changed_behind_the_edits_back_is_not_overwritten(
    invoke, data_set, monkeypatch
) -> None:
    folder = data_set("comments")
    real = session.check_files
    calls = []

    def meanwhile(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 2:  # someone saves tasks.yaml while the edit is being checked
            with open(folder / "tasks.yaml", "a", encoding="utf-8") as stream:
                stream.write("# 别人刚加的一行\n")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(session, "check_files", meanwhile)
    result = _finish_duty(invoke, folder)
    assert result.exit_code == 2
    assert "tasks.yaml 在读取之后被别人改动了；为免覆盖别人的修改，没有写入" in result.stderr
    assert (folder / "tasks.yaml").read_text(encoding="utf-8").endswith("# 别人刚加的一行\n")
