"""Exports carry no control characters but tab, CR and LF, in every format.

A note holding ESC/BEL sequences went into the CSV export as it was: ``cat
export.csv`` set the terminal's title and cleared the screen. Every format in
the registry (and any added later) is checked against the hostile plan and
against arbitrary text.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialtui import store
from socialtui.report import FORMATS, export_text
from tests.hostile import HOSTILE, plan_text

TODAY = date(2026, 11, 22)
ALLOWED = {"\t", "\r", "\n"}


def controls(text: str) -> list[str]:
    """C0 and C1 controls, DEL and bidi controls in ``text`` (tab, CR, LF allowed)."""
    bidi = {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}
    return sorted(
        {
            repr(c)
            for c in text
            if c not in ALLOWED and (ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or ord(c) in bidi)
        }
    )


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("private", [False, True])
def test_no_export_of_the_hostile_plan_holds_a_control_character(fmt: str, private: bool):
    plan = store.loads(plan_text()).plan
    assert controls(export_text(plan, fmt, TODAY, private=private)) == []


def test_the_csv_keeps_the_note_s_text_line_breaks_and_formula_guard():
    plan = store.loads(plan_text()).plan
    rows = list(csv.reader(io.StringIO(export_text(plan, "csv", TODAY))))
    note = rows[1][-1]
    assert note.startswith("note [b]B[/b] [@click=app.quit]Q[/]")
    assert "[2J]0;pwned[31mRED" in note and "\r\nsecond line\tTAB" in note
    guarded = replace(plan.checkins[0], note="\x1b=HYPERLINK(1)")
    rows = list(
        csv.reader(io.StringIO(export_text(replace(plan, checkins=(guarded,)), "csv", TODAY)))
    )
    assert rows[1][-1] == "'=HYPERLINK(1)"  # the ESC goes, the guard stays


@given(st.text())
def test_any_note_and_name_export_without_controls(text):
    plan = store.loads(plan_text()).plan
    noted = replace(plan, name=text or "x", checkins=(replace(plan.checkins[0], note=text),))
    for fmt in FORMATS:
        assert controls(export_text(noted, fmt, TODAY)) == [], fmt


def test_the_hostile_text_has_every_kind_of_control():
    assert controls(HOSTILE)  # the fixture itself is hostile
