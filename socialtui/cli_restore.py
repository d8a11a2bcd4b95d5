"""`socialtui restore`: see add_parser."""

from __future__ import annotations


def add_parser(sub, subcommand) -> None:
    """Register the `restore` subcommand. `subcommand(sub, name, help, description)`
    returns an argparse parser with --data-dir/--version already added."""
