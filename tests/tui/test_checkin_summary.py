"""The line after a check-in says what the Pace column and the findings say:
no goal is called behind pace before there is enough to judge it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from socialtui import store

from .conftest import copy_fixture, running, settle

A_WEEK_LATER = date(2026, 11, 30)  # the fixture's one check-in is of the week before


async def test_a_second_check_in_is_too_early_to_call_a_goal_behind(data_dir: Path):
    path = copy_fixture(data_dir, "bakery.toml")  # one check-in so far
    from socialtui.tui.app import SocialApp

    app = SocialApp(store.load(path), data=data_dir, today=A_WEEK_LATER)
    async with running(app, size=(120, 40), notifications=True) as pilot:
        await pilot.press("c")
        await settle(app, pilot)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await app.workers.wait_for_complete()
        await settle(app, pilot)
        said = [str(n.message) for n in app._notifications]
        line = next(m for m in said if m.startswith("Check-in "))
        assert "behind pace" not in line
        assert "too early to judge the goals' pace" in line
        assert "too early" in str(app.screen.query_one("#goals").table.get_row_at(0))
        assert not any(f.id == "goal-behind-pace" for f in app.screen.findings)


async def test_c_opens_the_missed_week_while_this_week_is_not_due(data_dir: Path):
    """Monday of W49, W47 recorded, W48 not: the header says one week is missing,
    and c opens W48 (W49's check-in is due on Friday); once recorded, no notice."""
    from socialtui.tui.app import SocialApp

    path = copy_fixture(data_dir, "bakery.toml")
    app = SocialApp(store.load(path), data=data_dir, today=A_WEEK_LATER)
    async with running(app, size=(120, 40)) as pilot:
        assert "check-in due (1 week missing)" in str(app.screen.topbar_text())
        await pilot.press("c")
        await settle(app, pilot)
        assert app.screen.week == "2026-W48"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await app.workers.wait_for_complete()
        assert [c.week for c in app.current_plan.checkins] == ["2026-W47", "2026-W48"]
        assert "check-in due" not in str(app.screen.topbar_text())
