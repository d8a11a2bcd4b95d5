"""Who does what: each person's committed minutes against their own capacity.

A plan may list people (``[[people]]``: an id, a name, the hours they have
each week) and name a channel's ``owner``. Then:

- a person's capacity is their hours less the plan's reserve
  (:func:`~socialtui.plan.budget.person_capacity`), and the plan's capacity is
  the sum of theirs (:func:`~socialtui.plan.budget.plan_capacity`);
- a person's committed minutes are those of the active channels they own;
- a person is over when their committed minutes exceed their capacity, whether
  the team's total fits or not.

A plan without people has no loads here, and nothing in this module changes
what it says.
"""

from __future__ import annotations

from dataclasses import dataclass

from .budget import PRECISION, channel_minutes, person_capacity
from .model import Person, Plan


@dataclass(frozen=True, slots=True)
class PersonLoad:
    """One person's week: what their active channels need and what they have."""

    person: Person
    committed: float
    capacity: float
    channels: tuple[str, ...]
    """The ids of the active channels they own, in plan order."""

    @property
    def over(self) -> bool:
        return self.committed > self.capacity

    @property
    def spare(self) -> float:
        return round(self.capacity - self.committed, PRECISION)

    @property
    def percent(self) -> float:
        """Committed as a percentage of capacity (inf when capacity is 0)."""
        if self.capacity <= 0:
            return 0.0 if self.committed <= 0 else float("inf")
        return 100 * self.committed / self.capacity


def people_loads(plan: Plan) -> tuple[PersonLoad, ...]:
    """Every person's load, in the plan's order (empty without people)."""
    if not plan.people:
        return ()
    owned: dict[str, list[str]] = {p.id: [] for p in plan.people}
    minutes: dict[str, float] = dict.fromkeys(owned, 0.0)
    for channel in plan.channels:
        if channel.status == "active" and channel.owner in owned:
            owned[channel.owner].append(channel.id)
            minutes[channel.owner] += channel_minutes(channel)
    return tuple(
        PersonLoad(
            p,
            round(minutes[p.id], PRECISION),
            person_capacity(p, plan.budget),
            tuple(owned[p.id]),
        )
        for p in plan.people
    )


def worst_over(plan: Plan) -> PersonLoad | None:
    """The person furthest over their capacity, or None when nobody is over."""
    over = [load for load in people_loads(plan) if load.over]
    return max(over, key=lambda load: load.committed - load.capacity, default=None)


def worst_person(plan: Plan) -> tuple[str, float] | None:
    """(name, minutes over) of the person furthest over, or None: what the gauge shows."""
    load = worst_over(plan)
    return None if load is None else (load.person.name, round(load.committed - load.capacity, 6))


def team_hours(plan: Plan) -> float:
    """The sum of the people's weekly hours."""
    return round(sum(p.weekly_hours for p in plan.people), PRECISION)
