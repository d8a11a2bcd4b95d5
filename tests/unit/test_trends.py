"""socialtui.plan.trends: what the check-ins say over time (drawn by history and review)."""

from __future__ import annotations

from datetime import date

from plan_factories import channel, checkin, goal, plan

from socialtui.plan.trends import (
    channel_evidence,
    checkin_weeks,
    goal_trend,
    pace_value,
    sparkline,
)


def test_sparkline_scale():
    assert sparkline([0, 5, 10, None], 0, 10) == "▁▅█ "
    assert sparkline([3, 3], 3, 3) == "▅▅"
    assert sparkline([-5, 20], 0, 10) == "▁█"  # clipped to the scale


def test_checkin_weeks_are_sorted_and_skip_bad_weeks():
    p = plan(checkins=(checkin("2026-W10"), checkin("2025-W52"), checkin("2026-W99")))
    assert [c.week for c in checkin_weeks(p)] == ["2025-W52", "2026-W10"]


def test_pace_runs_from_the_baseline_at_the_start_to_the_target_on_the_deadline():
    g = goal("g1", baseline=0, target=100, deadline=date(2026, 1, 11))
    # Tracking starts on the Monday of the first check-in: 2025-12-29 (2026-W01).
    p = plan(goals=(g,), checkins=(checkin("2026-W01", metrics={"g1": 0}),))
    # 2026-W01 ends on Sunday 2026-01-04: 6 of the 13 days to the deadline.
    assert round(pace_value(p, g, "2026-W01"), 6) == round(100 * 6 / 13, 6)
    assert pace_value(p, g, "2026-W02") == 100  # the deadline's own week
    assert pace_value(p, goal("g2", target=None), "2026-W01") is None


def test_goal_trend_takes_the_last_weeks_and_their_pace():
    g = goal("g1", baseline=0, target=10, deadline=date(2026, 12, 31))
    weeks = [checkin(f"2026-W{n:02d}", metrics={"g1": n}) for n in range(1, 6)]
    weeks[2] = checkin("2026-W03")  # no value that week
    trend = goal_trend(plan(goals=(g,), checkins=weeks), g, limit=3)
    assert trend.weeks == ["2026-W03", "2026-W04", "2026-W05"]
    assert trend.actual == [None, 4, 5]
    assert all(p is not None for p in trend.pace)
    assert trend.scale() == (min(trend.pace), 5)


def test_channel_evidence_averages_the_recent_hours_and_counts_every_verdict():
    ig = channel("ig", posts=2, minutes=30, engage=60)  # 120 min: 2 h planned
    weeks = (
        checkin("2026-W01", hours={"ig": 9}, verdicts={"ig": "working"}),
        checkin("2026-W02", hours={"ig": 1}, verdicts={"ig": "unsure"}),
        checkin("2026-W03", hours={"ig": 3}),
        checkin("2026-W04", verdicts={"ig": "not-working"}),
    )
    evidence = channel_evidence(plan(channels=(ig,), checkins=weeks), ig, recent=3)
    assert evidence.planned_hours == 2
    assert evidence.recorded == 2  # W02 and W03 of the last three
    assert evidence.average_hours == 2
    assert evidence.verdicts == {"working": 1, "unsure": 1, "not-working": 1}
    assert evidence.last_verdict == "not-working"


def test_channel_evidence_without_check_ins():
    ig = channel("ig")
    evidence = channel_evidence(plan(channels=(ig,)), ig)
    assert (evidence.recorded, evidence.average_hours, evidence.last_verdict) == (0, None, None)
