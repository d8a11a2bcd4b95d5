"""The week (socialtui.plan.week): cadence, spreading, one ISO week day by day, the
day's timetable, review dates. Expected values are worked out by hand from the
rules in docs/plan-format.md ("The week"); the properties hold for any plan."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from plan_factories import channel, plan

from socialtui.plan.budget import committed_minutes
from socialtui.plan.model import Review, iso_week
from socialtui.plan.week import (
    Cadence,
    blocks,
    cadence,
    day_loads,
    first_on_or_after,
    is_review_day,
    next_review,
    spread,
    week_number,
    week_of,
)

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MON_FRI = (0, 1, 2, 3, 4)


def with_budget(p, **changes):
    return replace(p, budget=replace(p.budget, **changes))


def with_days(c, *days):
    return replace(c, days=tuple(days))


# --- cadence -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("posts", "weekly", "every"),
    [
        (3, 3, 0),
        (0, 0, 0),
        (0.5, 0, 2),
        (0.25, 0, 4),
        (1.5, 1, 2),
        (2.25, 2, 4),
        (1 / 3, 0, 3),
        (0.33, 0, 3),
        (0.3, 0, 3),  # 3.33 weeks apart: every 3 weeks, 0.33 a week
        (0.75, 1, 0),  # 1.33 weeks apart: every week
        (0.6, 0, 2),  # 1.67 weeks apart: every other week
        (0.02, 0, 50),
        (0.01, 0, 0),  # once in 100 weeks: rarer than once a year is none
        (2.9999999999999996, 3, 0),
    ],
)
def test_cadence(posts, weekly, every):
    assert cadence(posts) == Cadence(weekly, every)


def test_cadence_slots_and_words():
    assert (Cadence(3).slots, Cadence(0, 2).slots, Cadence(1, 2).slots) == (3, 1, 2)
    assert Cadence(3).describe() == "3 posts a week"
    assert Cadence(1).describe() == "1 post a week"
    assert Cadence(0, 4).describe() == "1 post every 4 weeks"
    assert Cadence(2, 2).describe() == "2 posts a week and 1 more every 2 weeks"


def test_weeks_are_counted_from_1970_w01():
    assert week_number(date(1969, 12, 29)) == 0  # Monday of 1970-W01
    assert week_number(date(1970, 1, 4)) == 0  # its Sunday
    assert week_number(date(1970, 1, 5)) == 1
    assert week_number(date(1970, 1, 19)) == 3
    assert week_number(date(1969, 12, 28)) == -1


# --- spreading ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "days", "expected"),
    [
        (1, MON_FRI, (2,)),  # Wed
        (2, MON_FRI, (1, 3)),  # Tue, Thu
        (3, MON_FRI, (0, 2, 4)),  # Mon, Wed, Fri
        (4, MON_FRI, (0, 1, 3, 4)),
        (5, MON_FRI, MON_FRI),
        (7, MON_FRI, (0, 1, 1, 2, 3, 3, 4)),
        (3, (1,), (1, 1, 1)),
        (2, (1, 3, 5), (1, 5)),  # Tue, Sat of Tue/Thu/Sat
        (3, tuple(range(7)), (1, 3, 5)),
        (0, MON_FRI, ()),
    ],
)
def test_spread(count, days, expected):
    assert spread(count, days) == expected


# --- one week ----------------------------------------------------------------------


def bakery():
    """Mon-Fri, limit 60. Instagram 3 x 40 + 50 engagement (10 a day); the newsletter
    0.5 x 150 + 10 engagement (2 a day), every other week on Wednesday."""
    p = plan(
        channels=(
            channel("ig", name="Instagram", posts=3, minutes=40, engage=50),
            channel("news", name="Newsletter", posts=0.5, minutes=150, engage=10),
            channel("tt", name="TikTok", status="candidate", posts=5, minutes=60, engage=60),
        )
    )
    return with_budget(p, max_minutes_per_day=60)


def test_a_week_in_which_the_every_other_week_post_falls():
    week = week_of(bakery(), "1970-W01")  # week 0
    assert week.days[0].date == date(1969, 12, 29)
    by_day = {d.name: d for d in week.days}
    assert [d.minutes for d in week.days] == [52, 12, 202, 12, 52, 0, 0]
    wednesday = by_day["Wednesday"]
    assert [(c.channel, c.posts, c.post_minutes, c.engage_minutes) for c in wednesday.channels] == [
        ("ig", 1, 40, 10),
        ("news", 1, 150, 2),
    ]
    assert wednesday.over and not by_day["Monday"].over
    assert [d.name for d in week.over] == ["Wednesday"]
    assert [d.work_day for d in week.days] == [True] * 5 + [False] * 2
    assert by_day["Saturday"].channels == ()
    assert week.minutes == 330  # 3 x 40 + 50 + 150 + 10
    assert [d.checkin for d in week.days] == [False] * 4 + [True, False, False]  # Friday


def test_a_week_without_it():
    week = week_of(bakery(), "1970-W02")  # week 1: odd
    assert [d.minutes for d in week.days] == [52, 12, 52, 12, 52, 0, 0]
    assert week.minutes == 180
    assert week.over == ()


def test_the_heaviest_and_the_lightest_week_per_day():
    assert day_loads(bakery()) == (52, 12, 202, 12, 52, 0, 0)
    assert day_loads(bakery(), None) == (52, 12, 52, 12, 52, 0, 0)


def test_a_channel_s_own_days_and_the_plan_s_days():
    p = bakery()
    ig = with_days(p.channels[0], "sat", "tue", "thu")  # written out of order
    p = with_budget(p.with_channel(ig), days=("tue", "thu", "sat", "sun"))
    week = week_of(p, "1970-W02")
    posts = {d.name: sum(c.posts for c in d.channels) for d in week.days}
    assert posts == {
        "Monday": 0,
        "Tuesday": 1,
        "Wednesday": 0,
        "Thursday": 1,
        "Friday": 0,
        "Saturday": 1,
        "Sunday": 0,
    }
    # Engagement on the plan's four days: 50 / 4 = 12.5 + 10 / 4 = 2.5 a day.
    assert [d.minutes for d in week.days] == [0, 55, 0, 55, 0, 55, 15]
    # The newsletter's one slot over Tue/Thu/Sat/Sun: (2 x 0 + 1) x 4 // 2 = 2 -> Saturday.
    heavy = week_of(p, "1970-W01")
    saturday = heavy.days[5]
    assert [(c.channel, c.posts) for c in saturday.channels] == [("ig", 1), ("news", 1)]


def test_a_bad_week_is_an_error():
    with pytest.raises(ValueError):
        week_of(bakery(), "2027-W53")


# --- the day's timetable --------------------------------------------------------------


def test_a_day_s_blocks_follow_one_another_from_the_start():
    p = with_budget(bakery(), start="08:30")
    timetable = [(b.kind, b.day, b.start, b.minutes) for b in blocks(p, review_day=4)]
    assert timetable == [
        ("post", 0, 510, 40),
        ("post", 2, 510, 40),
        ("post", 2, 550, 150),  # the newsletter after Instagram, every other week
        ("post", 4, 510, 40),
        ("checkin", 4, 550, 15),
        ("review", 4, 565, 60),
    ]
    assert [b.posting.channel for b in blocks(p) if b.posting] == ["ig", "ig", "news", "ig"]


def test_weekly_posts_come_before_every_n_weeks_ones_on_a_day():
    p = plan(
        channels=(
            with_days(channel("news", posts=0.5, minutes=100, engage=0), "wed"),
            with_days(channel("ig", posts=1, minutes=30, engage=0), "wed"),
        )
    )
    wednesday = [(b.posting.channel, b.start) for b in blocks(p) if b.day == 2]
    assert wednesday == [("ig", 540), ("news", 570)]


# --- review and first dates -----------------------------------------------------------


def test_reviews_follow_the_last_one():
    review = Review(every_weeks=4, last=date(2026, 11, 22))
    assert next_review(review, date(2026, 11, 23)) == date(2026, 12, 20)
    assert next_review(review, date(2026, 12, 20)) == date(2026, 12, 20)
    assert next_review(review, date(2027, 1, 2)) == date(2027, 1, 17)  # overdue: the next
    assert is_review_day(review, date(2026, 12, 20))
    assert not is_review_day(review, date(2026, 11, 22))  # the last review itself
    assert not is_review_day(review, date(2026, 12, 13))


def test_without_a_last_review_the_check_in_day_of_every_nth_week():
    review = Review(every_weeks=2, checkin_day="thu")
    # 1970-01-01 is the Thursday of week 0; week 2's is 1970-01-15.
    assert next_review(review, date(1969, 12, 29)) == date(1970, 1, 1)
    assert next_review(review, date(1970, 1, 2)) == date(1970, 1, 15)
    assert is_review_day(review, date(1970, 1, 15))
    assert not is_review_day(review, date(1970, 1, 8))


def test_first_on_or_after():
    tuesday = date(1970, 1, 6)  # week 1
    assert first_on_or_after(tuesday, 1) == tuesday
    assert first_on_or_after(tuesday, 0) == date(1970, 1, 12)
    assert first_on_or_after(tuesday, 1, 2) == date(1970, 1, 13)  # week 2
    assert first_on_or_after(tuesday, 1, 4) == date(1970, 1, 27)  # week 4


# --- properties -----------------------------------------------------------------------

days_lists = st.lists(st.sampled_from(DAYS), min_size=1, max_size=7, unique=True)


@st.composite
def week_plans(draw, exact: bool = True):
    """Active channels with whole posts plus, sometimes, one every N weeks (N 2-6), some
    with days of their own, over any plan days; a candidate that must not count."""
    channels = []
    for i in range(draw(st.integers(1, 4))):
        whole = draw(st.integers(0, 9))
        every = draw(st.sampled_from([0, 2, 3, 4, 5, 6]))
        c = channel(
            f"c{i}",
            posts=whole + (1 / every if every else 0),
            minutes=draw(st.sampled_from([0, 5, 12.5, 40, 90])),
            engage=draw(st.sampled_from([0, 7, 30, 60.5])),
        )
        if draw(st.booleans()):
            c = with_days(c, *draw(days_lists))
        channels.append(c)
    channels.append(channel("idle", status="later", posts=7, minutes=100, engage=100))
    p = plan(channels=tuple(channels))
    return with_budget(p, days=tuple(draw(days_lists)))


def weeks_from(start: date, count: int) -> list[str]:
    return [iso_week(start + timedelta(weeks=n)) for n in range(count)]


@settings(max_examples=40, deadline=None)
@given(week_plans(), st.dates(date(2020, 1, 1), date(2035, 12, 31)))
def test_a_run_of_weeks_adds_up_to_the_committed_minutes(p, start):
    everies = [cadence(c.posts_per_week).every or 1 for c in p.active_channels]
    run = math.lcm(*everies) * 2  # whole cycles of every every-N-weeks post
    total = sum(week_of(p, w).minutes for w in weeks_from(start, run))
    # Each day's minutes are rounded to 6 decimals (7 / 3 a day -> 2.333333).
    rounding = 1e-6 * run * 7 * len(p.active_channels)
    assert total == pytest.approx(committed_minutes(p) * run, rel=1e-9, abs=rounding)


@settings(max_examples=40, deadline=None)
@given(week_plans(), st.dates(date(2020, 1, 1), date(2035, 12, 31)))
def test_work_falls_only_where_it_may(p, start):
    plan_days = {DAYS.index(d) for d in p.budget.days}
    own = {c.id: {DAYS.index(d) for d in c.days} for c in p.active_channels}
    for w in weeks_from(start, 6):
        for day in week_of(p, w).days:
            for work in day.channels:
                assert work.channel != "idle"
                if day.day not in plan_days:
                    assert work.engage_minutes == 0  # no spread work off the plan's days
                    assert own[work.channel], "a channel without days stays on the plan's days"
                if work.posts and own[work.channel]:
                    assert day.day in own[work.channel]  # its days are honoured
                if not own[work.channel]:
                    assert day.day in plan_days


@settings(max_examples=40, deadline=None)
@given(week_plans(), st.dates(date(2020, 1, 1), date(2035, 12, 31)))
def test_each_channel_posts_its_cadence(p, start):
    run = 60  # a multiple of every N from 2 to 6
    posts: dict[str, int] = {}
    for w in weeks_from(start, run):
        for day in week_of(p, w).days:
            for work in day.channels:
                posts[work.channel] = posts.get(work.channel, 0) + work.posts
    for c in p.active_channels:
        assert posts.get(c.id, 0) == round(c.posts_per_week * run)


@settings(max_examples=60, deadline=None)
@given(
    st.dates(date(1960, 1, 1), date(2100, 1, 1)),
    st.integers(0, 6),
    st.integers(1, 52),
)
def test_first_on_or_after_is_the_first(day, weekday, every):
    first = first_on_or_after(day, weekday, every)
    assert day <= first < day + timedelta(weeks=every)
    assert first.weekday() == weekday
    assert week_number(first) % every == 0


@settings(max_examples=60, deadline=None)
@given(
    st.dates(date(2000, 1, 1), date(2040, 1, 1)),
    st.one_of(st.none(), st.dates(date(2000, 1, 1), date(2040, 1, 1))),
    st.integers(1, 52),
    st.sampled_from(DAYS),
)
def test_the_next_review_is_the_first_review_day(day, last, every, checkin):
    review = Review(every_weeks=every, last=last, checkin_day=checkin)
    found = next_review(review, day)
    assert found >= day and is_review_day(review, found)
    for n in range(0, (found - day).days, max(1, (found - day).days // 50)):
        assert not is_review_day(review, day + timedelta(days=n))
