"""The command line: ``socialtui [COMMAND]``.

With no command, socialtui starts the full-screen app. The headless commands
work without it (a cron job, CI, an SSH session without a terminal)::

    socialtui new NAME [--from starter|blank]   create a plan in the data directory
    socialtui list                              every plan in the data directory
    socialtui check [PLAN...] [--format text|json]

Every command takes ``--data-dir DIR`` (else ``SOCIALTUI_DATA_DIR``, else the
platform's data directory) and ``--version``.

Exit status: 0 all is well; 1 ``check`` found an error finding; 2 a plan could not
be read, a file already exists, or the command line is wrong; 70 an internal
error; 130 interrupted. No traceback is ever printed.

Text taken from plan files (and file names) goes through
:func:`socialtui.safe.clean` before it reaches the terminal. ``today`` is read
here and only here; ``SOCIALTUI_TODAY=YYYY-MM-DD`` overrides it (for tests).
Textual is imported only when the app starts.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from socialtui import __version__
from socialtui.safe import clean

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2
EXIT_USAGE = 2
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130

PROG = "socialtui"


class CliError(Exception):
    """A problem the user can fix; ``str()`` is printed after ``socialtui: ``."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


# --- parser ------------------------------------------------------------------------


@functools.cache  # one parent per kind: each subcommand copies its actions
def _common_options(*, top: bool) -> argparse.ArgumentParser:
    """``--data-dir`` and ``--version``, for the top parser and every subcommand.

    On subcommands the default is SUPPRESS so that ``socialtui --data-dir A list``
    keeps A while ``socialtui list --data-dir B`` still wins.
    """
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        default=None if top else argparse.SUPPRESS,
        help="where plans live (default: $SOCIALTUI_DATA_DIR, else the platform's data dir)",
    )
    common.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    return common


PRIVATE_HELP = (
    "privacy mode: mask names, notes and audience descriptions on screen, "
    "for screen sharing (m toggles it in the planner)"
)


COMMANDS = ("open", "new", "list", "check", "checkin", "export", "restore")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; ``only="open"`` (say) leaves out the other
    subcommands' parsers, which start-up need not build (see :func:`needed`)."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Plan a social media strategy and keep it honest, week by week.",
        epilog="Run without a command to start the app. "
        "'socialtui COMMAND --help' says more about each command.",
        parents=[_common_options(top=True)],
    )
    parser.set_defaults(handler=None, command=None)
    parser.add_argument("--private", action="store_true", help=PRIVATE_HELP)
    if only == "":
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    here = {"open": _add_open, "new": _add_new, "list": _add_list, "check": _add_check}
    for name in COMMANDS if only is None else (only,):
        if name in here:
            here[name](sub)
        else:  # checkin, export, restore: each module registers its own
            importlib.import_module(f"socialtui.cli_{name}").add_parser(sub, _subcommand)
    return parser


def needed(argv: Sequence[str]) -> str | None:
    """The one subcommand that ``argv`` needs a parser for ("" for none: plain
    ``socialtui``), or None when it may need them all (help, version, an unknown
    word or option: argparse then says what is wrong with the full picture).

    Eight subparsers cost about as much as drawing the first frame, and the
    app's start is what people wait for.
    """
    args = list(argv)
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--data-dir":
            i += 2
        elif arg.startswith("--data-dir=") or arg == "--private":
            i += 1
        elif arg in COMMANDS:
            rest = args[i + 1 :]
            return None if any(a in ("-h", "--help", "--version") for a in rest) else arg
        else:
            return None
    return ""


def _subcommand(sub, name: str, help_text: str, description: str) -> argparse.ArgumentParser:
    return sub.add_parser(
        name,
        help=help_text,
        description=description,
        parents=[_common_options(top=False)],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def _add_open(sub) -> None:
    p = _subcommand(
        sub,
        "open",
        "open a plan in the full-screen planner",
        "Open PLAN (a plan name in the data directory or a path to a .toml file)\n"
        "in the planner. Plain 'socialtui' opens the plan you used last.",
    )
    p.add_argument("plan", metavar="PLAN", help="plan name or path")
    p.add_argument("--private", action="store_true", default=argparse.SUPPRESS, help=PRIVATE_HELP)
    p.set_defaults(handler=_run_tui)


def _add_new(sub) -> None:
    p = _subcommand(
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
    p.set_defaults(handler=cmd_new)


def _add_list(sub) -> None:
    p = _subcommand(
        sub,
        "list",
        "list the plans in the data directory",
        "List every plan in the data directory: name, file, last change,\n"
        "committed / available time per week, and the worst finding.",
    )
    p.set_defaults(handler=cmd_list)


def _add_check(sub) -> None:
    p = _subcommand(
        sub,
        "check",
        "check plans and exit non-zero when one is overcommitted or broken",
        "Check plans against the principles and print their findings.\n\n"
        "PLAN is a plan name in the data directory or a path to a .toml file;\n"
        "without PLAN, every plan in the data directory is checked.\n\n"
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
    p.set_defaults(handler=cmd_check)


# --- the app ---------------------------------------------------------------------


def _run_tui(args: argparse.Namespace) -> int:
    """Start the full-screen app (the only place textual is imported)."""
    from socialtui.tui.run import run_app

    data = _data_dir(args)
    private = bool(getattr(args, "private", False))
    return run_app(data, getattr(args, "plan", None), today(), private=private)


# --- shared helpers ----------------------------------------------------------------


def _data_dir(args: argparse.Namespace) -> Path:
    from socialtui import store

    return store.data_dir(getattr(args, "data_dir", None))


def today() -> date:
    """Today's date, or ``SOCIALTUI_TODAY`` (YYYY-MM-DD) when it is set."""
    override = os.environ.get("SOCIALTUI_TODAY", "").strip()
    if not override:
        return date.today()
    try:
        return date.fromisoformat(override)
    except ValueError:
        raise CliError(f"SOCIALTUI_TODAY={clean(override)!s} is not a date (YYYY-MM-DD)") from None


def _out(line: str = "") -> None:
    print(line, file=sys.stdout)


def _err(line: str) -> None:
    print(line, file=sys.stderr)


def _one_line(text: object, width: int = 0) -> str:
    value = clean(str(text))
    if width and len(value) > width:
        value = value[: width - 1] + "…"
    return value


@dataclass
class _Loaded:
    """One plan, read and checked; or the reason it could not be read."""

    path: Path
    loaded: Any = None  # store.LoadedPlan
    findings: list = field(default_factory=list)
    error: Exception | None = None

    @property
    def plan(self):
        return self.loaded.plan


def _load_and_check(path: Path, day: date) -> _Loaded:
    from socialtui import store
    from socialtui.plan import check

    try:
        loaded = store.load(path)
    except (store.PlanError, OSError, UnicodeError) as exc:
        return _Loaded(path, error=exc)
    return _Loaded(path, loaded, check(loaded.plan, day))


def _resolve(ref: str, data: Path) -> Path:
    """The file for a plan name or path; a plan's name also finds its slug's file.

    ``socialtui new "Corner Bakery"`` writes ``corner-bakery.toml``, so
    ``socialtui check "Corner Bakery"`` finds it too.
    """
    from socialtui import store
    from socialtui.plan.model import slugify

    path = store.resolve_plan(ref, data)
    if path.exists() or "/" in ref or os.sep in ref or ref.endswith(".toml"):
        return path
    by_slug = store.resolve_plan(slugify(ref), data)
    return by_slug if by_slug.exists() else path


def _error_parts(path: Path, exc: Exception) -> tuple[str, int | None, int | None, str]:
    """(path, line, column, reason) for a plan that could not be read."""
    line = getattr(exc, "line", None)
    column = getattr(exc, "column", None)
    reason = getattr(exc, "reason", None)
    where = getattr(exc, "path", None) or path
    if reason is None:
        if isinstance(exc, OSError):
            reason = exc.strerror or str(exc)
        else:
            reason = str(exc) or type(exc).__name__
    return str(where), line, column, str(reason)


def _error_line(path: Path, exc: Exception) -> str:
    where, line, column, reason = _error_parts(path, exc)
    if line is not None:
        return clean(f"{where}:{line}:{column or 1}: {reason}")
    return clean(f"{where}: {reason}")


def _budget_text(plan) -> str:
    from socialtui.plan import format_minutes, summarize

    summary = summarize(plan)
    return f"{format_minutes(summary.committed)} / {format_minutes(summary.capacity)}"


# --- new ---------------------------------------------------------------------------


def cmd_new(args: argparse.Namespace) -> int:
    from socialtui import store
    from socialtui.plan.model import slugify
    from socialtui.plan.rules import RuleError, parse_name
    from socialtui.starter import blank_text, starter_text

    try:
        name = parse_name(args.name)
    except RuleError as exc:
        raise CliError(f"new: {exc}") from None
    data = _data_dir(args)
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
        raise CliError(f"new: {_error_line(path, exc)}") from None
    except (store.PlanError, OSError) as exc:
        raise CliError(f"new: cannot create {_error_line(path, exc)}") from None
    _out(f"Created {clean(str(path))}")
    _out(f"Check it with: socialtui check {path.stem}")
    return EXIT_OK


# --- list --------------------------------------------------------------------------


def cmd_list(args: argparse.Namespace) -> int:
    from socialtui import store
    from socialtui.plan import worst

    data = _data_dir(args)
    paths = store.list_plans(data)
    if not paths:
        _out(f"No plans in {clean(str(store.plans_dir(data)))} yet.")
        _out('Create one with: socialtui new "My first social plan"')
        return EXIT_OK
    day = today()
    rows = [("NAME", "FILE", "CHANGED", "COMMITTED / AVAILABLE", "STATUS")]
    for path in paths:
        item = _load_and_check(path, day)
        changed = _mtime(path)
        if item.error is not None:
            _, line, column, reason = _error_parts(path, item.error)
            where = f"line {line}, column {column or 1}: " if line is not None else ""
            status = f"unreadable: {where}{reason}"
            rows.append(("?", path.name, changed, "", _one_line(status)))
            continue
        status = worst(item.findings) or "ok"
        if getattr(item.loaded, "read_only", False):
            status += " (read-only: newer format)"
        rows.append(
            (_one_line(item.plan.name, 40), path.name, changed, _budget_text(item.plan), status)
        )
    rows = [tuple(clean(cell) for cell in row) for row in rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    _out(f"Plans in {clean(str(store.plans_dir(data)))}:")
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        _out("  ".join([*cells, row[-1]]).rstrip())
    return EXIT_OK


def _mtime(path: Path) -> str:
    try:
        stamp = path.stat().st_mtime
    except OSError:
        return "?"
    return datetime.fromtimestamp(stamp).strftime("%Y-%m-%d %H:%M")


# --- check -------------------------------------------------------------------------


def cmd_check(args: argparse.Namespace) -> int:
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
              ]
            }
          ],
          "errors": [
            {"path": "/abs/path/broken.toml", "line": 3, "column": 9, "reason": "..."}
          ]
        }

    ``line`` and ``column`` are null when the problem has no position (a missing
    file). Findings are ordered errors, warnings, info. The JSON is ASCII-only
    (``ensure_ascii``), so it is safe on any terminal.
    """
    from socialtui import store
    from socialtui.plan import worst

    data = _data_dir(args)
    if args.plans:
        paths = [_resolve(ref, data) for ref in args.plans]
    else:
        paths = store.list_plans(data)
        if not paths:
            _err(f"socialtui: no plans in {clean(str(store.plans_dir(data)))}")
            _err('Create one with: socialtui new "My first social plan"')
            return EXIT_OK
    day = today()
    items = [_load_and_check(path, day) for path in paths]

    status = EXIT_OK
    for item in items:
        loose = store.permission_problem(item.path)
        if loose is not None:
            _err(f"{PROG}: warning: {clean(loose)}")
        if item.error is not None:
            status = max(status, EXIT_UNREADABLE)
            _err(_error_line(item.path, item.error))
        elif worst(item.findings) == "error":
            status = max(status, EXIT_FINDINGS)

    if args.format == "json":
        import json

        _out(json.dumps(_check_json(items), indent=2, ensure_ascii=True, default=_json_default))
    else:
        _check_text(items)
    return status


def _check_text(items: list[_Loaded]) -> None:
    first = True
    for item in items:
        if item.error is not None:
            continue
        if not first:
            _out()
        first = False
        plan = item.plan
        _out(f"{_one_line(plan.name)}  ({clean(str(item.path))})  {_budget_text(plan)}")
        if getattr(item.loaded, "read_only", False):
            _out("  (read-only: written by a newer socialtui)")
        if not item.findings:
            _out("  ok       no findings")
        width = max((len(f.id) for f in item.findings), default=0)
        for finding in item.findings:
            _out(f"  {finding.severity:<8} {finding.id:<{width}}  {_one_line(finding.message)}")
            if finding.fix is not None:
                _out(f"  {'':<8} {'':<{width}}  fix: {_one_line(finding.fix.label)}")


def _check_json(items: list[_Loaded]) -> dict:
    from socialtui.plan import summarize

    plans, errors = [], []
    for item in items:
        if item.error is not None:
            path, line, column, reason = _error_parts(item.path, item.error)
            errors.append({"path": path, "line": line, "column": column, "reason": reason})
            continue
        summary = summarize(item.plan)
        plans.append(
            {
                "path": str(item.path),
                "name": item.plan.name,
                "committed_minutes": _number(summary.committed),
                "capacity_minutes": _number(summary.capacity),
                "findings": [_finding_json(f) for f in item.findings],
            }
        )
    return {"plans": plans, "errors": errors}


def _finding_json(finding) -> dict:
    fix = None
    if finding.fix is not None:
        fix = {
            "label": finding.fix.label,
            "edits": [
                {"kind": e.kind, "id": e.id, "field": e.field, "old": e.old, "new": e.new}
                for e in finding.fix.edits
            ],
        }
    return {
        "id": finding.id,
        "severity": finding.severity,
        "message": finding.message,
        "principle": finding.principle,
        "subject": finding.subject,
        "fix": fix,
    }


def _number(value: float) -> int | float:
    value = round(float(value), 2)
    return int(value) if value.is_integer() else value


def _json_default(value: object) -> object:
    if isinstance(value, (tuple, set, frozenset)):
        return list(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


# --- main --------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run socialtui with ``argv`` (default ``sys.argv[1:]``); return the exit status."""
    # Until the app is on screen, collecting garbage is time lost (see run_app);
    # the headless commands get collection back before they start.
    gc.disable()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    try:
        argv = sys.argv[1:] if argv is None else list(argv)
        parser = build_parser(only=needed(argv))
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:  # --help, --version, usage errors
            return exc.code if isinstance(exc.code, int) else EXIT_USAGE
        handler: Callable[[argparse.Namespace], int] | None = args.handler
        if handler is None:
            return _run_tui(args)
        gc.enable()
        return handler(args)
    except CliError as exc:
        _err(f"{PROG}: {exc}")
        return exc.code
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except Exception as exc:  # never a traceback
        _err(f"{PROG}: internal error: {clean(type(exc).__name__ + ': ' + str(exc))}")
        return EXIT_INTERNAL
    finally:
        gc.enable()


def _silence_stdout() -> None:
    """After a closed pipe, point stdout at devnull so the exit flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
