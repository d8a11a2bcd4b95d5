"""``config.toml`` is the user's file: a setting changes in place, the rest stays."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from socialtui.store import config

SETTINGS = """\
# My socialtui settings — written by hand.
theme = "nord"        # dark, easy on the eyes
font_scale = 1.25     # not a string: still mine
remember = true
recent = [1, 2, 3]

[keys]                # a table socialtui does not know
quit = "q"
# the end
"""


@pytest.fixture
def settings(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setenv("SOCIALTUI_CONFIG_DIR", str(folder))
    return folder / "config.toml"


def test_changing_the_theme_keeps_comments_and_every_other_key(settings: Path):
    settings.write_text(SETTINGS)
    config.save_setting("theme", "gruvbox")
    assert settings.read_text() == SETTINGS.replace('"nord"', '"gruvbox"', 1)
    assert config.load_settings()["theme"] == "gruvbox"


def test_a_new_setting_goes_among_the_top_level_keys(settings: Path):
    settings.write_text(SETTINGS)
    config.save_setting("density", "compact")
    text = settings.read_text()
    assert text.replace('density = "compact"\n', "") == SETTINGS
    data = tomllib.loads(text)
    assert data["density"] == "compact" and "density" not in data["keys"]


def test_a_settings_file_with_crlf_keeps_it(settings: Path):
    settings.write_bytes(SETTINGS.replace("\n", "\r\n").encode())
    config.save_setting("density", "compact")
    raw = settings.read_bytes()
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert b'density = "compact"\r\n' in raw


def test_a_settings_file_that_is_not_toml_is_never_rewritten(settings: Path):
    broken = 'theme = "nord"\nthis is not toml\n'
    settings.write_text(broken)
    with pytest.raises(config.SettingsError, match="not valid TOML"):
        config.save_setting("theme", "gruvbox")
    assert settings.read_text() == broken


def test_no_settings_file_yet_gets_a_private_new_one(settings: Path):
    config.save_setting("theme", "gruvbox")
    assert tomllib.loads(settings.read_text()) == {"theme": "gruvbox"}
    assert settings.stat().st_mode & 0o777 == 0o600


def test_the_state_file_is_replaced_when_it_is_broken(tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "state.toml").write_text("[[[ broken\n")
    config.remember_plan(data, tmp_path / "plan.toml")
    assert config.last_plan(data) == tmp_path / "plan.toml"
