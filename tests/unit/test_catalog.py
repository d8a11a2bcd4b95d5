"""The channel catalog matches docs channel-catalog.md (numbers copied by hand)."""

from __future__ import annotations

import pytest

from socialtui.plan.catalog import BY_ID, CATALOG, FACTS, preset

P, M, E = "posts_per_week", "minutes_per_post", "engage_minutes_per_week"

# id, name, posts/week, range, minutes/post, engage min/week, fields marked *est.*
TABLE = [
    ("instagram", "Instagram", 3, "1–7 / week", 45, 60, {E}),
    ("facebook", "Facebook page", 3, "1–5 / week", 30, 30, {M, E}),
    ("x", "X (Twitter)", 5, "1–5 / day", 10, 60, {M, E}),
    ("linkedin", "LinkedIn", 3, "2–5 / week", 15, 45, {E}),
    ("tiktok", "TikTok", 3, "3 / week – 4 / day", 60, 30, {M, E}),
    ("youtube", "YouTube (long-form)", 0.5, "1 / month – 2 / week", 240, 30, {E}),
    ("youtube-shorts", "YouTube Shorts", 3, "2–7 / week", 45, 15, {M, E}),
    ("pinterest", "Pinterest", 5, "5 / week – 15 / day", 10, 10, {M, E}),
    ("threads", "Threads", 5, "5 / week – several / day", 10, 45, {M, E}),
    ("bluesky", "Bluesky", 5, "5 / week – several / day", 10, 45, {M, E}),
    ("mastodon", "Mastodon", 3, "no numeric norm; chronological, hashtag-led", 10, 45, {M, E}),
    ("blog", "Blog", 0.5, "weekly to a few a month", 210, 15, {E}),
    ("newsletter", "Email newsletter", 0.5, "1 / month – 2 / week", 210, 10, {E}),
    ("reddit", "Reddit", 2, "community-led", 20, 60, {P, M, E}),
    ("podcast", "Podcast", 0.5, "weekly to monthly", 300, 15, {P, M, E}),
]


def test_catalog_has_exactly_the_documented_channels_in_order():
    assert [p.id for p in CATALOG] == [row[0] for row in TABLE]
    assert set(BY_ID) == {row[0] for row in TABLE}


@pytest.mark.parametrize(("id", "name", "posts", "range_", "minutes", "engage", "est"), TABLE)
def test_preset_numbers(id, name, posts, range_, minutes, engage, est):
    p = preset(id)
    assert p is not None
    assert p.name == name
    assert p.posts_per_week == posts
    assert p.minutes_per_post == minutes
    assert p.engage_minutes_per_week == engage
    assert p.posts_range == range_
    assert set(p.estimated) == est
    assert p.source.strip()


def test_source_notes_carry_the_documented_caveats():
    assert "Reels" in preset("instagram").source
    assert "1–6 h" in preset("youtube").source
    assert "3½ h" in preset("blog").source
    assert "3–4 h" in preset("newsletter").source


def test_preset_channel_copies_the_numbers():
    c = preset("linkedin").channel()
    assert (c.id, c.name, c.status) == ("linkedin", "LinkedIn", "candidate")
    assert (c.posts_per_week, c.minutes_per_post, c.engage_minutes_per_week) == (3, 15, 45)
    assert c.goals == ()
    assert preset("linkedin").channel("active").status == "active"


def test_describe_marks_estimates():
    assert preset("instagram").describe() == (
        "3 posts/week (guidance: 1–7 / week), 45 min/post, 60 min engaging (est.)"
    )
    assert preset("reddit").describe() == (
        "2 posts/week (est.) (guidance: community-led), 20 min/post (est.), 60 min engaging (est.)"
    )


def test_unknown_preset():
    assert preset("myspace") is None


def test_facts_mention_the_documented_guidance():
    text = " ".join(FACTS)
    assert "3–5 posts a week" in text
    assert "1–5 hours a week" in text
    assert "one or two done well" in text
