"""The week's keys in the plan file: budget.days, max_minutes_per_day, start,
timezone and channels[].days, read with line and column errors and written in place."""

from __future__ import annotations

import difflib
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from socialtui import store

FIXTURES = Path(__file__).parent.parent / "fixtures"

BASE = """\
name = "Week"

[budget]
weekly_hours = 5

[[channels]]
id = "ig"
name = "Instagram"
status = "active"
posts_per_week = 2
"""


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_defaults_when_the_file_says_nothing():
    plan = store.loads(BASE).plan
    assert plan.budget.days == ("mon", "tue", "wed", "thu", "fri")
    assert plan.budget.max_minutes_per_day is None
    assert plan.budget.start == "09:00"
    assert plan.budget.timezone == ""
    assert plan.channels[0].days == ()


def test_values_are_read():
    text = BASE.replace(
        "weekly_hours = 5\n",
        'weekly_hours = 5\ndays = ["sat", "mon"]\nmax_minutes_per_day = 45.5\n'
        'start = "07:30"\ntimezone = "America/New_York"\n',
    ).replace("posts_per_week = 2\n", 'posts_per_week = 2\ndays = ["sat", "mon"]\n')
    plan = store.loads(text).plan
    assert plan.budget.days == ("sat", "mon")  # as written; the week sorts them
    assert plan.budget.max_minutes_per_day == 45.5
    assert plan.budget.start == "07:30"
    assert plan.budget.timezone == "America/New_York"
    assert plan.channels[0].days == ("sat", "mon")


def test_an_empty_list_of_channel_days_means_none():
    text = BASE.replace("posts_per_week = 2\n", "posts_per_week = 2\ndays = []\n")
    assert store.loads(text).plan.channels[0].days == ()


BAD = [
    ("budget", "days = []", "budget.days must name at least one day"),
    ("budget", 'days = ["mon", "Tue"]', "budget.days[1] must be mon, tue, wed, thu, fri, sat"),
    ("budget", 'days = ["mon", "mon"]', "budget.days[1] 'mon' appears twice"),
    ("budget", 'days = "mon"', "budget.days must be an array of strings, not 'mon'"),
    ("budget", "days = [1]", "budget.days[0] must be a string, not 1"),
    ("budget", "max_minutes_per_day = 0", "greater than 0 and at most 1440, not 0"),
    ("budget", "max_minutes_per_day = 1441", "greater than 0 and at most 1440, not 1441"),
    ("budget", "max_minutes_per_day = nan", "must be a finite number"),
    ("budget", 'max_minutes_per_day = "60"', "must be a number, not '60'"),
    ("budget", 'start = "9:00"', 'budget.start must be a time of day as a string "HH:MM"'),
    ("budget", 'start = "24:00"', "not '24:00'"),
    ("budget", "start = 09:00:00", "not a time"),
    ("budget", 'timezone = "Mars/Olympus_Mons"', "must be an IANA time zone name"),
    ("budget", 'timezone = "../../etc/passwd"', "not '../../etc/passwd'"),
    ("budget", "timezone = 1", "budget.timezone must be a string, not 1"),
    ("channel", 'days = ["sun", "funday"]', "channels[0].days[1] must be mon, tue"),
    ("channel", 'days = ["sun", "sun"]', "channels[0].days[1] 'sun' appears twice"),
]


@pytest.mark.parametrize(("where", "line", "reason"), BAD)
def test_a_bad_value_is_a_load_error_at_its_key(where, line, reason):
    if where == "budget":
        text = BASE.replace("weekly_hours = 5\n", f"weekly_hours = 5\n{line}\n")
        at = (5, 1)
    else:
        text = BASE + line + "\n"
        at = (11, 1)
    with pytest.raises(store.PlanLoadError) as caught:
        store.loads(text, "plan.toml")
    assert reason in caught.value.reason
    assert (caught.value.line, caught.value.column) == at, str(caught.value)


def test_a_newer_schema_falls_back_to_the_defaults():
    text = "schema = 2\n" + BASE.replace(
        "weekly_hours = 5\n", 'weekly_hours = 5\ndays = []\nstart = "late"\n'
    )
    loaded = store.loads(text)
    assert loaded.read_only
    assert loaded.plan.budget.days == ("mon", "tue", "wed", "thu", "fri")
    assert loaded.plan.budget.start == "09:00"


def test_the_keys_are_written_in_place_and_removed_when_cleared(tmp_path):
    path = tmp_path / "plan.toml"
    shutil.copy(FIXTURES / "commented.toml", path)
    first = path.read_text()
    loaded = store.load(path)
    plan = loaded.plan
    budget = replace(
        plan.budget,
        days=("mon", "wed", "sat"),
        max_minutes_per_day=60,
        start="08:30",
        timezone="Europe/Paris",
    )
    channel = replace(plan.channels[0], days=("tue", "thu"))
    wanted = replace(plan, budget=budget, channels=(channel, *plan.channels[1:]))
    saved = store.save(loaded, wanted)
    second = path.read_text()
    assert changed_lines(first, second) == [
        '+days = ["mon", "wed", "sat"]',
        "+max_minutes_per_day = 60",
        '+start = "08:30"',
        '+timezone = "Europe/Paris"',
        '+days = ["tue", "thu"]',
    ]
    assert store.load(path).plan == wanted

    moved = replace(wanted, channels=(replace(channel, days=("tue", "fri")), *plan.channels[1:]))
    saved = store.save(saved, moved)
    third = path.read_text()
    assert changed_lines(second, third) == ['-days = ["tue", "thu"]', '+days = ["tue", "fri"]']

    cleared = replace(
        moved,
        budget=replace(moved.budget, max_minutes_per_day=None, timezone=""),
        channels=(replace(channel, days=()), *plan.channels[1:]),
    )
    store.save(saved, cleared)
    assert changed_lines(third, path.read_text()) == [
        "-max_minutes_per_day = 60",
        '-timezone = "Europe/Paris"',
        '-days = ["tue", "fri"]',
    ]
    assert store.load(path).plan == cleared
