"""Text from a plan is shown, never obeyed.

Every string that came from a plan file or an input goes through :func:`lit`:
control and escape characters are made visible by :func:`socialtui.safe.clean`
and the result is a plain :class:`rich.text.Text`, never parsed as markup.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from rich.text import Text

from socialtui.safe import clean as _clean

# The same names are cleaned on every redraw: remember the answers.
clean = lru_cache(maxsize=8192)(_clean)


def lit(text: object, style: str = "") -> Text:
    """User text as literal, harmless Rich text."""
    return Text(clean(str(text)), style=style, no_wrap=False)


def one_line(text: object, width: int = 0) -> str:
    """User text on one line, cleaned, optionally cut to ``width`` with an ellipsis."""
    value = clean(str(text)).replace("\n", " ")  # clean() is cached
    if width and len(value) > width:
        return value[: max(0, width - 1)] + "…"
    return value


def short_path(path: object) -> str:
    """A path as people write it: the home directory as ``~``."""
    text = str(path)
    try:
        home = str(Path.home())
    except (RuntimeError, KeyError):  # no home directory
        return text
    if home not in ("", "/") and (text == home or text.startswith(home + os.sep)):
        return "~" + text[len(home) :]
    return text
