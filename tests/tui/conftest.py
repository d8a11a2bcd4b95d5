"""Fixtures for Pilot tests: a plan copied into a temp data dir, and the app on it."""

from __future__ import annotations

import contextlib
import shutil
from datetime import date
from pathlib import Path

import pytest

from socialtui import store

FIXTURES = Path(__file__).parent.parent / "fixtures"
TODAY = date(2026, 11, 22)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    store.ensure_dir(store.plans_dir(data))
    return data


def copy_fixture(data: Path, name: str) -> Path:
    target = store.plans_dir(data) / name
    shutil.copyfile(FIXTURES / name, target)
    target.chmod(0o600)
    return target


@pytest.fixture
def over_path(data_dir: Path) -> Path:
    return copy_fixture(data_dir, "overcommitted.toml")


def make_app(path: Path, data: Path):
    from socialtui.tui.app import SocialApp

    return SocialApp(store.load(path), data=data, today=TODAY)


@contextlib.asynccontextmanager
async def running(app, **kwargs):
    """``app.run_test(**kwargs)``, handing over the pilot once the planner's panes
    are in place: what a person sees a moment after start."""
    async with app.run_test(**kwargs) as pilot:
        planner = app.planner
        if planner is not None:
            await planner.filled.wait()
            await pilot.pause()
        yield pilot


async def settle(app, pilot) -> None:
    """Let the app finish what it started: its messages, then its workers (a save,
    the command palette's search), then what they posted."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def wait_until(pilot, predicate, timeout: float = 10.0) -> None:
    """Until ``predicate()`` holds (checked between the app's steps), or fail."""
    for _ in range(int(timeout / 0.05)):
        if predicate():
            return
        await pilot.pause(0.05)
    raise AssertionError("timed out waiting")


def weekly_hours(value: str) -> list[str]:
    """The keys that set the weekly hours: the Budget pane, open the value, clear
    it, type, keep."""
    return ["4", "enter", "ctrl+u", *value, "enter"]
