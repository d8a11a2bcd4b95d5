"""Shared fixtures. Every test runs with its own data and config directories:
nothing a test does may touch the real user data directory.

Randomness is seeded: hypothesis draws the same examples on every run
(``derandomize``); ``HYPOTHESIS_PROFILE=explore`` draws new ones.

The suite runs on every core (pytest-xdist, ``-n auto`` in pyproject.toml):
most of a Pilot test is waiting for the app to be idle. ``-n 0`` runs it in
one process. The figures the safety tests measure are gathered from the
workers and printed at the end either way.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

from tests.safety.stats import FIGURES

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


def pytest_sessionfinish(session):
    """On an xdist worker: hand the safety figures to the controller."""
    output = getattr(session.config, "workeroutput", None)
    if output is not None:
        output["socialtui_figures"] = dict(FIGURES)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """On the xdist controller: collect a worker's safety figures."""
    FIGURES.update(getattr(node, "workeroutput", {}).get("socialtui_figures", {}))


def pytest_terminal_summary(terminalreporter):
    if not FIGURES:
        return
    terminalreporter.section("safety figures")
    for name, value in sorted(FIGURES.items()):
        terminalreporter.write_line(f"{name}: {value}")
