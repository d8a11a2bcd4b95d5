"""Snapshots of the POST interview's four steps, at 120x40 and 80x24.

Each step is reached with keys, with a few answers given on the way, so every
step shows what a user who got there sees. Regenerate deliberately with
``pytest tests/snapshots/test_interview_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from datetime import date

import pytest

TODAY = date(2026, 11, 23)
SIZES = pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])

PEOPLE = [*"Neighbours", "tab", *"Fresh bread, early", "tab", "space", "down", "down", "down"]
PEOPLE += ["space", "tab", *"Offices nearby", "tab", *"Lunch orders", "tab"]
OBJECTIVES = ["pagedown", "s", "tab", "right", "tab", "4", "tab", "1", "0", "tab", "right"]
STRATEGY = ["pagedown", *"A corner bakery", "tab", *"Win regulars", "tab", *"Bakes first"]
STRATEGY += ["tab", "ctrl+u", "5"]
TECHNOLOGY = ["pagedown", "down", "space"]


def app():
    from socialtui.tui.screens.interview_app import InterviewApp

    return InterviewApp("Corner Bakery", TODAY)


@SIZES
def test_step_1_people(snap_compare, size):
    """Step 1, People: the title "New plan: Corner Bakery", the four steps with
    "1 People" highlighted, Audience 1 (Neighbours, "Fresh bread, early", Instagram
    and LinkedIn ticked) and Audience 2 being filled (Offices nearby, Lunch orders)
    with the focus on its "Where they are" tick list. Under the step: the gauge
    (0m, ok) and the findings (no-purpose, audience-unreached: no channel is active
    yet), their fixes without planner keys; the keys line at the bottom."""
    assert snap_compare(app(), press=PEOPLE, terminal_size=size)


@SIZES
def test_step_2_objectives(snap_compare, size):
    """Step 2, Objectives: Goal 1 with the aim "sales", the metric "enquiries per
    month" picked, baseline 4, target 10, deadline "12 months" and so horizon
    "long", whose gain "us"; the focus on the deadline. The gauge and the findings
    stay under the step (goal-without-channel now among them)."""
    assert snap_compare(app(), press=PEOPLE + OBJECTIVES, terminal_size=size)


@SIZES
def test_step_3_strategy(snap_compare, size):
    """Step 3, Strategy: who (A corner bakery), why (Win regulars), for them (Bakes
    first) and hours a week 5, the focus on the hours; the gauge's capacity reads
    4h 30m (5 h less the 10% reserve); no-purpose is gone from the findings."""
    assert snap_compare(app(), press=PEOPLE + OBJECTIVES + STRATEGY, terminal_size=size)


@SIZES
def test_step_4_technology(snap_compare, size):
    """Step 4, Technology: the channels where the audiences are, best score first
    (LinkedIn 1h 30m, then Instagram 3h 15m), both ticked active; "Active: 4h 45m a
    week of the 4h 30m you have ... OVER by 15m" under the list; the gauge red,
    OVER, and the over-budget error first in the findings."""
    press = PEOPLE + OBJECTIVES + STRATEGY + TECHNOLOGY
    assert snap_compare(app(), press=press, terminal_size=size)
