"""Small factories for building plans in unit tests. Every number is explicit."""

from __future__ import annotations

from datetime import date

from socialtui.plan.model import Audience, Budget, Channel, CheckIn, Goal, Plan, Purpose, Review


def channel(
    id: str = "ig",
    *,
    name: str | None = None,
    status: str = "active",
    posts: float = 3,
    minutes: float = 40,
    engage: float = 60,
    goals: tuple[str, ...] = (),
) -> Channel:
    return Channel(
        id=id,
        name=name or id.title(),
        status=status,
        posts_per_week=posts,
        minutes_per_post=minutes,
        engage_minutes_per_week=engage,
        goals=goals,
    )


def goal(
    id: str = "g1",
    *,
    title: str | None = None,
    metric: str = "followers",
    baseline: float | None = 100,
    target: float | None = 200,
    deadline: date | None = date(2026, 12, 31),
    horizon: str | None = None,
    focus: str | None = None,
) -> Goal:
    return Goal(
        id=id,
        title=title or id.upper(),
        metric=metric,
        baseline=baseline,
        target=target,
        deadline=deadline,
        horizon=horizon,
        focus=focus,
    )


def audience(id: str = "a1", *, name: str | None = None, channels=()) -> Audience:
    return Audience(id=id, name=name or id.upper(), channels=tuple(channels))


def checkin(week: str, *, hours=None, metrics=None, verdicts=None) -> CheckIn:
    return CheckIn(
        week=week,
        hours=dict(hours or {}),
        metrics=dict(metrics or {}),
        verdicts=dict(verdicts or {}),
    )


def plan(
    *,
    channels=(),
    goals=(),
    audiences=(),
    checkins=(),
    hours: float = 5,
    reserve: float = 10,
    max_active: int = 2,
    every_weeks: int = 4,
    last_review: date | None = None,
    checkin_day: str = "fri",
    purpose: Purpose | None = None,
) -> Plan:
    return Plan(
        name="Test plan",
        purpose=purpose or Purpose(),
        budget=Budget(weekly_hours=hours, reserve_percent=reserve, max_active_channels=max_active),
        review=Review(every_weeks=every_weeks, last=last_review, checkin_day=checkin_day),
        goals=tuple(goals),
        audiences=tuple(audiences),
        channels=tuple(channels),
        checkins=tuple(checkins),
    )


def healthy_plan(**overrides) -> Plan:
    """A plan that raises no finding on 2026-03-04 (a purpose, one goal, one channel,
    one audience)."""
    kwargs = dict(
        purpose=Purpose(who="Neighbours", why="Be known locally"),
        channels=(channel("ig", posts=2, minutes=30, engage=60, goals=("g1",)),),
        goals=(goal("g1"),),
        audiences=(audience("a1", channels=("ig",)),),
    )
    kwargs.update(overrides)
    return plan(**kwargs)
