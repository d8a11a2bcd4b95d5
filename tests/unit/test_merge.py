"""The three-way merge of plans by meaning (socialtui.plan.merge), case by case.

Each test builds BASE, OURS and THEIRS by hand and states the expected plan
literally: what a teammate would expect after merging.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from plan_factories import audience, channel, checkin, goal, plan

from socialtui.plan import model
from socialtui.plan.merge import MISSING, field_kinds, identity, item_arrays, merge_plans
from socialtui.plan.model import Audience, Budget, Channel, CheckIn, Goal, Plan

BASE = plan(
    goals=(goal("catering"), goal("regulars")),
    audiences=(audience("families", channels=("instagram", "facebook")),),
    channels=(
        channel("instagram", posts=3, goals=("regulars",)),
        channel("linkedin", status="candidate", posts=2, goals=("catering",)),
    ),
    checkins=(checkin("2026-W47", hours={"instagram": 3.5}),),
)


def with_channel(p: Plan, channel_id: str, **changes) -> Plan:
    return p.with_channel(replace(p.channel(channel_id), **changes))


def ids(items) -> list[str]:
    return [getattr(item, "id", None) or item.week for item in items]


# -- the easy cases ------------------------------------------------------------------------------


def test_a_plan_merged_with_itself_is_itself():
    result = merge_plans(BASE, BASE, BASE)
    assert result.clean and result.ours == BASE and result.theirs == BASE


def test_a_change_on_one_side_only_is_that_side():
    ours = replace(BASE, budget=Budget(weekly_hours=6))
    assert merge_plans(BASE, ours, BASE).ours == ours
    assert merge_plans(BASE, BASE, ours).ours == ours


def test_different_fields_changed_on_each_side_are_both_kept():
    ours = replace(BASE, budget=replace(BASE.budget, weekly_hours=6))
    theirs = with_channel(BASE, "instagram", posts_per_week=4)
    result = merge_plans(BASE, ours, theirs)
    assert result.clean
    assert result.ours.budget.weekly_hours == 6
    assert result.ours.channel("instagram").posts_per_week == 4
    assert result.ours.budget.reserve_percent == 10


def test_two_fields_of_one_channel_changed_on_each_side_are_both_kept():
    ours = with_channel(BASE, "instagram", posts_per_week=4)
    theirs = with_channel(BASE, "instagram", notes="Reels at 7am")
    merged = merge_plans(BASE, ours, theirs).ours.channel("instagram")
    assert (merged.posts_per_week, merged.notes) == (4, "Reels at 7am")


def test_the_same_change_on_both_sides_is_no_conflict():
    ours = replace(BASE, budget=replace(BASE.budget, weekly_hours=6))
    result = merge_plans(BASE, ours, ours)
    assert result.clean and result.ours.budget.weekly_hours == 6


# -- conflicts -----------------------------------------------------------------------------------


def test_one_value_changed_differently_on_each_side_is_a_conflict_with_both_resolutions():
    ours = replace(BASE, budget=replace(BASE.budget, weekly_hours=6))
    theirs = replace(BASE, budget=replace(BASE.budget, weekly_hours=8))
    result = merge_plans(BASE, ours, theirs)
    assert not result.clean
    (conflict,) = result.conflicts
    assert (conflict.where, conflict.base, conflict.ours, conflict.theirs) == (
        "budget.weekly_hours",
        5,
        6,
        8,
    )
    assert conflict.describe() == "budget.weekly_hours: ours 6, theirs 8 (was 5)"
    assert result.ours.budget.weekly_hours == 6
    assert result.theirs.budget.weekly_hours == 8


def test_a_conflict_inside_an_item_names_the_item():
    ours = with_channel(BASE, "instagram", posts_per_week=4)
    theirs = with_channel(BASE, "instagram", posts_per_week=5)
    (conflict,) = merge_plans(BASE, ours, theirs).conflicts
    assert conflict.where == "channels[instagram].posts_per_week"


def test_deleted_on_one_side_and_untouched_on_the_other_goes():
    ours = replace(BASE, channels=BASE.channels[:1])  # linkedin deleted
    theirs = with_channel(BASE, "instagram", posts_per_week=4)
    result = merge_plans(BASE, ours, theirs)
    assert result.clean
    assert ids(result.ours.channels) == ["instagram"]
    assert result.ours.channel("instagram").posts_per_week == 4


def test_deleted_on_one_side_and_changed_on_the_other_is_a_conflict():
    ours = replace(BASE, channels=BASE.channels[:1])
    theirs = with_channel(BASE, "linkedin", posts_per_week=1)
    result = merge_plans(BASE, ours, theirs)
    (conflict,) = result.conflicts
    assert conflict.where == "channels[linkedin]"
    assert conflict.ours is MISSING
    assert conflict.describe() == "channels[linkedin]: ours deleted it, theirs changed it"
    assert ids(result.ours.channels) == ["instagram"]
    assert ids(result.theirs.channels) == ["instagram", "linkedin"]
    assert result.theirs.channel("linkedin").posts_per_week == 1


# -- check-ins ------------------------------------------------------------------------------------


def test_check_ins_for_different_weeks_on_each_side_are_all_kept_in_week_order():
    ours = BASE.with_checkin(checkin("2026-W49", hours={"instagram": 2}))
    theirs = BASE.with_checkin(checkin("2026-W48", hours={"instagram": 3}))
    result = merge_plans(BASE, ours, theirs)
    assert result.clean
    assert [c.week for c in result.ours.checkins] == ["2026-W47", "2026-W48", "2026-W49"]
    assert result.ours.checkin("2026-W48").hours == {"instagram": 3}


def test_one_week_recorded_on_both_sides_merges_channel_by_channel():
    ours = BASE.with_checkin(checkin("2026-W48", hours={"instagram": 2}))
    theirs = BASE.with_checkin(checkin("2026-W48", hours={"linkedin": 1}, metrics={"g": 4}))
    result = merge_plans(BASE, ours, theirs)
    assert result.clean
    week = result.ours.checkin("2026-W48")
    assert (week.hours, week.metrics) == ({"instagram": 2, "linkedin": 1}, {"g": 4})


def test_one_week_with_different_hours_for_one_channel_is_a_conflict_there():
    ours = BASE.with_checkin(checkin("2026-W48", hours={"instagram": 2}))
    theirs = BASE.with_checkin(checkin("2026-W48", hours={"instagram": 2.5}))
    (conflict,) = merge_plans(BASE, ours, theirs).conflicts
    assert conflict.where == "checkins[2026-W48].hours.instagram"
    assert conflict.describe() == "checkins[2026-W48].hours.instagram: ours 2, theirs 2.5"


def test_a_key_removed_on_one_side_of_a_map_goes():
    base = BASE.with_checkin(checkin("2026-W48", hours={"instagram": 2, "linkedin": 1}))
    ours = base.with_checkin(checkin("2026-W48", hours={"instagram": 2}))
    theirs = base.with_checkin(checkin("2026-W48", hours={"instagram": 2, "linkedin": 1, "x": 1}))
    merged = merge_plans(base, ours, theirs).ours.checkin("2026-W48")
    assert merged.hours == {"instagram": 2, "x": 1}


# -- order ----------------------------------------------------------------------------------------


def test_a_reorder_on_one_side_wins_with_the_other_sides_edits():
    ours = replace(BASE, goals=BASE.goals[::-1])
    theirs = BASE.with_goal(replace(BASE.goal("catering"), target=50))
    result = merge_plans(BASE, ours, theirs)
    assert result.clean
    assert ids(result.ours.goals) == ["regulars", "catering"]
    assert result.ours.goal("catering").target == 50


def test_the_same_reorder_on_both_sides_is_no_conflict():
    ours = replace(BASE, goals=BASE.goals[::-1])
    assert merge_plans(BASE, ours, ours).clean


def test_different_reorders_on_both_sides_are_a_conflict():
    base = replace(BASE, goals=(goal("a"), goal("b"), goal("c")))
    ours = replace(base, goals=(goal("c"), goal("a"), goal("b")))
    theirs = replace(base, goals=(goal("b"), goal("a"), goal("c")))
    result = merge_plans(base, ours, theirs)
    (conflict,) = result.conflicts
    assert conflict.where == "goals" and conflict.how == "order"
    assert ids(result.ours.goals) == ["c", "a", "b"]
    assert ids(result.theirs.goals) == ["b", "a", "c"]


def test_new_items_go_after_the_item_they_follow_on_their_side():
    base = replace(BASE, goals=(goal("a"), goal("b"), goal("c")))
    ours = replace(base, goals=(goal("a"), goal("x"), goal("b"), goal("c")))
    theirs = replace(base, goals=(goal("a"), goal("b"), goal("c"), goal("y")))
    assert ids(merge_plans(base, ours, theirs).ours.goals) == ["a", "x", "b", "c", "y"]


def test_two_sides_adding_at_the_same_place_go_in_id_order_whichever_is_ours():
    base = replace(BASE, channels=(channel("a"),))
    one = replace(base, channels=(channel("a"), channel("zz"), channel("yy")))
    other = replace(base, channels=(channel("a"), channel("mm")))
    assert ids(merge_plans(base, one, other).ours.channels) == ["a", "mm", "zz", "yy"]
    assert ids(merge_plans(base, other, one).ours.channels) == ["a", "mm", "zz", "yy"]


def test_a_new_item_survives_the_deletion_of_the_item_it_followed():
    base = replace(BASE, goals=(goal("a"), goal("b"), goal("c")))
    ours = replace(base, goals=(goal("a"), goal("c")))
    theirs = replace(base, goals=(goal("a"), goal("b"), goal("x"), goal("c")))
    assert ids(merge_plans(base, ours, theirs).ours.goals) == ["a", "x", "c"]


# -- lists of ids are sets ------------------------------------------------------------------------


def test_a_channels_goals_merge_as_a_set():
    ours = with_channel(BASE, "instagram", goals=("regulars", "catering"))
    theirs = with_channel(BASE, "instagram", goals=("launch",))  # regulars removed
    result = merge_plans(BASE, ours, theirs)
    assert result.clean
    assert result.ours.channel("instagram").goals == ("catering", "launch")


def test_an_audiences_channels_merge_as_a_set_both_ways():
    ours = BASE.with_audience(replace(BASE.audiences[0], channels=("instagram", "facebook", "x")))
    theirs = BASE.with_audience(replace(BASE.audiences[0], channels=("facebook", "y")))
    one = merge_plans(BASE, ours, theirs).ours.audiences[0].channels
    other = merge_plans(BASE, theirs, ours).ours.audiences[0].channels
    assert sorted(one) == sorted(other) == ["facebook", "x", "y"]


# -- no common ancestor ---------------------------------------------------------------------


def test_without_a_base_equal_plans_merge_and_differences_conflict():
    assert merge_plans(None, BASE, BASE).ours == BASE
    other = replace(BASE, name="Another name", checkins=())
    result = merge_plans(None, BASE, other)
    assert [c.where for c in result.conflicts] == ["name"]
    assert result.conflicts[0].describe() == "name: ours 'Test plan', theirs 'Another name'"
    # With nothing to say a check-in was deleted, the one OURS has is kept.
    assert [c.week for c in result.ours.checkins] == ["2026-W47"]


# -- new arrays and fields merge without new code ------------------------------------------------


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    weekly_hours: float = 0


@dataclass(frozen=True, slots=True)
class Shift:
    id: str
    owner: str = ""
    days: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TeamPlan:
    name: str
    people: tuple[Person, ...] = ()
    shifts: tuple[Shift, ...] = ()


def test_the_rules_come_from_the_models_type_hints():
    assert item_arrays(Plan) == {
        "goals": (Goal, "id"),
        "audiences": (Audience, "id"),
        "channels": (Channel, "id"),
        "checkins": (CheckIn, "week"),
        "people": (model.Person, "id"),
    }
    assert identity(Person) == "id"
    assert {name: kind.how for name, kind in field_kinds(Shift).items()} == {
        "id": "value",
        "owner": "value",
        "days": "ids",
    }


def test_a_people_array_and_new_channel_fields_merge_like_the_rest():
    base = TeamPlan(
        "t",
        people=(Person("ana", "Ana", 3), Person("bo", "Bo", 2)),
        shifts=(Shift("s1", "ana", ("mon",)),),
    )
    ours = replace(
        base,
        people=(Person("ana", "Ana", 4), Person("bo", "Bo", 2), Person("cy", "Cy", 1)),
        shifts=(Shift("s1", "ana", ("mon", "tue")),),
    )
    theirs = replace(
        base,
        people=(Person("ana", "Ana R.", 3), Person("bo", "Bo", 2)),
        shifts=(Shift("s1", "bo", ("mon", "fri")),),
    )
    result = merge_plans(base, ours, theirs)
    assert result.clean
    assert result.ours == TeamPlan(
        "t",
        people=(Person("ana", "Ana R.", 4), Person("bo", "Bo", 2), Person("cy", "Cy", 1)),
        shifts=(Shift("s1", "bo", ("mon", "tue", "fri")),),
    )
    clash = replace(base, people=(Person("ana", "Ana", 5), Person("bo", "Bo", 2)))
    (conflict,) = merge_plans(base, ours, clash).conflicts
    assert conflict.where == "people[ana].weekly_hours"
