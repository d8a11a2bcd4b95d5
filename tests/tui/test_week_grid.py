"""The Week view's text, from plans built here: what each day says, worked out by hand."""

from __future__ import annotations

import os
from datetime import date

import pytest
from rich.console import Console

from socialtui.plan.model import Budget, Channel, Plan, Review
from socialtui.tui.widgets.week_grid import ordinal, week_days, week_view

MONDAY = date(2026, 11, 23)  # 2026-W48, week 2969 counted from 1970-W01 (odd)


def text_of(renderable, width: int) -> str:
    with open(os.devnull, "w") as sink:
        console = Console(width=width, record=True, file=sink, color_system=None)
        console.print(renderable)
        return console.export_text()


@pytest.mark.parametrize(
    ("n", "word"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"),
     (13, "13th"), (21, "21st"), (22, "22nd"), (52, "52nd"), (111, "111th")],
)  # fmt: skip
def test_ordinals(n: int, word: str):
    assert ordinal(n) == word


def plan(*channels: Channel, **budget) -> Plan:
    return Plan(name="Week test", budget=Budget(**budget), channels=channels)


def test_posts_on_an_off_day_are_shown_and_marked():
    blog = Channel("blog", "Blog", "active", 1, 30, 0, days=("sat",))
    days = week_days(plan(blog), MONDAY)
    saturday = days[5]
    assert (saturday.work_day, saturday.total, saturday.off_day_posts) == (False, 30, True)
    text = text_of(week_view(plan(blog), MONDAY, 120), 120)
    assert "Sat 28 · off" in text and "▲ off day" in text
    assert "off-day" in text  # the finding, on the week


def test_a_post_every_fourth_week_and_its_next_week():
    # 0.25 a week: one post every 4 weeks, in the weeks whose count is a multiple
    # of 4; week 2969 is 1 past one, so the next is 3 weeks on: 2026-W51.
    zine = Channel("zine", "Zine", "active", 0.25, 120, 0)
    text = text_of(week_view(plan(zine), MONDAY, 120), 120)
    assert "every 4th week" in text
    assert "falls on Wednesday, next in 2026-W51" in text


def test_a_day_over_the_limit_says_over_in_words():
    # 5 posts of 25m over Mon-Fri (one a day) and 50m engagement (10m a day): 35m a day.
    daily = Channel("daily", "Daily", "active", 5, 25, 50)
    text = text_of(week_view(plan(daily, max_minutes_per_day=30), MONDAY, 80), 80)
    assert text.count("35m of 30m") == 5
    assert text.count("▲ OVER +5m") == 5
    within = text_of(week_view(plan(daily, max_minutes_per_day=35), MONDAY, 80), 80)
    assert "OVER" not in within and within.count("35m of 35m") == 5


def test_the_review_is_marked_on_its_day_when_it_falls_in_the_week():
    # Every 2 weeks from Thursday 2026-11-12: the next is Thursday 2026-11-26.
    reviewed = Plan(name="R", review=Review(every_weeks=2, last=date(2026, 11, 12)))
    days = week_days(reviewed, MONDAY)
    assert [d.review for d in days] == [False, False, False, True, False, False, False]
    assert "◆ review" in text_of(week_view(reviewed, MONDAY, 120), 120)


def test_a_plan_with_nothing_active_says_so():
    text = text_of(week_view(plan(), MONDAY, 120), 120)
    assert text.count("nothing") == 5 and "No findings on the week" in text
