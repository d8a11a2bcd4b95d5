"""Pilot tests: every planner flow, driven by keys as a user would."""

from __future__ import annotations

import tomllib
from pathlib import Path

from socialtui import store
from socialtui.tui import saving
from socialtui.tui.screens.planner import PlannerScreen
from socialtui.tui.widgets.findings import FindingsPanel
from socialtui.tui.widgets.gauge import BudgetGauge

from .conftest import copy_fixture, make_app, running, settle, wait_until, weekly_hours


def topbar(app) -> str:
    return str(app.screen.query_one("#topbar").render())


def gauge_text(app) -> str:
    return str(app.screen.query_one(BudgetGauge).render())


def finding_ids(app) -> list[str]:
    return [f.id for f in app.screen.query_one(FindingsPanel).findings]


def findings_text(app) -> str:
    panel = app.screen.query_one(FindingsPanel)
    return str(panel.text)


def planner(app) -> PlannerScreen:
    screen = app.screen
    assert isinstance(screen, PlannerScreen)
    return screen


async def test_overcommitted_plan_shows_over_and_numbers(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)):
        # LinkedIn 3x30+60 = 150, Instagram 4x45+60 = 240: 390 min = 6h 30m.
        # Capacity 4 h x 60 x 0.9 = 216 min = 3h 36m.
        text = gauge_text(app)
        assert "OVER" in text
        assert "6h 30m / 3h 36m" in text
        assert "by 2h 54m" in text
        assert finding_ids(app)[0] == "over-budget"
        assert "6h 30m planned, 3h 36m available — 2h 54m over" in findings_text(app)


async def test_weekly_hours_keystrokes_update_gauge_and_findings_live(
    over_path: Path, data_dir: Path
):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("4")  # the Budget pane's rows: nothing is typed yet
        assert app.focused is app.screen.query_one("#budget-table")
        await pilot.press("enter")  # weekly hours opens with its value, cursor at the end
        field = app.focused
        assert field is not None and field.id == "budget-input"
        assert (field.value, field.cursor_position) == ("4", 1)
        await pilot.press("ctrl+u", "1")  # 1 h -> still over
        assert "OVER" in gauge_text(app)
        await pilot.press("0")  # 10 h -> 540 min capacity: fits, before enter
        assert "OVER" not in gauge_text(app)
        assert "6h 30m / 9h 00m" in gauge_text(app)
        assert "over-budget" not in finding_ids(app)
        assert planner(app).plan.budget.weekly_hours == 4  # not kept yet
        await pilot.press("enter")
        assert planner(app).plan.budget.weekly_hours == 10
        assert app.focused is app.screen.query_one("#budget-table")


async def test_escape_restores_the_old_value(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("4", "enter", "0")  # 40 h: the gauge fits
        assert "OVER" not in gauge_text(app)
        await pilot.press("escape")
        assert "OVER" in gauge_text(app) and "6h 30m / 3h 36m" in gauge_text(app)
        assert planner(app).plan.budget.weekly_hours == 4
        assert not planner(app).history.can_undo


async def test_bad_budget_value_is_refused_at_the_field(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("4", "enter", "ctrl+u", "2", "0", "0")  # 200 h: out of range
        hint = str(app.screen.query_one("#budget-hint").render())
        assert "more than 0 and at most 168" in hint
        await pilot.press("enter")  # refused: the field stays open
        assert app.focused is app.screen.query_one("#budget-input")
        assert planner(app).plan.budget.weekly_hours == 4
        await pilot.press("ctrl+s")  # an invalid value is not kept
        await app.workers.wait_for_complete()
        await pilot.pause()
        saved = tomllib.loads(over_path.read_text())
        assert saved["budget"]["weekly_hours"] == 4
        # ... nor thrown away: it stays open, with its reason.
        assert app.focused is app.screen.query_one("#budget-input")
        assert app.focused.value == "200"
        assert "more than 0 and at most 168" in str(app.screen.query_one("#budget-hint").render())


async def test_quitting_with_an_invalid_value_open_asks_first(over_path: Path, data_dir: Path):
    from socialtui.tui.screens.dialogs import DiscardScreen

    before = over_path.read_bytes()
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("4", "enter", "ctrl+u", "2", "0", "0", "ctrl+q")
        assert isinstance(app.screen, DiscardScreen)
        assert app.screen.query_one("Vertical").border_title == "Discard your changes and quit?"
        await pilot.press("n")  # back to the value, as it was typed
        assert app.focused is app.screen.query_one("#budget-input")
        assert app.focused.value == "200"
        await pilot.press("ctrl+q", "y")
        await pilot.pause()
    assert app.return_code == 0
    assert over_path.read_bytes() == before


async def test_save_keeps_comments_and_changes_one_line(over_path: Path, data_dir: Path):
    before = over_path.read_text().splitlines()
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press(*weekly_hours("10"), "ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "saved" in str(app.screen.query_one("#topbar").render())
    after = over_path.read_text().splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(changed) == 1
    assert changed[0][1].startswith("weekly_hours = 10")
    assert "# what we can honestly spare" in changed[0][1]


async def test_autosave_after_the_delay(over_path: Path, data_dir: Path, monkeypatch):
    monkeypatch.setattr(saving, "AUTOSAVE_DELAY", 3600)  # not before the delay
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press(*weekly_hours("8"))
        await settle(app, pilot)
        assert "unsaved" in str(app.screen.query_one("#topbar").render())
        assert tomllib.loads(over_path.read_text())["budget"]["weekly_hours"] == 4.0
        monkeypatch.setattr(saving, "AUTOSAVE_DELAY", 0.001)  # the next edit restarts the timer
        await pilot.press("enter", "9", "enter")  # 89 h
        await wait_until(pilot, lambda: "[saved]" in topbar(app))
        assert tomllib.loads(over_path.read_text())["budget"]["weekly_hours"] == 89


async def test_quit_saves_first(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press(*weekly_hours("6"), "q")
        await pilot.pause()
    assert tomllib.loads(over_path.read_text())["budget"]["weekly_hours"] == 6


async def test_ctrl_q_from_inside_a_field_keeps_its_value_and_quits(
    over_path: Path, data_dir: Path
):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("4", "enter", "ctrl+u", "7", "ctrl+q")
        await pilot.pause()
    assert tomllib.loads(over_path.read_text())["budget"]["weekly_hours"] == 7
    assert app.return_code == 0


async def test_q_in_a_text_field_types_q(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("1", "a")  # new goal form
        await pilot.press("q")
        assert app.focused is not None and app.focused.value == "q"
        assert app.is_running


async def test_add_goal_with_form(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("1", "a")
        await pilot.press(*"Speaking gigs")
        await pilot.press("tab", *"talks booked", "tab", "0", "tab", "4")
        await pilot.press("tab", *"2027-10-01", "tab", "l", "tab", "u", "enter")
        await pilot.pause()
        plan = planner(app).plan
        goal = plan.goals[-1]
        assert (goal.id, goal.title, goal.metric) == (
            "speaking-gigs",
            "Speaking gigs",
            "talks booked",
        )
        assert (goal.baseline, goal.target, str(goal.deadline)) == (0, 4, "2027-10-01")
        assert (goal.horizon, goal.focus) == ("long", "us")
        # No active channel serves it yet: the panel says so at once.
        assert "No active channel serves the goal 'Speaking gigs'" in findings_text(app)


async def test_form_refuses_bad_value_with_reason(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("3", "enter")  # edit LinkedIn
        await pilot.press("tab", "tab")  # posts / week
        await pilot.press("end", "backspace", *"x")
        note = str(app.screen.query_one("#note-posts_per_week").render())
        assert "'x' is not a number" in note
        await pilot.press("enter")  # refused: the form stays
        assert app.screen.__class__.__name__ == "ChannelForm"
        await pilot.press("escape", "y")  # typing in it: discard it
        assert planner(app).plan.channel("linkedin").posts_per_week == 3


async def test_channel_form_previews_effect_on_gauge(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("3", "down", "down", "enter")  # Instagram (4 x 45 + 60): lowest score
        await pilot.press("tab", "tab", "end", "backspace", "0")  # 0 posts: 60 min
        # LinkedIn 150 + Instagram 60 = 210 min <= 216: the gauge behind the form fits.
        main = app.screen_stack[-2]
        gauge = str(main.query_one(BudgetGauge).render())
        assert "3h 30m / 3h 36m" in gauge and "OVER" not in gauge
        preview = str(app.screen.query_one("#preview").render())
        assert "3h 30m of 3h 36m" in preview
        await pilot.press("escape", "y")  # discard: the preview goes away
        assert "OVER" in gauge_text(app)
        assert planner(app).plan.channel("instagram").posts_per_week == 4


async def test_edit_channel_saves_change(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("3", "down", "down", "enter", "tab", "tab", "end", "backspace", "2")
        await pilot.press("enter")
        await pilot.pause()
        assert planner(app).plan.channel("instagram").posts_per_week == 2


async def test_delete_asks_first(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("2", "d", "n")
        assert [a.id for a in planner(app).plan.audiences] == ["founders", "juniors"]
        await pilot.press("d", "y")
        assert [a.id for a in planner(app).plan.audiences] == ["juniors"]
        assert "audience-unreached" not in finding_ids(app)


async def test_delete_goal_unlinks_channels(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("1", "d", "y")
        plan = planner(app).plan
        assert [g.id for g in plan.goals] == ["community"]
        assert plan.channel("linkedin").goals == ()
        assert "'LinkedIn' is active but serves no goal" in findings_text(app)


async def test_reorder_goals_and_channels(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("1", "shift+down")
        assert [g.id for g in planner(app).plan.goals] == ["community", "retainers"]
        await pilot.press("shift+up")
        assert [g.id for g in planner(app).plan.goals] == ["retainers", "community"]
        # Channels are listed by score: their order in the plan is not a priority.
        order = [c.id for c in planner(app).plan.channels]
        await pilot.press("3", "down", "down", "shift+up")
        assert [c.id for c in planner(app).plan.channels] == order


async def test_cycle_status(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("3", "down", "down", "s")  # instagram (lowest score) active -> later
        assert planner(app).plan.channel("instagram").status == "later"
        # 150 min of 216: fits, 69 % -> no over, no near.
        assert "OVER" not in gauge_text(app)
        await pilot.press("s", "s")  # -> dropped -> candidate
        assert planner(app).plan.channel("instagram").status == "candidate"


async def test_fit_to_budget_applies_after_confirm(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("3", "f")
        body = str(app.screen.query_one("#confirm-body").render())
        assert "Instagram: posts/week 4 → " in body or "Instagram: status" in body
        await pilot.press("y")
        assert "OVER" not in gauge_text(app)
        assert "over-budget" not in finding_ids(app)
        # The top goal's only channel (LinkedIn) is left alone.
        assert planner(app).plan.channel("linkedin").status == "active"
        assert planner(app).plan.channel("linkedin").posts_per_week == 3


async def test_undo_and_redo(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("2", "d", "y")
        assert len(planner(app).plan.audiences) == 1
        await pilot.press("ctrl+z")
        assert len(planner(app).plan.audiences) == 2
        await pilot.press("ctrl+y")
        assert len(planner(app).plan.audiences) == 1


async def test_typing_in_weekly_hours_is_one_undo_step(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("4", "1", "2", "escape", "ctrl+z")
        assert planner(app).plan.budget.weekly_hours == 4.0


async def test_add_channel_from_catalog(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("3", "a")
        source = str(app.screen.query_one("#catalog-source").render())
        assert "Source:" in source
        await pilot.press("enter")  # Instagram is taken (disabled): first enabled is Facebook
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ChannelForm"
        await pilot.press("enter")
        await pilot.pause()
        channel = planner(app).plan.channels[-1]
        assert (channel.id, channel.status) == ("facebook", "candidate")
        assert (channel.posts_per_week, channel.minutes_per_post) == (3, 30)


async def test_edit_purpose(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("1", "p", "ctrl+u" if False else "end")
        await pilot.press(*" and friends", "enter")
        assert planner(app).plan.purpose.who == "A two-person design studio and friends"


async def test_help_screen_lists_keys(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        assert app.screen.__class__.__name__ == "HelpScreen"
        static = app.screen.query_one("Static")
        text = "\n".join(line.text for line in static.render_lines(static.region.reset_offset))
        for key in ("shift+↑", "ctrl+z", "ctrl+o", "f1", "ctrl+p"):
            assert key in text
        await pilot.press("escape")
        assert isinstance(app.screen, PlannerScreen)
        await pilot.press("f1")
        assert app.screen.__class__.__name__ == "HelpScreen"


async def test_markup_in_plan_text_is_shown_literally(data_dir: Path):
    path = store.plans_dir(data_dir) / "hostile.toml"
    path.write_text(
        'name = "[bold red]Evil[/] \\u001b]0;pwned\\u0007"\n'
        "[budget]\nweekly_hours = 5\n"
        '[[goals]]\nid = "g"\ntitle = "[link=https://x.test]click[/link] [@click=app.quit]q[/]"\n'
    )
    app = make_app(path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.pause()
        top = str(app.screen.query_one("#topbar").render())
        assert "[bold red]Evil[/]" in top
        assert "\x1b" not in top and "\x07" not in top
        table = app.screen.query_one("#goal-table")
        cell = str(table.get_row_at(0)[1])
        assert "[link=https://x.test]click[/link]" in cell


async def test_narrow_terminal_shows_one_pane_at_a_time(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        screen = planner(app)
        assert screen.has_class("-narrow")
        assert screen.query_one("#goals").display and not screen.query_one("#channels").display
        await pilot.press("3")
        assert screen.query_one("#channels").display and not screen.query_one("#goals").display
        await pilot.press("4")
        assert screen.query_one("#budget").display
        assert screen.query_one(FindingsPanel).display
        assert "OVER" in gauge_text(app)


async def test_tiny_terminal_says_too_small(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(30, 10)) as pilot:
        await pilot.pause()
        assert "too small" in str(app.screen.query_one("#too-small").render())


async def test_every_size_from_tiny_to_large_draws(over_path: Path, data_dir: Path):
    for size in ((20, 5), (40, 12), (60, 20), (80, 24), (100, 30), (120, 40), (200, 60)):
        app = make_app(over_path, data_dir)
        async with running(app, size=size) as pilot:
            await pilot.press("3", "4", "2")
            await pilot.pause()
            assert app.is_running


async def test_read_only_plan_never_writes(data_dir: Path, monkeypatch):
    monkeypatch.setattr(saving, "AUTOSAVE_DELAY", 0.001)
    path = store.plans_dir(data_dir) / "future.toml"
    text = 'schema = 99\nname = "From the future"\n[budget]\nweekly_hours = 5\n'
    path.write_text(text)
    app = make_app(path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        assert "read-only" in str(app.screen.query_one("#topbar").render())
        await pilot.press("4", "9", "ctrl+s")
        await settle(app, pilot)  # autosave's moment has come (the delay is a millisecond here)
        await pilot.press("ctrl+q")
    assert path.read_text() == text


async def test_plan_picker_lists_creates_and_opens(over_path: Path, data_dir: Path):
    copy_fixture(data_dir, "bakery.toml")
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("ctrl+o")
        assert app.screen.__class__.__name__ == "PlanPicker"
        options = app.screen.query_one("OptionList")
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("Corner Bakery 2027" in label for label in labels)
        assert any("Studio Nord" in label for label in labels)
        await pilot.press("n", *"Side project", "enter", "down", "enter")  # the starter
        await pilot.pause()
        created = store.plans_dir(data_dir) / "side-project.toml"
        assert store.load(created).plan.name == "Side project"
        await pilot.press("enter")  # opens the highlighted (new) plan
        await pilot.pause()
        assert planner(app).plan.name == "Side project"
