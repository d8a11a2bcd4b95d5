"""Statics that change on a keystroke without asking for a new layout.

``Static.update`` asks Textual to lay out the whole screen again in case the
widget's size changed; on a keystroke that is most of the cost of a frame.
:func:`show` asks only when the text's height at the widget's width changes,
and does nothing when the text is the same.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from rich.text import Text
from textual.widgets import Static

_HEIGHTS: WeakKeyDictionary[Static, int] = WeakKeyDictionary()  # the lines last shown


def show(static: Static, text: Text, min_lines: int = 1) -> None:
    """Put ``text`` in ``static``; relayout only when its height changes (it is
    at least ``min_lines`` high: its CSS says so)."""
    if isinstance(static.content, Text) and static.content == text:
        return
    width = static.content_region.width
    if width <= 0 or not static.is_mounted:
        _HEIGHTS.pop(static, None)
        static.update(text)
        return
    lines = max(min_lines, len(text.wrap(static.app.console, width)) if text.plain else 1)
    same = _HEIGHTS.get(static) == lines
    _HEIGHTS[static] = lines
    static.update(text, layout=not same)
