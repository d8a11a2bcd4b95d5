"""Concrete, reversible edits to a plan: what a fix or a proposal changes.

An :class:`Edit` names one field of one item with its old and new value, so it
can be shown to the user ("Instagram: posts/week 3 -> 2"), applied, and undone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from .model import RANGES, Budget, Plan
from .numbers import show_number

_FIELD_LABELS = {
    "posts_per_week": "posts/week",
    "minutes_per_post": "minutes/post",
    "engage_minutes_per_week": "engagement minutes/week",
    "weekly_hours": "weekly hours",
    "reserve_percent": "reserve %",
    "max_active_channels": "max active channels",
}


@dataclass(frozen=True, slots=True)
class Edit:
    """Set ``field`` of the item ``kind``/``id`` from ``old`` to ``new``.

    ``kind`` is ``channel``, ``goal``, ``audience`` or ``person`` (``id`` names the item), or
    ``budget``, ``review`` or ``purpose`` (``id`` is empty).
    """

    kind: str
    id: str
    field: str
    old: Any
    new: Any

    def describe(self, plan: Plan | None = None) -> str:
        label = _FIELD_LABELS.get(self.field, self.field.replace("_", " "))
        subject = self.id or self.kind
        if plan is not None and self.kind in ("channel", "person"):
            item = plan.channel(self.id) if self.kind == "channel" else plan.person(self.id)
            if item is not None:
                subject = item.name
        if self.field == "owner":
            return f"{subject}: owner {_owner(plan, self.old)} → {_owner(plan, self.new)}"
        return f"{subject}: {label} {_show(self.old)} → {_show(self.new)}"


def _owner(plan: Plan | None, person_id: str) -> str:
    if not person_id:
        return "nobody"
    person = plan.person(person_id) if plan is not None else None
    return person.name if person is not None else person_id


def _show(value: Any) -> str:
    if isinstance(value, float):
        return show_number(value)
    if isinstance(value, tuple):
        return "[" + ", ".join(map(str, value)) + "]"
    return str(value)


COLLECTIONS = {"channel": "channels", "goal": "goals", "audience": "audiences", "person": "people"}


class EditError(ValueError):
    """An edit names an item that is not in the plan."""


def apply_edit(plan: Plan, edit: Edit) -> Plan:
    if edit.kind in ("budget", "review", "purpose"):
        section = getattr(plan, edit.kind)
        return replace(plan, **{edit.kind: replace(section, **{edit.field: edit.new})})
    collection = COLLECTIONS.get(edit.kind)
    if collection is None:
        raise EditError(f"unknown kind of item: {edit.kind!r}")
    items = list(getattr(plan, collection))
    for index, item in enumerate(items):
        if item.id == edit.id:
            items[index] = replace(item, **{edit.field: edit.new})
            return replace(plan, **{collection: tuple(items)})
    raise EditError(f"no {edit.kind} with id {edit.id!r}")


def apply_edits(plan: Plan, edits: tuple[Edit, ...] | list[Edit]) -> Plan:
    for edit in edits:
        plan = apply_edit(plan, edit)
    return plan


def rename_goal(plan: Plan, old: str, new: str) -> Plan:
    """Rename a goal id everywhere it is referenced: channels and check-in metrics."""
    if old == new:
        return plan
    channels = tuple(
        replace(c, goals=tuple(new if g == old else g for g in c.goals)) if old in c.goals else c
        for c in plan.channels
    )
    checkins = tuple(
        replace(c, metrics={(new if k == old else k): v for k, v in c.metrics.items()})
        if old in c.metrics
        else c
        for c in plan.checkins
    )
    return replace(plan, channels=channels, checkins=checkins)


def rename_channel(plan: Plan, old: str, new: str) -> Plan:
    """Rename a channel id everywhere: audiences' channels and check-in hours/verdicts."""
    if old == new:
        return plan
    audiences = tuple(
        replace(a, channels=tuple(new if c == old else c for c in a.channels))
        if old in a.channels
        else a
        for a in plan.audiences
    )

    def rekey(mapping: dict) -> dict:
        return {(new if k == old else k): v for k, v in mapping.items()}

    checkins = tuple(
        replace(c, hours=rekey(c.hours), verdicts=rekey(c.verdicts))
        if old in c.hours or old in c.verdicts
        else c
        for c in plan.checkins
    )
    return replace(plan, audiences=audiences, checkins=checkins)


def rename_person(plan: Plan, old: str, new: str) -> Plan:
    """Rename a person's id everywhere: the channels they own."""
    if old == new:
        return plan
    channels = tuple(replace(c, owner=new) if c.owner == old else c for c in plan.channels)
    return replace(plan, channels=channels)


def delete_item(plan: Plan, kind: str, item_id: str) -> Plan:
    """Remove a goal, audience, channel or person; links from channels to a deleted
    goal go too, and a deleted person's channels have no owner. Deleting the last
    person of a plan that leaves the budget's weekly hours out gives it the hours
    the team had (5 when those are out of range), so its capacity stays.

    Check-in history is kept as it is: what happened stays recorded.
    """
    if kind == "goal":
        channels = tuple(
            replace(c, goals=tuple(g for g in c.goals if g != item_id)) if item_id in c.goals else c
            for c in plan.channels
        )
        return replace(
            plan, goals=tuple(g for g in plan.goals if g.id != item_id), channels=channels
        )
    if kind == "audience":
        return replace(plan, audiences=tuple(a for a in plan.audiences if a.id != item_id))
    if kind == "channel":
        return replace(plan, channels=tuple(c for c in plan.channels if c.id != item_id))
    if kind == "person":
        channels = tuple(replace(c, owner="") if c.owner == item_id else c for c in plan.channels)
        people = tuple(p for p in plan.people if p.id != item_id)
        budget = plan.budget
        if not people and budget.weekly_hours is None:
            # The last one: the plan's own hours count again, as many as the team had.
            hours = round(sum(p.weekly_hours for p in plan.people), 6)
            low, high, _ = RANGES["weekly_hours"]
            kept = hours if low < hours <= high else Budget().weekly_hours
            budget = replace(budget, weekly_hours=kept)
        return replace(plan, people=people, channels=channels, budget=budget)
    raise EditError(f"unknown kind of item: {kind!r}")


def move_item(plan: Plan, kind: str, item_id: str, offset: int) -> Plan:
    """Move an item up (``-1``) or down (``+1``) in its list; order is priority."""
    collection = COLLECTIONS[kind]
    items = list(getattr(plan, collection))
    index = next((i for i, item in enumerate(items) if item.id == item_id), None)
    if index is None:
        raise EditError(f"no {kind} with id {item_id!r}")
    target = index + offset
    if not 0 <= target < len(items):
        return plan
    items[index], items[target] = items[target], items[index]
    return replace(plan, **{collection: tuple(items)})


STATUS_CYCLE = ("candidate", "active", "later", "dropped")


def cycle_status(plan: Plan, channel_id: str) -> Plan:
    channel = plan.channel(channel_id)
    if channel is None:
        raise EditError(f"no channel with id {channel_id!r}")
    index = STATUS_CYCLE.index(channel.status) if channel.status in STATUS_CYCLE else -1
    new = STATUS_CYCLE[(index + 1) % len(STATUS_CYCLE)]
    return plan.with_channel(replace(channel, status=new))
