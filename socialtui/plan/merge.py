"""Three versions of a plan into one: a three-way merge by meaning.

:func:`merge_plans` takes the common ancestor (BASE, or None when both sides
added the plan) and two descendants (OURS, THEIRS) and merges them field by
field. The rules are read from the model's dataclasses and their type hints,
so a field or an array of items added to the model merges without new code:

- **a value** (a number, a string, a date): the side that changed it wins;
  both sides changing it to different values is a conflict;
- **a table** (``purpose``, ``budget``, ``review``): field by field;
- **an array of items** (``goals``, ``audiences``, ``channels``, ``checkins``,
  any ``tuple[SomeDataclass, ...]``): items match by their identity (their
  ``id`` field, else their first field: a check-in's ``week``) and merge field
  by field. An item added on one side is added; deleted on one side and left
  alone on the other, it goes; deleted on one side and changed on the other is
  a conflict. Order is priority: a side that reordered the items it kept wins;
  both reordering differently is a conflict. New items go after the item they
  follow on their own side; two sides adding at the same place go in the order
  of their ids (the same whichever side is OURS). An array whose identity has a
  natural order (check-ins by week) stays in that order when both sides had it.
- **a list of ids** (a channel's ``goals``, an audience's ``channels``: any
  ``tuple[str, ...]``) is a set: additions from both sides are kept, and an id
  either side removed goes. Never a conflict.
- **a map** (a check-in's ``hours``, ``metrics``, ``verdicts``: any
  ``dict[str, ...]``): key by key, each key a value as above.

The result holds both resolutions of every conflict (:class:`MergeResult`):
``ours`` takes OURS' side of each, ``theirs`` THEIRS' side; on a clean merge
they are the same plan. The file layer writes the two around conflict markers.

Pure: no files, no clock; imports nothing outside socialtui.plan.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, fields, is_dataclass
from datetime import date
from functools import cache
from itertools import pairwise
from typing import Any

from .model import Plan, week_key
from .numbers import show_number


class _Missing:
    """No value: the item or key is absent (or there is no BASE)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()

VALUE, TABLE, ITEMS, IDS, MAP = "value", "table", "items", "ids", "map"

# Identity fields with a natural order: such arrays are kept sorted by it.
NATURAL_ORDER = {"week": week_key}


@dataclass(frozen=True, slots=True)
class Kind:
    """How a field merges: VALUE, TABLE or ITEMS (of ``cls``), IDS or MAP."""

    how: str
    cls: Any = None


@cache
def field_kinds(cls: type) -> dict[str, Kind]:
    """Each field of the dataclass ``cls`` -> how it merges, from its type hint."""
    hints = typing.get_type_hints(cls)
    kinds: dict[str, Kind] = {}
    for f in fields(cls):
        hint = hints[f.name]
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if is_dataclass(hint):
            kinds[f.name] = Kind(TABLE, hint)
        elif origin is tuple and len(args) == 2 and args[1] is Ellipsis and is_dataclass(args[0]):
            kinds[f.name] = Kind(ITEMS, args[0])
        elif origin is tuple and args[:1] == (str,):
            kinds[f.name] = Kind(IDS)
        elif origin is dict:
            kinds[f.name] = Kind(MAP)
        else:
            kinds[f.name] = Kind(VALUE)
    return kinds


@cache
def identity(cls: type) -> str:
    """The field an item of ``cls`` is known by: ``id``, else its first field."""
    names = [f.name for f in fields(cls)]
    return "id" if "id" in names else names[0]


def item_arrays(cls: type = Plan) -> dict[str, tuple[type, str]]:
    """The arrays of items of ``cls``: name -> (item class, identity field)."""
    return {
        name: (kind.cls, identity(kind.cls))
        for name, kind in field_kinds(cls).items()
        if kind.how == ITEMS
    }


# -- the result -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Conflict:
    """Both sides changed ``where`` in different ways.

    ``where`` names it as a key path (``channels[instagram].posts_per_week``);
    ``how`` is VALUE (two values), ``"deleted"`` (changed on one side, deleted
    on the other) or ``"order"`` (both reordered an array differently; the
    values are the ids in order). A value may be :data:`MISSING`.
    """

    where: str
    base: Any
    ours: Any
    theirs: Any
    how: str = VALUE

    def describe(self) -> str:
        if self.how == "order":
            return f"{self.where}: both sides reordered them differently"
        if self.how == "deleted":
            deleter, changer = ("ours", "theirs") if self.ours is MISSING else ("theirs", "ours")
            return f"{self.where}: {deleter} deleted it, {changer} changed it"
        text = f"{self.where}: ours {_show(self.ours)}, theirs {_show(self.theirs)}"
        if self.base is not MISSING:
            text += f" (was {_show(self.base)})"
        return text


@dataclass(frozen=True, slots=True)
class MergeResult:
    """The merge: ``ours`` and ``theirs`` resolve every conflict their own side's way."""

    ours: Plan
    theirs: Plan
    conflicts: tuple[Conflict, ...] = ()

    @property
    def clean(self) -> bool:
        return not self.conflicts


def _show(value: Any) -> str:
    if value is MISSING:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return show_number(value)
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:37] + "...")
    if isinstance(value, date):
        return value.isoformat()
    if value is None:
        return "nothing"
    return repr(value)


# -- the merge ----------------------------------------------------------------------------------


def merge_plans(base: Plan | None, ours: Plan, theirs: Plan) -> MergeResult:
    """OURS and THEIRS merged against BASE (None: no common ancestor).

    Any frozen dataclass merges the same way (the rules come from its fields'
    type hints); a plan is the one this app has.
    """
    ancestor, cls = (MISSING if base is None else base), type(ours)
    first = _Merger(prefer_ours=True)
    merged = first.record("", cls, ancestor, ours, theirs)
    if not first.conflicts:
        return MergeResult(merged, merged)
    other = _Merger(prefer_ours=False)
    return MergeResult(
        merged, other.record("", cls, ancestor, ours, theirs), tuple(first.conflicts)
    )


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


def _three_way(b: Any, o: Any, t: Any) -> tuple[bool, Any]:
    """(True, result) when one side alone changed the whole thing (or neither did)."""
    if o == t or b == t:
        return True, o
    if b == o:
        return True, t
    return False, None


def _sorted_by(items: tuple[Any, ...], ident: str) -> bool:
    order = NATURAL_ORDER[ident]
    keys = [order(getattr(item, ident)) for item in items]
    return all(a <= b for a, b in pairwise(keys))


class _Merger:
    def __init__(self, *, prefer_ours: bool) -> None:
        self.prefer_ours = prefer_ours
        self.conflicts: list[Conflict] = []

    def conflict(self, where: str, b: Any, o: Any, t: Any, how: str = VALUE) -> Any:
        self.conflicts.append(Conflict(where, b, o, t, how))
        return o if self.prefer_ours else t

    def value(self, where: str, b: Any, o: Any, t: Any) -> Any:
        done, result = _three_way(b, o, t)
        return result if done else self.conflict(where, b, o, t)

    def record(self, where: str, cls: type, b: Any, o: Any, t: Any) -> Any:
        done, result = _three_way(b, o, t)
        if done:
            return result
        values = {
            name: self.field(
                _join(where, name),
                kind,
                MISSING if b is MISSING else getattr(b, name),
                getattr(o, name),
                getattr(t, name),
            )
            for name, kind in field_kinds(cls).items()
        }
        return cls(**values)

    def field(self, where: str, kind: Kind, b: Any, o: Any, t: Any) -> Any:
        if kind.how == TABLE:
            return self.record(where, kind.cls, b, o, t)
        if kind.how == ITEMS:
            return self.items(where, kind.cls, () if b is MISSING else b, o, t)
        if kind.how == IDS:
            return _ids(() if b is MISSING else b, o, t)
        if kind.how == MAP:
            return self.mapping(where, {} if b is MISSING else b, o, t)
        return self.value(where, b, o, t)

    def mapping(self, where: str, b: dict, o: dict, t: dict) -> dict:
        done, result = _three_way(b, o, t)
        if done:
            return result
        out = {}
        for key in [*o, *(k for k in t if k not in o)]:
            value = self.value(
                f"{where}.{key}", b.get(key, MISSING), o.get(key, MISSING), t.get(key, MISSING)
            )
            if value is not MISSING:
                out[key] = value
        return out

    def items(self, where: str, cls: type, b: tuple, o: tuple, t: tuple) -> tuple:
        done, result = _three_way(b, o, t)
        if done:
            return result
        ident = identity(cls)
        base, ours, theirs = ({getattr(i, ident): i for i in seq} for seq in (b, o, t))
        merged: dict[Any, Any] = {}
        for key in [*ours, *(k for k in theirs if k not in ours)]:
            bi, oi, ti = base.get(key, MISSING), ours.get(key, MISSING), theirs.get(key, MISSING)
            here = f"{where}[{key}]"
            if oi is not MISSING and ti is not MISSING:
                merged[key] = self.record(here, cls, bi, oi, ti)
                continue
            present = ti if oi is MISSING else oi
            if bi is MISSING:  # added on one side
                merged[key] = present
            elif present != bi:  # changed on one side, deleted on the other
                chosen = self.conflict(here, bi, oi, ti, "deleted")
                if chosen is not MISSING:
                    merged[key] = chosen
        order = self.order(where, list(base), list(ours), list(theirs), merged)
        items = [merged[key] for key in order]
        if ident in NATURAL_ORDER and _sorted_by(o, ident) and _sorted_by(t, ident):
            items.sort(key=lambda item: NATURAL_ORDER[ident](getattr(item, ident)))
        return tuple(items)

    def order(self, where: str, b: list, o: list, t: list, present: dict) -> list:
        """The keys of ``present`` in order: see the module docstring."""
        base_keys = set(b)
        kept = [k for k in b if k in present]
        kept_set = set(kept)
        in_ours = [k for k in o if k in kept_set]
        in_theirs = [k for k in t if k in kept_set]
        ours_set, theirs_set = set(in_ours), set(in_theirs)
        ours_moved = in_ours != [k for k in kept if k in ours_set]
        theirs_moved = in_theirs != [k for k in kept if k in theirs_set]
        if ours_moved and theirs_moved and in_ours != in_theirs:
            chosen = self.conflict(where, tuple(kept), tuple(in_ours), tuple(in_theirs), "order")
        elif ours_moved:
            chosen = in_ours
        elif theirs_moved:
            chosen = in_theirs
        else:
            chosen = kept
        sequence = _fill(list(chosen), kept)

        runs: dict[Any, list[tuple]] = {}  # anchor (a kept key, or None: the start) -> runs
        for side in (o, t):
            anchor, run = None, []
            for key in side:
                if key in kept_set:
                    if run:
                        runs.setdefault(anchor, []).append(tuple(run))
                    anchor, run = key, []
                elif key not in base_keys and key in present:
                    run.append(key)
            if run:
                runs.setdefault(anchor, []).append(tuple(run))

        out: list = []
        placed: set = set()

        def place(anchor: Any) -> None:
            for run in sorted(runs.get(anchor, []), key=lambda r: [str(k) for k in r]):
                for key in run:
                    if key not in placed:
                        out.append(key)
                        placed.add(key)

        place(None)
        for key in sequence:
            out.append(key)
            placed.add(key)
            place(key)
        out += [key for key in present if key not in placed]  # none expected; never lose one
        return out


def _ids(b: tuple, o: tuple, t: tuple) -> tuple:
    """A list of ids merged as a set: OURS' order, then what THEIRS added."""
    done, result = _three_way(b, o, t)
    if done:
        return result
    base = set(b)
    removed = (base - set(o)) | (base - set(t))
    out = [x for x in o if x not in removed]
    for x in t:
        if x not in base and x not in out:
            out.append(x)
    return tuple(out)


def _fill(chosen: list, kept: list) -> list:
    """``chosen`` with the keys of ``kept`` it lacks, each after its predecessor in ``kept``."""
    have = set(chosen)
    for index, key in enumerate(kept):
        if key in have:
            continue
        position = 0
        for previous in reversed(kept[:index]):
            if previous in have:
                position = chosen.index(previous) + 1
                break
        chosen.insert(position, key)
        have.add(key)
    return chosen
