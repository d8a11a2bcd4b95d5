"""The interview before any plan exists: ``socialtui new NAME`` in a terminal and a
first start, whose welcome offers the interview first and the starter next to it."""

from __future__ import annotations

from datetime import date

from socialtui.plan.model import Plan
from socialtui.tui.screens.dialogs import DiscardScreen
from socialtui.tui.screens.interview import InterviewScreen
from socialtui.tui.screens.interview_app import STARTER, InterviewApp, StartScreen

TODAY = date(2026, 11, 22)


async def test_the_welcome_offers_the_interview_first_then_the_starter():
    app = InterviewApp("My first social plan", TODAY, welcome=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        options = app.screen.query_one("OptionList")
        labels = [str(options.get_option_at_index(i).prompt) for i in range(2)]
        assert labels[0].startswith("The POST interview")
        assert labels[1].startswith("The starter plan")
        await pilot.press("down", "enter")
        await pilot.pause()
    assert app.return_value == STARTER


async def test_the_welcome_left_creates_nothing():
    app = InterviewApp("My first social plan", TODAY, welcome=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_value is None


async def test_the_welcome_s_interview_returns_the_plan():
    app = InterviewApp("My first social plan", TODAY, welcome=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        await pilot.press(*"Walkers", "ctrl+s")
        await pilot.pause()
    plan = app.return_value
    assert isinstance(plan, Plan)
    assert plan.name == "My first social plan"
    assert [a.name for a in plan.audiences] == ["Walkers"]


async def test_ctrl_q_in_the_interview_asks_before_discarding():
    app = InterviewApp("Quitting", TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"Someone", "ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, DiscardScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        await pilot.press("ctrl+q", "y")
        await pilot.pause()
    assert app.return_value is None
