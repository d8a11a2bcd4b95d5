"""The POST interview's answers, and the plan they make.

POST: People, Objectives, Strategy, Technology, in that order, channels last.
The screen (:mod:`socialtui.tui.screens.interview`) gathers :class:`Answers`;
:func:`build` turns them into a :class:`~socialtui.plan.model.Plan`, on every
keystroke (the gauge and the findings follow the answers) and once at the end.

Text the user typed is kept exactly as typed, apart from the outer spaces the
forms strip too; nothing made for display flows into the plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .catalog import BY_ID
from .model import Audience, Budget, Channel, Goal, Plan, Purpose, Review, slugify

MAX_AUDIENCES = 3
MAX_GOALS = 3
MAX_ACTIVE = 2
"""Walk before you run: one or two channels active, the rest candidates."""
DEFAULT_HOURS = 3.0


@dataclass(frozen=True, slots=True)
class Shape:
    """A suggested goal for an aim: what to count, what to call it, whose gain it is."""

    metric: str
    title: str
    focus: str


SHAPES: dict[str, tuple[Shape, ...]] = {
    "sales": (
        Shape("orders per month", "More orders", "us"),
        Shape("enquiries per month", "More enquiries", "us"),
    ),
    "sign-ups": (
        Shape("newsletter subscribers", "More newsletter subscribers", "us"),
        Shape("sign-ups per month", "More sign-ups", "us"),
    ),
    "community": (
        Shape("comments per week", "More conversation with them", "them"),
        Shape("members", "A community that grows", "them"),
    ),
    "support": (
        Shape("questions answered per week", "Questions answered where they ask", "them"),
        Shape("replies within a day (%)", "Faster replies", "them"),
    ),
}
AIMS: tuple[str, ...] = tuple(SHAPES)
DEADLINES: tuple[int, ...] = (3, 6, 12)
"""Deadlines offered, in months from today."""


def horizon_for(months: int) -> str:
    """Short for six months or less, else long."""
    return "short" if months <= 6 else "long"


def months_later(today: date, months: int) -> date:
    """The last day of the month ``months`` after ``today``'s month."""
    year, month = divmod(today.month - 1 + months + 1, 12)
    return date(today.year + year, month + 1, 1) - timedelta(days=1)


@dataclass(frozen=True, slots=True)
class AudienceAnswer:
    name: str = ""
    wants: str = ""
    channels: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GoalAnswer:
    aim: str | None = None
    """One of :data:`AIMS`; None: no goal here."""
    shape: int = 0
    """Which of the aim's :data:`SHAPES`."""
    baseline: float | None = None
    target: float | None = None
    months: int = 6
    horizon: str = "short"
    focus: str = "us"


@dataclass(frozen=True, slots=True)
class Answers:
    name: str
    audiences: tuple[AudienceAnswer, ...] = ()
    goals: tuple[GoalAnswer, ...] = ()
    who: str = ""
    why: str = ""
    them: str = ""
    weekly_hours: float = DEFAULT_HOURS
    active: tuple[str, ...] = ()
    """The channels made active (the rest of :func:`where` stay candidates)."""


def where(answers: Answers) -> tuple[str, ...]:
    """The catalog channels the audiences are on, in the order they were named."""
    seen: dict[str, None] = {}
    for audience in answers.audiences:
        if audience.name.strip():
            for channel_id in audience.channels:
                if channel_id in BY_ID:
                    seen.setdefault(channel_id, None)
    return tuple(seen)


def _goals(answers: Answers, today: date) -> tuple[Goal, ...]:
    goals: list[Goal] = []
    for answer in answers.goals:
        if answer.aim not in SHAPES:
            continue
        shapes = SHAPES[answer.aim]
        shape = shapes[min(max(answer.shape, 0), len(shapes) - 1)]
        goal_id = slugify(shape.metric, {g.id for g in goals})
        goals.append(
            Goal(
                id=goal_id,
                title=shape.title,
                metric=shape.metric,
                baseline=answer.baseline,
                target=answer.target,
                deadline=months_later(today, answer.months),
                horizon=answer.horizon,
                focus=answer.focus,
            )
        )
    return tuple(goals)


def _audiences(answers: Answers) -> tuple[Audience, ...]:
    audiences: list[Audience] = []
    for answer in answers.audiences:
        name = answer.name.strip()
        if not name:
            continue
        audience_id = slugify(name, {a.id for a in audiences})
        channels = tuple(c for c in answer.channels if c in BY_ID)
        audiences.append(Audience(audience_id, name, answer.wants.strip(), channels))
    return tuple(audiences)


def channels_for(answers: Answers, goal_ids: tuple[str, ...]) -> tuple[Channel, ...]:
    """Where the audiences are, at the catalog's cadence, serving every goal: the
    ones in ``answers.active`` active (at most :data:`MAX_ACTIVE`), the rest candidates."""
    active = set(answers.active[:MAX_ACTIVE])
    return tuple(
        Channel(
            id=preset.id,
            name=preset.name,
            status="active" if preset.id in active else "candidate",
            posts_per_week=preset.posts_per_week,
            minutes_per_post=preset.minutes_per_post,
            engage_minutes_per_week=preset.engage_minutes_per_week,
            goals=goal_ids,
        )
        for preset in (BY_ID[c] for c in where(answers))
    )


def build(answers: Answers, today: date) -> Plan:
    """The plan the answers make, reviewed ``today``."""
    goals = _goals(answers, today)
    return Plan(
        name=answers.name,
        purpose=Purpose(
            who=answers.who.strip(), why=answers.why.strip(), them=answers.them.strip()
        ),
        budget=Budget(weekly_hours=answers.weekly_hours, max_active_channels=MAX_ACTIVE),
        review=Review(last=today),
        goals=goals,
        audiences=_audiences(answers),
        channels=channels_for(answers, tuple(g.id for g in goals)),
    )
