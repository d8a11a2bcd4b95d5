"""The planner's top line says when a check-in is due, with the weeks missing,
and stops saying it once the check-in is recorded. socialtui.plan.due decides;
the date is the app's (tests pass it).

The fixture plan (tests/fixtures/checkins.toml) has check-ins for 2026-W39 to
W46 and the default check-in day, Friday."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from socialtui import store
from socialtui.tui.app import SocialApp
from socialtui.tui.screens.checkin import CheckinScreen

from .conftest import TODAY, copy_fixture, running


def top_line(app) -> str:
    """The planner's first line as the terminal shows it."""
    return app.screen._compositor.render_strips()[0].text


def app_on(path: Path, data: Path, today: date) -> SocialApp:
    return SocialApp(store.load(path), data=data, today=today)


async def test_the_notice_goes_once_the_checkin_is_recorded(data_dir: Path):
    path = copy_fixture(data_dir, "checkins.toml")
    app = app_on(path, data_dir, TODAY)  # Sunday of W47: W47's check-in is due
    async with running(app, size=(120, 40)) as pilot:
        assert "check-in due (1 week missing) · c" in top_line(app)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "check-in due" not in top_line(app)
        assert "Northwind Tools" in top_line(app)
        await pilot.press("ctrl+z")  # the check-in undone: due again
        await pilot.pause()
        assert "check-in due (1 week missing) · c" in top_line(app)


async def test_weeks_missed_count_and_fit_80_columns_beside_the_name_and_state(data_dir: Path):
    path = copy_fixture(data_dir, "checkins.toml")
    long_name = "Northwind Tools, the whole range, every season, every shop"
    text = path.read_text(encoding="utf-8").replace(
        'name = "Northwind Tools"', f'name = "{long_name}"', 1
    )
    assert long_name in text
    path.write_text(text, encoding="utf-8")
    # Friday of W49: W47 and W48 were missed, and W49's day has come.
    app = app_on(path, data_dir, date(2026, 12, 4))
    async with running(app, size=(80, 24)):
        line = top_line(app)
        assert "[saved]" in line
        assert "check-in due (3 weeks missing) · c" in line
        assert "Northwind Tools" in line  # the name gives way, not the notice
        assert len(line) <= 80


async def test_no_notice_before_the_checkin_day(data_dir: Path):
    path = copy_fixture(data_dir, "checkins.toml")
    app = app_on(path, data_dir, date(2026, 11, 19))  # Thursday of W47: W46 is in
    async with running(app, size=(120, 40)):
        assert "check-in due" not in top_line(app)


async def test_the_notice_names_the_users_checkin_key(data_dir: Path):
    config = Path(os.environ["SOCIALTUI_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text('[keys]\ncheck-in = "f4"\n', encoding="utf-8")
    path = copy_fixture(data_dir, "checkins.toml")
    app = app_on(path, data_dir, TODAY)
    async with running(app, size=(120, 40)) as pilot:
        assert "check-in due (1 week missing) · f4" in top_line(app)
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
