"""Copies of edits go to <data>/recovered/, and backups follow a plan into the archive."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import shutil
import tomllib
from pathlib import Path

import pytest

from socialtui import paths, store
from socialtui.session import Session
from socialtui.store import backup, crash, folder

FIXTURE = Path(__file__).parent.parent / "fixtures" / "bakery.toml"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def put(where: Path, stem: str = "bakery") -> Path:
    where.mkdir(parents=True, exist_ok=True)
    path = where / f"{stem}.toml"
    shutil.copyfile(FIXTURE, path)
    return path


def edited(path: Path, name: str = "Edited") -> tuple[store.LoadedPlan, object]:
    loaded = store.load(path)
    return loaded, dataclasses.replace(loaded.plan, name=name)


def test_a_copy_of_a_plan_in_the_plans_folder_goes_to_recovered(data: Path):
    plan = put(paths.plans_dir(data))
    copy = crash.write_copy(*edited(plan), data=data)
    assert copy.parent == paths.recovered_dir(data)
    assert re.fullmatch(r"bakery\.unsaved-\d{8}-\d{6}\.toml", copy.name)
    assert oct(copy.parent.stat().st_mode & 0o777) == "0o700"
    assert tomllib.loads(copy.read_text())["name"] == "Edited"
    assert store.list_plans(data) == [plan]  # the copy is not a plan of the list


def test_a_plan_opened_from_elsewhere_keeps_its_copies_out_of_its_folder(data, tmp_path):
    one = put(tmp_path / "repo-a" / "plans", "plan")
    two = put(tmp_path / "repo-b" / "plans", "plan")
    copy_one = crash.write_copy(*edited(one, "One"), label="copy", data=data)
    copy_two = crash.write_copy(*edited(two, "Two"), label="copy", data=data)
    assert copy_one.parent == copy_two.parent == paths.recovered_dir(data)
    assert re.fullmatch(r"plan-[0-9a-f]{8}\.copy-\d{8}-\d{6}\.toml", copy_one.name)
    assert copy_one.name.split(".")[0] != copy_two.name.split(".")[0]
    assert sorted(p.name for p in one.parent.iterdir()) == ["plan.toml"]  # nothing in the repo
    assert [c.path for c in crash.list_copies(one, data)] == [copy_one]
    assert [c.path for c in crash.list_copies(two, data)] == [copy_two]


def test_when_recovered_cannot_be_written_the_copy_goes_next_to_the_plan(data: Path):
    plan = put(paths.plans_dir(data))
    paths.recovered_dir(data).parent.mkdir(exist_ok=True)
    paths.recovered_dir(data).write_text("a file where the folder should be")
    copy = crash.write_copy(*edited(plan), data=data)
    assert copy.parent == plan.parent
    assert [c.path for c in crash.list_copies(plan, data)] == [copy]  # still listed
    assert store.list_plans(data) == [plan]  # and still not a plan


def test_the_session_writes_copies_to_its_own_data_directory(data: Path):
    plan = put(paths.plans_dir(data))
    held = Session(data).hold(plan)
    try:
        copy = held.write_copy(dataclasses.replace(held.loaded.plan, name="Mine"))
    finally:
        held.release()
    assert copy.parent == paths.recovered_dir(data)


def test_list_copies_newest_first_and_of_every_plan(data: Path):
    recovered = paths.recovered_dir(data)
    recovered.mkdir(parents=True)
    for name in (
        "bakery.unsaved-20261120-090000.toml",
        "bakery.copy-20261122-090000-2.toml",
        "bakery-old.unsaved-20261121-090000.toml",
        "notes.txt",
    ):
        (recovered / name).write_text("x")
    plan = paths.plans_dir(data) / "bakery.toml"
    mine = [c.path.name for c in crash.list_copies(plan, data)]
    assert mine == ["bakery.copy-20261122-090000-2.toml", "bakery.unsaved-20261120-090000.toml"]
    assert [c.label for c in crash.list_copies(plan, data)] == ["copy", "unsaved"]
    assert len(crash.list_copies(None, data)) == 3


def test_backups_follow_a_plan_into_the_archive_and_back(data: Path):
    plan = put(paths.plans_dir(data), "咖啡店")
    first = backup.snapshot(plan, data)
    assert first is not None and first.parent == paths.backups_dir(data) / "咖啡店"
    archived = folder.move_into(plan, paths.archive_dir(data))
    assert [b.path for b in backup.list_backups(archived, data)] == [first]
    back = folder.move_into(archived, paths.plans_dir(data))
    assert [b.path for b in backup.list_backups(back, data)] == [first]


def test_backups_older_versions_made_for_a_non_ascii_name_are_still_listed(data: Path):
    plan = put(paths.plans_dir(data), "café")
    digest = hashlib.sha256(os.path.realpath(plan).encode()).hexdigest()[:8]
    legacy = paths.backups_dir(data) / f"caf_-{digest}"
    legacy.mkdir(parents=True)
    (legacy / "20261101T100000.000000Z.toml").write_bytes(FIXTURE.read_bytes())
    newer = backup.snapshot(plan, data)
    listed = backup.list_backups(plan, data)
    assert [b.path.parent for b in listed] == [newer.parent, legacy]
