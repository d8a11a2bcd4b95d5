"""User settings (the theme) and per-data-dir state (the last plan opened).

Settings live in ``<config dir>/config.toml`` and the last plan opened in
``<data dir>/state.toml``, next to the plans (:mod:`socialtui.paths` says
where those are). Reading creates nothing; writing is atomic and private.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import tomli

from socialtui.paths import settings_file, state_file
from socialtui.store.files import ensure_dir, write_atomic
from socialtui.store.tomltext import toml_string


def _read(path: Path) -> dict[str, str]:
    try:
        data = tomli.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, str)}


def _write(path: Path, values: dict[str, str], header: str) -> None:
    ensure_dir(path.parent)
    lines = [f"# {header}"] + [f"{key} = {toml_string(value)}" for key, value in values.items()]
    write_atomic(path, ("\n".join(lines) + "\n").encode("utf-8"))


def load_settings() -> dict[str, str]:
    return _read(settings_file())


def save_setting(key: str, value: str) -> None:
    settings = load_settings()
    settings[key] = value
    _write(settings_file(), settings, "socialtui settings")


def last_plan(data: Path) -> Path | None:
    value = _read(state_file(data)).get("last_plan")
    return Path(value) if value else None


def remember_plan(data: Path, plan_path: Path) -> None:
    with contextlib.suppress(OSError):
        _write(state_file(data), {"last_plan": str(plan_path)}, "socialtui state")
