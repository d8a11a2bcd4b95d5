"""Keys of your own in the app: config.toml's [keys] remaps a command (the new key
works, the old one no longer does, the help and the footer show it); a bad
entry is said once, in one line, and the defaults stay."""

from __future__ import annotations

import os
from pathlib import Path

from textual.widgets import Input

from socialtui.tui.screens.form import FormScreen
from socialtui.tui.screens.help import HelpScreen
from socialtui.tui.screens.planner import PlannerScreen

from .conftest import make_app, running


def write_keys(text: str) -> None:
    config = Path(os.environ["SOCIALTUI_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text(f"[keys]\n{text}", encoding="utf-8")


def footer(app) -> str:
    return str(app.screen.query_one("CalmFooter").render())


def screen_lines(app) -> list[str]:
    """The screen as the terminal shows it, line by line."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def toasts(app) -> list[str]:
    return [str(toast.render()) for toast in app.screen.query("Toast")]


async def test_help_moved_to_f2(over_path: Path, data_dir: Path):
    write_keys('help = "f2"\n')
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        assert "f2 Help" in footer(app)
        assert "? Help" not in footer(app)
        await pilot.press("question_mark", "f1")  # the old keys: nothing
        await pilot.pause()
        assert isinstance(app.screen, PlannerScreen)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        row = next(line for line in screen_lines(app) if "Help: every key" in line)
        assert row.split("Help: every key")[0].split()[-1:] == ["f2"]
        await pilot.press("f2")  # closes it as it opened it
        await pilot.pause()
        assert isinstance(app.screen, PlannerScreen)


async def test_a_letter_remapped_acts_in_the_planner_and_types_in_a_field(
    over_path: Path, data_dir: Path
):
    write_keys('add = "f3"\nquit = "g"\n')
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        assert "f3 Add" in footer(app) and "g Quit" in footer(app)
        await pilot.press("1", "a")  # the old key for add: nothing
        await pilot.pause()
        assert isinstance(app.screen, PlannerScreen)
        await pilot.press("f3")  # a goal form
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert isinstance(app.focused, Input)
        await pilot.press("g", "q", "a")  # the user's quit key, typed in a field, is text
        await pilot.pause()
        assert app.focused.value.endswith("gqa")
        assert app.return_code is None
        await pilot.press("escape", "y")  # discard
        await pilot.pause()
        assert isinstance(app.screen, PlannerScreen)
        await pilot.press("q")  # no longer quits
        await pilot.pause()
        assert app.return_code is None
        await pilot.press("g")
        await pilot.pause()
    assert app.return_code == 0


async def test_bad_entries_are_said_once_in_one_line_and_the_defaults_stay(
    over_path: Path, data_dir: Path
):
    write_keys('add = "1"\n"[b]nope[/b]\\u001b[2J" = "f2"\nhelp = "hyperr+x"\ncheck-in = "f4"\n')
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        shown = toasts(app)
        assert len(shown) == 1, shown
        line = shown[0]
        assert "add = '1': clashes with goals-pane (Planner)" in line
        assert "[b]nope[/b]" in line  # config text is never markup
        assert "\x1b" not in line
        assert "'hyperr+x' is not a key" in line
        assert "\n" not in line.strip()
        await pilot.press("1", "a")  # the defaults for the refused entries
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "c")  # check-in's entry was good: c no longer opens it
        await pilot.pause()
        assert isinstance(app.screen, PlannerScreen)
        assert len(app._notifications) == 1  # said once, not on every screen or key


async def test_no_keys_table_no_notice(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert not any("[keys]" in text for text in toasts(app))
        assert app.user_keys == {}


async def test_a_planner_letter_of_the_users_is_text_while_a_value_is_open(
    over_path: Path, data_dir: Path
):
    write_keys('add = "z"\nfit = "ctrl+g"\n')
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("4", "enter")  # weekly hours open for typing
        await pilot.pause()
        assert isinstance(app.focused, Input)
        await pilot.press("z")
        await pilot.pause()
        assert isinstance(app.screen, PlannerScreen)  # no form: z went to the field
        await pilot.press("escape", "1", "z")  # not typing: z adds a goal
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)


async def test_the_reviews_hint_names_the_users_keys(over_path: Path, data_dir: Path):
    from socialtui.tui.screens.review import ReviewScreen

    write_keys('review-next = "l"\n')
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        hint = str(app.screen.query_one("#review-keys").render())
        assert hint.startswith("l next · ←/b back")
        await pilot.press("enter")  # no longer next
        await pilot.pause()
        assert app.screen.step == 0
        await pilot.press("l")
        await pilot.pause()
        assert app.screen.step == 1


async def test_the_delete_question_names_the_user_s_undo_key(over_path: Path, data_dir: Path):
    write_keys('undo = "u"\n')
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("1", "d")
        await pilot.pause()
        shown = " ".join(screen_lines(app))
        assert "Undo (u) brings it back" in shown
        assert "ctrl+z" not in shown
        await pilot.press("y", "u")
        await pilot.pause()
        assert app.current_plan == app.loaded.plan  # u undid the delete
