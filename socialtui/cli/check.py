"""``socialtui check [PLAN...]``: findings for people or scripts, and an exit status."""

from __future__ import annotations

import argparse
from datetime import date

from socialtui.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNREADABLE,
    PROG,
    Checked,
    budget_text,
    data_dir,
    err,
    error_line,
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
        "check",
        "check plans and exit non-zero when one is overcommitted or broken",
        "Check plans against the principles and print their findings.\n\n"
        "PLAN is a path, a file stem or a plan's name (ignoring case) in the data\n"
        "directory; without PLAN, every plan in the plans folder is checked (not\n"
        "the archived ones).\n\n"
        "exit status:\n"
        "  0  no plan has an error finding\n"
        "  1  at least one plan has an error finding (e.g. over-budget)\n"
        "  2  a plan could not be read (path:line:col: reason on stderr)\n"
        "With several plans every plan is reported and the worst status wins.\n"
        "A plan file that group or others can write gets a warning on stderr\n"
        "(the exit status is not changed).",
    )
    p.add_argument("plans", metavar="PLAN", nargs="*", help="plan name or path")
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (default), json for scripts",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Check plans; see the module docstring and ``--help`` for exit statuses.

    ``--format json`` prints one object, stable for scripts::

        {
          "plans": [
            {
              "path": "/abs/path/plan.toml",
              "name": "Corner Bakery 2027",
              "committed_minutes": 150,          # number, minutes per week
              "capacity_minutes": 216,           # number, after the reserve
              "findings": [
                {
                  "id": "over-budget",           # stable ids, see PRODUCT.md
                  "severity": "error",           # error | warning | info
                  "message": "...",
                  "principle": "P5",
                  "subject": "budget",           # budget | goal:ID | channel:ID | ...
                  "fix": null | {
                    "label": "...",
                    "edits": [{"kind": "channel", "id": "instagram",
                               "field": "status", "old": "active", "new": "later"}]
                  }
                }
              ],
              "next_channel": "newsletter",      # the channel to add next, or null
              "people": [                        # only when the plan lists people
                {"id": "maria", "name": "Maria",
                 "committed_minutes": 330, "capacity_minutes": 216}
              ]
            }
          ],
          "errors": [
            {"path": "/abs/path/broken.toml", "line": 3, "column": 9, "reason": "..."}
          ]
        }

    ``line`` and ``column`` are null when the problem has no position (a missing
    file, a PLAN that several plans answer to). ``next_channel`` is
    :func:`socialtui.plan.next_channel`'s: the best candidate that fits the spare
    time by the plan and by the week as lived, or null when none does. Findings
    are ordered errors, warnings, info. The JSON is ASCII-only (``ensure_ascii``),
    so it is safe on any terminal.
    """
    from socialtui import store
    from socialtui.plan import worst
    from socialtui.store.folder import AmbiguousPlan, find_plan

    data = data_dir(args)
    day = today()
    items: list[Checked] = []
    if args.plans:
        for ref in args.plans:
            try:
                path = find_plan(ref, data)
            except AmbiguousPlan as exc:  # reported like a plan that cannot be read
                items.append(Checked(exc.path, error=exc))
                continue
            items.append(load_and_check(path, day))
    else:
        paths = store.list_plans(data)
        if not paths:
            err(f"socialtui: no plans in {clean(str(store.plans_dir(data)))}")
            err('Create one with: socialtui new "My first social plan"')
            return EXIT_OK
        items = [load_and_check(path, day) for path in paths]

    status = EXIT_OK
    for item in items:
        loose = store.permission_problem(item.path)
        if loose is not None:
            err(f"{PROG}: warning: {clean(loose)}")
        if item.error is not None:
            status = max(status, EXIT_UNREADABLE)
            if isinstance(item.error, AmbiguousPlan):  # the candidates, one a line
                err(f"{PROG}: check: {item.error}")
            else:
                err(error_line(item.path, item.error))
        elif worst(item.findings) == "error":
            status = max(status, EXIT_FINDINGS)

    if args.format == "json":
        import json

        report = _check_json(items)
        out(json.dumps(report, indent=2, ensure_ascii=True, default=_json_default))
    else:
        _check_text(items)
    return status


def _check_text(items: list[Checked]) -> None:
    first = True
    for item in items:
        if item.error is not None:
            continue
        if not first:
            out()
        first = False
        plan = item.plan
        out(f"{one_line(plan.name)}  ({clean(str(item.path))})  {budget_text(plan)}")
        if getattr(item.loaded, "read_only", False):
            out("  (read-only: written by a newer socialtui)")
        if not item.findings:
            out("  ok       no findings")
        width = max((len(f.id) for f in item.findings), default=0)
        for finding in item.findings:
            out(f"  {finding.severity:<8} {finding.id:<{width}}  {one_line(finding.message)}")
            if finding.fix is not None:
                out(f"  {'':<8} {'':<{width}}  fix: {one_line(finding.fix.label)}")


def _check_json(items: list[Checked]) -> dict:
    from socialtui.plan import next_channel, summarize
    from socialtui.plan.numbers import rounded
    from socialtui.report import finding_data
    from socialtui.report.data import people_data

    plans, errors = [], []
    for item in items:
        if item.error is not None:
            path, line, column, reason = error_parts(item.path, item.error)
            errors.append({"path": path, "line": line, "column": column, "reason": reason})
            continue
        summary = summarize(item.plan)
        entry = {
            "path": str(item.path),
            "name": item.plan.name,
            "committed_minutes": rounded(summary.committed),
            "capacity_minutes": rounded(summary.capacity),
            "findings": [finding_data(f) for f in item.findings],
            "next_channel": _next_id(next_channel(item.plan)),
        }
        if item.plan.people:  # a plan without people reports as it always did
            entry["people"] = people_data(item.plan)
        plans.append(entry)
    return {"plans": plans, "errors": errors}


def _next_id(choice) -> str | None:
    return choice.channel.id if choice.channel is not None else None


def _json_default(value: object) -> object:
    if isinstance(value, (tuple, set, frozenset)):
        return list(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
