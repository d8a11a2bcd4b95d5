"""What changed between two versions of a plan, in a few words a person can scan.

``changes(old, new)`` lists the differences, most telling first::

    weekly_hours 6 → 1
    +1 check-in 2026-W47
    channel instagram: status active → later
    +goal "Catering orders"   −audience regulars   goals reordered
    name "Bakery" → "Corner Bakery"   purpose why edited   reviewed 2026-11-22

Numbers show as people write them (``3`` not ``3.0``); short text shows both
values (quoted when it is more than a word), long text only that it was edited.
Items are named by id. The words are plain: the caller cleans them for a
terminal. Pure: imports only the plan.
"""

from __future__ import annotations

import re
from dataclasses import fields
from datetime import date
from typing import Any

from .model import Plan
from .numbers import show_number

_WORD = re.compile(r"[\w.-]+")
SHORT = 24
"""Text up to this long is shown before and after; longer text is said to be edited."""


def _show(value: Any) -> str:
    if value is None or value == "" or value == ():
        return "none"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return show_number(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    text = str(value)
    return text if _WORD.fullmatch(text) else f'"{text}"'


def _field_change(label: str, name: str, old: Any, new: Any) -> str:
    if isinstance(old, str) and isinstance(new, str) and max(len(old), len(new)) > SHORT:
        return f"{label}{name} edited"
    return f"{label}{name} {_show(old)} → {_show(new)}"


def _fields(label: str, old: Any, new: Any, skip: tuple[str, ...] = ()) -> list[str]:
    return [
        _field_change(label, f.name, getattr(old, f.name), getattr(new, f.name))
        for f in fields(old)
        if f.name not in skip and getattr(old, f.name) != getattr(new, f.name)
    ]


def _items(kind: str, old: tuple, new: tuple) -> list[str]:
    """Goals, audiences, channels or people: added, removed, changed, reordered (by id)."""
    before = {item.id: item for item in old}
    after = {item.id: item for item in new}
    out = [f"+{kind} {item.id}" for item in new if item.id not in before]
    out += [f"−{kind} {item.id}" for item in old if item.id not in after]
    for item in new:
        if item.id in before and before[item.id] != item:
            out += _fields(f"{kind} {item.id}: ", before[item.id], item, skip=("id",))
    kept_old = [i.id for i in old if i.id in after]
    kept_new = [i.id for i in new if i.id in before]
    if kept_old != kept_new:
        out.append(f"{kind}s reordered")
    return out


def _weeks(count: int, weeks: list[str]) -> str:
    return f"{count} check-in{'s' if count != 1 else ''} {', '.join(weeks)}"


def _checkins(old: Plan, new: Plan) -> list[str]:
    before = {c.week: c for c in old.checkins}
    after = {c.week: c for c in new.checkins}
    added = [c.week for c in new.checkins if c.week not in before]
    removed = [c.week for c in old.checkins if c.week not in after]
    edited = [c.week for c in new.checkins if c.week in before and before[c.week] != c]
    out = []
    if added:
        out.append(f"+{_weeks(len(added), added)}")
    if removed:
        out.append(f"−{_weeks(len(removed), removed)}")
    if edited:
        out.append(f"{_weeks(len(edited), edited)} edited")
    return out


def changes(old: Plan, new: Plan) -> list[str]:
    """The differences from ``old`` to ``new`` (empty when the plans are equal)."""
    if old == new:
        return []
    out: list[str] = []
    out += _fields("", old.budget, new.budget)
    out += _checkins(old, new)
    out += _items("channel", old.channels, new.channels)
    out += _items("goal", old.goals, new.goals)
    out += _items("audience", old.audiences, new.audiences)
    out += _items("person", old.people, new.people)
    if old.name != new.name:
        out.append(_field_change("", "name", old.name, new.name))
    out += _fields("purpose ", old.purpose, new.purpose)
    if old.review.every_weeks != new.review.every_weeks:
        out.append(f"review every {old.review.every_weeks} → {new.review.every_weeks} weeks")
    if old.review.last != new.review.last:
        out.append(f"reviewed {_show(new.review.last)}")
    if old.schema != new.schema:
        out.append(f"schema {old.schema} → {new.schema}")
    return out


def summary(old: Plan, new: Plan, most: int = 3) -> str:
    """:func:`changes` on one line: the first ``most``, then how many more."""
    found = changes(old, new)
    shown = "; ".join(found[:most])
    if len(found) > most:
        shown += f"; {len(found) - most} more"
    return shown
