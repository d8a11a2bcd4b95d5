"""The POST interview, walked with keys from the picker's ``n``: forward, back,
skip, escape, bad values refused at the field, and the file it writes read back
field by field."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.widgets import Input, Static

from socialtui import store
from socialtui.tui.screens.dialogs import DiscardScreen
from socialtui.tui.screens.interview import InterviewScreen
from socialtui.tui.screens.interview_app import StartScreen
from socialtui.tui.screens.planner import PlannerScreen
from socialtui.tui.widgets.findings import FindingsPanel
from socialtui.tui.widgets.gauge import BudgetGauge

from .conftest import make_app, running, settle


async def open_interview(app, pilot, name: str = "Corner Bakery") -> InterviewScreen:
    """ctrl+o, n, the name, enter: the first choice offered is the interview."""
    await pilot.press("ctrl+o")
    await settle(app, pilot)
    await pilot.press("n", *name, "enter")
    await settle(app, pilot)
    assert isinstance(app.screen, StartScreen)
    await pilot.press("enter")
    await settle(app, pilot)
    assert isinstance(app.screen, InterviewScreen)
    return app.screen


def note(screen: InterviewScreen, ident: str) -> str:
    widget = screen.query_one(f"#note-{ident}", Static)
    return str(widget.render()) if widget.display else ""


def plan_file(data: Path, stem: str) -> dict:
    return tomllib.loads((store.plans_dir(data) / f"{stem}.toml").read_text(encoding="utf-8"))


PEOPLE = [
    *"Neighbours", "tab", *"Fresh bread early", "tab",
    "space", "down", "space", "tab",  # Instagram, Facebook page
    *"Offices", "tab", *"Lunch orders", "tab",
    "down", "down", "down", "space",  # LinkedIn
    "pagedown",
]  # fmt: skip
OBJECTIVES = [
    "s", "tab", "right", "tab", "4", "tab", "1", "0", "tab", "right",  # sales, 12 months
    "tab", "tab", "tab",
    "c", "tab", "tab", "2", "tab", "8",  # community: comments per week, 6 months
    "pagedown",
]  # fmt: skip
STRATEGY = [
    *"A corner bakery", "tab", *"Win regulars", "tab", *"The day's bakes first", "tab",
    "ctrl+u", "5", "pagedown",
]  # fmt: skip


async def test_a_whole_interview_writes_the_plan_and_opens_it(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        screen = await open_interview(app, pilot)
        await pilot.press(*PEOPLE, *OBJECTIVES, *STRATEGY)
        await settle(app, pilot)
        assert screen.step == 4
        picks = screen.query_one("#active")
        # Ranked by score (2 goals x 1 audience / hours): LinkedIn 1h 30m,
        # Facebook page 2h 00m, Instagram 3h 15m; the best that fits is ticked.
        assert [p.id for p in picks.items] == ["linkedin", "facebook", "instagram"]
        assert picks.value == ("linkedin",)
        await pilot.press("down", "space", "pagedown")
        await settle(app, pilot)
        assert isinstance(app.screen, PlannerScreen)
        assert app.loaded.path == store.plans_dir(data_dir) / "corner-bakery.toml"
        assert app.screen.query_one(FindingsPanel).findings == app.screen.findings

    data = plan_file(data_dir, "corner-bakery")
    assert data["name"] == "Corner Bakery"
    assert data["purpose"] == {
        "who": "A corner bakery",
        "why": "Win regulars",
        "them": "The day's bakes first",
    }
    assert data["budget"]["weekly_hours"] == 5
    assert data["budget"]["reserve_percent"] == 10
    assert data["budget"]["max_active_channels"] == 2
    assert data["review"]["last"].isoformat() == "2026-11-22"
    first, second = data["goals"]
    assert first == {
        "id": "enquiries-per-month",
        "title": "More enquiries",
        "metric": "enquiries per month",
        "baseline": 4,
        "target": 10,
        "deadline": first["deadline"],
        "horizon": "long",
        "focus": "us",
    }
    assert first["deadline"].isoformat() == "2027-11-30"
    assert second["id"] == "comments-per-week"
    assert second["metric"] == "comments per week"
    assert (second["baseline"], second["target"]) == (2, 8)
    assert second["deadline"].isoformat() == "2027-05-31"
    assert (second["horizon"], second["focus"]) == ("short", "them")
    assert data["audiences"] == [
        {
            "id": "neighbours",
            "name": "Neighbours",
            "wants": "Fresh bread early",
            "channels": ["instagram", "facebook"],
        },
        {"id": "offices", "name": "Offices", "wants": "Lunch orders", "channels": ["linkedin"]},
    ]
    channels = {c["id"]: c for c in data["channels"]}
    assert {i: c["status"] for i, c in channels.items()} == {
        "instagram": "candidate",
        "facebook": "active",
        "linkedin": "active",
    }
    assert channels["linkedin"]["posts_per_week"] == 3
    assert channels["linkedin"]["minutes_per_post"] == 15
    assert channels["linkedin"]["engage_minutes_per_week"] == 45
    assert channels["facebook"]["goals"] == ["enquiries-per-month", "comments-per-week"]


async def test_steps_can_be_skipped_and_gone_back_to(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        screen = await open_interview(app, pilot, "Quiet")
        await pilot.press("pagedown", "pagedown")  # People and Objectives skipped
        await settle(app, pilot)
        assert screen.step == 3
        await pilot.press("tab", "tab", "tab", "ctrl+u", "2")  # hours: 2
        await pilot.press("pageup", "pageup")
        await settle(app, pilot)
        assert screen.step == 1
        await pilot.press("pageup")  # nothing before the first step
        await pilot.press(*"Walkers", "pagedown", "pagedown")
        await settle(app, pilot)
        assert screen.step == 3
        assert screen.query_one("#hours", Input).value == "2"  # kept while away
        # The gauge and the findings are there on every step, on the plan so far.
        assert "0m / 1h 48m" in str(screen.query_one(BudgetGauge).render())
        await pilot.press("pagedown", "pagedown")
        await settle(app, pilot)
        assert isinstance(app.screen, PlannerScreen)
    data = plan_file(data_dir, "quiet")
    assert data["budget"]["weekly_hours"] == 2
    assert data["audiences"] == [{"id": "walkers", "name": "Walkers"}]
    assert "goals" not in data and "channels" not in data and "purpose" not in data


async def test_bad_values_are_refused_at_the_field(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        screen = await open_interview(app, pilot, "Strict")
        await pilot.press("pagedown", "s", "tab", "tab", *"12abc")
        await settle(app, pilot)
        assert "'12abc' is not a number" in note(screen, "g1-baseline")
        await pilot.press("tab", "pagedown")
        await settle(app, pilot)
        assert screen.step == 2  # not on until mended
        assert app.focused is screen.query_one("#g1-baseline")
        await pilot.press("ctrl+u", "1", "2", "pagedown", "tab", "tab", "tab")
        await pilot.press("ctrl+u", "0")
        await settle(app, pilot)
        assert note(screen, "hours") == "✖ must be more than 0 and at most 168, not 0"
        await pilot.press("pageup", "ctrl+s")  # finishing from elsewhere: back to the field
        await settle(app, pilot)
        assert isinstance(app.screen, InterviewScreen) and screen.step == 3
        assert app.focused is screen.query_one("#hours")
        await pilot.press("ctrl+u", *"200", "pagedown")
        await settle(app, pilot)
        assert "not 200" in note(screen, "hours") and screen.step == 3
        await pilot.press("ctrl+u", "3", "ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, PlannerScreen)
    data = plan_file(data_dir, "strict")
    assert data["goals"][0]["baseline"] == 12
    assert data["budget"]["weekly_hours"] == 3


async def test_a_third_active_channel_is_refused(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        screen = await open_interview(app, pilot, "Three")
        await pilot.press(*"All", "tab", "tab", "space", "down", "space", "down", "space")
        await pilot.press("pagedown", "pagedown", "pagedown")
        await settle(app, pilot)
        await pilot.press("down", "space", "down", "space")
        await settle(app, pilot)
        assert len(screen.query_one("#active").value) == 2
        assert "at most 2 active" in note(screen, "active")


async def test_escape_asks_before_discarding(over_path: Path, data_dir: Path):
    before = sorted(p.name for p in store.plans_dir(data_dir).iterdir())
    app = make_app(over_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        screen = await open_interview(app, pilot, "Maybe")
        await pilot.press("escape")  # nothing typed: closes at once
        await settle(app, pilot)
        assert app.screen.__class__.__name__ == "PlanPicker"
        await pilot.press("n", *"Maybe", "enter", "enter", *"Someone")
        await settle(app, pilot)
        screen = app.screen
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, DiscardScreen)
        await pilot.press("n")
        await settle(app, pilot)
        assert app.screen is screen
        assert screen.query_one("#a1-name", Input).value == "Someone"
        await pilot.press("pagedown", "escape")  # on another step, still asks
        await settle(app, pilot)
        assert isinstance(app.screen, DiscardScreen)
        await pilot.press("y")
        await settle(app, pilot)
        assert app.screen.__class__.__name__ == "PlanPicker"
    assert sorted(p.name for p in store.plans_dir(data_dir).iterdir()) == before


async def test_a_bad_value_alone_is_typing_escape_asks(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        await open_interview(app, pilot, "Odd")
        await pilot.press("pagedown", "s", "tab", "tab", "x", "escape")
        await settle(app, pilot)
        assert isinstance(app.screen, DiscardScreen)


async def test_findings_in_the_interview_name_no_planner_key(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        screen = await open_interview(app, pilot, "Keys")
        panel = screen.query_one(FindingsPanel)
        assert any(f.id == "no-purpose" for f in panel.findings)
        shown = "\n".join(str(panel.render_line(y).text) for y in range(panel.size.height))
        assert "no-purpose" in shown and "Say who it is for and why you are there" in shown
        assert "[p]" not in shown and "(p)" not in shown


async def test_the_picker_offers_the_starter_and_blank_too(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("ctrl+o")
        await settle(app, pilot)
        await pilot.press("n", *"Empty one", "enter", "down", "down", "enter")
        await settle(app, pilot)
        await pilot.press("n", *"Example", "enter", "down", "enter")
        await settle(app, pilot)
        assert app.screen.__class__.__name__ == "PlanPicker"  # created, selected, not opened
    blank = plan_file(data_dir, "empty-one")
    assert blank["name"] == "Empty one"
    assert not {"goals", "audiences", "channels", "purpose"} & set(blank)
    starter = plan_file(data_dir, "example")
    assert len(starter["goals"]) == 2 and len(starter["channels"]) == 3


async def test_two_audiences_two_goals_two_channels_in_a_bounded_number_of_keys(
    over_path: Path, data_dir: Path
):
    """Every key a new user presses for two audiences, two goals and two active
    channels, counted: typing (one key per character) apart, a tab per field, a
    space per tick, a letter per aim and a key to move on from each step."""
    counted = {"typed": 0, "other": 0}
    app = make_app(over_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        await open_interview(app, pilot, "Counted")

        async def press(*keys: str) -> None:
            for key in keys:
                counted["typed" if len(key) == 1 and key not in "sc" else "other"] += 1
            await pilot.press(*keys)

        async def type_(text: str) -> None:
            counted["typed"] += len(text)
            await pilot.press(*text)

        # People: two audiences, where they are ticked
        await type_("Neighbours"), await press("tab"), await type_("Fresh bread")
        await press("tab", "space", "tab")
        await type_("Offices"), await press("tab"), await type_("Lunch")
        await press("tab", "down", "down", "down", "space", "pagedown")
        # Objectives: sales (baseline 4, target 10), community (2 -> 8)
        await press("s", "tab", "tab"), await type_("4"), await press("tab"), await type_("10")
        await press("tab", "tab", "tab", "tab", "c", "tab", "tab"), await type_("2")
        await press("tab"), await type_("8"), await press("pagedown")
        # Strategy
        await type_("A bakery"), await press("tab"), await type_("Regulars"), await press("tab")
        await type_("Bakes first"), await press("tab", "ctrl+u"), await type_("5")
        await press("pagedown")
        # Technology: the best that fits is ticked; one more, and finish
        await press("down", "space", "pagedown")
        await settle(app, pilot)
        assert isinstance(app.screen, PlannerScreen)
        plan = app.screen.plan
    assert len(plan.audiences) == 2 and len(plan.goals) == 2
    assert len(plan.active_channels) == 2
    assert [g.metric for g in plan.goals] == ["orders per month", "comments per week"]
    assert counted["typed"] == 66
    assert counted["other"] <= 32, counted  # 98 keys in all, 66 of them typing


async def test_a_burst_lands_before_the_step_moves_or_the_plan_is_written(
    over_path: Path, data_dir: Path
):
    """Keys delivered in one read (a paste, an SSH stall): pgdn and ctrl+s act on
    what was typed before them, a bad value among it included."""
    from .test_keys import burst

    app = make_app(over_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        screen = await open_interview(app, pilot, "Burst")
        burst(app, "pagedown", "s", "tab", "tab", *"4x", "pagedown")
        await settle(app, pilot)
        assert screen.step == 2  # the bad baseline was seen before moving on
        assert "'4x' is not a number" in note(screen, "g1-baseline")
        burst(app, "backspace", "pagedown", *"Us", "tab", *"Them", "ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, PlannerScreen)
    data = plan_file(data_dir, "burst")
    assert data["goals"][0]["baseline"] == 4
    assert data["purpose"] == {"who": "Us", "why": "Them"}
