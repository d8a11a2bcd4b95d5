"""What the check-ins say: the week as lived, and each channel's record (P5, P8).

The plan says what the week should cost; the check-ins say what it did cost.
Both questions here are answered from the plan's data alone: no clock is read.

**The week as lived** (:func:`lived_week`) is the mean, over the latest four
check-ins that record hours for a channel active now, of the hours those
check-ins record for the channels active now:

- only channels that are ``active`` in the plan as it stands count, so moving a
  channel to later takes its past hours out of the figure at once;
- a check-in that records no hours for any channel active now (metrics only, or
  hours for channels since moved to later) says nothing about this week's load
  and is skipped; an active channel a counted check-in does not record counts as
  0 that week (the check-in form records every active channel; a blank field
  means no time was given);
- it needs at least three such check-ins (:data:`LIVED_MIN`); fewer are too few
  to call a habit. How recent the latest is, is ``checkin-missing``'s business.

**A channel's record** (:func:`channel_record`) is what the check-ins that name
it (in ``hours`` or ``verdicts``) say: the weeks they span, first to last, and
its latest verdicts.
"""

from __future__ import annotations

from dataclasses import dataclass

from .budget import PRECISION
from .budget import format_minutes as fm
from .model import CheckIn, Plan, parse_week, week_key, week_monday

LIVED_RUN = 4
"""The week as lived is the mean of the latest four check-ins that record hours ..."""
LIVED_MIN = 3
"""... and needs at least three of them."""
VERDICT_RUN = 4
"""A channel's recent verdicts: the latest four check-ins that judge it."""


# The check-ins tuple last ordered, and its order. Check-ins change only when one
# is recorded; the findings ask for them in order on every keystroke.
_ORDER_CACHE: list = [None, ()]


def checkins_in_order(plan: Plan) -> tuple[CheckIn, ...]:
    """The check-ins whose week is a real ISO week, oldest first."""
    checkins = plan.checkins
    cached = _ORDER_CACHE
    if cached[0] is checkins:
        return cached[1]
    ordered = tuple(
        sorted((c for c in checkins if parse_week(c.week)), key=lambda c: week_key(c.week))
    )
    _ORDER_CACHE[0], _ORDER_CACHE[1] = checkins, ordered
    return ordered


@dataclass(frozen=True, slots=True)
class LivedWeek:
    """The mean minutes a week the active channels took, over ``weeks``."""

    minutes: float
    weeks: tuple[str, ...]
    """The check-ins it is the mean of, oldest first."""
    by_channel: tuple[tuple[str, float], ...]
    """(channel id, its share of ``minutes``) for each channel active now, in plan order."""

    @property
    def count(self) -> int:
        return len(self.weeks)

    def describe(self) -> str:
        """``"3h 30m a week (last 4 check-ins)"``."""
        return f"{fm(self.minutes)} a week (last {self.count} check-ins)"


def lived_week(plan: Plan, at_least: int = LIVED_MIN) -> LivedWeek | None:
    """The week as lived (see the module's docstring), or None with fewer than
    ``at_least`` check-ins that record hours for a channel active now.

    The findings use the default of three; a screen that wants to show what
    little there is may pass 1.
    """
    active = [c.id for c in plan.channels if c.status == "active"]
    counted: list[CheckIn] = []
    for checkin in reversed(checkins_in_order(plan)):
        hours = checkin.hours
        if any(ch in hours for ch in active):
            counted.append(checkin)
            if len(counted) == LIVED_RUN:
                break
    if not counted or len(counted) < at_least:
        return None
    counted.reverse()
    n = len(counted)
    shares = tuple(
        (ch, round(60 * sum(c.hours.get(ch, 0) for c in counted) / n, PRECISION)) for ch in active
    )
    spent = sum(sum(c.hours.get(ch, 0) for ch in active) for c in counted)
    total = round(60 * spent / n, PRECISION)
    return LivedWeek(total, tuple(c.week for c in counted), shares)


@dataclass(frozen=True, slots=True)
class ChannelRecord:
    """What the check-ins that name a channel say about it."""

    channel_id: str
    first_week: str | None
    """The first check-in week naming the channel (hours or verdict)."""
    last_week: str | None
    """The latest one."""
    verdicts: tuple[str, ...]
    """Its verdicts in the latest :data:`VERDICT_RUN` check-ins that judge it, oldest first."""

    @property
    def weeks(self) -> int:
        """ISO weeks from the first check-in naming it to the latest, both included
        (0 when none names it): how long the check-ins show it in use."""
        if self.first_week is None or self.last_week is None:
            return 0
        return (week_monday(self.last_week) - week_monday(self.first_week)).days // 7 + 1


def channel_record(plan: Plan, channel_id: str) -> ChannelRecord:
    ordered = checkins_in_order(plan)

    def names(c: CheckIn) -> bool:
        return channel_id in c.hours or channel_id in c.verdicts

    first = next((c.week for c in ordered if names(c)), None)
    last = next((c.week for c in reversed(ordered) if names(c)), None)
    verdicts: list[str] = []
    for checkin in reversed(ordered):
        verdict = checkin.verdicts.get(channel_id)
        if verdict is not None:
            verdicts.append(verdict)
            if len(verdicts) == VERDICT_RUN:
                break
    verdicts.reverse()
    return ChannelRecord(channel_id, first, last, tuple(verdicts))
