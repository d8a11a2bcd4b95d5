"""TOML text written by hand (new plans, settings): the one string quoter, and
the line endings of an edited file.

Imports nothing of socialtui.
"""

from __future__ import annotations

import re


def toml_string(value: str) -> str:
    """``value`` as a TOML basic string, with every control character escaped."""
    out = ['"']
    for char in value:
        code = ord(char)
        if char == '"':
            out.append('\\"')
        elif char == "\\":
            out.append("\\\\")
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif code < 0x20 or code == 0x7F or 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04X}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


_BARE_LF_RE = re.compile(r"(?<!\r)\n")


def same_line_endings(before: str, after: str) -> str:
    """``after`` with the line endings of ``before``: a file written with CRLF
    throughout stays CRLF throughout (tomlkit ends the lines it adds with LF).

    A file that mixes the two is left as tomlkit made it: which of its endings a
    new line should have is anybody's guess. Inside multi-line strings a CRLF
    reads as LF (TOML), so no value changes; the read-back check proves it.
    """
    if "\r\n" not in before or _BARE_LF_RE.search(before):
        return after
    return _BARE_LF_RE.sub("\r\n", after)
