"""The Week view (``w``): the week day by day, its settings edited live, undone,
refused where the plan may not be written, and loaded only on first use.

The plan is tests/fixtures/example.toml, on 2026-11-22 (week 2026-W47, Mon 16
to Sun 22 Nov). Worked out by hand from the file: Instagram posts 3 a week
(40m each, Mon/Wed/Fri as spread over Mon-Fri) with 60m engagement (12m a day);
the newsletter posts 0.5 a week (150m, every 2nd week, on Wednesday) with 10m
engagement (2m a day). So Monday is 40 + 12 + 2 = 54m, Tuesday 14m, Wednesday
40 + 150 + 12 + 2 = 204m.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from rich.console import Console

from socialtui.plan.model import WORK_DAYS
from socialtui.tui.screens.planner import PlannerScreen
from socialtui.tui.widgets.findings import FindingsPanel
from tests.hostile import plan_text

from .conftest import copy_fixture, make_app, running, settle
from .test_hostile_app import inert

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def example(data_dir: Path) -> Path:
    return copy_fixture(data_dir, "example.toml")


def week_text(app, width: int = 120) -> str:
    """The Week view's body as plain text (also while a form is open over it)."""
    from socialtui.tui.screens.week import WeekScreen

    screen = next(s for s in app.screen_stack if isinstance(s, WeekScreen))
    with open(os.devnull, "w") as sink:
        console = Console(width=width, record=True, file=sink, color_system=None)
        console.print(screen.query_one("#week-grid").content)
        return console.export_text()


def messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def screen_name(app) -> str:
    return type(app.screen).__name__


def finding_ids(app) -> set[str]:
    return {f.id for f in app.planner.query_one(FindingsPanel).findings}


async def open_week(app, pilot) -> None:
    await pilot.press("w")
    await settle(app, pilot)
    assert screen_name(app) == "WeekScreen"


async def test_w_opens_the_week_and_escape_goes_back(example: Path, data_dir: Path):
    app = make_app(example, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await open_week(app, pilot)
        text = week_text(app)
        for heading in ("Mon 16", "Tue 17", "Wed 18", "Thu 19", "Fri 20"):
            assert heading in text
        assert "Sat 21 · off" in text and "Sun 22 · off" in text
        assert "Instagram" in text and "1 post 40m" in text
        assert "engage 12m" in text and "engage 2m" in text
        assert "1 post 150m" in text and "every 2nd week" in text
        for total in ("54m", "14m", "204m"):
            assert total in text
        assert "◆ check-in" in text  # Friday, the default
        assert "Daily limit none" in text and "Start 09:00" in text
        # The review is every 4 weeks from 2026-11-02: next on 2026-11-30, a Monday.
        assert "next Mon 2026-11-30" in text
        # 2026-W47 is week 2968 counted from 1970-W01: even, a newsletter week.
        assert "falls on Wednesday, this week" in text
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, PlannerScreen)


async def test_the_palette_opens_the_week(example: Path, data_dir: Path):
    app = make_app(example, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"week")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert screen_name(app) == "WeekScreen"


async def test_days_as_rows_at_80x24(example: Path, data_dir: Path):
    app = make_app(example, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        await open_week(app, pilot)
        lines = week_text(app, 80).splitlines()
        monday = next(line for line in lines if line.lstrip().startswith("Mon 16"))
        assert "Instagram 1 post 40m" in monday and monday.rstrip().endswith("54m")
        wednesday = next(line for line in lines if line.lstrip().startswith("Wed 18"))
        assert wednesday.rstrip().endswith("204m")
        assert any("Sat 21 · off" in line for line in lines)


async def test_a_daily_limit_flows_live_to_the_findings_and_is_undone(
    example: Path, data_dir: Path
):
    original = example.read_text(encoding="utf-8")
    app = make_app(example, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await open_week(app, pilot)
        assert "day-over-limit" not in finding_ids(app)
        await pilot.press("e")
        await settle(app, pilot)
        assert screen_name(app) == "WeekForm"
        await pilot.press("tab", *"60")  # the daily limit, not yet kept
        await settle(app, pilot)
        assert "day-over-limit" in finding_ids(app)  # the planner's findings, live
        text = week_text(app)
        assert "204m of 60m" in text and "▲ OVER +144m" in text
        assert "Wednesday: 204m planned in the weeks every post falls, limit 60m" in text
        await pilot.press("ctrl+s")  # keeps the form
        await pilot.press("ctrl+s")  # saves the plan
        await settle(app, pilot)
        assert screen_name(app) == "WeekScreen"
        assert app.planner.plan.budget.max_minutes_per_day == 60
        assert "day-over-limit" in {f.id for f in app.planner.findings}
        saved = tomllib.loads(example.read_text(encoding="utf-8"))
        assert saved["budget"]["max_minutes_per_day"] == 60

        await pilot.press("ctrl+z")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.planner.plan.budget.max_minutes_per_day is None
        assert "day-over-limit" not in finding_ids(app)
        assert "Daily limit none" in week_text(app)
        await pilot.press("ctrl+y", "ctrl+s")
        await settle(app, pilot)
        assert app.planner.plan.budget.max_minutes_per_day == 60
    assert "max_minutes_per_day = 60" in example.read_text(encoding="utf-8")
    assert original.count("\n") + 1 == example.read_text(encoding="utf-8").count("\n")


async def test_clearing_the_limit_removes_the_key_and_keeps_the_comments(data_dir: Path):
    path = copy_fixture(data_dir, "example.toml")
    text = path.read_text(encoding="utf-8")
    anchor = "max_active_channels = 2     # walk before you run\n"
    with_limit = text.replace(anchor, anchor + "max_minutes_per_day = 90   # a boundary\n")
    assert with_limit != text
    path.write_text(with_limit, encoding="utf-8")
    app = make_app(path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await open_week(app, pilot)
        assert "Daily limit 90m" in week_text(app)
        await pilot.press("e", "tab", "ctrl+u", "ctrl+s")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.planner.plan.budget.max_minutes_per_day is None
    assert path.read_text(encoding="utf-8") == text  # the key gone, nothing else touched


async def test_the_plans_days_are_ticked_in_weekday_order(example: Path, data_dir: Path):
    app = make_app(example, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await open_week(app, pilot)
        # Untick Monday, tick Sunday and Saturday: the days come back in weekday order.
        await pilot.press("e", "space", *["down"] * 6, "space", "up", "space", "ctrl+s")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.planner.plan.budget.days == ("tue", "wed", "thu", "fri", "sat", "sun")
        text = week_text(app)
        assert "Mon 16 · off" in text and "Sat 21 · off" not in text
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert app.planner.plan.budget.days == WORK_DAYS
    saved = tomllib.loads(example.read_text(encoding="utf-8"))
    assert saved["budget"]["days"] == ["tue", "wed", "thu", "fri", "sat", "sun"]


async def test_no_day_at_all_is_refused_at_the_field(example: Path, data_dir: Path):
    app = make_app(example, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await open_week(app, pilot)
        await pilot.press("e")
        for _ in range(5):  # untick Monday to Friday
            await pilot.press("space", "down")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert screen_name(app) == "WeekForm"  # still open
        note = str(app.screen.query_one("#note-days").render())
        assert "tick at least one day" in note
        assert app.planner.plan.budget.days == WORK_DAYS


async def test_start_and_check_in_day(example: Path, data_dir: Path):
    app = make_app(example, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await open_week(app, pilot)
        await pilot.press("e", "tab", "tab", "ctrl+u", *"7:30")
        await settle(app, pilot)
        note = str(app.screen.query_one("#note-start").render())
        assert "HH:MM" in note and "✖" in note  # 7:30 is not HH:MM
        await pilot.press("home", "0", "tab", "t")  # 07:30; check-in day: Tue
        await pilot.press("ctrl+s")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        plan = app.planner.plan
        assert (plan.budget.start, plan.review.checkin_day) == ("07:30", "tue")
        text = week_text(app)
        assert "Start 07:30" in text and "Check-in Tuesday" in text
    saved = tomllib.loads(example.read_text(encoding="utf-8"))
    assert saved["budget"]["start"] == "07:30"
    assert saved["review"]["checkin_day"] == "tue"


async def test_the_settings_opened_and_kept_unchanged_leave_the_file_as_it_was(
    example: Path, data_dir: Path
):
    before = example.read_bytes()
    app = make_app(example, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await open_week(app, pilot)
        await pilot.press("enter", "ctrl+s")  # the form, kept as it opened
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert screen_name(app) == "WeekScreen"
        assert not app.planner.history.can_undo
        await pilot.press("ctrl+q")
        await settle(app, pilot)
    assert example.read_bytes() == before


async def test_a_read_only_plan_shows_the_week_and_refuses_edits(example: Path, data_dir: Path):
    example.chmod(0o400)
    before = example.read_bytes()
    app = make_app(example, data_dir)
    async with running(app, size=(120, 40), notifications=True) as pilot:
        await open_week(app, pilot)
        app.clear_notifications()
        await pilot.press("e")
        await settle(app, pilot)
        assert screen_name(app) == "WeekScreen"  # no form
        assert messages(app) == [
            "This plan is read-only: you have no write permission on it (mode 0400)."
        ]
    assert example.read_bytes() == before


async def test_privacy_mode_masks_the_week_and_refuses_edits(example: Path, data_dir: Path):
    app = make_app(example, data_dir)
    async with running(app, size=(120, 40), notifications=True) as pilot:
        await pilot.press("m")
        await open_week(app, pilot)
        text = week_text(app)
        assert "Instagram" not in text and "newsletter" not in text.lower()
        assert "Channel 1" in text
        app.clear_notifications()
        await pilot.press("e")
        await settle(app, pilot)
        assert screen_name(app) == "WeekScreen"
        assert messages(app) == ["Privacy mode is on: press m to show the plan and edit it."]


async def test_a_hostile_channel_name_shows_literally_in_the_week(data_dir: Path):
    path = copy_fixture(data_dir, "example.toml")
    path.write_text(plan_text(), encoding="utf-8")  # its channel "ig" is active
    app = make_app(path, data_dir)
    async with running(app, size=(120, 40), notifications=True) as pilot:
        await open_week(app, pilot)
        inert(app, "week view")  # no escape, control or bidi character reaches the terminal
        text = week_text(app)
        assert "[b]B[/b]" in text and "[@click" in text  # shown, not obeyed
        await pilot.press("e")
        await settle(app, pilot)
        inert(app, "week settings")


async def test_the_channel_form_ticks_posting_days(example: Path, data_dir: Path):
    app = make_app(example, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("3")
        app.screen.query_one("#channels").select_id("instagram")
        await pilot.press("enter")
        await settle(app, pilot)
        form = app.screen
        assert screen_name(app) == "ChannelForm"
        days = form.query_one("#field-days")
        form.set_focus(days)
        assert "Sunday" in str(days.render())  # all seven in view, the weekend too
        # Thursday, then Tuesday: kept in weekday order.
        await pilot.press(*["down"] * 3, "space", "up", "up", "space", "ctrl+s")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.planner.plan.channel("instagram").days == ("tue", "thu")
        await open_week(app, pilot)
        # 3 posts on 2 days: the week says so.
        assert "cadence-days-mismatch" in week_text(app)
    saved = tomllib.loads(example.read_text(encoding="utf-8"))
    instagram = next(c for c in saved["channels"] if c["id"] == "instagram")
    assert instagram["days"] == ["tue", "thu"]


def test_the_planners_first_frame_does_not_load_the_week_view(example: Path, data_dir: Path):
    """Run in a fresh interpreter: the planner complete, then ``w``."""
    code = f"""
import asyncio, json, sys
from datetime import date
from socialtui import store
from socialtui.tui.app import SocialApp

async def main():
    app = SocialApp(store.load({str(example)!r}), data={str(data_dir)!r}, today=date(2026, 11, 22))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.planner.filled.wait()
        await pilot.pause()
        before = "socialtui.tui.screens.week" in sys.modules
        await pilot.press("w")
        await pilot.pause()
        after = "socialtui.tui.screens.week" in sys.modules
        print(json.dumps([before, after, type(app.screen).__name__]))

asyncio.run(main())
"""
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.strip().splitlines()[-1]) == [False, True, "WeekScreen"]
