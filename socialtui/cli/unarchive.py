"""``socialtui unarchive PLAN``: its parser; the command lives in :mod:`.archive`."""

from socialtui.cli.archive import add_unarchive_parser as add_parser

__all__ = ["add_parser"]
