"""socialtui.session: the one path from an edit to the file, for the app and the commands.

The app's flows (conflict dialogs, take-over) are in tests/tui/test_safety_app.py
and the commands' in tests/cli; here, the session's own promises.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from socialtui.session import ChangedOnDisk, LockLost, PlanHeld, Session
from socialtui.store import backup, lock
from tests.lockholder import held

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def plan(data: Path) -> Path:
    path = data / "plans" / "bakery.toml"
    path.parent.mkdir(parents=True)
    shutil.copyfile(FIXTURES / "bakery.toml", path)
    return path


def renamed(held_plan, name: str):
    return replace(held_plan.loaded.plan, name=name)


def test_hold_locks_then_loads_and_release_unlocks(data: Path, plan: Path):
    held_plan = Session(data).hold(plan)
    assert held_plan.holds_lock and held_plan.holder is None and not held_plan.read_only
    assert held_plan.loaded.plan.name == "Corner Bakery 2027"
    assert lock.lock_path(plan).exists()
    held_plan.release()
    held_plan.release()  # twice is fine
    assert not lock.lock_path(plan).exists()


def test_save_backs_up_once_then_writes_in_place(data: Path, plan: Path):
    original = plan.read_bytes()
    held_plan = Session(data).hold(plan)
    held_plan.save(renamed(held_plan, "First"))
    held_plan.save(renamed(held_plan, "Second"))
    backups = backup.list_backups(plan, data)
    assert [b.read_bytes() for b in backups] == [original]  # one, of the version before
    assert 'name = "Second"' in plan.read_text()
    assert held_plan.loaded.plan.name == "Second"
    held_plan.release()


def test_save_refuses_a_file_changed_on_disk_and_writes_nothing(data: Path, plan: Path):
    held_plan = Session(data).hold(plan)
    theirs = plan.read_text().replace("Corner Bakery 2027", "Edited elsewhere")
    plan.write_text(theirs)
    with pytest.raises(ChangedOnDisk) as caught:
        held_plan.save(renamed(held_plan, "Ours"))
    assert not caught.value.gone
    assert plan.read_text() == theirs
    os.unlink(plan)
    with pytest.raises(ChangedOnDisk) as caught:
        held_plan.save(renamed(held_plan, "Ours"))
    assert caught.value.gone
    held_plan.release()


def test_overwrite_writes_ours_and_keeps_theirs_in_the_backups(data: Path, plan: Path):
    held_plan = Session(data).hold(plan)
    theirs = plan.read_text().replace("Corner Bakery 2027", "Edited elsewhere")
    plan.write_text(theirs)
    held_plan.overwrite(renamed(held_plan, "Ours"))
    assert 'name = "Ours"' in plan.read_text()
    assert theirs.encode() in [b.read_bytes() for b in backup.list_backups(plan, data)]
    held_plan.release()


def test_a_removed_lock_is_taken_again_before_saving(data: Path, plan: Path):
    held_plan = Session(data).hold(plan)
    os.unlink(lock.lock_path(plan))
    held_plan.save(renamed(held_plan, "Saved"))
    assert held_plan.holds_lock and held_plan.lock.still_held()
    assert 'name = "Saved"' in plan.read_text()
    held_plan.release()


def test_a_lock_taken_over_stops_the_save(data: Path, plan: Path):
    held_plan = Session(data).hold(plan)
    before = plan.read_bytes()
    taker = lock.take_over(plan)  # a person decided, in another session
    with pytest.raises(LockLost) as caught:
        held_plan.save(renamed(held_plan, "Mine"))
    assert caught.value.holder is not None and caught.value.holder.token == taker.holder.token
    assert plan.read_bytes() == before
    assert not held_plan.holds_lock
    taker.release()


def test_a_plan_another_live_session_holds_is_read_only_and_says_who(data: Path, plan: Path):
    with held(plan) as proc:
        held_plan = Session(data).hold(plan)
        assert not held_plan.holds_lock
        assert held_plan.holder is not None and held_plan.holder.pid == proc.pid
        assert held_plan.read_only
        with pytest.raises(PlanHeld) as caught, Session(data).editing(plan):
            pass
        assert caught.value.holder.pid == proc.pid
        assert not held_plan.take_lock()  # trying again: still held
    assert held_plan.take_lock()  # the holder is gone: now it is ours
    held_plan.release()


def test_editing_holds_the_lock_only_inside_the_block(data: Path, plan: Path):
    with Session(data).editing(plan) as held_plan:
        assert lock.lock_path(plan).exists()
        assert held_plan.load().plan.name == "Corner Bakery 2027"
    assert not lock.lock_path(plan).exists()


def test_a_session_that_does_not_lock_leaves_no_lock(data: Path, plan: Path):
    with Session(data, locking=False).editing(plan) as held_plan:
        held_plan.load()
        held_plan.save(renamed(held_plan, "Unlocked"))
        assert not lock.lock_path(plan).exists()
    assert 'name = "Unlocked"' in plan.read_text()


def test_a_lock_that_cannot_be_made_leaves_the_plan_writable(data: Path, plan: Path):
    held_plan = Session(data).attach(Session(data).load(plan))
    plan.parent.rename(data / "gone")  # no folder to put a lock file in
    assert not held_plan.take_lock()
    assert held_plan.lock_error is not None and held_plan.holder is None
    assert not held_plan.read_only


def test_going_back_to_a_version_writes_its_text_and_a_reload_forgets_them(data: Path, plan: Path):
    original = plan.read_bytes()
    held_plan = Session(data).hold(plan)
    first = held_plan.loaded.plan
    held_plan.save(replace(first, goals=first.goals[1:]))  # a goal and its comments gone
    assert b"# short | long" not in plan.read_bytes().split(b"[[goals]]")[1]
    held_plan.save(first)  # back: the file as it was, comments and all
    assert plan.read_bytes() == original

    held_plan.save(replace(first, goals=first.goals[1:]))
    plan.write_text(plan.read_text() + "# a note added by hand\n")
    held_plan.reload()  # what is on disk now: the versions before it are forgotten
    held_plan.save(first)
    text = plan.read_text()
    assert text.endswith("# a note added by hand\n") and plan.read_bytes() != original
    assert held_plan.loaded.plan == first
    held_plan.release()
