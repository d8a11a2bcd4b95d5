"""Fixtures of the real-terminal tests: a private environment and a plan in it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        "SOCIALTUI_DATA_DIR": str(tmp_path / "data"),
        "SOCIALTUI_CONFIG_DIR": str(tmp_path / "config"),
        "SOCIALTUI_LOG_DIR": str(tmp_path / "logs"),
        "SOCIALTUI_TODAY": "2026-11-22",
        "TERM": "xterm-256color",
        "HOME": str(tmp_path),
        "PATH": os.environ.get("PATH", ""),
        "ESCDELAY": "25",
    }


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    plans = tmp_path / "data" / "plans"
    plans.mkdir(parents=True)
    path = plans / "studio.toml"
    shutil.copyfile(FIXTURES / "overcommitted.toml", path)
    path.chmod(0o600)
    return path
