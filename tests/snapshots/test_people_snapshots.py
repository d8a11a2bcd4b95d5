"""Snapshots of a team plan (``tests/fixtures/team.toml``): who does what, at
120x40 and 80x24. Each docstring says what you should see; the app runs as in
``test_snapshots.py`` (fixed date, fixed home, no locking)."""

from __future__ import annotations

import pytest

from .test_snapshots import LARGE, SMALL, app_on, home  # noqa: F401  (home is a fixture)


@pytest.mark.parametrize("size", [LARGE, SMALL], ids=["120x40", "80x24"])
def test_team_plan_budget_pane(snap_compare, home, size):  # noqa: F811
    """The team plan with the Budget pane focused. The gauge reads "8h 10m / 10h
    48m 76% ok · Maria OVER by 1h 54m" (Maria and OVER in bold, OVER in red).
    The pane lists Weekly hours —, Reserve % 10, Max active 4, then one row per
    person with a bar: Maria 4 h, full and red, "153% OVER"; Sam 6 h "31%"; Jo
    2 h "56%"; under them the hint and "Capacity 10h 48m/week after the
    reserve", then "Maria OVER: 5h 30m planned, 3h 36m available." and "Press f
    to fit everyone within their hours". The findings start with the
    person-over-budget error for Maria. The footer offers a Add and f Fit."""
    assert snap_compare(app_on(home, "team.toml"), press=["4"], terminal_size=size)


@pytest.mark.parametrize("size", [LARGE, SMALL], ids=["120x40", "80x24"])
def test_team_plan_channels_with_owners(snap_compare, home, size):  # noqa: F811
    """The team plan with the Channels pane focused: an Owner column right after
    the name (Facebook page Jo, Email newsletter Sam, Instagram Maria); at 80x24
    the gauge still names Maria OVER by 1h 54m on its line."""
    assert snap_compare(app_on(home, "team.toml"), press=["3"], terminal_size=size)


def test_channel_form_owner_picker(snap_compare, home):  # noqa: F811
    """Instagram's form at 120x40: an Owner line under Status offering "nobody
    Maria Sam Jo" with Maria chosen, its hint "who does its work: ← → or a
    letter"; the preview line under the fields ends "Maria OVER by 1h 54m; 1
    error(s), 0 warning(s)"."""
    press = ["3", "down", "down", "enter"]
    assert snap_compare(app_on(home, "team.toml"), press=press, terminal_size=LARGE)
