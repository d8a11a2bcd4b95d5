"""``socialtui open PLAN`` (and plain ``socialtui``): the full-screen planner."""

from __future__ import annotations

import argparse
import os

from socialtui.cli.common import PRIVATE_HELP, data_dir, subcommand, today


def add_parser(sub) -> None:
    p = subcommand(
        sub,
        "open",
        "open a plan in the full-screen planner",
        "Open PLAN in the planner: a path to a .toml file, or a file stem or a\n"
        "plan's name (ignoring case) in the data directory's plans folder, then in\n"
        "its archive. Plain 'socialtui' opens the plan you used last.",
    )
    p.add_argument("plan", metavar="PLAN", help="plan name, file stem or path")
    p.add_argument("--private", action="store_true", default=argparse.SUPPRESS, help=PRIVATE_HELP)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Start the full-screen app (the only place textual is imported)."""
    from socialtui.tui.run import run_app

    private = bool(getattr(args, "private", False))
    data = data_dir(args)
    ref = getattr(args, "plan", None)
    if ref is not None:  # a name: the one file it means (exit 2 when several)
        from socialtui.cli.resolve import find

        path = str(find(ref, data, "open"))
        ref = path if "/" in path or os.sep in path else os.path.join(".", path)
    return run_app(data, ref, today(), private=private)
