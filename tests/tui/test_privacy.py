"""Privacy mode: with `m` (or --private) no name, note or description is on screen.

What is "on screen" is read two ways, so that neither can hide a leak: the whole
screen as the terminal would show it (the compositor's output, as text), and the
full content of every widget (tables' cells, statics, border titles), which also
covers what is scrolled out of view or cut off by a narrow column.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import DataTable, Static

from socialtui import cli
from socialtui.tui.screens.planner import PlannerScreen
from socialtui.tui.widgets.findings import FindingsPanel

from .conftest import TODAY, copy_fixture, running

SIZE = (160, 50)  # every pane visible

# From tests/fixtures/export.toml: names, notes, descriptions, purpose, metrics, ids
# (the audience pane lists channel ids) and the file's name (the top bar shows it).
SECRETS = (
    "Harbour",
    "Yoga",
    "Desk workers",
    "New parents",
    "Students",
    "lunch",
    "postnatal",
    "off-peak",
    "Instagram",
    "LinkedIn",
    "TikTok",
    "Facebook",
    "Buttondown",
    "Newsletter",
    "bookings",
    "Monthly members",
    "buddies",
    "timetable",
    "export.toml",
)
# Only the history shows the weeks' notes; channel notes only the (refused) forms.
NOTES = ("Storm week", "spotlight", "First week on the plan")


@pytest.fixture
def yoga(data_dir: Path) -> Path:
    return copy_fixture(data_dir, "export.toml")


def make(path: Path, data: Path, *, private: bool = False):
    from socialtui import store
    from socialtui.tui.app import SocialApp

    return SocialApp(store.load(path), data=data, today=TODAY, private=private)


def terminal_text(app) -> str:
    """The screen as a terminal shows it, as plain text."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text()


def widget_text(app) -> str:
    """Everything the current screen's widgets hold, visible or scrolled away."""
    parts: list[str] = []
    for widget in app.screen.query("*"):
        parts += [str(widget.border_title or ""), str(widget.border_subtitle or "")]
        if isinstance(widget, DataTable):
            parts += [str(column.label) for column in widget.columns.values()]
            for index in range(widget.row_count):
                parts += [str(cell) for cell in widget.get_row_at(index)]
        elif isinstance(widget, Static):
            parts.append(str(widget.render()))
        elif isinstance(widget, FindingsPanel):
            parts.append(str(widget.text))
    return "\n".join(parts)


def on_screen(app) -> str:
    return terminal_text(app) + "\n" + widget_text(app)


def leaks(text: str, secrets: tuple[str, ...] = SECRETS) -> list[str]:
    lowered = text.lower()
    return [s for s in secrets if s.lower() in lowered]


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.pause()


async def test_m_masks_everything_and_m_again_shows_it(yoga: Path, data_dir: Path):
    app = make(yoga, data_dir)
    async with running(app, size=SIZE) as pilot:
        await settle(pilot)
        before = on_screen(app)
        # The check can fail: unmasked, the plan's text is all there.
        assert len(leaks(before)) == len(SECRETS), set(SECRETS) - set(leaks(before))

        await pilot.press("m")
        await settle(pilot)
        masked = on_screen(app)
        assert leaks(masked) == []
        assert "Private plan" in masked
        assert "PRIVATE" in terminal_text(app)  # the indicator in the top bar
        assert "Channel 1" in masked and "Goal 3" in masked and "Audience 2" in masked
        # The numbers stay: 330 min committed of 357 available.
        assert "5h 30m" in masked

        await pilot.press("m")
        await settle(pilot)
        again = on_screen(app)
        assert len(leaks(again)) == len(SECRETS)
        assert "PRIVATE" not in terminal_text(app)


async def test_history_and_review_are_masked(yoga: Path, data_dir: Path):
    app = make(yoga, data_dir)
    async with running(app, size=SIZE) as pilot:
        await pilot.press("h")
        await settle(pilot)
        assert leaks(on_screen(app), NOTES) == list(NOTES)  # the check can fail
        await pilot.press("escape", "m", "h")
        await settle(pilot)
        assert type(app.screen).__name__ == "HistoryScreen"
        history = on_screen(app)
        assert "Channel 1" in history and "Goal 1" in history
        assert leaks(history) == [] and leaks(history, NOTES) == []
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("r")
        await settle(pilot)
        assert type(app.screen).__name__ == "ReviewScreen"
        for _page in range(4):  # goals, audiences, channels, budget
            assert leaks(on_screen(app)) == []
            if _page < 3:
                await pilot.press("n")
                await settle(pilot)
        assert "Goal" in widget_text(app) or "Channel" in widget_text(app)
        await pilot.press("enter")  # finishing stamps the review on the real plan
        await settle(pilot)
        planner = app.screen
        assert isinstance(planner, PlannerScreen)
        assert planner.plan.review.last == TODAY
        assert planner.plan.name == "Harbour Yoga Studio 2027"  # not "Private plan"
        assert planner.plan.channels[0].name == "Instagram"


async def test_editing_is_refused_while_masked(yoga: Path, data_dir: Path):
    app = make(yoga, data_dir)
    async with running(app, size=SIZE) as pilot:
        await pilot.press("m")
        plan = app.screen.plan
        for key in ("a", "enter", "d", "p", "c", "s", "ctrl+o"):
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, PlannerScreen), key
        await pilot.press("3", "s")  # cycle a channel's status
        await settle(pilot)
        assert app.screen.plan == plan
        texts = [str(n.message) for n in app._notifications]
        assert any("Privacy mode is on: press m" in t for t in texts)
        assert leaks(on_screen(app)) == []
        await pilot.press("m", "3", "s")
        await settle(pilot)
        assert app.screen.plan != plan  # editing works again


async def test_started_private_is_masked_from_the_first_frame(yoga: Path, data_dir: Path):
    app = make(yoga, data_dir, private=True)
    async with running(app, size=SIZE) as pilot:
        await settle(pilot)
        text = on_screen(app)
        assert leaks(text) == []
        assert "Private plan" in text and "PRIVATE" in terminal_text(app)
        await pilot.press("m")
        await settle(pilot)
        assert "Harbour Yoga Studio 2027" in on_screen(app)


@pytest.mark.parametrize(
    "argv",
    [["--private"], ["open", "export", "--private"], ["--private", "open", "export"]],
)
def test_private_flag_reaches_the_app(
    argv, yoga: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
):
    """`socialtui --private` and `socialtui open PLAN --private` start in privacy mode."""
    from socialtui.store import config
    from socialtui.tui.app import SocialApp

    config.remember_plan(data_dir, yoga)
    started: list[SocialApp] = []

    def fake_run(self, *args, **kwargs):
        started.append(self)

    monkeypatch.setattr(SocialApp, "run", fake_run)
    monkeypatch.setattr("socialtui.tui.run.no_terminal", lambda: None)  # pytest has no tty
    monkeypatch.setenv("SOCIALTUI_TODAY", TODAY.isoformat())
    assert cli.main(["--data-dir", str(data_dir), *argv]) == 0
    assert [app.private for app in started] == [True]
    assert started[0].loaded.path == yoga


def test_without_the_flag_the_app_is_not_private(
    yoga: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
):
    from socialtui.tui.app import SocialApp

    started: list[SocialApp] = []
    monkeypatch.setattr(SocialApp, "run", lambda self, *a, **k: started.append(self))
    monkeypatch.setattr("socialtui.tui.run.no_terminal", lambda: None)  # pytest has no tty
    assert cli.main(["--data-dir", str(data_dir), "open", "export"]) == 0
    assert [app.private for app in started] == [False]


def test_help_mentions_private(capsys):
    assert cli.main(["--help"]) == 0
    assert re.search(r"--private\s+privacy mode", capsys.readouterr().out)
