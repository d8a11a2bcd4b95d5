"""Snapshots of the planner's top line with a check-in due, at 120x40 and 80x24.

The plan is tests/fixtures/checkins.toml (check-ins up to 2026-W46) on Friday
2026-12-04 (W49): W47 and W48 were missed and W49's check-in day has come.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.snapshots.test_snapshots import LARGE, SMALL, app_on, home  # noqa: F401

FRIDAY_W49 = date(2026, 12, 4)


@pytest.mark.parametrize("size", [LARGE, SMALL], ids=["120x40", "80x24"])
def test_checkin_due_notice(snap_compare, home, size):  # noqa: F811
    """The top line reads "socialtui Northwind Tools  [saved]  check-in due (3 weeks
    missing) · c" at both sizes (at 120x40 the file's path follows it, at 80x24
    there is no room for it). The gauge, panes and footer are as usual."""
    app = app_on(home, "checkins.toml")
    app.today = FRIDAY_W49
    assert snap_compare(app, terminal_size=size)
