"""Where a key is in a plan's text: ``("channels", 2, "posts_per_week")`` -> line, column.

Used for the line and column of every validation error. Works on the text
alone (no TOML parser), so it also points into files that parse but do not
validate. Imports nothing of socialtui.
"""

from __future__ import annotations

import re

Key = tuple[str | int, ...]

_BARE_RE = re.compile(r"[A-Za-z0-9_-]+\Z")


def key_name(key: Key) -> str:
    """("channels", 2, "posts_per_week") -> "channels[2].posts_per_week" (0-based)."""
    out = ""
    for part in key:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            shown = part if _BARE_RE.match(part) else '"' + part.replace('"', '\\"') + '"'
            out += f".{shown}" if out else shown
    return out


_KEY_PART_RE = re.compile(r"""\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*""")


def _split_key(text: str) -> list[str] | None:
    """A dotted TOML key -> its parts, or None if ``text`` is not a key."""
    parts: list[str] = []
    pos = 0
    while True:
        match = _KEY_PART_RE.match(text, pos)
        if not match:
            return None
        parts.append(next(g for g in match.groups() if g is not None))
        pos = match.end()
        if pos == len(text):
            return parts
        if text[pos] != ".":
            return None
        pos += 1


def _key_at(line: str) -> tuple[list[str], int] | None:
    """For ``key = value`` lines: the key parts and the index just after '='."""
    in_quote = ""
    for index, char in enumerate(line):
        if in_quote:
            if char == in_quote:
                in_quote = ""
        elif char in "\"'":
            in_quote = char
        elif char == "=":
            parts = _split_key(line[:index])
            return (parts, index + 1) if parts else None
        elif char == "#":
            return None
    return None


def locate(text: str, key: Key) -> tuple[int, int]:
    """Best (line, column) for ``key`` in ``text``: the key, else its table, else 1:1."""
    target = tuple(key)
    best = (0, 1, 1)
    current: Key = ()
    counts: dict[tuple[str, ...], int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip()
        indent = len(line) - len(stripped)
        if stripped.startswith("["):
            is_array = stripped.startswith("[[")
            end = stripped.find("]]" if is_array else "]")
            parts = _split_key(stripped[2 if is_array else 1 : end]) if end > 0 else None
            if parts is None:
                continue
            if is_array:
                names = tuple(parts)
                counts[names] = counts.get(names, 0) + 1
                current = (*names, counts[names] - 1)
            else:
                current = tuple(parts)
            if current == target[: len(current)] and len(current) > best[0]:
                best = (len(current), number, indent + 1)
            continue
        found = _key_at(stripped)
        if not found:
            continue
        parts, after = found
        full = (*current, *parts)
        if full != target[: len(full)] or len(full) <= best[0]:
            continue
        best = (len(full), number, indent + 1)
        # Keys inside inline tables on the same line.
        pos = indent + after
        for depth, part in enumerate(target[len(full) :], start=len(full) + 1):
            if not isinstance(part, str):
                break
            pattern = r"(?<![\w\"'-])(?:" + re.escape(part) + r'|"' + re.escape(part) + r'")\s*='
            match = re.compile(pattern).search(line, pos)
            if not match:
                break
            best = (depth, number, match.start() + 1)
            pos = match.end()
    return best[1], best[2]
