"""`socialtui restore`: a plan's backups and recovered copies; put one back.

    socialtui restore              every recovered copy (edits that could not be saved)
    socialtui restore PLAN         PLAN's backups, newest first, each with what the next
                                   version changed; then PLAN's recovered copies
    socialtui restore PLAN N       restore backup N (the current file is backed up first)
    socialtui restore PLAN FILE    put FILE (a recovered copy, say) in place of PLAN

Exit status: 0 done; 2 unknown plan (no file and no backups), no backup N, or
a FILE that is not a plan; 75 the plan is open in the app.
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
    error_line,
    held_elsewhere,
    out,
    subcommand,
)
from socialtui.safe import clean, one_line

CHANGES_SHOWN = 3


def add_parser(sub) -> None:
    p = subcommand(
        sub,
        "restore",
        "list a plan's backups and recovered copies, or restore one",
        "Before the first save of each session, socialtui copies the plan as it was\n"
        "to the backups folder of the data directory (the newest 20 per plan are kept).\n"
        "Edits that could not be saved (a crash, a reload after a change on disk, a\n"
        "take-over) are kept as copies in the data directory's recovered/ folder.\n\n"
        "  socialtui restore             list every recovered copy\n"
        "  socialtui restore PLAN        list the backups of PLAN, newest first, each\n"
        "                                with what the next version changed, and\n"
        "                                PLAN's recovered copies\n"
        "  socialtui restore PLAN N      put backup N back in place of the plan\n"
        "  socialtui restore PLAN FILE   put FILE (a recovered copy: its path, or its\n"
        "                                name in recovered/) in place of the plan\n\n"
        "Restoring first backs up the current file, so a restore can be undone:\n"
        "that backup becomes number 1. A recovered copy is a whole plan: open it to\n"
        "look (socialtui open FILE) before putting it back.\n\n"
        "exit status:\n"
        "  0  done\n"
        "  2  no such plan (no file and no backups), no backup N, or FILE is not a plan\n"
        "  75 the plan is open in the app; nothing was restored (quit it first)",
    )
    p.add_argument("plan", metavar="PLAN", nargs="?", help="plan name, file stem or path")
    p.add_argument(
        "number", metavar="N|FILE", nargs="?", help="the backup to restore, or a recovered copy"
    )
    p.set_defaults(handler=run)


def _find(ref: str, data: Path) -> Path:
    """The plan's file; for a deleted plan, the candidate that still has backups."""
    from socialtui.cli.resolve import find
    from socialtui.store import backup, folder

    path = find(ref, data, "restore")
    if path.exists() or backup.list_backups(path, data) or folder.looks_like_path(ref):
        return path
    by_stem = folder.plans_dir(data) / f"{folder.file_stem(ref)}.toml"
    return by_stem if backup.list_backups(by_stem, data) else path


def _size(size: int) -> str:
    if size < 1000:
        return f"{size} B"
    if size < 1_000_000:
        return f"{size / 1000:.1f} kB"
    return f"{size / 1e6:.1f} MB"


def _when(moment) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC")


def _read(path: Path):
    """(bytes, LoadedPlan or the reason it is not one) of a file; bytes None when gone.

    Bounded and non-blocking: regular files only (checked on the opened file: a
    FIFO or a device is refused, never waited on), at most a plan's size.
    """
    import stat

    from socialtui import store
    from socialtui.store.read import MAX_PLAN_BYTES

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        with open(os.open(path, flags), "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return b"", "unreadable: not a regular file"
            data = handle.read(MAX_PLAN_BYTES + 1)
    except FileNotFoundError:
        return None, "gone"
    except OSError as exc:
        return b"", f"unreadable: {exc.strerror or exc}"
    try:
        return data, store.loads_bytes(data, path)
    except store.PlanLoadError as exc:
        return data, f"unreadable: line {exc.line}, column {exc.column}: {exc.reason}"


def _summary(loaded) -> str:
    """One line on what a version holds: the plan's name and committed / available time."""
    if isinstance(loaded, str):
        return one_line(loaded)
    return f"{one_line(loaded.plan.name, 40)}  {budget_text(loaded.plan)}"


def _then(old: tuple, new: tuple) -> str:
    """What the next version changed, after a backup: ``weekly_hours 6 → 1`` ..."""
    from socialtui.plan.changes import summary

    old_bytes, old_plan = old
    new_bytes, new_plan = new
    if isinstance(old_plan, str):
        return ""
    if new_bytes is None:
        return "then: the plan file was deleted"
    if isinstance(new_plan, str):
        return "then: the file no longer reads as a plan"
    if old_bytes == new_bytes:
        return "then: no change"
    found = summary(old_plan.plan, new_plan.plan, CHANGES_SHOWN)
    return f"then: {one_line(found)}" if found else "then: comments or layout only"


def _list_backups(path: Path, items: list, ref: str) -> None:
    shown = clean(str(path))
    if not items:
        out(f"No backups of {shown} yet.")
        out("socialtui makes one before the first save of each session.")
        return
    out(f"Backups of {shown}, newest first:")
    versions = [_read(path)] + [_read(item.path) for item in items]
    rows = []
    for i, item in enumerate(items, 1):
        summary = _summary(versions[i][1])
        then = _then(versions[i], versions[i - 1])
        rows.append((f"{i:>3}", _when(item.time), _size(item.size), summary, then))
    width = max(len(row[2]) for row in rows)
    for number, when, size, summary, then in rows:
        out(f"{number}  {when}  {size:>{width}}  {summary}  {then}".rstrip())
    out(f"Restore one with: socialtui restore {clean(ref)} N")


def _list_copies(copies: list, ref: str | None) -> None:
    if not copies:
        return
    out("Recovered copies (edits that could not be saved), newest first:")
    for copy in copies:
        _, loaded = _read(copy.path)
        when = copy.time.strftime("%Y-%m-%d %H:%M:%S")
        out(f"  {clean(str(copy.path))}  {when}  {copy.label}  {_summary(loaded)}")
    target = clean(ref) if ref is not None else "PLAN"
    out(f"Look at one: socialtui open FILE; put one in place: socialtui restore {target} FILE")


def _all_copies(data: Path) -> int:
    from socialtui import paths
    from socialtui.store import crash

    copies = crash.list_copies(None, data)
    if not copies:
        out(f"No recovered copies in {clean(str(paths.recovered_dir(data)))}.")
    _list_copies(copies, None)
    out("A plan's backups: socialtui restore PLAN")
    return EXIT_OK


def _source(choice: str, items: list, path: Path, data: Path, ref: str) -> tuple[Path, str]:
    """The file to restore from (backup N, or FILE) and how to name it."""
    from socialtui import paths

    if choice.lstrip("-").isdigit():
        number = int(choice)
        if not 1 <= number <= len(items):
            have = f"1 to {len(items)}" if items else "none yet"
            raise CliError(
                f"restore: {clean(str(path))} has no backup number {number} (backups: {have}); "
                f"'socialtui restore {clean(ref)}' lists them"
            )
        chosen = items[number - 1]
        return chosen.path, f"backup {number} ({_when(chosen.time)})"
    source = Path(choice)
    if not source.exists() and "/" not in choice and os.sep not in choice:
        source = paths.recovered_dir(data) / choice
    _, loaded = _read(source)
    if isinstance(loaded, str):
        raise CliError(f"restore: {clean(choice)} is not a plan to restore ({loaded})")
    if os.path.exists(path) and os.path.samefile(source, path):
        raise CliError(f"restore: {clean(choice)} is the plan itself")
    return source, clean(str(source))


def run(args: argparse.Namespace) -> int:
    from socialtui.session import PlanHeld, Session
    from socialtui.store import backup, crash

    data = data_dir(args)
    if args.plan is None:
        return _all_copies(data)
    path = _find(args.plan, data)
    shown = clean(str(path))
    items = backup.list_backups(path, data)
    copies = crash.list_copies(path, data)
    if not path.exists() and not items and not copies:
        raise CliError(f"restore: no plan or backups called {clean(args.plan)} ({shown})")

    if args.number is None:
        _list_backups(path, items, args.plan)
        _list_copies(copies, args.plan)
        return EXIT_OK

    source, what = _source(args.number, items, path, data, args.plan)
    summary = _summary(_read(source)[1])
    session = Session.start(data, path, locking=path.exists(), program="restore")
    refusal = "nothing was restored. Quit that session and try again"
    try:
        with session.editing(path):
            done = backup.restore(source, path, data)
    except PlanHeld as exc:
        raise held_elsewhere("restore", path, exc.holder, refusal) from None
    except OSError as exc:
        where = Path(exc.filename) if exc.filename else path
        raise CliError(f"restore: cannot restore {shown}: {error_line(where, exc)}") from None
    out(f"Restored {shown} from {what}: {summary}")
    if done.undo is None:
        out("There was no file to replace, so there is nothing to undo.")
    else:
        out(f"The version it replaced is backed up in {clean(str(done.undo))}.")
        out(f"Undo with: socialtui restore {clean(args.plan)} 1")
    return EXIT_OK
