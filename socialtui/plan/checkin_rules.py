"""Findings from what the check-ins say (P4, P8): gaps, estimates, pace, verdicts, expansion.

Every rule here waits for enough evidence before it speaks; the thresholds and
where they come from are in the README ("Why these thresholds").
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from .budget import PRECISION, channel_minutes
from .budget import format_minutes as fm
from .edits import Edit
from .evidence import channel_record
from .finding import Finding, Fix, Rule
from .model import Plan, iso_week, parse_week, week_key, week_monday
from .shortlist import next_channel

RULES: list[Rule] = []


def rule(func: Rule) -> Rule:
    RULES.append(func)
    return func


@rule
def checkin_missing(plan: Plan, today: date) -> Iterator[Finding]:
    weeks = [c.week for c in plan.checkins if parse_week(c.week)]
    if not weeks:
        return
    latest = max(weeks, key=week_key)
    gap = (week_monday(iso_week(today)) - week_monday(latest)).days // 7
    if gap > 2:
        yield Finding(
            "checkin-missing",
            "info",
            f"No check-in for {gap} weeks (last: {latest})",
            "P8",
            "checkins",
            Fix("Record this week's check-in (c)"),
        )


ESTIMATE_LOW_RATIO = 1.2
ESTIMATE_LOW_RUN = 3


@rule
def estimate_low(plan: Plan, today: date) -> Iterator[Finding]:
    checkins = sorted(plan.checkins, key=lambda c: week_key(c.week))
    for channel in plan.active_channels:
        planned_h = channel_minutes(channel) / 60
        recorded = [c for c in checkins if channel.id in c.hours]
        run = recorded[-ESTIMATE_LOW_RUN:]
        if len(run) < ESTIMATE_LOW_RUN or planned_h <= 0:
            continue
        # Compare whole minutes, rounded, so that exactly 20 % over (3.6 h against
        # 3 h, where 1.2 x 3 = 3.5999999999999996 in floating point) does not count.
        limit = round(ESTIMATE_LOW_RATIO * channel_minutes(channel), PRECISION)
        if all(round(c.hours[channel.id] * 60, PRECISION) > limit for c in run):
            actual = sum(c.hours[channel.id] for c in run) / len(run)
            yield Finding(
                "estimate-low",
                "warning",
                f"'{channel.name}' takes {fm(actual * 60)} a week in practice "
                f"(last {ESTIMATE_LOW_RUN} check-ins), the plan says {fm(planned_h * 60)}",
                "P8",
                f"channel:{channel.id}",
                Fix("Raise its minutes per post or engagement time to match reality"),
            )


@rule
def goal_behind_pace(plan: Plan, today: date) -> Iterator[Finding]:
    from .progress import goal_progress

    for goal in plan.goals:
        progress = goal_progress(plan, goal, today)
        if progress is not None and progress.behind and not progress.too_early:
            yield Finding(
                "goal-behind-pace",
                "warning",
                f"'{goal.title}' is behind pace: {progress.describe()}",
                "P8",
                f"goal:{goal.id}",
                Fix("Look at what is working; adjust the channels, the target or the deadline"),
            )


NOT_WORKING_WEEKS = 6
"""A channel is given six weeks of check-ins before it can be called not working ..."""
NOT_WORKING_VERDICTS = 3
"""... and then needs three "not working" verdicts among its latest four."""


@rule
def not_working(plan: Plan, today: date) -> Iterator[Finding]:
    for channel in plan.active_channels:
        record = channel_record(plan, channel.id)
        if record.weeks < NOT_WORKING_WEEKS:
            continue
        bad = record.verdicts.count("not-working")
        if bad < NOT_WORKING_VERDICTS:
            continue
        yield Finding(
            "not-working",
            "warning",
            f"'{channel.name}' was judged not working in {bad} of its last "
            f"{len(record.verdicts)} check-ins ({record.weeks} weeks of check-ins): "
            "change how it is done, or stop",
            "P8",
            f"channel:{channel.id}",
            Fix(
                f"Move '{channel.name}' to later and free {fm(channel_minutes(channel))} a week",
                (Edit("channel", channel.id, "status", "active", "later"),),
            ),
        )


READY_RUN = 4


@rule
def ready_to_expand(plan: Plan, today: date) -> Iterator[Finding]:
    active = plan.active_channels
    if not active or len(plan.checkins) < READY_RUN:
        return
    recent = sorted(plan.checkins, key=lambda c: week_key(c.week))[-READY_RUN:]
    if not all(c.verdicts.get(ch.id) == "working" for c in recent for ch in active):
        return
    choice = next_channel(plan)
    candidate = choice.channel
    if candidate is None:
        return
    edits = [Edit("channel", candidate.id, "status", candidate.status, "active")]
    limit = plan.budget.max_active_channels
    label = f"Activate '{candidate.name}'"
    if len(active) >= limit:
        edits.append(Edit("budget", "", "max_active_channels", limit, len(active) + 1))
        label += f" and allow {len(active) + 1} active channels"
    spare = f"{fm(choice.spare)} is spare"
    if choice.lived_spare is not None:
        spare += " by the plan and as lived"
    yield Finding(
        "ready-to-expand",
        "info",
        f"Every active channel has been working for {READY_RUN} check-ins and "
        f"{spare}: '{candidate.name}' ({fm(channel_minutes(candidate))}) would fit",
        "P4",
        f"channel:{candidate.id}",
        Fix(label, tuple(edits)),
    )
