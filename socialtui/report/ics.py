"""The plan in the calendar people live in: an iCalendar file (RFC 5545).

One weekly recurring event per active channel and posting day (RRULE
FREQ=WEEKLY with BYDAY; INTERVAL=N for a post every N weeks), lasting its posts'
minutes; a weekly check-in on ``review.checkin_day``; a review every
``review.every_weeks`` weeks. Each day's events follow one another from
``budget.start`` as :func:`socialtui.plan.week.blocks` lays them out, in
floating local time, or in ``budget.timezone`` (with its VTIMEZONE) when the
plan names one. Each series starts on its first occurrence on or after the
export date.

Importing the file again updates the events instead of adding copies: a UID is
made of what the event is (``post``, the channel's id and the day; ``checkin``;
``review``) and a digest of the plan's name, never of the time or of chance.
DTSTAMP is the export date at midnight UTC, so the same plan exported on the
same day gives the same bytes.

Text is cleaned of control characters (:func:`socialtui.safe.plain`); the
library (``icalendar``) escapes, folds and ends lines with CRLF. It is imported
when a calendar is made, not before.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from socialtui.plan.days import DAYS
from socialtui.plan.model import Channel, Plan
from socialtui.plan.numbers import format_number
from socialtui.plan.week import (
    CHECKIN_MINUTES,
    REVIEW_MINUTES,
    Block,
    cadence,
    first_on_or_after,
    next_review,
)
from socialtui.plan.week import blocks as day_blocks
from socialtui.safe import plain

PRODID = "-//socialtui//socialtui//EN"
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def plan_key(plan: Plan) -> str:
    """What ties a UID to its plan: a digest of the plan's name."""
    return hashlib.sha256(plan.name.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _at(day: date, minutes: float, tz: Any) -> datetime:
    return datetime.combine(day, time(), tzinfo=tz) + timedelta(minutes=minutes)


def _event(
    uid: str, summary: str, description: str, start: datetime, minutes: float, every: int
) -> Any:
    from icalendar import Event

    event = Event()
    event.add("uid", uid)
    event.add("summary", summary)
    event.add("description", description)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=minutes))
    rule: dict[str, Any] = {"freq": "weekly"}
    if every > 1:
        rule["interval"] = every
    rule["byday"] = BYDAY[start.weekday()]
    event.add("rrule", rule)
    return event


def _post_text(plan: Plan, channel: Channel, posts: int, every: int) -> tuple[str, str]:
    name = plain(channel.name)
    what = "post" if posts == 1 else f"{posts} posts"
    summary = f"{name}: {what}" + (f" (every {every} weeks)" if every > 1 else "")
    titles = [plain(g.title) for g in plan.goals if g.id in channel.goals]
    lines = [
        f"{name}: {cadence(channel.posts_per_week).describe()}, "
        f"{format_number(channel.minutes_per_post)} minutes each.",
        f"Serves: {'; '.join(titles)}." if titles else "Serves no goal yet.",
    ]
    if channel.notes.strip():
        lines.append(f"Notes: {plain(channel.notes)}")
    lines.append(f"From the socialtui plan '{plain(plan.name)}'.")
    return summary, "\n".join(lines)


def _posts(plan: Plan, block: Block, today: date, tz: Any, key: str, seen: set) -> Any:
    posting = block.posting
    assert posting is not None
    channel = plan.channel(posting.channel)
    assert channel is not None
    name = f"post-{channel.id}-{DAYS[posting.day]}"
    if name in seen:  # a post every N weeks on a day that has weekly ones too
        name += "-extra"
    seen.add(name)
    summary, description = _post_text(plan, channel, posting.posts, posting.every)
    first = first_on_or_after(today, posting.day, posting.every)
    start = _at(first, block.start, tz)
    return _event(
        f"{name}-{key}@socialtui", summary, description, start, block.minutes, posting.every
    )


def to_ics(plan: Plan, today: date) -> str:
    """``plan`` as an iCalendar file, its series starting on or after ``today``."""
    from icalendar import Calendar

    tz = None
    if plan.budget.timezone:
        from zoneinfo import ZoneInfo

        tz = ZoneInfo(plan.budget.timezone)
    key = plan_key(plan)
    stamp = datetime.combine(today, time(), tzinfo=UTC)
    review = next_review(plan.review, today)
    name = plain(plan.name)

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"socialtui: {name}")
    seen: set[str] = set()
    for block in day_blocks(plan, review.weekday()):
        if block.kind == "post":
            event = _posts(plan, block, today, tz, key, seen)
        elif block.kind == "checkin":
            first = first_on_or_after(today, block.day)
            event = _event(
                f"checkin-{key}@socialtui",
                f"Check-in: {name}",
                "The weekly check-in: the hours each channel took, the goals' numbers, "
                "a verdict per channel (socialtui checkin, or c in the app).",
                _at(first, block.start, tz),
                CHECKIN_MINUTES,
                1,
            )
        else:
            every = plan.review.every_weeks
            event = _event(
                f"review-{key}@socialtui",
                f"Review: {name}",
                f"Every {every} week{'s' if every != 1 else ''}: are the goals, audiences, "
                "channels and budget still right? (r in the app)",
                _at(review, block.start, tz),
                REVIEW_MINUTES,
                every,
            )
        event.add("dtstamp", stamp)
        calendar.add_component(event)
    if tz is not None:
        calendar.add_missing_timezones()
    return calendar.to_ical().decode("utf-8")
