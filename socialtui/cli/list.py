"""``socialtui list``: every plan in the data directory, one line each."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from socialtui.cli.common import (
    EXIT_OK,
    budget_text,
    data_dir,
    error_parts,
    load_and_check,
    out,
    subcommand,
    today,
)
from socialtui.safe import clean, one_line


def add_parser(sub) -> None:
    p = subcommand(
        sub,
        "list",
        "list the plans in the data directory",
        "List every plan in the data directory's plans folder: name, file, last\n"
        "change, committed / available time per week, and the worst finding.\n"
        "Archived plans (socialtui archive PLAN) are listed with --archived only;\n"
        "copies of unsaved edits are listed by 'socialtui restore'.",
    )
    p.add_argument(
        "--archived",
        action="store_true",
        help="list the archived plans instead (socialtui unarchive PLAN brings one back)",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from socialtui import paths as folders
    from socialtui import store
    from socialtui.plan import worst

    data = data_dir(args)
    archived = bool(getattr(args, "archived", False))
    where = folders.archive_dir(data) if archived else store.plans_dir(data)
    paths = store.list_plans(data, archived=archived)
    if not paths:
        if archived:
            out(f"No archived plans in {clean(str(where))}.")
            return EXIT_OK
        out(f"No plans in {clean(str(where))} yet.")
        out('Create one with: socialtui new "My first social plan"')
        return EXIT_OK
    day = today()
    rows = [("NAME", "FILE", "CHANGED", "COMMITTED / AVAILABLE", "STATUS")]
    for path in paths:
        item = load_and_check(path, day)
        changed = _mtime(path)
        if item.error is not None:
            _, line, column, reason = error_parts(path, item.error)
            where_in = f"line {line}, column {column or 1}: " if line is not None else ""
            status = f"unreadable: {where_in}{reason}"
            rows.append(("?", path.name, changed, "", one_line(status)))
            continue
        status = worst(item.findings) or "ok"
        if getattr(item.loaded, "read_only", False):
            status += " (read-only: newer format)"
        rows.append(
            (cut(one_line(item.plan.name), 40), path.name, changed, budget_text(item.plan), status)
        )
    title = "Archived plans in" if archived else "Plans in"
    out(f"{title} {clean(str(where))}:")
    for line in table(rows):
        out(line)
    if archived:
        out("Bring one back with: socialtui unarchive PLAN")
    return EXIT_OK


def cut(text: str, cells: int) -> str:
    """``text`` at most ``cells`` terminal cells wide, with an ellipsis when cut."""
    from rich.cells import cell_len, set_cell_size

    if cell_len(text) <= cells:
        return text
    return set_cell_size(text, cells - 1).rstrip() + "…"


def table(rows: list[tuple[str, ...]]) -> list[str]:
    """``rows`` as lines of aligned columns, cleaned; widths are terminal cells, so
    that CJK and emoji (two cells each) line up; the last column is not padded."""
    from rich.cells import cell_len

    rows = [tuple(clean(cell) for cell in row) for row in rows]
    widths = [max(cell_len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    lines = []
    for row in rows:
        padded = zip(row, widths, strict=False)
        cells = [cell + " " * (width - cell_len(cell)) for cell, width in padded]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return lines


def _mtime(path: Path) -> str:
    try:
        stamp = path.stat().st_mtime
    except OSError:
        return "?"
    return datetime.fromtimestamp(stamp).strftime("%Y-%m-%d %H:%M")
