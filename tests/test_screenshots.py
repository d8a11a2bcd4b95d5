"""The README's screenshots can be made from scratch: the script runs the real
app on the example plans and fails when a screen cannot be drawn or does not
show what it should."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "screenshots" / "make.py"


def test_the_screenshot_script_draws_every_screen(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    made = sorted(p.name for p in tmp_path.glob("*.svg"))
    committed = sorted(p.name for p in SCRIPT.parent.glob("*.svg"))
    assert made == committed  # the README shows exactly what the script makes
    for name in made:
        svg = (tmp_path / name).read_text(encoding="utf-8")
        assert svg.startswith("<svg") and "</svg>" in svg
    planner = (tmp_path / "planner.svg").read_text(encoding="utf-8")
    assert "Kiln&#160;Street&#160;Pottery" in planner or "Kiln Street Pottery" in planner
    over = (tmp_path / "overcommitted.svg").read_text(encoding="utf-8")
    assert "OVER" in over


def test_the_readme_shows_the_screenshots():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in ("planner", "overcommitted", "checkin", "history", "help", "week", "interview"):
        assert f"screenshots/{name}.svg" in readme
