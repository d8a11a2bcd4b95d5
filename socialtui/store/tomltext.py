"""TOML text written by hand (new plans, settings): the one string quoter.

Imports nothing.
"""

from __future__ import annotations


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
