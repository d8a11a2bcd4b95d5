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


def write_keys(text: str) -> None:
    import os
    from pathlib import Path

    config = Path(os.environ["SOCIALTUI_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text(text, encoding="utf-8")


async def test_the_interview_from_new_takes_the_user_s_keys():
    """``socialtui new`` runs the interview in an app of its own: config.toml's
    [keys] apply there as in the planner, and a bad entry is said once."""
    from socialtui.tui.run import interview_keys

    write_keys('[keys]\ninterview-next = "f3"\nnonsense = "f4"\n')
    app = InterviewApp("Own keys", TODAY, keys=interview_keys())
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.step == 1
        await pilot.press("pagedown")  # the default no longer moves on
        await pilot.pause()
        assert app.screen.step == 1
        await pilot.press("f3")
        await pilot.pause()
        assert app.screen.step == 2
        toasts = [str(n.message) for n in app._notifications]
        assert len(toasts) == 1 and "nonsense" in toasts[0]
