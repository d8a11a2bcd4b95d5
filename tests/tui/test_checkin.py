"""Pilot tests for the weekly loop: check-in, history, review, goal progress.

The fixture plan (tests/fixtures/checkins.toml) has three active channels, three
goals and eight weeks of check-ins (2026-W39 to W46); "today" is Sunday
2026-11-22, in 2026-W47, which has no check-in yet.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from socialtui import store
from socialtui.tui.screens.checkin import CheckinScreen
from socialtui.tui.screens.dialogs import DiscardScreen
from socialtui.tui.screens.history import HistoryScreen
from socialtui.tui.screens.planner import PlannerScreen
from socialtui.tui.screens.review import ReviewScreen
from socialtui.tui.widgets.fields import NoteArea
from socialtui.tui.widgets.gauge import BudgetGauge
from socialtui.tui.widgets.verdict import VerdictPicker

from .conftest import TODAY, copy_fixture, make_app, running

WEEK = "2026-W47"


@pytest.fixture
def plan_path(data_dir: Path) -> Path:
    return copy_fixture(data_dir, "checkins.toml")


def planner(app) -> PlannerScreen:
    screen = app.screen_stack[0]  # the planner is the first screen
    assert isinstance(screen, PlannerScreen)
    return screen


def shown(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def settle_and_save(app, pilot) -> None:
    """Let the check-in's save (started when the screen closes) reach the disk."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def saved_checkin(path: Path, week: str) -> dict:
    data = tomllib.loads(path.read_text())
    matches = [c for c in data["checkins"] if c["week"] == week]
    assert len(matches) == 1, f"{len(matches)} check-ins for {week} on disk"
    return matches[0]


# --- check-in --------------------------------------------------------------------------


async def test_unchanged_week_takes_one_key(plan_path: Path, data_dir: Path):
    app = make_app(plan_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("c")
        screen = app.screen
        assert isinstance(screen, CheckinScreen)
        assert "· new · this week" in shown(screen, "#week-info")
        assert "16 Nov – 22 Nov 2026" in shown(screen, "#week-info")
        keys = ["ctrl+s"]  # every field opens filled in: the unchanged week is saved
        await pilot.press(*keys)
        assert len(keys) <= 10 and len(keys) == 1
        assert isinstance(app.screen, PlannerScreen)
        checkin = planner(app).plan.checkin(WEEK)
        assert checkin is not None
        # Hours: the plan's; verdicts: carried over from W46; metrics: W46's values.
        assert checkin.hours == {"linkedin": 2.5, "instagram": 3, "newsletter": 2}
        assert checkin.verdicts == {
            "linkedin": "working",
            "instagram": "working",
            "newsletter": "unsure",
        }
        assert checkin.metrics == {"leads": 10, "subscribers": 430, "followers": 1050}
        await settle_and_save(app, pilot)
    on_disk = saved_checkin(plan_path, WEEK)
    assert on_disk["hours"] == {"linkedin": 2.5, "instagram": 3, "newsletter": 2}
    assert on_disk["verdicts"]["newsletter"] == "unsure"
    assert on_disk["metrics"] == {"leads": 10, "subscribers": 430, "followers": 1050}
    reloaded = store.load(plan_path).plan
    assert [c.week for c in reloaded.checkins][-2:] == ["2026-W46", WEEK]
    # The user's comments survive the save.
    assert "# behind pace on purpose" in plan_path.read_text()


async def test_enter_walks_every_field_and_saves_on_the_last(plan_path: Path, data_dir: Path):
    app = make_app(plan_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("c")
        screen = app.screen
        assert app.focused is screen.query_one("#hours-linkedin", Input)
        # 3 x (hours, verdict) + 3 metrics + note = 10 enters.
        keys = ["enter"] * 10
        await pilot.press(*keys[:-1])
        assert app.focused is screen.query_one("#note", NoteArea)
        await pilot.press(keys[-1])
        assert len(keys) <= 10
        assert isinstance(app.screen, PlannerScreen)
        assert planner(app).plan.checkin(WEEK) is not None


async def test_typed_values_and_verdicts_are_recorded(plan_path: Path, data_dir: Path):
    app = make_app(plan_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("c")
        # LinkedIn: 3.5 h, not working; Instagram: 4 h, verdict cycled to unsure.
        await pilot.press("3", ".", "5", "enter", "n", "enter")
        await pilot.press("4", "enter", "space", "enter")
        await pilot.press("down", "down", "1", "2")  # Newsletter verdict -> leads = 12
        await pilot.press("down", "down", "down", *"Good week", "enter")
        await settle_and_save(app, pilot)
        checkin = planner(app).plan.checkin(WEEK)
        assert checkin.hours == {"linkedin": 3.5, "instagram": 4, "newsletter": 2}
        assert checkin.verdicts["linkedin"] == "not-working"
        assert checkin.verdicts["instagram"] == "unsure"  # space: working -> unsure
        assert checkin.metrics["leads"] == 12
        assert checkin.note == "Good week"
    on_disk = saved_checkin(plan_path, WEEK)
    assert on_disk["hours"]["linkedin"] == 3.5
    assert on_disk["note"] == "Good week"


async def test_reopening_the_same_week_edits_it(plan_path: Path, data_dir: Path):
    app = make_app(plan_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("c", "5", "ctrl+s")  # LinkedIn 5 h
        count = len(planner(app).plan.checkins)
        await pilot.press("c")
        screen = app.screen
        assert "editing its check-in" in shown(screen, "#week-info")
        assert screen.query_one("#hours-linkedin", Input).value == "5"
        await pilot.press("2", "ctrl+s")
        plan = planner(app).plan
        assert len(plan.checkins) == count
        assert [c.week for c in plan.checkins].count(WEEK) == 1
        assert plan.checkin(WEEK).hours["linkedin"] == 2
        await settle_and_save(app, pilot)
    assert saved_checkin(plan_path, WEEK)["hours"]["linkedin"] == 2


async def test_pageup_opens_a_recorded_week_for_editing(plan_path: Path, data_dir: Path):
    app = make_app(plan_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("c", "pageup")
        screen = app.screen
        assert screen.query_one("#week", Input).value == "2026-W46"
        assert "editing its check-in" in shown(screen, "#week-info")
        assert screen.query_one("#hours-instagram", Input).value == "3.75"
        assert screen.query_one("#verdict-newsletter", VerdictPicker).value == "unsure"
        await pilot.press("9")  # the refilled field is selected: typing replaces it
        assert screen.query_one("#hours-linkedin", Input).value == "9"
        # This week is the newest: PgDn past it is refused.
        await pilot.press("pagedown", "pagedown")
        assert screen.query_one("#week", Input).value == WEEK
        await pilot.press("escape")  # W46 was typed in: asked first
        assert isinstance(app.screen, DiscardScreen)
        await pilot.press("y")
        assert isinstance(app.screen, PlannerScreen)
        assert planner(app).plan.checkin(WEEK) is None


async def test_filling_in_a_past_week(plan_path: Path, data_dir: Path):
    app = make_app(plan_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("c", "up")  # the week field
        screen = app.screen
        assert app.focused is screen.query_one("#week", Input)
        await pilot.press(*"2026-W38")  # the week before tracking started
        assert shown(screen, "#week-info").endswith("· new")
        # Nothing before it: metrics open at the baseline, verdicts at unsure.
        assert screen.query_one("#metric-subscribers", Input).value == "300"
        assert screen.query_one("#verdict-linkedin", VerdictPicker).value == "unsure"
        await pilot.press("enter", "1", "ctrl+s")  # LinkedIn 1 h
        await settle_and_save(app, pilot)
        plan = planner(app).plan
        assert plan.checkins[0].week == "2026-W38"
        assert plan.checkins[0].hours["linkedin"] == 1
        assert plan.checkins[0].metrics["subscribers"] == 300
    data = tomllib.loads(plan_path.read_text())
    assert data["checkins"][0]["week"] == "2026-W38"  # oldest first, on disk too


async def test_future_week_is_refused_at_the_field(plan_path: Path, data_dir: Path):
    app = make_app(plan_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("c", "up", *"2026-W50")
        screen = app.screen
        assert "has not happened yet" in shown(screen, "#reason-week")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, CheckinScreen)
        await pilot.press("escape")
        assert planner(app).plan.checkin("2026-W50") is None


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("abc", "'abc' is not a number; use a number from 0 to 168"),
        ("-1", "must be from 0 to 168, not -1"),
        ("169", "must be from 0 to 168, not 169"),
    ],
)
async def test_bad_hours_are_refused_with_a_reason(
    plan_path: Path, data_dir: Path, typed: str, reason: str
):
    before = plan_path.read_text()
    app = make_app(plan_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("c", *typed)
        screen = app.screen
        assert reason in shown(screen, "#reason-hours-linkedin")
        assert screen.query_one("#reason-hours-linkedin").display
        await pilot.press("enter")  # refused: the cursor stays in the field
        assert app.focused is screen.query_one("#hours-linkedin", Input)
        await pilot.press("ctrl+s")  # refused: the screen stays
        assert app.screen is screen
        await pilot.press("escape")
        assert planner(app).plan.checkin(WEEK) is None
        await pilot.press("ctrl+s")
        await settle_and_save(app, pilot)
    assert plan_path.read_text() == before


async def test_bad_metric_is_refused_and_fixing_it_saves(plan_path: Path, data_dir: Path):
    app = make_app(plan_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("c", *["down"] * 6, "x")  # the first goal's value
        screen = app.screen
        assert "is not a number" in shown(screen, "#reason-metric-leads")
        await pilot.press("ctrl+s")
        assert app.screen is screen
        await pilot.press("backspace", "1", "1")
        assert not screen.query_one("#reason-metric-leads").display
        await pilot.press("ctrl+s")
        assert planner(app).plan.checkin(WEEK).metrics["leads"] == 11


# --- history ----------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_history_shows_planned_vs_actual_and_sparklines(
    plan_path: Path, data_dir: Path, size: tuple[int, int]
):
    app = make_app(plan_path, data_dir)
    async with running(app, size=size) as pilot:
        await pilot.press("h")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        table = screen.query_one("#weeks", DataTable)
        headers = [str(c.label) for c in table.columns.values()]
        assert "LinkedIn\nplan 2h 30m" in headers
        assert "Instagram\nplan 3h 00m" in headers
        assert "Total\nplan 7h 30m" in headers
        # Newest first; Instagram W46: 3.75 h against 3 h planned, working.
        assert table.get_row_at(0)[0] == "2026-W46"
        assert str(table.get_row_at(0)[2]) == "3.75h +25% ✓"
        assert str(table.get_row_at(0)[3]) == "2h ?"
        assert table.get_row_at(table.row_count - 1)[0] == "2026-W39"
        trends = shown(screen, "#trends-text")
        lines = trends.splitlines()
        assert len(lines) == 6  # two per goal, never wrapped
        assert lines[2].startswith("Newsletter readers  430 of 1000 · 19% · behind")
        assert "actual ▁▂▂▃▄▄▅▅" in lines[3] and "pace ▁▂▃▄▅▆▇█" in lines[3]
        # Everything fits the terminal: the trends, and the table with rows to read.
        trends_box = screen.query_one("#trends")
        assert trends_box.region.bottom <= size[1]
        assert table.region.height >= 8
        assert table.region.right <= size[0]
        await pilot.press("escape")
        assert isinstance(app.screen, PlannerScreen)


async def test_history_without_checkins_says_so(data_dir: Path):
    app = make_app(copy_fixture(data_dir, "bakery.toml"), data_dir)
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("h")
        assert str(app.screen.query_one("#weeks", DataTable).get_row_at(0)[0]) == "2026-W47"
    app = make_app(copy_fixture(data_dir, "overcommitted.toml"), data_dir)
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("h")
        assert "No check-ins yet" in shown(app.screen, "#history-empty")


# --- review -----------------------------------------------------------------------------


async def test_review_walks_four_pages_and_stamps_the_date(plan_path: Path, data_dir: Path):
    app = make_app(plan_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        gauge = str(planner(app).query_one(BudgetGauge).render())
        assert "next review 2026-11-22" in gauge
        await pilot.press("r")
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        page = shown(screen, "#review-page")
        assert "2. Newsletter readers" in page
        assert "behind · 430 of 1000" in page
        assert "Served by: Instagram, Newsletter" in page
        await pilot.press("enter")
        page = shown(screen, "#review-page")
        assert "Reached by: LinkedIn ✓ working, Newsletter ? unsure" in page
        await pilot.press("enter")
        page = shown(screen, "#review-page")
        assert "Instagram (active) — plan 3h 00m/week, actual 3h 41m" in page
        assert "working 6 · unsure 2 · not-working 0" in page
        assert "takes 3h 55m a week in practice" in page  # estimate-low, as evidence
        await pilot.press("left")  # back works
        assert "Reached by:" in shown(screen, "#review-page")
        await pilot.press("right", "enter")
        page = shown(screen, "#review-page")
        assert "Committed: 7h 30m a week of 9h 00m available" in page
        assert "The week as lived: 8h 34m a week" in page
        assert "stamps the review 2026-11-22" in shown(screen, "#review-keys")
        assert planner(app).plan.review.last.isoformat() == "2026-10-25"
        await pilot.press("enter")
        assert isinstance(app.screen, PlannerScreen)
        assert planner(app).plan.review.last == TODAY
        gauge = str(planner(app).query_one(BudgetGauge).render())
        assert "next review 2026-12-20" in gauge
        await pilot.press("ctrl+s")
        await settle_and_save(app, pilot)
    assert tomllib.loads(plan_path.read_text())["review"]["last"] == TODAY
    assert "# next review 2026-11-22" in plan_path.read_text()  # the comment survives


async def test_review_escape_changes_nothing(plan_path: Path, data_dir: Path):
    app = make_app(plan_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("r", "enter", "escape")
        assert isinstance(app.screen, PlannerScreen)
        assert planner(app).plan.review.last.isoformat() == "2026-10-25"
        assert not planner(app).history.can_undo


# --- the planner ---------------------------------------------------------------------


async def test_goals_pane_shows_progress_at_60_columns(plan_path: Path, data_dir: Path):
    app = make_app(plan_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#goal-table", DataTable)
        assert app.screen.query_one("#goals").size.width <= 60
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(3)]
        assert rows[0][2:6] == ["10/20", "38%", "ahead", "2027-02"]
        assert rows[1][2:6] == ["430/1000", "19%", "behind", "2027-07"]
        assert rows[2][2:6] == ["1050/1500", "36%", "ahead", "2027-02"]
        # #, goal, now/target, %, pace and projected date fit the pane's width.
        widths = [c.get_render_width(table) for c in list(table.columns.values())[:6]]
        assert sum(widths) <= table.size.width


async def test_goals_pane_without_values(data_dir: Path):
    app = make_app(copy_fixture(data_dir, "overcommitted.toml"), data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#goal-table", DataTable)
        assert [str(c) for c in table.get_row_at(0)[2:6]] == ["—/3", "—", "—", "—"]


async def test_c_h_r_open_their_screens(plan_path: Path, data_dir: Path):
    app = make_app(plan_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        for key, kind in (("c", CheckinScreen), ("h", HistoryScreen), ("r", ReviewScreen)):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, kind)
            await pilot.press("escape")
            assert isinstance(app.screen, PlannerScreen)
        assert planner(app).plan == store.load(plan_path).plan


async def test_ready_to_expand_offers_to_activate(data_dir: Path):
    # Every channel working for the last four weeks, and time to spare for YouTube (2h 30m)
    # by the plan and as lived: 13 h less 10 % is 11h 42m; the week as lived is 8h 34m.
    text = (Path(__file__).parent.parent / "fixtures" / "checkins.toml").read_text()
    text = text.replace("weekly_hours = 10.0", "weekly_hours = 13.0")
    text = text.replace('newsletter = "unsure"', 'newsletter = "working"')
    path = store.plans_dir(data_dir) / "ready.toml"
    path.write_text(text)
    app = make_app(path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        assert any(f.id == "ready-to-expand" for f in planner(app).findings)
        await pilot.press("e")
        body = shown(app.screen, "#confirm-body")
        assert "YouTube: status candidate → active" in body
        await pilot.press("y")
        plan = planner(app).plan
        assert plan.channel("youtube").status == "active"
        assert plan.budget.max_active_channels == 4
        assert not any(f.id == "ready-to-expand" for f in planner(app).findings)
        await pilot.press("ctrl+z")
        assert planner(app).plan.channel("youtube").status == "candidate"


async def test_keys_typed_in_one_burst_land_in_the_right_fields(plan_path: Path, data_dir: Path):
    """Over SSH a paste or a fast typist delivers keys before the screen redraws."""
    from textual import events

    app = make_app(plan_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        for key, char in (("7", "7"), ("enter", None), ("n", "n"), ("enter", None)):
            app.post_message(events.Key(key, char))
        for key, char in (("down", None), ("down", None), ("6", "6"), ("ctrl+s", None)):
            app.post_message(events.Key(key, char))
        await pilot.pause()
        await pilot.pause()
        checkin = planner(app).plan.checkin(WEEK)
        assert checkin.hours["linkedin"] == 7
        assert checkin.verdicts["linkedin"] == "not-working"
        assert checkin.hours["newsletter"] == 6
