"""Hypothesis strategies for plans: any shape the format allows, numbers at their edges."""

from __future__ import annotations

from hypothesis import strategies as st
from plan_factories import audience, channel, checkin, goal, plan

from socialtui.plan.model import Plan

STATUSES = ("candidate", "active", "later", "dropped")
VERDICTS = ("working", "unsure", "not-working")


def number(low: float, high: float):
    return st.one_of(
        st.integers(int(low), int(high)).map(float),
        st.floats(low, high, allow_nan=False, allow_infinity=False),
        st.sampled_from([low, high, 0.5, 1.0, 1.5, 15.0, 30.0, 60.0]).filter(
            lambda v: low <= v <= high
        ),
    )


@st.composite
def random_plans(draw, checkins: bool = False) -> Plan:
    """A plan with 0-4 goals (channels may name unknown ones), 1-8 channels of every
    status, 0-3 audiences; with ``checkins``, 0-6 weekly check-ins recording hours and
    verdicts for any of the channels."""
    n_goals = draw(st.integers(0, 4))
    goal_ids = [f"g{i}" for i in range(n_goals)]
    goal_pool = [*goal_ids, "unknown-goal"]
    n_channels = draw(st.integers(1, 8))
    channels = []
    for i in range(n_channels):
        # Small efforts as often as huge ones, so that floors fit as often as not.
        little = draw(st.booleans())
        channels.append(
            channel(
                f"c{i}",
                status=draw(st.sampled_from(STATUSES)),
                posts=draw(number(0, 10 if little else 500)),
                minutes=draw(number(0, 120 if little else 1440)),
                engage=draw(number(0, 240 if little else 10080)),
                goals=tuple(draw(st.lists(st.sampled_from(goal_pool), max_size=3))),
            )
        )
    channel_ids = [c.id for c in channels]
    audiences = tuple(
        audience(f"a{j}", channels=draw(st.lists(st.sampled_from(channel_ids), max_size=4)))
        for j in range(draw(st.integers(0, 3)))
    )
    hours = draw(st.one_of(st.integers(1, 168).map(float), st.floats(0.01, 168, allow_nan=False)))
    reserve = draw(st.one_of(st.integers(0, 90).map(float), st.floats(0, 90, allow_nan=False)))
    records = ()
    if checkins:
        records = tuple(
            checkin(
                f"2026-W{10 + w:02d}",
                hours=draw(st.dictionaries(st.sampled_from(channel_ids), number(0, 20))),
                verdicts=draw(
                    st.dictionaries(st.sampled_from(channel_ids), st.sampled_from(VERDICTS))
                ),
            )
            for w in range(draw(st.integers(0, 6)))
        )
    return plan(
        goals=tuple(goal(g) for g in goal_ids),
        channels=tuple(channels),
        audiences=audiences,
        checkins=records,
        hours=hours,
        reserve=reserve,
        max_active=draw(st.integers(1, 20)),
    )
