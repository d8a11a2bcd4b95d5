"""The budget arithmetic (P5): minutes per channel, committed, capacity.

- channel minutes/week = posts_per_week x minutes_per_post + engage_minutes_per_week
- committed = the sum over channels whose status is ``active``
- capacity = weekly_hours x 60 x (1 - reserve_percent / 100)

With people listed (``[[people]]``), each person's capacity is their own hours
less the reserve, and the plan's capacity is the sum of theirs
(:func:`plan_capacity`); ``budget.weekly_hours`` is then only a cross-check.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Budget, Channel, Person, Plan
from .numbers import format_number

__all__ = [
    "BudgetSummary",
    "capacity_minutes",
    "channel_minutes",
    "committed_minutes",
    "format_hours",
    "format_minutes",
    "format_number",
    "near_threshold",
    "person_capacity",
    "plan_capacity",
    "summarize",
]

NEAR_BUDGET_RATIO = 0.9
PRECISION = 6
"""Minutes are rounded to this many decimals, so that float noise
(2 h x 60 x 0.2 = 23.999999999999993) never turns "exactly at capacity" into "over"."""


def channel_minutes(channel: Channel) -> float:
    """Minutes a week the channel costs when it is active."""
    return round(
        channel.posts_per_week * channel.minutes_per_post + channel.engage_minutes_per_week,
        PRECISION,
    )


def capacity_minutes(budget: Budget) -> float:
    """Minutes a week ``budget.weekly_hours`` leave after the reserve is held back
    (0 when the hours are left out). A plan's capacity is :func:`plan_capacity`."""
    return _after_reserve(budget.weekly_hours or 0, budget)


def _after_reserve(hours: float, budget: Budget) -> float:
    return round(hours * 60 * (100 - budget.reserve_percent) / 100, PRECISION)


def person_capacity(person: Person, budget: Budget) -> float:
    """Minutes a week the person has after the plan's reserve is held back."""
    return _after_reserve(person.weekly_hours, budget)


def plan_capacity(plan: Plan) -> float:
    """Minutes a week the plan has: the sum of its people's capacities when it lists
    people, else what ``budget.weekly_hours`` leave after the reserve."""
    if plan.people:
        return round(sum(person_capacity(p, plan.budget) for p in plan.people), PRECISION)
    return capacity_minutes(plan.budget)


def committed_minutes(plan: Plan) -> float:
    """Minutes a week the active channels need."""
    return round(sum(channel_minutes(c) for c in plan.channels if c.status == "active"), PRECISION)


def near_threshold(capacity: float) -> float:
    """Committed minutes above this (and not over capacity) are "near budget"."""
    return round(NEAR_BUDGET_RATIO * capacity, PRECISION)


@dataclass(frozen=True, slots=True)
class BudgetSummary:
    committed: float
    capacity: float

    @property
    def spare(self) -> float:
        return self.capacity - self.committed

    @property
    def over(self) -> bool:
        return self.committed > self.capacity

    @property
    def near(self) -> bool:
        return not self.over and self.committed > near_threshold(self.capacity)

    @property
    def percent(self) -> float:
        """Committed as a percentage of capacity (inf when capacity is 0)."""
        if self.capacity <= 0:
            return 0.0 if self.committed <= 0 else float("inf")
        return 100 * self.committed / self.capacity


def summarize(plan: Plan) -> BudgetSummary:
    return BudgetSummary(committed_minutes(plan), plan_capacity(plan))


def format_minutes(minutes: float) -> str:
    """A duration for people: ``450`` -> ``"7h 30m"``, ``126`` -> ``"2h 06m"``.

    Under an hour it is just minutes: ``45`` -> ``"45m"``.
    """
    total = round(abs(minutes))
    sign = "-" if minutes < 0 and total else ""
    hours, mins = divmod(total, 60)
    if hours == 0:
        return f"{sign}{mins}m"
    return f"{sign}{hours}h {mins:02d}m"


def format_hours(hours: float) -> str:
    return format_minutes(hours * 60)
