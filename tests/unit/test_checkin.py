"""socialtui.plan.checkin: what the check-in opens with, and merging a check-in in.

The screen (tests/tui/test_checkin.py) and ``socialtui checkin``
(tests/cli/test_checkin_cli.py) test the flows; the arithmetic is tested here.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from plan_factories import channel, checkin, goal, plan

from socialtui import store
from socialtui.plan.checkin import (
    checkin_summary,
    merge_checkin,
    parse_hours,
    parse_metric,
    prefill,
    week_label,
)
from socialtui.plan.model import CheckIn
from socialtui.plan.rules import RuleError

FIXTURES = Path(__file__).parent.parent / "fixtures"


def northwind():
    return store.load(FIXTURES / "checkins.toml").plan


def test_prefill_of_a_new_week_takes_the_plan_and_the_last_values():
    fresh = prefill(northwind(), "2026-W47")
    assert not fresh.existing
    # LinkedIn 2 x 45 + 60 = 150 min, Instagram 3 x 40 + 60 = 180, newsletter 120.
    assert fresh.hours == {"linkedin": "2.5", "instagram": "3", "newsletter": "2"}
    assert fresh.last_metric["leads"] == ("2026-W46", 10)
    assert fresh.metrics["leads"] == "10"


def test_prefill_of_a_recorded_week_takes_its_own_values():
    past = prefill(northwind(), "2026-W43")
    assert past.existing
    assert past.hours["newsletter"] == "2.5"
    assert past.verdicts["newsletter"] == "unsure"


def test_a_verdict_stands_until_changed_and_defaults_to_unsure():
    p = plan(
        channels=(channel("ig"), channel("li")),
        checkins=(
            checkin("2026-W10", verdicts={"ig": "working"}),
            checkin("2026-W11", verdicts={"ig": "not-working"}),
            checkin("2026-W13", verdicts={"ig": "working"}),  # after the week asked
        ),
    )
    fill = prefill(p, "2026-W12")
    assert fill.verdicts == {"ig": "not-working", "li": "unsure"}


def test_a_metric_falls_back_to_the_baseline_then_to_nothing():
    p = plan(goals=(goal("g1", baseline=100), goal("g2", baseline=None)))
    fill = prefill(p, "2026-W12")
    assert fill.metrics == {"g1": "100", "g2": ""}
    assert fill.last_metric == {"g1": None, "g2": None}


def test_only_active_channels_are_asked_about():
    p = plan(channels=(channel("ig"), channel("li", status="later")))
    assert list(prefill(p, "2026-W12").hours) == ["ig"]


def test_the_note_is_passed_as_written():
    p = plan(checkins=(CheckIn("2026-W12", note="busy \x1b[2J week"),))
    assert prefill(p, "2026-W12").note == "busy \x1b[2J week"  # the screen cleans it


def test_merge_into_a_new_week():
    new = merge_checkin(None, "2026-W12", {"ig": 3}, {"g1": 120}, {"ig": "working"}, None)
    assert new == CheckIn("2026-W12", {"ig": 3}, {"g1": 120}, {"ig": "working"}, "")


def test_merge_replaces_given_values_and_keeps_the_others():
    old = CheckIn("2026-W12", {"ig": 3, "li": 1}, {"g1": 120}, {"ig": "unsure"}, "kept")
    new = merge_checkin(old, "2026-W12", hours={"ig": 4.5}, verdicts={"li": "working"})
    assert new == CheckIn(
        "2026-W12", {"ig": 4.5, "li": 1}, {"g1": 120}, {"ig": "unsure", "li": "working"}, "kept"
    )
    assert list(new.hours) == ["ig", "li"]  # the file's order is kept


def test_merge_removes_a_value_given_as_none_and_sets_a_note():
    old = CheckIn("2026-W12", {"ig": 3, "li": 1}, {"g1": 120, "g2": 5}, {}, "old")
    new = merge_checkin(old, "2026-W12", hours={"li": None}, metrics={"g2": None}, note="")
    assert new == CheckIn("2026-W12", {"ig": 3}, {"g1": 120}, {}, "")


def test_merge_of_nothing_is_the_old_check_in():
    old = CheckIn("2026-W12", {"ig": 3}, {"g1": 1}, {"ig": "working"}, "n")
    assert merge_checkin(old, "2026-W12") == old


@pytest.mark.parametrize(
    ("text", "value"), [("", None), ("  ", None), ("3", 3), ("2.5", 2.5), ("0", 0)]
)
def test_parse_hours(text, value):
    assert parse_hours(text) == value


@pytest.mark.parametrize("text", ["-1", "169", "three", "nan"])
def test_parse_hours_refuses(text):
    with pytest.raises(RuleError):
        parse_hours(text)


def test_parse_metric():
    assert parse_metric("") is None
    assert parse_metric("-4.5") == -4.5
    with pytest.raises(RuleError):
        parse_metric("inf")


def test_week_label_spans_monday_to_sunday():
    assert week_label("2026-W48") == "23 Nov – 29 Nov 2026"
    assert week_label("2027-W01") == "04 Jan – 10 Jan 2027"
    assert week_label("2026-W53") == "28 Dec – 03 Jan 2027"


def test_summary_counts_verdicts_and_goals_behind():
    p = plan(
        channels=(channel("ig"), channel("li")),
        goals=(goal("g1", baseline=0, target=100, deadline=date(2026, 12, 31)),),
        checkins=(
            checkin("2026-W01", metrics={"g1": 0}),
            checkin("2026-W20", metrics={"g1": 5}),
            checkin(
                "2026-W40", verdicts={"ig": "working", "li": "not-working"}, metrics={"g1": 10}
            ),
        ),
    )
    line = checkin_summary(p, "2026-W40", date(2026, 10, 4))
    assert line == "Check-in 2026-W40 saved · 1 working, 1 not-working · 1 goal(s) behind pace"
    # With two values only, it is too early to call it behind (the findings agree).
    early = replace(p, checkins=p.checkins[:1] + p.checkins[2:])
    line = checkin_summary(early, "2026-W40", date(2026, 10, 4))
    assert line == (
        "Check-in 2026-W40 saved · 1 working, 1 not-working · too early to judge the goals' pace"
    )


def test_summary_without_goals_or_verdicts():
    assert checkin_summary(plan(), "2026-W40", date(2026, 10, 4)) == "Check-in 2026-W40 saved"
