"""The week as lived and a channel's record, from the check-ins (P5, P8). Numbers by hand."""

from __future__ import annotations

from plan_factories import channel, checkin, plan

from socialtui.plan.evidence import channel_record, checkins_in_order, lived_week

IG = channel("ig", posts=2, minutes=30, engage=60)
FB = channel("fb", posts=1, minutes=30, engage=30)


def test_checkins_in_order_oldest_first_without_malformed_weeks():
    p = plan(checkins=(checkin("2026-W05"), checkin("2025-W52"), checkin("2026-W99")))
    assert [c.week for c in checkins_in_order(p)] == ["2025-W52", "2026-W05"]


def test_lived_week_is_the_mean_of_the_last_four():
    # W05..W09: 1, 2, 3, 4, 5 h; the last four: (2 + 3 + 4 + 5) / 4 = 3.5 h = 210 min.
    p = plan(
        channels=(IG,),
        checkins=tuple(checkin(f"2026-W0{5 + i}", hours={"ig": i + 1}) for i in range(5)),
    )
    lived = lived_week(p)
    assert lived.minutes == 210
    assert lived.weeks == ("2026-W06", "2026-W07", "2026-W08", "2026-W09")
    assert lived.count == 4
    assert lived.by_channel == (("ig", 210),)
    assert lived.describe() == "3h 30m a week (last 4 check-ins)"


def test_lived_week_needs_three_check_ins_with_hours():
    two = plan(
        channels=(IG,),
        checkins=(checkin("2026-W05", hours={"ig": 1}), checkin("2026-W06", hours={"ig": 2})),
    )
    assert lived_week(two) is None
    # ... unless the caller asks for less: 1.5 h over two
    assert lived_week(two, at_least=1).minutes == 90
    assert lived_week(plan(channels=(IG,)), at_least=1) is None


def test_lived_week_sums_the_active_channels_and_counts_a_missing_one_as_zero():
    # W05: ig 2 + fb 1; W06: ig 2 (fb blank); W07: ig 2 + fb 1. (3 + 2 + 3) / 3 h = 160 min.
    p = plan(
        channels=(IG, FB),
        checkins=(
            checkin("2026-W05", hours={"ig": 2, "fb": 1}),
            checkin("2026-W06", hours={"ig": 2}),
            checkin("2026-W07", hours={"ig": 2, "fb": 1}),
        ),
    )
    lived = lived_week(p)
    assert lived.minutes == 160
    assert lived.by_channel == (("ig", 120), ("fb", 40))


def test_lived_week_leaves_out_channels_not_active_now():
    later = channel("fb", status="later", posts=1, minutes=30, engage=30)
    p = plan(
        channels=(IG, later),
        checkins=tuple(checkin(f"2026-W0{w}", hours={"ig": 1, "fb": 4}) for w in (5, 6, 7)),
    )
    assert lived_week(p).minutes == 60
    assert lived_week(p).by_channel == (("ig", 60),)


def test_lived_week_skips_check_ins_without_hours_for_the_active_channels():
    # W08 has a metric only, W09 hours for a channel that is not on the plan:
    # the last four with hours are W04..W07.
    p = plan(
        channels=(IG,),
        checkins=(
            *(checkin(f"2026-W0{w}", hours={"ig": w}) for w in (3, 4, 5, 6, 7)),
            checkin("2026-W08", metrics={"g1": 5}),
            checkin("2026-W09", hours={"gone": 9}),
        ),
    )
    lived = lived_week(p)
    assert lived.weeks == ("2026-W04", "2026-W05", "2026-W06", "2026-W07")
    assert lived.minutes == 330  # (4 + 5 + 6 + 7) / 4 = 5.5 h


def test_lived_week_without_active_channels_is_unknown():
    p = plan(
        channels=(channel("ig", status="later"),),
        checkins=tuple(checkin(f"2026-W0{w}", hours={"ig": 1}) for w in (5, 6, 7)),
    )
    assert lived_week(p) is None


def test_channel_record():
    p = plan(
        channels=(IG,),
        checkins=(
            checkin("2026-W02", hours={"ig": 1}),  # named by hours: the record starts here
            checkin("2026-W03", verdicts={"ig": "working"}),
            checkin("2026-W04", verdicts={"ig": "unsure"}),
            checkin("2026-W05", metrics={"g1": 1}),  # does not name ig
            checkin("2026-W06", verdicts={"ig": "not-working"}),
            checkin("2026-W07", verdicts={"ig": "not-working", "fb": "working"}),
            checkin("2026-W08", verdicts={"ig": "working"}),
            checkin("2026-W09", metrics={"g1": 2}),
        ),
    )
    record = channel_record(p, "ig")
    assert (record.first_week, record.last_week) == ("2026-W02", "2026-W08")
    assert record.weeks == 7
    assert record.verdicts == ("unsure", "not-working", "not-working", "working")
    fb = channel_record(p, "fb")
    assert (fb.weeks, fb.verdicts) == (1, ("working",))
    none = channel_record(p, "tiktok")
    assert (none.first_week, none.weeks, none.verdicts) == (None, 0, ())


def test_channel_record_weeks_cross_a_year_boundary():
    # 2025-W51 (Monday 2025-12-15) to 2026-W04 (Monday 2026-01-19): 5 weeks apart, 6 in all.
    p = plan(
        channels=(IG,),
        checkins=(checkin("2025-W51", hours={"ig": 1}), checkin("2026-W04", hours={"ig": 1})),
    )
    assert channel_record(p, "ig").weeks == 6
