"""Ranking channels, and proposals that bring an over-budget plan back inside (P4, P6)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .budget import capacity_minutes, channel_minutes, format_minutes
from .edits import Edit
from .model import Channel, Plan

POSTS_FLOOR = 1
"""Fit never proposes fewer than one post a week: below that, the channel goes to later."""


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


def best_candidate(plan: Plan) -> Channel | None:
    """The candidate to add next: the best score among ``candidate`` channels."""
    candidates = tuple(c for c in plan.channels if c.status == "candidate")
    ranked = rank_channels(plan, candidates)
    return ranked[0] if ranked else None


def channel_priority(plan: Plan, channel: Channel) -> int:
    """The rank of the most important goal the channel serves (0 = top goal).

    A channel that serves no known goal gets ``len(plan.goals)``: it is cut first.
    """
    ranks = [r for r in (plan.goal_rank(g) for g in channel.goals) if r is not None]
    return min(ranks, default=len(plan.goals))


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


def _protected(plan: Plan, active: list[Channel]) -> Channel | None:
    """The top goal's last channel: the only active channel serving goal #1."""
    if not plan.goals:
        return None
    top = plan.goals[0].id
    serving = [c for c in active if top in c.goals]
    return serving[0] if len(serving) == 1 else None


def fit_to_budget(plan: Plan) -> FitProposal:
    """Propose the smallest cuts, lowest priority first, that make the plan fit.

    The algorithm:

    1. Order the active channels for cutting: a channel's priority is the rank
       of the most important goal it serves (channels serving no goal come
       last); the least important go first, ties broken by the lower score
       (audiences x goals / hours), then by the later position in the plan.
       The *top goal's last channel* -- the only active channel serving the
       first goal -- is moved to the very end, so it is touched only when no
       other cut suffices.
    2. Try cuts in order of increasing disruption. For k = 0, 1, 2, ... move the
       first k unprotected channels of that order to ``later``; then, walking the
       remaining unprotected ones in the same order, take posts away one at a
       time (never below :data:`POSTS_FLOOR` a week, and never from a channel
       whose posts cost nothing) until committed time fits the capacity. The
       first k that fits wins, so fewer posts are preferred to dropping a
       channel. Only when every other channel is at later does the protected
       channel lose posts, and only after that is it moved to later itself: it
       is left alone while any other cut suffices.
    3. Return the edits (posts_per_week old -> new, status active -> later) and
       the committed minutes after them. A plan that already fits gets no edits.

    Moving every active channel to later always fits (capacity is never
    negative), so a proposal always fits.
    """
    capacity = capacity_minutes(plan.budget)
    active = [c for c in plan.channels if c.status == "active"]
    before = sum(channel_minutes(c) for c in active)
    if before <= capacity:
        return FitProposal((), before, before, capacity)

    position = {c.id: i for i, c in enumerate(plan.channels)}
    order = sorted(
        active,
        key=lambda c: (-channel_priority(plan, c), score(plan, c), -position[c.id]),
    )
    protected = _protected(plan, active)
    others = [c for c in order if protected is None or c.id != protected.id]
    guarded = [] if protected is None else [protected]

    # Steps of increasing disruption: (channels moved to later, channels trimmed).
    steps = [(others[:k], others[k:]) for k in range(len(others) + 1)]
    if guarded:
        steps += [(others, guarded), (others + guarded, [])]

    for moved, trim in steps:
        kept = [c for c in active if c not in moved]
        committed = sum(channel_minutes(c) for c in kept)
        edits = [Edit("channel", c.id, "status", "active", "later") for c in moved]
        trimmed: dict[str, float] = {}
        for channel in trim:
            if committed <= capacity:
                break
            if channel.minutes_per_post <= 0 or channel.posts_per_week <= POSTS_FLOOR:
                continue
            posts = channel.posts_per_week
            while posts > POSTS_FLOOR and committed > capacity:
                new_posts = max(POSTS_FLOOR, math.ceil(posts) - 1)
                committed -= (posts - new_posts) * channel.minutes_per_post
                posts = new_posts
            trimmed[channel.id] = posts
        if committed <= capacity + 1e-9:
            for channel in trim:
                if channel.id in trimmed:
                    edits.append(
                        Edit(
                            "channel",
                            channel.id,
                            "posts_per_week",
                            channel.posts_per_week,
                            trimmed[channel.id],
                        )
                    )
            return FitProposal(tuple(edits), before, committed, capacity)
    raise AssertionError("unreachable: moving every channel to later always fits")


def cost_if_active(plan: Plan, channel: Channel) -> tuple[float, bool]:
    """(minutes a week the channel would add, whether the plan would still fit)."""
    if channel.status == "active":
        minutes = channel_minutes(channel)
        return minutes, sum(channel_minutes(c) for c in plan.active_channels) <= capacity_minutes(
            plan.budget
        )
    # The plan with this channel active, summed in the plan's order (as the
    # budget does), without building that plan: this runs per candidate per keystroke.
    committed = sum(
        channel_minutes(c) for c in plan.channels if c.status == "active" or c.id == channel.id
    )
    return channel_minutes(channel), committed <= capacity_minutes(plan.budget)


def describe_fit(plan: Plan) -> str:
    proposal = fit_to_budget(plan)
    if not proposal.edits:
        return "The plan fits."
    return (
        f"{proposal.summary(plan)} — {format_minutes(proposal.committed_after)} "
        f"of {format_minutes(proposal.capacity)}"
    )
