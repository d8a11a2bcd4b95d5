"""Two real socialtui processes on one plan, and a real crash, in tmux."""

from __future__ import annotations

import json
import shlex
import shutil
import sys
import tomllib
from pathlib import Path

import pytest
from sessions import private_env, studio_plan
from test_tmux import NO_TMUX, Tmux, socialtui_command

pytestmark = [
    pytest.mark.terminal,
    pytest.mark.skipif(shutil.which("tmux") is None, reason=NO_TMUX),
]


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return studio_plan(tmp_path)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return private_env(tmp_path)


@pytest.fixture
def terminals(env: dict[str, str]):
    made: list[Tmux] = []

    def make(width: int = 120, height: int = 40) -> Tmux:
        term = Tmux(width, height, env)  # each has its own tmux server (-L socket)
        made.append(term)
        return term

    yield make
    for term in made:
        term.kill()


def joined(term: Tmux) -> str:
    """The screen with wrapped lines joined (a long line stays one line)."""
    return term.tmux("capture-pane", "-p", "-J", "-t", term.name)


def header(screen: str) -> str:
    """The top bar: the plan's name and its save state."""
    return screen.splitlines()[0] if screen else ""


def weekly_hours(plan: Path) -> float:
    return tomllib.loads(plan.read_text())["budget"]["weekly_hours"]


def test_second_session_is_read_only_then_takes_over(plan: Path, terminals):
    lock = plan.parent / ".studio.toml.lock"
    first, second = terminals(), terminals(80, 24)

    first.start(f"{socialtui_command()} open {plan}")
    first.wait_for(lambda s: "Studio Nord" in s and "[saved]" in s)
    holder = json.loads(lock.read_text())

    second.start(f"{socialtui_command()} open {plan}")
    # The header says who (it fits 80 columns); a notice names the key.
    screen = second.wait_for(lambda s: "read-only: open in" in s and "ctrl+t" in s)
    assert f"pid {holder['pid']} since" in screen
    assert json.loads(lock.read_text()) == holder  # still the first session's

    first.keys("4", "Enter", "C-u", "1", "0", "Enter", "C-s")  # the first session saves
    # The gauge shows 9h 00m while 10 is typed, before it is kept: wait for the file.
    first.wait_for(lambda s: weekly_hours(plan) == 10)
    first.wait_for(lambda s: "6h 30m / 9h 00m" in s and "[saved]" in s)

    second.keys("C-s")  # the second does not write
    second.wait_for(lambda s: "read-only" in s)
    assert weekly_hours(plan) == 10

    first.keys("C-q")
    first.wait_for(lambda s: "EXITED:0" in s)
    assert not lock.exists()

    second.keys("C-t")
    second.wait_for(lambda s: "Take over (y)" in s)
    second.keys("y")
    # The header (not the read-only toast, which stays its ten seconds) says saved.
    second.wait_for(lambda s: "[saved]" in header(s) and "read-only" not in header(s))
    assert json.loads(lock.read_text())["pid"] != holder["pid"]
    second.keys("4", "Enter", "C-u", "8", "Enter", "C-s")  # reloaded first: it saw 10 h
    # Saved: the file says 8 h and the header says so (not the toast going away).
    second.wait_for(lambda s: "[saved]" in s and weekly_hours(plan) == 8, timeout=30)
    assert "6h 30m / 7h 12m" in joined(second)
    second.keys("C-q")
    second.wait_for(lambda s: "EXITED:0" in s)
    assert not lock.exists()
    after = plan.read_text()
    assert "# what we can honestly spare" in after
    assert 'name = "Studio Nord"' in after


CRASHING = """
import sys
from socialtui.cli import main
from socialtui.tui import saving
from socialtui.tui.screens.planner import PlannerScreen

def broken(self):
    raise ZeroDivisionError("help divided by zero")

PlannerScreen.action_help = broken
saving.AUTOSAVE_DELAY = 3600  # the edit stays unsaved however slow the machine is
sys.exit(main(["open", sys.argv[1]]))
"""


def test_a_crash_prints_one_line_and_exits_70(plan: Path, tmp_path: Path, terminals):
    before = plan.read_bytes()
    term = terminals()
    command = shlex.join([sys.executable, "-c", CRASHING, str(plan)])
    term.start(command)
    term.wait_for(lambda s: "Studio Nord" in s and "[saved]" in s)
    term.keys("4", "Enter", "C-u", "1", "0", "Enter")  # an edit not saved yet
    term.wait_for(lambda s: "[unsaved]" in s)
    term.keys("F1")  # help: the patched action raises
    term.wait_for(lambda s: "EXITED:" in s)
    screen = joined(term)
    assert "EXITED:70" in screen
    assert "Traceback" not in screen
    assert "ZeroDivisionError" not in screen
    [log] = list((tmp_path / "logs").iterdir())
    [copy] = list((plan.parent.parent / "recovered").glob("studio.unsaved-*.toml"))
    line = f"socialtui: unexpected error; your edits are in {copy}; details in {log}"
    lines = [row for row in screen.splitlines() if row.strip()]
    assert lines[-2:] == [line, "EXITED:70"]  # exactly one line, then the exit status
    assert "ZeroDivisionError: help divided by zero" in log.read_text()
    assert weekly_hours(copy) == 10
    assert plan.read_bytes() == before
    assert not (plan.parent / ".studio.toml.lock").exists()
