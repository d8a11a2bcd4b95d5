"""What check-ins say about goals: progress, pace and projection (P2, P8).

The pace line runs straight from the goal's baseline, at the start of tracking
(the Monday of the plan's first check-in week), to its target on its deadline.
A metric value is dated to the Sunday that ends its check-in week.

A goal is not called behind too early (:attr:`GoalProgress.too_early`): it needs
:data:`PACE_MIN_VALUES` check-ins with a value for it, and the latest value must
come after :data:`PACE_MIN_TIME` of the time from the start of tracking to the
deadline (the pace line then expects at least 10 % of the way).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .budget import format_number
from .model import Goal, Plan, parse_week, week_key, week_monday

PACE_MIN_VALUES = 3
"""A goal is judged against its pace line after three values, not one ..."""
PACE_MIN_TIME = 0.10
"""... and once a tenth of the time to its deadline has gone."""


@dataclass(frozen=True, slots=True)
class GoalProgress:
    goal_id: str
    baseline: float
    target: float
    latest: float
    latest_week: str
    fraction: float
    """How far from baseline to target the latest value is (1.0 = reached)."""
    expected: float | None
    """Where the pace line says the fraction should be now (None without a deadline)."""
    projected: date | None
    """When the target will be reached at the current rate (None if never / unknown)."""
    values: int = 1
    """How many check-ins record a value for the goal."""

    @property
    def percent(self) -> float:
        return 100 * self.fraction

    @property
    def reached(self) -> bool:
        return self.fraction >= 1

    @property
    def behind(self) -> bool:
        return self.expected is not None and not self.reached and self.fraction < self.expected

    @property
    def too_early(self) -> bool:
        """Too early to judge the pace: fewer than three values, no deadline, or less
        than 10 % of the time to the deadline gone by the latest value."""
        return (
            self.values < PACE_MIN_VALUES or self.expected is None or self.expected < PACE_MIN_TIME
        )

    @property
    def pace(self) -> str:
        """``"reached"``, ``"ahead"``, ``"on pace"``, ``"behind"`` or ``""`` (no deadline)."""
        if self.reached:
            return "reached"
        if self.expected is None:
            return ""
        if self.fraction < self.expected:
            return "behind"
        return "ahead" if self.fraction > self.expected else "on pace"

    def describe(self) -> str:
        text = (
            f"{format_number(self.latest)} of {format_number(self.target)} "
            f"({self.percent:.0f} % of the way from {format_number(self.baseline)})"
        )
        if self.expected is not None and not self.reached:
            text += f", {100 * self.expected:.0f} % expected by now"
        if self.projected is not None and not self.reached:
            text += f"; at this rate reached {self.projected.isoformat()}"
        elif not self.reached:
            text += "; not moving towards the target"
        return text


def metric_series(plan: Plan, goal_id: str) -> list[tuple[str, float]]:
    """(week, value) for every check-in that records the goal's metric, oldest first."""
    return list(_metric_index(plan.checkins).get(goal_id, ()))


# The check-ins tuple last indexed, and its index. A plan's check-ins change only
# when one is recorded, but every goal's progress is asked for on every keystroke:
# index them once per tuple (identity, so this costs nothing to look up).
_INDEX_CACHE: tuple[tuple, dict[str, list[tuple[str, float]]]] | None = None


def _metric_index(checkins: tuple) -> dict[str, list[tuple[str, float]]]:
    global _INDEX_CACHE
    cached = _INDEX_CACHE
    if cached is not None and cached[0] is checkins:
        return cached[1]
    index: dict[str, list[tuple[str, float]]] = {}
    for checkin in checkins:
        if not parse_week(checkin.week):
            continue
        for goal_id, value in checkin.metrics.items():
            index.setdefault(goal_id, []).append((checkin.week, value))
    for points in index.values():
        points.sort(key=lambda p: week_key(p[0]))
    _INDEX_CACHE = (checkins, index)
    return index


_START_CACHE: list = [None, None]  # [the checkins tuple, its tracking start]


def tracking_start(plan: Plan) -> date | None:
    """The Monday of the plan's first check-in week (None without check-ins).

    Remembered for the last check-ins tuple seen: plans are immutable, and the
    findings ask once per goal.
    """
    checkins = plan.checkins
    if _START_CACHE[0] is checkins:
        return _START_CACHE[1]
    weeks = [c.week for c in checkins if parse_week(c.week)]
    start = week_monday(min(weeks, key=week_key)) if weeks else None
    _START_CACHE[0], _START_CACHE[1] = checkins, start
    return start


def week_end(week: str) -> date:
    return week_monday(week) + timedelta(days=6)


def expected_fraction(start: date, deadline: date, when: date) -> float:
    """The pace line: 0 at ``start``, 1 at ``deadline``, clamped to [0, 1]."""
    span = (deadline - start).days
    if span <= 0:
        return 1.0
    return min(1.0, max(0.0, (when - start).days / span))


def goal_progress(plan: Plan, goal: Goal, today: date) -> GoalProgress | None:
    """Progress of ``goal`` as of its latest recorded value, or None when unknown.

    None when the goal has no baseline or target, when they are equal, or when no
    check-in records its metric.
    """
    if goal.baseline is None or goal.target is None or goal.target == goal.baseline:
        return None
    series = metric_series(plan, goal.id)
    if not series:
        return None
    start = tracking_start(plan)
    assert start is not None  # a series implies a check-in
    week, latest = series[-1]
    span = goal.target - goal.baseline
    fraction = (latest - goal.baseline) / span
    when = min(week_end(week), today) if today >= start else week_end(week)
    expected = None
    if goal.deadline is not None:
        expected = expected_fraction(start, goal.deadline, when)
    projected = None
    elapsed = (when - start).days
    if fraction > 0 and elapsed > 0 and fraction < 1:
        days_needed = elapsed * (1 - fraction) / fraction
        if days_needed < 365 * 200:
            projected = when + timedelta(days=round(days_needed))
    return GoalProgress(
        goal.id,
        goal.baseline,
        goal.target,
        latest,
        week,
        fraction,
        expected,
        projected,
        values=len(series),
    )
