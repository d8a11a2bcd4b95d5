"""Pilot tests: two sessions on one plan, a file changed on disk, backups, crashes."""

from __future__ import annotations

import json
import os
import subprocess
import tomllib
from pathlib import Path

import pytest

from socialtui.store import lock
from socialtui.tui import saving
from socialtui.tui.screens.dialogs import ConfirmScreen, ConflictScreen
from socialtui.tui.screens.planner import PlannerScreen
from tests.lockholder import held

from .conftest import make_app, running, settle, wait_until, weekly_hours

HAND_EDITED_NAME = 'name = "Studio Nord, edited by hand"'


@pytest.fixture
def holder(over_path: Path):
    """Another live process holding the plan's lock."""
    with held(over_path) as proc:
        yield proc


def topbar(app) -> str:
    return str(app.screen.query_one("#topbar").render())


def footer(app) -> str:
    return str(app.screen.query_one("CalmFooter").render())


def lock_file(plan: Path) -> Path:
    return plan.parent / f".{plan.name}.lock"


def lock_pid(plan: Path) -> int:
    return json.loads(lock_file(plan).read_text())["pid"]


def hand_edit(plan: Path) -> bytes:
    text = plan.read_text().replace('name = "Studio Nord"', HAND_EDITED_NAME, 1)
    assert HAND_EDITED_NAME in text
    plan.write_text(text)
    return plan.read_bytes()


# -- two sessions, one plan ---------------------------------------------------------


async def test_the_first_session_holds_the_lock_until_it_quits(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        assert lock_pid(over_path) == os.getpid()
        assert not app.read_only
        assert "Quit" in footer(app) and "Take over" not in footer(app)
        await pilot.press("q")
    assert not lock_file(over_path).exists()


async def test_plan_held_by_another_process_opens_read_only_and_says_so(
    over_path: Path, data_dir: Path, holder: subprocess.Popen
):
    before = over_path.read_bytes()
    app = make_app(over_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        assert app.read_only
        bar = topbar(app)
        assert "read-only: open in" in bar
        assert f"pid {holder.pid} since" in bar
        assert "Take over" in footer(app)
        # Read-only means read-only: no field opens, so nothing is typed to lose.
        await pilot.press(*weekly_hours("10"), "ctrl+s")
        await settle(app, pilot)
        assert app.planner.plan.budget.weekly_hours == 4
        assert over_path.read_bytes() == before  # never written
        assert lock_pid(over_path) == holder.pid  # the lock is theirs still
        await pilot.press("escape", "q")
    assert over_path.read_bytes() == before
    assert not list((data_dir / "recovered").glob("overcommitted.unsaved-*.toml"))
    assert lock_pid(over_path) == holder.pid  # quitting leaves their lock alone


async def test_ctrl_t_takes_over_then_saves(
    over_path: Path, data_dir: Path, holder: subprocess.Popen
):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        assert app.read_only
        await pilot.press("ctrl+t")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert not app.read_only
        assert lock_pid(over_path) == os.getpid()
        assert "read-only" not in topbar(app)
        await pilot.press(*weekly_hours("10"), "ctrl+s")
        await settle(app, pilot)
        assert tomllib.loads(over_path.read_text())["budget"]["weekly_hours"] == 10
        await pilot.press("escape", "q")
    assert not lock_file(over_path).exists()


async def test_taking_over_reloads_a_plan_changed_on_disk(
    over_path: Path, data_dir: Path, holder: subprocess.Popen
):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        edited = hand_edit(over_path)  # the other session saved meanwhile
        await pilot.press("ctrl+t", "y")
        await pilot.pause()
        assert not app.read_only
        planner = app.screen
        assert isinstance(planner, PlannerScreen)
        assert planner.plan.name == "Studio Nord, edited by hand"
        assert over_path.read_bytes() == edited


async def test_a_session_whose_lock_was_taken_stops_saving_and_keeps_its_edits(
    over_path: Path, data_dir: Path
):
    before = over_path.read_bytes()
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        other = lock.take_over(over_path)  # another session pressed ctrl+t
        await pilot.press(*weekly_hours("10"), "ctrl+s")
        await settle(app, pilot)
        assert app.read_only
        assert "read-only: open in" in topbar(app)
        assert over_path.read_bytes() == before
        [copy] = list((data_dir / "recovered").glob("overcommitted.unsaved-*.toml"))
        assert tomllib.loads(copy.read_text())["budget"]["weekly_hours"] == 10
        await pilot.press("escape", "q")
    assert other.still_held()  # quitting did not remove the other session's lock
    other.release()


# -- the file changed on disk ---------------------------------------------------------


async def edit_then_conflict(app, pilot, plan: Path) -> bytes:
    """A hand edit on disk, then our own edit and ctrl+s: the conflict dialog."""
    edited = hand_edit(plan)
    await pilot.press(*weekly_hours("10"), "ctrl+s")
    await wait_until(pilot, lambda: isinstance(app.screen, ConflictScreen))
    assert plan.read_bytes() == edited  # nothing written yet
    assert "conflict" in app.save_state
    return edited


async def test_conflict_reload_keeps_our_edits_in_a_copy(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        edited = await edit_then_conflict(app, pilot, over_path)
        body = str(app.screen.query_one("#conflict-body").render())
        assert "overcommitted.unsaved-DATE-TIME.toml" in body
        await pilot.press("r")
        await settle(app, pilot)
        assert isinstance(app.screen, PlannerScreen)
        assert app.screen.plan.name == "Studio Nord, edited by hand"
        assert app.screen.plan.budget.weekly_hours == 4.0
        assert "[saved]" in topbar(app)
    assert over_path.read_bytes() == edited
    [copy] = list((data_dir / "recovered").glob("overcommitted.unsaved-*.toml"))
    mine = tomllib.loads(copy.read_text())
    assert mine["name"] == "Studio Nord"
    assert mine["budget"]["weekly_hours"] == 10


async def test_conflict_overwrite_writes_ours_and_backs_theirs_up(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        edited = await edit_then_conflict(app, pilot, over_path)
        await pilot.press("o")
        await settle(app, pilot)
        assert "[saved]" in topbar(app)
        # Later edits save normally: what is on disk is ours now.
        await pilot.press("escape", *weekly_hours("9"), "ctrl+s")
        await settle(app, pilot)
        assert not isinstance(app.screen, ConflictScreen)
    saved = tomllib.loads(over_path.read_text())
    assert saved["name"] == "Studio Nord"
    assert saved["budget"]["weekly_hours"] == 9
    backups = [p.read_bytes() for p in (data_dir / "backups" / "overcommitted").iterdir()]
    assert edited in backups  # the hand-edited version it replaced
    assert list(over_path.parent.glob("overcommitted.*-*.toml")) == []


async def test_conflict_save_as_copy_goes_on_with_the_copy(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        edited = await edit_then_conflict(app, pilot, over_path)
        await pilot.press("c")
        await settle(app, pilot)
        [copy] = list((data_dir / "recovered").glob("overcommitted.copy-*.toml"))
        assert app.plan_path == copy
        assert lock_pid(copy) == os.getpid()
        assert not lock_file(over_path).exists()
        await pilot.press("escape", *weekly_hours("9"), "ctrl+s")
        await settle(app, pilot)
        await pilot.press("escape", "q")
    assert over_path.read_bytes() == edited  # left as it was on disk
    mine = tomllib.loads(copy.read_text())
    assert mine["name"] == "Studio Nord"
    assert mine["budget"]["weekly_hours"] == 9
    assert not lock_file(copy).exists()


async def test_later_pauses_autosave_without_asking_again(
    over_path: Path, data_dir: Path, monkeypatch
):
    monkeypatch.setattr(saving, "AUTOSAVE_DELAY", 0.001)
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        edited = await edit_then_conflict(app, pilot, over_path)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlannerScreen)
        # more edits: autosave's delay is a millisecond here
        await pilot.press("escape", *weekly_hours("7"))
        await settle(app, pilot)
        assert isinstance(app.screen, PlannerScreen)  # no dialog popped up by itself
        assert "conflict" in topbar(app)
        assert over_path.read_bytes() == edited
        await pilot.press("ctrl+s")  # asking again
        await wait_until(pilot, lambda: isinstance(app.screen, ConflictScreen))
        await pilot.press("escape", "escape", "q")  # quitting asks too
        await wait_until(pilot, lambda: isinstance(app.screen, ConflictScreen))
        await pilot.press("o")  # decided: overwrite, then the app quits
        await settle(app, pilot)
    assert app.return_code == 0
    assert tomllib.loads(over_path.read_text())["budget"]["weekly_hours"] == 7


async def test_touch_without_change_is_not_a_conflict(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        os.utime(over_path, (1, 1))  # identity changes, content does not
        await pilot.press(*weekly_hours("10"), "ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, PlannerScreen)
    assert tomllib.loads(over_path.read_text())["budget"]["weekly_hours"] == 10


# -- backups ------------------------------------------------------------------------------


async def test_first_save_of_the_session_backs_up_once(over_path: Path, data_dir: Path):
    original = over_path.read_bytes()
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press(*weekly_hours("10"), "ctrl+s")
        await settle(app, pilot)
        folder = data_dir / "backups" / "overcommitted"
        assert [p.read_bytes() for p in folder.iterdir()] == [original]
        await pilot.press("escape", *weekly_hours("9"), "ctrl+s")
        await settle(app, pilot)
        await pilot.press("escape", *weekly_hours("8"), "ctrl+s")
        await settle(app, pilot)
        assert tomllib.loads(over_path.read_text())["budget"]["weekly_hours"] == 8
        assert [p.read_bytes() for p in folder.iterdir()] == [original]


# -- crashes ------------------------------------------------------------------------------


async def test_exception_in_a_handler_logs_keeps_edits_and_exits_70(
    over_path: Path, data_dir: Path, tmp_path: Path, monkeypatch, capfd
):
    logs = tmp_path / "logs"
    monkeypatch.setenv("SOCIALTUI_LOG_DIR", str(logs))

    def broken_help(self) -> None:
        raise ZeroDivisionError("help pane divided by zero")

    monkeypatch.setattr(PlannerScreen, "action_help", broken_help)
    monkeypatch.setattr(saving, "AUTOSAVE_DELAY", 3600)  # the edit stays unsaved
    before = over_path.read_bytes()
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press(*weekly_hours("10"))  # an unsaved edit
        await pilot.press("question_mark")
        await pilot.pause()
    assert app.return_code == 70
    assert over_path.read_bytes() == before  # the plan itself is not written in a crash
    assert not lock_file(over_path).exists()  # the lock is released
    [log] = list(logs.iterdir())
    assert oct(log.stat().st_mode & 0o777) == "0o600"
    assert "ZeroDivisionError: help pane divided by zero" in log.read_text()
    [copy] = list((data_dir / "recovered").glob("overcommitted.unsaved-*.toml"))
    assert tomllib.loads(copy.read_text())["budget"]["weekly_hours"] == 10
    assert "# what we can honestly spare" in copy.read_text()
    assert app.crash_line == (
        f"socialtui: unexpected error; your edits are in {copy}; details in {log}"
    )
    out, err = capfd.readouterr()
    assert "Traceback" not in out + err
    assert "ZeroDivisionError" not in out + err
