"""What the real-terminal tests start from: a private environment and a plan in it.

Plain functions (each test module wraps them in its fixtures): tests/terminal has
no conftest, as tests/cli's conftest is imported by its plain name.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

FIXTURES = Path(__file__).parent.parent / "fixtures"


def private_env(tmp_path: Path) -> dict[str, str]:
    """socialtui's folders under ``tmp_path``, a fixed date, a colour terminal."""
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


def studio_plan(tmp_path: Path) -> Path:
    """The over-committed studio plan as ``data/plans/studio.toml``, mode 0600."""
    plans = tmp_path / "data" / "plans"
    plans.mkdir(parents=True)
    path = plans / "studio.toml"
    shutil.copyfile(FIXTURES / "overcommitted.toml", path)
    path.chmod(0o600)
    return path
