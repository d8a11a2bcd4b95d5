"""A plan without people behaves exactly as before plans had people.

Every fixture's findings, ``check --format json`` report and exports (each
format, plain and private) are compared with ``tests/golden/no-people``, which
the socialtui from before people existed wrote (see ``no_people_outputs.py``),
and an unedited save writes each fixture back byte for byte.
"""

from __future__ import annotations

import pytest
from no_people_outputs import FIXTURES, GOLDEN, outputs, saved_unedited

PLANS = sorted(p for p in FIXTURES.glob("*.toml") if "[[people]]" not in p.read_text())


def test_every_fixture_without_people_has_golden_outputs():
    assert len(PLANS) >= 6
    for path in PLANS:
        assert (GOLDEN / f"{path.stem}.findings.json").is_file(), path.name


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_outputs_unchanged(path):
    for name, text in outputs(path).items():
        expected = (GOLDEN / f"{path.stem}.{name}").read_bytes().decode("utf-8")
        assert text == expected, f"{path.stem}: {name} changed"


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_unedited_save_is_byte_for_byte(path):
    assert saved_unedited(path) == path.read_text(encoding="utf-8")
