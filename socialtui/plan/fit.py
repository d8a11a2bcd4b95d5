"""Proposals that bring an over-budget plan back inside (P4, P6).

The scores and the shortlist live in :mod:`.shortlist`; their names are
importable from here too, as they always were.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from .budget import (
    PRECISION,
    channel_minutes,
    committed_minutes,
    format_minutes,
    person_capacity,
    plan_capacity,
)
from .edits import Edit, apply_edits
from .evidence import lived_week
from .model import Channel, Plan
from .shortlist import audiences_on, goals_served, next_channel, rank_channels, score

__all__ = [
    "ENGAGE_FLOOR",
    "POSTS_FLOOR",
    "FitProposal",
    "audiences_on",
    "best_candidate",
    "channel_priority",
    "cost_if_active",
    "describe_fit",
    "fit_person",
    "fit_to_budget",
    "floor_minutes",
    "goals_served",
    "less_engagement",
    "next_channel",
    "rank_channels",
    "score",
]

POSTS_FLOOR = 0.5
"""Fit never proposes fewer posts than one every other week (a channel already
posting less keeps its cadence). Below that, the channel goes to later."""
ENGAGE_FLOOR = 15
"""Nor less than 15 minutes of engagement a week: replying to the people who
write (a channel already under it keeps its minutes)."""
ENGAGE_STEP = 5
"""Engagement is cut by halves, rounded up to whole 5 minutes: 60 -> 30 -> 15."""


def best_candidate(plan: Plan) -> Channel | None:
    """The channel to add next: ``next_channel(plan).channel`` (kept for its callers)."""
    return next_channel(plan).channel


def channel_priority(plan: Plan, channel: Channel) -> int:
    """The rank of the most important goal the channel serves (0 = top goal).

    A channel that serves no known goal gets ``len(plan.goals)``: it is cut first.
    """
    ranks = [r for r in (plan.goal_rank(g) for g in channel.goals) if r is not None]
    return min(ranks, default=len(plan.goals))


# --- the rungs of a cut ---------------------------------------------------------------


def fewer_posts(posts: float) -> float | None:
    """The next cadence down: 3.5 -> 3 -> 2 -> 1 -> 0.5; None at the floor."""
    if posts > 1:
        return math.ceil(posts) - 1
    if posts > POSTS_FLOOR:
        return POSTS_FLOOR
    return None


def less_engagement(minutes: float) -> float | None:
    """Half, rounded up to whole 5 minutes, not under the floor: 60 -> 30 -> 15; 45 -> 25."""
    if minutes <= ENGAGE_FLOOR:
        return None
    return max(ENGAGE_FLOOR, math.ceil(minutes / 2 / ENGAGE_STEP) * ENGAGE_STEP)


def _rung(posts: float, per_post: float, engage: float) -> tuple[float, float] | None:
    """(posts, engagement) one rung down, or None at the floor.

    The rung comes from whichever takes more of the channel's time, posting or
    engaging (posting on a tie), so a cut keeps the balance between making and
    talking; posts that take no time are never cut.
    """
    fewer = fewer_posts(posts) if per_post > 0 else None
    less = less_engagement(engage)
    if fewer is not None and (less is None or posts * per_post >= engage):
        return fewer, engage
    if less is not None:
        return posts, less
    return None


def at_floor(channel: Channel) -> Channel:
    """The channel with every rung cut: its least cadence and engagement."""
    posts = channel.posts_per_week
    if channel.minutes_per_post > 0:
        posts = min(posts, POSTS_FLOOR)
    engage = min(channel.engage_minutes_per_week, ENGAGE_FLOOR)
    return replace(channel, posts_per_week=posts, engage_minutes_per_week=engage)


def floor_minutes(channel: Channel) -> float:
    """Minutes a week the channel needs at its floor (see :func:`at_floor`)."""
    return channel_minutes(at_floor(channel))


# --- the proposal ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FitProposal:
    edits: tuple[Edit, ...]
    committed_before: float
    committed_after: float
    capacity: float

    @property
    def fits(self) -> bool:
        return self.committed_after <= self.capacity

    def summary(self, plan: Plan | None = None) -> str:
        return "; ".join(edit.describe(plan) for edit in self.edits)


def _cut_order(plan: Plan, capacity: float) -> tuple[list[Channel], Channel | None]:
    """The active channels in the order fit cuts them, and the one it keeps
    (see :func:`fit_to_budget`)."""
    active = [c for c in plan.channels if c.status == "active"]
    position = {c.id: i for i, c in enumerate(plan.channels)}
    scores = {c.id: score(plan, c) for c in active}
    order = sorted(
        active,
        key=lambda c: (-channel_priority(plan, c), scores[c.id], -position[c.id]),
    )
    # The highest-priority channel that fits at its floor: one of the top goal's
    # channels whenever one of them fits, since they come last in the order.
    fitting = [c for c in order if floor_minutes(c) <= capacity]
    keeper = fitting[-1] if fitting else None
    if keeper is not None:
        order.remove(keeper)
        order.append(keeper)
    return order, keeper


def _total(plan: Plan, now: dict[str, Channel]) -> float:
    """Committed minutes with the active channels as in ``now`` (absent: moved to later),
    summed in the plan's order as :func:`committed_minutes` sums them."""
    return round(sum(channel_minutes(now[c.id]) for c in plan.channels if c.id in now), PRECISION)


def _cut(
    plan: Plan, now: dict[str, Channel], channel_id: str, committed: float, capacity: float
) -> float:
    """Cut ``now[channel_id]`` a rung at a time until the plan fits or it is at its
    floor; return the committed minutes after. Each rung is counted by difference;
    the total is summed afresh before saying it fits, so float noise cannot."""
    channel = now[channel_id]
    posts, per_post, engage = (
        channel.posts_per_week,
        channel.minutes_per_post,
        channel.engage_minutes_per_week,
    )
    cost = channel_minutes(channel)
    while True:
        if committed <= capacity:
            now[channel_id] = replace(channel, posts_per_week=posts, engage_minutes_per_week=engage)
            committed = _total(plan, now)
            if committed <= capacity:
                return committed
        lower = _rung(posts, per_post, engage)
        if lower is None:
            now[channel_id] = replace(channel, posts_per_week=posts, engage_minutes_per_week=engage)
            return _total(plan, now)
        posts, engage = lower
        # the same sum as channel_minutes(), so the two never disagree
        lower_cost = round(posts * per_post + engage, PRECISION)
        committed = committed - cost + lower_cost
        cost = lower_cost


def fit_to_budget(plan: Plan) -> FitProposal:
    """Propose the smallest cuts, lowest priority first, that make the plan fit.

    1. **Order.** A channel's priority is the rank of the most important goal it
       serves; the least important is cut first, ties broken by the lower score,
       then the later position in the plan. Channels that serve no goal of the
       plan come first of all: they are *idle* (tactics without strategy, P1).
       One channel is *kept* to the very end: the last in that order of the
       channels whose floor fits the capacity (so one serving the top goal
       whenever one of those fits).
    2. **Which channels go to later: as few as needed.** If the channels at
       their floors fit (idle ones counted as gone), none. Otherwise walk the
       order, moving channels to later (never the kept one, nor one that costs
       nothing at its floor) until the rest at their floors fit; then put back,
       highest priority first, each moved channel the rest still has room for
       at its floor.
    3. **Cut cadence, lowest priority first.** Walk the remaining channels in
       the order, taking one rung at a time from a channel until the plan fits
       or the channel reaches its floor, then the next. A rung is one post a
       week (3.5 -> 3 -> 2 -> 1 -> 0.5, the floor: every other week) or half
       the engagement minutes (rounded up to 5 minutes; floor 15), whichever
       takes more of the channel's time. An idle channel's last rung is later:
       no channel that serves a goal loses anything to keep an idle one going.

    A plan that fits gets no edits. The empty set of channels always fits (the
    capacity is never negative), so a proposal always fits; one active channel
    stays whenever one fits at its floor, and the top goal keeps a channel
    whenever one of its channels fits at its floor.

    **With people** (``[[people]]``), each person who is over their own capacity
    gets that proposal for the channels they own, against their capacity; then
    the channels nobody known owns get it against what the team has left.
    """
    capacity = plan_capacity(plan)
    before = committed_minutes(plan)
    if not plan.people:
        edits = _fit(plan, capacity) if before > capacity else []
    else:
        edits = []
        owned: set[str] = set()
        for person in plan.people:
            own = _owned_by(plan, person.id)
            owned.update(c.id for c in own.channels)
            limit = person_capacity(person, plan.budget)
            if committed_minutes(own) > limit:
                edits += _fit(own, limit)
        after = apply_edits(plan, edits)
        taken = replace(after, channels=tuple(c for c in after.channels if c.id in owned))
        rest = replace(plan, channels=tuple(c for c in plan.channels if c.id not in owned))
        left = max(0.0, round(capacity - committed_minutes(taken), PRECISION))
        if committed_minutes(rest) > left:
            edits += _fit(rest, left)
    if not edits:
        return FitProposal((), before, before, capacity)
    return FitProposal(tuple(edits), before, committed_minutes(apply_edits(plan, edits)), capacity)


def fit_person(plan: Plan, person_id: str) -> FitProposal:
    """The proposal that brings one person inside their own capacity (their channels
    only, lowest priority first): the fix of ``person-over-budget``."""
    person = plan.person(person_id)
    if person is None:
        raise ValueError(f"no person with id {person_id!r}")
    own = _owned_by(plan, person_id)
    limit = person_capacity(person, plan.budget)
    before = committed_minutes(own)
    if before <= limit:
        return FitProposal((), before, before, limit)
    edits = tuple(_fit(own, limit))
    return FitProposal(edits, before, committed_minutes(apply_edits(own, edits)), limit)


def _owned_by(plan: Plan, person_id: str) -> Plan:
    """``plan`` with only the channels ``person_id`` owns."""
    return replace(plan, channels=tuple(c for c in plan.channels if c.owner == person_id))


def _fit(plan: Plan, capacity: float) -> list[Edit]:
    """The edits that bring ``plan``'s active channels within ``capacity``
    (see :func:`fit_to_budget`); ``plan`` is over it."""
    order, keeper = _cut_order(plan, capacity)
    lowest = len(plan.goals)
    idle = {
        c.id
        for c in order
        if plan.goals and c is not keeper and channel_priority(plan, c) == lowest
    }

    # 2. Which channels go to later, judged at their floors (idle ones as gone).
    floors = {c.id: at_floor(c) for c in order if c.id not in idle}
    walked: list[Channel] = []
    for channel in order:
        if _total(plan, floors) <= capacity:
            break
        if channel is keeper or channel.id not in floors or floor_minutes(channel) == 0:
            continue
        walked.append(channel)
        del floors[channel.id]
    moved = {c.id for c in walked}
    for channel in reversed(walked):
        if _total(plan, {**floors, channel.id: at_floor(channel)}) <= capacity:
            floors[channel.id] = at_floor(channel)
            moved.discard(channel.id)

    # 3. Cut cadence, lowest priority first; idle channels go to later at their floor.
    now = {c.id: c for c in order if c.id not in moved}
    committed = _total(plan, now)
    for channel in order:
        if channel.id in now and committed > capacity:
            committed = _cut(plan, now, channel.id, committed, capacity)
            if committed > capacity and channel.id in idle:
                del now[channel.id]
                moved.add(channel.id)
                committed = _total(plan, now)

    edits = [Edit("channel", c.id, "status", "active", "later") for c in order if c.id in moved]
    for channel in order:
        new = now.get(channel.id)
        if new is None:
            continue
        for field in ("posts_per_week", "engage_minutes_per_week"):
            old_value, new_value = getattr(channel, field), getattr(new, field)
            if new_value != old_value:
                edits.append(Edit("channel", channel.id, field, old_value, new_value))
    return edits


def cost_if_active(plan: Plan, channel: Channel) -> tuple[float, bool]:
    """(minutes a week the channel would add, whether the plan would still fit).

    "Fit" is :func:`next_channel`'s: within the capacity by the plan and, when the
    check-ins give one, by the week as lived.
    """
    capacity = plan_capacity(plan)
    minutes = channel_minutes(channel)
    # The plan with this channel active, summed in the plan's order (as the
    # budget does), without building that plan: this runs per candidate per keystroke.
    committed = round(
        sum(
            channel_minutes(c) for c in plan.channels if c.status == "active" or c.id == channel.id
        ),
        PRECISION,
    )
    fits = committed <= capacity
    if fits:
        lived = lived_week(plan)
        if lived is not None:
            extra = 0 if channel.status == "active" else minutes
            fits = round(lived.minutes + extra, PRECISION) <= capacity
    return minutes, fits


def describe_fit(plan: Plan) -> str:
    proposal = fit_to_budget(plan)
    if not proposal.edits:
        return "The plan fits."
    return (
        f"{proposal.summary(plan)} — {format_minutes(proposal.committed_after)} "
        f"of {format_minutes(proposal.capacity)}"
    )
