"""A key that comes back goes back inside its own table, and comments stay put.

Deleting a channel's last goal removes its ``goals`` key; linking a goal again
must put the key back in that channel's table, after its last key, not after
the comments that introduce the next table (or close the file). The property
test drives random sequences of field edits through the real save path
(:func:`socialtui.store.edited_text`, read back with the loader each time) and
checks the layout of the text: every full-line comment survives in order, and
the comments that introduce a table header still sit right above it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialtui import store
from socialtui.store import tomldoc

PLAN = """\
# A plan with comments everywhere.

schema = 1
name = "Layout"

# who we are
[purpose]
who = "Neighbours"   # the people
# why and what come later

# -- money and time --
[budget]
weekly_hours = 5.0
reserve_percent = 10
max_active_channels = 2

[review]
every_weeks = 4
# last review: none yet

# -- goals --
[[goals]]
id = "sales"
title = "More sales"
metric = "orders"

# the second goal
[[goals]]
id = "reach"
title = "Reach"

# -- audiences --
[[audiences]]
id = "locals"
name = "Locals"

# -- channels --
[[channels]]
id = "ig"
name = "Instagram"
status = "active"
goals = ["sales"]
# the newsletter comes second

[[channels]]
id = "news"
name = "Newsletter"
status = "candidate"

# -- the end: nothing below this line --
"""

HEADER_RE = re.compile(r"\s*\[\[?[a-z]+\]\]?\s*(#.*)?\Z")
KEY_RE = re.compile(r"\s*[A-Za-z0-9_\"'-]+\s*=")


def is_comment(line: str) -> bool:
    return line.strip().startswith("#")


def comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if is_comment(line)]


def introductions(text: str) -> list[tuple[str, list[str]]]:
    """For each table header (and the end of the file), the comment lines between
    the last key or header above it and it."""
    found: list[tuple[str, list[str]]] = []
    block: list[str] = []
    for line in [*text.splitlines(), "<end>"]:
        if line == "<end>" or HEADER_RE.match(line):
            found.append((line.strip(), block))
            block = []
        elif is_comment(line):
            block.append(line.strip())
        elif KEY_RE.match(line):
            block = []
    return found


def test_a_goal_linked_again_goes_back_inside_its_channel():
    loaded = store.loads(PLAN)
    ig = loaded.plan.channels[0]
    unlinked = replace(loaded.plan, channels=(replace(ig, goals=()), loaded.plan.channels[1]))
    without = store.loads(store.edited_text(loaded, unlinked))
    assert 'goals = ["sales"]' not in without.text
    linked = replace(without.plan, channels=(ig, without.plan.channels[1]))
    text = store.edited_text(without, linked)
    assert text == PLAN  # back where it was: after the table's last key


def test_a_new_key_in_the_last_table_goes_before_the_closing_comments():
    loaded = store.loads(PLAN)
    news = replace(loaded.plan.channels[1], goals=("reach",))
    text = store.edited_text(loaded, replace(loaded.plan, channels=(loaded.plan.channels[0], news)))
    lines = text.splitlines()
    assert lines[-1] == "# -- the end: nothing below this line --"
    assert lines[lines.index('status = "candidate"') + 1] == 'goals = ["reach"]'


def test_a_purpose_field_goes_after_the_table_s_last_key():
    loaded = store.loads(PLAN)
    plan = replace(loaded.plan, purpose=replace(loaded.plan.purpose, what="Bread"))
    lines = store.edited_text(loaded, plan).splitlines()
    at = lines.index('who = "Neighbours"   # the people')
    assert lines[at + 1] == 'what = "Bread"'
    assert lines[at + 2] == "# why and what come later"


def test_set_key_places_a_top_level_key_before_the_first_table_s_comments():
    import tomlkit

    doc = tomlkit.parse('theme = "nord"\n\n# colours\n[keys]\nquit = "q"\n')
    tomldoc.set_key(doc, "font", "mono")
    assert doc.as_string() == 'theme = "nord"\nfont = "mono"\n\n# colours\n[keys]\nquit = "q"\n'


# -- random sequences of edits --------------------------------------------------------------


def _toggle_goals(plan, index: int, on: bool):
    channels = list(plan.channels)
    ids = tuple(g.id for g in plan.goals)
    channels[index] = replace(channels[index], goals=ids[index % len(ids) :][:1] if on else ())
    return replace(plan, channels=tuple(channels))


def _channel_notes(plan, index: int, on: bool):
    channels = list(plan.channels)
    channels[index] = replace(channels[index], notes="a note" if on else "")
    return replace(plan, channels=tuple(channels))


def _goal_field(plan, index: int, on: bool, name: str):
    values = {"metric": "visits", "baseline": 3, "deadline": date(2027, 6, 1), "horizon": "long"}
    empty = "" if name == "metric" else None
    goals = list(plan.goals)
    goals[index] = replace(goals[index], **{name: values[name] if on else empty})
    return replace(plan, goals=tuple(goals))


def _purpose(plan, index: int, on: bool, name: str):
    return replace(plan, purpose=replace(plan.purpose, **{name: f"{name} text" if on else ""}))


def _wants(plan, index: int, on: bool):
    audience = replace(plan.audiences[0], wants="fresh bread" if on else "")
    return replace(plan, audiences=(audience,))


def _review(plan, index: int, on: bool):
    return replace(plan, review=replace(plan.review, last=date(2026, 11, 1) if on else None))


EDITS = [
    _toggle_goals,
    _channel_notes,
    *(lambda p, i, on, n=n: _goal_field(p, i, on, n) for n in ("metric", "baseline", "deadline")),
    lambda p, i, on: _goal_field(p, i, on, "horizon"),
    *(lambda p, i, on, n=n: _purpose(p, i, on, n) for n in ("who", "why", "what", "them")),
    _wants,
    _review,
]

edit_steps = st.lists(
    st.tuples(st.sampled_from(range(len(EDITS))), st.integers(0, 1), st.booleans()),
    min_size=1,
    max_size=12,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=edit_steps, crlf=st.booleans())
def test_random_edits_keep_keys_in_their_tables_and_comments_in_place(steps, crlf):
    original = PLAN.replace("\n", "\r\n") if crlf else PLAN
    loaded = store.loads(original)
    for which, index, on in steps:
        plan = EDITS[which](loaded.plan, index, on)
        text = store.edited_text(loaded, plan)
        loaded = store.loads(text)
        assert loaded.plan == plan
    assert comments(loaded.text) == comments(PLAN)
    assert introductions(loaded.text) == introductions(PLAN)
    if crlf:
        assert "\n" not in loaded.text.replace("\r\n", "")
