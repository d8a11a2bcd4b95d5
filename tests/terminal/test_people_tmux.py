"""A team plan in a real terminal (tmux): the installed socialtui opens a plan
whose team total fits but where one person is over, and names her with OVER."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest
from test_tmux import FIXTURES, NO_TMUX, Tmux, socialtui_command, terminal_env  # noqa: F401

pytestmark = [
    pytest.mark.terminal,
    pytest.mark.skipif(shutil.which("tmux") is None, reason=NO_TMUX),
]


@pytest.fixture
def team(tmp_path: Path) -> Path:
    plans = tmp_path / "data" / "plans"
    plans.mkdir(parents=True)
    plan = plans / "team.toml"
    shutil.copyfile(FIXTURES / "team.toml", plan)
    return plan


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_the_person_over_is_named_with_over(team, terminal_env, size):  # noqa: F811
    term = Tmux(*size, terminal_env)
    try:
        term.start(f"{socialtui_command()} open {team}")
        # The team: 490 of 648 min, which fits; Maria: 330 of 216.
        screen = term.wait_for(lambda s: "Harbour Books team" in s and "Maria OVER" in s)
        assert "8h 10m / 10h 48m" in screen
        assert "Maria OVER by 1h 54m" in screen
        assert "person-over-budget" in screen
        assert "Traceback" not in screen
        term.keys("q")
        term.wait_for(lambda s: "EXITED:0" in s)
    finally:
        term.kill()


def test_moving_a_channel_to_someone_else_clears_the_over(team, terminal_env):  # noqa: F811
    before = team.read_text()
    term = Tmux(120, 40, terminal_env)
    try:
        term.start(f"{socialtui_command()} open {team}")
        term.wait_for(lambda s: "Maria OVER" in s)
        # Sam gets 10 hours (Budget pane, his row, the form's hours), then Instagram.
        term.keys("4", "Down", "Down", "Down", "Down", "Enter")
        term.wait_for(lambda s: "Edit person" in s)
        term.keys("Tab", "C-u", "1", "0", "Enter")
        term.wait_for(lambda s: "Sam             10 h" in s)
        term.keys("3", "Down", "Down", "Enter")
        term.wait_for(lambda s: "Edit channel" in s)
        term.keys("Tab", "Tab", "s", "Enter")  # the owner: s picks Sam
        screen = term.wait_for(lambda s: "Edit channel" not in s and "OVER" not in s)
        assert "person-over-budget" not in screen
        term.keys("C-s")
        term.wait_for(lambda s: "[saved]" in s)
        term.keys("C-q")
        term.wait_for(lambda s: "EXITED:0" in s)
    finally:
        term.kill()
    saved = tomllib.loads(team.read_text())
    assert saved["people"][1] == {"id": "sam", "name": "Sam", "weekly_hours": 10}
    assert saved["channels"][0]["owner"] == "sam"
    changed = sorted(set(team.read_text().splitlines()) ^ set(before.splitlines()))
    assert changed == [
        'owner = "maria"           # 5h 30m a week',
        'owner = "sam"           # 5h 30m a week',
        "weekly_hours = 10",
        "weekly_hours = 6",
    ]
