"""socialtui.store.crash: crash logs and copies of unsaved edits."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import stat
import tomllib
from pathlib import Path

import pytest

from socialtui import paths, store
from socialtui.store import crash

FIXTURES = Path(__file__).parent.parent / "fixtures"


def boom() -> None:
    raise RuntimeError("the gauge fell over")


def raised() -> RuntimeError:
    try:
        boom()
    except RuntimeError as error:
        return error
    raise AssertionError("unreachable")


@pytest.fixture
def logs(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "logs" / "nested"
    monkeypatch.setenv("SOCIALTUI_LOG_DIR", str(folder))
    return folder


@pytest.fixture
def plan() -> Path:
    """A plan in the data directory's plans folder (the data directory is a temp dir)."""
    path = store.plans_dir(paths.data_dir()) / "commented.toml"
    path.parent.mkdir(parents=True)
    shutil.copyfile(FIXTURES / "commented.toml", path)
    return path


def recovered() -> Path:
    return paths.recovered_dir(paths.data_dir())


def test_crash_log_is_private_and_says_what_happened(logs: Path):
    old = os.umask(0)
    try:
        path = crash.write_log(raised(), {"plan": "/somewhere/p.toml"})
    finally:
        os.umask(old)
    assert path.parent == logs
    assert re.fullmatch(r"crash-\d{8}-\d{6}-\d+\.log", path.name)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(logs.stat().st_mode) == 0o700
    text = path.read_text()
    assert text.startswith("socialtui ")
    assert "plan: /somewhere/p.toml" in text
    assert "Traceback (most recent call last)" in text
    assert "in boom" in text
    assert text.rstrip().endswith("RuntimeError: the gauge fell over")


def test_loose_log_dir_of_ours_is_tightened(logs: Path):
    logs.mkdir(parents=True)
    logs.chmod(0o755)
    crash.write_log(raised())
    assert stat.S_IMODE(logs.stat().st_mode) == 0o700


def test_log_dir_defaults_under_the_user_state_dir(monkeypatch):
    monkeypatch.delenv("SOCIALTUI_LOG_DIR", raising=False)
    state = os.environ["XDG_STATE_HOME"]  # a temp dir (tests/conftest.py)
    assert str(crash.log_dir()).startswith(state)


def test_copy_keeps_comments_and_has_the_edits(plan: Path):
    before = plan.read_bytes()
    loaded = store.load(plan)
    budget = dataclasses.replace(loaded.plan.budget, weekly_hours=7.5)
    edited = dataclasses.replace(loaded.plan, budget=budget)
    old = os.umask(0)
    try:
        copy = crash.write_copy(loaded, edited)
    finally:
        os.umask(old)
    assert copy.parent == recovered()
    assert re.fullmatch(r"commented\.unsaved-\d{8}-\d{6}\.toml", copy.name)
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert plan.read_bytes() == before  # the plan itself is untouched
    text = copy.read_text()
    comments = [line for line in before.decode().splitlines() if "#" in line]
    for line in comments:
        if "weekly_hours" not in line:
            assert line in text
    assert "# hours per week, honest" in text
    assert tomllib.loads(text)["budget"]["weekly_hours"] == 7.5
    assert tomllib.loads(text)["owner"] == "sam"  # unknown keys survive too


def test_two_copies_in_one_second_do_not_overwrite_each_other(plan: Path):
    loaded = store.load(plan)
    first = dataclasses.replace(loaded.plan, name="First")
    second = dataclasses.replace(loaded.plan, name="Second")
    a = crash.write_copy(loaded, first)
    b = crash.write_copy(loaded, second)
    if a.name[:-5] == b.name[:-7]:  # same second: the second one got "-2"
        assert b.name.endswith("-2.toml")
    assert tomllib.loads(a.read_text())["name"] == "First"
    assert tomllib.loads(b.read_text())["name"] == "Second"


def test_report_writes_log_and_copy_and_names_both(plan: Path, logs: Path):
    loaded = store.load(plan)
    edited = dataclasses.replace(loaded.plan, name="Edited")
    line = crash.report(raised(), loaded, edited)
    [log] = list(logs.iterdir())
    [copy] = list(recovered().glob("commented.unsaved-*.toml"))
    assert line == f"socialtui: unexpected error; your edits are in {copy}; details in {log}"
    assert tomllib.loads(copy.read_text())["name"] == "Edited"


def test_report_without_edits_writes_no_copy(plan: Path, logs: Path):
    loaded = store.load(plan)
    line = crash.report(raised(), loaded, loaded.plan)
    [log] = list(logs.iterdir())
    assert line == f"socialtui: unexpected error; details in {log}"
    assert list(plan.parent.glob("*.unsaved-*")) == []
    assert not recovered().exists()


def test_report_never_raises_when_nothing_can_be_written(tmp_path: Path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("SOCIALTUI_LOG_DIR", str(blocker / "logs"))
    line = crash.report(raised())
    assert line.startswith("socialtui: unexpected error (RuntimeError: the gauge fell over)")
    assert "no crash log" in line
    assert "\n" not in line
