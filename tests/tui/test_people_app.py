"""Pilot tests: who does what in the app. The People list in the Budget pane (add,
edit, delete, undo), the owner picked in the channel form, the gauge naming the
worst person OVER, the owner column, the fit per person, privacy.

``team.toml`` (reserve 10 %): Maria 4 h -> 3h 36m for Instagram's 5h 30m (1h 54m
over); Sam 6 h -> 5h 24m for the newsletter's 1h 40m; Jo 2 h -> 1h 48m for
Facebook's 1h. The team: 8h 10m of 10h 48m, which fits.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from socialtui.tui.screens.dialogs import ConfirmScreen
from socialtui.tui.screens.forms import PersonForm
from socialtui.tui.screens.planner import PlannerScreen
from socialtui.tui.widgets.gauge import BudgetGauge

from .conftest import copy_fixture, make_app, running, settle, wait_until


@pytest.fixture
def team_path(data_dir: Path) -> Path:
    return copy_fixture(data_dir, "team.toml")


def gauge_text(app) -> str:
    return str(app.screen.query_one(BudgetGauge).render())


def planner(app) -> PlannerScreen:
    screen = app.planner
    assert isinstance(screen, PlannerScreen)
    return screen


def budget_rows(app) -> list[str]:
    """The Budget pane's lines: its values, then each person with their bar."""
    screen = planner(app)

    def rows(table) -> list[str]:
        return [
            " ".join(str(cell).strip() for cell in table.get_row_at(i)).strip()
            for i in range(table.row_count)
        ]

    people = rows(screen.query_one("#people-table"))
    loads = str(screen.query_one("#people-loads").render()).splitlines() if people else []
    return rows(screen.query_one("#budget-table")) + [
        f"{person} {load}" for person, load in zip(people, loads, strict=True)
    ]


def finding_ids(app) -> list[str]:
    return [f.id for f in planner(app).findings]


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_gauge_names_the_worst_person_over(team_path, data_dir, size):
    app = make_app(team_path, data_dir)
    async with running(app, size=size):
        text = gauge_text(app)
        assert "8h 10m / 10h 48m" in text  # the team fits ...
        assert "Maria OVER by 1h 54m" in text  # ... Maria does not
        assert finding_ids(app)[0] == "person-over-budget"


async def test_the_people_list_has_a_bar_per_person(team_path, data_dir):
    app = make_app(team_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("4")
        rows = budget_rows(app)
        assert rows[:3] == ["Weekly hours —", "Reserve % 10", "Max active 4"]
        # 330 / 216 = 153 %, 100 / 324 = 31 %, 60 / 108 = 56 %
        assert rows[3].startswith("Maria 4 h █") and rows[3].endswith("153% OVER")
        assert rows[4].startswith("Sam 6 h █") and rows[4].endswith("31%")
        assert rows[5].startswith("Jo 2 h █") and rows[5].endswith("56%")


async def test_add_a_person_saves_them_and_undo_takes_them_back(team_path, data_dir):
    app = make_app(team_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("4", "a")
        assert isinstance(app.screen, PersonForm)
        await pilot.press(*"Lee", "tab", "3", "enter")
        assert [(p.id, p.weekly_hours) for p in planner(app).plan.people][-1] == ("lee", 3)
        assert "Lee 3 h" in " ".join(budget_rows(app))
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        saved = tomllib.loads(team_path.read_text())
        assert saved["people"][-1] == {"id": "lee", "name": "Lee", "weekly_hours": 3}
        await pilot.press("ctrl+z")
        assert [p.id for p in planner(app).plan.people] == ["maria", "sam", "jo"]


async def test_edit_a_persons_hours_clears_their_over(team_path, data_dir):
    app = make_app(team_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("4", "down", "down", "down", "enter")  # Maria's row
        assert isinstance(app.screen, PersonForm)
        await pilot.press("tab", "ctrl+u", "7", "enter")  # 7 h -> 378 min >= 330
        assert planner(app).plan.person("maria").weekly_hours == 7
        assert "OVER" not in gauge_text(app)
        assert "person-over-budget" not in finding_ids(app)


async def test_a_bad_number_of_hours_is_refused_with_its_reason(team_path, data_dir):
    app = make_app(team_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("4", "a", *"Lee", "tab", *"200", "enter")
        form = app.screen
        assert isinstance(form, PersonForm)  # not saved
        note = str(form.query_one("#note-weekly_hours").render())
        assert "must be from 0 to 168, not 200" in note
        assert [p.id for p in planner(app).plan.people] == ["maria", "sam", "jo"]


async def test_a_form_with_typing_asks_before_discarding(team_path, data_dir):
    app = make_app(team_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("4", "a", *"Lee", "escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, PersonForm)


async def test_delete_a_person_leaves_their_channel_without_owner(team_path, data_dir):
    app = make_app(team_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("4", "down", "down", "down", "down", "down", "d")  # Jo
        assert isinstance(app.screen, ConfirmScreen)
        body = str(app.screen.query_one("#confirm-body").render())
        assert "Jo" in body and "Facebook page will have no owner." in body
        await pilot.press("y")
        plan = planner(app).plan
        assert [p.id for p in plan.people] == ["maria", "sam"]
        assert plan.channel("facebook").owner == ""
        assert "channel-without-owner" in finding_ids(app)
        await pilot.press("ctrl+z")
        assert planner(app).plan.channel("facebook").owner == "jo"


async def test_the_owner_is_picked_in_the_channel_form(team_path, data_dir):
    app = make_app(team_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("3", "down", "down")  # by score: Facebook, newsletter, Instagram
        assert planner(app).current_item() == ("channel", "instagram")
        await pilot.press("enter", "tab", "tab")  # name, status, owner
        await pilot.press("s", "enter")  # the letter picks Sam
        plan = planner(app).plan
        assert plan.channel("instagram").owner == "sam"
        # Sam: 100 + 330 = 430 of 324 -> 1h 46m over; Maria: nothing
        assert "Sam OVER by 1h 46m" in gauge_text(app)


async def test_the_channels_table_has_an_owner_column_only_with_people(team_path, data_dir):
    app = make_app(team_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        table = planner(app).query_one("#channel-table")
        labels = [str(c.label) for c in table.columns.values()]
        assert labels[:3] == ["Channel", "Owner", "Status"]
        assert [str(table.get_row_at(i)[1]) for i in range(3)] == ["Jo", "Sam", "Maria"]
        for _ in range(3):  # delete every person: the column goes
            await pilot.press("4", "down", "down", "down", "d", "y")
        await wait_until(pilot, lambda: not planner(app).plan.people)
        labels = [str(c.label) for c in table.columns.values()]
        assert labels[:2] == ["Channel", "Status"]


async def test_fit_works_per_person(team_path, data_dir):
    app = make_app(team_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("4", "f")
        body = str(app.screen.query_one("#confirm-body").render())
        assert "bring everyone within their hours" in body
        assert "Instagram: posts/week 3 → 1" in body
        await pilot.press("y")
        assert planner(app).plan.channel("instagram").posts_per_week == 1
        assert "OVER" not in gauge_text(app)


async def test_privacy_mode_masks_people_on_the_gauge_and_the_list(team_path, data_dir):
    app = make_app(team_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("m", "4")
        assert "Person 1 OVER by 1h 54m" in gauge_text(app)
        rows = " ".join(budget_rows(app))
        assert "Maria" not in rows and "Person 1" in rows


async def test_a_hostile_name_shows_as_text(team_path, data_dir):
    text = team_path.read_text().replace('name = "Maria"', 'name = "[b]Ma\\u001b[31mria[/b]"')
    team_path.write_text(text)
    app = make_app(team_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("4")
        rows = " ".join(budget_rows(app))
        assert "[b]Ma␛[31mria…" in rows  # markup and escapes inert, visible; cut at 14
        assert "\x1b" not in rows and "\x1b" not in gauge_text(app)
        assert "[b]Ma␛[31mria[/b] OVER by 1h 54m" in gauge_text(app)


async def test_the_reviews_budget_page_counts_the_people(team_path, data_dir):
    app = make_app(team_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("r")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "ReviewScreen")
        for _ in range(5):  # to the budget page, whichever it is
            page = " ".join(str(s.render()) for s in app.screen.query("Static"))
            if "Committed:" in page:
                break
            await pilot.press("enter")
        assert "8h 10m a week of 10h 48m available (3 people's 12 h less a 10 % reserve)" in page
        assert "Maria OVER: 5h 30m planned, 3h 36m available" in page


async def test_a_second_person_of_the_same_name_is_refused(team_path, data_dir):
    """Two Sams could not be told apart in the owner picker, the bars or a finding."""
    app = make_app(team_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("4", "a", *"sam", "tab", "3", "enter")
        form = app.screen
        assert isinstance(form, PersonForm)  # not saved
        note = str(form.query_one("#note-name").render())
        assert "'sam' is already someone here" in note
        assert [p.id for p in planner(app).plan.people] == ["maria", "sam", "jo"]
        form.query_one("#field-name").focus()
        await pilot.press("end", *" L.", "enter")
        assert [p.name for p in planner(app).plan.people][-1] == "sam L."
