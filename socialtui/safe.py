"""Text hygiene, once: make text from a plan file harmless to show or to write.

A plan file is somebody's document, and on a shared server it may be somebody
else's. Its strings must never move the cursor, change colours, set the
window title or reorder what the reader sees. One set of characters is
dangerous (:func:`_is_control`: C0 and C1 controls, DEL, bidirectional
controls, lone surrogates) and two policies handle it:

- :func:`clean` (the terminal) keeps the text readable and makes every such
  character visible instead of active:

  - C0 controls and DEL become their Unicode control pictures (ESC -> ``␛``,
    NUL -> ``␀``, DEL -> ``␡``), so an escape sequence reads as ``␛[2J``;
  - C1 controls (U+0080-U+009F, among them the 8-bit CSI U+009B) become ``\\x9b``;
  - bidirectional overrides, embeddings, isolates and marks (U+202A-U+202E,
    U+2066-U+2069, U+200E, U+200F, U+061C) become ``\\u202e``;
  - lone surrogates (from undecodable file names) become ``\\udcff``;
  - tab, CR, LF and the Unicode line/paragraph separators become a space, unless
    ``multiline=True``, which keeps line feeds (CRLF and U+2028/U+2029 become LF).

  :func:`one_line` is :func:`clean` cut to a width, for tables and headers.

- :func:`plain` (documents for other people) removes them, and
  :func:`md_escape` also makes Markdown's specials inert; :func:`document`
  removes them too but keeps tabs and line breaks (CSV cells).

Plain text, including emoji and right-to-left scripts, passes unchanged.
Hygiene is for display and documents only: it never flows back into a plan.
Imports nothing of socialtui.
"""

from __future__ import annotations

__all__ = ["clean", "document", "md_escape", "one_line", "plain"]

_BIDI = frozenset([0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)])
_LINE_SEPARATORS = frozenset([0x2028, 0x2029])
# What each policy turns into a space rather than handling as a control.
_CLEAN_BREAKS = frozenset([0x09, 0x0A, 0x0D, *_LINE_SEPARATORS])
_PLAIN_SPACES = frozenset([0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, *_LINE_SEPARATORS])
# Backslash-escaped wherever plan text lands in Markdown: everything that can open
# emphasis, code, a link, an image, an HTML tag or entity, a heading or a table cell.
_MD_SPECIAL = frozenset("\\`*_[]<>|#~&!$")


def _is_control(code: int) -> bool:
    """The one filter: a character that must never reach a terminal as it is."""
    return code < 0x20 or 0x7F <= code <= 0x9F or code in _BIDI or 0xD800 <= code <= 0xDFFF


def _visible(code: int) -> str | None:
    """The visible stand-in for ``code``, or None when it is harmless."""
    if not _is_control(code):
        return None
    if code < 0x20:
        return chr(0x2400 + code)  # control pictures: ␀ … ␟ (ESC -> ␛)
    if code == 0x7F:
        return "\u2421"  # ␡
    if code <= 0x9F:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"  # bidi controls and lone surrogates


def _needs_work(text: str) -> bool:
    return any(_is_control(code) or code in _LINE_SEPARATORS for code in map(ord, text))


def clean(text: str, *, multiline: bool = False) -> str:
    """``text`` with every control, escape and bidi character made visible and inert."""
    if not _needs_work(text):
        return text
    if multiline:
        text = text.replace("\r\n", "\n")
    out: list[str] = []
    for char in text:
        code = ord(char)
        if code in _CLEAN_BREAKS:
            if multiline and code in (0x0A, 0x2028, 0x2029):
                out.append("\n")
            else:
                out.append(" ")
            continue
        stand_in = _visible(code)
        out.append(char if stand_in is None else stand_in)
    return "".join(out)


# The same names are cleaned on every redraw: remember the answers. Made on first
# use: functools costs ``socialtui due`` (which needs only clean) 1.5 ms at start.
_CLEAN_CACHED: list = []


def one_line(text: object, width: int = 0) -> str:
    """``text`` cleaned on one line, cut to ``width`` (when given) with an ellipsis."""
    if not _CLEAN_CACHED:
        from functools import lru_cache

        _CLEAN_CACHED.append(lru_cache(maxsize=8192)(clean))
    value = _CLEAN_CACHED[0](str(text))
    if width and len(value) > width:
        return value[: max(0, width - 1)] + "…"
    return value


def plain(text: str) -> str:
    """``text`` on one line, without control or bidi-override characters.

    Line breaks and tabs become spaces, runs of spaces shrink to one; every other
    C0/C1 control, DEL, bidi control and lone surrogate is removed.
    """
    out: list[str] = []
    for char in text:
        code = ord(char)
        if code in _PLAIN_SPACES:
            out.append(" ")
        elif not _is_control(code):
            out.append(char)
    return " ".join("".join(out).split())


_DOCUMENT_KEEPS = frozenset([0x09, 0x0A, 0x0D])


def document(text: str) -> str:
    """``text`` for a document that keeps lines (a CSV cell): every control, bidi
    and surrogate character removed except tab, CR and LF. Nothing else changes."""
    if not _needs_work(text):
        return text
    return "".join(
        char for char in text if ord(char) in _DOCUMENT_KEEPS or not _is_control(ord(char))
    )


def md_escape(text: str) -> str:
    """Plan text made inert for Markdown: one line, specials backslash-escaped."""
    return "".join("\\" + c if c in _MD_SPECIAL else c for c in plain(text))
