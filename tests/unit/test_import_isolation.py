"""The domain and the store never load the UI, and the store loads tomlkit only to save."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def modules_after(statement: str) -> set[str]:
    code = f"{statement}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return set(json.loads(out.stdout))


def test_plan_and_store_do_not_import_the_ui():
    loaded = modules_after("import socialtui.plan, socialtui.store")
    assert "socialtui.store" in loaded
    for heavy in ("textual", "rich"):
        assert not any(m == heavy or m.startswith(heavy + ".") for m in loaded), heavy


def test_store_import_does_not_load_tomlkit():
    assert "tomlkit" not in modules_after("import socialtui.store")


def test_loading_a_plan_does_not_load_tomlkit():
    fixture = ROOT / "tests" / "fixtures" / "bakery.toml"
    loaded = modules_after(f"import socialtui.store as s; s.load({str(fixture)!r})")
    assert "tomlkit" not in loaded
