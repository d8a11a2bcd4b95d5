"""socialtui.store.lock: who has a plan open, across real processes."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from socialtui import store
from socialtui.store import lock
from tests.lockholder import held

CRASH_HOLDING = """
import os, sys
from socialtui import store
from socialtui.store import lock
from tests.lockholder import held
got = lock.acquire(sys.argv[1])
os._exit(0 if isinstance(got, lock.Lock) else 3)
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plans" / "p.toml"
    path.parent.mkdir()
    path.write_text('schema = 1\nname = "p"\n')
    return path


@pytest.fixture
def holder_process(plan: Path):
    """A second, live process holding the lock of ``plan``."""
    with held(plan) as proc:
        yield proc


def lock_json(plan: Path) -> dict:
    return json.loads((plan.parent / f".{plan.name}.lock").read_text())


def test_acquire_writes_who_and_release_removes_it(plan: Path):
    got = lock.acquire(plan)
    assert isinstance(got, lock.Lock)
    written = lock_json(plan)
    assert written["pid"] == os.getpid()
    assert written["host"] == socket.gethostname()
    assert written["user"]
    assert abs(datetime.fromisoformat(written["started"]).timestamp() - time.time()) < 60
    assert got.still_held()
    got.release()
    assert not (plan.parent / f".{plan.name}.lock").exists()
    got.release()  # twice is fine
    assert sorted(p.name for p in plan.parent.iterdir()) == ["p.toml"]  # no temp files left


def test_second_process_sees_the_holder(plan: Path, holder_process: subprocess.Popen):
    got = lock.acquire(plan)
    assert isinstance(got, lock.Holder)
    assert got.pid == holder_process.pid
    assert got.host == socket.gethostname()
    assert f"pid {holder_process.pid} since " in got.describe()


def test_lock_of_a_dead_process_is_taken_over(plan: Path):
    proc = subprocess.Popen([sys.executable, "-c", CRASH_HOLDING, str(plan)])
    assert proc.wait() == 0
    assert lock_json(plan)["pid"] == proc.pid  # it died without releasing
    got = lock.acquire(plan)
    assert isinstance(got, lock.Lock)
    assert lock_json(plan)["pid"] == os.getpid()
    got.release()


def write_lock(plan: Path, **fields) -> Path:
    path = plan.parent / f".{plan.name}.lock"
    path.write_text(json.dumps(fields))
    return path


def test_a_live_pid_started_after_the_lock_is_a_reused_pid(plan: Path):
    parent = os.getppid()  # alive, and started before this test
    long_ago = (datetime.now().astimezone() - timedelta(days=400)).isoformat()
    write_lock(plan, pid=parent, user="x", host=socket.gethostname(), started=long_ago)
    assert isinstance(lock.acquire(plan), lock.Lock)


def test_a_live_pid_started_before_the_lock_holds_it(plan: Path):
    parent = os.getppid()
    now = datetime.now().astimezone().isoformat()
    write_lock(plan, pid=parent, user="x", host=socket.gethostname(), started=now)
    got = lock.acquire(plan)
    assert isinstance(got, lock.Holder) and got.pid == parent


def test_a_lock_from_another_host_is_never_stale(plan: Path):
    write_lock(plan, pid=2**22 + 12345, user="ana", host="elsewhere.example", started=None)
    got = lock.acquire(plan)
    assert isinstance(got, lock.Holder)
    assert got.describe() == "ana@elsewhere pid 4206649 since an unknown time"


def test_lock_file_is_0600_whatever_the_umask_and_its_folder_stays_0700(tmp_path: Path):
    old = os.umask(0)
    try:
        folder = store.ensure_dir(tmp_path / "data" / "plans")  # as the app makes it
        plan = folder / "p.toml"
        plan.write_text("")
        got = lock.acquire(plan)
    finally:
        os.umask(old)
    assert isinstance(got, lock.Lock)
    assert stat.S_IMODE(got.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    got.release()


def test_a_plan_in_a_missing_folder_creates_nothing(tmp_path: Path):
    with pytest.raises(lock.LockError):
        lock.acquire(tmp_path / "typo" / "p.toml")
    assert not (tmp_path / "typo").exists()


@pytest.mark.parametrize("content", [b"", b"garbage \xff", b"[1, 2]", b'{"pid": "x"}'])
def test_garbled_lock_is_held_while_young_and_stale_when_old(plan: Path, content: bytes):
    path = plan.parent / f".{plan.name}.lock"
    path.write_bytes(content)
    young = lock.acquire(plan)
    if content == b'{"pid": "x"}':  # a lock object with unknown fields: never stale
        assert isinstance(young, lock.Holder) and young.pid is None
        return
    assert isinstance(young, lock.Holder) and young.garbled
    assert "unknown process" in young.describe()
    old = time.time() - lock.GARBLED_GRACE - 5
    os.utime(path, (old, old))
    got = lock.acquire(plan)
    assert isinstance(got, lock.Lock)
    assert lock_json(plan)["pid"] == os.getpid()
    got.release()


def test_symlinked_plan_shares_the_lock(plan: Path, tmp_path: Path):
    elsewhere = tmp_path / "links"
    elsewhere.mkdir()
    link = elsewhere / "mine.toml"
    link.symlink_to(plan)
    with held(link) as proc:
        assert (plan.parent / ".p.toml.lock").exists()
        assert not (elsewhere / ".mine.toml.lock").exists()
        got = lock.acquire(plan)
        assert isinstance(got, lock.Holder) and got.pid == proc.pid


def test_take_over_replaces_a_live_holder_who_then_keeps_its_hands_off(
    plan: Path, holder_process: subprocess.Popen
):
    first = lock.read_holder(plan.parent / f".{plan.name}.lock")
    assert first is not None and first.pid == holder_process.pid
    taken = lock.take_over(plan)
    assert taken.still_held()
    assert lock_json(plan)["pid"] == os.getpid()
    # The old holder's release (its token no longer matches) leaves our lock alone.
    old = lock.Lock(taken.path, first)
    assert not old.still_held()
    old.release()
    assert taken.still_held()
    taken.release()
    assert not taken.path.exists()


def test_a_lock_that_cannot_be_made_is_a_lock_error(tmp_path: Path):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    with pytest.raises(lock.LockError):
        lock.acquire(not_a_folder / "p.toml")
