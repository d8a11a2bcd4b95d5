"""Days of the week as plan files name them: ``"mon"`` ... ``"sun"``.

The check-in day (``review.checkin_day``) uses them, and so can any other key
that names a day. Index 0 is Monday, as in :meth:`datetime.date.weekday`.

Imports nothing at all: ``socialtui due`` loads this module at start, where
every millisecond of import counts.
"""

from __future__ import annotations

DAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_LABELS: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
DEFAULT_CHECKIN_DAY = "fri"


def day_index(day: str) -> int:
    """``"mon"`` -> 0 ... ``"sun"`` -> 6; ValueError for anything else."""
    try:
        return DAYS.index(day)
    except ValueError:
        raise ValueError(f"not a day of the week: {day!r} (mon ... sun)") from None
