"""What the check-ins say over time: each goal's trend against its pace line, and
each channel's hours and verdicts. Pure: the history and review screens draw it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .budget import channel_minutes
from .model import Channel, CheckIn, Goal, Plan, parse_week, week_key
from .progress import expected_fraction, tracking_start, week_end

BARS = "▁▂▃▄▅▆▇█"
SPARK_WEEKS = 26


def checkin_weeks(plan: Plan) -> list[CheckIn]:
    """The plan's check-ins with a valid week, oldest first."""
    return sorted((c for c in plan.checkins if parse_week(c.week)), key=lambda c: week_key(c.week))


def pace_value(plan: Plan, goal: Goal, week: str) -> float | None:
    """Where the pace line puts ``goal``'s metric at the end of ``week``."""
    start = tracking_start(plan)
    if start is None or goal.deadline is None or goal.baseline is None or goal.target is None:
        return None
    fraction = expected_fraction(start, goal.deadline, week_end(week))
    return goal.baseline + fraction * (goal.target - goal.baseline)


def sparkline(values: list[float | None], low: float, high: float) -> str:
    """One block character per value on the scale ``low``..``high``; None is a space."""
    out = []
    for value in values:
        if value is None:
            out.append(" ")
        elif high <= low:
            out.append(BARS[len(BARS) // 2])
        else:
            ratio = min(1.0, max(0.0, (value - low) / (high - low)))
            out.append(BARS[round(ratio * (len(BARS) - 1))])
    return "".join(out)


@dataclass(frozen=True, slots=True)
class GoalTrend:
    weeks: list[str]
    actual: list[float | None]
    pace: list[float | None]

    def scale(self) -> tuple[float, float]:
        known = [v for v in (*self.actual, *self.pace) if v is not None]
        return (min(known), max(known)) if known else (0.0, 0.0)


def goal_trend(plan: Plan, goal: Goal, limit: int = SPARK_WEEKS) -> GoalTrend:
    checkins = checkin_weeks(plan)[-limit:]
    weeks = [c.week for c in checkins]
    actual = [c.metrics.get(goal.id) for c in checkins]
    pace = [pace_value(plan, goal, w) for w in weeks]
    return GoalTrend(weeks, actual, pace)


@dataclass(frozen=True, slots=True)
class ChannelEvidence:
    planned_hours: float
    recorded: int
    """Check-ins (of the recent ones) that record hours for the channel."""
    average_hours: float | None
    verdicts: Counter
    last_verdict: str | None


def channel_evidence(plan: Plan, channel: Channel, recent: int = 4) -> ChannelEvidence:
    """Planned against actual hours over the last ``recent`` check-ins; all verdicts."""
    checkins = checkin_weeks(plan)
    hours = [c.hours[channel.id] for c in checkins[-recent:] if channel.id in c.hours]
    verdicts = Counter(c.verdicts[channel.id] for c in checkins if channel.id in c.verdicts)
    last = next(
        (c.verdicts[channel.id] for c in reversed(checkins) if channel.id in c.verdicts), None
    )
    return ChannelEvidence(
        channel_minutes(channel) / 60,
        len(hours),
        sum(hours) / len(hours) if hours else None,
        verdicts,
        last,
    )
