"""`socialtui export`: the plan as a document for other people.

::

    socialtui export [PLAN] [--format markdown|csv|json|ics] [-o FILE] [--private]

The documents themselves are built by :func:`socialtui.report.export_text` (pure);
this module resolves the plan, picks the date, masks when asked and writes the
result: atomically to ``-o FILE`` (a new file gets mode 0600), or to stdout.

Plan text printed to a terminal goes through :func:`socialtui.safe.clean`, so no
name can move the cursor or reorder what is read. Sent to a pipe or a file, the
CSV and JSON hold the plan's text exactly: they are data.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from socialtui.cli.common import (
    EXIT_OK,
    EXIT_UNREADABLE,
    CliError,
    data_dir,
    load_plan,
    out,
    plan_path,
    subcommand,
    today,
)
from socialtui.safe import clean


def add_parser(sub) -> None:
    from socialtui.report import FORMATS

    p = subcommand(
        sub,
        "export",
        "export a plan as Markdown, CSV, JSON or iCalendar",
        "Export PLAN (a path, or a file stem or plan name in the data directory;\n"
        "without PLAN, the plan you used last) for other people and other tools.\n\n"
        "formats:\n"
        "  markdown  a one-to-two page report for a manager: purpose, goals with\n"
        "            progress, audiences, channels with their hours, the budget, the\n"
        "            current findings and the last 8 check-ins\n"
        "  csv       the check-in history for spreadsheets: one row per week and\n"
        "            channel or goal (week, kind, id, name, planned_hours,\n"
        "            actual_hours, verdict, value, note); a text cell starting with\n"
        "            = + - @ ' gets a leading ' so that it is never run as a formula\n"
        "  json      the whole plan, its budget figures, goal progress and findings,\n"
        "            as documented by docs/export.schema.json (ASCII-only)\n"
        "  ics       an iCalendar file for your calendar: per active channel and\n"
        "            posting day a weekly event (every N weeks for a fractional\n"
        "            cadence) from budget.start, a weekly check-in on\n"
        "            review.checkin_day, a review every review.every_weeks weeks;\n"
        "            importing it again updates the events, never duplicates them\n"
        "Without --format, the format follows the -o file's extension (.md, .csv,\n"
        ".json, .ics), else markdown.\n\n"
        "--private replaces names with 'Goal 1', 'Channel 2', ... and free text\n"
        "(purpose, metrics, wants, notes) with '•••': the numbers stay.\n\n"
        "Findings and progress are computed for today.\n\n"
        "examples:\n"
        "  socialtui export bakery -o bakery-report.md\n"
        "  socialtui export bakery --format csv -o checkins.csv\n"
        "  socialtui export --format json --private | jq .budget\n"
        "  socialtui export bakery -o bakery.ics\n\n"
        "exit status:\n"
        "  0  the export was written\n"
        "  2  the plan could not be read (path:line:col: reason on stderr), there\n"
        "     is no plan to export, or FILE could not be written",
    )
    p.add_argument("plan", metavar="PLAN", nargs="?", help="plan name or path")
    p.add_argument(
        "--format",
        choices=tuple(FORMATS),
        default=None,
        help="markdown (default), csv, json or ics",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        default=None,
        help="write to FILE, replacing it atomically (default, or '-': stdout)",
    )
    p.add_argument(
        "--private",
        action="store_true",
        default=argparse.SUPPRESS,  # so that `socialtui --private export` counts too
        help="mask names, notes and descriptions (for sharing the plan's shape)",
    )
    p.set_defaults(handler=run)


def _format(args: argparse.Namespace) -> str:
    from socialtui.report import DEFAULT_FORMAT, format_for_suffix

    if args.format is not None:
        return args.format
    if args.output not in (None, "-"):
        return format_for_suffix(Path(args.output).suffix)
    return DEFAULT_FORMAT


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def run(args: argparse.Namespace) -> int:
    from socialtui import store
    from socialtui.report import export_text

    fmt = _format(args)
    private = bool(getattr(args, "private", False))
    path = plan_path(getattr(args, "plan", None), data_dir(args), "export")
    loaded = load_plan(path, "export")
    text = export_text(loaded.plan, fmt, today(), private=private)

    if args.output in (None, "-"):
        stdout = sys.stdout
        if stdout.isatty():
            text = clean(text, multiline=True)
        stdout.write(text)
        stdout.flush()
        return EXIT_OK

    target = Path(args.output)
    where = clean(str(target))
    if _same_file(target, path):
        raise CliError(f"export: {where} is the plan itself; choose another file", EXIT_UNREADABLE)
    if target.is_dir():
        raise CliError(f"export: cannot write {where}: it is a directory", EXIT_UNREADABLE)
    try:
        store.write_atomic(target, text.encode("utf-8"))
    except OSError as exc:
        reason = clean(exc.strerror or str(exc))
        raise CliError(f"export: cannot write {where}: {reason}", EXIT_UNREADABLE) from None
    what = "a masked " if private else ""
    out(f"Exported {what}{fmt} of {clean(str(path))} to {where}")
    return EXIT_OK
