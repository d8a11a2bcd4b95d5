"""A key means one thing, in a real terminal (tmux): the installed socialtui,
keys sent as a person types them, the screen and the file read back."""

from __future__ import annotations

import shutil
import time
import tomllib
from pathlib import Path

import pytest
from sessions import studio_plan
from test_tmux import FIXTURES, NO_TMUX, Tmux, socialtui_command, terminal_env  # noqa: F401

pytestmark = [
    pytest.mark.terminal,
    pytest.mark.skipif(shutil.which("tmux") is None, reason=NO_TMUX),
]


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return studio_plan(tmp_path)


@pytest.fixture
def term(request):
    session = Tmux(120, 40, request.getfixturevalue("terminal_env"))  # test_tmux's
    yield session
    session.kill()


def start(term: Tmux, plan: Path) -> None:
    term.start(f"{socialtui_command()} open {plan}")
    term.wait_for(lambda s: "Studio Nord" in s and "OVER" in s and "q Quit" in s)


def test_pane_keys_then_q_leave_the_plan_as_it_was(term: Tmux, plan: Path):
    before = plan.read_bytes()
    start(term, plan)
    term.keys("4", "1", "2", "3", "4", "1", "4", "2")
    term.keys("q")
    screen = term.wait_for(lambda s: "EXITED:" in s)
    assert "EXITED:0" in screen
    assert plan.read_bytes() == before


def test_weekly_hours_typed_move_the_gauge_before_enter_and_save_on_enter(term: Tmux, plan: Path):
    start(term, plan)
    term.keys("4", "Enter", "C-u", "4", "0")
    # 40 h less the 10 % reserve: 36h 00m, shown while the value is still open.
    term.wait_for(lambda s: "6h 30m / 36h 00m" in s and "Keep" in s)
    assert tomllib.loads(plan.read_text())["budget"]["weekly_hours"] == 4.0
    term.keys("Enter")  # kept: autosave writes it a second later
    term.wait_for(lambda s: tomllib.loads(plan.read_text())["budget"]["weekly_hours"] == 40)
    term.wait_for(lambda s: "[saved]" in s and "Keep" not in s)
    term.keys("C-q")
    term.wait_for(lambda s: "EXITED:0" in s)


def test_a_typed_form_asks_before_escape_and_before_quitting(term: Tmux, plan: Path):
    before = plan.read_bytes()
    start(term, plan)
    term.keys("1", "a")
    term.wait_for(lambda s: "New goal" in s)
    term.tmux("send-keys", "-t", term.name, "-l", "Talks at meetups")  # a paste burst
    term.wait_for(lambda s: "Talks at meetups" in s)
    term.keys("Escape")
    term.wait_for(lambda s: "Discard your changes?" in s)
    term.keys("n")
    term.wait_for(lambda s: "Discard your changes?" not in s and "Talks at meetups" in s)
    term.keys("C-q")
    term.wait_for(lambda s: "Discard your changes and quit?" in s)
    time.sleep(0.3)  # nothing quits meanwhile
    assert "EXITED" not in term.screen()
    term.keys("y")
    term.wait_for(lambda s: "EXITED:0" in s)
    assert plan.read_bytes() == before
