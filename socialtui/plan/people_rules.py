"""Findings on who does what (P5): a person over their hours, a channel nobody does.

Registered after the other rules in :data:`socialtui.plan.findings.RULES`; each
says nothing about a plan without people (but ``unknown-reference`` for an
owner that names no one, which only a plan that names owners can raise).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from .budget import PRECISION, channel_minutes
from .budget import format_minutes as fm
from .edits import Edit
from .evidence import lived_week
from .finding import Finding, Fix, Rule
from .model import RANGES, Channel, Plan
from .numbers import format_number
from .people import PersonLoad, people_loads, team_hours

RULES: list[Rule] = []


def rule(func: Rule) -> Rule:
    RULES.append(func)
    return func


def _move(plan: Plan, load: PersonLoad, loads: tuple[PersonLoad, ...]) -> Edit | None:
    """Moving one of ``load``'s channels to someone with the spare time for it: the
    cheapest channel whose move brings ``load`` within their hours, else the one that
    takes them furthest down; to the person with the most spare. None when nobody
    has room for any of them."""
    over = load.committed - load.capacity
    others = sorted(
        (other for other in loads if other.person.id != load.person.id),
        key=lambda other: -other.spare,
    )
    options: list[tuple[bool, float, int, Channel, PersonLoad]] = []
    for position, channel_id in enumerate(load.channels):
        channel = plan.channel(channel_id)
        if channel is None:
            continue
        cost = channel_minutes(channel)
        taker = next((o for o in others if cost > 0 and cost <= o.spare), None)
        if taker is None:
            continue
        enough = round(cost - over, PRECISION) >= 0
        # enough first; among those the cheapest, else the dearest; then plan order
        options.append((not enough, cost if enough else -cost, position, channel, taker))
    if not options:
        return None
    _, _, _, channel, taker = min(options, key=lambda o: o[:3])
    return Edit("channel", channel.id, "owner", load.person.id, taker.person.id)


@rule
def person_over_budget(plan: Plan, today: date) -> Iterator[Finding]:
    loads = people_loads(plan)
    for load in loads:
        if not load.over:
            continue
        name = load.person.name
        move = _move(plan, load, loads)
        if move is not None:
            fix = Fix(f"Move a channel to someone with spare time: {move.describe(plan)}", (move,))
        else:
            from .fit import fit_person

            proposal = fit_person(plan, load.person.id)
            fix = Fix(
                f"Nobody has spare time for one of {name}'s channels; "
                f"fit them to {name}'s hours: {proposal.summary(plan)}",
                proposal.edits,
            )
        yield Finding(
            "person-over-budget",
            "error",
            f"{name}: {fm(load.committed)} planned, {fm(load.capacity)} available — "
            f"{fm(load.committed - load.capacity)} over",
            "P5",
            f"person:{load.person.id}",
            fix,
        )


@rule
def channel_without_owner(plan: Plan, today: date) -> Iterator[Finding]:
    if not plan.people:
        return
    loads = people_loads(plan)
    for channel in plan.active_channels:
        if channel.owner:
            continue
        cost = channel_minutes(channel)
        roomiest = max(loads, key=lambda load: load.spare)
        if roomiest.spare >= cost:
            who = roomiest.person
            fix = Fix(
                f"Give '{channel.name}' to {who.name} ({fm(roomiest.spare)} spare)",
                (Edit("channel", channel.id, "owner", "", who.id),),
            )
        else:
            fix = Fix(f"Say who does '{channel.name}' (its owner, in the channel's form)")
        yield Finding(
            "channel-without-owner",
            "warning",
            f"'{channel.name}' is active but nobody is named to do it ({fm(cost)} a week)",
            "P5",
            f"channel:{channel.id}",
            fix,
        )


@rule
def unknown_owner(plan: Plan, today: date) -> Iterator[Finding]:
    known = {p.id for p in plan.people}
    for channel in plan.channels:
        if channel.owner and channel.owner not in known:
            yield Finding(
                "unknown-reference",
                "warning",
                f"'{channel.name}' is owned by '{channel.owner}', who is not among the people",
                "P5",
                f"channel:{channel.id}",
                Fix(
                    f"Clear the owner of '{channel.name}'",
                    (Edit("channel", channel.id, "owner", channel.owner, ""),),
                ),
            )


@rule
def budget_mismatch(plan: Plan, today: date) -> Iterator[Finding]:
    stated = plan.budget.weekly_hours
    if not plan.people or stated is None:
        return
    total = team_hours(plan)
    if round(stated, PRECISION) == total:
        return
    low, high, _ = RANGES["weekly_hours"]
    if low < total <= high:
        fix = Fix(
            f"Set weekly hours to {format_number(total)}, the people's sum",
            (Edit("budget", "", "weekly_hours", stated, total),),
        )
    else:
        fix = Fix(
            "Leave weekly hours out: the people's sum counts",
            (Edit("budget", "", "weekly_hours", stated, None),),
        )
    yield Finding(
        "budget-mismatch",
        "warning",
        f"Weekly hours say {format_number(stated)} h but the people's hours add up to "
        f"{format_number(total)} h; the people's count",
        "P5",
        "budget",
        fix,
    )


@rule
def person_over_in_practice(plan: Plan, today: date) -> Iterator[Finding]:
    if not plan.people:
        return
    lived = lived_week(plan)
    if lived is None:
        return
    shares = dict(lived.by_channel)
    for load in people_loads(plan):
        spent = round(sum(shares.get(ch, 0) for ch in load.channels), PRECISION)
        if spent <= load.capacity:
            continue
        name = load.person.name
        yield Finding(
            "over-in-practice",
            "warning",
            f"{name}: {fm(spent)} a week spent in practice (last {lived.count} check-ins), "
            f"{fm(load.capacity)} available — {fm(spent - load.capacity)} over",
            "P5",
            f"person:{load.person.id}",
            Fix(
                f"Raise the estimates of {name}'s channels to what they take, "
                "then move one to someone with spare time or fit the plan"
            ),
        )
