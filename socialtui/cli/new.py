"""``socialtui new NAME``: create a plan in the data directory."""

from __future__ import annotations

import argparse

from socialtui.cli.common import EXIT_OK, CliError, data_dir, error_line, out, subcommand, today
from socialtui.safe import clean


def add_parser(sub) -> None:
    p = subcommand(
        sub,
        "new",
        "create a plan in the data directory",
        "Create a plan called NAME in the data directory's plans folder.\n"
        "The starter is a small, commented example plan to adapt; blank is the bare minimum.",
    )
    p.add_argument("name", metavar="NAME", help='the plan\'s name, e.g. "Corner Bakery 2027"')
    p.add_argument(
        "--from",
        dest="template",
        choices=("starter", "blank"),
        default="starter",
        help="what to start from (default: starter)",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from socialtui import store
    from socialtui.plan.model import slugify
    from socialtui.plan.rules import RuleError, parse_name
    from socialtui.store.starter import blank_text, starter_text

    try:
        name = parse_name(args.name)
    except RuleError as exc:
        raise CliError(f"new: {exc}") from None
    data = data_dir(args)
    path = store.plans_dir(data) / f"{slugify(name)}.toml"
    if path.exists():
        raise CliError(
            f"new: {clean(str(path))} already exists; "
            f"choose another name or open it with 'socialtui open {path.stem}'"
        )
    day = today()
    text = starter_text(day, name=name) if args.template == "starter" else blank_text(name, day)
    try:
        store.create(path, text)
    except FileExistsError:
        raise CliError(f"new: {clean(str(path))} already exists") from None
    except store.PlanLoadError as exc:
        raise CliError(f"new: {error_line(path, exc)}") from None
    except (store.PlanError, OSError) as exc:
        raise CliError(f"new: cannot create {error_line(path, exc)}") from None
    out(f"Created {clean(str(path))}")
    out(f"Check it with: socialtui check {path.stem}")
    return EXIT_OK
