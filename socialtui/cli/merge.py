"""``socialtui merge BASE OURS THEIRS [-o OUT]``: three versions of a plan merged by meaning.

A git merge driver (``socialtui git-setup`` registers it): git gives the common
ancestor, our version and theirs as temporary files (``%O %A %B``) and takes
what the driver leaves in OURS as the result, conflicted unless the exit status
is 0. The merge itself is :func:`socialtui.store.mergefile.merge_files`.

Exit status: 0 merged cleanly; 1 conflicts, marked in the result as git marks
them; 2 an input is not a plan socialtui can read (the result is then git's
own line-by-line merge, or OURS as it was).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from socialtui.cli.common import EXIT_UNREADABLE, PROG, CliError, err, subcommand
from socialtui.safe import clean


def add_parser(sub) -> None:
    p = subcommand(
        sub,
        "merge",
        "merge three versions of a plan by meaning (a git merge driver)",
        "Merge OURS and THEIRS, two versions of a plan, against BASE, their common\n"
        "ancestor, and write the result over OURS (or to OUT): what git asks of a\n"
        "merge driver ('socialtui git-setup' sets it up).\n\n"
        "Items match by id (check-ins by week) and merge field by field: what one\n"
        "side changed is kept; both sides changing one value differently is a\n"
        "conflict. The order of goals, audiences and channels (their priority) is\n"
        "the order of the side that changed it; check-ins stay in week order; a\n"
        "channel's goals and an audience's channels merge as sets. OURS' comments,\n"
        "blank lines and unknown keys are kept (when git's own line merge is clean\n"
        "and means the same, it is the result, with both sides' comments).\n\n"
        "exit status:\n"
        "  0  merged cleanly\n"
        "  1  conflicts: both values stand between <<<<<<< ours, ======= and\n"
        "     >>>>>>> theirs in the result; 'socialtui check' points at them\n"
        "  2  an input is not a plan socialtui can read: the result is git's own\n"
        "     line-by-line merge (or OURS is left as it was), to check by hand",
    )
    p.add_argument("base", metavar="BASE", type=Path, help="the common ancestor (git's %%O)")
    p.add_argument("ours", metavar="OURS", type=Path, help="our version (git's %%A)")
    p.add_argument("theirs", metavar="THEIRS", type=Path, help="their version (git's %%B)")
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        type=Path,
        help="write the result to OUT instead of over OURS",
    )
    p.add_argument(
        "--name",
        metavar="PATH",
        help="the plan's path in the repository, for messages (git's %%P)",
    )
    p.add_argument(
        "--marker-size",
        metavar="N",
        type=int,
        default=7,
        help="length of the conflict markers (git's %%L; default 7)",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from socialtui.store import files, mergefile

    if not 1 <= args.marker_size <= 100:
        raise CliError(f"merge: --marker-size must be from 1 to 100, not {args.marker_size}")
    merged = mergefile.merge_files(args.base, args.ours, args.theirs, marker_size=args.marker_size)
    label = clean(args.name or str(args.ours))
    for note in merged.notes:
        err(f"{PROG} merge: {label}: {clean(note)}")
    for conflict in merged.conflicts:
        err(f"{PROG} merge: {label}: conflict: {clean(conflict.describe())}")
    if merged.conflicts:
        err(
            f"{PROG} merge: {label}: {len(merged.conflicts)} conflict(s) marked "
            "<<<<<<< ours / >>>>>>> theirs: resolve them, then git add the file"
        )
    target = args.output or args.ours
    if merged.data is not None and (args.output is not None or not merged.same_as_ours):
        try:
            files.write_atomic(target, merged.data)
        except OSError as error:
            reason = error.strerror or str(error)
            raise CliError(
                f"merge: cannot write {clean(str(target))}: {clean(reason)}", EXIT_UNREADABLE
            ) from None
    return merged.status
