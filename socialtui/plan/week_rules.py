"""Findings on the week (P5, boundaries): cadence against posting days, days over
the daily limit, posts outside the plan's days.

The week these rules read is :mod:`.week`'s: the heaviest week, in which every
post falls (every-N-weeks ones too). Only ``active`` channels have a week.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from .budget import PRECISION
from .days import DAYS
from .edits import Edit
from .finding import Finding, Fix, Rule, join
from .model import Channel, Plan
from .numbers import show_number
from .week import (
    CADENCE_TOLERANCE,
    DAY_NAMES,
    Posting,
    cadence,
    channel_postings,
    day_indexes,
    day_loads,
    plan_days,
    posting_days,
    spread,
)

RULES: list[Rule] = []


def rule(func: Rule) -> Rule:
    RULES.append(func)
    return func


def _labels(days: tuple[int, ...] | list[int]) -> str:
    """Mon, Wed and Fri."""
    return join([DAY_NAMES[d][:3] for d in days])


def _minutes(value: float) -> str:
    """95 -> "95m", 92.5 -> "92.5m"."""
    return f"{show_number(round(value, 1))}m"


def _names(days: tuple[int, ...] | list[int]) -> tuple[str, ...]:
    return tuple(DAYS[d] for d in sorted(set(days)))


def _least_loaded(loads: tuple[float, ...], days: list[int]) -> int | None:
    return min(days, key=lambda d: (loads[d], d), default=None)


def _own_days(plan: Plan, channel: Channel) -> tuple[int, ...]:
    """The channel's days as written, else the days the week gave it."""
    return day_indexes(channel.days) or tuple(sorted(set(posting_days(plan, channel))))


def _tidy(value: float, target: float) -> float:
    """The shortest decimal (2 to 4 places) within the tolerance of ``target``."""
    for digits in (2, 3, 4):
        if abs(round(target, digits) - target) < CADENCE_TOLERANCE:
            return round(target, digits)
    return value


@rule
def cadence_days_mismatch(plan: Plan, today: date) -> Iterator[Finding]:
    loads: tuple[float, ...] | None = None
    for channel in plan.active_channels:
        posts = channel.posts_per_week
        beat = cadence(posts)
        subject = f"channel:{channel.id}"
        if abs(beat.per_week - posts) >= CADENCE_TOLERANCE:
            laid = _tidy(posts, beat.per_week)
            yield Finding(
                "cadence-days-mismatch",
                "warning",
                f"'{channel.name}': {show_number(posts)} posts a week is not a post every "
                f"whole number of weeks; the week and the calendar lay out {beat.describe()}",
                "P5",
                subject,
                Fix(
                    f"Plan {beat.describe()}",
                    (Edit("channel", channel.id, "posts_per_week", posts, laid),),
                ),
            )
            continue
        days = day_indexes(channel.days)
        if not days or len(days) == beat.slots:
            continue
        message = (
            f"'{channel.name}': {beat.describe()} on {len(days)} posting days ({_labels(days)})"
        )
        if len(days) > beat.slots:
            kept = _names(spread(beat.slots, days))
            label = f"Post on {_labels(day_indexes(kept))} only" if kept else "Clear its days"
            edits: tuple[Edit, ...] = (Edit("channel", channel.id, "days", channel.days, kept),)
        else:
            if loads is None:
                loads = day_loads(plan)
            free = [d for d in plan_days(plan.budget) if d not in days]
            wanted = beat.slots - len(days)
            added = sorted(free, key=lambda d: (loads[d], d))[:wanted]
            if len(added) == wanted:
                label = f"Post on {_labels(sorted(added))} too"
                new = _names([*days, *added])
                edits = (Edit("channel", channel.id, "days", channel.days, new),)
            else:
                label = f"Give it {beat.slots} posting days, or post less often"
                edits = ()
        yield Finding("cadence-days-mismatch", "warning", message, "P5", subject, Fix(label, edits))


Placed = list[tuple[Channel, tuple[int, ...], tuple[Posting, ...]]]


def _move(plan: Plan, placed: Placed, loads: tuple[float, ...], day: int, limit: float) -> Fix:
    """Move one channel's posts from ``day`` to the least loaded of the plan's days it
    does not post on: the largest move that keeps that day within the limit, else the
    one that lowers the higher of the two days most. A move that only shifts the
    overload elsewhere is no fix."""
    work = plan_days(plan.budget)
    load = loads[day]
    for target in sorted((d for d in work if d != day), key=lambda d: (loads[d], d)):
        useful = []
        for channel, own, postings in placed:
            moved = [p for p in postings if p.day == day]
            minutes = round(sum(p.minutes for p in moved), PRECISION)
            if moved and target not in own and loads[target] + minutes < load:
                useful.append((channel, own, sum(p.posts for p in moved), minutes))
        if not useful:
            continue
        fits = [m for m in useful if loads[target] + m[3] <= limit]
        channel, own, posts, minutes = (
            max(fits, key=lambda m: m[3])
            if fits
            else min(useful, key=lambda m: (max(load - m[3], loads[target] + m[3]), -m[3]))
        )
        new = _names([d for d in own if d != day] + [target])
        label = (
            f"Move '{channel.name}' from {DAY_NAMES[day]} to {DAY_NAMES[target]} "
            f"({posts} post{'s' if posts != 1 else ''}, {_minutes(minutes)})"
        )
        if not channel.days:
            label += f"; its posting days become {_labels(day_indexes(new))}"
        return Fix(label, (Edit("channel", channel.id, "days", channel.days, new),))
    return Fix(f"Post less on {DAY_NAMES[day]}, or raise max_minutes_per_day if it is real")


@rule
def day_over_limit(plan: Plan, today: date) -> Iterator[Finding]:
    limit = plan.budget.max_minutes_per_day
    if limit is None or not plan.active_channels:
        return
    loads = day_loads(plan)
    if max(loads) <= limit:
        return
    weekly = day_loads(plan, None)
    placed = [(c, _own_days(plan, c), channel_postings(plan, c)) for c in plan.active_channels]
    for day, load in enumerate(loads):
        if load <= limit:
            continue
        when = "" if weekly[day] > limit else " in the weeks every post falls"
        yield Finding(
            "day-over-limit",
            "warning",
            f"{DAY_NAMES[day]}: {_minutes(load)} planned{when}, limit {_minutes(limit)}",
            "P5",
            "budget",
            _move(plan, placed, loads, day, limit),
        )


@rule
def off_day(plan: Plan, today: date) -> Iterator[Finding]:
    work = plan_days(plan.budget)
    loads: tuple[float, ...] | None = None
    for channel in plan.active_channels:
        if not channel.days:
            continue  # spread over the plan's days: never off
        off = sorted({p.day for p in channel_postings(plan, channel) if p.day not in work})
        if not off:
            continue
        if loads is None:
            loads = day_loads(plan)
        own = day_indexes(channel.days)
        free = sorted((d for d in work if d not in own), key=lambda d: (loads[d], d))
        names = join([DAY_NAMES[d] for d in off])
        if len(free) >= len(off):
            targets = sorted(free[: len(off)])
            new = _names([d for d in own if d not in off] + targets)
            fix = Fix(
                f"Move '{channel.name}' from {names} to {join([DAY_NAMES[d] for d in targets])}",
                (Edit("channel", channel.id, "days", channel.days, new),),
            )
        else:
            fix = Fix(f"Add {names} to the plan's days (budget.days), or post less often")
        yield Finding(
            "off-day",
            "info",
            f"'{channel.name}' posts on {names}, outside the plan's days ({_labels(work)})",
            "P5",
            f"channel:{channel.id}",
            fix,
        )
