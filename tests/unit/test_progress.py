"""Goal progress: fraction, pace line, projection (P2, P8). Dates are worked out by hand.

Tracking starts on the Monday of the plan's first check-in week; a value is dated to
the Sunday that ends its week. In these plans the first week is 2026-W02 (Monday
2026-01-05) and the value sits in 2026-W05 (Sunday 2026-02-01): 27 days in.
"""

from __future__ import annotations

from datetime import date

import pytest
from plan_factories import checkin, goal, plan

from socialtui.plan.model import CheckIn
from socialtui.plan.progress import (
    expected_fraction,
    goal_progress,
    metric_series,
    tracking_start,
    week_end,
)

TODAY = date(2026, 2, 4)
START = date(2026, 1, 5)
DEADLINE = date(2026, 4, 15)  # 100 days after START


def progress_of(value, *, baseline=100, target=200, deadline=DEADLINE, today=TODAY):
    g = goal("g1", baseline=baseline, target=target, deadline=deadline)
    p = plan(
        goals=(g,),
        checkins=(
            checkin("2026-W02"),
            checkin("2026-W03"),
            checkin("2026-W04"),
            checkin("2026-W05", metrics={"g1": value}),
        ),
    )
    return goal_progress(p, g, today)


def test_week_end_is_the_sunday():
    assert week_end("2026-W05") == date(2026, 2, 1)
    assert week_end("2026-W01") == date(2026, 1, 4)  # W01 starts Monday 2025-12-29


def test_tracking_start_is_the_monday_of_the_first_checkin_week():
    p = plan(checkins=(checkin("2026-W05"), checkin("2026-W02"), checkin("bogus")))
    assert tracking_start(p) == START
    assert tracking_start(plan()) is None


def test_metric_series_oldest_first_skipping_weeks_without_the_metric():
    p = plan(
        checkins=(
            checkin("2026-W04", metrics={"g1": 130}),
            checkin("2026-W02", metrics={"g1": 110}),
            checkin("2026-W03", metrics={"other": 1}),
            checkin("nonsense", metrics={"g1": 999}),
        )
    )
    assert metric_series(p, "g1") == [("2026-W02", 110), ("2026-W04", 130)]


@pytest.mark.parametrize(
    ("when", "fraction"),
    [
        (START, 0.0),
        (date(2026, 2, 24), 0.5),  # 50 days in
        (DEADLINE, 1.0),
        (date(2026, 6, 1), 1.0),  # after the deadline: clamped
        (date(2025, 12, 1), 0.0),  # before the start: clamped
    ],
)
def test_expected_fraction(when, fraction):
    assert expected_fraction(START, DEADLINE, when) == pytest.approx(fraction)


def test_expected_fraction_with_deadline_not_after_start_is_one():
    assert expected_fraction(START, START, START) == 1.0
    assert expected_fraction(START, date(2026, 1, 1), START) == 1.0


def test_behind():
    pr = progress_of(110)
    assert pr.goal_id == "g1"
    assert (pr.baseline, pr.target, pr.latest, pr.latest_week) == (100, 200, 110, "2026-W05")
    assert pr.fraction == pytest.approx(0.10)
    assert pr.percent == pytest.approx(10)
    assert pr.expected == pytest.approx(0.27)  # 27 of 100 days
    assert pr.behind
    assert not pr.reached
    assert pr.pace == "behind"
    # 10 % took 27 days; the other 90 % takes 243 days: 2026-02-01 + 243 d
    assert pr.projected == date(2026, 10, 2)
    assert pr.describe() == (
        "110 of 200 (10 % of the way from 100), 27 % expected by now; "
        "at this rate reached 2026-10-02"
    )


def test_ahead():
    pr = progress_of(150)
    assert pr.fraction == pytest.approx(0.5)
    assert not pr.behind
    assert pr.pace == "ahead"
    assert pr.projected == date(2026, 2, 28)  # 27 more days after 2026-02-01


def test_on_pace():
    pr = progress_of(127)  # 27 % of the way, 27 % expected
    assert not pr.behind
    assert pr.pace == "on pace"


@pytest.mark.parametrize("value", [200, 250])
def test_reached(value):
    pr = progress_of(value)
    assert pr.reached
    assert not pr.behind
    assert pr.pace == "reached"
    assert pr.projected is None
    assert "expected" not in pr.describe()


def test_going_the_wrong_way_has_no_projection():
    pr = progress_of(90)
    assert pr.fraction == pytest.approx(-0.1)
    assert pr.behind
    assert pr.projected is None
    assert pr.describe().endswith("; not moving towards the target")


def test_no_movement_has_no_projection():
    pr = progress_of(100)
    assert pr.fraction == 0
    assert pr.projected is None


def test_decreasing_target():
    # cost per lead from 100 down to 50
    behind = progress_of(90, baseline=100, target=50)  # 20 %, 27 % expected
    assert behind.fraction == pytest.approx(0.2)
    assert behind.behind
    ahead = progress_of(70, baseline=100, target=50)  # 60 %
    assert ahead.fraction == pytest.approx(0.6)
    assert ahead.pace == "ahead"
    # 60 % took 27 days: 40 % more takes 18 days -> 2026-02-19
    assert ahead.projected == date(2026, 2, 19)
    worse = progress_of(110, baseline=100, target=50)  # moved away
    assert worse.fraction == pytest.approx(-0.2)
    assert worse.projected is None
    assert progress_of(45, baseline=100, target=50).reached


def test_no_deadline_has_no_pace():
    pr = progress_of(110, deadline=None)
    assert pr.expected is None
    assert not pr.behind
    assert pr.pace == ""
    assert pr.projected == date(2026, 10, 2)


def test_after_the_deadline_the_whole_way_is_expected():
    pr = progress_of(150, deadline=date(2026, 1, 20))
    assert pr.expected == 1.0
    assert pr.behind


def test_value_is_dated_to_its_week_not_to_today():
    # Months later, the latest value is still judged at 2026-02-01.
    pr = progress_of(110, today=date(2026, 9, 1))
    assert pr.expected == pytest.approx(0.27)


def test_latest_value_is_the_latest_week_not_the_last_listed():
    g = goal("g1", baseline=100, target=200, deadline=DEADLINE)
    p = plan(
        goals=(g,),
        checkins=(
            CheckIn("2026-W05", metrics={"g1": 150}),
            CheckIn("2026-W02", metrics={"g1": 105}),
        ),
    )
    pr = goal_progress(p, g, TODAY)
    assert (pr.latest, pr.latest_week) == (150, "2026-W05")


def test_start_is_first_checkin_even_without_the_metric():
    # Only W05 records the metric, but tracking started in W02.
    assert progress_of(110).expected == pytest.approx(0.27)


@pytest.mark.parametrize(
    "kwargs",
    [{"baseline": None}, {"target": None}, {"baseline": 100, "target": 100}],
)
def test_no_progress_without_baseline_and_distinct_target(kwargs):
    g = goal("g1", **kwargs)
    p = plan(goals=(g,), checkins=(checkin("2026-W05", metrics={"g1": 150}),))
    assert goal_progress(p, g, TODAY) is None


def test_no_series_gives_none():
    g = goal("g1")
    p = plan(goals=(g,), checkins=(checkin("2026-W05", metrics={"other": 3}),))
    assert goal_progress(p, g, TODAY) is None
    assert goal_progress(plan(goals=(g,)), g, TODAY) is None


# --- too early to judge: three values and a tenth of the time ------------------------------


def progress_with_values(weeks, deadline=DEADLINE):
    # A value (110) in each of ``weeks``; tracking starts in W02 whatever they are.
    g = goal("g1", baseline=100, target=200, deadline=deadline)
    checkins = [checkin("2026-W02")] + [checkin(w, metrics={"g1": 110}) for w in weeks]
    return goal_progress(plan(goals=(g,), checkins=tuple(checkins)), g, TODAY)


def test_too_early_with_fewer_than_three_values():
    two = progress_with_values(("2026-W04", "2026-W05"))
    assert two.values == 2
    assert two.behind  # the arithmetic says behind ...
    assert two.too_early  # ... but two values are too few to say so
    three = progress_with_values(("2026-W03", "2026-W04", "2026-W05"))
    assert three.values == 3
    assert three.behind and not three.too_early


def test_too_early_before_a_tenth_of_the_time_is_gone():
    # The latest value is dated 2026-02-01, 27 days in: a tenth of the time is gone when
    # the deadline is at most 270 days away (2026-10-02), not at 271 (2026-10-03).
    weeks = ("2026-W03", "2026-W04", "2026-W05")
    at_ten = progress_with_values(weeks, deadline=date(2026, 10, 2))
    assert at_ten.expected == 0.1
    assert not at_ten.too_early
    assert progress_with_values(weeks, deadline=date(2026, 10, 3)).too_early


def test_too_early_without_a_deadline():
    assert progress_with_values(("2026-W03", "2026-W04", "2026-W05"), deadline=None).too_early
