"""A plan as a document for other people: one registry of formats for the CLI and the TUI.

==============  =============================================================
``markdown``    a one-to-two page report for a manager (:mod:`.markdown`)
``csv``         the check-in history for spreadsheets (:mod:`.sheet`)
``json``        the whole plan with budget, progress, findings (:mod:`.data`)
``ics``         posting days, check-ins and reviews for a calendar (:mod:`.ics`)
==============  =============================================================

:data:`FORMATS` names each format once, with its file extension, the suffixes
it is recognised by and the line the export picker shows; :func:`export_text`
makes any of them, masked on request (:func:`socialtui.plan.mask.mask_plan`).
``socialtui export`` and the planner's export both go through it.

Pure functions of a plan and the date: no clock, no files. May import
socialtui.plan and socialtui.safe; never textual, rich, socialtui.store,
socialtui.tui or socialtui.cli.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from socialtui.plan.mask import MASK, mask_plan
from socialtui.plan.model import Plan
from socialtui.report.data import EXPORT_FORMAT, EXPORT_VERSION, finding_data, to_data, to_json
from socialtui.report.ics import to_ics
from socialtui.report.markdown import to_markdown
from socialtui.report.sheet import CSV_COLUMNS, to_csv

__all__ = [
    "CSV_COLUMNS",
    "EXPORT_FORMAT",
    "EXPORT_VERSION",
    "FORMATS",
    "MASK",
    "Format",
    "export_text",
    "finding_data",
    "format_for_suffix",
    "mask_plan",
    "to_csv",
    "to_data",
    "to_ics",
    "to_json",
    "to_markdown",
]


@dataclass(frozen=True, slots=True)
class Format:
    """One export format."""

    name: str
    extension: str
    suffixes: tuple[str, ...]
    label: str
    """What the planner's export picker shows."""
    render: Callable[[Plan, date], str]


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(
            "markdown",
            "md",
            (".md", ".markdown"),
            "Markdown — a one-to-two page report for a manager",
            to_markdown,
        ),
        Format(
            "csv",
            "csv",
            (".csv",),
            "CSV — the check-in history, for spreadsheets",
            lambda plan, today: to_csv(plan),
        ),
        Format(
            "json",
            "json",
            (".json",),
            "JSON — the whole plan with budget and findings, for tools",
            to_json,
        ),
        Format(
            "ics",
            "ics",
            (".ics", ".ical"),
            "iCalendar — posts, check-ins and reviews, for a calendar",
            to_ics,
        ),
    )
}
DEFAULT_FORMAT = "markdown"


def format_for_suffix(suffix: str) -> str:
    """The format a file name's suffix asks for (``.csv`` -> ``csv``); else Markdown."""
    suffix = suffix.lower()
    return next((f.name for f in FORMATS.values() if suffix in f.suffixes), DEFAULT_FORMAT)


def export_text(plan: Plan, fmt: str, today: date, *, private: bool = False) -> str:
    """The export of ``plan`` in ``fmt`` (a name in :data:`FORMATS`), masked if ``private``."""
    try:
        export = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format: {fmt!r}") from None
    return export.render(mask_plan(plan) if private else plan, today)
