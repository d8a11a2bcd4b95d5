"""Undo after a save gives the file back as it was: a deleted goal or channel
comes back with its comments, the comment above it and its layout, byte for
byte (editing the current text could only make a new one, without them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import copy_fixture, make_app, running, settle


@pytest.mark.parametrize(
    ("fixture", "keys"),
    [
        ("bakery.toml", ["1", "d", "y"]),  # the first goal, with its inline comments
        ("commented.toml", ["3", "d", "y"]),  # a channel, and the comments about it
    ],
)
async def test_undo_of_a_saved_delete_restores_the_file_byte_for_byte(
    data_dir: Path, fixture: str, keys: list
):
    path = copy_fixture(data_dir, fixture)
    before = path.read_bytes()
    app = make_app(path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press(*keys)
        await settle(app, pilot)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await app.workers.wait_for_complete()
        deleted = path.read_bytes()
        assert deleted != before and len(deleted) < len(before)
        await pilot.press("ctrl+z", "ctrl+s")
        await settle(app, pilot)
        await app.workers.wait_for_complete()
    assert path.read_bytes() == before


async def test_an_edit_after_the_undo_is_made_on_the_restored_text(data_dir: Path):
    path = copy_fixture(data_dir, "commented.toml")
    before = path.read_text(encoding="utf-8")
    app = make_app(path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("3", "d", "y", "ctrl+s")
        await settle(app, pilot)
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+z", "4", "enter", "ctrl+u", *"7", "enter", "ctrl+s")
        await settle(app, pilot)
        await app.workers.wait_for_complete()
    after = path.read_text(encoding="utf-8")
    assert len(before.splitlines()) == len(after.splitlines())
    lines = zip(before.splitlines(), after.splitlines(), strict=True)
    changed = [(a, b) for a, b in lines if a != b]
    assert len(changed) == 1 and changed[0][1].startswith("weekly_hours = 7")
