"""Findings: the live flags a plan raises against the principles in PRODUCT.md.

A finding is data (:mod:`.finding`): a stable id, a severity, a message with the
concrete numbers, the principle it comes from, its subject and, where one
exists, a fix. Each rule is one small function registered in :data:`RULES`:
the rules on the plan's shape and budget here, then those on what the
check-ins say (:mod:`.checkin_rules`), then those on the week's days
(:mod:`.week_rules`), then those on who does what (:mod:`.people_rules`).
:func:`check` runs them all. The date is
always passed in: nothing here reads a clock.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from . import checkin_rules, people_rules, week_rules
from .budget import channel_minutes, committed_minutes, near_threshold, plan_capacity
from .budget import format_minutes as fm
from .edits import Edit
from .evidence import lived_week
from .finding import SEVERITIES, SEVERITY_RANK, Finding, Fix, Rule, join, names
from .model import Plan

__all__ = ["RULES", "SEVERITIES", "Finding", "Fix", "Rule", "check", "worst"]

RULES: list[Rule] = []


def rule(func: Rule) -> Rule:
    RULES.append(func)
    return func


def check(plan: Plan, today: date) -> list[Finding]:
    """Every finding for ``plan`` on ``today``: errors first, then warnings, then info."""
    found = [finding for each in RULES for finding in each(plan, today)]
    found.sort(key=lambda f: f.rank)  # stable: rule order within a severity
    return found


def worst(findings: list[Finding]) -> str | None:
    """The most severe severity present, or None when there is nothing."""
    return min((f.severity for f in findings), key=SEVERITY_RANK.__getitem__, default=None)


# --- P5 / P6: the budget -------------------------------------------------------


@rule
def over_budget(plan: Plan, today: date) -> Iterator[Finding]:
    committed, capacity = committed_minutes(plan), plan_capacity(plan)
    if committed > capacity:
        from .fit import fit_to_budget

        proposal = fit_to_budget(plan)
        fix = None
        if proposal.edits:
            fix = Fix(
                f"Fit to budget: {proposal.summary(plan)}",
                proposal.edits,
            )
        yield Finding(
            "over-budget",
            "error",
            f"{fm(committed)} planned, {fm(capacity)} available — {fm(committed - capacity)} over",
            "P5",
            "budget",
            fix,
        )


@rule
def near_budget(plan: Plan, today: date) -> Iterator[Finding]:
    committed, capacity = committed_minutes(plan), plan_capacity(plan)
    if near_threshold(capacity) < committed <= capacity:
        percent = 100 * committed / capacity
        yield Finding(
            "near-budget",
            "warning",
            f"{fm(committed)} planned of {fm(capacity)} available ({percent:.0f} %) — "
            f"only {fm(capacity - committed)} to spare for a bad week",
            "P5",
            "budget",
            Fix("Post a little less often, or raise the weekly hours if they are real"),
        )


@rule
def over_in_practice(plan: Plan, today: date) -> Iterator[Finding]:
    lived = lived_week(plan)
    capacity = plan_capacity(plan)
    if lived is None or lived.minutes <= capacity:
        return
    over = lived.minutes - capacity
    planned = {c.id: channel_minutes(c) for c in plan.active_channels}
    overrun = [
        plan.channel(ch).name for ch, share in lived.by_channel if share > planned.get(ch, 0)
    ]
    if overrun:
        label = (
            f"Raise the estimates of {names(overrun)} to what they take, "
            "then fit the plan to the budget"
        )
    else:
        label = f"Free {fm(over)} a week: fewer posts, less engagement, or a channel to later"
    yield Finding(
        "over-in-practice",
        "warning",
        f"{fm(lived.minutes)} a week spent in practice (last {lived.count} check-ins), "
        f"{fm(capacity)} available — {fm(over)} over",
        "P5",
        "budget",
        Fix(label),
    )


@rule
def too_many_channels(plan: Plan, today: date) -> Iterator[Finding]:
    active = plan.active_channels
    limit = plan.budget.max_active_channels
    if len(active) > limit:
        from .fit import rank_channels

        ranked = rank_channels(plan, active)
        extra = ranked[limit:]
        edits = tuple(Edit("channel", c.id, "status", "active", "later") for c in extra)
        yield Finding(
            "too-many-channels",
            "warning",
            f"{len(active)} active channels, the plan's limit is {limit}: walk before you run",
            "P4",
            "channels",
            Fix(f"Move {names(c.name for c in extra)} to later", edits),
        )


# --- P1 / P2 / P3: strategy gaps ---------------------------------------------------


@rule
def no_purpose(plan: Plan, today: date) -> Iterator[Finding]:
    missing = [
        text
        for text, value in (
            ("who the plan is for", plan.purpose.who),
            ("why you are there", plan.purpose.why),
        )
        if not value.strip()
    ]
    if missing:
        yield Finding(
            "no-purpose",
            "warning",
            f"The purpose does not say {' or '.join(missing)}",
            "P3",
            "purpose",
            Fix("Say who it is for and why you are there (p)"),
        )


@rule
def no_goals(plan: Plan, today: date) -> Iterator[Finding]:
    if plan.active_channels and not plan.goals:
        yield Finding(
            "no-goals",
            "warning",
            f"{len(plan.active_channels)} active channel(s) but no goal: why are we there?",
            "P1",
            "goals",
            Fix("Add a goal with a metric, a target and a deadline"),
        )


@rule
def no_audience(plan: Plan, today: date) -> Iterator[Finding]:
    if not plan.audiences:
        yield Finding(
            "no-audience",
            "warning",
            "The plan names no audience: who is it for?",
            "P3",
            "audiences",
            Fix("Add an audience, what they want and where they spend time"),
        )


@rule
def channel_without_goal(plan: Plan, today: date) -> Iterator[Finding]:
    goal_ids = {g.id for g in plan.goals}
    for channel in plan.active_channels:
        if not any(g in goal_ids for g in channel.goals):
            yield Finding(
                "channel-without-goal",
                "warning",
                f"'{channel.name}' is active but serves no goal: tactics without strategy",
                "P1",
                f"channel:{channel.id}",
                Fix(
                    f"Link '{channel.name}' to a goal, or move it to later",
                    (Edit("channel", channel.id, "status", "active", "later"),),
                ),
            )


@rule
def goal_without_channel(plan: Plan, today: date) -> Iterator[Finding]:
    served = {g for c in plan.active_channels for g in c.goals}
    for goal in plan.goals:
        if goal.id not in served:
            yield Finding(
                "goal-without-channel",
                "warning",
                f"No active channel serves the goal '{goal.title}'",
                "P1",
                f"goal:{goal.id}",
                Fix("Link an active channel to it, or activate a channel that serves it"),
            )


@rule
def goal_not_measurable(plan: Plan, today: date) -> Iterator[Finding]:
    for goal in plan.goals:
        missing = [
            label
            for label, value in (
                ("a metric", goal.metric.strip()),
                ("a target", goal.target is not None),
                ("a deadline", goal.deadline is not None),
            )
            if not value
        ]
        if missing:
            yield Finding(
                "goal-not-measurable",
                "warning",
                f"The goal '{goal.title}' lacks {join(missing)}",
                "P2",
                f"goal:{goal.id}",
                Fix("Say what is counted, the number to reach and by when"),
            )


@rule
def audience_unreached(plan: Plan, today: date) -> Iterator[Finding]:
    active = {c.id for c in plan.active_channels}
    for audience in plan.audiences:
        if not any(c in active for c in audience.channels):
            where = (
                f"none of {names(audience.channels)} is active"
                if audience.channels
                else "no channel is listed for them"
            )
            yield Finding(
                "audience-unreached",
                "warning",
                f"'{audience.name}' is not reached: {where}",
                "P3",
                f"audience:{audience.id}",
                Fix("Activate a channel where they are, or say where they spend time"),
            )


@rule
def channel_without_audience(plan: Plan, today: date) -> Iterator[Finding]:
    listed = {c for a in plan.audiences for c in a.channels}
    for channel in plan.active_channels:
        if channel.id not in listed:
            yield Finding(
                "channel-without-audience",
                "info",
                f"No audience is said to be on '{channel.name}'",
                "P3",
                f"channel:{channel.id}",
                Fix(f"Add '{channel.id}' to the channels of the audiences found there"),
            )


@rule
def unknown_reference(plan: Plan, today: date) -> Iterator[Finding]:
    goal_ids = {g.id for g in plan.goals}
    channel_ids = {c.id for c in plan.channels}
    for channel in plan.channels:
        unknown = [g for g in channel.goals if g not in goal_ids]
        if unknown:
            kept = tuple(g for g in channel.goals if g in goal_ids)
            yield Finding(
                "unknown-reference",
                "warning",
                f"'{channel.name}' serves goal(s) {names(unknown)} that the plan does not have",
                "P1",
                f"channel:{channel.id}",
                Fix(
                    "Remove the unknown goal(s) from the channel",
                    (Edit("channel", channel.id, "goals", channel.goals, kept),),
                ),
            )
    for checkin in plan.checkins:
        for label, keys, known in (
            ("hours", checkin.hours, channel_ids),
            ("metrics", checkin.metrics, goal_ids),
            ("verdicts", checkin.verdicts, channel_ids),
        ):
            unknown = [k for k in keys if k not in known]
            if unknown:
                kind = "goal(s)" if label == "metrics" else "channel(s)"
                yield Finding(
                    "unknown-reference",
                    "warning",
                    f"Check-in {checkin.week}: {label} name {kind} {names(unknown)} "
                    "that the plan does not have",
                    "P8",
                    f"checkin:{checkin.week}",
                    None,
                )


# --- P7: balance -------------------------------------------------------------------


@rule
def unbalanced_horizon(plan: Plan, today: date) -> Iterator[Finding]:
    if len(plan.goals) < 2:
        return
    horizons = {g.horizon for g in plan.goals}
    if horizons in ({"short"}, {"long"}):
        (only,) = horizons
        other = "long" if only == "short" else "short"
        yield Finding(
            "unbalanced-horizon",
            "info",
            f"All {len(plan.goals)} goals are {only}-term: is there a {other}-term one?",
            "P7",
            "goals",
            Fix(f"Consider a {other}-term goal"),
        )


@rule
def unbalanced_focus(plan: Plan, today: date) -> Iterator[Finding]:
    if len(plan.goals) >= 2 and all(g.focus == "us" for g in plan.goals):
        yield Finding(
            "unbalanced-focus",
            "info",
            f"All {len(plan.goals)} goals are about us: what does the community get?",
            "P7",
            "goals",
            Fix("Consider a goal focused on them (the community)"),
        )


# --- P8: history ------------------------------------------------------------------


@rule
def review_overdue(plan: Plan, today: date) -> Iterator[Finding]:
    last = plan.review.last
    if last is None:
        return
    due = last + timedelta(weeks=plan.review.every_weeks)
    if today > due:
        days = (today - due).days
        yield Finding(
            "review-overdue",
            "warning",
            f"Review was due {due.isoformat()} ({days} day(s) ago); last review {last.isoformat()}",
            "P8",
            "review",
            Fix("Run a review (r) and stamp it"),
        )


RULES.extend(checkin_rules.RULES)
RULES.extend(week_rules.RULES)
RULES.extend(people_rules.RULES)
