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


# -- keys of your own ------------------------------------------------------------------


def readme_section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    return text.split(f"\n{title}\n", 1)[1].split("\n## ", 1)[0]


def all_bound():
    from socialtui.tui.keyplaces import bindings

    return bindings(SocialApp.BINDINGS)


def test_every_class_with_bindings_is_listed_with_its_place():
    """A screen or widget that binds keys is in keyplaces.places(), so that
    `socialtui keys` lists its commands and [keys] is checked against them."""
    import importlib
    import pkgutil

    from textual.dom import DOMNode

    import socialtui.tui
    from socialtui.tui.keyplaces import places

    for info in pkgutil.walk_packages(socialtui.tui.__path__, "socialtui.tui."):
        importlib.import_module(info.name)
    listed = {cls for _, cls in places()} | {SocialApp}

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    own = {
        cls
        for cls in subclasses(DOMNode)
        if cls.__module__.startswith("socialtui.") and cls.__dict__.get("BINDINGS")
    }
    assert own - listed == set(), "bindings of their own, not in keyplaces.places()"


def test_every_binding_has_an_id_and_ids_are_one_command_each():
    from socialtui.tui.keyplaces import APP, places

    for place, cls in [*places(), (APP, SocialApp)]:
        for binding in Binding.make_bindings(cls.__dict__.get("BINDINGS", [])):
            assert binding.id, f"{place}: {binding.key} {binding.action} has no id"
    bound = all_bound()
    by_id: dict[str, set[str]] = {}
    for b in bound:
        by_id.setdefault(b.id, set()).add(b.keys)
    # One id, several places: the same keys everywhere (help, quit, j, k).
    assert {i: keys for i, keys in by_id.items() if len(keys) > 1} == {}
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in by_id), sorted(by_id)


def test_the_planners_ids_are_stable():
    """Ids are what people write in config.toml: renaming one breaks their file
    (a new command adds its own)."""
    ids = [c.binding_id for c in PLANNER_COMMANDS]
    assert [i for i in ids if i in STABLE_IDS] == STABLE_IDS


STABLE_IDS = [
    "goals-pane", "audience-pane", "channels-pane", "budget-pane", "findings-pane",
    "add", "edit", "delete", "move-up", "move-down", "status", "purpose", "fit",
    "expand", "check-in", "history", "review", "export", "mask", "save", "undo",
    "redo", "plans", "help",
]  # fmt: skip


def test_the_readme_example_is_accepted_and_keys_is_a_command():
    from socialtui.tui.keys import resolve

    section = readme_section("## Keys")
    example = re.search(r"```toml\n(.*?)```", section, re.S)
    assert example is not None
    import tomllib

    table = tomllib.loads(example.group(1))["keys"]
    keys = resolve(table, all_bound())
    assert keys.problems == []
    assert set(keys.changed) == set(table)
    assert "`socialtui keys`" in readme_section("## Command line")


def test_the_help_shows_the_users_keys():
    rows = dict(
        (line, keys)
        for keys, line in help_rows({"help": ("f2",), "quit": ("ctrl+x",), "list-down": ("n",)})
    )
    assert rows["Help: every key"] == ["f2"]
    quit_row = next(line for line in rows if line.startswith("Quit (saves first) when"))
    assert rows[quit_row] == ["ctrl+x"]
    moves = next(line for line in rows if line.startswith("Move in a list"))
    assert rows[moves] == ["↑", "↓", "n", "k"]
    assert help_rows({}) == help_rows()
