"""hsreform/reading/confined.py: the guard for paths from data, the journal and arguments."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from hsreform.common.errors import HsreformError
from hsreform.reading import confined


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("tasks.yaml", True),
        ("事项.yaml", True),
        ("", False),
        (".", False),
        ("..", False),
        ("../x", False),
        ("/etc/passwd", False),
        ("a\\b", False),
        ("a\x00b", False),
        ("C:x", False),
        (3, False),
        (None, False),
    ],
)
def test_file_names(name: object, ok: bool) -> None:
    assert confined.file_name(name) is ok


def _key(call) -> str:
    with pytest.raises(HsreformError) as caught:
        call()
    return caught.value.key


def test_folders_are_made_and_links_refused(tmp_path: Path) -> None:
    made = confined.folder(tmp_path, "a", "b")
    assert made == tmp_path / "a" / "b"
    assert made.is_dir()
    assert confined.folder(tmp_path, "a", "b") == made  # again: already there
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "elsewhere")
    assert _key(lambda: confined.folder(tmp_path, "link", "b")) == "confined.symlink"
    assert not (tmp_path / "elsewhere" / "b").exists()
    (tmp_path / "file").write_text("x")
    assert _key(lambda: confined.folder(tmp_path, "file")) == "confined.special"
    assert _key(lambda: confined.folder(tmp_path / "file", "x")) == "edit.not_writable"


def test_plain_files(tmp_path: Path) -> None:
    assert confined.plain(tmp_path / "missing", "missing") is False
    (tmp_path / "f").write_text("x")
    assert confined.plain(tmp_path / "f", "f") is True
    (tmp_path / "l").symlink_to(tmp_path / "f")
    assert _key(lambda: confined.plain(tmp_path / "l", "l")) == "confined.symlink"
    assert _key(lambda: confined.plain(tmp_path, "d")) == "confined.directory"
    assert _key(lambda: confined.plain(tmp_path / "f" / "x", "x")) == "edit.unreadable"


def test_read(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"12345")
    assert confined.read(path, "f", 5) == b"12345"
    assert _key(lambda: confined.read(path, "f", 4)) == "confined.too_large"
    with pytest.raises(FileNotFoundError):
        confined.read(tmp_path / "missing", "missing", 5)
    (tmp_path / "l").symlink_to(path)
    assert _key(lambda: confined.read(tmp_path / "l", "l", 5)) == "confined.symlink"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "p"
    os.mkfifo(fifo)
    keys: list[str] = []
    thread = threading.Thread(target=lambda: keys.append(_key(lambda: confined.read(fifo, "p", 9))))
    thread.start()
    thread.join(30)
    if thread.is_alive():
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("reading a FIFO blocked")
    assert keys == ["confined.special"]


@pytest.mark.parametrize(
    ("code", "key"), [(40, "confined.symlink"), (13, "edit.unreadable"), (2, None)]
)
def test_a_file_that_changes_between_the_look_and_the_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, key: str | None
) -> None:
    """A symlink or a removal put in place after `plain` looked, or a permission refused."""
    import errno

    path = tmp_path / "f"
    path.write_bytes(b"x")
    code = {40: errno.ELOOP, 13: errno.EACCES, 2: errno.ENOENT}[code]

    def refuse(*_: object, **__: object) -> int:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "open", refuse)
    if key is None:
        with pytest.raises(FileNotFoundError):
            confined.read(path, "f", 5)
    else:
        assert _key(lambda: confined.read(path, "f", 5)) == key


def test_a_file_that_grows_while_read_or_fails_to_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"123456789")
    real_fstat = os.fstat

    def small(fd: int) -> os.stat_result:
        info = real_fstat(fd)
        return os.stat_result((info.st_mode, 0, 0, 0, 0, 0, 1, 0, 0, 0))

    monkeypatch.setattr(os, "fstat", small)
    assert _key(lambda: confined.read(path, "f", 5)) == "confined.too_large"
    monkeypatch.undo()

    def fail(*_: object) -> bytes:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "read", fail)
    assert _key(lambda: confined.read(path, "f", 50)) == "edit.unreadable"


def test_a_folder_made_meanwhile_by_another_edit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def made_by_another(self: Path, *_: object, **__: object) -> None:
        os.mkdir(self)
        raise FileExistsError(17, "File exists")

    monkeypatch.setattr(Path, "mkdir", made_by_another)
    assert confined.folder(tmp_path, "x").is_dir()


def test_a_folder_that_cannot_be_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: Path, *_: object, **__: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", refuse)
    assert _key(lambda: confined.folder(tmp_path, "x")) == "edit.not_writable"
