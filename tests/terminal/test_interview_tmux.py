"""The POST interview in a real terminal: ``socialtui new NAME`` walked with keys
to the planner, and a first start that takes the interview."""

from __future__ import annotations

import tomllib
from pathlib import Path

from tests.terminal.test_tmux import Tmux, pytestmark, socialtui_command, terminal_env

__all__ = ["pytestmark", "terminal_env"]


def paste(term: Tmux, text: str) -> None:
    term.tmux("send-keys", "-t", term.name, "-l", text)


def walk(term: Tmux) -> None:
    """Two audiences, a goal, the purpose and 4 hours, two channels; finish."""
    term.wait_for(lambda s: "1. People" in s and "Budget" in s and "Findings" in s)
    paste(term, "Neighbours")
    term.keys("Tab")
    paste(term, "Fresh bread")
    term.keys("Tab", "Space", "Down", "Space", "Tab")  # Instagram, Facebook page
    paste(term, "Offices")
    term.keys("NPage")
    term.wait_for(lambda s: "2. Objectives" in s)
    term.keys("s", "Tab", "Tab")
    paste(term, "4")
    term.keys("Tab")
    paste(term, "10")
    term.keys("NPage")
    term.wait_for(lambda s: "3. Strategy" in s)
    paste(term, "A corner bakery")
    term.keys("Tab")
    paste(term, "Win regulars")
    term.keys("Tab", "Tab", "C-u")
    paste(term, "4")
    term.keys("NPage")
    screen = term.wait_for(lambda s: "4. Technology" in s and "Active:" in s)
    assert "[x] Facebook page" in screen and "[ ] Instagram" in screen  # ranked, best ticked
    term.keys("Down", "Space")
    term.wait_for(lambda s: "[x] Instagram" in s)
    term.keys("NPage")


def test_new_walks_the_interview_into_the_planner(tmp_path: Path, terminal_env: dict[str, str]):
    term = Tmux(80, 24, terminal_env)
    try:
        term.start(f"{socialtui_command()} new 'Interview test'")
        walk(term)
        screen = term.wait_for(lambda s: "1 Goals" in s and "Interview test" in s)
        assert "Findings" in screen and "Traceback" not in screen
        assert "5h 15m / 3h 36m" in screen and "OVER" in screen  # 3h 15m + 2h 00m
        term.keys("q")
        screen = term.wait_for(lambda s: "EXITED:0" in s)
        assert "Created " in screen
    finally:
        term.kill()
    data = tomllib.loads(
        (tmp_path / "data" / "plans" / "interview-test.toml").read_text(encoding="utf-8")
    )
    assert data["name"] == "Interview test"
    assert [a["name"] for a in data["audiences"]] == ["Neighbours", "Offices"]
    assert data["goals"][0]["metric"] == "orders per month"
    assert (data["goals"][0]["baseline"], data["goals"][0]["target"]) == (4, 10)
    assert data["purpose"] == {"who": "A corner bakery", "why": "Win regulars"}
    assert data["budget"]["weekly_hours"] == 4
    assert sorted(c["id"] for c in data["channels"] if c["status"] == "active") == [
        "facebook",
        "instagram",
    ]


def test_escape_in_new_asks_and_creates_nothing(tmp_path: Path, terminal_env: dict[str, str]):
    term = Tmux(80, 24, terminal_env)
    try:
        term.start(f"{socialtui_command()} new 'Not now'")
        term.wait_for(lambda s: "1. People" in s)
        paste(term, "Someone")
        term.keys("Escape")
        term.wait_for(lambda s: "Discard your changes?" in s)
        term.keys("y")
        screen = term.wait_for(lambda s: "EXITED:1" in s)
        assert "nothing was created" in screen
    finally:
        term.kill()
    plans = tmp_path / "data" / "plans"
    assert not plans.exists() or not list(plans.iterdir())


def test_a_first_start_can_take_the_interview(tmp_path: Path, terminal_env: dict[str, str]):
    term = Tmux(120, 40, terminal_env)
    try:
        term.start(socialtui_command())
        term.wait_for(lambda s: "Welcome to socialtui" in s)
        term.keys("Enter")  # the interview, offered first
        walk(term)
        term.wait_for(lambda s: "1 Goals" in s and "My first social plan" in s)
        term.keys("q")
        term.wait_for(lambda s: "EXITED:0" in s)
    finally:
        term.kill()
    (path,) = (tmp_path / "data" / "plans").glob("*.toml")
    assert path.name == "my-first-social-plan.toml"
    assert tomllib.loads(path.read_text(encoding="utf-8"))["audiences"][0]["name"] == "Neighbours"
