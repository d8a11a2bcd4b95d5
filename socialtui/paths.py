"""Every directory socialtui uses, from one platformdirs object.

=====================  ===========================================================
data directory         ``--data-dir``, else ``$SOCIALTUI_DATA_DIR``, else the
                       platform's user data directory
plans                  ``<data>/plans``
archive                ``<data>/archive`` (plans put away: ``socialtui archive``)
recovered              ``<data>/recovered`` (edits that could not be saved, copies)
backups                ``<data>/backups`` (one folder per plan)
exports                ``<data>/exports`` (the planner's export)
state                  ``<data>/state.toml`` (the plan opened last)
config directory       ``$SOCIALTUI_CONFIG_DIR``, else the platform's user config dir
settings               ``<config>/config.toml``
log directory          ``$SOCIALTUI_LOG_DIR``, else the platform's user log dir
=====================  ===========================================================

Pure: every function computes a path and creates nothing. platformdirs is
imported here and nowhere else, and only when no override is set (tests always
set them). Imports nothing of socialtui.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

APP = "socialtui"
ENV_DATA_DIR = "SOCIALTUI_DATA_DIR"
ENV_CONFIG_DIR = "SOCIALTUI_CONFIG_DIR"
ENV_LOG_DIR = "SOCIALTUI_LOG_DIR"

PLANS = "plans"
ARCHIVE = "archive"
RECOVERED = "recovered"
BACKUPS = "backups"
EXPORTS = "exports"
STATE_FILE = "state.toml"
SETTINGS_FILE = "config.toml"


@functools.cache
def _platform() -> Any:
    """The one platformdirs object (``platformdirs.PlatformDirs("socialtui")``)."""
    import platformdirs

    return platformdirs.PlatformDirs(APP)


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data directory: ``override``, else ``$SOCIALTUI_DATA_DIR``, else platformdirs."""
    if override is not None and str(override) != "":
        return Path(override)
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env)
    return Path(_platform().user_data_dir)


def plans_dir(data: str | os.PathLike[str]) -> Path:
    return Path(data) / PLANS


def archive_dir(data: str | os.PathLike[str]) -> Path:
    return Path(data) / ARCHIVE


def recovered_dir(data: str | os.PathLike[str]) -> Path:
    return Path(data) / RECOVERED


def backups_dir(data: str | os.PathLike[str]) -> Path:
    return Path(data) / BACKUPS


def exports_dir(data: str | os.PathLike[str]) -> Path:
    return Path(data) / EXPORTS


def state_file(data: str | os.PathLike[str]) -> Path:
    return Path(data) / STATE_FILE


def config_dir() -> Path:
    """Where settings live: ``$SOCIALTUI_CONFIG_DIR``, else platformdirs."""
    env = os.environ.get(ENV_CONFIG_DIR)
    if env:
        return Path(env)
    return Path(_platform().user_config_dir)


def settings_file() -> Path:
    return config_dir() / SETTINGS_FILE


def log_dir() -> Path:
    """Where crash logs go: ``$SOCIALTUI_LOG_DIR``, else platformdirs."""
    env = os.environ.get(ENV_LOG_DIR)
    if env:
        return Path(env)
    return Path(_platform().user_log_dir)
