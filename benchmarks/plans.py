"""Plans at scale, written as TOML text, for the benchmarks."""

from __future__ import annotations

from datetime import date, timedelta


def big_plan_text(
    channels: int = 50,
    goals: int = 100,
    audiences: int = 20,
    checkins: int = 156,
    active: int = 10,
    start: date = date(2023, 11, 27),
    people: int = 0,
    reserve: float = 10,
) -> str:
    """A plan of that size; with ``people``, that many people of 40 / ``people`` hours
    each (the same 40 h as the budget's) owning the channels in turn."""
    out = [
        "# A large plan for benchmarks.",
        "schema = 1",
        'name = "Benchmark plan"',
        "",
        "[purpose]",
        'who = "Everyone"',
        'why = "Benchmarks"',
        "",
        "[budget]",
        "weekly_hours = 40.0   # a full-time team",
        f"reserve_percent = {reserve}",
        f"max_active_channels = {min(20, active)}",
        "",
        "[review]",
        "every_weeks = 4",
        "last = 2026-11-16",
        "",
    ]
    for p in range(people):
        out += [
            "[[people]]",
            f'id = "person-{p}"',
            f'name = "Person {p}"',
            f"weekly_hours = {40 / people}",
            "",
        ]
    for g in range(goals):
        out += [
            "[[goals]]",
            f'id = "goal-{g}"',
            f'title = "Goal number {g}"',
            f'metric = "metric {g}"',
            f"baseline = {g * 10}",
            f"target = {g * 10 + 100}",
            "deadline = 2027-12-31",
            f'horizon = "{"short" if g % 2 else "long"}"',
            f'focus = "{"us" if g % 3 else "them"}"',
            "",
        ]
    for a in range(audiences):
        linked = ", ".join(f'"ch-{(a + k) % channels}"' for k in range(3))
        out += [
            "[[audiences]]",
            f'id = "aud-{a}"',
            f'name = "Audience {a}"',
            f'wants = "Something useful number {a}"',
            f"channels = [{linked}]",
            "",
        ]
    for c in range(channels):
        served = ", ".join(f'"goal-{(c * 2 + k) % goals}"' for k in range(2))
        out += [
            "[[channels]]",
            f'id = "ch-{c}"',
            f'name = "Channel {c}"',
            f'status = "{"active" if c < active else "candidate"}"',
            "posts_per_week = 2",
            "minutes_per_post = 20",
            "engage_minutes_per_week = 30",
            f"goals = [{served}]",
            *([f'owner = "person-{c % people}"'] if people else []),
            "",
        ]
    for w in range(checkins):
        week_day = start + timedelta(weeks=w)
        year, week, _ = week_day.isocalendar()
        hours = ", ".join(f'"ch-{c}" = 1.5' for c in range(active))
        metrics = ", ".join(f'"goal-{g}" = {g * 10 + w % 50}' for g in range(0, goals, 10))
        verdicts = ", ".join(f'"ch-{c}" = "working"' for c in range(active))
        out += [
            "[[checkins]]",
            f'week = "{year}-W{week:02d}"',
            f"hours = {{ {hours} }}",
            f"metrics = {{ {metrics} }}",
            f"verdicts = {{ {verdicts} }}",
            f'note = "Week {w}"',
            "",
        ]
    return "\n".join(out)
