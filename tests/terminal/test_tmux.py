"""The installed ``socialtui`` in a real terminal (tmux): keys in, screen out."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent.parent / "fixtures"
NO_TMUX = "tmux is not installed: the real-terminal tests need it (apt-get install tmux)"
pytestmark = [
    pytest.mark.terminal,
    pytest.mark.skipif(shutil.which("tmux") is None, reason=NO_TMUX),
]


def socialtui_command() -> str:
    script = Path(sys.executable).parent / "socialtui"
    found = str(script) if script.exists() else shutil.which("socialtui")
    assert found, "the socialtui console script is not installed"
    return found


class Tmux:
    def __init__(self, width: int, height: int, env: dict[str, str]) -> None:
        self.name = f"socialtui-test-{uuid.uuid4().hex[:8]}"
        self.socket = f"socialtui-{uuid.uuid4().hex[:8]}"
        self.width, self.height = width, height
        self.env = env

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        )
        return result.stdout

    def start(self, command: str) -> None:
        env_args = [f"{k}={v}" for k, v in self.env.items()]
        # Create the window first, then start the program in it: a program started
        # by new-session itself can see the default 80x24 before tmux resizes it.
        self.tmux(
            "new-session", "-d", "-s", self.name, "-x", str(self.width), "-y", str(self.height),
            "sleep", "60",
        )  # fmt: skip
        self.tmux(
            "respawn-pane", "-k", "-t", self.name,
            "env", "-u", "COLUMNS", "-u", "LINES", *env_args,
            "sh", "-c", command + "; echo EXITED:$?; sleep 30",
        )  # fmt: skip

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", self.name, key)
            time.sleep(0.05)

    def wait_for(self, predicate, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if predicate(screen):
                return screen
            time.sleep(0.1)
        size = self.tmux("display", "-p", "-t", self.name, "#{window_width}x#{window_height}")
        raise AssertionError(f"timed out ({size.strip()}); the screen was:\n{screen}")

    def kill(self) -> None:
        self.tmux("kill-server")


@pytest.fixture
def terminal_env(tmp_path: Path) -> dict[str, str]:
    env = {
        "SOCIALTUI_DATA_DIR": str(tmp_path / "data"),
        "SOCIALTUI_CONFIG_DIR": str(tmp_path / "config"),
        "SOCIALTUI_TODAY": "2026-11-22",
        "TERM": "xterm-256color",
        "HOME": str(tmp_path),
        "PATH": os.environ.get("PATH", ""),
        "ESCDELAY": "25",
    }
    return env


def test_over_disappears_when_weekly_hours_fit(tmp_path: Path, terminal_env: dict[str, str]):
    plans = tmp_path / "data" / "plans"
    plans.mkdir(parents=True)
    plan = plans / "studio.toml"
    shutil.copyfile(FIXTURES / "overcommitted.toml", plan)
    original = plan.read_text().splitlines()

    term = Tmux(120, 40, terminal_env)
    try:
        term.start(f"{socialtui_command()} open {plan}")
        screen = term.wait_for(lambda s: "Studio Nord" in s and "OVER" in s)
        assert "6h 30m / 3h 36m" in screen
        term.keys("4", "Enter", "C-u")  # the Budget pane; open weekly hours; clear it
        term.keys("1", "0", "Enter")  # weekly hours 4.0 -> 10: capacity 9h 00m
        screen = term.wait_for(lambda s: "OVER" not in s and "6h 30m / 9h 00m" in s)
        term.keys("C-s")
        term.wait_for(lambda s: "[saved]" in s)
        term.keys("C-q")
        term.wait_for(lambda s: "EXITED:0" in s)
    finally:
        term.kill()

    after = plan.read_text().splitlines()
    changed = [(a, b) for a, b in zip(original, after, strict=True) if a != b]
    assert len(after) == len(original)
    assert len(changed) == 1, changed
    assert changed[0][0].startswith("weekly_hours = 4.0")
    assert changed[0][1].startswith("weekly_hours = 10")
    assert changed[0][1].endswith("# what we can honestly spare")


def test_first_run_creates_the_starter_plan(tmp_path: Path, terminal_env: dict[str, str]):
    term = Tmux(80, 24, terminal_env)
    try:
        term.start(socialtui_command())
        term.wait_for(lambda s: "Welcome to socialtui" in s and "POST interview" in s)
        term.keys("Down", "Enter")  # the starter, offered next to the interview
        screen = term.wait_for(lambda s: "Budget" in s and "Goals" in s)
        assert "Traceback" not in screen
        term.keys("q")
        term.wait_for(lambda s: "EXITED:0" in s)
    finally:
        term.kill()
    plans = list((tmp_path / "data" / "plans").glob("*.toml"))
    assert len(plans) == 1


def test_w_opens_the_week_and_shows_a_days_total(tmp_path: Path, terminal_env: dict[str, str]):
    """The example plan on Sunday 2026-11-22: Wednesday holds Instagram's post (40m),
    the newsletter's every-2nd-week issue (150m) and 14m of engagement: 204m."""
    plans = tmp_path / "data" / "plans"
    plans.mkdir(parents=True)
    plan = plans / "pottery.toml"
    shutil.copyfile(FIXTURES / "example.toml", plan)
    before = plan.read_bytes()

    term = Tmux(120, 40, terminal_env)
    try:
        term.start(f"{socialtui_command()} open {plan}")
        term.wait_for(lambda s: "Kiln Street Pottery" in s and "Findings" in s)
        term.keys("w")
        screen = term.wait_for(lambda s: "Wed 18" in s and "every 2nd week" in s)
        totals = next(line for line in screen.splitlines() if "54m" in line)
        assert totals.split() == ["54m", "14m", "204m", "14m", "54m", "—", "—"]
        assert "Traceback" not in screen
        term.keys("Escape")
        term.wait_for(lambda s: "Wed 18" not in s and "Findings" in s)
        term.keys("q")
        term.wait_for(lambda s: "EXITED:0" in s)
    finally:
        term.kill()
    assert plan.read_bytes() == before
