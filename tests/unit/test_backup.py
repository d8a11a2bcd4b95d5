"""Backups: the version before a session's first save, the newest 20 per plan."""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import pytest

from socialtui import store
from socialtui.session import Session
from socialtui.store import backup

FIXTURE = Path(__file__).parent.parent / "fixtures" / "bakery.toml"


@pytest.fixture
def data(tmp_path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def plan(data) -> Path:
    path = store.ensure_dir(store.plans_dir(data)) / "bakery.toml"
    path.write_bytes(FIXTURE.read_bytes())
    return path


def test_the_first_save_of_a_session_keeps_the_version_before_it(data, plan):
    original = plan.read_bytes()
    session = Session.start(data, plan)
    loaded = session.load(plan)
    loaded = session.save(loaded, replace(loaded.plan, name="One"))
    session.save(loaded, replace(loaded.plan, name="Two"))

    backups = backup.list_backups(plan, data)
    assert [b.read_bytes() for b in backups] == [original]
    assert backups[0].path.parent == data / "backups" / "bakery"

    later = Session.start(data, plan)
    loaded = later.load(plan)
    after_two = plan.read_bytes()
    later.save(loaded, replace(loaded.plan, name="Three"))
    assert [b.read_bytes() for b in backup.list_backups(plan, data)] == [after_two, original]


def test_a_save_that_changes_nothing_makes_no_backup(data, plan):
    session = Session.start(data, plan)
    loaded = session.load(plan)
    session.save(loaded, loaded.plan)
    assert backup.list_backups(plan, data) == []


def test_no_backup_means_no_save(data, plan):
    (data / "backups").write_text("a file where the folder should be")
    session = Session.start(data, plan)
    loaded = session.load(plan)
    before = plan.read_bytes()
    with pytest.raises(store.SaveError, match="cannot back up"):
        session.save(loaded, replace(loaded.plan, name="Unsafe"))
    assert plan.read_bytes() == before


def test_only_the_newest_20_are_kept_newest_first(data, plan):
    contents = [f'name = "Version {i}"\n'.encode() for i in range(25)]
    for content in contents:
        plan.write_bytes(content)
        backup.snapshot(plan, data)
    kept = backup.list_backups(plan, data)
    assert [b.read_bytes() for b in kept] == contents[::-1][:20]
    assert len(list((data / "backups" / "bakery").iterdir())) == 20
    assert all(a.time >= b.time for a, b in pairwise(kept))


def test_identical_content_is_not_backed_up_twice(data, plan):
    first = backup.snapshot(plan, data)
    assert backup.snapshot(plan, data) == first
    assert len(backup.list_backups(plan, data)) == 1


def test_a_missing_plan_has_nothing_to_back_up(data):
    assert backup.snapshot(store.plans_dir(data) / "gone.toml", data) is None


def test_plans_elsewhere_with_the_same_name_do_not_share_backups(tmp_path, data):
    one, two = tmp_path / "a" / "plan.toml", tmp_path / "b" / "plan.toml"
    for path, text in ((one, b"one"), (two, b"two")):
        path.parent.mkdir()
        path.write_bytes(text)
        backup.snapshot(path, data)
    assert [b.read_bytes() for b in backup.list_backups(one, data)] == [b"one"]
    assert [b.read_bytes() for b in backup.list_backups(two, data)] == [b"two"]
    assert backup.folder_for(one, data) != backup.folder_for(two, data)


def test_a_hostile_file_name_stays_inside_the_backups_folder(tmp_path, data):
    path = tmp_path / "..\x1b[2J..toml"
    path.write_bytes(b"x")
    made = backup.snapshot(path, data)
    assert made.parent.parent == data / "backups"
    assert all(ch.isprintable() for ch in made.parent.name)


def test_restore_puts_a_backup_back_and_keeps_the_current_file(data, plan):
    old = plan.read_bytes()
    backup.snapshot(plan, data)
    plan.write_bytes(b'name = "Newer"\n')
    os.chmod(plan, 0o640)
    chosen = backup.list_backups(plan, data)[0]

    done = backup.restore(chosen.path, plan, data)

    assert plan.read_bytes() == old
    assert stat.S_IMODE(plan.stat().st_mode) == 0o640
    assert done.undo is not None and done.undo.read_bytes() == b'name = "Newer"\n'
    assert backup.list_backups(plan, data)[0].path == done.undo


def test_restore_through_a_symlink_keeps_the_link(tmp_path, data):
    real = tmp_path / "repo" / "plan.toml"
    real.parent.mkdir()
    real.write_bytes(b'name = "Old"\n')
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    backup.snapshot(link, data)
    real.write_bytes(b'name = "New"\n')
    backup.restore(backup.list_backups(link, data)[-1].path, link, data)
    assert link.is_symlink() and real.read_bytes() == b'name = "Old"\n'
