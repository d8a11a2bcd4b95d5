"""User settings (the theme, the keys) and per-data-dir state (the last plan opened).

Settings live in ``<config dir>/config.toml`` and the last plan opened in
``<data dir>/state.toml``, next to the plans (:mod:`socialtui.paths` says
where those are). Reading creates nothing, is bounded like every read
(:func:`socialtui.store.files.read_bounded`) and uses tomli; writing is atomic
and private.

``config.toml`` is the user's file: a setting is changed in place in its
tomlkit document (:func:`socialtui.store.tomldoc.set_setting`), so comments,
layout and keys socialtui does not know (of any type) stay as they are. A
settings file that is not valid TOML is never rewritten: :class:`SettingsError`
says why. ``state.toml`` is socialtui's own; a broken one is replaced.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import tomli

from socialtui.paths import settings_file, state_file
from socialtui.store.errors import PlanError
from socialtui.store.files import ensure_dir, read_bounded, write_atomic
from socialtui.store.tomltext import toml_string

MAX_SETTINGS_BYTES = 100_000


class SettingsError(PlanError):
    """The settings file cannot be changed without losing what it holds."""


def _text(path: Path) -> str | None:
    """The file's text; None when it is missing or unreadable (bounded, never blocks)."""
    try:
        data, _ = read_bounded(path, MAX_SETTINGS_BYTES)
        return data.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _document(path: Path) -> dict[str, object]:
    """The file as TOML; {} when it is missing or unreadable; ValueError when it is
    not TOML."""
    text = _text(path)
    return {} if text is None else tomli.loads(text)


def _read(path: Path) -> dict[str, str]:
    try:
        data = _document(path)
    except ValueError:
        return {}
    return {k: v for k, v in data.items() if isinstance(v, str)}


def _set(path: Path, key: str, value: str, header: str, *, keep: bool) -> None:
    """Set ``key`` in the file at ``path``: edited in place when it reads as TOML;
    when it does not, replaced (``keep=False``) or left alone (SettingsError)."""
    from socialtui.store import tomldoc

    text = _text(path)
    if text is not None and text.strip():
        try:
            new = tomldoc.set_setting(text, key, value)
        except ValueError as error:
            if keep:
                raise SettingsError(
                    f"{path} is not valid TOML ({error}); it was left as it is"
                ) from error
            new = None
        if new is not None:
            ensure_dir(path.parent)
            write_atomic(path, new.encode("utf-8"))
            return
    ensure_dir(path.parent)
    write_atomic(path, f"# {header}\n{key} = {toml_string(value)}\n".encode())


def load_settings() -> dict[str, str]:
    """The settings whose values are strings (the only kind socialtui reads)."""
    return _read(settings_file())


def load_keys() -> tuple[dict[str, object], str | None]:
    """The ``[keys]`` table of the settings file (binding id → keys, unchecked: see
    :mod:`socialtui.tui.keys`), and a sentence when the file or the table cannot
    be read (then no keys of the user's apply)."""
    try:
        data = _document(settings_file())
    except ValueError as error:
        return {}, f"config.toml is not valid TOML ({error}): the default keys apply"
    table = data.get("keys", {})
    if not isinstance(table, dict):
        return {}, "config.toml: keys is not a table ([keys]): the default keys apply"
    return table, None


def save_setting(key: str, value: str) -> None:
    """Set one setting, keeping everything else in the file. Raises OSError or
    SettingsError (a settings file that is not TOML is not overwritten)."""
    _set(settings_file(), key, value, "socialtui settings", keep=True)


def last_plan(data: Path) -> Path | None:
    value = _read(state_file(data)).get("last_plan")
    return Path(value) if value else None


def remember_plan(data: Path, plan_path: Path) -> None:
    with contextlib.suppress(OSError):
        _set(state_file(data), "last_plan", str(plan_path), "socialtui state", keep=False)
