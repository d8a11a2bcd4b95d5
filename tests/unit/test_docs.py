"""docs/plan-format.md stays true to the loader.

- Every ```toml block that directly follows ``<!-- complete plan -->`` is a whole
  plan: it loads with :func:`socialtui.store.loads` and raises no error finding.
- Every ```toml block is valid TOML (fragments included).
- Every key the loader accepts is documented in its table's section. socialtui.store.schema
  has no per-table key lists: ``build_plan`` reads each key by a literal name
  that is also the model's dataclass field name (the saver writes
  ``dataclasses.fields`` names back as keys). So the accepted set is derived from
  the model's dataclasses plus store's ``_SECTIONS`` / ``_ARRAYS``, and each name
  is checked to appear as a literal in ``_build_plan``'s source.
- The documented ranges match ``RANGES`` and the catalog table matches the catalog.
- tests/fixtures/example.toml (used for screenshots) loads cleanly.
"""

from __future__ import annotations

import inspect
import re
import tomllib
from dataclasses import fields
from datetime import date
from pathlib import Path

import pytest

from socialtui import store
from socialtui.plan import check
from socialtui.plan.catalog import CATALOG
from socialtui.plan.model import (
    NAME_MAX,
    RANGES,
    SLUG_MAX,
    Audience,
    Budget,
    Channel,
    CheckIn,
    Goal,
    Person,
    Purpose,
    Review,
)
from socialtui.store import schema

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "plan-format.md"
EXAMPLE = ROOT / "tests" / "fixtures" / "example.toml"
TODAY = date(2026, 11, 23)  # the Monday after the example's last check-in (2026-W47)
MARK = "<!-- complete plan -->"

_BLOCK_RE = re.compile(r"^```toml\n(.*?)^```$", re.S | re.M)

# Section heading (as written in the doc) -> the dataclass whose fields are its keys.
TABLES: dict[str, type] = {
    "[purpose]": Purpose,
    "[budget]": Budget,
    "[review]": Review,
    "[[goals]]": Goal,
    "[[audiences]]": Audience,
    "[[channels]]": Channel,
    "[[checkins]]": CheckIn,
    "[[people]]": Person,
}
TOP_LEVEL_HEADING = "Top-level keys"


def _doc() -> str:
    return DOC.read_text(encoding="utf-8")


def _blocks(text: str) -> list[tuple[bool, str]]:
    """(is a complete plan, block text) for every ```toml block."""
    out = []
    for match in _BLOCK_RE.finditer(text):
        before = text[: match.start()].rstrip().splitlines()
        out.append((bool(before) and before[-1].strip() == MARK, match.group(1)))
    return out


def _sections(text: str) -> dict[str, str]:
    """Heading text (backticks stripped) -> the body up to the next heading."""
    parts = re.split(r"^#{2,3} (.+)$", text, flags=re.M)
    return {parts[i].replace("`", "").strip(): parts[i + 1] for i in range(1, len(parts), 2)}


def _complete_plans() -> list[str]:
    return [body for complete, body in _blocks(_doc()) if complete]


def test_doc_has_complete_plans():
    assert len(_complete_plans()) >= 2, f"expected blocks marked {MARK} in {DOC}"


@pytest.mark.parametrize("index", range(len(_complete_plans())))
def test_complete_plan_loads_without_errors(index):
    text = _complete_plans()[index]
    loaded = store.loads(text, f"{DOC.name}#complete-plan-{index}")
    assert not loaded.read_only
    errors = [f for f in check(loaded.plan, TODAY) if f.severity == "error"]
    assert errors == []


def test_every_toml_block_is_valid_toml():
    for _, body in _blocks(_doc()):
        tomllib.loads(body)


def _accepted_keys() -> dict[str, set[str]]:
    top = {"schema", "name", *schema.SECTIONS, *schema.ARRAYS}
    keys = {TOP_LEVEL_HEADING: top}
    for heading, cls in TABLES.items():
        keys[heading] = {f.name for f in fields(cls)}
    return keys


def test_accepted_keys_are_read_by_the_loader():
    source = inspect.getsource(schema.build_plan) + inspect.getsource(schema.validate)
    for names in _accepted_keys().values():
        for name in names:
            assert f'"{name}"' in source, f"the loader does not read {name!r}"
    # The tables named in the doc are the tables the store knows.
    assert {h.strip("[]") for h in TABLES} == {*schema.SECTIONS, *schema.ARRAYS}


def test_every_accepted_key_is_documented_in_its_section():
    sections = _sections(_doc())
    for heading, names in _accepted_keys().items():
        assert heading in sections, f"no section headed {heading!r} in {DOC.name}"
        body = sections[heading]
        missing = sorted(n for n in names if f"| `{n}` |" not in body)
        assert not missing, f"{heading}: keys not documented: {missing}"


def _row(section: str, key: str) -> str:
    body = _sections(_doc())[section]
    rows = [line for line in body.splitlines() if line.startswith(f"| `{key}` |")]
    assert len(rows) == 1, f"{section}: expected one row for {key!r}"
    return rows[0]


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


@pytest.mark.parametrize("name", sorted(RANGES))
def test_documented_ranges_match_the_model(name):
    low, high, low_inclusive = RANGES[name]
    if name == "checkin_hours":
        section, key = "[[checkins]]", "hours"
    elif name == "person_hours":
        section, key = "[[people]]", "weekly_hours"
    elif name in {f.name for f in fields(Budget)}:
        section, key = "[budget]", name
    elif name in {f.name for f in fields(Review)}:
        section, key = "[review]", name
    else:
        section, key = "[[channels]]", name
    row = _row(section, key)
    if low_inclusive:
        assert f"{_num(low)}–{_num(high)}" in row
    else:
        assert f"> {_num(low)} and ≤ {_num(high)}" in row


def test_documented_limits_match_the_model():
    assert f"1–{NAME_MAX} characters" in _row(TOP_LEVEL_HEADING, "name")
    assert f"at most {SLUG_MAX} characters" in _doc()
    assert f"at most {store.MAX_PLAN_BYTES // 1_000_000} MB" in _doc()


def test_catalog_table_matches_the_catalog():
    text = _doc()
    for p in CATALOG:
        row = (
            f"| `{p.id}` | {p.name} | {p.posts_per_week:g} | {p.minutes_per_post:g} "
            f"| {p.engage_minutes_per_week:g} |"
        )
        assert row in text, f"catalog row out of date: {row}"


def test_example_fixture_is_a_clean_realistic_plan():
    loaded = store.load(EXAMPLE)
    plan = loaded.plan
    assert not loaded.read_only
    assert len(plan.goals) == 3
    assert len(plan.active_channels) == 2
    assert plan.checkins[-1].week == "2026-W47"
    findings = check(plan, TODAY)
    errors = [f.id for f in findings if f.severity == "error"]
    warnings = [f.id for f in findings if f.severity == "warning"]
    assert errors == []
    # The screenshot plan should look healthy; if a rule change makes it warn,
    # adjust the fixture (and the doc's complete example) rather than this test.
    assert warnings == []


def test_doc_example_is_the_fixture():
    # The doc says its complete example is this file: change both together.
    assert EXAMPLE.read_text(encoding="utf-8") in _complete_plans()
