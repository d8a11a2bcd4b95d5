"""The Week view's text: the plan's week, day by day, drawn from :mod:`socialtui.plan.week`.

Each day shows its posts per channel with their minutes, the engagement
minutes, and the day's total against ``budget.max_minutes_per_day``: a day
over it says ``OVER`` in words, not in colour only. The check-in day and a
review that falls in the week are marked; a day outside the plan's days says
``off``. A post every N weeks is counted in the totals (as the findings count
it: the week every post falls) and says "every 2nd week".

Wide terminals get seven columns (Monday to Sunday); narrow ones a row per day.
Every name from the plan goes through :func:`~socialtui.safe.one_line` into a
plain :class:`~rich.text.Text`: shown, never parsed as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from rich import box
from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from socialtui.plan.budget import format_minutes
from socialtui.plan.days import DAY_LABELS, DAYS
from socialtui.plan.finding import Finding
from socialtui.plan.model import Plan, iso_week, week_monday
from socialtui.plan.numbers import show_number
from socialtui.plan.week import (
    DAY_NAMES,
    cadence,
    channel_postings,
    day_loads,
    next_review,
    plan_days,
    week_number,
)
from socialtui.plan.week_rules import RULES
from socialtui.safe import one_line
from socialtui.tui.widgets.findings import finding_text

WIDE = 100
"""From this width on, the week is seven columns; below it, a row per day."""
OVER_MARK = "▲ OVER"
NAME_WIDTH = 40
"""A channel's name is cut after this many characters (wrapped before)."""


def ordinal(n: int) -> str:
    """2 -> "2nd", 3 -> "3rd", 4 -> "4th", 11 -> "11th", 22 -> "22nd"."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def every_text(every: int) -> str:
    """How often a post falls: "every 2nd week"."""
    return "every week" if every == 1 else f"every {ordinal(every)} week"


def minutes_text(minutes: float) -> str:
    """Minutes as the findings write them: "30m", "92.5m", "201.7m"."""
    return f"{show_number(round(minutes, 1))}m"


@dataclass(frozen=True, slots=True)
class Line:
    """One channel's work on one day."""

    name: str
    posts: int
    post_minutes: float
    every: int
    """1: every week; N: the day's post falls every N weeks."""
    engage: float


@dataclass(frozen=True, slots=True)
class DayPlan:
    """One weekday of the plan: what it holds and how it stands against the limit."""

    day: int
    when: date
    work_day: bool
    lines: tuple[Line, ...]
    total: float
    limit: float | None
    checkin: bool
    review: bool

    @property
    def over(self) -> bool:
        return self.limit is not None and self.total > self.limit

    @property
    def off_day_posts(self) -> bool:
        return not self.work_day and any(line.posts for line in self.lines)


def week_days(plan: Plan, today: date) -> tuple[DayPlan, ...]:
    """The seven days of ``today``'s ISO week, Monday first."""
    monday = week_monday(iso_week(today))
    work = plan_days(plan.budget)
    loads = day_loads(plan)
    per_day: list[list[Line]] = [[] for _ in range(7)]
    for channel in plan.active_channels:
        share = channel.engage_minutes_per_week / len(work) if work else 0.0
        by_day: dict[int, list[Line]] = {}
        for posting in channel_postings(plan, channel):
            by_day.setdefault(posting.day, []).append(
                Line(channel.name, posting.posts, posting.minutes, posting.every, 0.0)
            )
        for day in range(7):
            engage = share if day in work else 0.0
            lines = by_day.get(day) or ([Line(channel.name, 0, 0.0, 1, 0.0)] if engage else [])
            if lines:
                lines[0] = Line(
                    lines[0].name, lines[0].posts, lines[0].post_minutes, lines[0].every, engage
                )
            per_day[day].extend(lines)
    checkin = DAYS.index(plan.review.checkin_day) if plan.review.checkin_day in DAYS else 4
    review = next_review(plan.review, monday)
    return tuple(
        DayPlan(
            day,
            monday + timedelta(days=day),
            day in work,
            tuple(per_day[day]),
            loads[day],
            plan.budget.max_minutes_per_day,
            day == checkin,
            review == monday + timedelta(days=day),
        )
        for day in range(7)
    )


def week_findings(plan: Plan, today: date) -> list[Finding]:
    """The findings on the week (cadence against days, days over the limit, off days)."""
    found = [finding for rule in RULES for finding in rule(plan, today)]
    return sorted(found, key=lambda f: f.rank)


# --- pieces ---------------------------------------------------------------------------


def _posts(n: int) -> str:
    return "1 post" if n == 1 else f"{n} posts"


def _line_text(line: Line) -> Text:
    """A channel's work on a day, in a column: a long name wraps."""
    text = Text(one_line(line.name, NAME_WIDTH), style="bold")
    if line.posts:
        text.append(f"\n {_posts(line.posts)} {minutes_text(line.post_minutes)}")
        if line.every > 1:
            text.append(f"\n{every_text(line.every)}", style="italic")
    if line.engage:
        text.append(f"\n engage {minutes_text(line.engage)}", style="dim")
    return text


def total_text(day: DayPlan) -> Text:
    """The day's total against the limit: "48m of 60m", "96m of 60m" and "▲ OVER +36m"."""
    text = Text()
    if not day.work_day and not day.total:
        return Text("—", style="dim")
    text.append(minutes_text(day.total), style="bold")
    if day.limit is None:
        return text
    text.append(f" of {minutes_text(day.limit)}")
    if day.over:
        text.append(f"\n{OVER_MARK} +{minutes_text(day.total - day.limit)}", style="bold red")
    return text


def marks_text(day: DayPlan) -> Text:
    text = Text()
    if day.checkin:
        text.append("◆ check-in", style="cyan")
    if day.review:
        text.append("\n" if text else "")
        text.append("◆ review", style="magenta")
    if day.off_day_posts:
        text.append("\n" if text else "")
        text.append("▲ off day", style="yellow")
    return text


def heading(day: DayPlan) -> Text:
    text = Text(f"{DAY_LABELS[day.day]} {day.when.day}", style="bold")
    if not day.work_day:
        text.append(" · off", style="dim")
    return text


# --- the whole week ---------------------------------------------------------------------


def columns(days: tuple[DayPlan, ...]) -> Table:
    """Seven columns, Monday to Sunday."""
    table = Table(box=box.SIMPLE_HEAD, expand=True, padding=(0, 1), show_edge=False)
    for day in days:
        table.add_column(heading(day), ratio=1, overflow="fold", no_wrap=False)
    bodies = []
    for day in days:
        parts = [_line_text(line) for line in day.lines]
        if not parts:
            parts = [Text("off" if not day.work_day else "nothing", style="dim")]
        bodies.append(Text("\n").join(parts))
    table.add_row(*bodies)
    table.add_row(*(Rule(style="dim") for _ in days))
    table.add_row(*(total_text(day) for day in days))
    table.add_row(*(marks_text(day) for day in days))
    return table


def _row_work(day: DayPlan) -> Text:
    parts = []
    for line in day.lines:
        text = Text(one_line(line.name, NAME_WIDTH), style="bold")
        if line.posts:
            text.append(f" {_posts(line.posts)} {minutes_text(line.post_minutes)}")
            if line.every > 1:
                text.append(f", {every_text(line.every)}", style="italic")
        if line.engage:
            text.append(f" +{minutes_text(line.engage)} engage", style="dim")
        parts.append(text)
    if not parts:
        return Text("off" if not day.work_day else "nothing", style="dim")
    return Text("\n").join(parts)


def rows(days: tuple[DayPlan, ...]) -> Table:
    """A row per day: the day, its work, its total and its marks."""
    table = Table(box=box.SIMPLE_HEAD, expand=True, padding=(0, 1), show_edge=False)
    table.add_column("Day", no_wrap=True)
    table.add_column("Posts and engagement", ratio=1)
    table.add_column("Total", no_wrap=True)
    for day in days:
        total = total_text(day)
        marks = marks_text(day)
        if marks:
            total.append("\n")
            total.append_text(marks)
        table.add_row(heading(day), _row_work(day), total)
    return table


def settings_text(plan: Plan, today: date) -> Text:
    """The week's settings on a line or two: days, daily limit, start, check-in, review."""
    budget, review = plan.budget, plan.review
    work = plan_days(budget)
    text = Text()
    text.append("Days ", style="dim")
    text.append(" ".join(DAY_LABELS[d] for d in work), style="bold")
    text.append("  Daily limit ", style="dim")
    limit = budget.max_minutes_per_day
    text.append("none" if limit is None else minutes_text(limit), style="bold")
    text.append("  Start ", style="dim")
    text.append(one_line(budget.start), style="bold")
    text.append("  Check-in ", style="dim")
    checkin = review.checkin_day if review.checkin_day in DAYS else "fri"
    text.append(DAY_NAMES[DAYS.index(checkin)], style="bold")
    upcoming = next_review(review, today)
    text.append("  Review ", style="dim")
    text.append(
        f"every {review.every_weeks} weeks, next {DAY_LABELS[upcoming.weekday()]} "
        f"{upcoming.isoformat()}",
        style="bold",
    )
    return text


def cadence_text(plan: Plan, today: date) -> Text:
    """A line per channel with a post every N weeks: how often, on which day, and when next."""
    monday = week_monday(iso_week(today))
    now = week_number(monday)
    text = Text()
    for channel in plan.active_channels:
        rare = [p for p in channel_postings(plan, channel) if p.every > 1]
        if not rare:
            continue
        every = rare[0].every
        ahead = (-now) % every
        when = "this week" if ahead == 0 else f"next in {iso_week(monday + timedelta(weeks=ahead))}"
        text.append("\n" if text else "")
        text.append(one_line(channel.name, 40), style="bold")
        text.append(
            f": {show_number(channel.posts_per_week)} posts a week is "
            f"{cadence(channel.posts_per_week).describe()}; the one {every_text(every)} "
            f"falls on {DAY_NAMES[rare[0].day]}, {when}"
        )
    return text


def week_view(plan: Plan, today: date, width: int) -> RenderableType:
    """The whole view: settings, the week, the every-N-weeks posts and the week's findings."""
    days = week_days(plan, today)
    parts: list[RenderableType] = [settings_text(plan, today), Text()]
    parts.append(columns(days) if width >= WIDE else rows(days))
    total = Text("Week total ", style="bold")
    total.append(format_minutes(sum(day.total for day in days)), style="bold")
    over = [DAY_NAMES[day.day] for day in days if day.over]
    if over:
        total.append(f"  {OVER_MARK} the daily limit: {', '.join(over)}", style="bold red")
    parts.append(total)
    notes = cadence_text(plan, today)
    if notes:
        notes.append("\nTotals count every post, as in a week when they all fall.", style="dim")
        parts.append(notes)
    findings = week_findings(plan, today)
    parts.append(Text("\nFindings on the week", style="bold underline"))
    if findings:
        parts.extend(finding_text(finding) for finding in findings)
    else:
        parts.append(Text("✓ No findings on the week.", style="green"))
    return Group(*parts)
