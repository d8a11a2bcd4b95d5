"""Starter and blank plans, as commented TOML text that teaches by example.

``socialtui new`` writes one of these. The starter is a small, sane plan for a
freelancer or a small business: it fits its week comfortably and raises no
finding on the day it is made, so the first thing the user sees is a plan that
works, and every line says what it is for. The blank plan is the least that
loads (a name, a budget, a review) with comments on what to add next.

Dates are computed from ``today``, which the caller passes in.
"""

from __future__ import annotations

from datetime import date, timedelta

from socialtui.plan.model import Plan
from socialtui.store.tomltext import toml_string

__all__ = ["STARTER_NAME", "blank_text", "interview_text", "starter_text", "toml_string"]

STARTER_NAME = "My first social plan"


def _months_later(today: date, months: int) -> date:
    """The last day of the month ``months`` after ``today``'s month."""
    year, month = divmod(today.month - 1 + months + 1, 12)
    first_of_next = date(today.year + year, month + 1, 1)
    return first_of_next - timedelta(days=1)


def starter_text(today: date, name: str = STARTER_NAME) -> str:
    """A commented starter plan named ``name``, reviewed ``today``."""
    short_deadline = _months_later(today, 6)
    long_deadline = _months_later(today, 12)
    return f"""\
# {_comment(name)} — a social media plan made by socialtui.
# This file is yours: edit it here or in socialtui (`socialtui open`), which keeps
# your comments. Check it any time with `socialtui check`.
schema = 1
name = {toml_string(name)}

# Why are we on social media at all? Four sentences, in your own words.
[purpose]
who = "A one-person studio helping local businesses with their websites"
why = "Win two or three more projects a quarter from people who already know us"
what = "Short before/after stories, practical tips, the odd behind-the-scenes"
them = "Free, honest advice they can use the same day"   # what's in it for them

# The hours you can really give social media each week, not the hours you wish.
[budget]
weekly_hours = 4.0          # 4 h a week ...
reserve_percent = 10        # ... minus 10 % held back for surprises = 3h 36m to plan with
max_active_channels = 2     # walk before you run: add a channel when these show traction

# Look at the whole plan again every few weeks; `last` is when you last did.
[review]
every_weeks = 4
last = {today.isoformat()}

# Goals, most important first: their order is their priority.
# A goal is measurable: a metric, where you start (baseline), a target and a deadline.
# horizon = short | long, focus = us | them — keep a mix of both.
[[goals]]
id = "enquiries"
title = "More project enquiries"
metric = "enquiries per month"
baseline = 2
target = 5
deadline = {long_deadline.isoformat()}
horizon = "long"
focus = "us"

[[goals]]
id = "readers"
title = "A list of people who like our tips"
metric = "newsletter subscribers"
baseline = 40
target = 150
deadline = {short_deadline.isoformat()}
horizon = "short"
focus = "them"

# Audiences, most important first. `channels` = where they already spend time
# (any channel id, on the shortlist below or not).
[[audiences]]
id = "owners"
name = "Local business owners"
wants = "A website that brings customers, without the jargon"
channels = ["linkedin", "newsletter", "facebook"]

[[audiences]]
id = "past-clients"
name = "Past clients and their friends"
wants = "News, tips, and someone to recommend"
channels = ["newsletter", "instagram"]

# The shortlist. status: candidate | active | later | dropped
# A channel costs posts_per_week x minutes_per_post + engage_minutes_per_week.
# Active channels here: 2 x 30 + 30 = 90 min, and 1 x 60 = 60 min:
# 2h 30m of the 3h 36m available, which leaves room for a bad week.
[[channels]]
id = "linkedin"
name = "LinkedIn"
status = "active"
posts_per_week = 2
minutes_per_post = 30
engage_minutes_per_week = 30
goals = ["enquiries"]
notes = "One project story, one tip"

[[channels]]
id = "newsletter"
name = "Newsletter"
status = "active"
posts_per_week = 1
minutes_per_post = 60
engage_minutes_per_week = 0
goals = ["readers", "enquiries"]
notes = "Monthly is fine too: set posts_per_week = 0.25"

# Candidates: what to add next, once the active ones work.
[[channels]]
id = "instagram"
name = "Instagram"
status = "candidate"
posts_per_week = 3
minutes_per_post = 30
engage_minutes_per_week = 45
goals = ["readers"]

# Weekly check-ins will be added below by `socialtui checkin` (or by hand):
# [[checkins]]
# week = "2026-W47"                       # ISO week
# hours = {{ linkedin = 1.5, newsletter = 1 }}
# metrics = {{ enquiries = 3, readers = 52 }}
# verdicts = {{ linkedin = "working" }}     # working | unsure | not-working
# note = "A tip about page speed got two enquiries"
"""


def blank_text(name: str, today: date) -> str:
    """The smallest plan that loads, named ``name``, with comments on what to add."""
    return f"""\
# {_comment(name)} — a social media plan made by socialtui.
# This file is yours: edit it here or in socialtui, which keeps your comments.
schema = 1
name = {toml_string(name)}

# Why are we on social media at all? Fill in what you can:
# [purpose]
# who = "Who we are, who we serve"
# why = "Why we are on social media at all"
# what = "What we will share"
# them = "What is in it for them"

# The hours you can really give social media each week.
[budget]
weekly_hours = 3.0
reserve_percent = 10        # held back for surprises
max_active_channels = 2     # walk before you run

[review]
every_weeks = 4
last = {today.isoformat()}

# Next, add goals (most important first), audiences and a shortlist of channels:
# [[goals]]
# id = "enquiries"
# title = "More project enquiries"
# metric = "enquiries per month"
# baseline = 2
# target = 5
# deadline = 2027-06-30
# horizon = "long"       # short | long
# focus = "us"           # us | them
#
# [[audiences]]
# id = "owners"
# name = "Local business owners"
# wants = "A website that brings customers"
# channels = ["linkedin"]
#
# [[channels]]
# id = "linkedin"
# name = "LinkedIn"
# status = "active"      # candidate | active | later | dropped
# posts_per_week = 2
# minutes_per_post = 30
# engage_minutes_per_week = 30
# goals = ["enquiries"]
"""


def interview_text(plan: Plan) -> str:
    """``plan`` (made by the POST interview) as a new file's text, with a few comments.

    The plan is written the way every save writes one (tomlkit, read back and
    checked to give exactly ``plan``): onto a small commented base.
    """
    from socialtui.store.read import loads
    from socialtui.store.write import edited_text

    last = plan.review.last.isoformat() if plan.review.last else "2000-01-01"
    base = f"""\
# {_comment(plan.name)} — a social media plan made by socialtui's POST interview.
# This file is yours: edit it here or in socialtui, which keeps your comments.
schema = 1
name = {toml_string(plan.name)}

# The hours you can really give social media each week.
[budget]
weekly_hours = 3.0
reserve_percent = 10        # held back for surprises
max_active_channels = 2     # walk before you run

[review]
every_weeks = 4
last = {last}
"""
    return edited_text(loads(base), plan)


def _comment(text: str) -> str:
    """``text`` safe to put on one TOML comment line (no control characters)."""
    return "".join(
        " " if ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or c in "\u2028\u2029" else c for c in text
    )
