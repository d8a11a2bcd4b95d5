"""Text from a plan is shown, never obeyed: Rich text made from user text.

Every string that came from a plan file or an input goes through :func:`lit`
(or :func:`socialtui.safe.one_line`): control and escape characters are made
visible and the result is a plain :class:`rich.text.Text`, never parsed as
markup.
"""

from __future__ import annotations

import os
from pathlib import Path

from rich.text import Text

from socialtui.safe import one_line


def lit(text: object, style: str = "") -> Text:
    """User text as literal, harmless Rich text."""
    return Text(one_line(text), style=style, no_wrap=False)


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
