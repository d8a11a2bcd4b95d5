"""``socialtui open PLAN`` (and plain ``socialtui``): the full-screen planner."""

from __future__ import annotations

import argparse

from socialtui.cli.common import PRIVATE_HELP, data_dir, subcommand, today


def add_parser(sub) -> None:
    p = subcommand(
        sub,
        "open",
        "open a plan in the full-screen planner",
        "Open PLAN (a plan name in the data directory or a path to a .toml file)\n"
        "in the planner. Plain 'socialtui' opens the plan you used last.",
    )
    p.add_argument("plan", metavar="PLAN", help="plan name or path")
    p.add_argument("--private", action="store_true", default=argparse.SUPPRESS, help=PRIVATE_HELP)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Start the full-screen app (the only place textual is imported)."""
    from socialtui.tui.run import run_app

    private = bool(getattr(args, "private", False))
    return run_app(data_dir(args), getattr(args, "plan", None), today(), private=private)
