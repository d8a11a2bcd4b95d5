"""``socialtui new NAME``: create a plan in the data directory."""

from __future__ import annotations

import argparse

from socialtui.cli.common import EXIT_OK, CliError, data_dir, error_line, out, subcommand, today
from socialtui.safe import clean, one_line

TEMPLATES = ("interview", "starter", "blank")


def add_parser(sub) -> None:
    p = subcommand(
        sub,
        "new",
        "create a plan in the data directory",
        "Create a plan called NAME in the data directory's plans folder.\n"
        "interview: the POST interview (People, Objectives, Strategy, Technology), four\n"
        "short steps in the full-screen app; the planner then opens on your plan.\n"
        "starter: a small, commented example plan to adapt.\n"
        "blank: a name, the budget's defaults and a review date; nothing else.\n"
        "Without --from: interview in a terminal, starter otherwise (scripts).",
    )
    p.add_argument("name", metavar="NAME", help='the plan\'s name, e.g. "Corner Bakery 2027"')
    p.add_argument(
        "--from",
        dest="template",
        choices=TEMPLATES,
        default=None,
        help="what to start from (default: interview in a terminal, else starter)",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from socialtui import paths, store
    from socialtui.plan.rules import RuleError, parse_name
    from socialtui.store import folder
    from socialtui.store.starter import blank_text, starter_text

    try:
        name = parse_name(args.name)
    except RuleError as exc:
        raise CliError(f"new: {exc}") from None
    data = data_dir(args)
    same = folder.named(name, data)
    if same:
        where = clean(str(same[0]))
        archived = same[0].parent == paths.archive_dir(data)
        verb = "unarchive" if archived else "open"
        hint = f"socialtui {verb} {shell_word(same[0].stem)}"
        raise CliError(
            f"new: a plan called {one_line(name)!r} already exists: {where}; "
            f"choose another name, or use it: {hint}"
        )
    day = today()
    template = args.template or ("interview" if in_terminal() else "starter")
    if template == "interview":
        if not in_terminal():
            raise CliError(
                "new: the interview needs a terminal; without one use --from starter "
                "or --from blank"
            )
        from socialtui.tui.run import run_interview

        return run_interview(data, name, day)
    text = starter_text(day, name=name) if template == "starter" else blank_text(name, day)
    wanted = store.plans_dir(data) / f"{folder.file_stem(name)}.toml"
    try:
        path = folder.create_plan(data, name, text)
    except store.PlanLoadError as exc:
        raise CliError(f"new: {error_line(wanted, exc)}") from None
    except (store.PlanError, OSError) as exc:
        raise CliError(f"new: cannot create {error_line(wanted, exc)}") from None
    out(f"Created {clean(str(path))}")
    if path != wanted:
        out(f"({clean(wanted.name)} is another plan's file, so this one is {clean(path.name)}.)")
    out(f"Check it with: socialtui check {shell_word(path.stem)}")
    return EXIT_OK


def in_terminal() -> bool:
    """Whether the full-screen interview can run here."""
    from socialtui.tui.terminal import terminal_problem

    return terminal_problem() is None


def shell_word(word: str) -> str:
    """``word`` as one shell word, cleaned for the terminal (quoted when it must be)."""
    import shlex

    if word and all(c.isalnum() or c in "-_.+@%=:,/" or ord(c) > 0x2000 for c in word):
        return clean(word)
    return clean(shlex.quote(word))
