"""A plan the user cannot write is read-only, and a save never changes a file's owner.

Mode bits are intent (vim reads them so): a plan without its owner's write bit
is never written, even by root, even where a rename in its folder would
succeed. A plan of another user is never replaced by one of ours. A folder
that cannot take a new file makes its plans read-only too.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from socialtui import store
from socialtui.session import Session
from socialtui.store import backup
from socialtui.store.files import write_atomic, write_protection

FIXTURES = Path(__file__).parent.parent / "fixtures"
NOBODY = 65534
needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="chown to another user needs root")


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    path = folder / "studio.toml"
    shutil.copyfile(FIXTURES / "overcommitted.toml", path)
    path.chmod(0o600)
    return path


def edited(path: Path):
    loaded = store.load(path)
    return loaded, replace(loaded.plan, name="Edited")


def test_a_plan_of_mine_with_write_permission_is_writable(plan: Path):
    assert write_protection(plan) is None


def test_a_plan_without_the_owner_s_write_bit_is_read_only(plan: Path):
    plan.chmod(0o400)
    protection = write_protection(plan)
    assert protection is not None
    assert protection.short == "mode 0400"
    assert protection.reason == "you have no write permission on it (mode 0400)"


def test_saving_a_plan_without_write_permission_is_refused_and_writes_nothing(
    plan: Path, tmp_path: Path
):
    plan.chmod(0o444)
    before = plan.read_bytes()
    data = tmp_path / "data"
    held = Session(data, locking=False).attach(store.load(plan))
    assert held.read_only
    with pytest.raises(store.ReadOnlyError, match=r"mode 0444\); nothing was written"):
        held.save(replace(held.loaded.plan, name="Edited"))
    with pytest.raises(store.ReadOnlyError, match="no write permission"):
        store.save(*edited(plan))
    assert plan.read_bytes() == before
    assert os.stat(plan).st_mode & 0o777 == 0o444
    assert not backup.list_backups(plan, data)  # refused before the backup, too


def test_a_plan_in_a_folder_that_cannot_take_a_new_file_is_read_only(plan: Path):
    plan.parent.chmod(0o500)
    try:
        protection = write_protection(plan)
        assert protection is not None and protection.short == "folder read-only"
        assert str(plan.parent) in protection.reason
        with pytest.raises(store.ReadOnlyError, match="cannot create files in its folder"):
            store.save(*edited(plan))
    finally:
        plan.parent.chmod(0o700)


@needs_root
def test_a_plan_of_another_user_is_read_only_and_never_changes_owner(plan: Path):
    plan.chmod(0o666)  # writable by everyone: the owner would still change
    os.chown(plan, NOBODY, NOBODY)
    before = plan.read_bytes()
    protection = write_protection(plan)
    assert protection is not None and protection.short.startswith("owned by ")
    assert "saving would replace it with a file of" in protection.reason
    with pytest.raises(store.ReadOnlyError, match="it belongs to"):
        store.save(*edited(plan))
    with pytest.raises(PermissionError, match="it belongs to"):
        write_atomic(plan, b"anything")
    assert plan.read_bytes() == before
    assert os.stat(plan).st_uid == NOBODY


def test_write_atomic_never_replaces_a_fifo(tmp_path: Path):
    fifo = tmp_path / "plan.toml"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="named pipe"):
        write_atomic(fifo, b"x")
    assert fifo.is_fifo()
    assert [p.name for p in tmp_path.iterdir()] == ["plan.toml"]  # no temp file left


def test_restore_over_a_read_only_plan_is_refused(plan: Path, tmp_path: Path):
    data = tmp_path / "data"
    made = backup.snapshot(plan, data)
    assert made is not None
    plan.chmod(0o400)
    with pytest.raises(PermissionError, match="no write permission"):
        backup.restore(made, plan, data)
