"""The panes: names get the room, channels by score with one notion of next,
the pace not judged too early, every fix key working, j and k moving."""

from __future__ import annotations

from pathlib import Path

from socialtui import store
from socialtui.tui.screens.planner import PlannerScreen
from socialtui.tui.widgets.findings import FindingsPanel

from .conftest import copy_fixture, make_app, running


def planner(app) -> PlannerScreen:
    screen = app.screen_stack[0]
    assert isinstance(screen, PlannerScreen)
    return screen


def row_text(table, key: str) -> str:
    return " ".join(str(cell) for cell in table.get_row(key))


def next_hint(app) -> str:
    return str(planner(app).query_one("#next-hint").render())


async def test_channels_are_listed_by_score_with_the_sort_shown(data_dir: Path):
    path = copy_fixture(data_dir, "example.toml")
    app = make_app(path, data_dir)
    async with running(app, size=(120, 40)):
        table = planner(app).query_one("#channel-table")
        keys = [row.key.value for row in table.ordered_rows]
        # The file lists instagram, newsletter, pinterest, tiktok, facebook.
        assert keys == ["newsletter", "instagram", "pinterest", "facebook", "tiktok"]
        labels = [str(column.label) for column in table.ordered_columns]
        assert "Score▼" in labels


async def test_next_follows_the_weekly_hours(data_dir: Path):
    path = copy_fixture(data_dir, "example.toml")
    app = make_app(path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        table = planner(app).query_one("#channel-table")
        assert "▸next" in row_text(table, "pinterest")
        assert "'Pinterest' (50m) fits" in next_hint(app)
        await pilot.press("4", "enter", "ctrl+u", *"5.8", "enter")  # 48m spare: 50m no longer fits
        assert not any("▸next" in row_text(table, row.key.value) for row in table.ordered_rows)
        assert "▸next: none fits; the cheapest needs" in next_hint(app)


async def test_next_follows_the_week_as_lived(data_dir: Path):
    path = copy_fixture(data_dir, "example.toml")
    app = make_app(path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        table = planner(app).query_one("#channel-table")
        assert "▸next" in row_text(table, "pinterest")
        await pilot.press("c", "ctrl+u", "9", "ctrl+s")  # a heavy Instagram week
        await pilot.pause()
        assert "▸next" not in row_text(table, "pinterest")
        assert "none fits" in next_hint(app)


async def test_pace_is_too_early_before_the_evidence(data_dir: Path):
    path = store.plans_dir(data_dir) / "early.toml"
    path.write_text(
        'schema = 1\nname = "Early"\n[budget]\nweekly_hours = 5\n'
        '[[goals]]\nid = "g"\ntitle = "Orders"\nbaseline = 0\ntarget = 100\n'
        "deadline = 2026-12-31\n"
        '[[checkins]]\nweek = "2026-W40"\nmetrics = { g = 1 }\n'
        '[[checkins]]\nweek = "2026-W44"\nmetrics = { g = 2 }\n'
    )
    app = make_app(path, data_dir)
    async with running(app, size=(120, 40)):
        table = planner(app).query_one("#goal-table")
        pace = str(table.get_row("g")[4])
        assert pace == "too early"  # two values: behind the line, but not judged yet


async def test_the_no_purpose_fix_has_its_key_and_it_works_anywhere(data_dir: Path):
    path = store.plans_dir(data_dir) / "bare.toml"
    path.write_text('schema = 1\nname = "Bare"\n[budget]\nweekly_hours = 5\n')
    app = make_app(path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        text = str(planner(app).query_one(FindingsPanel).text)
        assert "Say who it is for and why you are there [p]" in text
        await pilot.press("3", "p")
        assert app.screen.__class__.__name__ == "PurposeForm"


async def test_j_and_k_move_in_tables(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("1", "j")
        assert planner(app).current_item() == ("goal", "community")
        await pilot.press("k")
        assert planner(app).current_item() == ("goal", "retainers")
        await pilot.press("4", "j", "j", "k")
        assert planner(app).query_one("#budget-table").cursor_row == 1


async def test_names_get_the_room_the_numbers_leave(data_dir: Path):
    """A name is cut only when the columns that must stay in view fill the pane."""
    path = copy_fixture(data_dir, "bakery.toml")
    app = make_app(path, data_dir)
    async with running(app, size=(120, 40)):
        screen = planner(app)
        for pane_id, column, names in (
            ("#goals", 1, [g.title for g in screen.plan.goals]),
            ("#audience", 1, [a.name for a in screen.plan.audiences]),
            ("#channels", 0, [c.name for c in screen.plan.channels]),
        ):
            pane = screen.query_one(pane_id)
            table = pane.table
            pad = 2 * table.cell_padding
            width = table.ordered_columns[column].get_render_width(table) - pad
            in_view = table.ordered_columns[: pane.in_view or None]
            used = sum(c.get_render_width(table) for c in in_view)
            room = table.scrollable_content_region.width
            longest = max(map(len, names))
            assert width >= min(12, longest), pane_id
            assert width >= longest or used >= room, (pane_id, width, used, room)
            assert used <= room or width == 12, pane_id  # nothing in view is pushed out


async def test_the_whole_purpose_is_visible_at_120x40(data_dir: Path):
    path = copy_fixture(data_dir, "example.toml")
    app = make_app(path, data_dir)
    async with running(app, size=(120, 40)):
        purpose = planner(app).query_one("#purpose")
        pane = planner(app).query_one("#goals")
        lines = purpose.render_lines(purpose.region.reset_offset)
        text = "".join(strip.text for strip in lines)
        assert "For them:" in text and "glaze recipe" in text
        assert pane.content_region.contains_region(purpose.region)


async def test_j_and_k_move_in_the_history_and_the_catalog(data_dir: Path):
    path = copy_fixture(data_dir, "checkins.toml")
    app = make_app(path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("h", "j", "j", "k")
        assert app.screen.query_one("#weeks").cursor_row == 1
        await pilot.press("escape", "3", "a")
        catalog = app.screen.query_one("#catalog")
        first = catalog.highlighted
        await pilot.press("j")
        assert catalog.highlighted != first
        await pilot.press("k")
        assert catalog.highlighted == first
