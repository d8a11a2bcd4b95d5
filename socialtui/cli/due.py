"""``socialtui due [PLAN...]``: what is due (check-ins, reviews, new findings), for reminders.

The work is :func:`socialtui.reminders.run.run`; the console script reaches it
without this parser for the plain forms (:func:`socialtui.reminders.run.quick`).
This module is the parser's way in (``--help``, plan names) and prints the
systemd units that run it every day (``--print-systemd``).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from socialtui.cli.common import EXIT_OK, CliError, data_dir, out, subcommand, today
from socialtui.safe import clean

UNIT = "socialtui-due"
CALENDAR = "*-*-* 09:00:00"  # every day at nine; Persistent=true catches up after a day off


def add_parser(sub) -> None:
    p = subcommand(
        sub,
        "due",
        "say what is due: check-ins, reviews, new findings (for shell start-up, cron, timers)",
        "Say what is due in your plans, one line each, and nothing when nothing is:\n"
        "  bakery: check-in for 2026-W48 not recorded (due Fri)\n"
        "  bakery: 2 earlier weeks not recorded: 2026-W45, 2026-W46\n"
        "  bakery: review due since 2026-11-29 (every 4 weeks)\n"
        "  bakery: over-budget: 6h 30m planned, 5h 24m available — 1h 06m over\n"
        "  bakery: estimate-low on Instagram, new with the 2026-W47 check-in\n\n"
        "A check-in is due from the plan's check-in day (review.checkin_day, Friday\n"
        "by default) when the ISO week has none; earlier weeks since the first\n"
        "check-in that have none are counted. The review is due every_weeks after\n"
        "review.last. Errors are always said; warnings only when the latest check-in\n"
        "brought them. PLAN is a plan name in the data directory or a path; without\n"
        "PLAN, every plan in the data directory.\n\n"
        "exit status:\n"
        "  0  nothing is due\n"
        "  1  something is due\n"
        "  2  a plan could not be read (path:line:col: reason on stderr; the\n"
        "     other plans are still reported)",
    )
    p.add_argument("plans", metavar="PLAN", nargs="*", help="plan name or path")
    p.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print nothing, not even errors: the exit status says it all",
    )
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (default), json for scripts",
    )
    p.add_argument(
        "--print-systemd",
        nargs="?",
        const="both",
        choices=("service", "timer", "both"),
        metavar="UNIT",
        help="print the systemd user service or timer (default: both) that runs "
        "socialtui due every day, and exit",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from socialtui.reminders.run import Options
    from socialtui.reminders.run import run as answer
    from socialtui.store.folder import find_plan

    given = getattr(args, "data_dir", None)
    data = data_dir(args)
    files = [str(find_plan(ref, data)) for ref in args.plans] or None
    if args.print_systemd:
        out(systemd_units(args.print_systemd, given, files))
        return EXIT_OK
    options = Options(None if given is None else str(given), args.quiet, args.format)
    return answer(options, today(), files)


# -- systemd ------------------------------------------------------------------------------------


def program() -> list[str]:
    """This installation's socialtui, by absolute path (a timer has no virtualenv on PATH)."""
    interpreter = os.path.abspath(sys.executable)  # not resolved: a venv's python is a link
    script = Path(interpreter).parent / ("socialtui.exe" if os.name == "nt" else "socialtui")
    return [str(script)] if script.is_file() else [interpreter, "-m", "socialtui"]


def systemd_quote(word: str) -> str:
    """One word of an ``ExecStart=`` line: specifiers (``%``) and variables (``$``)
    escaped, quoted when it holds anything but plain path characters."""
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in word):
        raise CliError(f"due: {clean(word)} cannot go in a systemd unit (a control character)")
    word = word.replace("%", "%%").replace("$", "$$")
    if word and all(c.isalnum() or c in "/._-+=:,@" for c in word):
        return word
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'


def systemd_units(which: str, data: Path | None, files: list[str] | None) -> str:
    """The service (``socialtui due``, with this data directory and these plans) and
    the timer that starts it every day, as ``--print-systemd`` prints them."""
    command = [*program(), "due"]
    explicit = data if data is not None and str(data) else os.environ.get("SOCIALTUI_DATA_DIR")
    if explicit:  # the service does not see this shell's environment
        command += ["--data-dir", os.path.abspath(explicit)]
    command += [os.path.abspath(f) for f in files or ()]
    service = "\n".join(
        [
            f"# ~/.config/systemd/user/{UNIT}.service: runs socialtui due; {UNIT}.timer starts it.",
            f"# What is due goes to the journal: journalctl --user -u {UNIT}",
            "[Unit]",
            "Description=socialtui: what is due in your social media plans",
            "",
            "[Service]",
            "Type=oneshot",
            "ExecStart=" + " ".join(systemd_quote(word) for word in command),
            "# 1 means something is due: a reminder, not a failure",
            "SuccessExitStatus=1",
            "",
        ]
    )
    timer = "\n".join(
        [
            f"# ~/.config/systemd/user/{UNIT}.timer: every day at nine, or at the next start",
            "# of the session after a day the computer was off (Persistent=true).",
            "# Enable: systemctl --user daemon-reload &&",
            f"#   systemctl --user enable --now {UNIT}.timer",
            "[Unit]",
            "Description=socialtui due, every day",
            "",
            "[Timer]",
            f"OnCalendar={CALENDAR}",
            "Persistent=true",
            "",
            "[Install]",
            "WantedBy=timers.target",
            "",
        ]
    )
    if which == "service":
        return service.rstrip("\n")
    if which == "timer":
        return timer.rstrip("\n")
    return (service + "\n" + timer).rstrip("\n")
