"""The plan picker (ctrl+o): the cursor stays put, d archives, hostile and unreadable files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from socialtui import paths, store
from socialtui.store import backup
from socialtui.tui.screens.dialogs import ConfirmScreen
from socialtui.tui.screens.picker import PlanPicker
from tests.lockholder import held
from tests.tui.conftest import FIXTURES, copy_fixture, make_app, running, settle, wait_until
from tests.tui.test_planner import planner

HOSTILE_FILE = "\x1b]0;pwned\x07\x1b[31m red.toml"
RAW = ("\x1b", "\x07", "\x9b")


def fill(data: Path, count: int) -> list[Path]:
    """``count`` more plans (copies of the bakery, each its own name)."""
    made = []
    text = (FIXTURES / "bakery.toml").read_text(encoding="utf-8")
    for n in range(count):
        path = store.plans_dir(data) / f"p{n:02d}.toml"
        path.write_text(text.replace("Corner Bakery 2027", f"Plan {n:02d}"), encoding="utf-8")
        made.append(path)
    return made


async def open_picker(app, pilot) -> PlanPicker:
    await pilot.press("ctrl+o")
    await wait_until(pilot, lambda: isinstance(app.screen, PlanPicker))
    return app.screen


def highlighted(picker: PlanPicker) -> Path:
    options = picker.query_one("OptionList")
    return Path(options.get_option_at_index(options.highlighted).id)


def in_view(picker: PlanPicker) -> bool:
    """The highlighted row is inside the list's visible window (one line a row)."""
    options = picker.query_one("OptionList")
    top = options.scroll_offset.y
    return top <= options.highlighted < top + options.scrollable_content_region.height


def labels(picker: PlanPicker) -> list[str]:
    options = picker.query_one("OptionList")
    return [options.get_option_at_index(i).prompt.plain for i in range(options.option_count)]


def toasts(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


# -- the cursor -------------------------------------------------------------------------


async def test_after_n_the_cursor_is_on_the_new_plan_and_up_and_enter_open_its_neighbour(
    over_path: Path, data_dir: Path
):
    fill(data_dir, 30)
    app = make_app(over_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        picker = await open_picker(app, pilot)
        await pilot.press("n", *"P15x", "enter", "down", "enter")  # the starter
        await settle(app, pilot)
        created = store.plans_dir(data_dir) / "p15x.toml"
        assert highlighted(picker) == created
        assert in_view(picker)
        order = picker.paths
        await pilot.press("up")
        await pilot.pause()
        above = order[order.index(created) - 1]
        assert highlighted(picker) == above == store.plans_dir(data_dir) / "p15.toml"
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.plan_path == above
        assert planner(app).plan.name == "Plan 15"


async def test_after_a_rename_the_cursor_stays_on_the_renamed_row(over_path: Path, data_dir: Path):
    fill(data_dir, 12)
    target = store.plans_dir(data_dir) / "p07.toml"
    app = make_app(over_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        picker = await open_picker(app, pilot)
        picker.query_one("OptionList").highlighted = picker.paths.index(target)
        await pilot.press("r", *"Zebra", "enter")  # a name that would sort last
        await settle(app, pilot)
        assert highlighted(picker) == target and in_view(picker)
        await pilot.press("enter")
        await settle(app, pilot)
        assert planner(app).plan.name == "Zebra"


async def test_after_a_duplicate_the_cursor_is_on_the_copy(over_path: Path, data_dir: Path):
    fill(data_dir, 12)
    app = make_app(over_path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        picker = await open_picker(app, pilot)
        picker.query_one("OptionList").highlighted = picker.paths.index(over_path)
        await pilot.press("c", *"Aaa studio", "enter")
        await settle(app, pilot)
        copy = store.plans_dir(data_dir) / "aaa-studio.toml"
        assert highlighted(picker) == copy and in_view(picker)
        assert store.load(copy).plan.name == "Aaa studio"


# -- changes go through the session ---------------------------------------------------------


async def test_renaming_another_plan_backs_it_up_and_respects_its_lock(
    over_path: Path, data_dir: Path
):
    bakery = copy_fixture(data_dir, "bakery.toml")
    before = bakery.read_bytes()
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40), notifications=True) as pilot:
        picker = await open_picker(app, pilot)
        picker.query_one("OptionList").highlighted = picker.paths.index(bakery)
        with held(bakery) as holder:
            await pilot.press("r", *"Taken", "enter")
            await settle(app, pilot)
            assert bakery.read_bytes() == before  # open elsewhere: not renamed
            assert any(f"pid {holder.pid}" in t and "Could not rename" in t for t in toasts(app))
        await pilot.press("r", *"Bakery 2028", "enter")
        await settle(app, pilot)
    assert store.load(bakery).plan.name == "Bakery 2028"
    assert [b.read_bytes() for b in backup.list_backups(bakery, data_dir)] == [before]


async def test_new_and_duplicate_never_replace_a_file_and_refuse_a_taken_name(
    over_path: Path, data_dir: Path
):
    bakery = copy_fixture(data_dir, "bakery.toml")
    other = store.plans_dir(data_dir) / "side-project.toml"
    other.write_text(bakery.read_text().replace("Corner Bakery 2027", "Something else"))
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40), notifications=True) as pilot:
        picker = await open_picker(app, pilot)
        # The starter (down, enter); its file name is taken.
        await pilot.press("n", *"Side project", "enter", "down", "enter")
        await settle(app, pilot)
        assert store.load(other).plan.name == "Something else"
        made = store.plans_dir(data_dir) / "side-project-2.toml"
        assert store.load(made).plan.name == "Side project"
        assert highlighted(picker) == made
        await pilot.press("n", *"corner bakery 2027", "enter")  # that name is taken
        await settle(app, pilot)
        assert any("already exists" in t for t in toasts(app))
        assert len(store.list_plans(data_dir)) == 4


# -- d archives ------------------------------------------------------------------------------


async def test_d_archives_after_asking_and_keeps_the_cursor_in_place(
    over_path: Path, data_dir: Path
):
    plans = fill(data_dir, 5)
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40), notifications=True) as pilot:
        picker = await open_picker(app, pilot)
        index = picker.paths.index(plans[2])
        picker.query_one("OptionList").highlighted = index
        await pilot.press("d")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("n")  # no: nothing moves
        await settle(app, pilot)
        assert plans[2].is_file()
        await pilot.press("d")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await settle(app, pilot)
        assert not plans[2].exists()
        assert (paths.archive_dir(data_dir) / "p02.toml").is_file()
        assert plans[2] not in picker.paths
        assert picker.query_one("OptionList").highlighted == index  # now on the next plan
        assert highlighted(picker) == plans[3]
        assert any("Archived p02.toml" in t for t in toasts(app))
        # The open plan is not archived from under the app.
        picker.query_one("OptionList").highlighted = picker.paths.index(over_path)
        await pilot.press("d")
        await settle(app, pilot)
        assert isinstance(app.screen, PlanPicker) and over_path.is_file()
        assert any("open another plan first" in t for t in toasts(app))
        # Another session's plan is not archived either.
        picker.query_one("OptionList").highlighted = picker.paths.index(plans[0])
        with held(plans[0]):
            await pilot.press("d", "y")
            await settle(app, pilot)
            assert plans[0].is_file()
            assert any(
                "Not archived: p00.toml is open in another session" in t for t in toasts(app)
            )
    assert store.list_plans(data_dir, archived=True) == [paths.archive_dir(data_dir) / "p02.toml"]


# -- hostile and unreadable files -------------------------------------------------------------


def rendered(app) -> str:
    """What the terminal would get for the whole screen, toasts included, as text."""
    from rich.console import Console

    with open(os.devnull, "w") as sink:
        console = Console(width=app.size.width, record=True, file=sink, color_system=None)
        console.print(app.screen._compositor.render_update(full=True))
        return console.export_text()


async def test_a_hostile_file_name_is_shown_as_text_in_rows_and_toasts(
    over_path: Path, data_dir: Path
):
    hostile = store.plans_dir(data_dir) / HOSTILE_FILE
    shutil.copyfile(FIXTURES / "bakery.toml", hostile)
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40), notifications=True) as pilot:
        picker = await open_picker(app, pilot)
        row = next(label for label in labels(picker) if "pwned" in label)
        assert "␛]0;pwned␇␛[31m red" in row  # the name, cut to its column
        picker.query_one("OptionList").highlighted = picker.paths.index(hostile)
        await pilot.press("c", *"Copy of it", "enter")  # a toast naming the file
        await settle(app, pilot)
        await pilot.press("up", "d", "y")  # and one archiving it
        await settle(app, pilot)
        messages = toasts(app)
        assert any("Duplicated ␛]0;pwned␇␛[31m red.toml" in t for t in messages)
        assert any("Archived ␛]0;pwned␇␛[31m red.toml" in t for t in messages)
        screen = rendered(app)
        assert "pwned" in screen  # the toasts are on screen
        rows = labels(picker)
    for text in [*rows, *messages, screen]:
        assert not any(bad in text for bad in RAW), repr(text)


UNREADABLE = """
import asyncio, json, sys
from datetime import date
from pathlib import Path

from socialtui import store
from socialtui.tui.app import SocialApp


async def main(data, mine):
    app = SocialApp(store.load(mine), data=Path(data), today=date(2026, 11, 22))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await app.planner.filled.wait()
        await pilot.press("ctrl+o")
        await pilot.pause()
        picker = app.screen
        options = picker.query_one("OptionList")
        rows = [options.get_option_at_index(i).prompt.plain for i in range(options.option_count)]
        options.highlighted = [p.name for p in picker.paths].index("theirs.toml")
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("enter")  # try to open it
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        print(json.dumps({
            "rows": rows,
            "toasts": [str(n.message) for n in app._notifications],
            "screen": type(app.screen).__name__,
            "plan": str(app.plan_path),
        }))
        await pilot.press("ctrl+q")
    sys.exit(app.return_code or 0)


asyncio.run(main(sys.argv[1], sys.argv[2]))
"""


def test_a_plan_it_cannot_read_is_listed_as_unreadable_and_nothing_crashes(tmp_path: Path):
    """Another user's 0600 plan in a shared plans folder (as root: the app runs as
    nobody; otherwise: a plan of our own with mode 000)."""
    import json
    import subprocess
    import sys
    import tempfile

    shared = Path(tempfile.mkdtemp(prefix="socialtui-shared-"))
    try:
        shared.chmod(0o777)
        data = shared / "data"
        plans = data / "plans"
        plans.mkdir(parents=True)
        for folder in (data, plans):
            folder.chmod(0o777)
        mine = plans / "mine.toml"
        shutil.copyfile(FIXTURES / "overcommitted.toml", mine)
        mine.chmod(0o666)
        theirs = plans / "theirs.toml"
        shutil.copyfile(FIXTURES / "bakery.toml", theirs)
        theirs.chmod(0o600 if os.geteuid() == 0 else 0o000)
        home = shared / "home"
        home.mkdir(mode=0o777)
        home.chmod(0o777)
        env = {
            **os.environ,
            "HOME": str(home),
            "SOCIALTUI_CONFIG_DIR": str(home / "config"),
            "SOCIALTUI_LOG_DIR": str(home / "logs"),
            "XDG_CONFIG_HOME": str(home),
            "XDG_DATA_HOME": str(home),
            "XDG_STATE_HOME": str(home),
            "XDG_CACHE_HOME": str(home),
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        command = [sys.executable, "-c", UNREADABLE, str(data), str(mine)]
        if os.geteuid() == 0:
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        result = subprocess.run(
            command, capture_output=True, text=True, env=env, timeout=120, cwd=shared
        )
        assert result.returncode == 0, result.stderr
        report = json.loads(result.stdout.strip().splitlines()[-1])
    finally:
        shutil.rmtree(shared, ignore_errors=True)
    (row,) = [r for r in report["rows"] if "theirs.toml" in r]
    assert "unreadable: Permission denied" in row
    assert any("Studio Nord" in r for r in report["rows"])  # the rest is listed as usual
    toasts = report["toasts"]
    assert any(t.startswith("Could not rename: theirs.toml: Permission denied") for t in toasts)
    assert any(t.startswith("Could not duplicate: theirs.toml: Permission denied") for t in toasts)
    assert report["screen"] == "PlannerScreen" and report["plan"] == str(mine)


async def test_the_rename_field_shows_a_hostile_name_cleaned_and_keeps_it_if_accepted(
    over_path: Path, data_dir: Path
):
    bakery = copy_fixture(data_dir, "bakery.toml")
    text = bakery.read_text(encoding="utf-8")
    bakery.write_text(text.replace("Corner Bakery 2027", r"Evil \u001b]0;t\u0007 name"))
    before = bakery.read_bytes()
    app = make_app(over_path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        picker = await open_picker(app, pilot)
        picker.query_one("OptionList").highlighted = picker.paths.index(bakery)
        await pilot.press("r")
        await pilot.pause()
        field = app.screen.query_one("#prompt-input")
        assert field.value == "Evil ␛]0;t␇ name"
        await pilot.press("enter")  # accepted as shown: the name is not rewritten
        await settle(app, pilot)
    assert bakery.read_bytes() == before
