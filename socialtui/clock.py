"""The date socialtui works on: today, or ``SOCIALTUI_TODAY`` (YYYY-MM-DD) when it is set.

Read here and only here (tests and examples set the variable; the app and every
command take the date from this function). Imports only ``os``, ``datetime``
and :mod:`socialtui.safe`: ``socialtui due`` reads the date at start.
"""

from __future__ import annotations

import os
from datetime import date

from socialtui.safe import clean

ENV_TODAY = "SOCIALTUI_TODAY"


def today() -> date:
    """Today's date, or ``SOCIALTUI_TODAY``; ValueError (a sentence) when that is not a date."""
    override = os.environ.get(ENV_TODAY, "").strip()
    if not override:
        return date.today()
    try:
        return date.fromisoformat(override)
    except ValueError:
        raise ValueError(f"{ENV_TODAY}={clean(override)!s} is not a date (YYYY-MM-DD)") from None
