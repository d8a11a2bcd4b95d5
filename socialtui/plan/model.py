"""The plan, as frozen dataclasses.

This module is the vocabulary of socialtui. It imports nothing from the UI or
from the file layer: a :class:`Plan` is plain data that every other part reads.
Edits never mutate a plan; they build a new one with :func:`dataclasses.replace`
(see the ``with_*`` helpers below).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Literal

from .days import DEFAULT_CHECKIN_DAY

SCHEMA_VERSION = 1
"""The newest plan file format this version of socialtui reads and writes."""

Status = Literal["candidate", "active", "later", "dropped"]
Verdict = Literal["working", "unsure", "not-working"]
Horizon = Literal["short", "long"]
Focus = Literal["us", "them"]

STATUSES: tuple[str, ...] = ("candidate", "active", "later", "dropped")
VERDICTS: tuple[str, ...] = ("working", "unsure", "not-working")
HORIZONS: tuple[str, ...] = ("short", "long")
FOCUSES: tuple[str, ...] = ("us", "them")

SLUG_RE = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
SLUG_MAX = 40
WEEK_RE = re.compile(r"([0-9]{4})-W([0-9]{2})\Z")

# Ranges from plan-format.md, shared by the loader and the forms.
# (low, high, low_inclusive)
RANGES: dict[str, tuple[float, float, bool]] = {
    "weekly_hours": (0, 168, False),
    "reserve_percent": (0, 90, True),
    "max_active_channels": (1, 20, True),
    "every_weeks": (1, 52, True),
    "posts_per_week": (0, 500, True),
    "minutes_per_post": (0, 1440, True),
    "engage_minutes_per_week": (0, 10080, True),
    "checkin_hours": (0, 168, True),
    "max_minutes_per_day": (0, 1440, False),
    "person_hours": (0, 168, True),
}
NAME_MAX = 200

WORK_DAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri")
"""The plan's days when ``budget.days`` is not given."""
DEFAULT_START = "09:00"
START_RE = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]\Z")


@dataclass(frozen=True, slots=True)
class Purpose:
    """Who / why / what / what's in it for them (P3)."""

    who: str = ""
    why: str = ""
    what: str = ""
    them: str = ""


@dataclass(frozen=True, slots=True)
class Budget:
    """The hours the plan may spend each week (P5)."""

    weekly_hours: float | None = 5.0
    """The team's hours a week; None only when the plan lists people (their sum counts)."""
    reserve_percent: float = 10
    max_active_channels: int = 2
    days: tuple[str, ...] = WORK_DAYS
    """The days of the week given to social media ("mon" ... "sun")."""
    max_minutes_per_day: float | None = None
    """A boundary: more planned minutes on one day -> ``day-over-limit``."""
    start: str = DEFAULT_START
    """When each day's block starts, "HH:MM" local time."""
    timezone: str = ""
    """An IANA time zone for the calendar export; empty: floating local time."""


@dataclass(frozen=True, slots=True)
class Review:
    """How often the plan is revisited (P8)."""

    every_weeks: int = 4
    last: date | None = None
    checkin_day: str = DEFAULT_CHECKIN_DAY
    """The day of the week a check-in is due ("mon" ... "sun")."""


@dataclass(frozen=True, slots=True)
class Goal:
    """A measurable objective; its position in ``Plan.goals`` is its priority."""

    id: str
    title: str
    metric: str = ""
    baseline: float | None = None
    target: float | None = None
    deadline: date | None = None
    horizon: str | None = None
    focus: str | None = None


@dataclass(frozen=True, slots=True)
class Audience:
    """A segment; ``channels`` are where they already spend time."""

    id: str
    name: str
    wants: str = ""
    channels: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Person:
    """Someone who does the work: the hours they have for social media each week."""

    id: str
    name: str
    weekly_hours: float = 0


@dataclass(frozen=True, slots=True)
class Channel:
    """A channel on the shortlist, with its cadence and effort."""

    id: str
    name: str
    status: str = "candidate"
    posts_per_week: float = 0
    minutes_per_post: float = 0
    engage_minutes_per_week: float = 0
    goals: tuple[str, ...] = ()
    notes: str = ""
    days: tuple[str, ...] = ()
    """Posting days ("mon" ... "sun"); empty: spread over the plan's days."""
    owner: str = ""
    """The id of the person who does this channel's work; empty: nobody named."""

    @property
    def active(self) -> bool:
        return self.status == "active"


@dataclass(frozen=True, slots=True)
class CheckIn:
    """One ISO week of reality: hours spent, metric values, verdicts, a note."""

    week: str
    hours: dict[str, float] = field(default_factory=dict)
    metrics: dict[str, float] = field(default_factory=dict)
    verdicts: dict[str, str] = field(default_factory=dict)
    note: str = ""


@dataclass(frozen=True, slots=True)
class Plan:
    """A whole social media plan."""

    name: str
    schema: int = SCHEMA_VERSION
    purpose: Purpose = field(default_factory=Purpose)
    budget: Budget = field(default_factory=Budget)
    review: Review = field(default_factory=Review)
    goals: tuple[Goal, ...] = ()
    audiences: tuple[Audience, ...] = ()
    channels: tuple[Channel, ...] = ()
    checkins: tuple[CheckIn, ...] = ()
    people: tuple[Person, ...] = ()

    # -- lookups -----------------------------------------------------------
    @property
    def active_channels(self) -> tuple[Channel, ...]:
        return tuple(c for c in self.channels if c.status == "active")

    def goal(self, goal_id: str) -> Goal | None:
        return next((g for g in self.goals if g.id == goal_id), None)

    def channel(self, channel_id: str) -> Channel | None:
        return next((c for c in self.channels if c.id == channel_id), None)

    def audience(self, audience_id: str) -> Audience | None:
        return next((a for a in self.audiences if a.id == audience_id), None)

    def person(self, person_id: str) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)

    def checkin(self, week: str) -> CheckIn | None:
        return next((c for c in self.checkins if c.week == week), None)

    def goal_rank(self, goal_id: str) -> int | None:
        """0 for the top goal; None for an unknown id."""
        for index, goal in enumerate(self.goals):
            if goal.id == goal_id:
                return index
        return None

    # -- edits: each returns a new plan -------------------------------------
    def with_channel(self, channel: Channel, *, old_id: str | None = None) -> Plan:
        """Replace the channel with id ``old_id or channel.id``, or append it."""
        return replace(self, channels=_upsert(self.channels, channel, old_id))

    def with_goal(self, goal: Goal, *, old_id: str | None = None) -> Plan:
        return replace(self, goals=_upsert(self.goals, goal, old_id))

    def with_audience(self, audience: Audience, *, old_id: str | None = None) -> Plan:
        return replace(self, audiences=_upsert(self.audiences, audience, old_id))

    def with_person(self, person: Person, *, old_id: str | None = None) -> Plan:
        return replace(self, people=_upsert(self.people, person, old_id))

    def with_checkin(self, checkin: CheckIn) -> Plan:
        """Replace this week's check-in or add it, keeping weeks in order."""
        existing = [c for c in self.checkins if c.week != checkin.week]
        if len(existing) == len(self.checkins):
            # New week: append, then keep the list sorted (oldest first).
            items = sorted([*self.checkins, checkin], key=lambda c: week_key(c.week))
        else:
            items = [checkin if c.week == checkin.week else c for c in self.checkins]
        return replace(self, checkins=tuple(items))


def _upsert(items: tuple, item, old_id: str | None) -> tuple:
    key = old_id if old_id is not None else item.id
    out = list(items)
    for index, existing in enumerate(out):
        if existing.id == key:
            out[index] = item
            return tuple(out)
    out.append(item)
    return tuple(out)


def is_slug(value: str) -> bool:
    return len(value) <= SLUG_MAX and SLUG_RE.match(value) is not None


def slugify(text: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """A valid, unused id made from ``text`` ("Corner Bakery!" -> "corner-bakery")."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:SLUG_MAX].strip("-")
    if not slug:
        slug = "item"
    candidate, n = slug, 2
    while candidate in taken:
        suffix = f"-{n}"
        candidate = slug[: SLUG_MAX - len(suffix)] + suffix
        n += 1
    return candidate


@lru_cache(maxsize=8192)
def parse_week(text: str) -> tuple[int, int] | None:
    """``"2026-W48"`` -> ``(2026, 48)``; None unless it names a real ISO week."""
    match = WEEK_RE.match(text)
    if not match:
        return None
    year, week = int(match.group(1)), int(match.group(2))
    if week < 1:
        return None
    try:
        date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    return year, week


def week_key(text: str) -> tuple[int, int]:
    """Sort key for week strings; malformed ones sort first."""
    return parse_week(text) or (0, 0)


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_monday(text: str) -> date:
    parsed = parse_week(text)
    if parsed is None:
        raise ValueError(f"not an ISO week: {text!r}")
    return date.fromisocalendar(parsed[0], parsed[1], 1)
