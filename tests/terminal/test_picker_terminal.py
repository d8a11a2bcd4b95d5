"""The picker in a real terminal: a hostile file name and plan name change nothing."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

from tests.terminal.test_tmux import FIXTURES, Tmux, pytestmark, socialtui_command, terminal_env

__all__ = ["pytestmark", "terminal_env"]

HOSTILE_FILE = "\x1b]0;pwned\x07\x1b[31m red.toml"
# The plan's own name sets the title too (TOML's \u001b and \u0007).
HOSTILE_NAME = r'name = "Evil \u001b]0;pwned2\u0007 \u001b[31mred"'


def title(term: Tmux) -> str:
    return term.tmux("display", "-p", "-t", term.name, "#{pane_title}").strip()


def test_a_hostile_file_name_in_the_picker_leaves_the_terminal_title_alone(
    tmp_path: Path, terminal_env: dict[str, str]
):
    plans = tmp_path / "data" / "plans"
    plans.mkdir(parents=True)
    shutil.copyfile(FIXTURES / "overcommitted.toml", plans / "studio.toml")
    text = (FIXTURES / "bakery.toml").read_text(encoding="utf-8")
    (plans / HOSTILE_FILE).write_text(
        text.replace('name = "Corner Bakery 2027"', HOSTILE_NAME), encoding="utf-8"
    )
    term = Tmux(80, 24, terminal_env)
    try:
        term.start(f"{socialtui_command()} open studio")
        term.wait_for(lambda s: "Studio Nord" in s and "[saved]" in s)
        before = title(term)
        assert "pwned" not in before
        term.keys("C-o")
        screen = term.wait_for(lambda s: "␛]0;pwned␇␛[31m" in s)
        assert "Evil ␛]0;pwned2␇ ␛[31mr" in screen  # the plan's name, as text
        assert title(term) == before
        term.keys("Up", "r")  # the rename field, prefilled with the name
        term.wait_for(lambda s: "New name" in s and "Evil ␛]0;pwned2␇" in s)
        assert title(term) == before
        term.keys("Escape")
        term.wait_for(lambda s: "New name" not in s)
        term.keys("c")
        term.wait_for(lambda s: "Name of the copy" in s)
        term.keys("Enter")  # a toast naming the hostile file
        term.wait_for(lambda s: "Duplicated ␛]0;pwned␇␛[31m" in s)
        assert title(term) == before
        term.keys("C-q")
        term.wait_for(lambda s: "EXITED:0" in s)
    finally:
        term.kill()
    (copy,) = [p for p in plans.glob("evil-*.toml")]
    # The copy is called what the user accepted: the plan's own name, not its display.
    assert tomllib.loads(copy.read_text())["name"] == "Evil \x1b]0;pwned2\x07 \x1b[31mred (copy)"
