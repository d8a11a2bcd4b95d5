"""Figures the safety tests measure, printed at the end of the run (see conftest.py)."""

from __future__ import annotations

FIGURES: dict[str, str] = {}


def record(name: str, value: object) -> None:
    FIGURES[name] = str(value)
