"""What every command shares: errors and exit statuses, the date, output, finding a plan.

Text taken from plan files (and file names) goes through
:func:`socialtui.safe.clean` before it reaches the terminal. ``today`` comes
from :mod:`socialtui.clock`; ``SOCIALTUI_TODAY=YYYY-MM-DD`` overrides it (for tests).
"""

from __future__ import annotations

import argparse
import functools
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from socialtui import __version__
from socialtui.safe import clean

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2
EXIT_USAGE = 2
EXIT_INTERNAL = 70
EXIT_LOCKED = 75  # EX_TEMPFAIL: the plan is open in the app
EXIT_INTERRUPTED = 130

PROG = "socialtui"
PRIVATE_HELP = (
    "privacy mode: mask names, notes and audience descriptions on screen, "
    "for screen sharing (m toggles it in the planner)"
)


class CliError(Exception):
    """A problem the user can fix; ``str()`` is printed after ``socialtui: ``."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


# --- the parser -------------------------------------------------------------------


@functools.cache  # one parent per kind: each subcommand copies its actions
def common_options(*, top: bool) -> argparse.ArgumentParser:
    """``--data-dir`` and ``--version``, for the top parser and every subcommand.

    On subcommands the default is SUPPRESS so that ``socialtui --data-dir A list``
    keeps A while ``socialtui list --data-dir B`` still wins.
    """
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        default=None if top else argparse.SUPPRESS,
        help="where plans live (default: $SOCIALTUI_DATA_DIR, else the platform's data dir)",
    )
    common.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    return common


def subcommand(sub, name: str, help_text: str, description: str) -> argparse.ArgumentParser:
    """A subcommand's parser, with ``--data-dir`` and ``--version`` already added."""
    return sub.add_parser(
        name,
        help=help_text,
        description=description,
        parents=[common_options(top=False)],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


# --- the date, the data directory, output -------------------------------------------


def today() -> date:
    """Today's date, or ``SOCIALTUI_TODAY`` (YYYY-MM-DD) when it is set (:mod:`socialtui.clock`)."""
    from socialtui import clock

    try:
        return clock.today()
    except ValueError as exc:
        raise CliError(str(exc)) from None


def data_dir(args: argparse.Namespace) -> Path:
    from socialtui import paths

    return paths.data_dir(getattr(args, "data_dir", None))


def out(line: str = "") -> None:
    print(line, file=sys.stdout)


def err(line: str) -> None:
    print(line, file=sys.stderr)


# --- plans ---------------------------------------------------------------------------


def error_parts(path: Path, exc: Exception) -> tuple[str, int | None, int | None, str]:
    """(path, line, column, reason) for a plan that could not be read."""
    line = getattr(exc, "line", None)
    column = getattr(exc, "column", None)
    reason = getattr(exc, "reason", None)
    where = getattr(exc, "path", None) or path
    if reason is None:
        if isinstance(exc, OSError):
            reason = exc.strerror or str(exc)
        else:
            reason = str(exc) or type(exc).__name__
    return str(where), line, column, str(reason)


def error_line(path: Path, exc: Exception) -> str:
    """``path:line:col: reason`` (or ``path: reason``), cleaned for the terminal."""
    where, line, column, reason = error_parts(path, exc)
    if line is not None:
        return clean(f"{where}:{line}:{column or 1}: {reason}")
    return clean(f"{where}: {reason}")


def budget_text(plan) -> str:
    """``2h 30m / 3h 36m``: committed and available time per week."""
    from socialtui.plan import format_minutes, summarize

    summary = summarize(plan)
    return f"{format_minutes(summary.committed)} / {format_minutes(summary.capacity)}"


@dataclass
class Checked:
    """One plan, read and checked; or the reason it could not be read."""

    path: Path
    loaded: Any = None  # store.LoadedPlan
    findings: list = field(default_factory=list)
    error: Exception | None = None

    @property
    def plan(self):
        return self.loaded.plan


def load_and_check(path: Path, day: date) -> Checked:
    from socialtui import store
    from socialtui.plan import check

    try:
        loaded = store.load(path)
    except (store.PlanError, OSError, UnicodeError) as exc:
        return Checked(path, error=exc)
    return Checked(path, loaded, check(loaded.plan, day))


def plan_path(ref: str | None, data: Path, command: str) -> Path:
    """The file for PLAN, as ``check`` and ``open`` resolve it; without PLAN, the
    plan used last. Raises CliError when there is none."""
    from socialtui.store import config, folder

    if ref is not None:
        try:
            return folder.find_plan(ref, data)
        except folder.AmbiguousPlan as error:  # several plans have that name
            raise CliError(f"{command}: {error}") from None
    last = config.last_plan(data)
    if last is None:
        raise CliError(
            f"{command}: no plan given and no plan used recently; "
            f"name one: socialtui {command} PLAN"
        )
    if not last.is_file():
        raise CliError(
            f"{command}: the plan used last, {clean(str(last))}, is gone; "
            f"name one: socialtui {command} PLAN"
        )
    return last


def load_plan(path: Path, command: str, held=None):
    """The plan at ``path`` (read through ``held``, a session's held plan, when
    given), or CliError (exit 2) with path:line:col: reason."""
    from socialtui import store

    try:
        return store.load(path) if held is None else held.load()
    except (store.PlanError, OSError, UnicodeError) as exc:
        raise CliError(f"{command}: {error_line(path, exc)}") from None


def held_elsewhere(command: str, path: Path, holder, refusal: str) -> CliError:
    """The error (exit 75) for a plan another live session has open, naming it:
    the app or which command, user, host and pid. ``refusal`` says what was not
    done, then what to do about the app ("nothing was recorded. Record it
    there..."); for another command, which lets go in moments, the advice is to
    try again."""
    who = clean(holder.describe())
    if holder.is_command:
        what = f"is being changed by {clean(holder.program_name())} ({who})"
        refusal = refusal.partition(". ")[0] + ". Try again in a moment"
    else:
        what = f"is open in {holder.program_name()} ({who})"
    return CliError(f"{command}: {clean(str(path))} {what}; {refusal}", EXIT_LOCKED)


def read_only_refusal(command: str, path: Path, protection, nothing: str) -> CliError:
    """The error (exit 2) for a plan this user must not write: mode, owner or folder."""
    return CliError(
        f"{command}: {clean(str(path))} is read-only: {clean(protection.reason)}; {nothing}"
    )
