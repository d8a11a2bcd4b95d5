"""Edits of a plan as operations on ids, and hypothesis strategies that make them.

An operation sets a field, sets or drops a check-in's hours for a channel,
deletes an item, adds one after another or reorders an array; :func:`side`
draws a few of them, away from the regions another side already touched.
:func:`replay` applies them (``ordered=False``: leaving order out).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from hypothesis import strategies as st
from plan_factories import audience, channel, checkin, goal

from socialtui.plan.model import Plan

ABSENT = object()  # a check-in's hours for a channel, removed

ARRAYS = ("goals", "audiences", "channels", "checkins")
SECTION_EDITS = [
    (("name",), ["Plan one", "Plan two"]),
    (("budget", "weekly_hours"), [4.0, 6.0, 8.0]),
    (("budget", "reserve_percent"), [5.0, 15.0]),
    (("budget", "max_active_channels"), [1, 3]),
    (("purpose", "who"), ["Locals", "Tourists"]),
    (("review", "every_weeks"), [2, 6]),
    (("review", "checkin_day"), ["mon", "sun"]),
]
ITEM_EDITS = {
    "goals": [("title", ["Grow", "Keep"]), ("target", [50.0, 80.0])],
    "audiences": [("name", ["Parents", "Students"]), ("channels", "ids")],
    "channels": [
        ("posts_per_week", [1.0, 2.0, 4.0]),
        ("status", ["active", "later"]),
        ("notes", ["", "Reels", "Stories"]),
        ("goals", "ids"),
    ],
    "checkins": [("note", ["", "quiet week", "busy week"])],
}
ID_POOL = ["g0", "g1", "c0", "c1", "zz"]


def key_of(item: Any) -> str:
    return item.week if hasattr(item, "week") else item.id


def ids(items) -> list[str]:
    return [key_of(i) for i in items]


# -- operations, applied by id ---------------------------------------------------------------------


def set_item(plan: Plan, array: str, key: str, change) -> Plan:
    items = tuple(change(i) if key_of(i) == key else i for i in getattr(plan, array))
    return replace(plan, **{array: items})


def apply(plan: Plan, op: tuple, *, ordered: bool = True) -> Plan:
    kind = op[0]
    if kind == "section":
        path, value = op[1], op[2]
        if len(path) == 1:
            return replace(plan, **{path[0]: value})
        table = getattr(plan, path[0])
        return replace(plan, **{path[0]: replace(table, **{path[1]: value})})
    if kind == "field":
        _, array, key, name, value = op
        return set_item(plan, array, key, lambda i: replace(i, **{name: value}))
    if kind == "hours":
        _, key, channel_id, value = op

        def change(c):
            hours = {k: v for k, v in c.hours.items() if k != channel_id}
            if value is not ABSENT:
                hours[channel_id] = value
            return replace(c, hours=hours)

        return set_item(plan, "checkins", key, change)
    if kind == "delete":
        _, array, key = op
        return replace(plan, **{array: tuple(i for i in getattr(plan, array) if key_of(i) != key)})
    if kind == "add":
        _, array, item, anchor = op
        if array == "checkins":
            return plan.with_checkin(item)
        items = list(getattr(plan, array))
        keys = ids(items)
        position = len(items)
        if ordered:
            position = 0 if anchor is None else keys.index(anchor) + 1
        items.insert(position, item)
        return replace(plan, **{array: tuple(items)})
    if kind == "order":
        if not ordered:
            return plan
        _, array, order = op
        by_key = {key_of(i): i for i in getattr(plan, array)}
        return replace(plan, **{array: tuple(by_key[k] for k in order)})
    raise AssertionError(op)


def replay(plan: Plan, ops: list[tuple], *, ordered: bool = True) -> Plan:
    for op in ops:
        plan = apply(plan, op, ordered=ordered)
    return plan


# -- generated edits ------------------------------------------------------------------------


@st.composite
def one_edit(draw, plan: Plan, tag: str, n: int) -> tuple[tuple, tuple]:
    """(operation, the region it touches) for one edit of ``plan``."""
    full = [a for a in ARRAYS if getattr(plan, a)]
    reorderable = [a for a in ("goals", "audiences", "channels") if len(getattr(plan, a)) > 1]
    kinds = ["section", "add"] + (["field", "delete"] if full else [])
    kinds += ["hours"] if plan.checkins else []
    kinds += ["order"] if reorderable else []
    kind = draw(st.sampled_from(kinds))
    if kind == "section":
        path, values = draw(st.sampled_from(SECTION_EDITS))
        return ("section", path, draw(st.sampled_from(values))), path
    if kind == "field":
        array = draw(st.sampled_from(full))
        item = draw(st.sampled_from(getattr(plan, array)))
        name, values = draw(st.sampled_from(ITEM_EDITS[array]))
        if values == "ids":
            current = getattr(item, name)
            fresh = [x for x in ID_POOL if x not in current]
            if current and (not fresh or draw(st.booleans())):
                gone = draw(st.sampled_from(current))
                value = tuple(x for x in current if x != gone)
            else:
                value = (*current, draw(st.sampled_from(fresh)))
        else:
            value = draw(st.sampled_from(values))
        return ("field", array, key_of(item), name, value), (array, key_of(item), name)
    if kind == "hours":
        week = draw(st.sampled_from(ids(plan.checkins)))
        channel_id = draw(st.sampled_from(["c0", "c1", "c2", "zz"]))
        value = draw(st.sampled_from([ABSENT, 1.0, 2.5]))
        return ("hours", week, channel_id, value), ("checkins", week, "hours", channel_id)
    if kind == "delete":
        array = draw(st.sampled_from(full))
        key = key_of(draw(st.sampled_from(getattr(plan, array))))
        return ("delete", array, key), (array, key)
    if kind == "add":
        array = draw(st.sampled_from(ARRAYS))
        new_id = f"{tag}-new-{n}"
        if array == "checkins":  # after BASE's weeks; OURS' and THEIRS' interleave
            week = f"2026-W{16 + 2 * draw(st.integers(0, 15)) + (tag == 't'):02d}"
            item = checkin(week, hours={"c0": 1.0}, metrics={"g0": n})
            return ("add", array, item, None), ("order", array, "add", tag)
        make = {"goals": goal, "audiences": audience, "channels": channel}[array]
        anchor = draw(st.sampled_from([None, *ids(getattr(plan, array))]))
        return ("add", array, make(new_id), anchor), ("order", array, "add", tag)
    array = draw(st.sampled_from(reorderable))
    order = draw(st.permutations(ids(getattr(plan, array))))
    return ("order", array, tuple(order)), ("order", array)


def overlap(a: tuple, b: tuple) -> bool:
    """One region holds the other: a channel and its notes, an array's order and an addition."""
    shorter = min(len(a), len(b))
    return a[:shorter] == b[:shorter]


@st.composite
def side(draw, base: Plan, tag: str, taken: tuple = ()) -> tuple[Plan, list, list]:
    """(the plan, its operations, their regions): up to five edits, none in ``taken``."""
    plan, ops, regions = base, [], []
    for _ in range(draw(st.integers(0, 5))):
        op, region = draw(one_edit(plan, tag, len(ops)))
        if any(overlap(region, other) for other in taken):
            continue
        plan = apply(plan, op)
        ops.append(op)
        regions.append(region)
    return plan, ops, regions
