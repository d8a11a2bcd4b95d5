"""Text from a plan is shown, never obeyed.

Every string that came from a plan file or an input goes through :func:`lit`:
control and escape characters are made visible by :func:`socialtui.safe.clean`
and the result is a plain :class:`rich.text.Text`, never parsed as markup.
"""

from __future__ import annotations

from rich.text import Text

from socialtui.safe import clean


def lit(text: object, style: str = "") -> Text:
    """User text as literal, harmless Rich text."""
    return Text(clean(str(text)), style=style, no_wrap=False)


def one_line(text: object, width: int = 0) -> str:
    """User text on one line, cleaned, optionally cut to ``width`` with an ellipsis."""
    value = clean(str(text)).replace("\n", " ")
    if width and len(value) > width:
        return value[: max(0, width - 1)] + "…"
    return value
