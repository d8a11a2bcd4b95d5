"""Every read of a plan path is bounded and non-blocking, at any time.

A plan can become a FIFO, a device or a link to ``/dev/zero`` while socialtui
has it open (git checks out symlinks; anybody can ``mkfifo``). Loading, the
changed-on-disk check before a save, backups, ``restore``, the lock file and the
settings must all answer at once with a clear message: never block, never read
a gigabyte. Each test runs under an alarm, so a read that blocks fails the test
instead of hanging the suite.
"""

from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

import pytest

from socialtui import store
from socialtui.session import ChangedOnDisk, Session
from socialtui.store import backup, config, lock
from socialtui.store.files import FileRefused, read_bounded
from tests.cli.conftest import run  # noqa: F401  (the fixture)

FIXTURES = Path(__file__).parent.parent / "fixtures"


class Blocked(BaseException):
    """A read blocked (not an OSError: nothing may swallow it)."""


@pytest.fixture(autouse=True)
def no_hang():
    """Fail (SIGALRM) rather than hang when a read blocks."""

    def alarm(signum, frame):
        raise Blocked("a read blocked")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(10)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def plans(data_dir: Path) -> Path:
    return data_dir / "plans"


def a_plan(plans: Path, name: str = "studio.toml") -> Path:
    plans.mkdir(parents=True, exist_ok=True)
    path = plans / name
    shutil.copyfile(FIXTURES / "overcommitted.toml", path)
    path.chmod(0o600)
    return path


def make_fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def make_zero_link(path: Path) -> None:
    path.unlink()
    path.symlink_to("/dev/zero")


HOSTILE = {"fifo": make_fifo, "dev-zero": make_zero_link}


# -- read_bounded -----------------------------------------------------------------------


def test_read_bounded_reads_a_regular_file_and_refuses_the_rest(tmp_path: Path):
    small = tmp_path / "small"
    small.write_bytes(b"12345")
    data, info = read_bounded(small, 5)
    assert data == b"12345" and info.st_size == 5
    with pytest.raises(FileRefused, match="the file is 5 bytes; at most 4 bytes"):
        read_bounded(small, 4)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(FileRefused, match="named pipe"):
        read_bounded(fifo, 100)
    with pytest.raises(FileRefused, match="a device"):
        read_bounded("/dev/zero", 100)
    with pytest.raises(FileRefused, match="a directory"):
        read_bounded(tmp_path, 100)


def test_a_directory_is_named_by_its_path_not_by_a_descriptor(tmp_path: Path):
    with pytest.raises(store.PlanLoadError) as caught:
        store.load(tmp_path)
    assert str(caught.value) == f"{tmp_path}:1:1: this is a directory, not a regular file"


def test_socialtui_open_of_a_directory_names_the_directory(run, tmp_path: Path):  # noqa: F811
    done = run("open", str(tmp_path))
    assert done.returncode == 2
    assert f"socialtui: {tmp_path}" in done.stderr
    assert ": 3:" not in done.stderr and "None" not in done.stderr


# -- after the plan was loaded ---------------------------------------------------------


@pytest.mark.parametrize("become", sorted(HOSTILE))
def test_the_check_before_a_save_does_not_block_or_read_forever(
    tmp_path: Path, plans: Path, data_dir: Path, become: str
):
    from dataclasses import replace

    path = a_plan(plans)
    session = Session(data_dir, locking=False)
    held = session.hold(path)
    HOSTILE[become](path)
    started = time.monotonic()
    assert store.changed_on_disk(held.loaded)
    with pytest.raises(ChangedOnDisk) as caught:
        held.save(replace(held.loaded.plan, name="Edited"))
    assert time.monotonic() - started < 2
    assert not caught.value.gone
    expected = "a named pipe (FIFO)" if become == "fifo" else "a device"
    assert caught.value.reason == f"it is now {expected}"


@pytest.mark.parametrize("become", sorted(HOSTILE))
def test_a_backup_of_a_plan_that_became_a_fifo_or_a_device_is_refused(
    plans: Path, data_dir: Path, become: str
):
    path = a_plan(plans)
    HOSTILE[become](path)
    with pytest.raises(FileRefused):
        backup.snapshot(path, data_dir)
    assert not backup.list_backups(path, data_dir)


@pytest.mark.parametrize("become", sorted(HOSTILE))
def test_restore_over_a_fifo_or_dev_zero_is_a_clear_error_and_leaves_no_lock(
    run,  # noqa: F811
    plans: Path,
    data_dir: Path,
    become: str,
):
    path = a_plan(plans)
    backup.snapshot(path, data_dir)
    HOSTILE[become](path)
    started = time.monotonic()
    done = run("restore", "studio", "1")
    elapsed = time.monotonic() - started
    assert done.returncode == 2, done.stderr
    assert elapsed < 15
    assert done.stderr.count("\n") == 1
    kind = "named pipe (FIFO)" if become == "fifo" else "a device"
    assert kind in done.stderr and "MemoryError" not in done.stderr
    assert not (plans / ".studio.toml.lock").exists()
    assert os.path.islink(path) if become == "dev-zero" else path.is_fifo()


def test_a_lock_file_that_is_a_fifo_is_read_as_garbled(plans: Path):
    path = a_plan(plans)
    os.mkfifo(lock.lock_path(path))
    holder = lock.read_holder(lock.lock_path(path))
    assert holder is not None and holder.garbled


def test_settings_that_are_a_fifo_read_as_none(tmp_path: Path, monkeypatch):
    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setenv("SOCIALTUI_CONFIG_DIR", str(folder))
    os.mkfifo(folder / "config.toml")
    assert config.load_settings() == {}


# -- in the app -----------------------------------------------------------------------


@pytest.mark.parametrize("become", sorted(HOSTILE))
async def test_the_app_stays_responsive_when_the_plan_becomes_a_fifo(
    plans: Path, data_dir: Path, become: str
):
    from socialtui.tui.screens.dialogs import ConflictScreen
    from tests.tui.conftest import make_app, running, settle, weekly_hours

    path = a_plan(plans)
    app = make_app(path, data_dir)
    async with running(app, size=(80, 24), notifications=True) as pilot:
        await pilot.press(*weekly_hours("10"))
        assert app.current_plan != app.loaded.plan  # an edit to save
        HOSTILE[become](path)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ConflictScreen)
        kind = "a named pipe (FIFO)" if become == "fifo" else "a device"
        messages = [n.message for n in app._notifications]
        assert any(f"changed on disk: it is now {kind}" in m for m in messages), messages
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("ctrl+q")  # asks again; the copy keeps the edits
        await settle(app, pilot)
        assert isinstance(app.screen, ConflictScreen)
    assert app.return_code in (0, None)


def test_check_of_a_directory_gives_no_chmod_600_advice(run, tmp_path: Path):  # noqa: F811
    folder = tmp_path / "not-a-plan"
    folder.mkdir()
    folder.chmod(0o777)
    done = run("check", str(folder))
    assert done.returncode == 2
    assert "chmod" not in done.stderr
    assert f"{folder}:1:1: this is a directory, not a regular file" in done.stderr


def test_an_io_error_at_start_names_the_plan_not_none(
    plans: Path, data_dir: Path, monkeypatch, capsys
):
    import errno
    from datetime import date

    from socialtui.tui.run import run_app

    path = a_plan(plans)

    def eio(self, where):
        raise OSError(errno.EIO, "Input/output error")  # no filename, as a read gives

    monkeypatch.setattr(Session, "load", eio)
    assert run_app(data_dir, None, date(2026, 11, 22)) == 2
    assert capsys.readouterr().err == f"socialtui: {path}: Input/output error\n"
    assert not lock.lock_path(path).exists()
