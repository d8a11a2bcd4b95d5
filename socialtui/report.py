"""A plan as a document for other people: Markdown, CSV and JSON.

Pure functions of a plan (and the date, where findings and progress depend on
it); nothing here reads a clock or a file, and nothing imports textual or rich.

- :func:`to_markdown` — a one-to-two page report a manager reads: purpose, goals
  with progress, audiences, channels, the budget, the current findings and the
  last eight check-ins. Plan text is escaped so that no name can break a table
  or start a link, and control characters are removed.
- :func:`to_csv` — the check-in history, one row per week and channel or goal
  (:data:`CSV_COLUMNS`).
- :func:`to_json` — the whole plan, its budget figures, goal progress and
  findings; ``docs/export.schema.json`` documents it.
- :func:`mask_plan` — the same plan with its names replaced ("Goal 1",
  "Channel 2", …) and its free text ("•••"), for sharing a plan's shape and
  numbers without its content (``socialtui export --private``).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from socialtui.plan.budget import channel_minutes, format_minutes, format_number, summarize
from socialtui.plan.findings import Finding, check
from socialtui.plan.model import Plan, week_key
from socialtui.plan.progress import GoalProgress, goal_progress, metric_series

__all__ = [
    "CSV_COLUMNS",
    "EXPORT_FORMAT",
    "EXPORT_VERSION",
    "MASK",
    "mask_plan",
    "md_escape",
    "plain",
    "to_csv",
    "to_data",
    "to_json",
    "to_markdown",
]

EXPORT_FORMAT = "socialtui-export"
EXPORT_VERSION = 1
MASK = "•••"
CHECKINS_SHOWN = 8
CSV_COLUMNS = (
    "week",
    "kind",
    "id",
    "name",
    "planned_hours",
    "actual_hours",
    "verdict",
    "value",
    "note",
)

# --- text hygiene ----------------------------------------------------------------------

_BIDI = frozenset([0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)])
_SPACES = frozenset([0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029])
# Backslash-escaped wherever plan text lands in Markdown: everything that can open
# emphasis, code, a link, an image, an HTML tag or entity, a heading or a table cell.
_MD_SPECIAL = frozenset("\\`*_[]<>|#~&!$")


def plain(text: str) -> str:
    """``text`` on one line, without control or bidi-override characters.

    Line breaks and tabs become spaces, runs of spaces shrink to one; every other
    C0/C1 control, DEL, bidi control and lone surrogate is removed.
    """
    out: list[str] = []
    for char in text:
        code = ord(char)
        if code in _SPACES:
            out.append(" ")
        elif code < 0x20 or 0x7F <= code <= 0x9F or code in _BIDI or 0xD800 <= code <= 0xDFFF:
            continue
        else:
            out.append(char)
    return " ".join("".join(out).split())


def md_escape(text: str) -> str:
    """Plan text made inert for Markdown: one line, specials backslash-escaped."""
    return "".join("\\" + c if c in _MD_SPECIAL else c for c in plain(text))


def _cell(text: str, empty: str = "—") -> str:
    value = md_escape(text)
    return value if value else empty


# A text cell starting with one of these could run as a formula in a spreadsheet
# (OWASP "CSV injection"); "'" is on the list so that the guard can be undone.
_CSV_GUARDED = ("=", "+", "-", "@", "\t", "\r", "\n", "'")


def _csv_text(text: str) -> str:
    """Plan text for a CSV cell, kept exactly, except that a cell starting with
    ``= + - @ '``, a tab or a line break gets one ``'`` in front, so spreadsheets
    never run it as a formula. Readers undo it by removing one leading ``'``."""
    return "'" + text if text.startswith(_CSV_GUARDED) else text


def _num(value: float | None) -> int | float | None:
    """A plan number for JSON/CSV: integers stay integers."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def _rounded(value: float) -> int | float:
    value = round(float(value), 2)
    return int(value) if value.is_integer() else value


# --- masking -------------------------------------------------------------------------------


def mask_plan(plan: Plan) -> Plan:
    """``plan`` with nothing that tells whose it is.

    Names become "Goal 1", "Audience 2", "Channel 3" (ids "goal-1", …, every
    reference renamed to match; an id that names nothing in the plan gets the next
    free number), the plan's name becomes "Private plan", and every other piece of
    free text (purpose, metrics, wants, notes, check-in notes) becomes "•••" when
    it was not empty. Numbers, dates, statuses and verdicts are kept, so budget,
    findings and progress come out the same shape.
    """

    def mapper(prefix: str, known: list[str]) -> dict[str, str]:
        return {ident: f"{prefix}-{i}" for i, ident in enumerate(known, 1)}

    goals = mapper("goal", [g.id for g in plan.goals])
    channels = mapper("channel", [c.id for c in plan.channels])
    audiences = mapper("audience", [a.id for a in plan.audiences])

    def ref(table: dict[str, str], prefix: str, ident: str) -> str:
        if ident not in table:
            table[ident] = f"{prefix}-{len(table) + 1}"
        return table[ident]

    def goal_ref(ident: str) -> str:
        return ref(goals, "goal", ident)

    def channel_ref(ident: str) -> str:
        return ref(channels, "channel", ident)

    def text(value: str) -> str:
        return MASK if value.strip() else ""

    return replace(
        plan,
        name="Private plan",
        purpose=replace(
            plan.purpose,
            who=text(plan.purpose.who),
            why=text(plan.purpose.why),
            what=text(plan.purpose.what),
            them=text(plan.purpose.them),
        ),
        goals=tuple(
            replace(g, id=goals[g.id], title=f"Goal {i}", metric=text(g.metric))
            for i, g in enumerate(plan.goals, 1)
        ),
        audiences=tuple(
            replace(
                a,
                id=audiences[a.id],
                name=f"Audience {i}",
                wants=text(a.wants),
                channels=tuple(channel_ref(c) for c in a.channels),
            )
            for i, a in enumerate(plan.audiences, 1)
        ),
        channels=tuple(
            replace(
                c,
                id=channels[c.id],
                name=f"Channel {i}",
                notes=text(c.notes),
                goals=tuple(goal_ref(g) for g in c.goals),
            )
            for i, c in enumerate(plan.channels, 1)
        ),
        checkins=tuple(
            replace(
                c,
                hours={channel_ref(k): v for k, v in c.hours.items()},
                metrics={goal_ref(k): v for k, v in c.metrics.items()},
                verdicts={channel_ref(k): v for k, v in c.verdicts.items()},
                note=text(c.note),
            )
            for c in plan.checkins
        ),
    )


# --- Markdown ------------------------------------------------------------------------------


def _table(header: list[str], align: list[str], rows: list[list[str]]) -> list[str]:
    rule = {"l": "---", "r": "--:", "c": ":-:"}
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(rule[a] for a in align) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _progress_cells(plan: Plan, progress: GoalProgress | None, goal_id: str) -> list[str]:
    """Latest, progress, pace, projected."""
    series = metric_series(plan, goal_id)
    latest = f"{format_number(series[-1][1])} ({series[-1][0]})" if series else "—"
    if progress is None:
        return [latest, "—", "—", "—"]
    if progress.reached:
        projected = "reached"
    elif progress.projected is not None:
        projected = progress.projected.isoformat()
    else:
        projected = "not moving"
    return [latest, f"{progress.percent:.0f} %", progress.pace or "—", projected]


def _goals_md(plan: Plan, today: date) -> list[str]:
    if not plan.goals:
        return ["*No goals yet.*"]
    rows = []
    for rank, goal in enumerate(plan.goals, 1):
        span = "—"
        if goal.baseline is not None or goal.target is not None:
            base = "?" if goal.baseline is None else format_number(goal.baseline)
            target = "?" if goal.target is None else format_number(goal.target)
            span = f"{base} → {target}"
        kind = " · ".join(x for x in (goal.horizon, goal.focus) if x) or "—"
        rows.append(
            [
                str(rank),
                _cell(goal.title),
                _cell(goal.metric),
                span,
                goal.deadline.isoformat() if goal.deadline else "—",
                kind,
                *_progress_cells(plan, goal_progress(plan, goal, today), goal.id),
            ]
        )
    header = ["#", "Goal", "Metric", "Baseline → target", "Deadline", "Horizon · focus"]
    header += ["Latest", "Progress", "Pace", "Projected"]
    intro = (
        "Most important first. Progress is the share of the way from baseline to "
        "target; pace compares it with a straight line to the deadline."
    )
    return [intro, "", *_table(header, list("rlllllrrll"), rows)]


def _channel_label(plan: Plan, channel_id: str) -> str:
    channel = plan.channel(channel_id)
    return _cell(channel.name) if channel is not None else _cell(channel_id)


def _audiences_md(plan: Plan) -> list[str]:
    if not plan.audiences:
        return ["*No audiences yet.*"]
    rows = [
        [
            _cell(a.name),
            _cell(a.wants),
            ", ".join(_channel_label(plan, c) for c in a.channels) or "—",
        ]
        for a in plan.audiences
    ]
    return _table(["Audience", "What they want", "Where they are"], list("lll"), rows)


def _channels_md(plan: Plan) -> list[str]:
    if not plan.channels:
        return ["*No channels yet.*"]
    rows = []
    for c in plan.channels:
        cadence = (
            f"{format_number(c.posts_per_week)} × {format_number(c.minutes_per_post)} min "
            f"+ {format_number(c.engage_minutes_per_week)} min engaging"
        )
        serves = [_cell(g.title) if (g := plan.goal(i)) else _cell(i) for i in c.goals]
        rows.append(
            [
                _cell(c.name),
                c.status,
                cadence,
                format_minutes(channel_minutes(c)),
                ", ".join(serves) or "—",
                _cell(c.notes),
            ]
        )
    header = ["Channel", "Status", "Posts × time + engagement", "Time/week", "Serves", "Notes"]
    intro = "Time/week counts towards the budget only for active channels."
    return [intro, "", *_table(header, list("lllrll"), rows)]


def _budget_md(plan: Plan) -> list[str]:
    summary = summarize(plan)
    b = plan.budget
    active = len(plan.active_channels)
    if summary.over:
        verdict = f"**Over budget** by {format_minutes(summary.committed - summary.capacity)}."
    elif summary.near:
        verdict = f"**Near budget**: {format_minutes(summary.spare)} to spare for a bad week."
    else:
        verdict = f"**Within budget**: {format_minutes(summary.spare)} to spare."
    capacity_label = (
        f"Capacity ({format_number(b.weekly_hours)} h less a "
        f"{format_number(b.reserve_percent)} % reserve)"
    )
    rows = [
        ["Committed (active channels)", format_minutes(summary.committed)],
        [capacity_label, format_minutes(summary.capacity)],
        ["Used", _percent(summary.percent)],
        ["Active channels", f"{active} of at most {b.max_active_channels}"],
    ]
    return [verdict, "", *_table(["", "Per week"], list("lr"), rows)]


def _percent(value: float) -> str:
    return "—" if value == float("inf") else f"{value:.0f} %"


def _findings_md(findings: list[Finding]) -> list[str]:
    if not findings:
        return ["No findings: the plan is consistent."]
    lines = []
    for f in findings:
        line = f"- **{f.severity}** `{f.id}` ({f.principle}): {md_escape(f.message)}"
        if f.fix is not None:
            line += f" *Fix:* {md_escape(f.fix.label)}"
        lines.append(line)
    return lines


def _checkins_md(plan: Plan) -> list[str]:
    if not plan.checkins:
        return ["*No check-ins yet.*"]
    shown = sorted(plan.checkins, key=lambda c: week_key(c.week))[-CHECKINS_SHOWN:]
    channel_ids = _ordered(
        [c.id for c in plan.channels], [k for c in shown for k in (*c.hours, *c.verdicts)]
    )
    goal_ids = _ordered([g.id for g in plan.goals], [k for c in shown for k in c.metrics])
    header = ["Week", "Hours"]
    header += [f"{_channel_label(plan, i)} (h)" for i in channel_ids]
    header += [_cell(g.title) if (g := plan.goal(i)) else _cell(i) for i in goal_ids]
    header.append("Note")
    rows = []
    for c in shown:
        total = sum(c.hours.values())
        row = [c.week, format_number(total) if c.hours else "—"]
        for i in channel_ids:
            parts = []
            if i in c.hours:
                parts.append(format_number(c.hours[i]))
            if i in c.verdicts:
                parts.append(c.verdicts[i])
            row.append(" · ".join(parts) or "—")
        row += [format_number(c.metrics[i]) if i in c.metrics else "—" for i in goal_ids]
        row.append(_cell(c.note))
        rows.append(row)
    align = ["l", "r", *("l" * len(channel_ids)), *("r" * len(goal_ids)), "l"]
    count = len(plan.checkins)
    intro = (
        f"The last {len(shown)} of {count} check-ins, oldest first: hours spent and the "
        "verdict per channel, then each goal's metric."
        if count > len(shown)
        else f"All {count} check-in{'s' if count != 1 else ''}, oldest first: hours spent "
        "and the verdict per channel, then each goal's metric."
    )
    return [intro, "", *_table(header, align, rows)]


def _ordered(known: list[str], named: list[str]) -> list[str]:
    """The ids in ``named``, in the plan's order, then unknown ones as first named."""
    present = set(named)
    out = [i for i in known if i in present]
    for i in named:
        if i not in out:
            out.append(i)
    return out


def _purpose_md(plan: Plan) -> list[str]:
    p = plan.purpose
    items = [
        ("Who", p.who),
        ("Why", p.why),
        ("What we share", p.what),
        ("What's in it for them", p.them),
    ]
    lines = [f"- **{label}:** {md_escape(value)}" for label, value in items if plain(value)]
    return lines or ["*No purpose written yet.*"]


def _review_sentence(plan: Plan, today: date) -> str:
    every, last = plan.review.every_weeks, plan.review.last
    often = "every week" if every == 1 else f"every {every} weeks"
    if last is None:
        return f"It is meant to be reviewed {often}; it has not been reviewed yet."
    due = last + timedelta(weeks=every)
    when = "was due" if due < today else "is due"
    return f"It is reviewed {often}: last on {last.isoformat()}, next {when} {due.isoformat()}."


def to_markdown(plan: Plan, today: date) -> str:
    """The plan as a Markdown report, with findings and progress as of ``today``."""
    findings = check(plan, today)
    sections = [
        ("Purpose", _purpose_md(plan)),
        ("Goals", _goals_md(plan, today)),
        ("Audiences", _audiences_md(plan)),
        ("Channels", _channels_md(plan)),
        ("Budget", _budget_md(plan)),
        ("Findings", _findings_md(findings)),
        ("Check-ins", _checkins_md(plan)),
    ]
    lines = [
        f"# {_cell(plan.name, 'Untitled plan')}",
        "",
        f"Social media plan as of {today.isoformat()}, exported by socialtui. "
        + _review_sentence(plan, today),
    ]
    for title, body in sections:
        lines += ["", f"## {title}", "", *body]
    return "\n".join(lines) + "\n"


# --- CSV -----------------------------------------------------------------------------------


def _csv_number(value: float | None) -> str:
    value = _num(value)
    return "" if value is None else str(value)


def to_csv(plan: Plan) -> str:
    """The check-in history as CSV with the header :data:`CSV_COLUMNS`.

    Weeks oldest first. For each week: one ``channel`` row per channel the week
    records hours or a verdict for (plan order, then ids the plan lacks), with
    ``planned_hours`` = the channel's weekly cost in the plan as it is now (the
    plan keeps no history of its estimates; empty for an id the plan lacks);
    then one ``goal`` row per goal whose metric it records, with ``value``. The
    week's note is repeated on each of its rows; a week that records nothing but
    a note has one row of kind ``note``.

    Text is the plan's text exactly (line breaks included, quoted as CSV does),
    except the formula guard of :func:`_csv_text`. Numbers are written as the
    plan has them (``3``, ``2.75``); empty cells mean "not recorded". Rows end
    with CRLF (RFC 4180).
    """
    out = io.StringIO()
    # CRLF as RFC 4180 says: with it, csv quotes a field holding a lone CR too.
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    channel_order = [c.id for c in plan.channels]
    goal_order = [g.id for g in plan.goals]
    for checkin in sorted(plan.checkins, key=lambda c: week_key(c.week)):
        note = _csv_text(checkin.note)
        rows = []
        for ident in _ordered(channel_order, [*checkin.hours, *checkin.verdicts]):
            channel = plan.channel(ident)
            planned = "" if channel is None else str(_rounded(channel_minutes(channel) / 60))
            rows.append(
                [
                    checkin.week,
                    "channel",
                    _csv_text(ident),
                    "" if channel is None else _csv_text(channel.name),
                    planned,
                    _csv_number(checkin.hours.get(ident)),
                    checkin.verdicts.get(ident, ""),
                    "",
                    note,
                ]
            )
        for ident in _ordered(goal_order, list(checkin.metrics)):
            goal = plan.goal(ident)
            name = "" if goal is None else _csv_text(goal.title)
            value = _csv_number(checkin.metrics[ident])
            rows.append([checkin.week, "goal", _csv_text(ident), name, "", "", "", value, note])
        if not rows:
            rows.append([checkin.week, "note", "", "", "", "", "", "", note])
        writer.writerows(rows)
    return out.getvalue()


# --- JSON ----------------------------------------------------------------------------------


def _date(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _numbers(table: dict[str, float]) -> dict[str, int | float]:
    return {k: _num(v) for k, v in table.items()}  # type: ignore[misc]


def _plan_data(plan: Plan) -> dict[str, Any]:
    p, b, r = plan.purpose, plan.budget, plan.review
    return {
        "schema": plan.schema,
        "name": plan.name,
        "purpose": {"who": p.who, "why": p.why, "what": p.what, "them": p.them},
        "budget": {
            "weekly_hours": _num(b.weekly_hours),
            "reserve_percent": _num(b.reserve_percent),
            "max_active_channels": b.max_active_channels,
        },
        "review": {"every_weeks": r.every_weeks, "last": _date(r.last)},
        "goals": [
            {
                "id": g.id,
                "title": g.title,
                "metric": g.metric,
                "baseline": _num(g.baseline),
                "target": _num(g.target),
                "deadline": _date(g.deadline),
                "horizon": g.horizon,
                "focus": g.focus,
            }
            for g in plan.goals
        ],
        "audiences": [
            {"id": a.id, "name": a.name, "wants": a.wants, "channels": list(a.channels)}
            for a in plan.audiences
        ],
        "channels": [
            {
                "id": c.id,
                "name": c.name,
                "status": c.status,
                "posts_per_week": _num(c.posts_per_week),
                "minutes_per_post": _num(c.minutes_per_post),
                "engage_minutes_per_week": _num(c.engage_minutes_per_week),
                "goals": list(c.goals),
                "notes": c.notes,
            }
            for c in plan.channels
        ],
        "checkins": [
            {
                "week": c.week,
                "hours": _numbers(c.hours),
                "metrics": _numbers(c.metrics),
                "verdicts": dict(c.verdicts),
                "note": c.note,
            }
            for c in sorted(plan.checkins, key=lambda c: week_key(c.week))
        ],
    }


def _json_value(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_json_value(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return _num(value)
    return value


def _finding_data(f: Finding) -> dict[str, Any]:
    fix = None
    if f.fix is not None:
        fix = {
            "label": f.fix.label,
            "edits": [
                {
                    "kind": e.kind,
                    "id": e.id,
                    "field": e.field,
                    "old": _json_value(e.old),
                    "new": _json_value(e.new),
                }
                for e in f.fix.edits
            ],
        }
    return {
        "id": f.id,
        "severity": f.severity,
        "message": f.message,
        "principle": f.principle,
        "subject": f.subject,
        "fix": fix,
    }


def _progress_data(plan: Plan, today: date) -> list[dict[str, Any]]:
    out = []
    for goal in plan.goals:
        series = metric_series(plan, goal.id)
        progress = goal_progress(plan, goal, today)
        out.append(
            {
                "goal": goal.id,
                "latest": _num(series[-1][1]) if series else None,
                "latest_week": series[-1][0] if series else None,
                "percent": None if progress is None else _rounded(progress.percent),
                "expected_percent": (
                    None
                    if progress is None or progress.expected is None
                    else _rounded(100 * progress.expected)
                ),
                "pace": (progress.pace or None) if progress is not None else None,
                "projected": (
                    None if progress is None or progress.reached else _date(progress.projected)
                ),
            }
        )
    return out


def to_data(plan: Plan, today: date) -> dict[str, Any]:
    """What :func:`to_json` writes, as Python data."""
    summary = summarize(plan)
    percent = summary.percent
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "as_of": today.isoformat(),
        "plan": _plan_data(plan),
        "budget": {
            "committed_minutes": _rounded(summary.committed),
            "capacity_minutes": _rounded(summary.capacity),
            "spare_minutes": _rounded(summary.spare),
            "percent": None if percent == float("inf") else _rounded(percent),
            "over": summary.over,
            "near": summary.near,
            "active_channels": len(plan.active_channels),
        },
        "progress": _progress_data(plan, today),
        "findings": [_finding_data(f) for f in check(plan, today)],
    }


def to_json(plan: Plan, today: date) -> str:
    """The plan, budget, progress and findings as JSON (ASCII only, LF-terminated)."""
    return json.dumps(to_data(plan, today), indent=2, ensure_ascii=True) + "\n"
