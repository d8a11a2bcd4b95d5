"""`socialtui restore`: list a plan's backups, or put one back.

    socialtui restore PLAN        the backups of PLAN, numbered, newest first
    socialtui restore PLAN N      restore backup N (the current file is backed up first)

Exit status: 0 done; 2 unknown plan (no file and no backups) or no backup N.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from socialtui.cli.common import (
    EXIT_OK,
    CliError,
    budget_text,
    data_dir,
    held_elsewhere,
    out,
    subcommand,
)
from socialtui.safe import clean, one_line


def add_parser(sub) -> None:
    p = subcommand(
        sub,
        "restore",
        "list a plan's backups, or restore one",
        "Before the first save of each session, socialtui copies the plan as it was\n"
        "to the backups folder of the data directory (the newest 20 per plan are kept).\n\n"
        "  socialtui restore PLAN      list the backups of PLAN, newest first\n"
        "  socialtui restore PLAN N    put backup N back in place of the plan\n\n"
        "Restoring first backs up the current file, so a restore can be undone:\n"
        "that backup becomes number 1.\n\n"
        "exit status:\n"
        "  0  done\n"
        "  2  no such plan (no file and no backups), or no backup N\n"
        "  75 the plan is open in the app; nothing was restored (quit it first)",
    )
    p.add_argument("plan", metavar="PLAN", help="plan name or path")
    p.add_argument("number", metavar="N", nargs="?", type=int, help="the backup to restore")
    p.set_defaults(handler=run)


def _find(ref: str, data: Path) -> Path:
    """The plan's file; for a deleted plan, the candidate that still has backups."""
    from socialtui.plan.model import slugify
    from socialtui.store import backup, folder

    path = folder.find_plan(ref, data)
    if path.exists() or backup.list_backups(path, data):
        return path
    if not ("/" in ref or os.sep in ref or ref.endswith(".toml")):
        by_slug = folder.resolve_plan(slugify(ref), data)
        if backup.list_backups(by_slug, data):
            return by_slug
    return path


def _size(size: int) -> str:
    if size < 1000:
        return f"{size} B"
    if size < 1_000_000:
        return f"{size / 1000:.1f} kB"
    return f"{size / 1e6:.1f} MB"


def _when(moment) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC")


def _summary(item) -> str:
    """One line on what a backup holds: the plan's name and committed / available time."""
    from socialtui import store

    try:
        loaded = store.loads_bytes(item.read_bytes(), item.path)
    except store.PlanLoadError as exc:
        return one_line(f"unreadable: line {exc.line}, column {exc.column}: {exc.reason}")
    except OSError as exc:
        return one_line(f"unreadable: {exc.strerror or exc}")
    return f"{one_line(loaded.plan.name, 40)}  {budget_text(loaded.plan)}"


def run(args: argparse.Namespace) -> int:
    from socialtui.session import PlanHeld, Session
    from socialtui.store import backup

    data = data_dir(args)
    path = _find(args.plan, data)
    shown = clean(str(path))
    items = backup.list_backups(path, data)
    if not path.exists() and not items:
        raise CliError(f"restore: no plan or backups called {clean(args.plan)} ({shown})")

    if args.number is None:
        if not items:
            out(f"No backups of {shown} yet.")
            out("socialtui makes one before the first save of each session.")
            return EXIT_OK
        out(f"Backups of {shown}, newest first:")
        rows = [
            (f"{i:>3}", _when(item.time), _size(item.size), _summary(item))
            for i, item in enumerate(items, 1)
        ]
        width = max(len(row[2]) for row in rows)
        for number, when, size, summary in rows:
            out(f"{number}  {when}  {size:>{width}}  {summary}")
        out(f"Restore one with: socialtui restore {clean(args.plan)} N")
        return EXIT_OK

    if not 1 <= args.number <= len(items):
        have = f"1 to {len(items)}" if items else "none yet"
        raise CliError(
            f"restore: {shown} has no backup number {args.number} (backups: {have}); "
            f"'socialtui restore {clean(args.plan)}' lists them"
        )
    chosen = items[args.number - 1]
    session = Session.start(data, path, locking=path.exists(), program="restore")
    refusal = "nothing was restored. Quit that session and try again"
    try:
        with session.editing(path):
            done = backup.restore(chosen.path, path, data)
    except PlanHeld as exc:
        raise held_elsewhere("restore", path, exc.holder, refusal) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        where = clean(str(exc.filename or path))
        raise CliError(f"restore: cannot restore {shown}: {where}: {reason}") from None
    out(f"Restored {shown} from backup {args.number} ({_when(chosen.time)}): {_summary(chosen)}")
    if done.undo is None:
        out("There was no file to replace, so there is nothing to undo.")
    else:
        out(f"The version it replaced is backed up in {clean(str(done.undo))}.")
        out(f"Undo with: socialtui restore {clean(args.plan)} 1")
    return EXIT_OK
