"""A channel's posting days survive an edit in the app's channel form that does
not touch them (the form's "Posting days" tick list gives back what the file has)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from socialtui.tui.screens.forms import ChannelForm

from .conftest import copy_fixture, make_app, running, settle


async def test_editing_a_channel_keeps_its_days(data_dir: Path):
    path = copy_fixture(data_dir, "overcommitted.toml")
    text = path.read_text(encoding="utf-8")
    marker = 'name = "Instagram"\n'
    assert marker in text
    path.write_text(text.replace(marker, marker + 'days = ["tue", "sat"]\n'), encoding="utf-8")

    app = make_app(path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        # Instagram (the table ranks channels by score, not in the file's order):
        # posts/week 4 -> 2, then save now.
        await pilot.press("3")
        app.screen.query_one("#channels").select_id("instagram")
        await pilot.press("enter")
        form = app.screen
        assert isinstance(form, ChannelForm) and form.item.id == "instagram"
        await pilot.press("tab", "tab", "end", "backspace", "2", "enter")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        channel = app.screen.plan.channel("instagram")
        assert (channel.posts_per_week, channel.days) == (2, ("tue", "sat"))

    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    instagram = next(c for c in saved["channels"] if c["id"] == "instagram")
    assert instagram["posts_per_week"] == 2
    assert instagram["days"] == ["tue", "sat"]
