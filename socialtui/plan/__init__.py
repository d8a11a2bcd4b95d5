"""The domain: the plan model, budget arithmetic, findings, fit and progress.

Nothing in this package imports textual, rich, tomlkit or touches files.
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
