"""``socialtui archive PLAN`` and ``socialtui unarchive PLAN``: put a plan away, bring it back.

Archiving moves the plan's file from the data directory's ``plans/`` to its
``archive/`` (nothing is deleted; its backups stay where they are and still
answer to ``restore``); unarchiving moves it back. A plan open in the app (its
lock, held by a live session) is refused with exit 75, as ``checkin`` and
``restore`` refuse: moving it would leave that session saving to a file that
is gone. A name taken at the destination gets ``-2``, ``-3`` ..., said aloud.
Archived plans are left out of ``list``, ``check`` without PLAN, the picker
and the plan opened by default; a PLAN argument still finds them by name.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from socialtui.cli.common import EXIT_OK, CliError, data_dir, held_elsewhere, out, subcommand
from socialtui.safe import clean

EXIT_STATUS = (
    "exit status:\n"
    "  0  moved\n"
    "  2  no such plan, or it cannot be moved\n"
    "  75 the plan is open in the app; nothing was moved (quit it first)"
)


def add_archive_parser(sub) -> None:
    p = subcommand(
        sub,
        "archive",
        "put a plan away in the archive (nothing is deleted)",
        "Move PLAN from the plans folder to the data directory's archive/ folder.\n"
        "It no longer shows in 'list', 'check' without PLAN, the picker or the\n"
        "plan opened by default; 'socialtui list --archived' shows it and\n"
        "'socialtui unarchive PLAN' brings it back. Its backups are kept.\n\n" + EXIT_STATUS,
    )
    p.add_argument("plan", metavar="PLAN", help="plan name or file stem (or its path)")
    p.set_defaults(handler=run_archive)


def add_unarchive_parser(sub) -> None:
    p = subcommand(
        sub,
        "unarchive",
        "bring an archived plan back",
        "Move PLAN from the archive back to the plans folder.\n\n" + EXIT_STATUS,
    )
    p.add_argument("plan", metavar="PLAN", help="plan name or file stem (or its path)")
    p.set_defaults(handler=run_unarchive)


add_parser = add_archive_parser


def move(path: Path, destination: Path, data: Path, command: str) -> Path:
    """Move the plan at ``path`` into ``destination`` while holding its lock; the new path.

    CliError (exit 75) when another live session has the plan open; exit 2 when
    the file cannot be moved.
    """
    from socialtui.session import PlanHeld, Session
    from socialtui.store import folder

    session = Session.start(data, path)
    try:
        with session.editing(path):
            return folder.move_into(path, destination)
    except PlanHeld as exc:
        refusal = "nothing was moved. Quit that session and try again"
        raise held_elsewhere(command, path, exc.holder, refusal) from None
    except OSError as exc:
        reason = clean(exc.strerror or str(exc))
        raise CliError(f"{command}: cannot move {clean(str(path))}: {reason}") from None


def _plan(ref: str, data: Path, command: str, *, archived: bool) -> Path:
    from socialtui import paths
    from socialtui.cli.resolve import find

    home = paths.archive_dir(data) if archived else paths.plans_dir(data)
    path = find(ref, data, command, archived=archived)
    if not path.is_file():
        other = find(ref, data, command, archived=not archived)
        if other.is_file() and other.absolute().parent != home.absolute():
            state = "is not archived" if archived else "is archived already"
            raise CliError(f"{command}: {clean(str(other))} {state}")
        where = "archived plan" if archived else "plan"
        listing = "socialtui list --archived" if archived else "socialtui list"
        raise CliError(
            f"{command}: no {where} called {clean(ref)} in {clean(str(home))} ({listing})"
        )
    if path.absolute().parent != home.absolute():
        raise CliError(
            f"{command}: {clean(str(path))} is not in {clean(str(home))}; "
            f"{command} moves plans of the data directory only"
        )
    return path


def run_archive(args: argparse.Namespace) -> int:
    return _move(args, "archive")


def run_unarchive(args: argparse.Namespace) -> int:
    return _move(args, "unarchive")


def _move(args: argparse.Namespace, command: str) -> int:
    from socialtui import paths
    from socialtui.cli.new import shell_word

    data = data_dir(args)
    archiving = command == "archive"
    path = _plan(args.plan, data, command, archived=not archiving)
    home = paths.archive_dir(data) if archiving else paths.plans_dir(data)
    target = move(path, home, data, command)
    done = "Archived" if archiving else "Brought back"
    out(f"{done} {clean(str(path))} to {clean(str(target))}")
    if target.name != path.name:
        out(f"({clean(path.name)} was taken there, so it is {clean(target.name)}.)")
    if archiving:
        out(f"Bring it back with: socialtui unarchive {shell_word(target.stem)}")
    return EXIT_OK
