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
