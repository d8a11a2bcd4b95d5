"""The planner's start: a light first frame, then the panes; nothing typed is lost.

The first frame shows the plan's name, the gauge, the findings and the panes'
outlines (one widget); the panes follow right after. These tests hold the panes
back (Lazy, which mounts them, waits on a gate the test opens) to look at the first
frame and to type into it, with the plain ``run_test`` (the tests' ``running``
helper waits for the panes).
"""

from __future__ import annotations

import asyncio
import gc
import io
from pathlib import Path

import pytest
from rich.console import Console
from textual import events
from textual.app import App
from textual.lazy import Lazy

from socialtui.tui.screens.planner import PlannerScreen
from socialtui.tui.widgets.outline import PaneOutlines, boxes, split
from socialtui.tui.widgets.pane import Pane

from .conftest import copy_fixture, make_app, running, wait_until


@pytest.fixture
def gate(monkeypatch) -> asyncio.Event:
    """Hold every planner's panes back (Lazy mounts them) until the test sets the event.

    The screen goes on working meanwhile, so the test can look at it; keys go
    to the app, which holds them.
    """
    opened = asyncio.Event()
    mount = Lazy.mount_composed_widgets
    waiting: list[asyncio.Task] = []

    async def gated(self, widgets) -> None:
        async def when_open() -> None:
            await opened.wait()
            await mount(self, widgets)

        waiting.append(asyncio.create_task(when_open()))

    monkeypatch.setattr(Lazy, "mount_composed_widgets", gated)
    return opened


def screen_text(app) -> str:
    """The screen as a terminal shows it, as plain text."""
    width, height = app.size
    console = Console(
        width=width, height=height, file=io.StringIO(), force_terminal=True, record=True
    )
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text()


async def test_first_frame_shows_name_gauge_findings_and_outlines(over_path: Path, data_dir, gate):
    app = make_app(over_path, data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlannerScreen) and not screen.filled.is_set()
        assert not screen.query(Pane)  # the panes are not there yet
        text = screen_text(app)
        assert "Studio Nord" in text  # the plan's name
        assert "6h 30m / 3h 36m" in text and "OVER" in text  # the gauge
        assert "over-budget" in text  # the findings
        for title in ("1 Goals", "2 Audience", "3 Channels", "4 Budget"):
            assert f"╭─ {title} ─" in text  # where each pane will be
        gate.set()
        await screen.filled.wait()
        await pilot.pause()
        assert not screen.query(PaneOutlines)
        assert len(screen.query(Pane)) == 3 and screen.query_one("#budget")
        assert "LinkedIn" in screen_text(app)


async def test_keys_typed_before_the_panes_arrive_reach_them_in_order(
    over_path: Path, data_dir, gate
):
    app = make_app(over_path, data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # A fast typist: focus Budget, open weekly hours, clear it, type 10,
        # keep it. Posted straight to the app, as the terminal driver does: no
        # waiting between keys.
        for key, char in (("4", "4"), ("enter", "\r"), ("ctrl+u", None)):
            app.post_message(events.Key(key, char))
        for key, char in (("1", "1"), ("0", "0"), ("enter", "\r")):
            app.post_message(events.Key(key, char))
        for _ in range(50):  # the app has every chance to act on them
            await asyncio.sleep(0)
        assert app.planner.plan.budget.weekly_hours == 4  # nothing happened yet
        gate.set()
        await app.planner.filled.wait()
        await wait_until(pilot, lambda: app.planner.plan.budget.weekly_hours == 10)
        assert app.focused is app.screen.query_one("#budget-table")  # the field is closed
        assert app.planner.plan.budget.weekly_hours == 10
        assert "OVER" not in str(app.screen.query_one("#gauge").render())


@pytest.mark.parametrize("size", [(120, 40), (121, 41), (133, 37), (110, 34), (200, 60)])
async def test_outlines_stand_where_the_panes_are(over_path: Path, data_dir, gate, size):
    app = make_app(over_path, data_dir)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        outlines = app.screen.query_one(PaneOutlines)
        area = outlines.region
        drawn = boxes(area.width, area.height, outlines.single)
        gate.set()
        await app.planner.filled.wait()
        await pilot.pause()
        panes = app.screen.query_one("#panes").region
        assert panes == area
        for number, x, y, width, height in drawn:
            pane_id = {1: "goals", 2: "audience", 3: "channels", 4: "budget"}[number]
            region = app.screen.query_one(f"#{pane_id}").region
            assert (region.x - area.x, region.y - area.y, region.width, region.height) == (
                x,
                y,
                width,
                height,
            ), pane_id


async def test_a_small_terminal_outlines_only_the_current_pane(over_path: Path, data_dir, gate):
    app = make_app(over_path, data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "╭─ 1 Goals ─" in text and "2 Audience ─" not in text
        assert "1 Goals" in text.splitlines()[2]  # the pane strip
        gate.set()
        await app.planner.filled.wait()


def test_split_puts_each_edge_at_the_floor_of_its_exact_place():
    assert split(120, (1, 1)) == [(0, 60), (60, 60)]
    assert split(121, (1, 1)) == [(0, 60), (60, 61)]
    assert split(121, (3, 2)) == [(0, 72), (72, 49)]
    assert split(7, (3, 2)) == [(0, 4), (4, 3)]


async def test_collection_is_back_on_once_the_planner_is_complete(over_path: Path, data_dir):
    """``run_app`` turns garbage collection off for the start; the app turns it on."""
    app = make_app(over_path, data_dir)
    gc.disable()
    try:
        async with running(app, size=(120, 40)):
            assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


async def test_opening_for_a_checkin_waits_for_the_panes(data_dir):
    from socialtui import store
    from socialtui.tui.app import SocialApp
    from socialtui.tui.screens.checkin import CheckinScreen

    from .conftest import TODAY

    path = copy_fixture(data_dir, "overcommitted.toml")
    app = SocialApp(store.load(path), data=data_dir, today=TODAY, start="checkin")
    async with running(app, size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
        assert app.planner is not None and app.planner.filled.is_set()


@pytest.mark.parametrize(
    "fixture, size, shown, absent",
    [
        (
            "overcommitted.toml",
            (120, 40),
            ["Studio Nord", "OVER by 2h 54m", "over-budget", "╭─ 4 Budget ─"],
            [],
        ),
        (
            "bakery.toml",
            (80, 24),
            ["Corner Bakery 2027", "1 Goals   2 Audience", "goal-without-channel"],
            ["╭─ 2 Audience ─"],  # one pane at a time from the very first frame
        ),
    ],
)
async def test_the_very_first_frame(data_dir, monkeypatch, fixture, size, shown, absent):
    """What the first frame drawn holds, read the moment the app draws it."""
    from socialtui.tui.app import SocialApp

    frames: list[str] = []
    display = App._display

    def first(self, screen, renderable) -> None:
        if renderable is not None and not self._batch_count and not frames:
            frames.append(screen_text(self))
        display(self, screen, renderable)

    monkeypatch.setattr(SocialApp, "_display", first)
    app = make_app(copy_fixture(data_dir, fixture), data_dir)
    async with running(app, size=size):
        pass
    assert frames, "nothing was drawn"
    assert "Cadence" not in frames[0]  # the tables come after it
    for text in shown:
        assert text in frames[0]
    for text in absent:
        assert text not in frames[0]
