"""Field rules shared by the forms, the headless check-in and the loader's messages.

Each rule turns the text a person typed into a value or a plain sentence that
says what is wrong ("must be a number from 0 to 168").
"""

from __future__ import annotations

import math
from datetime import date

from .model import NAME_MAX, RANGES, is_slug, parse_week
from .numbers import show_number

LABELS = {
    "weekly_hours": "weekly hours",
    "reserve_percent": "reserve",
    "max_active_channels": "max active channels",
    "every_weeks": "review every (weeks)",
    "posts_per_week": "posts per week",
    "minutes_per_post": "minutes per post",
    "engage_minutes_per_week": "engagement minutes per week",
    "checkin_hours": "hours",
}
INTEGER_FIELDS = frozenset({"max_active_channels", "every_weeks"})


class RuleError(ValueError):
    """A value a person typed breaks a rule; ``str()`` is the reason."""


def range_text(field: str) -> str:
    low, high, inclusive = RANGES[field]
    if inclusive:
        return f"from {show_number(low)} to {show_number(high)}"
    return f"more than {show_number(low)} and at most {show_number(high)}"


def parse_number(field: str, text: str) -> int | float:
    """The number in ``text`` for ``field``, within the format's range."""
    raw = text.strip()
    integer = field in INTEGER_FIELDS
    kind = "a whole number" if integer else "a number"
    if not raw:
        raise RuleError(f"needs {kind} {range_text(field)}")
    try:
        value: int | float = int(raw) if integer else float(raw)
    except ValueError:
        raise RuleError(f"'{raw}' is not {kind}; use {kind} {range_text(field)}") from None
    if not integer and not math.isfinite(value):
        raise RuleError(f"must be a finite number {range_text(field)}")
    low, high, inclusive = RANGES[field]
    ok = (low <= value if inclusive else low < value) and value <= high
    if not ok:
        raise RuleError(f"must be {range_text(field)}, not {raw}")
    if not integer and float(value).is_integer() and "." not in raw and "e" not in raw.lower():
        value = int(value)
    return value


def parse_finite(text: str, what: str = "value") -> int | float:
    raw = text.strip()
    try:
        value = float(raw)
    except ValueError:
        raise RuleError(f"the {what} '{raw}' is not a number") from None
    if not math.isfinite(value):
        raise RuleError(f"the {what} must be a finite number")
    if value.is_integer() and "." not in raw and "e" not in raw.lower():
        return int(value)
    return value


def parse_optional_finite(text: str, what: str = "value") -> int | float | None:
    return None if not text.strip() else parse_finite(text, what)


def parse_date(text: str) -> date | None:
    raw = text.strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise RuleError(f"'{raw}' is not a date; write it as YYYY-MM-DD") from None


def parse_slug(text: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    raw = text.strip()
    if not is_slug(raw):
        raise RuleError(
            "an id is lowercase letters, digits and '-', starting with a letter or digit, "
            "at most 40 characters"
        )
    if raw in taken:
        raise RuleError(f"the id '{raw}' is already used")
    return raw


def parse_name(text: str, what: str = "name") -> str:
    value = text.strip()
    if not value:
        raise RuleError(f"a {what} is required")
    if len(value) > NAME_MAX:
        raise RuleError(f"a {what} is at most {NAME_MAX} characters")
    return value


def parse_week_text(text: str) -> str:
    raw = text.strip()
    if parse_week(raw) is None:
        raise RuleError(f"'{raw}' is not an ISO week; write it like 2026-W48")
    return raw
