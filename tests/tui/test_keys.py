"""A key means one thing: navigation never edits, forms ask before losing
typing, choices are picked, read-only is read-only, focus survives resizes,
bursts keep their order, and what a key does is discoverable at 80x24."""

from __future__ import annotations

from pathlib import Path

from textual import events

from socialtui.tui.screens.dialogs import DiscardScreen
from socialtui.tui.screens.planner import PlannerScreen
from socialtui.tui.widgets.choices import ChoiceBar, PickList
from socialtui.tui.widgets.findings import FindingsPanel
from socialtui.tui.widgets.gauge import BudgetGauge
from tests.lockholder import held

from .conftest import copy_fixture, make_app, running, settle


def planner(app) -> PlannerScreen:
    screen = app.screen_stack[0]
    assert isinstance(screen, PlannerScreen)
    return screen


def notes(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def footer(app) -> str:
    return str(planner(app).query_one("CalmFooter").render())


def burst(app, *keys: str) -> None:
    """Keys posted to the app in one go, as a terminal read delivers them."""
    for key in keys:
        char = key if len(key) == 1 else {"enter": "\r", "space": " "}.get(key)
        app.post_message(events.Key(key, char))


# -- navigation is never editing ------------------------------------------------------


async def test_pane_keys_never_type_into_the_budget(over_path: Path, data_dir: Path):
    before = over_path.read_bytes()
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        plan = planner(app).plan
        await pilot.press("4", "1", "2", "3", "4", "1", "4", "2")
        assert planner(app).plan == plan
        await pilot.press("4", "f", "y")  # "Press f to fit": the fit, never a letter in a field
        assert planner(app).plan.channel("instagram").posts_per_week < 4
        await pilot.press("ctrl+z", "4", "7", "0", "q")
    assert over_path.read_bytes() == before


async def test_digits_on_a_table_are_commands_or_nothing(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        plan = planner(app).plan
        await pilot.press("4", "down", "9", "8", "x", "escape")  # x: the export dialog
        await pilot.press("escape")
        assert isinstance(app.screen, PlannerScreen)
        assert planner(app).plan == plan


async def test_reserve_and_max_active_are_rows_too(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("4", "j", "enter", "ctrl+u", "2", "5", "enter")
        assert planner(app).plan.budget.reserve_percent == 25
        await pilot.press("j", "enter", "backspace", "1", "enter")
        assert planner(app).plan.budget.max_active_channels == 1


# -- forms ask before losing typing ------------------------------------------------------


async def test_escape_in_a_typed_form_asks_first(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("1", "a", *"Talks")
        await pilot.press("escape")
        assert isinstance(app.screen, DiscardScreen)
        assert "Discard your changes?" in str(app.screen.query_one("Vertical").border_title)
        await pilot.press("n")  # back to the form, typing intact
        assert app.screen.__class__.__name__ == "GoalForm"
        assert app.screen.query_one("#field-title").value == "Talks"
        await pilot.press("escape", "escape")  # escape on the question: back too
        assert app.screen.__class__.__name__ == "GoalForm"
        await pilot.press("escape", "y")
        assert isinstance(app.screen, PlannerScreen)
        assert [g.id for g in planner(app).plan.goals] == ["retainers", "community"]


async def test_an_unchanged_form_closes_at_once(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("1", "enter", "escape")
        assert isinstance(app.screen, PlannerScreen)


async def test_quitting_with_a_typed_form_asks_and_keeps_the_file(over_path: Path, data_dir: Path):
    before = over_path.read_bytes()
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("1", "a", *"Talks", "ctrl+q")
        assert isinstance(app.screen, DiscardScreen)
        assert "and quit" in str(app.screen.query_one("Vertical").border_title)
        await pilot.press("n")
        assert app.screen.__class__.__name__ == "GoalForm" and app.is_running
        await pilot.press("tab", "ctrl+q", "ctrl+q")  # asked once, however often
        assert len([s for s in app.screen_stack if isinstance(s, DiscardScreen)]) == 1
        await pilot.press("y")
        await pilot.pause()
    assert app.return_code == 0
    assert over_path.read_bytes() == before


async def test_q_on_a_forms_button_asks_too(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("2", "a", *"Makers")
        for _ in range(5):
            await pilot.press("tab")
            if app.focused is not None and app.focused.id == "cancel":
                break
        await pilot.press("q")
        assert isinstance(app.screen, DiscardScreen)
        await pilot.press("escape")
        assert app.screen.query_one("#field-name").value == "Makers"


# -- pick, don't type -----------------------------------------------------------------


async def test_a_channels_goals_are_picked_from_the_plans_goals(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("3", "enter")  # LinkedIn serves retainers
        form = app.screen
        picks = form.query_one("#field-goals", PickList)
        form.set_focus(picks)
        await pilot.press(*"follow")  # typing filters: only "A following of junior designers"
        assert [form_pick.id for form_pick in (picks.items[i] for i in picks.matches())] == [
            "community"
        ]
        await pilot.press("space", "ctrl+s")
        assert planner(app).plan.channel("linkedin").goals == ("retainers", "community")


async def test_an_unknown_id_cannot_be_entered_but_an_old_one_can_be_removed(
    data_dir: Path,
):
    path = copy_fixture(data_dir, "overcommitted.toml")
    path.write_text(path.read_text().replace('channels = ["linkedin"]', 'channels = ["linkdin"]'))
    app = make_app(path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("2", "enter")  # Startup founders, "where": linkdin (unknown)
        picks = app.screen.query_one("#field-channels", PickList)
        assert [(p.id, p.known) for p in picks.items] == [
            ("linkedin", True),
            ("instagram", True),
            ("youtube", True),
            ("linkdin", False),
        ]
        app.screen.set_focus(picks)
        await pilot.press(*"linkdin")  # a filter, never an id
        await pilot.press("space")  # unticks the unknown one
        await pilot.press("escape", *"linkedin", "space", "ctrl+s")
        assert planner(app).plan.audience("founders").channels == ("linkedin",)


async def test_status_horizon_and_focus_are_chosen(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("1", "a", *"Talks", "tab", "tab", "tab", "tab", "tab")
        horizon = app.screen.query_one("#field-horizon", ChoiceBar)
        assert app.focused is horizon and horizon.value is None
        await pilot.press("l", "tab", "t", "x")  # x: not an option, a bell
        assert horizon.value == "long"
        assert app.screen.query_one("#field-focus", ChoiceBar).value == "them"
        await pilot.press("ctrl+s")
        goal = planner(app).plan.goal("talks")
        assert goal is not None and (goal.horizon, goal.focus) == ("long", "them")


async def test_an_id_is_made_from_the_name_and_shown(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("2", "a", *"Art directors")
        assert app.screen.query_one("#field-id").placeholder == "art-directors"
        await pilot.press("ctrl+s")
        assert planner(app).plan.audience("art-directors") is not None


# -- read-only means read-only ----------------------------------------------------------


async def test_read_only_opens_nothing_for_editing_and_says_why(over_path: Path, data_dir: Path):
    before = over_path.read_bytes()
    with held(over_path):
        app = make_app(over_path, data_dir)
        async with running(app, size=(120, 40), notifications=True) as pilot:
            plan = planner(app).plan
            await pilot.press("4", "enter")
            assert app.focused is app.screen.query_one("#budget-table")
            assert any("ctrl+t takes it over" in n for n in notes(app))
            await pilot.press("3", "s", "a", "f")
            assert isinstance(app.screen, PlannerScreen)
            await pilot.press("1", "enter")  # the goal opens to be read
            form = app.screen
            assert "ctrl+t" in str(form.query_one("#read-only").render())
            assert all(w.disabled for w in form.query(".field-row > Input"))
            await pilot.press("escape")
            assert planner(app).plan == plan
            await pilot.press("ctrl+t", "y", "ctrl+s")
            await settle(app, pilot)
    assert over_path.read_bytes() == before  # nothing was typed to save


# -- focus survives resizes --------------------------------------------------------------


async def test_focus_survives_a_resize_below_the_minimum(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("4", "enter", "ctrl+u", "1")
        field = app.focused
        await pilot.resize_terminal(30, 10)
        await pilot.pause()
        await pilot.press("s", "d", "2", "q")  # stray keys while too small: nothing happens
        assert app.is_running and field.value == "1"
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert app.focused is field
        await pilot.press("0", "enter")
        assert planner(app).plan.budget.weekly_hours == 10
        await pilot.press("3")
        table = app.focused
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.resize_terminal(20, 5)
        await pilot.pause()
        await pilot.press("s")
        assert planner(app).plan.channel("linkedin").status == "active"
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert app.focused is table


# -- bursts keep their order -----------------------------------------------------------------


async def test_a_burst_in_a_form_lands_as_typed(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        burst(app, "1", "a", *"Talks", "tab", "tab", "1", "tab", "5")
        burst(app, "shift+tab", "ctrl+u", "3", "tab", "tab", *"2027-10-01", "enter")
        await settle(app, pilot)
        goal = planner(app).plan.goal("talks")
        assert goal is not None
        # 1 in baseline, 5 in target; back to baseline, cleared, 3; on to the deadline.
        assert (goal.baseline, goal.target, str(goal.deadline)) == (3, 5, "2027-10-01")


async def test_a_burst_opening_the_budget_lands_in_it(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        burst(app, "4", "enter", "ctrl+u", "4", "0", "ctrl+s")
        await settle(app, pilot)
        assert planner(app).plan.budget.weekly_hours == 40


# -- discoverable at 80x24 ------------------------------------------------------------------


async def test_the_footer_always_shows_save_plans_help_and_quit(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        for keys in ((), ("3",), ("4",), ("4", "enter"), ("5",), ("escape", "2")):
            await pilot.press(*keys)
            text = footer(app)
            for label in ("^s Save", "^o Plans", "? Help", "q Quit"):
                assert label in text, (keys, text)
        await pilot.press("3")
        assert "s Status" in footer(app) and "f Fit" in footer(app)


async def test_f_and_e_say_why_when_they_do_nothing(data_dir: Path):
    path = copy_fixture(data_dir, "bakery.toml")
    app = make_app(path, data_dir)
    async with running(app, size=(120, 40), notifications=True) as pilot:
        await pilot.press("f", "e")
        said = " ".join(notes(app))
        assert "Nothing to fit: the plan is inside its budget." in said
        assert "Not ready to expand:" in said


async def test_the_findings_panel_takes_focus_scrolls_and_expands_at_80x24(data_dir: Path):
    path = copy_fixture(data_dir, "checkins.toml")
    app = make_app(path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        panel = planner(app).query_one(FindingsPanel)
        small = panel.size.height
        await pilot.press("5")
        await pilot.pause()
        assert app.focused is panel
        assert panel.size.height > small + 8  # the panes' place
        assert not planner(app).query_one("#panes").display
        await pilot.press("j", "j")
        assert panel.scroll_y == 2 or panel.max_scroll_y < 2
        await pilot.press("1")
        await pilot.pause()
        assert panel.size.height == small and planner(app).query_one("#panes").display


async def test_wrapped_findings_keep_their_indent(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        await pilot.pause()
        panel = planner(app).query_one(FindingsPanel)
        lines = [panel.render_line(y).text for y in range(3)]
        assert lines[1].startswith(" " * 12 + "→ Fit to budget")
        assert lines[2].startswith(" " * 14) and lines[2].strip()


async def test_the_gauge_and_panes_follow_a_channel_form(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("3", "enter", "tab", "right", "right")  # LinkedIn: active -> dropped
        gauge = str(planner(app).query_one(BudgetGauge).render())
        assert "4h 00m / 3h 36m" in gauge
        await pilot.press("escape", "y")
        assert "6h 30m / 3h 36m" in str(planner(app).query_one(BudgetGauge).render())
