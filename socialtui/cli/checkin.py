"""`socialtui checkin`: record a week's check-in from the command line.

::

    socialtui checkin [PLAN] [--week 2026-W48] [--hours CHANNEL=H]...
                      [--metric GOAL=N]... [--verdict CHANNEL=VERDICT]... [--note TEXT]

With none of ``--hours``, ``--metric``, ``--verdict`` or ``--note`` the app opens
straight into this week's check-in. With any of them nothing opens: the values are
checked with the rules of the plan file format, merged into the week's entry (given
values replace, the others are kept: :func:`socialtui.plan.checkin.merge_checkin`)
or added as a new entry, and saved through the session
(:meth:`socialtui.session.HeldPlan.save`), which keeps comments and layout. A new week is added
by inserting lines; no line already in the file is rewritten.

Any bad value is a one-line error naming the flag and the value, exit status 2,
and the file is left byte for byte as it was.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from socialtui.cli.common import (
    EXIT_LOCKED,
    EXIT_OK,
    CliError,
    data_dir,
    error_line,
    held_elsewhere,
    load_plan,
    out,
    plan_path,
    read_only_refusal,
    subcommand,
    today,
)
from socialtui.plan.numbers import show_number
from socialtui.safe import clean

FLAGS = ("hours", "metric", "verdict", "note")


def add_parser(sub) -> None:
    p = subcommand(
        sub,
        "checkin",
        "record a week's hours, numbers and verdicts (or open the check-in)",
        "Record a weekly check-in in PLAN (a plan name in the data directory or a\n"
        "path to a .toml file; without PLAN, the plan you used last).\n\n"
        "With none of --hours, --metric, --verdict or --note, the app opens straight\n"
        "into this week's check-in. With any of them, the values are saved without\n"
        "opening the app: given values replace what the week already has, the others\n"
        "are kept, and a new week is added at its place without touching other lines.\n\n"
        "examples:\n"
        "  socialtui checkin bakery --hours instagram=3.5 --metric catering=14\n"
        "  socialtui checkin bakery --week 2026-W47 --verdict instagram=working\n\n"
        "While the plan is open in the app (here or in another session: it is\n"
        "locked), values are not saved: record them there, or quit it first.\n\n"
        "exit status:\n"
        "  0  the check-in was saved (or nothing needed to change)\n"
        "  2  a value, the week or the plan is wrong, or the plan is read-only to you\n"
        "     (its mode, its owner or its folder); the file was not changed\n"
        "  75 the plan is open in the app, or another socialtui command kept it\n"
        "     for more than 2 seconds; the file was not changed (try again later)",
    )
    p.add_argument("plan", metavar="PLAN", nargs="?", help="plan name or path")
    p.add_argument(
        "--week",
        metavar="YYYY-Www",
        help="the ISO week, e.g. 2026-W48 (default: this week)",
    )
    p.add_argument(
        "--hours",
        metavar="CHANNEL=H",
        action="append",
        default=[],
        help="hours spent on a channel this week, 0-168 (repeatable)",
    )
    p.add_argument(
        "--metric",
        metavar="GOAL=N",
        action="append",
        default=[],
        help="the value of a goal's metric, digits such as 14 or 2.5, "
        "up to 10^12 either way (repeatable)",
    )
    p.add_argument(
        "--verdict",
        metavar="CHANNEL=V",
        action="append",
        default=[],
        help="working, unsure or not-working (repeatable)",
    )
    p.add_argument("--note", metavar="TEXT", help="a note for the week ('' clears it)")
    p.set_defaults(handler=run)


# --- checkin -------------------------------------------------------------------------


def run(args: argparse.Namespace) -> int:
    headless = bool(args.hours or args.metric or args.verdict or args.note is not None)
    if not headless:
        if args.week is not None:
            raise CliError(
                "checkin: --week needs --hours, --metric, --verdict or --note "
                "(without them the check-in opens in the app, for this week)"
            )
        from socialtui.tui.run import run_app

        return run_app(data_dir(args), getattr(args, "plan", None), today(), start="checkin")
    return _record(args, data_dir(args), today())


def _fail(flag: str, value: str, reason: str) -> CliError:
    return CliError(f"checkin: {flag} {clean(repr(value))}: {clean(reason)}")


def _pairs(flag: str, values: list[str], example: str) -> list[tuple[str, str, str]]:
    """``["a=1", ...]`` -> ``[(raw, "a", "1"), ...]``; an id named twice is an error."""
    out: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for raw in values:
        key, sep, value = raw.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not key or not value:
            raise _fail(flag, raw, f"write it as {example}")
        if key in seen:
            raise _fail(flag, raw, f"'{key}' is given twice")
        seen.add(key)
        out.append((raw, key, value))
    return out


def _known(flag: str, raw: str, key: str, ids: list[str], kind: str) -> None:
    if key in ids:
        return
    if ids:
        listed = ", ".join(ids)
        reason = f"the plan has no {kind} '{key}'; its {kind}s are: {listed}"
    else:
        reason = f"the plan has no {kind} '{key}'; it has no {kind}s yet"
    raise _fail(flag, raw, reason)


def _metric_value(flag: str, raw: str, text: str) -> int | float:
    from socialtui.plan.rules import RuleError, parse_finite

    try:
        return parse_finite(text, "value")
    except RuleError as exc:
        raise _fail(flag, raw, str(exc)) from None


def _hours_value(flag: str, raw: str, text: str) -> int | float:
    from socialtui.plan.rules import RuleError, parse_number

    try:
        return parse_number("checkin_hours", text)
    except RuleError as exc:
        raise _fail(flag, raw, f"hours {exc}") from None


def _parse(args: argparse.Namespace, plan, day) -> tuple[str, dict, dict, dict, str | None]:
    """Check every flag against the plan; (week, hours, metrics, verdicts, note)."""
    from socialtui.plan.model import VERDICTS, iso_week
    from socialtui.plan.rules import RuleError, parse_week_text

    if args.week is None:
        week = iso_week(day)
    else:
        try:
            week = parse_week_text(args.week)
        except RuleError as exc:
            raise _fail("--week", args.week, str(exc)) from None

    channel_ids = [c.id for c in plan.channels]
    goal_ids = [g.id for g in plan.goals]

    hours: dict[str, int | float] = {}
    for raw, key, text in _pairs("--hours", args.hours, "CHANNEL=HOURS, e.g. instagram=3.5"):
        _known("--hours", raw, key, channel_ids, "channel")
        hours[key] = _hours_value("--hours", raw, text)

    metrics: dict[str, int | float] = {}
    for raw, key, text in _pairs("--metric", args.metric, "GOAL=NUMBER, e.g. catering=14"):
        _known("--metric", raw, key, goal_ids, "goal")
        metrics[key] = _metric_value("--metric", raw, text)

    verdicts: dict[str, str] = {}
    example = "CHANNEL=VERDICT, e.g. instagram=working"
    for raw, key, text in _pairs("--verdict", args.verdict, example):
        _known("--verdict", raw, key, channel_ids, "channel")
        if text not in VERDICTS:
            choices = f"{', '.join(VERDICTS[:-1])} or {VERDICTS[-1]}"
            raise _fail("--verdict", raw, f"a verdict is {choices}, not '{text}'")
        verdicts[key] = text

    return week, hours, metrics, verdicts, args.note


def _record(args: argparse.Namespace, data: Path, day) -> int:
    """Record under the plan's lock, so the app and this never write it at once."""
    from socialtui.plan.checkin import merge_checkin
    from socialtui.session import PlanHeld, Session

    path = plan_path(getattr(args, "plan", None), data, "checkin")
    refusal = "nothing was recorded. Record it there, or quit that session and try again"
    try:
        with Session(data, program="checkin").editing(path) as held:
            loaded = load_plan(path, "checkin", held)
            if loaded.read_only:
                raise CliError(
                    f"checkin: {clean(str(path))} is read-only: it was written by a newer "
                    f"socialtui (schema {loaded.plan.schema}); nothing was recorded"
                )
            if held.protection is not None:
                raise read_only_refusal("checkin", path, held.protection, "nothing was recorded")
            plan = loaded.plan
            week, hours, metrics, verdicts, note = _parse(args, plan, day)
            old = plan.checkin(week)
            new = merge_checkin(old, week, hours, metrics, verdicts, note)
            where = clean(str(path))
            what = _describe(hours, metrics, verdicts, note)
            if old is not None and new == old:
                out(f"Check-in {week} in {where} already says {what}; nothing changed")
                return EXIT_OK
            # Through the session: the version on disk is backed up before it changes.
            _save(held, plan.with_checkin(new), path)
    except PlanHeld as exc:
        raise held_elsewhere("checkin", path, exc.holder, refusal) from None
    verb = "Recorded" if old is None else "Updated"
    out(f"{verb} check-in {week} in {where}: {what}")
    return EXIT_OK


def _save(held, plan, path: Path) -> None:
    from socialtui import store
    from socialtui.session import ChangedOnDisk, LockLost

    where = clean(str(path))
    try:
        held.save(plan)
    except store.ReadOnlyError as exc:
        raise CliError(f"checkin: {clean(str(exc))}") from None
    except store.SaveError as exc:
        raise CliError(f"checkin: {clean(str(exc))}") from None
    except OSError as exc:
        raise CliError(f"checkin: cannot save {error_line(path, exc)}") from None
    except (ChangedOnDisk, LockLost):
        raise CliError(
            f"checkin: {where} changed while the check-in was recorded; "
            "nothing was recorded. Try again",
            EXIT_LOCKED,
        ) from None


def _describe(hours: dict, metrics: dict, verdicts: dict, note: str | None) -> str:
    parts = []
    if hours:
        parts.append("hours " + ", ".join(f"{k}={show_number(v)}" for k, v in hours.items()))
    if metrics:
        parts.append("metrics " + ", ".join(f"{k}={show_number(v)}" for k, v in metrics.items()))
    if verdicts:
        parts.append("verdicts " + ", ".join(f"{k}={v}" for k, v in verdicts.items()))
    if note is not None:
        parts.append("note cleared" if note == "" else "a note")
    return clean("; ".join(parts))
