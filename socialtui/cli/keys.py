"""``socialtui keys``: every command's id, keys and what it does, one line each.

The keys are the user's where ``config.toml``'s ``[keys]`` changed them; an
entry refused (see :mod:`socialtui.tui.keys`) keeps the default keys and is
named on stderr. No terminal needed: nothing is drawn.
"""

from __future__ import annotations

import argparse

from socialtui.cli.common import EXIT_FINDINGS, EXIT_OK, err, out, subcommand
from socialtui.safe import clean


def add_parser(sub) -> None:
    p = subcommand(
        sub,
        "keys",
        "list every command's id, keys and description",
        "Print one line per command: ID, KEYS and DESCRIPTION, separated by tabs.\n"
        "KEYS are yours where config.toml's [keys] table changes them, e.g.\n"
        '  [keys]\n  help = "f2"\n  add = "f2,ctrl+g"\n'
        "An entry that cannot be used (an unknown id, not a key, a clash) keeps\n"
        "the default keys and is named on stderr; the exit status is then 1.",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from socialtui.store import config
    from socialtui.tui.app import SocialApp
    from socialtui.tui.keynames import config_name
    from socialtui.tui.keyplaces import bindings, commands
    from socialtui.tui.keys import resolve

    table, problem = config.load_keys()
    bound = bindings(SocialApp.BINDINGS)
    keys = resolve(table, bound)
    for command in commands(bound):
        shown = keys.changed.get(command.id, command.keys)
        names = ",".join(config_name(k) for k in shown)
        out(f"{command.id}\t{names}\t{clean(command.description)}")
    problems = [problem] if problem else [f"config.toml [keys]: {p}" for p in keys.problems]
    for line in problems:
        err(f"socialtui: {clean(line)} (default keys kept)")
    return EXIT_FINDINGS if problems else EXIT_OK
