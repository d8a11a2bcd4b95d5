"""Keys of your own: every command's stable id, and the user's ``[keys]`` checked.

Every binding in the app has an id (``Binding(id=...)``); ``config.toml``'s
``[keys]`` table maps ids to keys (``help = "f2"``, ``add = "f2,ctrl+g"``) and
the app hands what passes the checks to Textual's keymap
(:meth:`textual.app.App.set_keymap`). One id may name bindings in several
places when they are one command: ``help`` opens the help and closes it,
``quit`` is ``q`` in the planner, a form and the check-in.

An entry is refused, and that command keeps its default keys, when:

- the id is no command, or the value is not a string of keys;
- a key is not one (``f99``, ``ctrl+``, an empty value: a command is never
  left without a key);
- quitting would only be on keys some terminals never send (``hyper+q``,
  ``f13``): ``quit`` and ``quit-anywhere`` keep a key every terminal sends;
- a key is ``ctrl+c`` (the terminal's interrupt; it copies in a field) or
  ``ctrl+p`` (the command palette);
- a printable key (``x``, ``ä``, ``space``) is given to a command that acts
  before a field sees the key (``ctrl+q``, a form's ``tab``, the check-in's
  ``ctrl+s``): it would never be typed again. The planner's commands take
  letters: while a field is open there, letters are text;
- a key clashes with another command's in the same place (a screen, or
  everywhere for the app's own keys and the lists' ``j`` ``k``).

Case: a single character is taken as typed (``G`` is shift+g; ``shift+g``
means the same); key names and modifiers are not (``F2``, ``Ctrl+G``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from socialtui.safe import one_line
from socialtui.tui.keynames import config_name, parse_key, printable

RESERVED = {
    "ctrl+c": "the terminal's interrupt, and copy in a field",
    "ctrl+p": "the command palette",
}
EVERYWHERE = frozenset({"Everywhere", "Lists"})
"""Places whose keys are live on every screen (the app's) or in every list."""
GUARDED = frozenset({"Planner", "Review"})
"""Places whose priority keys never take a letter from a field (none there, or
``check_action`` says no while one has focus)."""
QUIT_IDS = frozenset({"quit", "quit-anywhere"})
MAX_PROBLEMS = 3
"""Refused entries named in the start-up line; the rest are counted."""


@dataclass(frozen=True, slots=True)
class KeyCommand:
    """One command as ``socialtui keys`` lists it."""

    id: str
    keys: tuple[str, ...]
    description: str


@dataclass(frozen=True, slots=True)
class Bound:
    """One binding with an id, where it lives."""

    id: str
    keys: tuple[str, ...]
    place: str
    """Where it is live: a screen's name ("Form"), or everywhere (the app's, the lists')."""
    priority: bool
    description: str


@dataclass(slots=True)
class UserKeys:
    """What the ``[keys]`` table comes to: the keymap for Textual, each changed
    command's keys, and the entries refused (one sentence each)."""

    keymap: dict[str, str] = field(default_factory=dict)
    changed: dict[str, tuple[str, ...]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str | None:
        """The one line the app shows at start, or None when all is well."""
        if not self.problems:
            return None
        shown = "; ".join(self.problems[:MAX_PROBLEMS])
        more = len(self.problems) - MAX_PROBLEMS
        if more > 0:
            shown += f"; and {more} more (socialtui keys lists them)"
        return f"config.toml [keys]: {shown} (default keys kept for those)"


# -- the user's table -----------------------------------------------------------------


def resolve(table: Mapping[str, object], bound: list[Bound]) -> UserKeys:
    """Check the ``[keys]`` table against the app's bindings (``bound``:
    :func:`socialtui.tui.keyplaces.bindings`); what passes becomes the keymap."""
    by_id: dict[str, list[Bound]] = {}
    for b in bound:
        by_id.setdefault(b.id, []).append(b)
    result = UserKeys()
    wanted: dict[str, tuple[str, ...]] = {}
    written: dict[str, str] = {}
    for raw_id, value in table.items():
        name = one_line(str(raw_id), 40)
        if raw_id not in by_id:
            result.problems.append(f"{name}: no such command (socialtui keys lists them)")
            continue
        if not isinstance(value, str):
            result.problems.append(f"{name}: not a string of keys")
            continue
        keys, problem = _keys(value, by_id[raw_id])
        if problem is not None:
            result.problems.append(f"{name} = {one_line(repr(value), 40)}: {problem}")
            continue
        wanted[raw_id] = keys
        written[raw_id] = value
    for clash_id, other, place in _clashes(wanted, bound):
        result.problems.append(
            f"{clash_id} = {one_line(repr(written[clash_id]), 40)}: clashes with {other} ({place})"
        )
    result.changed = wanted
    result.keymap = {cid: ",".join(keys) for cid, keys in wanted.items()}
    return result


def _keys(value: str, where: list[Bound]) -> tuple[tuple[str, ...], str | None]:
    parts = value.split(",")
    if not value.strip():
        return (), "no key given (a command keeps at least one)"
    keys: list[str] = []
    for part in parts:
        key = parse_key(part)
        if key is None:
            return (), f"{one_line(repr(part.strip()), 20)} is not a key"
        if key in RESERVED:
            return (), f"{key} is {RESERVED[key]}"
        if printable(key) and any(b.priority and b.place not in GUARDED for b in where):
            return (), f"{config_name(key)} would no longer type in a field"
        if key not in keys:
            keys.append(key)
    if where[0].id in QUIT_IDS and not any(sent_by_every_terminal(k) for k in keys):
        return (), "quitting must stay reachable: give it a key every terminal sends"
    return tuple(keys), None


def sent_by_every_terminal(key: str) -> bool:
    """Not super/hyper/meta, not f13–f24: keys only some terminals send."""
    *mods, base = key.split("+")
    rare = base.startswith("f") and base[1:].isdigit() and int(base[1:]) > 12
    return set(mods) <= {"ctrl", "alt", "shift"} and not rare


def _clashes(wanted: dict[str, tuple[str, ...]], bound: list[Bound]) -> list[tuple[str, str, str]]:
    """(user's id, the other id, place title) for each changed entry that clashes,
    removing it from ``wanted``; repeated until none does (a refused entry's
    default keys may clash with another changed one)."""
    found: list[tuple[str, str, str]] = []
    while True:
        clash = _first_clash(wanted, bound)
        if clash is None:
            return found
        user_id, other, place = clash
        del wanted[user_id]
        found.append((user_id, other, place))


def _first_clash(
    wanted: dict[str, tuple[str, ...]], bound: list[Bound]
) -> tuple[str, str, str] | None:
    defaults: dict[str, set[str]] = {}
    for b in bound:
        defaults.setdefault(b.id, set()).update(b.keys)
    screens = {b.place for b in bound} - EVERYWHERE
    for place in sorted(screens) + sorted(EVERYWHERE):
        live = [b for b in bound if b.place == place or b.place in EVERYWHERE]
        owners: dict[str, list[str]] = {}
        for b in live:
            for key in wanted.get(b.id, b.keys):
                ids = owners.setdefault(key, [])
                if b.id not in ids:
                    ids.append(b.id)
        for key, ids in owners.items():
            # A key the command had anyway is no new clash (help's q and quit's).
            changed = [i for i in ids if i in wanted and key not in defaults[i]]
            if len(ids) > 1 and changed:
                user_id = changed[-1]
                other = next(i for i in ids if i != user_id)
                return user_id, other, place
    return None
