"""config.toml's [keys] in a real terminal (tmux): the installed socialtui, help
moved to f2; F2 as the terminal sends it shows the help screen."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sessions import studio_plan
from test_tmux import NO_TMUX, Tmux, socialtui_command, terminal_env  # noqa: F401

pytestmark = [
    pytest.mark.terminal,
    pytest.mark.skipif(shutil.which("tmux") is None, reason=NO_TMUX),
]


def test_a_keys_entry_moves_help_to_f2(tmp_path: Path, terminal_env: dict[str, str]):  # noqa: F811
    plan = studio_plan(tmp_path)
    config = Path(terminal_env["SOCIALTUI_CONFIG_DIR"])
    config.mkdir(parents=True)
    (config / "config.toml").write_text('[keys]\nhelp = "f2"\n', encoding="utf-8")
    term = Tmux(120, 40, terminal_env)  # the help's Help row shows without scrolling
    try:
        term.start(f"{socialtui_command()} open {plan}")
        screen = term.wait_for(lambda s: "Studio Nord" in s and "f2 Help" in s)
        assert "? Help" not in screen
        term.keys("?", "1")  # the default key no longer opens it: 1 reaches the planner
        term.wait_for(lambda s: "Goals" in s and "socialtui — keys" not in s)
        term.keys("F2")
        screen = term.wait_for(lambda s: "socialtui — keys" in s)
        assert "Help: every key" in screen
        line = next(row for row in screen.splitlines() if "Help: every key" in row)
        assert line.split("Help: every key")[0].split()[-1:] == ["f2"]
        term.keys("F2")  # closes it as it opened it
        term.wait_for(lambda s: "socialtui — keys" not in s and "f2 Help" in s)
        term.keys("q")
        term.wait_for(lambda s: "EXITED:0" in s)
    finally:
        term.kill()
