"""What changed between two versions of a plan: the words restore's list shows."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given
from plan_factories import audience, channel, checkin, goal, plan
from plan_strategies import random_plans

from socialtui.plan.changes import changes, summary
from socialtui.plan.model import Purpose, Review


def base():
    return plan(
        channels=(channel("instagram", goals=("g1",)), channel("blog", status="candidate")),
        goals=(goal("g1"), goal("g2")),
        audiences=(audience("a1", channels=("instagram",)),),
        checkins=(checkin("2026-W46", hours={"instagram": 2}),),
        hours=6,
    )


def test_the_budget_s_numbers_as_people_write_them():
    old = base()
    new = replace(old, budget=replace(old.budget, weekly_hours=1, reserve_percent=12.5))
    assert changes(old, new) == ["weekly_hours 6 → 1", "reserve_percent 10 → 12.5"]


def test_check_ins_added_removed_edited():
    old = base()
    added = replace(old, checkins=(*old.checkins, checkin("2026-W47", hours={"instagram": 1})))
    assert changes(old, added) == ["+1 check-in 2026-W47"]
    assert changes(added, old) == ["−1 check-in 2026-W47"]
    edited = replace(old, checkins=(checkin("2026-W46", hours={"instagram": 3}),))
    assert changes(old, edited) == ["1 check-in 2026-W46 edited"]
    two = replace(old, checkins=(*old.checkins, checkin("2026-W47"), checkin("2026-W48")))
    assert changes(old, two) == ["+2 check-ins 2026-W47, 2026-W48"]


def test_channels_goals_audiences_by_id():
    old = base()
    later = old.with_channel(replace(old.channel("instagram"), status="later"))
    assert changes(old, later) == ["channel instagram: status active → later"]
    fewer = old.with_channel(replace(old.channel("instagram"), posts_per_week=2))
    assert changes(old, fewer) == ["channel instagram: posts_per_week 3 → 2"]
    more = old.with_goal(goal("g3", title="Catering"))
    assert changes(old, more) == ["+goal g3"]
    swapped = replace(old, goals=tuple(reversed(old.goals)))
    assert changes(old, swapped) == ["goals reordered"]
    no_audience = replace(old, audiences=())
    assert changes(old, no_audience) == ["−audience a1"]


def test_names_purpose_and_review():
    old = base()
    renamed = replace(old, name="Corner Bakery")
    assert changes(old, renamed) == ['name "Test plan" → "Corner Bakery"']
    long_why = replace(old, purpose=Purpose(why="Be the bakery people think of first"))
    assert changes(old, long_why) == ["purpose why edited"]
    reviewed = replace(old, review=Review(every_weeks=2, last=date(2026, 11, 22)))
    assert changes(old, reviewed) == ["review every 4 → 2 weeks", "reviewed 2026-11-22"]


def test_summary_keeps_the_first_few_and_counts_the_rest():
    old = base()
    new = replace(
        old,
        name="Other",
        budget=replace(old.budget, weekly_hours=2, reserve_percent=5, max_active_channels=3),
    )
    assert summary(old, new, 2) == "weekly_hours 6 → 2; reserve_percent 10 → 5; 2 more"
    assert summary(old, old) == ""


@given(random_plans(checkins=True), random_plans(checkins=True))
def test_two_plans_differ_exactly_when_something_is_said(a, b):
    assert changes(a, a) == []
    assert (changes(a, b) == []) == (a == b)
