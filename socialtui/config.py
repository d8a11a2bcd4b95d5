"""User settings (the theme) and per-data-dir state (the last plan opened).

Settings live in ``platformdirs.user_config_dir("socialtui")/config.toml``;
``SOCIALTUI_CONFIG_DIR`` overrides the folder (tests always set it). The last
plan opened is remembered in the data directory, next to the plans.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import tomli


def config_dir() -> Path:
    override = os.environ.get("SOCIALTUI_CONFIG_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir("socialtui"))


def _quote(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in escaped)
    return f'"{escaped}"'


def _read(path: Path) -> dict[str, str]:
    try:
        data = tomli.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, str)}


def _write(path: Path, values: dict[str, str], header: str) -> None:
    from socialtui.store import ensure_dir, write_atomic

    ensure_dir(path.parent)
    lines = [f"# {header}"] + [f"{key} = {_quote(value)}" for key, value in values.items()]
    write_atomic(path, ("\n".join(lines) + "\n").encode("utf-8"))


def load_settings() -> dict[str, str]:
    return _read(config_dir() / "config.toml")


def save_setting(key: str, value: str) -> None:
    settings = load_settings()
    settings[key] = value
    _write(config_dir() / "config.toml", settings, "socialtui settings")


def last_plan(data: Path) -> Path | None:
    value = _read(data / "state.toml").get("last_plan")
    return Path(value) if value else None


def remember_plan(data: Path, plan_path: Path) -> None:
    with contextlib.suppress(OSError):
        _write(data / "state.toml", {"last_plan": str(plan_path)}, "socialtui state")
