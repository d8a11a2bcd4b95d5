"""The plan as JSON for other tools: plan, budget figures, goal progress, findings.

``docs/export.schema.json`` documents the format. :func:`finding_data` is the
one way a finding becomes data (``socialtui check --format json`` too).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from socialtui.plan.budget import summarize
from socialtui.plan.findings import Finding, check
from socialtui.plan.model import Plan, week_key
from socialtui.plan.numbers import exact, rounded
from socialtui.plan.progress import goal_progress, metric_series

EXPORT_FORMAT = "socialtui-export"
EXPORT_VERSION = 1


def _num(value: float | None) -> int | float | None:
    """A plan number for JSON: integers stay integers."""
    return None if value is None else exact(value)


def _date(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _numbers(table: dict[str, float]) -> dict[str, int | float]:
    return {k: _num(v) for k, v in table.items()}  # type: ignore[misc]


def _plan_data(plan: Plan) -> dict[str, Any]:
    data = _plan_fields(plan)
    if plan.people:  # a plan without people exports as it always did
        data["people"] = [
            {"id": p.id, "name": p.name, "weekly_hours": _num(p.weekly_hours)} for p in plan.people
        ]
        for item, c in zip(data["channels"], plan.channels, strict=True):
            item["owner"] = c.owner or None
    return data


def people_data(plan: Plan) -> list[dict[str, Any]]:
    """Each person's ``id``, ``name``, ``committed_minutes`` and ``capacity_minutes``
    (``check --format json`` and the export's budget)."""
    from socialtui.plan.people import people_loads

    return [
        {
            "id": load.person.id,
            "name": load.person.name,
            "committed_minutes": rounded(load.committed),
            "capacity_minutes": rounded(load.capacity),
        }
        for load in people_loads(plan)
    ]


def _plan_fields(plan: Plan) -> dict[str, Any]:
    p, b, r = plan.purpose, plan.budget, plan.review
    return {
        "schema": plan.schema,
        "name": plan.name,
        "purpose": {"who": p.who, "why": p.why, "what": p.what, "them": p.them},
        "budget": {
            "weekly_hours": _num(b.weekly_hours),
            "reserve_percent": _num(b.reserve_percent),
            "max_active_channels": b.max_active_channels,
            "days": list(b.days),
            "max_minutes_per_day": _num(b.max_minutes_per_day),
            "start": b.start,
            "timezone": b.timezone or None,
        },
        "review": {
            "every_weeks": r.every_weeks,
            "last": _date(r.last),
            "checkin_day": r.checkin_day,
        },
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
                "days": list(c.days),
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


def finding_data(f: Finding) -> dict[str, Any]:
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
                "percent": None if progress is None else rounded(progress.percent),
                "expected_percent": (
                    None
                    if progress is None or progress.expected is None
                    else rounded(100 * progress.expected)
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
    budget = {
        "committed_minutes": rounded(summary.committed),
        "capacity_minutes": rounded(summary.capacity),
        "spare_minutes": rounded(summary.spare),
        "percent": None if percent == float("inf") else rounded(percent),
        "over": summary.over,
        "near": summary.near,
        "active_channels": len(plan.active_channels),
    }
    if plan.people:
        budget["people"] = people_data(plan)
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "as_of": today.isoformat(),
        "plan": _plan_data(plan),
        "budget": budget,
        "progress": _progress_data(plan, today),
        "findings": [finding_data(f) for f in check(plan, today)],
    }


def to_json(plan: Plan, today: date) -> str:
    """The plan, budget, progress and findings as JSON (ASCII only, LF-terminated)."""
    return json.dumps(to_data(plan, today), indent=2, ensure_ascii=True) + "\n"
