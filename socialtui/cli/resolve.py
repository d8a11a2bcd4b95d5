"""Which plan a PLAN argument means, for the commands that take one (:func:`find`).

The rules are :func:`socialtui.store.folder.find_plan`'s: a path; else, in the
plans folder and then the archive, a file stem, or a plan's name ignoring case.
A name that several plans answer to is an error (exit 2) that lists them.
``common.plan_path`` does the same for the commands where PLAN is optional.
"""

from __future__ import annotations

from pathlib import Path

from socialtui.cli.common import CliError


def find(ref: str, data: Path, command: str, *, archived: bool | None = None) -> Path:
    """The file PLAN ``ref`` means; CliError (exit 2) when it names several plans."""
    from socialtui.store.folder import AmbiguousPlan, find_plan

    try:
        return find_plan(ref, data, archived=archived)
    except AmbiguousPlan as error:
        raise CliError(f"{command}: {error}") from None
