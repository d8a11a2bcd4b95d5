"""Key names as people write them in ``config.toml`` and as Textual names them.

``parse_key`` takes what a person writes (``?``, ``F2``, ``Ctrl+G``, ``shift+a``,
``ä``) to Textual's name (``question_mark``, ``f2``, ``ctrl+g``, ``A``, ``ä``), or
None when it is no key. Case: a single character is taken as typed (``G`` is
shift+g; ``shift+g`` means the same); key names and modifiers are not.
"""

from __future__ import annotations

from textual.keys import REPLACED_KEYS, Keys, _character_to_key, key_to_character

MODIFIERS = ("alt", "ctrl", "hyper", "meta", "shift", "super")
NAMED = frozenset(
    {k.value.rpartition("+")[2] for k in Keys if not k.value.startswith("<")} - {"ctrl-at"}
)


def parse_key(text: str) -> str | None:
    """Textual's name for the key written as ``text`` ("?" → "question_mark",
    "Ctrl+G" → "ctrl+g", "shift+a" → "A"), or None when it is no key."""
    text = text.strip()
    if len(text) == 1:
        return _single(text)
    *mods, base = text.split("+")
    mods = [m.strip().lower() for m in mods]
    base = base.strip()
    if not base or len(set(mods)) != len(mods) or any(m not in MODIFIERS for m in mods):
        return None
    if len(base) == 1:
        if not mods or base.isspace() or not base.isprintable():
            return None
        if mods == ["shift"] and base.isalpha():
            return base.upper()
        base = _character_to_key(base.lower() if "ctrl" in mods else base)
    else:
        base = base.lower()
        if base not in NAMED and _character(base) is None:
            return None
    return "+".join([*sorted(mods), base])


def _single(char: str) -> str | None:
    if not char.isprintable() or char.isspace():  # a space is written "space"
        return None
    return _character_to_key(char)


def _character(key: str) -> str | None:
    """The character a key types ("slash" → "/"), or None."""
    return key_to_character(key) or key_to_character(REPLACED_KEYS.get(key, key))


def printable(key: str) -> bool:
    """Whether the key types a character into a field ("tab" does not)."""
    char = _character(key)
    return char is not None and char.isprintable()


def config_name(key: str) -> str:
    """The key as ``config.toml`` may write it: "question_mark" → "?"."""
    if len(key) > 1 and "+" not in key and key != "space":
        char = _character(key)
        if char is not None and char.isprintable() and char not in ", ":
            return char
    return key
