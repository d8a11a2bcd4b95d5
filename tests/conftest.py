"""Shared fixtures. Every test runs with its own data and config directories:
nothing a test does may touch the real user data directory.

Randomness is seeded: hypothesis draws the same examples on every run
(``derandomize``); ``HYPOTHESIS_PROFILE=explore`` draws new ones.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

settings.register_profile("seeded", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "seeded"))


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory, monkeypatch):
    base = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SOCIALTUI_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("SOCIALTUI_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "xdg-config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(base / "xdg-state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "xdg-cache"))
    return base
