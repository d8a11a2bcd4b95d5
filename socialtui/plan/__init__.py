"""The domain: the plan and everything worked out from it, pure.

==============  ==============================================================
``model``       frozen dataclasses: Plan, Purpose, Budget, Goal, Audience, ...
``budget``      minutes arithmetic: channel cost, committed, capacity
``numbers``     numbers for people and data (``3.0`` shows as ``3``)
``rules``       field rules shared by forms, the loader and the CLI
``edits``       concrete, reversible edits (what a fix changes)
``findings``    ``check(plan, today)`` -> findings, one function per rule
``fit``         proposals that bring an over-budget plan back inside
``progress``    goals against their pace
``trends``      what the check-ins say over time
``checkin``     the check-in's prefill, and merging a check-in in
``history``     undo and redo
``merge``       three versions of a plan merged by meaning (for git)
``changes``     what changed between two versions, in a few words
``mask``        a plan with nothing that tells whose it is
``week``        the week: posting days, cadence, each day's minutes, its timetable
``catalog``     channel presets with their sources
==============  ==============================================================

Imports nothing of socialtui outside this package, and none of textual, rich,
tomlkit, tomli or platformdirs: no files, no clock (``today`` is passed in).
"""

from .budget import (
    BudgetSummary,
    capacity_minutes,
    channel_minutes,
    committed_minutes,
    format_minutes,
    summarize,
)
from .edits import Edit, apply_edit, apply_edits
from .evidence import LivedWeek, lived_week
from .findings import Finding, Fix, check, worst
from .fit import FitProposal, best_candidate, fit_to_budget, rank_channels, score
from .model import (
    SCHEMA_VERSION,
    Audience,
    Budget,
    Channel,
    CheckIn,
    Goal,
    Plan,
    Purpose,
    Review,
)
from .shortlist import NextChoice, next_channel

__all__ = [
    "SCHEMA_VERSION",
    "Audience",
    "Budget",
    "BudgetSummary",
    "Channel",
    "CheckIn",
    "Edit",
    "Finding",
    "FitProposal",
    "Fix",
    "Goal",
    "LivedWeek",
    "NextChoice",
    "Plan",
    "Purpose",
    "Review",
    "apply_edit",
    "apply_edits",
    "best_candidate",
    "capacity_minutes",
    "channel_minutes",
    "check",
    "committed_minutes",
    "fit_to_budget",
    "format_minutes",
    "lived_week",
    "next_channel",
    "rank_channels",
    "score",
    "summarize",
    "worst",
]
