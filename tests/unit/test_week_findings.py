"""Findings on the week: cadence-days-mismatch, day-over-limit, off-day. One test that
each fires with its numbers and fix, one that it stays quiet at its boundary; every
expected number is worked out by hand from docs/plan-format.md ("The week")."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from plan_factories import channel, healthy_plan, plan

from socialtui.plan.edits import Edit, apply_edits
from socialtui.plan.findings import Finding, check

TODAY = date(2026, 3, 4)


def only(p, id: str) -> list[Finding]:
    return [f for f in check(p, TODAY) if f.id == id]


def one(p, id: str) -> Finding:
    found = only(p, id)
    assert len(found) == 1, found
    return found[0]


def days(c, *names):
    return replace(c, days=tuple(names))


def budget(p, **changes):
    return replace(p, budget=replace(p.budget, **changes))


def ig(posts: float = 3, *on: str, status: str = "active"):
    """Instagram: 40 minutes a post, 50 minutes' engagement (10 a day over Mon-Fri)."""
    return days(
        channel("ig", name="Instagram", status=status, posts=posts, minutes=40, engage=50), *on
    )


def test_a_healthy_plan_raises_none_of_them():
    p = budget(healthy_plan(), max_minutes_per_day=60)  # 2 x 30 over Tue, Thu + 12 a day
    assert [f.id for f in check(p, TODAY)] == []


# --- cadence-days-mismatch --------------------------------------------------------------


def test_more_days_than_posts():
    p = plan(channels=(ig(2, "tue", "thu", "sat"),))
    f = one(p, "cadence-days-mismatch")
    assert (f.severity, f.principle, f.subject) == ("warning", "P5", "channel:ig")
    assert f.message == "'Instagram': 2 posts a week on 3 posting days (Tue, Thu and Sat)"
    # Two slots over Tue, Thu, Sat: (0 + 1) x 3 // 4 = 0 -> Tue, (2 + 1) x 3 // 4 = 2 -> Sat.
    assert f.fix.label == "Post on Tue and Sat only"
    assert f.fix.edits == (Edit("channel", "ig", "days", ("tue", "thu", "sat"), ("tue", "sat")),)
    assert only(apply_edits(p, f.fix.edits), "cadence-days-mismatch") == []


def test_fewer_days_than_posts_adds_the_least_loaded_days():
    # Tue carries 3 x 40; Mon, Wed, Thu, Fri 10 each: the first two of them by weekday.
    p = plan(channels=(ig(3, "tue"),))
    f = one(p, "cadence-days-mismatch")
    assert f.message == "'Instagram': 3 posts a week on 1 posting days (Tue)"
    assert f.fix.label == "Post on Mon and Wed too"
    assert f.fix.edits == (Edit("channel", "ig", "days", ("tue",), ("mon", "tue", "wed")),)
    assert only(apply_edits(p, f.fix.edits), "cadence-days-mismatch") == []


def test_fewer_days_than_posts_and_no_free_day():
    p = budget(plan(channels=(ig(3, "tue"),)), days=("tue",))
    f = one(p, "cadence-days-mismatch")
    assert f.fix.label == "Give it 3 posting days, or post less often"
    assert f.fix.edits == ()


@pytest.mark.parametrize(
    ("posts", "on"),
    [(0.5, ("tue",)), (1.5, ("mon", "thu")), (3, ("mon", "wed", "fri")), (0.33, ())],
)
def test_days_that_match_the_cadence(posts, on):
    assert only(plan(channels=(ig(posts, *on),)), "cadence-days-mismatch") == []


def test_fractions_count_as_a_day():
    f = one(plan(channels=(ig(1.5, "mon"),)), "cadence-days-mismatch")
    assert f.message == (
        "'Instagram': 1 post a week and 1 more every 2 weeks on 1 posting days (Mon)"
    )


def test_a_fraction_no_whole_number_of_weeks_apart():
    f = one(plan(channels=(ig(0.3),)), "cadence-days-mismatch")
    assert f.message == (
        "'Instagram': 0.3 posts a week is not a post every whole number of weeks; "
        "the week and the calendar lay out 1 post every 3 weeks"
    )
    assert f.fix.label == "Plan 1 post every 3 weeks"
    assert f.fix.edits == (Edit("channel", "ig", "posts_per_week", 0.3, 0.33),)
    fixed = apply_edits(plan(channels=(ig(0.3),)), f.fix.edits)
    assert only(fixed, "cadence-days-mismatch") == []
    edit = one(plan(channels=(ig(2.3),)), "cadence-days-mismatch").fix.edits[0]
    assert edit.new == 2.33


def test_a_candidate_is_not_checked():
    p = plan(channels=(ig(2, "tue", "thu", "sat", status="candidate"),))
    assert only(p, "cadence-days-mismatch") == []


# --- day-over-limit ------------------------------------------------------------------------


def bakery(limit: float | None = 60):
    """Instagram 3 x 40 on Mon, Wed, Fri + 10 a day; the newsletter 0.5 x 150 on
    Wednesday, every other week, + 2 a day. Heaviest week: 52, 12, 202, 12, 52."""
    news = channel("news", name="Newsletter", posts=0.5, minutes=150, engage=10)
    return budget(plan(channels=(ig(3), news)), max_minutes_per_day=limit)


def test_a_day_over_the_limit_in_some_weeks():
    f = one(bakery(), "day-over-limit")
    assert (f.severity, f.principle, f.subject) == ("warning", "P5", "budget")
    assert f.message == "Wednesday: 202m planned in the weeks every post falls, limit 60m"
    # Least loaded: Tue (12). Instagram's 40 fits there (52); the newsletter's 150 would not.
    assert f.fix.label == (
        "Move 'Instagram' from Wednesday to Tuesday (1 post, 40m); "
        "its posting days become Mon, Tue and Fri"
    )
    assert f.fix.edits == (Edit("channel", "ig", "days", (), ("mon", "tue", "fri")),)


def test_a_day_over_the_limit_every_week():
    found = only(bakery(limit=45), "day-over-limit")  # Mon 52, Wed 202, Fri 52
    assert [x.message for x in found] == [
        "Monday: 52m planned, limit 45m",
        "Wednesday: 202m planned, limit 45m",
        "Friday: 52m planned, limit 45m",
    ]
    # Monday's 40 to Tuesday (12) would make Tuesday 52: the overload only moves.
    assert found[0].fix.edits == ()
    assert found[0].fix.label == "Post less on Monday, or raise max_minutes_per_day if it is real"
    # Wednesday: nothing fits within 45 on Tuesday; Instagram's 40 or the newsletter's
    # 150 both leave 162 on one of the two days: the larger move wins the tie.
    assert found[1].fix.label == (
        "Move 'Newsletter' from Wednesday to Tuesday (1 post, 150m); its posting days become Tue"
    )


def test_the_largest_move_that_fits():
    # Tuesday: Instagram 40 + 10 engagement + Facebook 30 = 80 over 60; Monday has 10.
    fb = days(channel("fb", name="Facebook", posts=1, minutes=30, engage=0), "tue")
    p = budget(plan(channels=(ig(1, "tue"), fb)), max_minutes_per_day=60)
    f = one(p, "day-over-limit")
    assert f.message == "Tuesday: 80m planned, limit 60m"
    assert f.fix.label == "Move 'Instagram' from Tuesday to Monday (1 post, 40m)"
    assert f.fix.edits == (Edit("channel", "ig", "days", ("tue",), ("mon",)),)
    assert only(apply_edits(p, f.fix.edits), "day-over-limit") == []


def test_at_the_limit_or_without_one_nothing():
    assert only(bakery(limit=202), "day-over-limit") == []
    assert only(bakery(limit=None), "day-over-limit") == []


def test_nothing_to_move():
    # One channel posting every day of the plan: no day to move a post to.
    p = budget(plan(channels=(ig(1, "mon"),)), days=("mon",), max_minutes_per_day=30)
    f = one(p, "day-over-limit")
    assert f.message == "Monday: 90m planned, limit 30m"
    assert f.fix.edits == ()
    assert f.fix.label == "Post less on Monday, or raise max_minutes_per_day if it is real"


# --- off-day -------------------------------------------------------------------------------


def test_a_post_outside_the_plan_s_days():
    p = plan(channels=(ig(3, "tue", "thu", "sat"),))
    f = one(p, "off-day")
    assert (f.severity, f.principle, f.subject) == ("info", "P5", "channel:ig")
    assert f.message == (
        "'Instagram' posts on Saturday, outside the plan's days (Mon, Tue, Wed, Thu and Fri)"
    )
    # Free days Mon, Wed, Fri carry 10 each: Monday, the first.
    assert f.fix.label == "Move 'Instagram' from Saturday to Monday"
    assert f.fix.edits == (
        Edit("channel", "ig", "days", ("tue", "thu", "sat"), ("mon", "tue", "thu")),
    )
    assert only(apply_edits(p, f.fix.edits), "off-day") == []


def test_no_post_falls_on_the_off_day():
    # 1 slot over Tue, Wed, Sun: (0 + 1) x 3 // 2 = 1 -> Wednesday.
    assert only(plan(channels=(ig(1, "tue", "wed", "sun"),)), "off-day") == []


def test_spread_posts_are_never_off():
    p = budget(plan(channels=(ig(7),)), days=("sat", "sun"))
    assert only(p, "off-day") == []


def test_no_free_day_to_move_to():
    p = budget(plan(channels=(ig(2, "mon", "sat"),)), days=("mon",))
    f = one(p, "off-day")
    assert f.message == "'Instagram' posts on Saturday, outside the plan's days (Mon)"
    assert f.fix.edits == ()
    assert f.fix.label == "Add Saturday to the plan's days (budget.days), or post less often"
