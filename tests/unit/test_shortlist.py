"""next_channel: one notion of "what to add next" (P4). Every expected number by hand.

Unless a test says otherwise: capacity 5 h x 60 x 0.9 = 270; ig active, 2 x 30 + 60 = 120
committed; 150 spare by the plan.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from plan_factories import audience, channel, checkin, goal, healthy_plan
from plan_strategies import random_plans

from socialtui.plan.budget import capacity_minutes, channel_minutes, committed_minutes
from socialtui.plan.evidence import lived_week
from socialtui.plan.model import Plan
from socialtui.plan.shortlist import (
    FITS,
    NO_CANDIDATES,
    NO_USEFUL_CANDIDATE,
    NONE_FITS,
    next_channel,
    score,
)

IG = channel("ig", posts=2, minutes=30, engage=60, goals=("g1",))


def shortlist(*candidates, goals=("g1", "g2"), on=None, spent=()):
    """ig active plus ``candidates``; the audience is on ``on`` (default: all of them);
    ``spent``: ig's hours in consecutive check-ins from W06."""
    ids = [c.id for c in (IG, *candidates)]
    return healthy_plan(
        goals=tuple(goal(g) for g in goals),
        channels=(IG, *candidates),
        audiences=(audience("a1", channels=on if on is not None else ids),),
        checkins=tuple(checkin(f"2026-W{6 + i:02d}", hours={"ig": h}) for i, h in enumerate(spent)),
    )


def cand(id, minutes, goals=("g1",), status="candidate"):
    """A candidate costing ``minutes`` a week, all of it engagement."""
    return channel(id, status=status, posts=0, minutes=0, engage=minutes, goals=goals)


def test_the_best_scoring_candidate_that_fits_is_next():
    # a: 1 goal / 1 h = 1; b: 2 goals / 1h 30m = 1.33 -> b; both fit 150.
    choice = next_channel(shortlist(cand("a", 60), cand("b", 90, goals=("g1", "g2"))))
    assert choice.reason == FITS
    assert choice.channel.id == "b"
    assert [c.id for c in choice.ranked] == ["b", "a"]
    assert (choice.plan_spare, choice.lived_spare, choice.spare) == (150, None, 150)
    assert choice.text == "'B' (1h 30m) fits the 2h 30m spare"


def test_a_candidate_that_does_not_fit_is_passed_over_for_one_that_does():
    # The report: '▸next' marked a channel that was over while a cheaper one fitted.
    # fb: 2 goals / 2h 40m = 0.75 but 160 > 150; gbp: 1 goal / 1h 40m = 0.6, 100 fits.
    p = shortlist(cand("fb", 160, goals=("g1", "g2")), cand("gbp", 100))
    assert score(p, p.channel("fb")) > score(p, p.channel("gbp"))
    choice = next_channel(p)
    assert choice.channel.id == "gbp"
    assert [c.id for c in choice.ranked] == ["fb", "gbp"]


def test_exactly_the_spare_time_fits():
    assert next_channel(shortlist(cand("a", 150))).channel.id == "a"
    assert next_channel(shortlist(cand("a", 150.5))).channel is None


def test_none_fits_says_what_the_cheapest_needs():
    # a 225 and b 300 against 150 spare: the cheapest (a) needs 75 more.
    choice = next_channel(shortlist(cand("b", 300), cand("a", 225)))
    assert choice.channel is None
    assert choice.reason == NONE_FITS
    assert choice.cheapest.id == "a"
    assert choice.shortfall == 75
    assert choice.text == "none fits; the cheapest needs 1h 15m more"


def test_none_fits_when_over_budget_counts_the_overrun_too():
    # ig 5 x 40 + 60 = 260 + busy 60 = 320 of 270: 50 over; a (30) needs 80 more.
    p = shortlist(cand("a", 30))
    p = p.with_channel(channel("ig", posts=5, minutes=40, engage=60, goals=("g1",)))
    p = p.with_channel(cand("busy", 60, status="active"))
    choice = next_channel(p)
    assert choice.plan_spare == -50
    assert choice.shortfall == 80
    assert choice.text == "none fits; the cheapest needs 1h 20m more"


def test_the_week_as_lived_can_leave_less_spare_than_the_plan():
    # ig took 3 h a week in three check-ins: 180 as lived, 90 spare; the plan says 150.
    # a (100) fits the plan but not the week as lived; it needs 10 more.
    p = shortlist(cand("a", 100), spent=(3, 3, 3))
    choice = next_channel(p)
    assert (choice.plan_spare, choice.lived_spare, choice.spare) == (150, 90, 90)
    assert choice.channel is None
    assert choice.shortfall == 10
    assert choice.text == "none fits; the cheapest needs 10m more"
    assert next_channel(shortlist(cand("a", 90), spent=(3, 3, 3))).channel.id == "a"


def test_the_plan_can_leave_less_spare_than_the_week_as_lived():
    # ig took 1 h (60): 210 spare as lived, but the plan's 150 still binds.
    choice = next_channel(shortlist(cand("a", 160), spent=(1, 1, 1)))
    assert (choice.plan_spare, choice.lived_spare, choice.spare) == (150, 210, 150)
    assert choice.channel is None
    assert choice.shortfall == 10


def test_equal_scores_prefer_the_cheaper_then_the_earlier():
    # a: 1 goal / 1 h = 1; b: 2 goals / 2 h = 1 but costs more; c ties a exactly.
    p = shortlist(cand("b", 120, goals=("g1", "g2")), cand("a", 60), cand("c", 60))
    assert score(p, p.channel("a")) == score(p, p.channel("b")) == score(p, p.channel("c"))
    assert [c.id for c in next_channel(p).ranked] == ["a", "c", "b"]


def test_only_candidates_are_offered():
    p = shortlist(cand("l", 30, status="later"), cand("d", 30, status="dropped"))
    choice = next_channel(p)
    assert choice.reason == NO_CANDIDATES
    assert choice.channel is None
    assert choice.text == "no candidate on the shortlist"


def test_a_candidate_that_serves_no_goal_or_reaches_nobody_is_not_offered():
    p = shortlist(cand("nogoal", 30, goals=()), cand("nobody", 30), on=("ig", "nogoal"))
    choice = next_channel(p)
    assert choice.reason == NO_USEFUL_CANDIDATE
    assert choice.ranked == ()
    assert choice.text == "no candidate serves a goal where an audience is"


# --- property -------------------------------------------------------------------------


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_plans(checkins=True))
def test_next_is_the_best_ranked_candidate_that_fits_by_plan_and_as_lived(p: Plan):
    capacity = capacity_minutes(p.budget)
    plan_spare = capacity - committed_minutes(p)
    lived = lived_week(p)

    def fits(c) -> bool:
        ok = channel_minutes(c) <= plan_spare + 1e-6
        return ok and (lived is None or channel_minutes(c) <= capacity - lived.minutes + 1e-6)

    choice = next_channel(p)
    useful = [c for c in p.channels if c.status == "candidate" and score(p, c) > 0]
    assert sorted(c.id for c in choice.ranked) == sorted(c.id for c in useful)
    scores = [score(p, c) for c in choice.ranked]
    assert scores == sorted(scores, reverse=True)
    if choice.channel is not None:
        assert fits(choice.channel)
        index = [c.id for c in choice.ranked].index(choice.channel.id)
        assert not any(fits(c) for c in choice.ranked[:index])
    elif useful:
        assert not any(fits(c) for c in useful)
        cheapest = min(channel_minutes(c) for c in useful)
        assert channel_minutes(choice.cheapest) == cheapest
        assert choice.shortfall > 0
        assert abs(cheapest - choice.shortfall - choice.spare) < 1e-6
