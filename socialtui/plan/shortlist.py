"""The shortlist: how channels score, and the one channel to add next (P4).

There is one notion of "next" in socialtui: :func:`next_channel`. The Channels
table's mark, the review's channels step, ``ready-to-expand`` and ``socialtui
check --format json`` all ask it.

- **Who may be next:** channels with status ``candidate`` whose score is above 0
  (they serve a goal and an audience is there). ``later`` and ``dropped``
  channels are set aside on purpose; they are not offered.
- **Ranking:** the higher score first (audiences there x goals served / hours a
  week); on equal scores the cheaper channel (fewer minutes a week), then the
  one earlier in the plan.
- **Fits:** its minutes a week are at most the spare time *by the plan*
  (capacity - committed) and, when the check-ins give a week as lived (see
  :mod:`.evidence`), at most the spare time *by the week as lived* (capacity -
  the lived week's minutes). The smaller of the two is "the spare".
- **Next** is the best-ranked candidate that fits. When none fits, the answer
  says why, as data (``reason``, ``shortfall``) and as text ("none fits; the
  cheapest needs 1h 15m more").
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .budget import PRECISION, channel_minutes, committed_minutes, plan_capacity
from .budget import format_minutes as fm
from .evidence import lived_week
from .model import Channel, Plan

FITS = "fits"
NO_CANDIDATES = "no-candidates"
NO_USEFUL_CANDIDATE = "no-useful-candidate"
NONE_FITS = "none-fits"


def audiences_on(plan: Plan, channel: Channel) -> int:
    """How many of the plan's audiences list this channel as a place they are."""
    return sum(1 for a in plan.audiences if channel.id in a.channels)


def goals_served(plan: Plan, channel: Channel) -> int:
    """How many of the plan's goals this channel serves (unknown ids do not count)."""
    known = {g.id for g in plan.goals}
    return len({g for g in channel.goals if g in known})


def score(plan: Plan, channel: Channel) -> float:
    """Audiences there x goals served / hours a week: higher is a better use of time.

    A channel that costs nothing but reaches someone scores infinity; one that
    reaches nobody or serves nothing scores 0.
    """
    value = audiences_on(plan, channel) * goals_served(plan, channel)
    hours = channel_minutes(channel) / 60
    if value == 0:
        return 0.0
    return value / hours if hours > 0 else math.inf


def rank_channels(plan: Plan, channels: tuple[Channel, ...] | None = None) -> list[Channel]:
    """Channels (all by default) best score first; ties keep the plan's order."""
    pool = plan.channels if channels is None else channels
    return sorted(pool, key=lambda c: -score(plan, c))


@dataclass(frozen=True, slots=True)
class NextChoice:
    """The answer to "what do we add next?"."""

    channel: Channel | None
    """The best-ranked candidate that fits, or None."""
    reason: str
    """:data:`FITS`, :data:`NO_CANDIDATES`, :data:`NO_USEFUL_CANDIDATE` or :data:`NONE_FITS`."""
    plan_spare: float
    """Capacity - committed minutes (negative when over budget)."""
    lived_spare: float | None
    """Capacity - the week as lived, or None without three check-ins with hours."""
    ranked: tuple[Channel, ...] = ()
    """The candidates that may be next, best first, whether they fit or not."""
    cheapest: Channel | None = None
    """When none fits: the cheapest of ``ranked``."""
    shortfall: float | None = None
    """When none fits: the minutes ``cheapest`` needs beyond the spare."""

    @property
    def spare(self) -> float:
        """The smaller of the two spares: what a channel must fit into."""
        if self.lived_spare is None:
            return self.plan_spare
        return min(self.plan_spare, self.lived_spare)

    @property
    def text(self) -> str:
        if self.channel is not None:
            return (
                f"'{self.channel.name}' ({fm(channel_minutes(self.channel))}) fits "
                f"the {fm(self.spare)} spare"
            )
        if self.reason == NO_CANDIDATES:
            return "no candidate on the shortlist"
        if self.reason == NO_USEFUL_CANDIDATE:
            return "no candidate serves a goal where an audience is"
        return f"none fits; the cheapest needs {fm(self.shortfall or 0)} more"


def next_channel(plan: Plan) -> NextChoice:
    """The channel to add next, or why there is none (see the module's docstring)."""
    capacity = plan_capacity(plan)
    plan_spare = round(capacity - committed_minutes(plan), PRECISION)
    lived = lived_week(plan)
    lived_spare = None if lived is None else round(capacity - lived.minutes, PRECISION)
    candidates = [c for c in plan.channels if c.status == "candidate"]
    if not candidates:
        return NextChoice(None, NO_CANDIDATES, plan_spare, lived_spare)
    position = {c.id: i for i, c in enumerate(plan.channels)}
    scores = {c.id: score(plan, c) for c in candidates}
    ranked = tuple(
        sorted(
            (c for c in candidates if scores[c.id] > 0),
            key=lambda c: (-scores[c.id], channel_minutes(c), position[c.id]),
        )
    )
    if not ranked:
        return NextChoice(None, NO_USEFUL_CANDIDATE, plan_spare, lived_spare)
    spare = plan_spare if lived_spare is None else min(plan_spare, lived_spare)
    for channel in ranked:
        if channel_minutes(channel) <= spare:
            return NextChoice(channel, FITS, plan_spare, lived_spare, ranked)
    cheapest = min(ranked, key=lambda c: (channel_minutes(c), position[c.id]))
    shortfall = round(channel_minutes(cheapest) - spare, PRECISION)
    return NextChoice(None, NONE_FITS, plan_spare, lived_spare, ranked, cheapest, shortfall)
