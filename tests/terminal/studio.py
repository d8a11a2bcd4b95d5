"""The plan the real-terminal tests open (a module, not a conftest: tests/cli
has a conftest its tests import by name)."""

from __future__ import annotations

import shutil
from pathlib import Path

FIXTURES = Path(__file__).parent.parent / "fixtures"


def studio_plan(tmp_path: Path) -> Path:
    """The overcommitted studio plan, in the data folder the tests' env points at."""
    plans = tmp_path / "data" / "plans"
    plans.mkdir(parents=True)
    path = plans / "studio.toml"
    shutil.copyfile(FIXTURES / "overcommitted.toml", path)
    path.chmod(0o600)
    return path
