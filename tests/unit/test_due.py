"""What is due for a plan on a date (socialtui.plan.due): dates are passed in.

The calendar used below: 2026-W48 runs from Monday 2026-11-23 to Sunday 2026-11-29
(Friday 2026-11-27); 2026 has 53 ISO weeks (2026-W53 starts Monday 2026-12-28).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from plan_factories import audience, channel, checkin, goal, healthy_plan, plan

from socialtui.plan.due import (
    Due,
    Noted,
    Rhythm,
    checkins_due,
    due,
    due_for,
    noted_findings,
    review_due,
    rhythm,
    subject_label,
    week_name,
    week_number,
)

THU, FRI, SAT, SUN = date(2026, 11, 26), date(2026, 11, 27), date(2026, 11, 28), date(2026, 11, 29)
MON = date(2026, 11, 23)
FRIDAY = 4


def weeks(*mondays: date) -> tuple[int, ...]:
    return tuple(sorted(week_number(m) for m in mondays))


W45, W46, W47, W48 = (date(2026, 11, 2) + timedelta(weeks=n) for n in range(4))


# -- weeks as numbers -----------------------------------------------------------------------


@given(st.dates(date(1900, 1, 1), date(2300, 12, 31)))
def test_week_numbers_are_iso_weeks_and_consecutive(day):
    year, week, _ = day.isocalendar()
    assert week_name(week_number(day)) == f"{year}-W{week:02d}"
    assert week_number(day + timedelta(weeks=1)) == week_number(day) + 1
    assert week_number(day - timedelta(days=day.weekday())) == week_number(day)


# -- this week's check-in ----------------------------------------------------------------------


def test_the_check_in_waits_for_the_check_in_day():
    recorded = weeks(W47)
    assert checkins_due(recorded, FRIDAY, MON) == []
    assert checkins_due(recorded, FRIDAY, THU) == []
    expected = Due(
        "checkin",
        "check-in for 2026-W48 not recorded (due Fri)",
        week="2026-W48",
        day="fri",
        first=False,
    )
    for day in (FRI, SAT, SUN):
        assert checkins_due(recorded, FRIDAY, day) == [expected]


def test_a_recorded_week_is_not_due():
    assert checkins_due(weeks(W47, W48), FRIDAY, SAT) == []


def test_the_check_in_day_is_the_plans():
    monday = checkins_due(weeks(W47), 0, MON)
    assert [d.text for d in monday] == ["check-in for 2026-W48 not recorded (due Mon)"]
    assert monday[0].data["day"] == "mon"
    assert checkins_due(weeks(W47), 6, SAT) == []
    assert [d.text for d in checkins_due(weeks(W47), 6, SUN)] == [
        "check-in for 2026-W48 not recorded (due Sun)"
    ]


def test_without_check_ins_the_first_is_due_on_the_check_in_day():
    assert checkins_due((), FRIDAY, THU) == []
    assert checkins_due((), FRIDAY, FRI) == [
        Due(
            "checkin",
            "check-in for 2026-W48 not recorded (due Fri)",
            week="2026-W48",
            day="fri",
            first=True,
        )
    ]


# -- weeks missed ------------------------------------------------------------------------------


def test_earlier_weeks_without_a_check_in_are_counted_whatever_the_day():
    # 2026-W40, W42, W45 recorded; on Wednesday of W48 (before its Friday):
    recorded = weeks(date(2026, 9, 28), date(2026, 10, 12), W45)
    assert checkins_due(recorded, FRIDAY, date(2026, 11, 25)) == [
        Due(
            "missed-checkins",
            "5 earlier weeks not recorded: 2026-W41, 2026-W43, … 2026-W47",
            count=5,
            weeks=["2026-W41", "2026-W43", "2026-W44", "2026-W46", "2026-W47"],
        )
    ]


def test_a_few_missed_weeks_are_all_named():
    assert [d.text for d in checkins_due(weeks(W45, W47), FRIDAY, MON)] == [
        "1 earlier week not recorded: 2026-W46"
    ]
    assert [d.text for d in checkins_due(weeks(W45), FRIDAY, FRI)] == [
        "check-in for 2026-W48 not recorded (due Fri)",
        "2 earlier weeks not recorded: 2026-W46, 2026-W47",
    ]


def test_missed_weeks_across_a_53_week_year():
    recorded = weeks(date(2026, 12, 21), date(2027, 1, 4))  # 2026-W52, 2027-W01
    (missed,) = checkins_due(recorded, FRIDAY, date(2027, 1, 11))  # Monday of 2027-W02
    assert missed.data == {"count": 1, "weeks": ["2026-W53"]}


def test_weeks_recorded_ahead_are_neither_missed_nor_this_week():
    recorded = weeks(W47, W48 + timedelta(weeks=2))  # 2026-W47 and 2026-W50
    assert [d.text for d in checkins_due(recorded, FRIDAY, FRI)] == [
        "check-in for 2026-W48 not recorded (due Fri)"
    ]


def test_weeks_before_the_first_check_in_are_not_missed():
    assert checkins_due(weeks(W47), FRIDAY, THU) == []


# -- the review --------------------------------------------------------------------------------


def test_the_review_is_due_from_its_day_on():
    last = date(2026, 11, 1)
    assert review_due(4, last, SAT) is None
    expected = Due(
        "review",
        "review due since 2026-11-29 (every 4 weeks)",
        due="2026-11-29",
        last="2026-11-01",
        every_weeks=4,
    )
    assert review_due(4, last, SUN) == expected
    assert review_due(4, last, date(2027, 2, 1)) == expected


def test_a_weekly_review_and_a_plan_never_reviewed():
    assert review_due(1, date(2026, 11, 20), FRI).text == "review due since 2026-11-27 (every week)"
    assert review_due(4, None, date(2030, 1, 1)) is None


# -- findings ------------------------------------------------------------------------------


def over_budget_plan(**overrides):
    # 3 x 40 + 60 = 180 minutes planned; 1 h less 10 % = 54 minutes available
    return healthy_plan(
        channels=(channel("ig", posts=3, minutes=40, engage=60, goals=("g1",)),),
        hours=1,
        **overrides,
    )


def estimate_plan(*hours):
    # ig: 3 x 40 + 60 = 180 min = 3 h planned; more than 3.6 h a week is more than 20 % over
    names = [f"2026-W{n:02d}" for n in range(10 - len(hours), 10)]
    return healthy_plan(
        channels=(channel("ig", name="Instagram", posts=3, minutes=40, engage=60, goals=("g1",)),),
        hours=20,
        checkins=tuple(checkin(w, hours={"ig": h}) for w, h in zip(names, hours, strict=True)),
    )


def test_an_error_is_always_said():
    message = "3h 00m planned, 54m available — 2h 06m over"
    with_checkins = over_budget_plan(checkins=(checkin("2026-W46"), checkin("2026-W47")))
    assert noted_findings(with_checkins, FRI) == (
        Noted("error", "over-budget", "budget", None, message, None),
    )
    assert noted_findings(over_budget_plan(), FRI) == (
        Noted("error", "over-budget", "budget", None, message, None),
    )
    (line,) = due_for(over_budget_plan(checkins=(checkin("2026-W48"),)), FRI)
    assert line.text == f"over-budget: {message}"
    assert line.data["new"] is False


def test_a_warning_is_said_when_the_latest_check_in_brought_it():
    noted = noted_findings(estimate_plan(3, 4, 4, 4.5), FRI)
    assert [(n.id, n.label, n.week) for n in noted] == [("estimate-low", "Instagram", "2026-W09")]
    assert noted[0].due().text == "estimate-low on Instagram, new with the 2026-W09 check-in"
    assert noted[0].due().data["new"] is True


def test_a_warning_seen_at_the_check_in_before_is_not_said_again():
    assert noted_findings(estimate_plan(4, 4, 4.5, 4), FRI) == ()
    # present before any check-in: the plan names no audience
    quiet = healthy_plan(audiences=(), checkins=(checkin("2026-W08"), checkin("2026-W09")))
    assert noted_findings(quiet, FRI) == ()
    only_one = healthy_plan(audiences=(), checkins=(checkin("2026-W09"),))
    assert noted_findings(only_one, FRI) == ()


def test_the_latest_check_in_is_the_latest_week_not_the_last_listed():
    p = estimate_plan(3, 4, 4, 4.5)
    shuffled = replace(p, checkins=(p.checkins[3], p.checkins[0], p.checkins[2], p.checkins[1]))
    assert [n.week for n in noted_findings(shuffled, FRI)] == ["2026-W09"]


def test_the_review_and_missing_check_ins_are_left_to_the_dated_lines():
    # The review fell due (2026-01-29) between the check-ins of W04 (Fri 23 Jan)
    # and W05 (Fri 30 Jan): review-overdue is new with W05, but the review line says it.
    p = healthy_plan(
        last_review=date(2026, 1, 1),
        checkins=(checkin("2026-W04"), checkin("2026-W05")),
    )
    assert noted_findings(p, FRI) == ()


def test_a_plan_without_check_ins_has_only_its_errors_judged_on_the_day():
    assert noted_findings(healthy_plan(audiences=()), FRI) == ()
    assert rhythm(healthy_plan(), FRI).judged_on == FRI.toordinal()
    assert rhythm(healthy_plan(checkins=(checkin("2026-W01"),)), FRI).judged_on is None


@pytest.mark.parametrize(
    ("subject", "label"),
    [
        ("channel:ig", "Instagram"),
        ("channel:gone", "gone"),
        ("goal:g1", "More leads"),
        ("audience:a1", "Parents"),
        ("checkin:2026-W09", "the 2026-W09 check-in"),
        ("budget", None),
        ("goals", None),
    ],
)
def test_a_subject_is_named_by_its_items_name(subject, label):
    p = plan(
        channels=(channel("ig", name="Instagram"),),
        goals=(goal("g1", title="More leads"),),
        audiences=(audience("a1", name="Parents"),),
    )
    assert subject_label(p, subject) == label


# -- the rhythm and the whole answer --------------------------------------------------------


def test_the_rhythm_of_a_plan():
    p = healthy_plan(
        checkin_day="sun",
        every_weeks=6,
        last_review=date(2026, 11, 1),
        checkins=(checkin("2026-W47"), checkin("2026-W45")),
    )
    assert rhythm(p, FRI) == Rhythm(
        weeks=weeks(W45, W47),
        checkin_day=6,
        every_weeks=6,
        last_review=date(2026, 11, 1).toordinal(),
        findings=(),
        judged_on=None,
    )


def test_everything_due_in_reading_order():
    p = over_budget_plan(
        last_review=date(2026, 10, 1),
        checkins=(checkin("2026-W45"),),
    )
    assert [d.kind for d in due_for(p, SAT)] == ["checkin", "missed-checkins", "review", "finding"]
    assert [d.text for d in due_for(p, SAT)][:3] == [
        "check-in for 2026-W48 not recorded (due Fri)",
        "2 earlier weeks not recorded: 2026-W46, 2026-W47",
        "review due since 2026-10-29 (every 4 weeks)",
    ]
    assert due_for(healthy_plan(checkins=(checkin("2026-W48"),)), SAT) == []


def test_a_rhythm_answers_like_the_plan_after_a_round_trip():
    p = over_budget_plan(
        last_review=date(2026, 10, 1),
        checkins=(checkin("2026-W45"), checkin("2026-W47")),
    )
    again = Rhythm.from_tuple(rhythm(p, FRI).as_tuple())
    assert again == rhythm(p, FRI)
    for day in (MON, FRI, date(2027, 3, 1)):
        assert due(again, day) == due_for(p, day)


@pytest.mark.parametrize(
    "value",
    [
        None,
        (),
        ((1, 2), 4, 4, None, (), None, "extra"),
        ((2, 1), 4, 4, None, (), None),  # weeks out of order
        ((1, 1), 4, 4, None, (), None),  # a week twice
        ((-1,), 4, 4, None, (), None),
        (("1",), 4, 4, None, (), None),
        ((1,), 7, 4, None, (), None),  # no eighth day
        ((1,), True, 4, None, (), None),  # a bool is not a day
        ((1,), 4, 0, None, (), None),
        ((1,), 4, 4, 0, (), None),  # no date has ordinal 0
        ((1,), 4, 4, None, (("error", "x", "budget", None, "m"),), None),
        ((1,), 4, 4, None, (("error", "x", "budget", None, 5, None),), None),
        ((1,), 4, 4, None, [], None),
    ],
)
def test_a_rhythm_refuses_what_it_did_not_write(value):
    with pytest.raises(ValueError):
        Rhythm.from_tuple(value)


def test_days_are_named_as_in_the_file():
    from socialtui.plan.days import DAYS, day_index

    assert DAYS == ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    assert [day_index(d) for d in ("mon", "fri", "sun")] == [0, 4, 6]
    with pytest.raises(ValueError, match="not a day of the week: 'Fri'"):
        day_index("Fri")


def test_the_week_c_opens_is_the_missed_one_until_this_week_is_due():
    from socialtui.plan.due import week_to_record
    from socialtui.store import load

    plan = load(Path(__file__).parents[1] / "fixtures" / "bakery.toml").plan  # W47 recorded
    assert week_to_record(plan, date(2026, 11, 30)) == "2026-W48"  # Monday of W49
    assert week_to_record(plan, date(2026, 12, 4)) is None  # Friday: this week is due
    assert week_to_record(plan, date(2026, 11, 27)) is None  # in W48 itself: this week
