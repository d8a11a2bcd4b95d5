"""The plan as a Markdown report a manager reads in a minute or two.

Purpose, goals with progress, audiences, channels, the budget, the current
findings and the last eight check-ins. Plan text is escaped
(:func:`socialtui.safe.md_escape`) so that no name can break a table or start
a link, and control characters are removed.
"""

from __future__ import annotations

from datetime import date, timedelta

from socialtui.plan.budget import channel_minutes, format_minutes, format_number, summarize
from socialtui.plan.findings import Finding, check
from socialtui.plan.model import Plan, week_key
from socialtui.plan.progress import GoalProgress, goal_progress, metric_series
from socialtui.safe import md_escape, plain

CHECKINS_SHOWN = 8


def _cell(text: str, empty: str = "—") -> str:
    value = md_escape(text)
    return value if value else empty


# A text cell starting with one of these could run as a formula in a spreadsheet


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
    hours = b.weekly_hours
    if plan.people:
        from socialtui.plan.people import team_hours

        hours = team_hours(plan)
    capacity_label = (
        f"Capacity ({format_number(hours or 0)} h less a "
        f"{format_number(b.reserve_percent)} % reserve)"
    )
    rows = [
        ["Committed (active channels)", format_minutes(summary.committed)],
        [capacity_label, format_minutes(summary.capacity)],
        ["Used", _percent(summary.percent)],
        ["Active channels", f"{active} of at most {b.max_active_channels}"],
    ]
    return [verdict, "", *_table(["", "Per week"], list("lr"), rows)]


def _people_md(plan: Plan) -> list[str]:
    """Each person: their active channels, planned minutes, capacity and the verdict."""
    from socialtui.plan.people import people_loads

    rows = []
    for load in people_loads(plan):
        names = [_cell(c.name) for i in load.channels if (c := plan.channel(i))]
        if load.over:
            verdict = f"**over** by {format_minutes(load.committed - load.capacity)}"
        else:
            verdict = f"{format_minutes(load.spare)} spare"
        rows.append(
            [
                _cell(load.person.name),
                ", ".join(names) or "—",
                format_minutes(load.committed),
                format_minutes(load.capacity),
                verdict,
            ]
        )
    header = ["Person", "Active channels", "Planned", "Available", ""]
    intro = (
        f"Each person's hours less the {format_number(plan.budget.reserve_percent)} % "
        "reserve, against the active channels they own."
    )
    unowned = [_cell(c.name) for c in plan.active_channels if not plan.person(c.owner)]
    tail = [f"Nobody is named to do {', '.join(unowned)}."] if unowned else []
    return [intro, "", *_table(header, list("llrrl"), rows), *([""] if tail else []), *tail]


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
    channel_ids = ordered(
        [c.id for c in plan.channels], [k for c in shown for k in (*c.hours, *c.verdicts)]
    )
    goal_ids = ordered([g.id for g in plan.goals], [k for c in shown for k in c.metrics])
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


def ordered(known: list[str], named: list[str]) -> list[str]:
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
        *([("Who does what", _people_md(plan))] if plan.people else []),
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
