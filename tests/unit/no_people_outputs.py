"""What socialtui says about a plan file: findings, check JSON, every export, a save.

``tests/unit/test_no_people.py`` compares these against ``tests/golden/no-people``,
written by this module run with the socialtui from before plans had people::

    PYTHONPATH=<that version> python tests/unit/no_people_outputs.py

Only the public entry points are used, as they were then, so the same code
runs on both versions.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
GOLDEN = ROOT / "tests" / "golden" / "no-people"
TODAY = date(2026, 11, 22)
FORMATS = ("markdown", "csv", "json", "ics")


def outputs(path: Path) -> dict[str, str]:
    """name -> text for the plan at ``path`` (its file name stands for its path)."""
    from socialtui.cli.check import _check_json
    from socialtui.cli.common import load_and_check
    from socialtui.report import export_text, finding_data

    checked = load_and_check(path, TODAY)
    plan = checked.plan
    report = _check_json([checked])
    report["plans"][0]["path"] = path.name
    out = {
        "findings.json": json.dumps([finding_data(f) for f in checked.findings], indent=1),
        "check.json": json.dumps(report, indent=1, ensure_ascii=True, default=str),
    }
    for fmt in FORMATS:
        out[f"export.{fmt}"] = export_text(plan, fmt, TODAY)
        out[f"private.{fmt}"] = export_text(plan, fmt, TODAY, private=True)
    return out


def saved_unedited(path: Path) -> str:
    """The plan at ``path`` loaded and written back through the TOML editor, unedited."""
    from socialtui import store
    from socialtui.store.tomldoc import apply

    loaded = store.load(path)
    doc = loaded.document()
    apply(doc, loaded.plan, loaded.plan)
    return doc.as_string()


def write_golden() -> None:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for path in sorted(FIXTURES.glob("*.toml")):  # those that existed before people
        for name, text in outputs(path).items():
            (GOLDEN / f"{path.stem}.{name}").write_bytes(text.encode("utf-8"))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "tests" / "unit"))
    write_golden()
