"""Properties of the three-way merge of plans, on generated triples.

BASE is any plan of ``random_plans``; OURS and THEIRS are BASE after a few
edits each, made as operations on ids (set a field, set or drop a check-in's
hours for a channel, delete an item, add one after another, reorder an array).
The oracle for "the result holds both" replays OURS' operations, then THEIRS',
on BASE: no three-way logic of its own.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from merge_strategies import ARRAYS, ids, key_of, replay, side
from plan_factories import channel, checkin
from plan_strategies import random_plans

from socialtui.plan.merge import merge_plans
from socialtui.plan.model import Plan, week_key

PLAIN = Plan(name="Plain")

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def disjoint_triples(draw):
    base = draw(random_plans(checkins=True))
    ours, ours_ops, ours_regions = draw(side(base, "o"))
    theirs, theirs_ops, _ = draw(side(base, "t", tuple(ours_regions)))
    return base, (ours, ours_ops), (theirs, theirs_ops)


@st.composite
def any_triples(draw):
    base = draw(random_plans(checkins=True))
    ours = draw(side(base, "o"))[0]
    theirs = draw(side(base, "t"))[0]
    return base, ours, theirs


def by_id(plan: Plan) -> dict:
    """The plan's data with every array as a dict by identity: order left out."""
    data = {name: getattr(plan, name) for name in ("name", "schema", "purpose", "budget", "review")}
    for array in ARRAYS:
        data[array] = {key_of(i): i for i in getattr(plan, array)}
    return data


def as_sets(value: Any) -> Any:
    """``value`` with every list of ids sorted: they are sets."""
    if hasattr(value, "__dataclass_fields__"):
        return type(value)(**{k: as_sets(getattr(value, k)) for k in value.__dataclass_fields__})
    if isinstance(value, tuple) and all(isinstance(v, str) for v in value):
        return tuple(sorted(value))
    if isinstance(value, tuple):
        return tuple(as_sets(v) for v in value)
    return value


# -- the properties -------------------------------------------------------------------------


@settings(FAST, max_examples=100)
@given(random_plans(checkins=True))
def test_merging_a_plan_with_itself_is_identity(plan):
    result = merge_plans(plan, plan, plan)
    assert result.clean and result.ours == plan


@FAST
@given(any_triples())
def test_a_side_that_changed_nothing_gives_the_other_side(triple):
    base, ours, theirs = triple
    assert merge_plans(base, ours, base).ours == ours
    assert merge_plans(base, base, theirs).ours == theirs
    assert merge_plans(base, theirs, theirs).ours == theirs


@FAST
@given(disjoint_triples())
def test_disjoint_edits_merge_clean_and_the_result_holds_both(triple):
    base, (ours, ours_ops), (theirs, theirs_ops) = triple
    result = merge_plans(base, ours, theirs)
    assert result.clean, [c.describe() for c in result.conflicts]
    expected = replay(replay(base, ours_ops, ordered=False), theirs_ops, ordered=False)
    assert by_id(result.ours) == by_id(expected)

    reordered = {
        name: {op[1] for op in ops if op[0] == "order"}
        for name, ops in (("ours", ours_ops), ("theirs", theirs_ops))
    }
    for array in ARRAYS:
        merged = ids(getattr(result.ours, array))
        for mine, other in (("ours", "theirs"), ("theirs", "ours")):
            if array in reordered[other]:
                continue  # the other side's order wins; this side added nothing here
            seen = ids(getattr(ours if mine == "ours" else theirs, array))
            assert [k for k in merged if k in seen] == [k for k in seen if k in merged], array
    weeks = [week_key(w) for w in ids(result.ours.checkins)]
    assert weeks == sorted(weeks)


@FAST
@given(any_triples())
def test_swapping_ours_and_theirs_gives_the_same_data_on_clean_merges(triple):
    base, ours, theirs = triple
    one, other = merge_plans(base, ours, theirs), merge_plans(base, theirs, ours)
    assert one.clean == other.clean
    if one.clean:
        assert as_sets(one.ours) == as_sets(other.ours)
    else:
        assert {c.where for c in one.conflicts} == {c.where for c in other.conflicts}
        assert as_sets(one.ours) == as_sets(other.theirs)


id_lists = st.lists(st.sampled_from(["a", "b", "c", "d", "e", "f"]), unique=True, max_size=5)


@FAST
@given(id_lists, id_lists, id_lists)
def test_a_list_of_ids_merges_as_a_set(base_goals, ours_goals, theirs_goals):
    """What either side added is in; what either side removed is out; what both kept stays."""
    base, ours, theirs = (
        replace(PLAIN, channels=(channel("ig", goals=tuple(g)),))
        for g in (base_goals, ours_goals, theirs_goals)
    )
    result = merge_plans(base, ours, theirs)
    assert result.clean
    merged = set(result.ours.channel("ig").goals)
    b, o, t = set(base_goals), set(ours_goals), set(theirs_goals)
    assert (o - b) | (t - b) <= merged
    assert not merged & ((b - o) | (b - t))
    assert (o & t) <= merged
    assert merged <= o | t


week_numbers = st.sets(st.integers(1, 52), max_size=8)


@FAST
@given(week_numbers, week_numbers, week_numbers, week_numbers, week_numbers)
def test_check_ins_added_and_deleted_on_both_sides_are_all_there_in_week_order(
    base_weeks, ours_added, theirs_added, ours_deleted, theirs_deleted
):
    def weeks(numbers):
        return tuple(checkin(f"2026-W{n:02d}", hours={"c0": 1.0}) for n in sorted(numbers))

    b = base_weeks
    o, t = (b - ours_deleted) | ours_added, (b - theirs_deleted) | theirs_added
    base, ours, theirs = (replace(PLAIN, checkins=weeks(w)) for w in (b, o, t))
    result = merge_plans(base, ours, theirs)
    assert result.clean
    expected = (b & o & t) | ((o | t) - b)  # a week both kept, or one either side added
    assert [c.week for c in result.ours.checkins] == [f"2026-W{n:02d}" for n in sorted(expected)]
