"""Numbers for people and for data: a whole number never shows as ``3.0``.

One rule, three uses:

- :func:`exact` — the value itself, a whole float as an int (``3.0`` -> ``3``),
  for JSON, CSV and echoing what was recorded (``show_number``);
- :func:`rounded` — the same after rounding to two decimals (budget figures);
- :func:`format_number` — for screens and reports: at most two decimals
  (``2.125`` -> ``"2.12"``, ``3.0`` -> ``"3"``).

Floats at or beyond 2**53 are left as floats by :func:`exact`: not every whole
number there is exactly what was written.
"""

from __future__ import annotations

EXACT_LIMIT = 2**53


def exact(value: float) -> int | float:
    """``value`` with a whole float as an int (below 2**53), else as it is."""
    if isinstance(value, float) and value.is_integer() and abs(value) < EXACT_LIMIT:
        return int(value)
    return value


def show_number(value: float) -> str:
    """``value`` as written: ``3.0`` -> ``"3"``, ``2.125`` -> ``"2.125"``."""
    return str(exact(value))


def rounded(value: float, digits: int = 2) -> int | float:
    """``value`` rounded to ``digits`` decimals, a whole result as an int."""
    return exact(round(float(value), digits))


def format_number(value: float) -> str:
    """``3.0`` -> ``"3"``, ``0.5`` -> ``"0.5"``, ``2.25`` -> ``"2.25"``: two decimals at most."""
    if value == int(value):
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")
