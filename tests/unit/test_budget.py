"""Budget arithmetic (P5): channel minutes, committed, capacity, formatting, summary."""

from __future__ import annotations

import pytest
from plan_factories import channel, plan

from socialtui.plan.budget import (
    BudgetSummary,
    capacity_minutes,
    channel_minutes,
    committed_minutes,
    format_hours,
    format_minutes,
    format_number,
    summarize,
)
from socialtui.plan.model import Budget


def test_channel_minutes_is_posts_times_minutes_plus_engagement():
    # 3 posts x 40 min + 60 min engagement = 180 min
    assert channel_minutes(channel(posts=3, minutes=40, engage=60)) == 180


def test_channel_minutes_with_fractional_posts():
    # 0.5 posts x 210 min + 15 = 120 min
    assert channel_minutes(channel(posts=0.5, minutes=210, engage=15)) == 120


def test_channel_minutes_engagement_only():
    assert channel_minutes(channel(posts=0, minutes=40, engage=25)) == 25


def test_channel_minutes_ignores_status():
    assert channel_minutes(channel(status="candidate", posts=2, minutes=10, engage=5)) == 25


def test_committed_counts_only_active_channels():
    p = plan(
        channels=(
            channel("a", status="active", posts=3, minutes=40, engage=60),  # 180
            channel("b", status="active", posts=1, minutes=30, engage=0),  # 30
            channel("c", status="candidate", posts=5, minutes=100, engage=100),
            channel("d", status="later", posts=5, minutes=100, engage=100),
            channel("e", status="dropped", posts=5, minutes=100, engage=100),
        )
    )
    assert committed_minutes(p) == 210


def test_committed_of_empty_plan_is_zero():
    assert committed_minutes(plan()) == 0


@pytest.mark.parametrize(
    ("hours", "reserve", "expected"),
    [
        (5, 10, 270),  # 5 h x 60 x 0.9
        (10, 0, 600),  # no reserve
        (8, 25, 360),  # 480 x 0.75
        (6, 90, 36),  # the largest reserve: 360 x 0.1
        (7.5, 20, 360),  # 450 x 0.8
    ],
)
def test_capacity_holds_back_the_reserve(hours, reserve, expected):
    assert capacity_minutes(Budget(weekly_hours=hours, reserve_percent=reserve)) == pytest.approx(
        expected
    )


@pytest.mark.parametrize(
    ("hours", "reserve", "expected"),
    [(2, 80, 24), (1, 55, 27), (1.5, 30, 63), (2, 70, 36)],
)
def test_capacity_is_exact_for_whole_minutes(hours, reserve, expected):
    # Exact equality matters: committed == capacity must not count as over budget.
    assert capacity_minutes(Budget(weekly_hours=hours, reserve_percent=reserve)) == expected


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (450, "7h 30m"),
        (126, "2h 06m"),
        (45, "45m"),
        (0, "0m"),
        (60, "1h 00m"),
        (180, "3h 00m"),
        (59.6, "1h 00m"),  # rounds up into the next hour
        (44.4, "44m"),
        (125.6, "2h 06m"),
        (1500, "25h 00m"),
        (-126, "-2h 06m"),
        (-0.2, "0m"),  # rounds to zero: no minus sign
    ],
)
def test_format_minutes(minutes, text):
    assert format_minutes(minutes) == text


def test_format_hours():
    assert format_hours(5.4) == "5h 24m"


@pytest.mark.parametrize(("value", "text"), [(3.0, "3"), (0.5, "0.5"), (2.25, "2.25"), (10, "10")])
def test_format_number(value, text):
    assert format_number(value) == text


def test_summary_over():
    s = BudgetSummary(committed=300, capacity=270)
    assert s.over
    assert not s.near
    assert s.spare == -30
    assert s.percent == pytest.approx(100 * 300 / 270)


def test_summary_equal_is_near_not_over():
    s = BudgetSummary(committed=270, capacity=270)
    assert not s.over
    assert s.near
    assert s.spare == 0
    assert s.percent == 100


def test_summary_exactly_ninety_percent_is_not_near():
    s = BudgetSummary(committed=243, capacity=270)  # 0.9 x 270 = 243
    assert not s.over
    assert not s.near
    assert s.percent == pytest.approx(90)


@pytest.mark.parametrize(("committed", "capacity"), [(95.04, 105.6), (34.02, 37.8), (5.94, 6.6)])
def test_summary_exactly_ninety_percent_is_not_near_despite_float_noise(committed, capacity):
    assert not BudgetSummary(committed=committed, capacity=capacity).near


def test_summary_just_above_ninety_percent_is_near():
    assert BudgetSummary(committed=244, capacity=270).near


def test_summary_comfortable():
    s = BudgetSummary(committed=135, capacity=270)
    assert not s.over and not s.near
    assert s.percent == pytest.approx(50)
    assert s.spare == 135


def test_summary_percent_with_zero_capacity():
    assert BudgetSummary(committed=0, capacity=0).percent == 0
    assert BudgetSummary(committed=10, capacity=0).percent == float("inf")


def test_summarize_uses_plan():
    p = plan(channels=(channel(posts=3, minutes=40, engage=60),), hours=5, reserve=10)
    s = summarize(p)
    assert s.committed == 180
    assert s.capacity == 270
