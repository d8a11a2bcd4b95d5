"""Plan files for the CLI tests, as TOML text."""

from __future__ import annotations

from pathlib import Path

GOOD = """\
schema = 1
name = "Good plan"

[purpose]
who = "Shop owners nearby"
why = "More leads without ads"

[budget]
weekly_hours = 4
reserve_percent = 10
max_active_channels = 2

[review]
every_weeks = 4
last = 2026-11-01

[[goals]]
id = "leads"
title = "Leads"
metric = "leads per month"
baseline = 1
target = 4
deadline = 2027-06-30
horizon = "long"
focus = "us"

[[audiences]]
id = "owners"
name = "Owners"
channels = ["linkedin"]

[[channels]]
id = "linkedin"
name = "LinkedIn"
status = "active"
posts_per_week = 2
minutes_per_post = 30
engage_minutes_per_week = 30
goals = ["leads"]
"""

# 3 x 40 + 60 = 180 minutes planned, 1 h x 0.9 = 54 available.
OVER = """\
schema = 1
name = "Over plan"

[budget]
weekly_hours = 1
reserve_percent = 10

[[goals]]
id = "leads"
title = "Leads"
metric = "leads per month"
target = 4
deadline = 2027-06-30

[[audiences]]
id = "owners"
name = "Owners"
channels = ["instagram"]

[[channels]]
id = "instagram"
name = "Instagram"
status = "active"
posts_per_week = 3
minutes_per_post = 40
engage_minutes_per_week = 60
goals = ["leads"]
"""

# A TOML syntax error on line 4.
BROKEN = """\
schema = 1
name = "Broken plan"
[budget]
weekly_hours = = 3
"""

# Escape sequences, C1 controls and bidi overrides in every printed string.
HOSTILE = """\
schema = 1
name = "Evil \\u001b[2J\\u001b]0;pwned\\u0007 \\u009b31m \\u202eplan"

[budget]
weekly_hours = 1

[[audiences]]
id = "a"
name = "Aud \\u001b[31m"
channels = ["x"]

[[channels]]
id = "x"
name = "Chan \\u001b[5m\\u2066"
status = "active"
posts_per_week = 5
minutes_per_post = 60
"""

RAW_BAD = ("\x1b", "\x07", "\x9b", "\u202e", "\u2066")


def write_plan(plans: Path, stem: str, text: str) -> Path:
    plans.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = plans / f"{stem}.toml"
    path.write_text(text, encoding="utf-8")
    return path
