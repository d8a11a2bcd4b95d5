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
        "List every plan in the data directory: name, file, last change,\n"
        "committed / available time per week, and the worst finding.",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from socialtui import store
    from socialtui.plan import worst

    data = data_dir(args)
    paths = store.list_plans(data)
    if not paths:
        out(f"No plans in {clean(str(store.plans_dir(data)))} yet.")
        out('Create one with: socialtui new "My first social plan"')
        return EXIT_OK
    day = today()
    rows = [("NAME", "FILE", "CHANGED", "COMMITTED / AVAILABLE", "STATUS")]
    for path in paths:
        item = load_and_check(path, day)
        changed = _mtime(path)
        if item.error is not None:
            _, line, column, reason = error_parts(path, item.error)
            where = f"line {line}, column {column or 1}: " if line is not None else ""
            status = f"unreadable: {where}{reason}"
            rows.append(("?", path.name, changed, "", one_line(status)))
            continue
        status = worst(item.findings) or "ok"
        if getattr(item.loaded, "read_only", False):
            status += " (read-only: newer format)"
        rows.append(
            (one_line(item.plan.name, 40), path.name, changed, budget_text(item.plan), status)
        )
    rows = [tuple(clean(cell) for cell in row) for row in rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    out(f"Plans in {clean(str(store.plans_dir(data)))}:")
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        out("  ".join([*cells, row[-1]]).rstrip())
    return EXIT_OK


def _mtime(path: Path) -> str:
    try:
        stamp = path.stat().st_mtime
    except OSError:
        return "?"
    return datetime.fromtimestamp(stamp).strftime("%Y-%m-%d %H:%M")
