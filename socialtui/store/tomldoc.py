"""Editing the user's own TOML document in place: the one module that uses tomlkit.

A plan file is the user's document. :func:`apply` edits the tomlkit document
that holds ``old`` so that it holds ``new``, touching only what changed:
comments, layout, number styles and unknown keys survive. Arrays of tables
(goals, channels, check-ins) are matched by id (a check-in by week), so a new
channel is added after the last, a removed one goes with its own comments, and
a reorder keeps each item's introduction with it.

Checked against tomlkit 0.15.2. Public API throughout (``tomlkit.parse``,
``table``, ``inline_table``, ``item``, ``ws``, ``nl``, ``Container.add``,
``Item.trivia``, ``isinstance`` on ``tomlkit.items`` types), except where
tomlkit 0.15.2 has none, each marked ``# tomlkit internals``:

- ``Container._insert_at(index, key, item)``: a new section goes before the
  sections that follow it in the format's order, not at the end;
- ``Container.body`` (a public property) edited as a list: the comments and
  blank lines at the end of a table move with the table that they introduce;
- ``Container._insert_at`` again for a key that comes back (a channel's
  ``goals`` removed with its last goal, linked again): it goes after its
  table's last key, not after the comments that introduce the next table,
  and a Table's own dict learns the key as ``Table.append`` teaches it.

Imported only when a plan is saved: reading a plan never loads tomlkit.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.container import Container
from tomlkit.items import AoT, Table, Whitespace

from socialtui.plan.model import Plan
from socialtui.plan.numbers import EXACT_LIMIT
from socialtui.store.errors import SaveError
from socialtui.store.schema import ARRAYS, SECTIONS
from socialtui.store.tomltext import same_line_endings

_TOP_ORDER = (
    "schema",
    "name",
    "purpose",
    "budget",
    "review",
    "people",
    "goals",
    "audiences",
    "channels",
)
_IDENT = {"people": "id", "goals": "id", "audiences": "id", "channels": "id", "checkins": "week"}
_CANON = (*_TOP_ORDER, "checkins")


def parse(text: str, path: Path) -> Any:
    """The tomlkit document of ``text``; SaveError when tomlkit cannot read it."""
    try:
        return tomlkit.parse(text)
    except Exception as error:  # tomlkit has its own error zoo; none may escape as-is
        raise SaveError(
            f"{path}: the file is valid TOML but the TOML editor cannot read it ({error}); "
            "nothing was written"
        ) from error


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | tuple | list | dict) and len(value) == 0)


def _inline_table(value: dict[str, Any]) -> Any:
    """``{ a = 1, b = 2 }``: the style of plan-format.md, spaces inside the braces."""
    table = tomlkit.inline_table()
    for index, (name, item) in enumerate(value.items()):
        entry = tomlkit.item(_toml_value(None, item))
        if index == 0:
            entry.trivia.indent = " "  # tomlkit separates the later ones with ", "
        table.append(name, entry)
    table.append(None, tomlkit.ws(" "))
    return table


def _toml_value(existing: Any, value: Any) -> Any:
    """What to write: keep the number kind the file used where the value allows."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        exact = isinstance(value, int) or (value.is_integer() and abs(value) < EXACT_LIMIT)
        wants_float = isinstance(existing, float) and not isinstance(existing, bool)
        if isinstance(value, int):
            return float(value) if wants_float and float(value) == value else value
        return float(value) if wants_float or not exact else int(value)
    if isinstance(value, tuple | list):
        return list(value)
    if isinstance(value, dict):
        return _inline_table(value)
    return value


def _put(table: Any, name: str, value: Any) -> None:
    """Set ``name`` to ``value``; an empty value removes the key. Inline tables hold
    no comments, so rewriting a whole one loses nothing; tomlkit keeps the comment
    after it on the line. A key that is not there (a removed one coming back) goes
    inside its own table, after its last key (:func:`set_key`)."""
    if _empty(value):
        if name in table:
            del table[name]
        return
    set_key(table, name, _toml_value(table.get(name), value))


def _key_index(body: list[tuple[Any, Any]]) -> int:
    """Where a new key goes in a table's (or the document's) body.

    After the last key that comes before any sub-table: never after the
    comments and blank lines that end the body, which introduce what follows
    (the next table, or nothing: the file's closing remarks). With no key yet,
    after the comments right under the header (they describe the table).
    """
    first_section = next((i for i, (_, v) in enumerate(body) if _is_section(v)), len(body))
    keys = [i for i, (k, _) in enumerate(body[:first_section]) if k is not None]
    if keys:
        return keys[-1] + 1
    index = 0
    while index < first_section and body[index][0] is None and not _is_blank(body[index][1]):
        index += 1
    return index


def set_key(table: Any, name: str, value: Any) -> None:
    """``table[name] = value``, a new key placed by :func:`_key_index` (tomlkit appends
    it after the table's closing comments, or before the next sub-table's)."""
    if name in table:
        table[name] = value
        return
    container = table if isinstance(table, Container) else table.value
    body = container.body
    index = _key_index(body)
    if index >= len(body):
        table[name] = value
        return
    entry = tomlkit.item(value)
    previous = body[index - 1][1] if index > 0 else None
    if previous is not None and body[index - 1][0] is not None:
        entry.trivia.indent = previous.trivia.indent
    container._insert_at(index, name, entry)  # tomlkit internals: no public insert
    if container is not table:  # a Table mirrors its keys in its own dict
        dict.__setitem__(table, name, entry)  # tomlkit internals: as Table.append does


def _update_fields(table: Any, old: Any, new: Any) -> None:
    for f in fields(new):
        before = getattr(old, f.name) if old is not None else None
        after = getattr(new, f.name)
        if old is not None and before == after:
            continue
        _put(table, f.name, after)


def _is_section(item: Any) -> bool:
    return isinstance(item, Table | AoT)


def _is_blank(item: Any) -> bool:
    return isinstance(item, Whitespace)


def _add_section(doc: Any, name: str, item: Any) -> None:
    """Add a table or array of tables at its natural place among the known sections."""
    later = set(_CANON[_CANON.index(name) + 1 :])
    body = doc.body
    seen_table = False
    for index, (key, value) in enumerate(body):
        seen_table = seen_table or _is_section(value)
        if seen_table and key is not None and key.key in later and _is_section(value):
            # Step back over the comments and blank lines that introduce it.
            while index > 0 and body[index - 1][0] is None:
                index -= 1
            while index < len(body) and body[index][0] is None and _is_blank(body[index][1]):
                index += 1
            doc._insert_at(index, name, item)  # tomlkit internals: no public insert
            return
    doc.add(name, item)


def _aot(tables: list[Any]) -> Any:
    array = AoT([], parsed=True)  # parsed: tomlkit adds no blank lines of its own
    for table in tables:
        array.append(table)
    return array


def _trailing(table: Any) -> list[Any]:
    """Remove and return the comments/blank lines at the end of a table's body."""
    body = table.value.body  # tomlkit internals: the body edited as a list
    tail: list[Any] = []
    while body and body[-1][0] is None:
        tail.insert(0, body.pop()[1])
    return tail


def _append_items(table: Any, items: list[Any]) -> None:
    for item in items:
        table.value.body.append((None, item))  # tomlkit internals: as _trailing


def _new_table(item: Any, inline: bool) -> Any:
    table = tomlkit.inline_table() if inline else tomlkit.table()
    _update_fields(table, None, item)
    return table


def _match(old: tuple[Any, ...], new: tuple[Any, ...], ident: str) -> list[int | None]:
    """For each new item, the index of the old item it continues (None: a new one)."""
    index_of = {getattr(item, ident): i for i, item in enumerate(old)}
    assign: list[int | None] = [index_of.get(getattr(item, ident)) for item in new]
    used = {i for i in assign if i is not None}
    for position in range(len(new)):  # a changed id at the same place is a rename
        if assign[position] is None and position < len(old) and position not in used:
            assign[position] = position
            used.add(position)
    return assign


def _append_tables(existing: Any, tables: list[Any], inline: bool) -> None:
    """New tables after the last one, each separated by a blank line."""
    for table in tables:
        if inline:
            existing.append(table)
            continue
        previous = existing.body[-1]
        tail = _trailing(previous)
        _append_items(previous, [tomlkit.nl()])
        existing.append(table)
        _append_items(table, tail)  # what followed the last table follows the new one


def _rebuilt(tables: list[Any], result: list[Any]) -> Any:
    """The tables of ``result`` (a reorder of ``tables`` plus new ones) as a new array.

    Comments at the end of table i introduce table i + 1, and the last table's
    tail introduces whatever follows the array: they keep those roles.
    """
    blocks = [_trailing(t) for t in tables]
    leading = {id(tables[i + 1]): blocks[i] for i in range(len(tables) - 1)}
    tail = blocks[-1] if blocks else []
    for position, table in enumerate(result[:-1]):
        _append_items(table, leading.pop(id(result[position + 1]), None) or [tomlkit.nl()])
    first = result[0]
    orphan = leading.pop(id(first), [])
    if any(not _is_blank(item) for item in orphan):  # its introduction has nowhere better to go
        body = first.value.body  # tomlkit internals: as _trailing
        while body and body[-1][0] is None:
            body.pop()
        _append_items(first, [tomlkit.nl(), *orphan])
        if len(result) > 1:
            _append_items(first, leading.get(id(result[1]), []))
    _append_items(result[-1], tail)
    return _aot(result)


def _update_array(doc: Any, name: str, old: tuple[Any, ...], new: tuple[Any, ...]) -> None:
    if old == new:
        return
    existing = doc.get(name)
    if existing is None:
        tables: list[Any] = []
        inline = False
    elif isinstance(existing, AoT):
        tables, inline = list(existing.body), False
    else:
        tables, inline = list(existing), True
    if len(tables) != len(old):
        raise SaveError(f"{name}: the document and the plan disagree; nothing was written")

    assign = _match(old, new, _IDENT[name])
    result: list[Any] = []
    for position, item in enumerate(new):
        source = assign[position]
        if source is None:
            result.append(_new_table(item, inline))
        else:
            _update_fields(tables[source], old[source], item)
            result.append(tables[source])

    if not new:
        if existing is not None:
            del doc[name]
        return
    if existing is None:
        for table in result:
            _append_items(table, [tomlkit.nl()])
        _add_section(doc, name, _aot(result))
        return
    kept = [i for i in assign if i is not None]
    if kept == list(range(len(old))) and assign[: len(old)] == kept:  # in place, new ones last
        _append_tables(existing, result[len(old) :], inline)
    elif inline:
        array = tomlkit.array()
        for table in result:
            array.append(table)
        doc[name] = array
    else:
        doc[name] = _rebuilt(tables, result)


def apply(doc: Any, old: Plan, new: Plan) -> None:
    """Edit ``doc`` (which holds ``old``) in place so that it holds ``new``."""
    if old.schema != new.schema:
        doc["schema"] = new.schema
    if old.name != new.name:
        doc["name"] = new.name
    for name in SECTIONS:
        before, after = getattr(old, name), getattr(new, name)
        if before == after:
            continue
        if name not in doc:
            table = tomlkit.table()
            _update_fields(table, type(after)(), after)
            table.add(tomlkit.nl())
            _add_section(doc, name, table)
        else:
            _update_fields(doc[name], before, after)
    for name in ARRAYS:
        _update_array(doc, name, getattr(old, name), getattr(new, name))


def set_setting(text: str, key: str, value: str) -> str:
    """``text`` (a settings file) with top-level ``key`` set to ``value``, edited in
    place: comments, layout and every other key, of any type, stay. ValueError
    when the text is not TOML (then it must not be rewritten)."""
    import tomli

    tomli.loads(text)  # the judge of validity, as for plans
    doc = tomlkit.parse(text)
    set_key(doc, key, value)
    new = same_line_endings(text, doc.as_string())
    if tomli.loads(new).get(key) != value:
        raise ValueError(f"the setting {key} would not read back")
    return new
