"""Snapshots of the Week view (``w``) at 120x40 and 80x24.

Each test's docstring says what you should see. The plan is the README's
example (Kiln Street Pottery) on Monday 2026-11-23 (week 2026-W48), with a
daily limit of 60 minutes typed into the week's settings and kept.
"""

from __future__ import annotations

import pytest

from tests.snapshots.test_snapshots import LARGE, SMALL, app_on, home  # noqa: F401

LIMIT_60 = ["w", "e", "tab", "6", "0", "ctrl+s"]


@pytest.mark.parametrize("size", [LARGE, SMALL], ids=["120x40", "80x24"])
def test_week_view(snap_compare, home, size):  # noqa: F811
    """The Week view after setting a daily limit of 60m. The title line reads
    "Week  Kiln Street Pottery 2027  2026-W48, 23 Nov – 29 Nov 2026"; under it
    the settings: Days Mon Tue Wed Thu Fri, Daily limit 60m, Start 09:00,
    Check-in Friday, the next review (Mon 2026-11-30).

    At 120x40, seven columns Mon 23 ... Sun 29, Sat and Sun marked "· off" with
    "off" below. Instagram posts Mon, Wed and Fri ("1 post 40m") and engages
    12m every work day; the newsletter engages 2m a day and posts on Wednesday
    ("1 post 150m", "every 2nd week"). Totals: Mon 54m of 60m, Tue 14m of 60m,
    Wed 204m of 60m with "▲ OVER +144m" under it, Thu 14m, Fri 54m with
    "◆ check-in"; Sat and Sun "—". Below: "Week total 5h 40m  ▲ OVER the daily
    limit: Wednesday", the newsletter's every-2nd-week line (next in 2026-W49),
    and the findings on the week: the day-over-limit warning for Wednesday with
    its fix. At 80x24 the same, a row per day (Day, Posts and engagement,
    Total), scrolled to the top. The footer: esc Back, e Edit the week, q Quit."""
    assert snap_compare(app_on(home, "example.toml"), press=LIMIT_60, terminal_size=size)


def test_week_settings_form(snap_compare, home):  # noqa: F811
    """The week's settings over the Week view at 80x24: Days, a tick list of
    the seven days (Monday to Friday ticked, the cursor on Monday), Daily limit
    (empty, "empty: no limit"), Start 09:00, Check-in day with [Fri] marked, and
    the preview line "After this change: ..." with 0 error(s)."""
    assert snap_compare(app_on(home, "example.toml"), press=["w", "e"], terminal_size=SMALL)
