"""What the real-terminal tests share: the plan they open."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    """The overcommitted studio plan, in the data folder the tests' env points at."""
    plans = tmp_path / "data" / "plans"
    plans.mkdir(parents=True)
    path = plans / "studio.toml"
    shutil.copyfile(FIXTURES / "overcommitted.toml", path)
    path.chmod(0o600)
    return path
