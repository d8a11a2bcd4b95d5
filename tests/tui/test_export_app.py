"""Export from the planner: x (or the palette), a format, a file in <data>/exports/."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from socialtui.tui.screens.planner import PlannerScreen

from .conftest import TODAY, copy_fixture, running

GOLDEN = Path(__file__).resolve().parents[1] / "golden"


@pytest.fixture
def yoga(data_dir: Path) -> Path:
    return copy_fixture(data_dir, "export.toml")


def make(path: Path, data: Path, *, private: bool = False):
    from socialtui import store
    from socialtui.tui.app import SocialApp

    return SocialApp(store.load(path), data=data, today=TODAY, private=private)


def messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


@pytest.mark.parametrize(
    "keys, name",
    [
        (("enter",), "export.md"),  # Markdown is highlighted first
        (("down", "enter"), "export.csv"),
        (("j",), "export.json"),
        (("c",), "export.csv"),
    ],
)
async def test_export_writes_into_the_exports_folder(
    yoga: Path, data_dir: Path, keys: tuple[str, ...], name: str
):
    app = make(yoga, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        assert type(app.screen).__name__ == "ExportScreen"
        await pilot.press(*keys)
        await pilot.pause()
        assert isinstance(app.screen, PlannerScreen)
        stem, extension = name.split(".")
        target = data_dir / "exports" / f"{stem}-{TODAY.isoformat()}.{extension}"
        assert target.read_bytes() == (GOLDEN / name).read_bytes()
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700
        assert any(str(target) in m for m in messages(app))


async def test_escape_exports_nothing(yoga: Path, data_dir: Path):
    app = make(yoga, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("x", "escape")
        await pilot.pause()
        assert isinstance(app.screen, PlannerScreen)
        assert not (data_dir / "exports").exists()


async def test_export_in_privacy_mode_is_masked_and_names_no_file(yoga: Path, data_dir: Path):
    app = make(yoga, data_dir, private=True)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("x", "m")  # m picks Markdown in the dialog
        await pilot.pause()
        target = data_dir / "exports" / f"export.private-{TODAY.isoformat()}.md"
        text = target.read_text(encoding="utf-8")
        assert text.startswith("# Private plan\n")
        assert "Harbour" not in text and "Instagram" not in text
        assert [p.name for p in (data_dir / "exports").iterdir()] == [target.name]
        assert any("masked markdown" in m for m in messages(app))
        assert not any("export.private" in m for m in messages(app))


async def test_export_failure_is_a_message(yoga: Path, data_dir: Path):
    (data_dir / "exports").write_text("a file where the folder should be\n")
    app = make(yoga, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("x", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlannerScreen)
        assert any(m.startswith("Could not export:") for m in messages(app))


async def test_palette_offers_export_and_privacy(yoga: Path, data_dir: Path):
    app = make(yoga, data_dir)
    async with running(app, size=(120, 40)):
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Export" in titles
        assert "Mask" in titles


async def test_a_second_export_the_same_day_is_a_new_file(yoga: Path, data_dir: Path):
    first = data_dir / "exports" / f"export-{TODAY.isoformat()}.md"
    app = make(yoga, data_dir)
    async with running(app, size=(120, 40), notifications=True) as pilot:
        await pilot.press("x", "m")
        await pilot.pause()
        first.write_text("my notes on the first export\n")  # the reader kept working on it
        await pilot.press("x", "m")
        await pilot.pause()
        second = data_dir / "exports" / f"export-{TODAY.isoformat()}-2.md"
        assert first.read_text() == "my notes on the first export\n"
        assert second.read_bytes() == (GOLDEN / "export.md").read_bytes()
        assert any(str(second) in m for m in messages(app))


async def test_i_picks_icalendar_in_the_dialog(yoga: Path, data_dir: Path):
    import icalendar

    app = make(yoga, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("x", "i")
        await pilot.pause()
        assert isinstance(app.screen, PlannerScreen)
    target = data_dir / "exports" / f"export-{TODAY.isoformat()}.ics"
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    assert any(event.get("RRULE") for event in calendar.walk("VEVENT"))
