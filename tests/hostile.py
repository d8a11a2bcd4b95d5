"""A fully hostile plan, for tests that take every path text can travel.

Every string field holds Rich/Textual markup (``[b]``, ``[@click=app.quit]``,
``[link=…]``, a lone ``[/]``), escape sequences (CSI clear screen, OSC set
title, SGR colour), the 8-bit CSI (U+009B) and other C1 controls, NEL, DEL,
NUL, and bidi overrides and isolates. References (a channel's goals, an
audience's channels, check-in keys) name ids that do not exist, so findings
quote them too.
"""

from __future__ import annotations

from socialtui.store.tomltext import toml_string

HOSTILE = (
    "[b]B[/b] [@click=app.quit]Q[/] [link=https://evil.example]L[/link] [/] [00] "
    "\x1b[2J\x1b]0;pwned\x07\x1b[31mRED \x9b31m \x85 \x7f \x00 \u202eRLO\u202c "
    "\u2066ISO\u2069 \r\nsecond line\tTAB"
)
"""One string holding every kind of hostile text at once."""

ESCAPES = ("\x1b", "\x9b", "\x07", "\x00", "\x7f", "\x85", "\u202e", "\u2066")
"""Characters that must never reach a terminal or a document as they are."""

TITLE = "pwned"  # what the OSC sequence would set the terminal's title to


def hostile(label: str) -> str:
    """``HOSTILE`` with a label in front, so a test can tell fields apart."""
    return f"{label} {HOSTILE}"


def plan_text(status: str = "active") -> str:
    """A valid plan (with ``status`` for the first channel) whose every string is hostile."""
    q = toml_string
    bad_ref = q(hostile("ref"))
    return f"""\
schema = 1
name = {q(hostile("name"))}

[purpose]
who = {q(hostile("who"))}
why = {q(hostile("why"))}
what = {q(hostile("what"))}
them = {q(hostile("them"))}

[budget]
weekly_hours = 3.0
reserve_percent = 10
max_active_channels = 2

[review]
every_weeks = 4
last = 2026-10-01

[[goals]]
id = "sales"
title = {q(hostile("goal title"))}
metric = {q(hostile("metric"))}
baseline = 1
target = 10
deadline = 2027-06-30
horizon = "short"
focus = "us"

[[audiences]]
id = "locals"
name = {q(hostile("audience"))}
wants = {q(hostile("wants"))}
channels = ["ig", {bad_ref}]

[[channels]]
id = "ig"
name = {q(hostile("channel"))}
status = {q(status)}
posts_per_week = 5
minutes_per_post = 40
engage_minutes_per_week = 60
goals = ["sales", {bad_ref}]
notes = {q(hostile("notes"))}

[[channels]]
id = "news"
name = {q(hostile("candidate"))}
status = "candidate"
posts_per_week = 1
minutes_per_post = 30
engage_minutes_per_week = 0
goals = ["sales"]

[[checkins]]
week = "2026-W46"
hours = {{ ig = 4, {bad_ref} = 1 }}
metrics = {{ sales = 3, {bad_ref} = 2 }}
verdicts = {{ ig = "working" }}
note = {q(hostile("note"))}

[[checkins]]
week = "2026-W47"
hours = {{ ig = 5 }}
metrics = {{ sales = 4 }}
note = {q(hostile("note 2"))}
"""


def escapes_in(text: str) -> list[str]:
    """The hostile characters found in ``text`` (empty: none)."""
    return [repr(c) for c in ESCAPES if c in text]
