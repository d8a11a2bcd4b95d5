"""Keys that arrive in one burst (a paste, an SSH stall, a fast typist) act in
the order they were typed: a move in a table, then a command on the row moved
to. Pilot's ``press`` waits between keys; these tests post the keys at once, as
a terminal read delivers them."""

from __future__ import annotations

from pathlib import Path

from textual import events

from .conftest import make_app, running, settle


def burst(app, *keys: str) -> None:
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


async def test_down_then_enter_opens_the_row_moved_to(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        burst(app, "4", "down", "enter")
        await settle(app, pilot)
        assert app.screen.query_one("#budget").editing == "reserve_percent"


async def test_a_command_after_a_move_acts_on_the_row_moved_to(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        table = app.screen.query_one("#channels").table
        first, second = (table.coordinate_to_cell_key((row, 0)).row_key.value for row in (0, 1))
        before = app.current_plan
        burst(app, "3", "down", "s")  # s cycles the selected channel's status
        await settle(app, pilot)
        after = app.current_plan
        assert after.channel(first).status == before.channel(first).status
        assert after.channel(second).status != before.channel(second).status


async def test_s_says_what_it_changed_and_when_the_plan_is_now_over(data_dir: Path):
    """s changes data with one key (documented, undoable): it says so, and says
    when that one key made the plan too much for its hours."""
    import re

    from .conftest import copy_fixture

    path = copy_fixture(data_dir, "bakery.toml")
    app = make_app(path, data_dir)
    async with running(app, size=(120, 40), notifications=True) as pilot:
        await pilot.press("3")
        app.screen.query_one("#channels").select_id("linkedin")
        await pilot.press("s")
        await settle(app, pilot)
        toast = [str(n.message) for n in app._notifications][-1]
        assert toast.startswith("LinkedIn: candidate → active; the plan is now OVER by ")
        amount = re.search(r"OVER by (\S+)", toast).group(1)
        gauge = str(app.screen.query_one("BudgetGauge").render())
        assert f"OVER by {amount}" in gauge
        assert toast.endswith("ctrl+z undoes it")
        await pilot.press("ctrl+z")
        assert app.current_plan == app.loaded.plan
