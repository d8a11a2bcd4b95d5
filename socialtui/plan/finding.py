"""A finding, its fix, and what a rule is: the data every rule module returns.

The rules live in :mod:`.findings` (the plan's shape and budget) and
:mod:`.checkin_rules` (what the check-ins say); :func:`.findings.check` runs them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from .edits import Edit
from .model import Plan

SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


@dataclass(frozen=True, slots=True)
class Fix:
    """A remedy: a sentence, and the edits that apply it when it can be automatic."""

    label: str
    edits: tuple[Edit, ...] = ()

    @property
    def applicable(self) -> bool:
        return bool(self.edits)


@dataclass(frozen=True, slots=True)
class Finding:
    id: str
    severity: str
    message: str
    principle: str
    subject: str
    fix: Fix | None = None

    @property
    def rank(self) -> int:
        return SEVERITY_RANK[self.severity]


Rule = Callable[[Plan, date], Iterator[Finding]]


def names(items: Iterable[str]) -> str:
    """``'a'``, ``'a' and 'b'``, ``'a', 'b' and 'c'``."""
    quoted = [f"'{item}'" for item in items]
    return join(quoted)


def join(parts: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]
