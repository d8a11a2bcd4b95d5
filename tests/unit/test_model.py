"""The plan model: ids, ISO weeks and the with_* helpers."""

from __future__ import annotations

from datetime import date

import pytest
from plan_factories import audience, channel, checkin, goal, plan

from socialtui.plan.model import (
    Plan,
    is_slug,
    iso_week,
    parse_week,
    slugify,
    week_key,
    week_monday,
)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Corner Bakery!", "corner-bakery"),
        ("  Grow the  NEWSLETTER  ", "grow-the-newsletter"),
        ("X (Twitter)", "x-twitter"),
        ("2026 launch", "2026-launch"),
        ("---", "item"),
        ("", "item"),
        ("Café crème", "caf-cr-me"),
    ],
)
def test_slugify(text, slug):
    assert slugify(text) == slug
    assert is_slug(slugify(text))


def test_slugify_avoids_taken_ids():
    assert slugify("Blog", {"blog"}) == "blog-2"
    assert slugify("Blog", {"blog", "blog-2"}) == "blog-3"
    assert slugify("", {"item"}) == "item-2"


def test_slugify_truncates_to_forty_and_keeps_the_suffix_inside():
    long = "a" * 60
    assert slugify(long) == "a" * 40
    assert slugify(long, {"a" * 40}) == "a" * 38 + "-2"
    # a cut that would end on a hyphen is trimmed
    assert slugify("a" * 39 + " b") == "a" * 39


def test_is_slug():
    assert is_slug("ig")
    assert is_slug("0-day")
    assert not is_slug("-ig")
    assert not is_slug("IG")
    assert not is_slug("a b")
    assert not is_slug("")
    assert not is_slug("a" * 41)
    assert is_slug("a" * 40)


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("2026-W48", (2026, 48)),
        ("2026-W01", (2026, 1)),
        ("2020-W53", (2020, 53)),  # 2020 had 53 ISO weeks
        ("2026-W53", (2026, 53)),  # so does 2026: 1 January 2026 is a Thursday
        ("2025-W53", None),  # 2025 had 52
        ("2026-W00", None),
        ("2026-W54", None),
        ("2026-W5", None),
        ("2026W05", None),
        ("2026-w05", None),
        ("2026-W05 ", None),
        (" 2026-W05", None),
        ("26-W05", None),
        ("", None),
    ],
)
def test_parse_week(text, parsed):
    assert parse_week(text) == parsed


def test_week_helpers():
    assert iso_week(date(2026, 3, 4)) == "2026-W10"
    assert iso_week(date(2025, 12, 29)) == "2026-W01"  # ISO year differs from calendar year
    assert iso_week(date(2021, 1, 3)) == "2020-W53"
    assert week_monday("2026-W10") == date(2026, 3, 2)
    assert week_monday("2026-W01") == date(2025, 12, 29)
    with pytest.raises(ValueError):
        week_monday("2025-W53")
    assert week_key("2026-W02") == (2026, 2)
    assert week_key("junk") == (0, 0)
    assert sorted(["2026-W10", "junk", "2025-W52", "2026-W02"], key=week_key) == [
        "junk",
        "2025-W52",
        "2026-W02",
        "2026-W10",
    ]


def test_lookups():
    p = plan(
        goals=(goal("g1"), goal("g2")),
        channels=(channel("ig", status="active"), channel("tt", status="candidate")),
        audiences=(audience("a1"),),
        checkins=(checkin("2026-W09"),),
    )
    assert [c.id for c in p.active_channels] == ["ig"]
    assert p.goal("g2").id == "g2" and p.goal("nope") is None
    assert p.channel("tt").status == "candidate" and p.channel("nope") is None
    assert p.audience("a1").id == "a1" and p.audience("nope") is None
    assert p.checkin("2026-W09").week == "2026-W09" and p.checkin("2026-W10") is None
    assert p.goal_rank("g1") == 0
    assert p.goal_rank("g2") == 1
    assert p.goal_rank("nope") is None
    assert p.channels[0].active and not p.channels[1].active


def test_with_channel_replaces_in_place_or_appends():
    p = plan(channels=(channel("a"), channel("b")))
    replaced = p.with_channel(channel("a", posts=7))
    assert [c.id for c in replaced.channels] == ["a", "b"]
    assert replaced.channel("a").posts_per_week == 7
    appended = p.with_channel(channel("c"))
    assert [c.id for c in appended.channels] == ["a", "b", "c"]
    # the original is untouched
    assert p.channel("a").posts_per_week == 3
    assert len(p.channels) == 2


def test_with_channel_renames_with_old_id():
    p = plan(channels=(channel("a"), channel("b")))
    renamed = p.with_channel(channel("z"), old_id="a")
    assert [c.id for c in renamed.channels] == ["z", "b"]


def test_with_goal_keeps_priority_order():
    p = plan(goals=(goal("g1"), goal("g2"), goal("g3")))
    out = p.with_goal(goal("g2", title="Changed"))
    assert [g.id for g in out.goals] == ["g1", "g2", "g3"]
    assert out.goal("g2").title == "Changed"
    out = p.with_goal(goal("new"), old_id="g1")
    assert [g.id for g in out.goals] == ["new", "g2", "g3"]
    out = p.with_goal(goal("g4"))
    assert [g.id for g in out.goals] == ["g1", "g2", "g3", "g4"]


def test_with_audience():
    p = plan(audiences=(audience("a1"),))
    out = p.with_audience(audience("a1", channels=("ig",)))
    assert out.audience("a1").channels == ("ig",)
    out = p.with_audience(audience("a2"))
    assert [a.id for a in out.audiences] == ["a1", "a2"]


def test_with_checkin_inserts_in_week_order():
    p = plan(checkins=(checkin("2026-W02"), checkin("2026-W05")))
    out = p.with_checkin(checkin("2026-W03"))
    assert [c.week for c in out.checkins] == ["2026-W02", "2026-W03", "2026-W05"]
    out = out.with_checkin(checkin("2025-W52"))
    assert [c.week for c in out.checkins] == ["2025-W52", "2026-W02", "2026-W03", "2026-W05"]
    out = out.with_checkin(checkin("2026-W10"))
    assert [c.week for c in out.checkins][-1] == "2026-W10"


def test_with_checkin_orders_across_years_numerically():
    p = plan(checkins=(checkin("2026-W10"),))
    out = p.with_checkin(checkin("2025-W50"))
    assert [c.week for c in out.checkins] == ["2025-W50", "2026-W10"]


def test_with_checkin_replaces_the_same_week():
    p = plan(checkins=(checkin("2026-W02", hours={"ig": 1}), checkin("2026-W05")))
    out = p.with_checkin(checkin("2026-W02", hours={"ig": 3}))
    assert [c.week for c in out.checkins] == ["2026-W02", "2026-W05"]
    assert out.checkin("2026-W02").hours == {"ig": 3}
    assert p.checkin("2026-W02").hours == {"ig": 1}


def test_plan_is_frozen():
    p = plan()
    with pytest.raises(AttributeError):
        p.name = "other"  # type: ignore[misc]
    assert isinstance(p, Plan)
