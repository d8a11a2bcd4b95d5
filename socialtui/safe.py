"""Make text from a plan file harmless to print.

A plan file is somebody's document, and on a shared server it may be somebody
else's. Its strings must never move the cursor, change colours, set the
window title or reorder what the reader sees. :func:`clean` keeps the text
readable and makes every such character visible instead of active:

- C0 controls and DEL become their Unicode control pictures (ESC -> ``␛``,
  NUL -> ``␀``, DEL -> ``␡``), so an escape sequence reads as ``␛[2J``;
- C1 controls (U+0080-U+009F, among them the 8-bit CSI U+009B) become ``\\x9b``;
- bidirectional overrides, embeddings, isolates and marks (U+202A-U+202E,
  U+2066-U+2069, U+200E, U+200F, U+061C) become ``\\u202e``;
- lone surrogates (from undecodable file names) become ``\\udcff``;
- tab, CR, LF and the Unicode line/paragraph separators become a space, unless
  ``multiline=True``, which keeps line feeds (CRLF and U+2028/U+2029 become LF).

Plain text, including emoji and right-to-left scripts, passes unchanged.
"""

from __future__ import annotations

__all__ = ["clean"]

_BIDI = frozenset([0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)])
_BREAKS = frozenset([0x09, 0x0A, 0x0D, 0x2028, 0x2029])


def _visible(code: int) -> str | None:
    """The visible stand-in for ``code``, or None when it is harmless."""
    if code < 0x20:
        return chr(0x2400 + code)  # control pictures: ␀ … ␟ (ESC -> ␛)
    if code == 0x7F:
        return "\u2421"  # ␡
    if 0x80 <= code <= 0x9F:
        return f"\\x{code:02x}"
    if code in _BIDI or 0xD800 <= code <= 0xDFFF:
        return f"\\u{code:04x}"
    return None


def _needs_work(text: str) -> bool:
    for char in text:
        code = ord(char)
        if code < 0x20 or 0x7F <= code <= 0x9F or code in _BIDI:
            return True
        if code in (0x2028, 0x2029) or 0xD800 <= code <= 0xDFFF:
            return True
    return False


def clean(text: str, *, multiline: bool = False) -> str:
    """``text`` with every control, escape and bidi character made visible and inert."""
    if not _needs_work(text):
        return text
    if multiline:
        text = text.replace("\r\n", "\n")
    out: list[str] = []
    for char in text:
        code = ord(char)
        if code in _BREAKS:
            if multiline and code in (0x0A, 0x2028, 0x2029):
                out.append("\n")
            else:
                out.append(" ")
            continue
        stand_in = _visible(code)
        out.append(char if stand_in is None else stand_in)
    return "".join(out)
