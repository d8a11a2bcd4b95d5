"""The app on a plan it must not write, on a plan it could not lock at first, and on CRLF."""

from __future__ import annotations

import errno
import os
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from socialtui.paths import recovered_dir
from socialtui.store import lock

from .conftest import make_app, running, settle, weekly_hours


def topbar(app) -> str:
    return str(app.screen.query_one("#topbar").render())


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_a_plan_without_write_permission_opens_read_only_and_says_why(
    over_path: Path, data_dir: Path
):
    over_path.chmod(0o400)
    before = over_path.read_bytes()
    app = make_app(over_path, data_dir)
    async with running(app, size=(80, 24), notifications=True) as pilot:
        assert app.read_only
        assert "read-only: mode 0400" in topbar(app)
        assert any("no write permission on it (mode 0400)" in m for m in messages(app))
        app.clear_notifications()
        # Read-only means read-only: weekly hours do not open, and the refusal
        # gives this plan's reason (not another kind of read-only's).
        await pilot.press("4", "enter")
        assert app.focused is app.screen.query_one("#budget-table")
        assert messages(app) == [
            "This plan is read-only: you have no write permission on it (mode 0400)."
        ]
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.planner.plan == app.loaded.plan
        assert over_path.read_bytes() == before
        assert not lock.lock_path(over_path).exists()  # never written: never locked
        await pilot.press("ctrl+q")
        await settle(app, pilot)
    assert over_path.read_bytes() == before
    assert os.stat(over_path).st_mode & 0o777 == 0o400
    assert list(recovered_dir(data_dir).glob("overcommitted.unsaved-*.toml")) == []


async def test_a_plan_made_read_only_while_open_is_not_saved_and_the_user_is_told(
    over_path: Path, data_dir: Path
):
    before = over_path.read_bytes()
    app = make_app(over_path, data_dir)
    async with running(app, size=(80, 24), notifications=True) as pilot:
        over_path.chmod(0o444)
        await pilot.press(*weekly_hours("10"), "ctrl+s")
        await settle(app, pilot)
        assert over_path.read_bytes() == before
        assert any("no write permission" in m for m in messages(app)), messages(app)
        assert "not saved" in topbar(app)
        over_path.chmod(0o600)
        await pilot.press("ctrl+q")
        await settle(app, pilot)
    assert tomllib.loads(over_path.read_text())["budget"]["weekly_hours"] == 10


async def test_a_lock_that_failed_at_start_is_taken_at_the_next_save(
    over_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
):
    """A full disk at start must not leave the whole session unlocked."""
    real = lock.acquire
    calls: list[str] = []

    def full_once(plan, program="app"):
        calls.append(program)
        if len(calls) == 1:
            raise lock.LockError(errno.ENOSPC, "cannot lock: No space left on device")
        return real(plan, program)

    monkeypatch.setattr(lock, "acquire", full_once)
    app = make_app(over_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        assert app.file.lock is None and app.file.lock_error is not None
        assert not lock.lock_path(over_path).exists()
        await pilot.press(*weekly_hours("10"), "ctrl+s")
        await settle(app, pilot)
        holder = lock.read_holder(lock.lock_path(over_path))
        assert holder is not None and holder.pid == os.getpid() and holder.program == "app"
        assert tomllib.loads(over_path.read_text())["budget"]["weekly_hours"] == 10
        await pilot.press("ctrl+q")
        await settle(app, pilot)
    assert not lock.lock_path(over_path).exists()


async def test_a_crlf_plan_edited_in_the_app_stays_crlf(over_path: Path, data_dir: Path):
    over_path.write_bytes(over_path.read_bytes().replace(b"\n", b"\r\n"))
    app = make_app(over_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press(*weekly_hours("10"))
        plan = app.planner.plan  # a new key as well as a changed one: new lines
        noted = replace(plan.channels[0], notes="first\nsecond")
        app.planner.apply(replace(plan, channels=(noted, *plan.channels[1:])))
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("ctrl+q")
        await settle(app, pilot)
    raw = over_path.read_bytes()
    data = tomllib.loads(raw.decode())
    assert data["budget"]["weekly_hours"] == 10
    assert data["channels"][0]["notes"] == "first\nsecond"
    assert b"\n" not in raw.replace(b"\r\n", b"")
