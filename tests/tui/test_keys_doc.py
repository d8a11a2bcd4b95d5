"""The README's "Keys" table, the help screen and the bindings say the same thing."""

from __future__ import annotations

import re
from pathlib import Path

from textual.binding import Binding

from socialtui.tui.app import SocialApp
from socialtui.tui.commands import KEY_NAMES, OTHER_KEYS, PLANNER_COMMANDS, help_rows
from socialtui.tui.screens.help import help_table
from socialtui.tui.screens.planner import PlannerScreen

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_keys() -> list[tuple[list[str], str]]:
    """The rows of the README's "Keys" table: (key names, what it does)."""
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Keys\n", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        match = re.fullmatch(r"\| (.+?) \| (.+) \|", line)
        if match and match.group(1) not in ("key", "---"):
            rows.append((re.findall(r"`([^`]+)`", match.group(1)), match.group(2)))
    return rows


def test_the_readme_keys_table_is_the_help_screen_row_for_row():
    assert readme_keys() == help_rows()


def test_the_help_screen_shows_every_row():
    keys_column, text_column = help_table().columns
    shown = [(str(k), str(t)) for k, t in zip(keys_column.cells, text_column.cells, strict=True)]
    assert shown == [(" / ".join(keys), line) for keys, line in help_rows()]


def named(keys: str) -> set[str]:
    return {KEY_NAMES.get(k, k) for k in keys.split(",")}


def test_every_planner_binding_is_a_command_with_a_help_row():
    bound = {
        (binding.key, binding.action) for binding in Binding.make_bindings(PlannerScreen.BINDINGS)
    }
    commands = {
        (key, command.action) for command in PLANNER_COMMANDS for key in command.keys.split(",")
    }
    assert bound == commands
    documented = {key for keys, _ in help_rows() for key in keys}
    for command in PLANNER_COMMANDS:
        assert named(command.keys) <= documented, command.action


def test_the_apps_own_keys_are_in_the_help():
    documented = {key for keys, _ in OTHER_KEYS for key in keys}
    for binding in Binding.make_bindings(SocialApp.BINDINGS):
        assert KEY_NAMES.get(binding.key, binding.key) in documented, binding.key


def test_every_palette_name_is_there_once():
    names = [c.label for c in PLANNER_COMMANDS if c.palette]
    assert len(names) == len(set(names))
    # The name is not the description again (the palette shows both).
    assert all(c.label != c.help for c in PLANNER_COMMANDS)
