"""The weekly check-in's arithmetic: what its fields open with, and merging a new one in.

Every field opens filled in, so that a week in which nothing changed is one key:

- hours: what the week already recorded, else the plan's hours for the channel;
- verdict: what the week already recorded, else the channel's last verdict
  before this week (a verdict stands until you change it), else ``unsure``;
- metric: what the week already recorded, else the last value recorded before
  this week, else the goal's baseline;
- note: the week's note, else empty.

:func:`merge_checkin` is the one way a check-in is recorded, by the screen and
by ``socialtui checkin`` alike: given values replace the week's, the others are
kept, and a value of None removes one (a field left empty).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .budget import channel_minutes
from .model import VERDICTS, CheckIn, Plan, week_key, week_monday
from .numbers import format_number
from .progress import goal_progress
from .rules import parse_number, parse_optional_finite


@dataclass(frozen=True, slots=True)
class Prefill:
    """What the check-in of ``week`` opens with, as the fields' text."""

    week: str
    existing: bool
    hours: dict[str, str]
    verdicts: dict[str, str]
    metrics: dict[str, str]
    last_metric: dict[str, tuple[str, float] | None]
    """Per goal: the last (week, value) recorded before this week."""
    note: str


def prefill(plan: Plan, week: str) -> Prefill:
    """The values the check-in for ``week`` opens with (see the module docstring)."""
    existing = plan.checkin(week)
    before = [c for c in plan.checkins if week_key(c.week) < week_key(week)]
    before.sort(key=lambda c: week_key(c.week))
    hours: dict[str, str] = {}
    verdicts: dict[str, str] = {}
    for channel in plan.active_channels:
        if existing is not None and channel.id in existing.hours:
            hours[channel.id] = format_number(existing.hours[channel.id])
        else:
            hours[channel.id] = format_number(channel_minutes(channel) / 60)
        verdict = existing.verdicts.get(channel.id) if existing is not None else None
        if verdict is None:
            verdict = next(
                (c.verdicts[channel.id] for c in reversed(before) if channel.id in c.verdicts),
                "unsure",
            )
        verdicts[channel.id] = verdict if verdict in VERDICTS else "unsure"
    metrics: dict[str, str] = {}
    last_metric: dict[str, tuple[str, float] | None] = {}
    for goal in plan.goals:
        last = next(
            ((c.week, c.metrics[goal.id]) for c in reversed(before) if goal.id in c.metrics),
            None,
        )
        last_metric[goal.id] = last
        if existing is not None and goal.id in existing.metrics:
            value: float | None = existing.metrics[goal.id]
        elif last is not None:
            value = last[1]
        else:
            value = goal.baseline
        metrics[goal.id] = "" if value is None else format_number(value)
    note = existing.note if existing is not None else ""
    return Prefill(week, existing is not None, hours, verdicts, metrics, last_metric, note)


def merge_checkin(
    old: CheckIn | None,
    week: str,
    hours: dict[str, float | None] | None = None,
    metrics: dict[str, float | None] | None = None,
    verdicts: dict[str, str] | None = None,
    note: str | None = None,
) -> CheckIn:
    """The check-in of ``week``: ``old``'s values (None: a new week) with these on top.

    A value of None removes that channel's hours or that goal's value; a note of
    None keeps the old note (or none).
    """

    def merged(before: dict, given: dict | None) -> dict:
        out = dict(before)
        for key, value in (given or {}).items():
            if value is None:
                out.pop(key, None)
            else:
                out[key] = value
        return out

    if old is None:
        old = CheckIn(week)
    return CheckIn(
        week,
        merged(old.hours, hours),
        merged(old.metrics, metrics),
        merged(old.verdicts, verdicts),
        old.note if note is None else note,
    )


def parse_hours(text: str) -> int | float | None:
    """Hours for one channel: empty means "not recorded"."""
    if not text.strip():
        return None
    return parse_number("checkin_hours", text)


def parse_metric(text: str) -> int | float | None:
    """A goal's value: empty means "not recorded"."""
    return parse_optional_finite(text, "value")


def week_label(week: str) -> str:
    """``2026-W48`` -> ``23 Nov – 29 Nov 2026``."""
    monday = week_monday(week)
    sunday = monday + timedelta(days=6)
    return f"{monday:%d %b} – {sunday:%d %b %Y}"


def checkin_summary(plan: Plan, week: str, today: date) -> str:
    """One line after saving: the week's verdicts and the goals' pace."""
    checkin = plan.checkin(week)
    parts = [f"Check-in {week} saved"]
    if checkin is not None and checkin.verdicts:
        counts = [
            f"{n} {verdict}"
            for verdict in VERDICTS
            if (n := sum(1 for v in checkin.verdicts.values() if v == verdict))
        ]
        parts.append(", ".join(counts))
    progress = [p for g in plan.goals if (p := goal_progress(plan, g, today)) is not None]
    judged = [p for p in progress if not p.too_early]  # as the findings and the Pace column
    behind = sum(1 for p in judged if p.behind)
    if judged:
        parts.append(f"{behind} goal(s) behind pace" if behind else "no goal behind pace")
    elif progress:
        parts.append("too early to judge the goals' pace")
    return " · ".join(parts)
