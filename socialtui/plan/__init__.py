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
``days``        days of the week as the file names them (``"mon"`` ... ``"sun"``)
``due``         what is due for a plan on a date: check-ins, the review, findings
==============  ==============================================================

Imports nothing of socialtui outside this package, and none of textual, rich,
tomlkit, tomli or platformdirs: no files, no clock (``today`` is passed in).

The names below are imported on first use (``from socialtui.plan import check``
works as ever): ``socialtui due`` imports :mod:`.due` at start, and this
package's modules together cost three times an interpreter's own start.
"""

# name -> the module that defines it
_EXPORTS = {
    **dict.fromkeys(
        (
            "BudgetSummary",
            "capacity_minutes",
            "channel_minutes",
            "committed_minutes",
            "format_minutes",
            "summarize",
        ),
        "budget",
    ),
    **dict.fromkeys(("Edit", "apply_edit", "apply_edits"), "edits"),
    **dict.fromkeys(("LivedWeek", "lived_week"), "evidence"),
    **dict.fromkeys(("Finding", "Fix", "check", "worst"), "findings"),
    **dict.fromkeys(
        ("FitProposal", "best_candidate", "fit_to_budget", "rank_channels", "score"), "fit"
    ),
    **dict.fromkeys(
        (
            "SCHEMA_VERSION",
            "Audience",
            "Budget",
            "Channel",
            "CheckIn",
            "Goal",
            "Plan",
            "Purpose",
            "Review",
        ),
        "model",
    ),
    **dict.fromkeys(("NextChoice", "next_channel"), "shortlist"),
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    # __import__, not importlib.import_module: importlib costs socialtui due 0.3 ms at start.
    value = getattr(__import__(f"{__name__}.{module}", fromlist=[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
