"""Hostile text typed (pasted) into the POST interview, reached from a hostile
plan's picker: every step draws it inert, and the plan keeps it exactly as typed.

Not a line of test_hostile_app's STEPS: its way back to the planner presses
``n`` after each escape, which in the picker opens a new plan's name again.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual import events
from textual.widgets import Input

from socialtui import store
from socialtui.tui.screens.interview import InterviewScreen
from socialtui.tui.screens.planner import PlannerScreen
from tests.hostile import hostile

from .conftest import settle
from .test_hostile_app import hostile_plan, hostile_run, inert, make

__all__ = ["hostile_plan"]

FIELDS = ("a1-name", "a1-wants", "who", "why", "them")


async def paste(app, pilot, ident: str, text: str) -> None:
    field = app.screen.query_one(f"#{ident}", Input)
    field.focus()
    await pilot.pause()
    field.post_message(events.Paste(text))
    await settle(app, pilot)


async def test_hostile_text_typed_into_the_interview_is_inert_and_kept(
    hostile_plan: Path, data_dir: Path
):
    app = make(hostile_plan, data_dir)
    async with hostile_run(app) as pilot:
        await pilot.press("ctrl+o", "n", *"Typed", "enter")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        typed = {}
        for ident in FIELDS[:2]:
            await paste(app, pilot, ident, hostile(ident))
            typed[ident] = screen.query_one(f"#{ident}", Input).value
            inert(app, f"interview, {ident}")
        await pilot.press("tab", "space", "pagedown")  # where they are: Instagram
        await settle(app, pilot)
        await paste(app, pilot, "g1-baseline", hostile("baseline"))
        shown = inert(app, "interview, a hostile baseline")
        assert "is not a number" in shown  # refused at the field, shown literally
        await paste(app, pilot, "g1-target", "\x1b[2J\x1b]0;pwned\x07 9")
        assert "␛[2J␛]0;pwned␇ 9' is not a number" in inert(app, "the reason quotes it")
        screen.query_one("#g1-target", Input).value = ""
        screen.query_one("#g1-baseline", Input).value = ""
        await pilot.press("pagedown")
        await settle(app, pilot)
        for ident in FIELDS[2:]:
            await paste(app, pilot, ident, hostile(ident))
            typed[ident] = screen.query_one(f"#{ident}", Input).value
            inert(app, f"interview, {ident}")
        await pilot.press("pagedown")
        await settle(app, pilot)
        inert(app, "interview, technology")
        await pilot.press("pagedown")
        await settle(app, pilot)
        assert isinstance(app.screen, PlannerScreen)
        inert(app, "the planner on the interview's plan")
    assert all("[@click=app.quit]" in value for value in typed.values())
    data = tomllib.loads((store.plans_dir(data_dir) / "typed.toml").read_text(encoding="utf-8"))
    (audience,) = data["audiences"]
    assert audience["name"] == typed["a1-name"].strip()
    assert audience["wants"] == typed["a1-wants"].strip()
    assert data["purpose"] == {k: typed[k].strip() for k in ("who", "why", "them")}
