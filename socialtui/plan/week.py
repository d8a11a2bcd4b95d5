"""The week: which day each post and each engagement minute falls on.

The rules (docs/plan-format.md, "The week"), for the channels whose status is
``active``:

- **Cadence.** ``posts_per_week`` is whole posts every week plus a fraction,
  laid out as one more post every N weeks, N = round(1 / fraction): 0.5 is
  every other week, 0.25 every fourth, 1.5 one post a week and another every
  other week. A fraction that is not one post every whole number of weeks is
  rounded to the nearest that is (0.3 -> every 3 weeks, 0.33 a week), and
  ``cadence-days-mismatch`` says so; less than one post in 52 weeks is none.
- **Which weeks.** Weeks are counted from 1970-W01 (the ISO week that starts
  on Monday 1969-12-29): a post every N weeks falls in the weeks whose count
  is a multiple of N, the same weeks for every channel, whatever today is.
- **Which days.** A channel has one *slot* per post in a week that has them all
  (3 for ``3``, 2 for ``1.5``, 1 for ``0.5``); the every-N-weeks post is the
  last slot. The slots go to the channel's ``days`` (in weekday order) when it
  has them, else to the plan's ``budget.days``: slot j of S over a list of D
  days goes to day ``(2j + 1) × D // (2S)`` of the list, the middle of its
  equal share. 3 over Mon-Fri: Mon, Wed, Fri; 2: Tue, Thu; 1: Wed; 4: Mon,
  Tue, Thu, Fri; 7: Mon, Tue, Tue, Wed, Thu, Thu, Fri.
- **Engagement.** ``engage_minutes_per_week`` is spread evenly over the plan's
  days, every week.
- **A day's block** starts at ``budget.start``: that day's posts one after
  another in the order of the channels, then the check-in (on
  ``review.checkin_day``), then the review (every ``review.every_weeks`` weeks
  from ``review.last``; without one, on the check-in day of the weeks whose
  count is a multiple of ``every_weeks``).

:func:`week_of` gives one ISO week, day by day; :func:`day_loads` the minutes
per weekday in the heaviest week (every post falling); :func:`blocks` the
day's timetable the calendar export writes. Pure: the date is passed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .budget import PRECISION
from .days import DAYS
from .model import WORK_DAYS, Budget, Channel, Plan, Review, week_monday

__all__ = [
    "CADENCE_TOLERANCE",
    "CHECKIN_MINUTES",
    "DAY_NAMES",
    "EPOCH",
    "EVERY_MAX",
    "REVIEW_MINUTES",
    "Block",
    "Cadence",
    "ChannelDay",
    "Day",
    "Posting",
    "Week",
    "blocks",
    "cadence",
    "channel_postings",
    "day_indexes",
    "day_loads",
    "first_on_or_after",
    "is_review_day",
    "next_review",
    "plan_days",
    "posting_days",
    "postings",
    "spread",
    "start_minutes",
    "week_number",
    "week_of",
]

DAY_NAMES: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
EPOCH = date(1969, 12, 29)
"""The Monday of 1970-W01: week 0 of the count that every-N-weeks posts follow."""
EVERY_MAX = 52
"""A fraction of a post rarer than once in this many weeks is laid out as none."""
CADENCE_TOLERANCE = 0.005
"""posts_per_week this close to what the week lays out (a post in 200 weeks) matches it."""
CHECKIN_MINUTES = 15
REVIEW_MINUTES = 60


# --- cadence -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cadence:
    """``weekly`` posts every week, and one more every ``every`` weeks (0: none)."""

    weekly: int
    every: int = 0

    @property
    def per_week(self) -> float:
        """The posts a week this lays out, on average."""
        return self.weekly + (1 / self.every if self.every else 0)

    @property
    def slots(self) -> int:
        """Posts in a week that has them all: the posting days it asks for."""
        return self.weekly + (1 if self.every else 0)

    def posts_in(self, number: int) -> int:
        """Posts in week ``number`` (counted from :data:`EPOCH`)."""
        return self.weekly + (1 if self.every and number % self.every == 0 else 0)

    def describe(self) -> str:
        """ "3 posts a week", "1 post every 2 weeks", "1 post a week and 1 more every 2 weeks"."""
        if not self.every:
            return _posts(self.weekly) + " a week"
        if not self.weekly:
            return f"1 post every {self.every} weeks"
        return f"{_posts(self.weekly)} a week and 1 more every {self.every} weeks"


def _posts(n: int) -> str:
    return "1 post" if n == 1 else f"{n} posts"


def cadence(posts_per_week: float) -> Cadence:
    """The cadence the week lays out for ``posts_per_week`` (see the module's rules)."""
    whole = int(posts_per_week)
    fraction = posts_per_week - whole
    if fraction <= 0:
        return Cadence(whole)
    every = round(1 / fraction)
    if every <= 1:
        return Cadence(whole + 1)
    if every > EVERY_MAX:
        return Cadence(whole)
    return Cadence(whole, every)


# --- days --------------------------------------------------------------------------


def day_indexes(names: tuple[str, ...]) -> tuple[int, ...]:
    """Day names -> their indexes (Monday 0), in weekday order, each once; unknown ones left out."""
    return tuple(i for i, name in enumerate(DAYS) if name in names)


def plan_days(budget: Budget) -> tuple[int, ...]:
    """The plan's days (Monday 0), in weekday order; Mon-Fri when it names none."""
    return day_indexes(budget.days) or day_indexes(WORK_DAYS)


def spread(count: int, days: tuple[int, ...]) -> tuple[int, ...]:
    """``count`` items over ``days``: item j to ``days[(2j + 1) * D // (2 * count)]``."""
    width = len(days)
    if not width:
        return ()
    return tuple(days[(2 * j + 1) * width // (2 * count)] for j in range(count))


@dataclass(frozen=True, slots=True)
class Posting:
    """A channel's posts on one day of the week, in the weeks they fall."""

    channel: str
    day: int
    """0 for Monday ... 6 for Sunday."""
    posts: int
    every: int
    """1: every week; N: every N weeks (the weeks whose count is a multiple of N)."""
    minutes: float
    """posts x minutes_per_post."""


def posting_days(plan: Plan, channel: Channel) -> tuple[int, ...]:
    """The day of each of the channel's slots, the every-N-weeks one last."""
    days = day_indexes(channel.days) or plan_days(plan.budget)
    return spread(cadence(channel.posts_per_week).slots, days)


def channel_postings(plan: Plan, channel: Channel) -> tuple[Posting, ...]:
    """The channel's posts grouped by day: weekly ones first, then the every-N-weeks one."""
    beat = cadence(channel.posts_per_week)
    slots = posting_days(plan, channel)
    weekly: dict[int, int] = {}
    for day in slots[: beat.weekly]:
        weekly[day] = weekly.get(day, 0) + 1
    out = [
        Posting(channel.id, day, n, 1, round(n * channel.minutes_per_post, PRECISION))
        for day, n in weekly.items()
    ]
    if beat.every:
        out.append(Posting(channel.id, slots[-1], 1, beat.every, channel.minutes_per_post))
    return tuple(out)


def postings(plan: Plan) -> tuple[Posting, ...]:
    """Every active channel's postings, in the order of the channels."""
    return tuple(p for c in plan.active_channels for p in channel_postings(plan, c))


def day_loads(plan: Plan, number: int | None = 0) -> tuple[float, ...]:
    """Planned minutes per weekday (Monday first) in week ``number``.

    Week 0 (the default) is a week in which every post falls, the heaviest;
    ``None`` counts the weekly posts only, the lightest.
    """
    loads = [0.0] * 7
    days = plan_days(plan.budget)
    for channel in plan.active_channels:
        if channel.engage_minutes_per_week:
            share = channel.engage_minutes_per_week / len(days)
            for day in days:
                loads[day] += share
        for posting in channel_postings(plan, channel):
            if posting.every == 1 or (number is not None and number % posting.every == 0):
                loads[posting.day] += posting.minutes
    return tuple(round(load, PRECISION) for load in loads)


# --- weeks and dates ---------------------------------------------------------------


def week_number(day: date) -> int:
    """Weeks from 1970-W01 to the ISO week of ``day``."""
    return (day - EPOCH).days // 7


def first_on_or_after(day: date, weekday: int, every: int = 1) -> date:
    """The first date on or after ``day`` that falls on ``weekday`` in a week whose
    count is a multiple of ``every``."""
    candidate = day + timedelta(days=(weekday - day.weekday()) % 7)
    late = week_number(candidate) % every
    if late:
        candidate += timedelta(weeks=every - late)
    return candidate


def _checkin_index(review: Review) -> int:
    return DAYS.index(review.checkin_day) if review.checkin_day in DAYS else DAYS.index("fri")


def is_review_day(review: Review, day: date) -> bool:
    """A review falls on ``day``: every ``every_weeks`` weeks after ``last``; without
    ``last``, the check-in day of the weeks whose count is a multiple of ``every_weeks``."""
    if review.last is not None:
        days = (day - review.last).days
        return days > 0 and days % (7 * review.every_weeks) == 0
    return day.weekday() == _checkin_index(review) and week_number(day) % review.every_weeks == 0


def next_review(review: Review, day: date) -> date:
    """The first review on or after ``day``."""
    if review.last is not None:
        period = 7 * review.every_weeks
        first = review.last + timedelta(days=period)
        if first >= day:
            return first
        behind = (day - first).days
        return first + timedelta(days=-(-behind // period) * period)
    return first_on_or_after(day, _checkin_index(review), review.every_weeks)


# --- one week, day by day ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChannelDay:
    """One channel's work on one day."""

    channel: str
    posts: int
    post_minutes: float
    engage_minutes: float

    @property
    def minutes(self) -> float:
        return round(self.post_minutes + self.engage_minutes, PRECISION)


@dataclass(frozen=True, slots=True)
class Day:
    """One day of a week: each channel's work, the total against the limit."""

    date: date
    work_day: bool
    """Among the plan's days (``budget.days``)."""
    channels: tuple[ChannelDay, ...]
    """The channels with work that day, in the order of the plan."""
    limit: float | None
    checkin: bool
    review: bool

    @property
    def day(self) -> int:
        return self.date.weekday()

    @property
    def name(self) -> str:
        return DAY_NAMES[self.day]

    @property
    def minutes(self) -> float:
        return round(sum(c.post_minutes + c.engage_minutes for c in self.channels), PRECISION)

    @property
    def posts(self) -> int:
        return sum(c.posts for c in self.channels)

    @property
    def over(self) -> bool:
        return self.limit is not None and self.minutes > self.limit


@dataclass(frozen=True, slots=True)
class Week:
    """One ISO week of the plan, Monday to Sunday."""

    week: str
    days: tuple[Day, ...]

    @property
    def minutes(self) -> float:
        return round(sum(d.minutes for d in self.days), PRECISION)

    @property
    def over(self) -> tuple[Day, ...]:
        return tuple(d for d in self.days if d.over)


def week_of(plan: Plan, week: str) -> Week:
    """The ISO week ``week`` ("2026-W48") of ``plan``, day by day. ValueError for a bad week."""
    monday = week_monday(week)
    number = week_number(monday)
    work = plan_days(plan.budget)
    per_day: list[list[ChannelDay]] = [[] for _ in range(7)]
    for channel in plan.active_channels:
        posts = [0] * 7
        post_minutes = [0.0] * 7
        for posting in channel_postings(plan, channel):
            if number % posting.every == 0:
                posts[posting.day] += posting.posts
                post_minutes[posting.day] += posting.minutes
        engage = channel.engage_minutes_per_week / len(work)
        for day in range(7):
            engaged = engage if day in work else 0.0
            if posts[day] or post_minutes[day] or engaged:
                per_day[day].append(
                    ChannelDay(
                        channel.id,
                        posts[day],
                        round(post_minutes[day], PRECISION),
                        round(engaged, PRECISION),
                    )
                )
    checkin = _checkin_index(plan.review)
    limit = plan.budget.max_minutes_per_day
    days = []
    for day in range(7):
        when = monday + timedelta(days=day)
        days.append(
            Day(
                when,
                day in work,
                tuple(per_day[day]),
                limit,
                day == checkin,
                is_review_day(plan.review, when),
            )
        )
    return Week(week, tuple(days))


# --- the day's timetable -----------------------------------------------------------


def start_minutes(budget: Budget) -> int:
    """``budget.start`` ("09:00") as minutes after midnight."""
    hours, _, minutes = budget.start.partition(":")
    try:
        return int(hours) * 60 + int(minutes)
    except ValueError:
        return 9 * 60


@dataclass(frozen=True, slots=True)
class Block:
    """One block of a weekday's timetable: a channel's posts, the check-in or the review."""

    kind: str
    """``post``, ``checkin`` or ``review``."""
    day: int
    start: float
    """Minutes after midnight."""
    minutes: float
    posting: Posting | None = None


def blocks(plan: Plan, review_day: int | None = None) -> tuple[Block, ...]:
    """Each weekday's blocks, one after another from ``budget.start``: the posts (in
    the order of the channels, weekly before every-N-weeks), the check-in, then the
    review when ``review_day`` (its weekday) is that day. A block of posts that fall
    only some weeks keeps its place in the other weeks."""
    start = start_minutes(plan.budget)
    checkin = _checkin_index(plan.review)
    by_day: list[list[Posting]] = [[] for _ in range(7)]
    for posting in postings(plan):
        by_day[posting.day].append(posting)
    out: list[Block] = []
    for day in range(7):
        clock = float(start)
        for posting in sorted(by_day[day], key=lambda p: p.every != 1):
            out.append(Block("post", day, clock, posting.minutes, posting))
            clock += posting.minutes
        if day == checkin:
            out.append(Block("checkin", day, clock, CHECKIN_MINUTES))
            clock += CHECKIN_MINUTES
        if day == review_day:
            out.append(Block("review", day, clock, REVIEW_MINUTES))
    return tuple(out)
