"""A plan with nothing that tells whose it is: for screen sharing and shared exports.

Pure: a plan in, a plan out.
"""

from __future__ import annotations

from dataclasses import replace

from .model import Plan

MASK = "•••"


def mask_plan(plan: Plan) -> Plan:
    """``plan`` with nothing that tells whose it is.

    Names become "Goal 1", "Audience 2", "Channel 3", "Person 1" (ids "goal-1", …, every
    reference renamed to match; an id that names nothing in the plan gets the next
    free number), the plan's name becomes "Private plan", and every other piece of
    free text (purpose, metrics, wants, notes, check-in notes) becomes "•••" when
    it was not empty. Numbers, dates, statuses and verdicts are kept, so budget,
    findings and progress come out the same shape.
    """

    def mapper(prefix: str, known: list[str]) -> dict[str, str]:
        return {ident: f"{prefix}-{i}" for i, ident in enumerate(known, 1)}

    goals = mapper("goal", [g.id for g in plan.goals])
    channels = mapper("channel", [c.id for c in plan.channels])
    audiences = mapper("audience", [a.id for a in plan.audiences])
    people = mapper("person", [p.id for p in plan.people])

    def ref(table: dict[str, str], prefix: str, ident: str) -> str:
        if ident not in table:
            table[ident] = f"{prefix}-{len(table) + 1}"
        return table[ident]

    def goal_ref(ident: str) -> str:
        return ref(goals, "goal", ident)

    def channel_ref(ident: str) -> str:
        return ref(channels, "channel", ident)

    def owner_ref(ident: str) -> str:
        return ref(people, "person", ident) if ident else ""

    def text(value: str) -> str:
        return MASK if value.strip() else ""

    return replace(
        plan,
        name="Private plan",
        purpose=replace(
            plan.purpose,
            who=text(plan.purpose.who),
            why=text(plan.purpose.why),
            what=text(plan.purpose.what),
            them=text(plan.purpose.them),
        ),
        goals=tuple(
            replace(g, id=goals[g.id], title=f"Goal {i}", metric=text(g.metric))
            for i, g in enumerate(plan.goals, 1)
        ),
        audiences=tuple(
            replace(
                a,
                id=audiences[a.id],
                name=f"Audience {i}",
                wants=text(a.wants),
                channels=tuple(channel_ref(c) for c in a.channels),
            )
            for i, a in enumerate(plan.audiences, 1)
        ),
        channels=tuple(
            replace(
                c,
                id=channels[c.id],
                name=f"Channel {i}",
                notes=text(c.notes),
                goals=tuple(goal_ref(g) for g in c.goals),
                owner=owner_ref(c.owner),
            )
            for i, c in enumerate(plan.channels, 1)
        ),
        people=tuple(
            replace(p, id=people[p.id], name=f"Person {i}") for i, p in enumerate(plan.people, 1)
        ),
        checkins=tuple(
            replace(
                c,
                hours={channel_ref(k): v for k, v in c.hours.items()},
                metrics={goal_ref(k): v for k, v in c.metrics.items()},
                verdicts={channel_ref(k): v for k, v in c.verdicts.items()},
                note=text(c.note),
            )
            for c in plan.checkins
        ),
    )
