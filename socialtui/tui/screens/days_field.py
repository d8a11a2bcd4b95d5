"""Days of the week in a form: a tick list (``space`` ticks, typing filters).

The plan's days (the Week view's settings) and a channel's posting days are
both chosen here, never typed. What the user did not change is given back as
the file has it (its order too); a changed choice comes back in weekday order.
"""

from __future__ import annotations

from collections.abc import Sequence

from socialtui.plan.days import DAYS
from socialtui.plan.week import DAY_NAMES
from socialtui.tui.screens.form import Field

DAY_OPTIONS: tuple[tuple[str, str], ...] = tuple(zip(DAYS, DAY_NAMES, strict=True))


def days_field(name: str, label: str, stored: Sequence[str], hint: str) -> Field:
    """A tick list of the seven days, all in view, ``stored`` ticked."""
    return Field(
        name, label, tuple(stored), kind="pick", options=DAY_OPTIONS, hint=hint, rows=len(DAYS)
    )


def picked_days(picked: Sequence[str], stored: Sequence[str]) -> tuple[str, ...]:
    """The ticked days: ``stored`` itself when they are the same days, else in weekday order."""
    if set(picked) == set(stored):
        return tuple(stored)
    return tuple(day for day in DAYS if day in picked)


def posting_days_field(stored: Sequence[str]) -> Field:
    """The channel form's posting days."""
    return days_field(
        "days",
        "Posting days",
        stored,
        "space ticks a day; none: posts spread over the plan's days",
    )
