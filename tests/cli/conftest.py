"""Run the installed ``socialtui`` console script against a temporary data dir."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

TODAY = "2026-11-22"


def socialtui_script() -> str:
    beside = Path(sys.executable).parent / "socialtui"
    if beside.exists():
        return str(beside)
    found = shutil.which("socialtui")
    if found is None:
        pytest.fail("the socialtui console script is not installed: pip install -e .")
    return found


Run = Callable[..., subprocess.CompletedProcess]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    return path


@pytest.fixture
def plans(data_dir: Path) -> Path:
    return data_dir / "plans"


@pytest.fixture
def run(tmp_path: Path, data_dir: Path) -> Run:
    """``run("check", "--format", "json")``: the script, with a private data dir.

    The data dir is passed in the environment; ``--data-dir`` is exercised by
    tests that pass it explicitly (it wins over the environment).
    """
    script = socialtui_script()

    def _run(*args: str, today: str | None = TODAY, **env: str) -> subprocess.CompletedProcess:
        environ = dict(os.environ)
        environ.update(
            SOCIALTUI_DATA_DIR=str(data_dir),
            SOCIALTUI_CONFIG_DIR=str(tmp_path / "config"),
            PYTHONIOENCODING="utf-8",
            NO_COLOR="1",
        )
        environ.pop("SOCIALTUI_TODAY", None)
        if today is not None:
            environ["SOCIALTUI_TODAY"] = today
        environ.update(env)
        return subprocess.run(
            [script, *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=environ,
            timeout=60,
            cwd=tmp_path,
        )

    return _run
