"""The command palette, themes remembered across runs, NO_COLOR, and the plan
picker's rename and duplicate."""

from __future__ import annotations

import os
from pathlib import Path

from socialtui import store
from socialtui.store import config
from tests.tui.conftest import copy_fixture, make_app, running, settle
from tests.tui.test_planner import gauge_text, planner


def screen_text(app) -> str:
    """The whole screen as plain text, as a terminal would show it."""
    from rich.console import Console

    with open(os.devnull, "w") as sink:
        console = Console(width=app.size.width, record=True, file=sink, color_system=None)
        console.print(app.screen._compositor.render_update(full=True))
        return console.export_text()


async def test_palette_runs_the_plans_commands(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"check-in")
        await settle(app, pilot)  # the palette has searched
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "CheckinScreen"


async def test_palette_offers_fit_and_the_plan_keys(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"fit")
        await settle(app, pilot)  # the palette has searched
        await pilot.press("enter")  # the fit command asks first
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ConfirmScreen"
        await pilot.press("y")
        await pilot.pause()
        assert "OVER" not in gauge_text(app)


async def test_a_theme_chosen_in_the_palette_is_remembered(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        first = app.theme
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"theme")
        await settle(app, pilot)  # the palette has searched
        await pilot.press("enter")  # "Theme": the list of themes
        await settle(app, pilot)  # the palette has searched
        await pilot.press(*"nord")
        await settle(app, pilot)  # the palette has searched
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "nord" != first
    assert config.load_settings().get("theme") == "nord"
    again = make_app(over_path, data_dir)  # the next run starts in the chosen theme
    async with running(again, size=(120, 40)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_no_color_the_word_and_the_numbers_carry_the_gauge(
    over_path: Path, data_dir: Path, monkeypatch
):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(over_path, data_dir)
    assert app.no_color
    async with running(app, size=(120, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "OVER" in text and "6h 30m / 3h 36m" in text and "by 2h 54m" in text
        await pilot.press("4", "enter", "backspace", *"9")  # 9 h less the 10 % reserve: 8h 06m
        await pilot.pause()
        gauge = screen_text(app).splitlines()[1]
        assert "OVER" not in gauge
        assert "6h 30m / 8h 06m" in gauge and "1h 36m spare" in gauge


async def open_picker_on(app, pilot, path: Path) -> None:
    """ctrl+o, then highlight ``path`` in the list."""
    await pilot.press("ctrl+o")
    await pilot.pause()
    picker = app.screen
    picker.query_one("OptionList").highlighted = picker.paths.index(path)


async def test_picker_renames_a_plan_and_keeps_its_file(over_path: Path, data_dir: Path):
    bakery = copy_fixture(data_dir, "bakery.toml")
    before = bakery.read_text(encoding="utf-8")
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await open_picker_on(app, pilot, bakery)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press(*"Bakery 2028", "enter")  # the old name is selected: typing replaces it
        await pilot.pause()
    assert store.load(bakery).plan.name == "Bakery 2028"
    after = bakery.read_text(encoding="utf-8")
    changed = [
        (a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b
    ]
    assert changed == [('name = "Corner Bakery 2027"', 'name = "Bakery 2028"')]


async def test_picker_renames_the_open_plan(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await open_picker_on(app, pilot, over_path)
        await pilot.press("r", *"Studio Sud", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert planner(app).plan.name == "Studio Sud"
    assert store.load(over_path).plan.name == "Studio Sud"


async def test_picker_duplicates_a_plan_comments_and_all(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await open_picker_on(app, pilot, over_path)
        await pilot.press("c", *"Studio Nord B", "enter")
        await pilot.pause()
    copy = store.plans_dir(data_dir) / "studio-nord-b.toml"
    assert store.load(copy).plan.name == "Studio Nord B"
    original = store.load(over_path).plan
    assert store.load(copy).plan.channels == original.channels
    comments = [line for line in over_path.read_text("utf-8").splitlines() if "#" in line]
    copied = copy.read_text("utf-8")
    assert comments and all(line in copied for line in comments)
    assert original.name == "Studio Nord"  # the original is untouched
