"""fit_to_budget, score, rank_channels and best_candidate (P4, P6)."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plan_factories import audience, channel, goal, healthy_plan, plan

from socialtui.plan.budget import capacity_minutes, committed_minutes
from socialtui.plan.edits import Edit, apply_edits
from socialtui.plan.fit import best_candidate, describe_fit, fit_to_budget, rank_channels, score
from socialtui.plan.model import Plan


def assert_really_fits(p: Plan, proposal) -> Plan:
    after = apply_edits(p, proposal.edits)
    assert proposal.fits
    assert proposal.committed_after <= proposal.capacity
    assert committed_minutes(after) <= capacity_minutes(p.budget)
    return after


# --- score and ranking -------------------------------------------------------------


def test_score_is_audiences_times_goals_per_hour():
    # two audiences there, two goals served, 2 x 30 + 60 = 120 min = 2 h -> 2 x 2 / 2 = 2
    p = plan(
        goals=(goal("g1"), goal("g2")),
        channels=(channel("ig", posts=2, minutes=30, engage=60, goals=("g1", "g2")),),
        audiences=(audience("a", channels=("ig",)), audience("b", channels=("ig",))),
    )
    assert score(p, p.channels[0]) == 2


def test_score_ignores_unknown_goals_and_duplicates():
    # one known goal (g1 listed twice counts once), gX unknown; one audience; 1 h -> 1
    p = plan(
        goals=(goal("g1"),),
        channels=(channel("ig", posts=0, minutes=0, engage=60, goals=("g1", "g1", "gX")),),
        audiences=(audience("a", channels=("ig",)),),
    )
    assert score(p, p.channels[0]) == 1


def test_score_is_zero_without_audience_or_goal():
    p = plan(
        goals=(goal("g1"),),
        channels=(
            channel("no-aud", goals=("g1",)),
            channel("no-goal"),
        ),
        audiences=(audience("a", channels=("no-goal",)),),
    )
    assert score(p, p.channel("no-aud")) == 0
    assert score(p, p.channel("no-goal")) == 0


def test_score_of_a_free_channel_that_reaches_someone_is_infinite():
    p = plan(
        goals=(goal("g1"),),
        channels=(channel("ig", posts=0, minutes=0, engage=0, goals=("g1",)),),
        audiences=(audience("a", channels=("ig",)),),
    )
    assert score(p, p.channels[0]) == math.inf


def test_rank_channels_best_first_ties_keep_plan_order():
    p = plan(
        goals=(goal("g1"),),
        channels=(
            channel("slow", posts=0, minutes=0, engage=240, goals=("g1",)),  # 1/4
            channel("t1", posts=0, minutes=0, engage=60, goals=("g1",)),  # 1
            channel("fast", posts=0, minutes=0, engage=30, goals=("g1",)),  # 2
            channel("t2", posts=0, minutes=0, engage=60, goals=("g1",)),  # 1
            channel("none", posts=0, minutes=0, engage=60),  # 0
        ),
        audiences=(audience("a", channels=("slow", "t1", "fast", "t2", "none")),),
    )
    assert [c.id for c in rank_channels(p)] == ["fast", "t1", "t2", "slow", "none"]
    subset = (p.channel("slow"), p.channel("t2"))
    assert [c.id for c in rank_channels(p, subset)] == ["t2", "slow"]


def test_best_candidate_only_considers_candidates():
    p = plan(
        goals=(goal("g1"),),
        channels=(
            channel("act", status="active", posts=0, minutes=0, engage=10, goals=("g1",)),
            channel("lat", status="later", posts=0, minutes=0, engage=10, goals=("g1",)),
            channel("c1", status="candidate", posts=0, minutes=0, engage=120, goals=("g1",)),
            channel("c2", status="candidate", posts=0, minutes=0, engage=60, goals=("g1",)),
        ),
        audiences=(audience("a", channels=("act", "lat", "c1", "c2")),),
    )
    assert best_candidate(p).id == "c2"


def test_best_candidate_none_without_candidates():
    assert best_candidate(healthy_plan()) is None


# --- fit_to_budget -------------------------------------------------------------------


def test_plan_that_fits_gets_no_edits():
    p = healthy_plan()  # 2 x 30 + 60 = 120 of 270
    proposal = fit_to_budget(p)
    assert proposal.edits == ()
    assert proposal.committed_before == 120
    assert proposal.committed_after == 120
    assert proposal.capacity == 270
    assert describe_fit(p) == "The plan fits."


def test_plan_exactly_at_capacity_gets_no_edits():
    p = healthy_plan(channels=(channel("ig", posts=3, minutes=70, engage=60, goals=("g1",)),))
    assert fit_to_budget(p).edits == ()  # 3 x 70 + 60 = 270


def test_fewer_posts_preferred_to_moving_to_later():
    # ig 3 x 40 + 60 = 180 (score 1/3), fb 3 x 30 + 60 = 150 (score 1/2.5): 330 of 270.
    # The lower score (ig) loses posts first: 3 -> 2 gives 290, 3 -> 1 gives 250.
    p = healthy_plan(
        channels=(
            channel("ig", posts=3, minutes=40, engage=60, goals=("g1",)),
            channel("fb", posts=3, minutes=30, engage=60, goals=("g1",)),
        ),
        audiences=(audience("a1", channels=("ig", "fb")),),
    )
    proposal = fit_to_budget(p)
    assert proposal.edits == (Edit("channel", "ig", "posts_per_week", 3, 1),)
    assert proposal.committed_before == 330
    assert proposal.committed_after == 250
    assert_really_fits(p, proposal)
    assert "Ig: posts/week 3 → 1" in proposal.summary(p)
    assert describe_fit(p) == "Ig: posts/week 3 → 1 — 4h 10m of 4h 30m"


def test_lowest_priority_goal_is_cut_first_even_with_a_better_score():
    # a serves the top goal g1: 3 x 30 + 60 = 150, score 1 x 1 / 2.5 h = 0.4
    # b serves g2 and g3:       3 x 40 + 60 = 180, score 1 x 2 / 3 h = 0.67
    # 330 of 270: b goes first (its best goal ranks lower), 3 -> 1 posts = 250.
    p = plan(
        goals=(goal("g1"), goal("g2"), goal("g3")),
        channels=(
            channel("a", posts=3, minutes=30, engage=60, goals=("g1",)),
            channel("b", posts=3, minutes=40, engage=60, goals=("g2", "g3")),
        ),
        audiences=(audience("x", channels=("a", "b")),),
    )
    proposal = fit_to_budget(p)
    assert proposal.edits == (Edit("channel", "b", "posts_per_week", 3, 1),)
    assert proposal.committed_after == 250
    assert_really_fits(p, proposal)


def test_channel_serving_no_goal_is_cut_before_goal_serving_ones():
    # free (no goal) 6 x 20 = 120, ig (g1) 2 x 30 + 60 = 120, lo (g2) 3 x 20 + 60 = 120.
    # free and lo both score 0 (no audience there) and lo is later in the plan, so only
    # the priority rule puts free first. 360 of 270: free 6 -> 1 posts = 260.
    p = plan(
        goals=(goal("g1"), goal("g2")),
        channels=(
            channel("free", posts=6, minutes=20, engage=0),
            channel("ig", posts=2, minutes=30, engage=60, goals=("g1",)),
            channel("lo", posts=3, minutes=20, engage=60, goals=("g2",)),
        ),
        audiences=(audience("x", channels=("ig",)),),
        max_active=3,
    )
    proposal = fit_to_budget(p)
    assert proposal.edits == (Edit("channel", "free", "posts_per_week", 6, 1),)
    assert proposal.committed_after == 260


def test_priority_beats_score_when_the_top_goal_has_two_channels():
    # a (g1) 3 x 30 + 60 = 150, score 1/2.5 h = 0.4
    # a2 (g1) 30 min engagement only, score 2
    # b (g2, g3) 5 x 40 + 20 = 220, score 2/3.67 h = 0.55
    # 400 of 270: b serves only lower goals, so b goes first although a scores lower:
    # 5 -> 4 -> 3 -> 2 -> 1 posts gives 360, 320, 280, 240.
    p = plan(
        goals=(goal("g1"), goal("g2"), goal("g3")),
        channels=(
            channel("a", posts=3, minutes=30, engage=60, goals=("g1",)),
            channel("a2", posts=0, minutes=0, engage=30, goals=("g1",)),
            channel("b", posts=5, minutes=40, engage=20, goals=("g2", "g3")),
        ),
        audiences=(audience("x", channels=("a", "a2", "b")),),
        max_active=3,
    )
    proposal = fit_to_budget(p)
    assert proposal.edits == (Edit("channel", "b", "posts_per_week", 5, 1),)
    assert proposal.committed_after == 240


def test_ties_in_priority_cut_the_lower_score_then_the_later_channel_first():
    # p1, p2, p3 all serve g1 and cost 3 x 40 + 60 = 180; the audience is on p1 and p3.
    # p2 scores 0 -> first. p1 and p3 tie on score -> the later one (p3) next.
    # 540 of 270 (max 3 active): p2 3 -> 1 = 460, p3 3 -> 1 = 380, p1 3 -> 1 = 300 > 270;
    # so k = 1: p2 to later (360), then p3 3 -> 1 = 280, p1 3 -> 2 = 240.
    p = plan(
        goals=(goal("g1"),),
        channels=(
            channel("p1", posts=3, minutes=40, engage=60, goals=("g1",)),
            channel("p2", posts=3, minutes=40, engage=60, goals=("g1",)),
            channel("p3", posts=3, minutes=40, engage=60, goals=("g1",)),
        ),
        audiences=(audience("x", channels=("p1", "p3")),),
        max_active=3,
    )
    proposal = fit_to_budget(p)
    assert proposal.edits == (
        Edit("channel", "p2", "status", "active", "later"),
        Edit("channel", "p3", "posts_per_week", 3, 1),
        Edit("channel", "p1", "posts_per_week", 3, 2),
    )
    assert proposal.committed_after == 240


def test_channel_serving_only_unknown_goals_counts_as_serving_none():
    # "ghost" names a goal that does not exist, so it is cut before "lo" (goal g2).
    # 120 x 3 = 360 of 270; ghost 6 x 20 -> 1 x 20 gives 100 min back: 260.
    p = plan(
        goals=(goal("g1"), goal("g2")),
        channels=(
            channel("lo", posts=3, minutes=20, engage=60, goals=("g2",)),
            channel("ghost", posts=6, minutes=20, engage=0, goals=("gone",)),
            channel("ig", posts=2, minutes=30, engage=60, goals=("g1",)),
        ),
        max_active=3,
    )
    assert fit_to_budget(p).edits == (Edit("channel", "ghost", "posts_per_week", 6, 1),)


def test_top_goals_only_channel_is_left_alone_while_another_cut_suffices():
    # ig is the only channel for the top goal and has the worst score (no audience);
    # tt serves g2. 180 + 150 = 330 of 270: tt 3 -> 1 posts = 270 fits.
    p = plan(
        goals=(goal("g1"), goal("g2")),
        channels=(
            channel("ig", posts=3, minutes=40, engage=60, goals=("g1",)),
            channel("tt", posts=3, minutes=30, engage=60, goals=("g2",)),
        ),
        audiences=(audience("x", channels=("tt",)),),
    )
    proposal = fit_to_budget(p)
    assert proposal.edits == (Edit("channel", "tt", "posts_per_week", 3, 1),)
    assert proposal.committed_after == 270


def test_posts_never_below_one_so_a_channel_moves_to_later():
    # capacity 3 h x 60 = 180 (no reserve). ig 180, fb 150: 330.
    # Trimming both to 1 post gives 100 + 90 = 190 > 180, so one channel must go:
    # ig (lower score) moves to later and fb alone (150) fits untouched.
    p = healthy_plan(
        channels=(
            channel("ig", posts=3, minutes=40, engage=60, goals=("g1",)),
            channel("fb", posts=3, minutes=30, engage=60, goals=("g1",)),
        ),
        audiences=(audience("a1", channels=("ig", "fb")),),
        hours=3,
        reserve=0,
    )
    proposal = fit_to_budget(p)
    assert proposal.edits == (Edit("channel", "ig", "status", "active", "later"),)
    assert proposal.committed_after == 150
    after = assert_really_fits(p, proposal)
    assert after.channel("ig").status == "later"


def test_fractional_posts_are_not_trimmed_below_one():
    # blog 0.5 x 210 + 15 = 120 cannot lose posts; ig 5 x 40 + 60 = 260: 380 of 270.
    # ig is the top goal's only channel: it keeps its posts while moving blog suffices.
    p = healthy_plan(
        channels=(
            channel("blog", posts=0.5, minutes=210, engage=15),
            channel("ig", posts=5, minutes=40, engage=60, goals=("g1",)),
        ),
    )
    proposal = fit_to_budget(p)
    # blog serves no goal: it is first in line, has no posts above the floor to give,
    # so it moves to later.
    assert proposal.edits == (Edit("channel", "blog", "status", "active", "later"),)
    assert proposal.committed_after == 260


def test_fractional_posts_step_down_to_whole_numbers():
    # ig 3.5 x 40 + 60 = 200, fb 2 x 30 + 60 = 120; both serve g1, so neither is the
    # top goal's only channel. fb reaches no audience (score 0): cut first, floor 1 -> 90.
    # 320 of 270: fb 2 -> 1 = 290; ig 3.5 -> 3 = 270 fits.
    p = healthy_plan(
        channels=(
            channel("ig", posts=3.5, minutes=40, engage=60, goals=("g1",)),
            channel("fb", posts=2, minutes=30, engage=60, goals=("g1",)),
        ),
    )
    proposal = fit_to_budget(p)
    assert set(proposal.edits) == {
        Edit("channel", "fb", "posts_per_week", 2, 1),
        Edit("channel", "ig", "posts_per_week", 3.5, 3),
    }
    assert proposal.committed_after == 270


def test_engagement_alone_over_budget_moves_channels_to_later():
    # Two channels of pure engagement, 200 min each: no posts to cut.
    p = plan(
        goals=(goal("g1"), goal("g2")),
        channels=(
            channel("a", posts=0, minutes=0, engage=200, goals=("g1",)),
            channel("b", posts=0, minutes=0, engage=200, goals=("g2",)),
        ),
    )
    proposal = fit_to_budget(p)
    assert proposal.edits == (Edit("channel", "b", "status", "active", "later"),)
    assert proposal.committed_after == 200


def test_everything_goes_to_later_when_nothing_else_fits():
    # capacity 1 h x 60 x 0.9 = 54, one channel of 100 min engagement
    p = healthy_plan(
        channels=(channel("ig", posts=0, minutes=0, engage=100, goals=("g1",)),), hours=1
    )
    proposal = fit_to_budget(p)
    assert proposal.edits == (Edit("channel", "ig", "status", "active", "later"),)
    assert proposal.committed_after == 0
    assert_really_fits(p, proposal)


def test_inactive_channels_are_never_touched():
    p = healthy_plan(
        channels=(
            channel("ig", posts=5, minutes=40, engage=60, goals=("g1",)),  # 260
            channel("c", status="candidate", posts=9, minutes=99, engage=99),
            channel("l", status="later", posts=9, minutes=99, engage=99),
        ),
        hours=4,
        reserve=0,  # 240
    )
    proposal = fit_to_budget(p)
    assert proposal.edits == (Edit("channel", "ig", "posts_per_week", 5, 4),)  # 220


# --- property: any plan, the proposal fits ---------------------------------------------

STATUSES = ("candidate", "active", "later", "dropped")


def number(low: float, high: float):
    return st.one_of(
        st.integers(int(low), int(high)).map(float),
        st.floats(low, high, allow_nan=False, allow_infinity=False),
        st.sampled_from([low, high, 0.5, 1.0, 1.5]).filter(lambda v: low <= v <= high),
    )


@st.composite
def random_plans(draw) -> Plan:
    n_goals = draw(st.integers(0, 4))
    goal_ids = [f"g{i}" for i in range(n_goals)]
    goal_pool = [*goal_ids, "unknown-goal"]
    n_channels = draw(st.integers(1, 8))
    channels = []
    for i in range(n_channels):
        channels.append(
            channel(
                f"c{i}",
                status=draw(st.sampled_from(STATUSES)),
                posts=draw(number(0, 500)),
                minutes=draw(number(0, 1440)),
                engage=draw(number(0, 10080)),
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
    return plan(
        goals=tuple(goal(g) for g in goal_ids),
        channels=tuple(channels),
        audiences=audiences,
        hours=hours,
        reserve=reserve,
        max_active=draw(st.integers(1, 20)),
    )


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_plans())
def test_fit_to_budget_always_fits(p: Plan):
    capacity = capacity_minutes(p.budget)
    proposal = fit_to_budget(p)
    after = apply_edits(p, proposal.edits)

    assert proposal.fits
    assert committed_minutes(after) <= capacity
    assert proposal.committed_after == pytest.approx(committed_minutes(after))

    if committed_minutes(p) <= capacity:
        assert proposal.edits == ()

    seen = set()
    for edit in proposal.edits:
        assert edit.kind == "channel"
        before = p.channel(edit.id)
        assert before is not None and before.status == "active"
        assert getattr(before, edit.field) == edit.old
        assert (edit.id, edit.field) not in seen
        seen.add((edit.id, edit.field))
        if edit.field == "status":
            assert (edit.old, edit.new) == ("active", "later")
        else:
            assert edit.field == "posts_per_week"
            assert 1 <= edit.new < edit.old
    # a channel moved to later is not also trimmed
    moved = {e.id for e in proposal.edits if e.field == "status"}
    trimmed = {e.id for e in proposal.edits if e.field == "posts_per_week"}
    assert not moved & trimmed
