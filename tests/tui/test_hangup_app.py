"""A session that ends without a goodbye keeps its edits and lets go of the plan.

Under Pilot the signal handlers are not installed (pytest owns the process's
signals): these tests call ``hang_up`` as the handlers do. The real signals and a
real terminal going away are tests/terminal/test_hangup.py's.

- Edits kept (``enter``) and not yet saved are saved, or copied when the plan
  cannot be written.
- A valid value still open in the Budget pane is kept, as quitting keeps it; an
  invalid one is not, and the exit line says which and why.
"""

from __future__ import annotations

import io
import os
import signal
import tomllib
from pathlib import Path

import pytest

from socialtui.paths import recovered_dir
from socialtui.store import lock
from socialtui.tui import saving
from socialtui.tui.terminal import HangUpDriver, TerminalStream, terminal_problem

from .conftest import make_app, running, wait_until, weekly_hours


@pytest.fixture(autouse=True)
def no_autosave(monkeypatch) -> None:
    """An edit stays unsaved however slow the machine is (a test may set it back)."""
    monkeypatch.setattr(saving, "AUTOSAVE_DELAY", 3600.0)


async def edit_weekly_hours(app, pilot) -> None:
    await pilot.press(*weekly_hours("10"))  # weekly hours 4.0 -> 10, kept, not yet saved
    await pilot.pause()
    assert app.current_plan.budget.weekly_hours == 10
    assert app.current_plan != app.loaded.plan


async def hang_up_now(app, pilot, how: str) -> None:
    """A signal (``SIGHUP``...), or the terminal gone (``terminal``); then the exit."""
    if how == "terminal":
        app.terminal_gone("the terminal closed (end of file)")
    else:
        app.hang_up(signal.Signals[how])
    await wait_until(pilot, lambda: app._exit)


def copies(data_dir: Path) -> list[Path]:
    return list(recovered_dir(data_dir).glob("overcommitted.unsaved-*.toml"))


@pytest.mark.parametrize("signo", [signal.SIGHUP, signal.SIGTERM])
async def test_a_hang_up_saves_pending_edits_releases_the_lock_and_exits(
    over_path: Path, data_dir: Path, signo: int
):
    app = make_app(over_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        await edit_weekly_hours(app, pilot)
        plan = app.current_plan
        assert lock.lock_path(over_path).exists()
        app.hang_up(signo)
        await wait_until(pilot, lambda: app._exit)
    assert app.return_code == 128 + signo
    assert (
        tomllib.loads(over_path.read_text())["budget"]["weekly_hours"] == plan.budget.weekly_hours
    )
    assert not lock.lock_path(over_path).exists()
    name = signal.Signals(signo).name
    assert app.exit_line == f"socialtui: {name}: your edits were saved"


async def test_a_hang_up_with_a_conflict_keeps_the_edits_in_a_copy(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        await edit_weekly_hours(app, pilot)
        edited = over_path.read_text().replace("Studio Nord", "Studio Süd", 1)
        over_path.write_text(edited)  # a git pull, meanwhile
        app.hang_up(signal.SIGHUP)
        await wait_until(pilot, lambda: app._exit)
    assert app.return_code == 129
    assert over_path.read_text() == edited  # never overwritten
    [copy] = list(recovered_dir(data_dir).glob("overcommitted.unsaved-*.toml"))
    assert tomllib.loads(copy.read_text())["budget"]["weekly_hours"] != 4.0
    assert app.exit_line is not None and f"your edits are in {copy}" in app.exit_line
    assert not lock.lock_path(over_path).exists()


async def test_a_hang_up_on_a_plan_made_read_only_keeps_the_edits_in_a_copy(
    over_path: Path, data_dir: Path
):
    app = make_app(over_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        await edit_weekly_hours(app, pilot)
        over_path.chmod(0o400)  # meanwhile: the plan may no longer be written
        before = over_path.read_bytes()
        app.hang_up(signal.SIGTERM)
        await wait_until(pilot, lambda: app._exit)
    assert app.return_code == 143
    assert over_path.read_bytes() == before
    [copy] = copies(data_dir)
    assert tomllib.loads(copy.read_text())["budget"]["weekly_hours"] == 10
    assert app.exit_line is not None and f"your edits are in {copy}" in app.exit_line


async def test_a_save_already_running_finishes_before_the_hang_up_saves(
    over_path: Path, data_dir: Path, monkeypatch
):
    monkeypatch.setattr(saving, "AUTOSAVE_DELAY", 0.0)
    app = make_app(over_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press(*weekly_hours("1"))
        await pilot.press("enter", "ctrl+u", "1", "0", "enter")  # a save may be running now
        assert app.current_plan.budget.weekly_hours == 10  # with one more edit pending
        app.hang_up(signal.SIGHUP)
        await wait_until(pilot, lambda: app._exit)
    assert tomllib.loads(over_path.read_text())["budget"]["weekly_hours"] == 10
    assert not lock.lock_path(over_path).exists()


async def test_the_terminal_going_away_is_a_hang_up(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        await edit_weekly_hours(app, pilot)
        app.terminal_gone("the terminal closed (end of file)")
        await wait_until(pilot, lambda: app._exit)
    assert app.return_code == 129
    assert app.terminal_lost == "the terminal closed (end of file)"
    assert tomllib.loads(over_path.read_text())["budget"]["weekly_hours"] != 4.0


# -- a value open in the Budget pane ---------------------------------------------------


@pytest.mark.parametrize("how", ["SIGHUP", "terminal"])
async def test_a_valid_value_still_open_is_kept_as_quitting_keeps_it(
    over_path: Path, data_dir: Path, how: str
):
    app = make_app(over_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("4", "enter", "ctrl+u", "1", "0")  # typed, enter not pressed
        assert app.focused is app.screen.query_one("#budget-input")
        assert app.current_plan == app.loaded.plan  # only previewed so far
        await hang_up_now(app, pilot, how)
    assert app.return_code == 129
    assert tomllib.loads(over_path.read_text())["budget"]["weekly_hours"] == 10
    why = "the terminal closed (end of file)" if how == "terminal" else how
    assert app.exit_line == f"socialtui: {why}: your edits were saved"
    assert not lock.lock_path(over_path).exists()


async def test_an_invalid_value_still_open_is_not_kept_and_the_exit_line_says_so(
    over_path: Path, data_dir: Path
):
    app = make_app(over_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("4", "down", "enter", "ctrl+u", "2", "0", "enter")  # reserve 20 %
        await pilot.press("up", "enter", "ctrl+u", "2", "0", "0")  # 200 h: out of range
        await hang_up_now(app, pilot, "SIGHUP")
    saved = tomllib.loads(over_path.read_text())["budget"]
    assert (saved["reserve_percent"], saved["weekly_hours"]) == (20, 4.0)
    assert app.exit_line == (
        "socialtui: SIGHUP: your edits were saved; Weekly hours '200' was not kept: "
        "must be more than 0 and at most 168, not 200"
    )
    assert copies(data_dir) == []


async def test_a_second_hang_up_changes_nothing(over_path: Path, data_dir: Path):
    app = make_app(over_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        app.hang_up(signal.SIGTERM)
        app.hang_up(signal.SIGHUP)
        await wait_until(pilot, lambda: app._exit)
    assert app.return_code == 143
    assert app.exit_line == "socialtui: SIGTERM: nothing was unsaved"


# -- the terminal ---------------------------------------------------------------------


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_app_needs_three_terminals_and_a_term():
    tty = Tty()
    assert terminal_problem((tty, tty, tty), {"TERM": "xterm"}) is None
    piped = io.StringIO()
    assert terminal_problem((piped, tty, tty), {"TERM": "xterm"}) == (
        "standard input is not a terminal"
    )
    assert terminal_problem((tty, piped, tty), {"TERM": "xterm"}) == (
        "standard output is not a terminal"
    )
    assert terminal_problem((tty, tty, piped), {"TERM": "xterm"}) == (
        "standard error is not a terminal"
    )
    assert "TERM is dumb" in (terminal_problem((tty, tty, tty), {"TERM": "dumb"}) or "")
    assert "TERM is not set" in (terminal_problem((tty, tty, tty), {}) or "")


def test_a_failed_write_to_the_terminal_is_reported_once_and_nothing_more_is_written():
    class Gone(io.StringIO):
        writes = 0

        def write(self, text: str) -> int:
            Gone.writes += 1
            raise OSError(5, "Input/output error")

    reasons: list[str] = []
    guarded = TerminalStream(Gone(), reasons.append)
    assert guarded.write("\x1b[?1049l") == len("\x1b[?1049l")
    guarded.write("more")
    guarded.flush()
    assert reasons == ["the terminal cannot be written to ([Errno 5] Input/output error)"]
    assert Gone.writes == 1


def test_the_app_s_driver_on_linux_is_the_hang_up_driver(over_path: Path, data_dir: Path):
    if os.name != "posix":
        pytest.skip("the Linux driver is for POSIX systems")
    assert make_app(over_path, data_dir).driver_class is HangUpDriver


def test_without_a_terminal_nothing_is_created_or_locked(tmp_path: Path, capsys, monkeypatch):
    """Standard input from a pipe: run_app refuses before it makes the starter plan
    a first run would make, and before any lock."""
    from datetime import date

    from socialtui.tui.run import run_app

    monkeypatch.setattr("sys.stdin", io.StringIO())
    data = tmp_path / "data"
    assert run_app(data, None, date(2026, 11, 22)) == 2
    err = capsys.readouterr().err
    assert err.startswith("socialtui: the full-screen app needs a terminal (standard input")
    assert "socialtui checkin PLAN --hours" in err and err.count("\n") == 1
    assert not (data / "plans").exists() or not list((data / "plans").iterdir())
