"""A fully hostile plan and a hostile file name, through every screen of the app.

Every string of the plan holds markup, ``[@click=app.quit]``, ESC/OSC/CSI
sequences, C1 controls and bidi overrides (:mod:`tests.hostile`), and the plans
folder holds a file whose name sets the terminal's title. The test opens every
screen, form, dialog, the picker, the palette's search, history, review and
export, with notifications on, and after each step renders what Textual would
write to the terminal: nothing may crash, no escape byte may come from the
plan's text (the only escape sequences allowed are the colour and cursor
sequences Textual writes itself), and the text shows literally.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
from pathlib import Path

import pytest

from socialtui import store
from socialtui.store import lock
from socialtui.tui.screens.planner import PlannerScreen
from tests.hostile import TITLE, escapes_in, hostile, plan_text

from .conftest import TODAY, running, settle

# What Textual itself writes: SGR colours and attributes, and cursor moves.
TEXTUAL_SEQUENCES = re.compile(r"\x1b\[[0-9;:]*m|\x1b\[[0-9]+;[0-9]+H")
HOSTILE_NAME = f"\x1b]0;{TITLE}\x07\x1b[31m red.toml"


def terminal_output(app) -> str:
    """What Textual would write to draw the whole screen now (toasts included)."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return update.render_segments(app.console)


def inert(app, where: str) -> str:
    """The screen's output, checked: no control or bidi character of the plan's."""
    output = terminal_output(app)
    rest = TEXTUAL_SEQUENCES.sub("", output)
    assert escapes_in(rest) == [], f"{where}: {escapes_in(rest)} reach the terminal"
    assert "\x1b]8;" not in output, f"{where}: a hyperlink from plan text is live"
    return output


def shown_text(app) -> str:
    return TEXTUAL_SEQUENCES.sub("", terminal_output(app))


@pytest.fixture
def hostile_plan(data_dir: Path) -> Path:
    """The hostile plan, in a file whose name sets the terminal's title."""
    path = store.plans_dir(data_dir) / HOSTILE_NAME
    path.write_text(plan_text())
    path.chmod(0o600)
    return path


@contextlib.asynccontextmanager
async def hostile_run(app):
    """``running`` with notifications on, at 120x40, failing (not hanging) when the
    app dies before the planner is complete (a markup error in a toast at start)."""
    async with asyncio.timeout(60):
        async with running(app, size=(120, 40), notifications=True) as pilot:
            yield pilot


def make(path: Path, data: Path):
    from socialtui.tui.app import SocialApp

    return SocialApp(store.load(path), data=data, today=TODAY)


async def visit(app, pilot, where: str, *keys: str) -> str:
    await pilot.press(*keys)
    await settle(app, pilot)
    assert app.return_code in (None, 0), f"{where}: the app ended ({app.return_code})"
    return inert(app, where)


async def back_to_planner(app, pilot, where: str) -> None:
    for _ in range(6):
        if isinstance(app.screen, PlannerScreen):
            return
        await pilot.press("escape")
        await settle(app, pilot)
        if not isinstance(app.screen, PlannerScreen):
            await pilot.press("n")  # a "discard?" question: keep nothing typed
            await settle(app, pilot)
    assert isinstance(app.screen, PlannerScreen), f"{where}: stuck on {app.screen!r}"


# Each step: where, then the keys that open it from the planner ("escape" first
# leaves an open field or a question).
STEPS = [
    ("purpose form", "1", "p"),
    ("goal form", "1", "enter"),
    ("goal add", "1", "a"),
    ("goal delete", "1", "d"),
    ("audience form", "2", "enter"),
    ("audience delete", "2", "d"),
    ("channel form", "3", "enter"),
    ("channel catalog", "3", "a"),
    ("channel delete", "3", "d"),
    ("fit", "4", "escape", "f"),
    ("person add", "4", "a"),
    ("check-in", "c"),
    ("check-in, last week", "c", "pageup"),
    ("history", "h"),
    ("export", "x"),
    ("help", "question_mark"),
    ("review", "r"),
    ("review, page 2", "r", "enter"),
    ("review, page 3", "r", "enter", "enter"),
    ("week view", "w"),
    ("palette", "ctrl+p"),
    ("palette search", "ctrl+p", *"name"),
    ("palette search for markup", "ctrl+p", *"[b]"),
]


async def test_every_screen_of_a_hostile_plan_is_inert(hostile_plan: Path, data_dir: Path):
    app = make(hostile_plan, data_dir)
    async with hostile_run(app) as pilot:
        shown = await visit(app, pilot, "planner")
        assert "[@click=app.quit]Q[/]" in shown  # markup shows as text
        assert "pwned" in shown  # the file name in the header, inert
        for pane in "1234":
            await visit(app, pilot, f"pane {pane}", "escape", pane)
        for where, *keys in STEPS:
            await visit(app, pilot, where, "escape", *keys)
            assert not isinstance(app.screen, PlannerScreen), f"{where}: nothing opened"
            await back_to_planner(app, pilot, where)

        await visit(app, pilot, "privacy", "escape", "m")
        await visit(app, pilot, "privacy off", "m")
        await visit(app, pilot, "export to a file", "escape", "x", "enter")
        await back_to_planner(app, pilot, "export")

        # Changed on disk: the dialog names the (hostile) file.
        hostile_plan.write_text(plan_text().replace("weekly_hours = 3.0", "weekly_hours = 3.5"))
        await visit(app, pilot, "edit", "escape", "4", "enter", "backspace", "2", "enter")
        await visit(app, pilot, "conflict", "ctrl+s")
        assert not isinstance(app.screen, PlannerScreen), "no conflict dialog"
        await visit(app, pilot, "save as a copy", "c")
    assert app.return_code in (None, 0)


async def test_a_hostile_lock_file_is_inert_in_the_header_toasts_and_dialog(
    hostile_plan: Path, data_dir: Path
):
    """The lock file is JSON anyone who can write the plans folder can write."""
    lock_file = lock.lock_path(hostile_plan)
    lock_file.write_text(
        json.dumps({"pid": 1, "user": hostile("user"), "host": hostile("host"), "token": "t"})
    )
    app = make(hostile_plan, data_dir)
    async with hostile_run(app) as pilot:
        assert app.read_only
        shown = await visit(app, pilot, "held elsewhere")
        assert "read-only: open in user [b]B[/b]" in shown
        await visit(app, pilot, "take over?", "ctrl+t")
        assert not isinstance(app.screen, PlannerScreen), "no take-over question"
        await visit(app, pilot, "taken over", "y")


async def test_a_broken_plan_opened_from_the_picker_is_a_literal_toast(
    hostile_plan: Path, data_dir: Path
):
    """A plan whose channel status is "[/]", opened from the picker, crashed the
    app (exit 70): the load error quoted the value in a toast parsed as markup."""
    from socialtui.tui.screens.picker import PlanPicker

    ordinary = store.plans_dir(data_dir) / "ordinary.toml"
    ordinary.write_text(plan_text())
    broken = store.plans_dir(data_dir) / "broken.toml"
    broken.write_text(plan_text(status="[/]"))
    app = make(ordinary, data_dir)
    async with hostile_run(app) as pilot:
        await pilot.press("ctrl+o")
        await settle(app, pilot)
        assert isinstance(app.screen, PlanPicker)
        app.screen.query_one("OptionList").highlighted = app.screen.paths.index(broken)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.return_code in (None, 0)
        toasts = [str(toast.render()) for toast in app.screen.query("Toast")]
        assert any("not '[/]'" in text for text in toasts), toasts
        assert "not '[/]'" in shown_text(app)
