"""socialtui.paths: every directory from one place; pure, creates nothing."""

from __future__ import annotations

from pathlib import Path

from socialtui import paths


def test_data_dir_prefers_override_then_env(tmp_path, monkeypatch):
    monkeypatch.setenv("SOCIALTUI_DATA_DIR", str(tmp_path / "env"))
    assert paths.data_dir(tmp_path / "given") == tmp_path / "given"
    assert paths.data_dir() == tmp_path / "env"
    assert not (tmp_path / "env").exists()  # pure: creates nothing


def test_data_dir_falls_back_to_platformdirs(monkeypatch, tmp_path):
    monkeypatch.setenv("SOCIALTUI_DATA_DIR", "")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.data_dir() == tmp_path / "xdg" / "socialtui"
    assert paths.data_dir("") == tmp_path / "xdg" / "socialtui"  # an empty --data-dir


def test_config_and_log_dirs_follow_their_variables_then_platformdirs(monkeypatch, tmp_path):
    monkeypatch.setenv("SOCIALTUI_CONFIG_DIR", str(tmp_path / "cfg"))
    monkeypatch.setenv("SOCIALTUI_LOG_DIR", str(tmp_path / "logs"))
    assert paths.config_dir() == tmp_path / "cfg"
    assert paths.settings_file() == tmp_path / "cfg" / "config.toml"
    assert paths.log_dir() == tmp_path / "logs"
    monkeypatch.delenv("SOCIALTUI_CONFIG_DIR")
    monkeypatch.delenv("SOCIALTUI_LOG_DIR")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    assert paths.config_dir() == tmp_path / "xdg-config" / "socialtui"
    assert paths.log_dir() == tmp_path / "xdg-state" / "socialtui" / "log"
    assert not any(tmp_path.iterdir())  # nothing was created


def test_the_folders_in_the_data_directory():
    data = Path("/d")
    assert paths.plans_dir(data) == Path("/d/plans")
    assert paths.backups_dir(data) == Path("/d/backups")
    assert paths.exports_dir(data) == Path("/d/exports")
    assert paths.state_file(data) == Path("/d/state.toml")
