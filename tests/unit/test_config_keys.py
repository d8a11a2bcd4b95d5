"""config.toml's [keys] table as read (unchecked: tests/unit/test_user_keys.py
checks it), and the check-in count the planner's top line shows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from plan_factories import checkin, healthy_plan

from socialtui.plan.due import checkin_weeks_due
from socialtui.store import config


@pytest.fixture
def settings(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setenv("SOCIALTUI_CONFIG_DIR", str(folder))
    return folder / "config.toml"


def test_no_file_no_keys(settings: Path):
    assert config.load_keys() == ({}, None)


def test_the_table_as_written(settings: Path):
    settings.write_text('theme = "nord"\n[keys]\nhelp = "f2"\nfit = 3\n', encoding="utf-8")
    assert config.load_keys() == ({"help": "f2", "fit": 3}, None)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("[keys\nhelp = 'f2'\n", "config.toml is not valid TOML"),
        ('keys = "f2"\n', "keys is not a table"),
    ],
)
def test_a_file_or_table_that_cannot_be_read_says_so(settings: Path, text: str, said: str):
    settings.write_text(text, encoding="utf-8")
    table, problem = config.load_keys()
    assert table == {}
    assert problem is not None and said in problem


def test_a_theme_change_keeps_the_keys_table(settings: Path):
    settings.write_text('# mine\n[keys]\nhelp = "f2"  # f1 is the terminal\'s\n')
    config.save_setting("theme", "nord")
    text = settings.read_text()
    assert text.startswith('# mine\ntheme = "nord"\n')
    assert text.endswith('[keys]\nhelp = "f2"  # f1 is the terminal\'s\n')
    assert config.load_keys() == ({"help": "f2"}, None)


# Check-ins due (2026-11-27 is the Friday of W48; the check-in day is Friday).
FRI_W48 = date(2026, 11, 27)


@pytest.mark.parametrize(
    ("weeks", "today", "due"),
    [
        ((), date(2026, 11, 26), 0),  # no check-in yet, Thursday: not yet
        ((), FRI_W48, 1),  # the first one is due on the first check-in day
        (("2026-W48",), FRI_W48, 0),
        (("2026-W47",), FRI_W48, 1),  # this week
        (("2026-W47",), date(2026, 11, 23), 0),  # Monday: not yet
        (("2026-W45",), date(2026, 11, 23), 2),  # W46 and W47 missed
        (("2026-W45",), FRI_W48, 3),  # and this week's
        (("2026-W44", "2026-W46"), FRI_W48, 3),  # W45, W47, W48
    ],
)
def test_the_weeks_of_checkins_due(weeks: tuple[str, ...], today: date, due: int):
    plan = healthy_plan(checkins=tuple(checkin(w) for w in weeks))
    assert checkin_weeks_due(plan, today) == due
