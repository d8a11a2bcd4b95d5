"""Text pasted into any field (a form's line, a text box, an open budget value, a
check-in's note, the picker's name prompt) is drawn inert, and kept as pasted.

A paste arrives whole, escape bytes and all (a terminal's bracketed paste);
Textual's Input and TextArea draw their value as it is, so an ESC sequence in
it would act on the terminal.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events

from .conftest import copy_fixture, make_app, running, settle
from .test_hostile_app import inert, shown_text

PASTED = "Bob\x1b]0;pwned\x07\x1b[2J\u202eevil\x9b31m"


@pytest.fixture
def studio(data_dir: Path) -> Path:
    return copy_fixture(data_dir, "overcommitted.toml")


async def paste_into_focused(app, pilot, where: str) -> object:
    field = app.focused
    assert field is not None, f"{where}: nothing focused"
    field.post_message(events.Paste(PASTED))
    await settle(app, pilot)
    inert(app, where)
    return field


@pytest.mark.parametrize(
    ("where", "keys"),
    [
        ("a goal's title (a line)", ["1", "a"]),
        ("the purpose's why (a text box)", ["1", "p", "tab"]),
        ("an audience's name (a line)", ["2", "a"]),
        ("a new plan's name (the picker's prompt)", ["ctrl+o", "n"]),
        ("the check-in's note (a text box)", ["c", "end"]),
    ],
)
async def test_a_paste_is_drawn_inert(studio: Path, data_dir: Path, where: str, keys: list):
    app = make_app(studio, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press(*keys)
        await settle(app, pilot)
        if where.startswith("the check-in"):
            app.screen.query_one("#note").focus()
            await settle(app, pilot)
        field = await paste_into_focused(app, pilot, where)
        value = getattr(field, "value", None)
        if value is None:
            value = field.text
        assert PASTED in value  # kept as pasted: only the drawing is cleaned


async def test_a_paste_into_an_open_budget_value_is_drawn_inert(studio: Path, data_dir: Path):
    app = make_app(studio, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("4", "enter", "ctrl+u")
        await settle(app, pilot)
        field = await paste_into_focused(app, pilot, "weekly hours")
        assert field.value == PASTED


@pytest.mark.parametrize(
    ("where", "keys", "field"),
    [
        ("a channel's posts a week (a form's reason)", ["3", "enter"], "#field-posts_per_week"),
        ("a check-in's hours (the check-in's reason)", ["c"], None),
    ],
)
async def test_a_reason_quoting_a_paste_is_drawn_inert(
    studio: Path, data_dir: Path, where: str, keys: list, field: str | None
):
    app = make_app(studio, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press(*keys)
        await settle(app, pilot)
        if field is not None:
            app.screen.query_one(field).focus()
            await settle(app, pilot)
        await pilot.press("ctrl+u")
        await paste_into_focused(app, pilot, where)
        assert "is not a number" in shown_text(app)  # refused, with the reason shown
