"""The planner's export picker offers the calendar too: it lists report.FORMATS."""

from __future__ import annotations

from pathlib import Path

import icalendar
from textual.widgets import OptionList

from socialtui.tui.screens.planner import PlannerScreen

from .conftest import TODAY, copy_fixture, make_app, running


async def test_the_picker_exports_a_calendar(data_dir: Path):
    app = make_app(copy_fixture(data_dir, "export.toml"), data_dir)
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert labels[-1] == "iCalendar — posts, check-ins and reviews, for a calendar"
        await pilot.press("down", "down", "down", "enter")  # the fourth: iCalendar
        await pilot.pause()
        assert isinstance(app.screen, PlannerScreen)
    target = data_dir / "exports" / f"export-{TODAY.isoformat()}.ics"
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    summaries = sorted(str(e["SUMMARY"]) for e in calendar.walk("VEVENT"))
    assert summaries[:3] == ["Check-in: Harbour Yoga Studio 2027"] + ["Instagram: post"] * 2
