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
cache                  ``<data>/cache`` (what ``socialtui due`` keeps between runs)
config directory       ``$SOCIALTUI_CONFIG_DIR``, else the platform's user config dir
settings               ``<config>/config.toml``
log directory          ``$SOCIALTUI_LOG_DIR``, else the platform's user log dir
=====================  ===========================================================

Pure: every function computes a path and creates nothing. platformdirs is
imported here and nowhere else, and only when no override is set (tests always
set them). Imports nothing of socialtui, and nothing but ``os`` at the top:
``socialtui due`` starts from :func:`given_data_location`,
:func:`likely_data_location` and :func:`due_cache_file`, which work on strings
and leave platformdirs alone (pathlib and platformdirs take longer to import
than the rest of that command).
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from pathlib import Path

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
CACHE = "cache"
DUE_CACHE = "due"

_PLATFORM: list = []


def _platform():
    """The one platformdirs object (``platformdirs.PlatformDirs("socialtui")``)."""
    if not _PLATFORM:
        import platformdirs

        _PLATFORM.append(platformdirs.PlatformDirs(APP))
    return _PLATFORM[0]


def given_data_location(override: str | os.PathLike[str] | None = None) -> str | None:
    """The data directory when it is given: ``override``, else ``$SOCIALTUI_DATA_DIR``;
    else None (platformdirs would say)."""
    if override is not None and os.fspath(override) != "":
        return os.fspath(override)
    return os.environ.get(ENV_DATA_DIR) or None


def data_location(override: str | os.PathLike[str] | None = None) -> str:
    """The data directory as a string: ``override``, else ``$SOCIALTUI_DATA_DIR``,
    else platformdirs."""
    return given_data_location(override) or _platform().user_data_dir


def likely_data_location() -> str | None:
    """Where platformdirs should put the data directory, worked out without importing
    it (``$XDG_DATA_HOME``, else ``~/.local/share`` or, on macOS, ``~/Library/Application
    Support``, then ``socialtui``); None on Windows or without an absolute home.

    A guess: ``socialtui due`` uses it only when platformdirs, asked before with the
    same :func:`platform_inputs`, said the same.
    """
    if sys.platform == "win32":
        return None
    base = os.environ.get("XDG_DATA_HOME", "")
    if not os.path.isabs(base):
        home = os.environ.get("HOME", "")
        if not os.path.isabs(home):
            return None
        under = (
            ("Library", "Application Support") if sys.platform == "darwin" else (".local", "share")
        )
        base = os.path.join(home, *under)
    return os.path.join(base, APP)


def platformdirs_file() -> str:
    """The file platformdirs was imported from (imported here if it was not)."""
    _platform()
    return sys.modules["platformdirs"].__file__ or ""


def platform_inputs(module_file: str | None = None) -> str:
    """What platformdirs' answer for the data directory depends on here: the platform,
    the user, ``HOME``, the XDG and Android variables, and platformdirs itself (the path,
    size and time of ``module_file``, its ``__init__``; platformdirs is imported when None)."""
    if module_file is None:
        module_file = platformdirs_file()
    try:
        info = os.stat(module_file)
        version = f"{info.st_size}:{info.st_mtime_ns}"
    except OSError:
        version = "?"
    getuid = getattr(os, "getuid", None)
    variables = ("HOME", "XDG_DATA_HOME", "ANDROID_DATA", "ANDROID_ROOT")
    parts = [sys.platform, str(getuid() if getuid else ""), module_file, version]
    parts += [f"{name}={os.environ.get(name)}" for name in variables]
    return "\n".join(parts)


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data directory (:func:`data_location`) as a Path."""
    from pathlib import Path

    return Path(data_location(override))


def _under(data: str | os.PathLike[str], name: str) -> Path:
    from pathlib import Path  # not at the top: `socialtui due` starts without pathlib

    return Path(data) / name


def plans_dir(data: str | os.PathLike[str]) -> Path:
    return _under(data, PLANS)


def archive_dir(data: str | os.PathLike[str]) -> Path:
    return _under(data, ARCHIVE)


def recovered_dir(data: str | os.PathLike[str]) -> Path:
    return _under(data, RECOVERED)


def backups_dir(data: str | os.PathLike[str]) -> Path:
    return _under(data, BACKUPS)


def exports_dir(data: str | os.PathLike[str]) -> Path:
    return _under(data, EXPORTS)


def state_file(data: str | os.PathLike[str]) -> Path:
    return _under(data, STATE_FILE)


def due_cache_file(data: str | os.PathLike[str]) -> str:
    """Where ``socialtui due`` keeps what it worked out from each plan file."""
    return os.path.join(data, CACHE, DUE_CACHE)


def config_dir() -> Path:
    """Where settings live: ``$SOCIALTUI_CONFIG_DIR``, else platformdirs."""
    from pathlib import Path

    env = os.environ.get(ENV_CONFIG_DIR)
    if env:
        return Path(env)
    return Path(_platform().user_config_dir)


def settings_file() -> Path:
    return config_dir() / SETTINGS_FILE


def log_dir() -> Path:
    """Where crash logs go: ``$SOCIALTUI_LOG_DIR``, else platformdirs."""
    from pathlib import Path

    env = os.environ.get(ENV_LOG_DIR)
    if env:
        return Path(env)
    return Path(_platform().user_log_dir)
