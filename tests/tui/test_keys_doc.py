"""The README's "Keys" table, the help screen and the bindings say the same thing."""

from __future__ import annotations

import re
from datetime import date
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


async def test_the_palette_lists_each_command_once_by_a_short_name(tmp_path: Path):
    """Each entry's name is not its description again (the palette shows both:
    "Add a goal, ..." twice read as two entries), and no name repeats."""
    from socialtui import store
    from socialtui.store.starter import starter_text

    path = store.ensure_dir(tmp_path / "plans") / "plan.toml"
    store.create(path, starter_text(date(2026, 11, 22)))
    app = SocialApp(store.load(path), data=tmp_path, today=date(2026, 11, 22), locking=False)
    async with app.run_test(size=(120, 40)):
        await app.planner.filled.wait()
        entries = list(app.get_system_commands(app.screen))
    titles = [entry.title for entry in entries]
    assert len(titles) == len(set(titles))
    assert all(entry.title != entry.help for entry in entries)
    for label in ("Add", "Delete", "Fit", "Expand", "Check-in", "Export", "Mask", "Theme"):
        assert titles.count(label) == 1, label
