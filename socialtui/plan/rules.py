"""Field rules shared by the forms, the headless check-in and the loader's messages.

Each rule turns the text a person typed into a value or a plain sentence that
says what is wrong ("must be a number from 0 to 168"). Numbers are ASCII
decimal notation only, each field within a bound (see ``parse_number`` and
``parse_finite``; docs/plan-format.md lists them).
"""

from __future__ import annotations

import re
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
    "person_hours": "hours a week",
}
INTEGER_FIELDS = frozenset({"max_active_channels", "every_weeks"})


class RuleError(ValueError):
    """A value a person typed breaks a rule; ``str()`` is the reason."""


def range_text(field: str) -> str:
    low, high, inclusive = RANGES[field]
    if inclusive:
        return f"from {show_number(low)} to {show_number(high)}"
    return f"more than {show_number(low)} and at most {show_number(high)}"


# -- numbers people type ------------------------------------------------------------------
#
# Typed numbers (forms, the check-in screen, ``checkin --hours/--metric``) are ASCII
# decimal notation and nothing else: digits, an optional sign and decimal point.
# ``float()`` and ``int()`` accept far more: other scripts' digits (``٣`` is 3),
# ``1_000``, ``1e308``, ``inf``, ``nan``, and ``int()`` spends quadratic time on
# thousands of digits. Each field has a bound: its range in the plan format, or
# METRIC_BOUND for a goal's values (baseline, target, a week's value).

METRIC_BOUND = 10**12
"""Largest magnitude a typed metric value may have (a trillion)."""
NUMBER_TEXT_MAX = 32
"""Longest number text read (digits, sign and point): 10**12 with decimals fits."""
_DECIMAL_RE = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\Z", re.ASCII)
_INTEGER_RE = re.compile(r"[+-]?[0-9]+\Z", re.ASCII)


def _shown(raw: str) -> str:
    """Typed text quoted in a message: cut short (the caller cleans it for display)."""
    return raw if len(raw) <= NUMBER_TEXT_MAX else raw[: NUMBER_TEXT_MAX - 1] + "…"


def _decimal(raw: str, integer: bool) -> int | float | None:
    """The value of ``raw`` when it is ASCII decimal notation (of an integer when
    ``integer``), else None. ``3.0`` stays a float; ``3`` is an int."""
    if len(raw) > NUMBER_TEXT_MAX:
        return None
    if _INTEGER_RE.match(raw):
        return int(raw)
    if integer or not _DECIMAL_RE.match(raw):
        return None
    return float(raw)


def parse_number(field: str, text: str) -> int | float:
    """The number in ``text`` for ``field``, within the format's range."""
    raw = text.strip()
    integer = field in INTEGER_FIELDS
    kind = "a whole number" if integer else "a number"
    if not raw:
        raise RuleError(f"needs {kind} {range_text(field)}")
    value = _decimal(raw, integer)
    if value is None:
        shown = _shown(raw)
        raise RuleError(f"'{shown}' is not {kind}; use {kind} {range_text(field)}")
    low, high, inclusive = RANGES[field]
    ok = (low <= value if inclusive else low < value) and value <= high
    if not ok:
        raise RuleError(f"must be {range_text(field)}, not {raw}")
    return value


def parse_finite(text: str, what: str = "value") -> int | float:
    """A goal's number (a value, a baseline, a target): decimal, at most
    :data:`METRIC_BOUND` in magnitude."""
    raw = text.strip()
    value = _decimal(raw, integer=False)
    if value is None:
        shown = _shown(raw)
        raise RuleError(
            f"the {what} '{shown}' is not a number; use digits (e.g. 14 or -2.5) "
            f"{metric_range_text()}"
        )
    if abs(value) > METRIC_BOUND:
        raise RuleError(f"the {what} must be {metric_range_text()}, not {raw}")
    return value


def metric_range_text() -> str:
    bound = f"{METRIC_BOUND:,}"
    return f"from -{bound} to {bound}"


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
