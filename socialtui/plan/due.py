"""What is due for a plan on a date: this week's check-in, weeks missed, the review, findings.

The rules (the README's "Reminders" says them to users):

- **This week's check-in** is due once the plan's check-in day
  (``review.checkin_day``, Friday unless the file says otherwise) has come in
  the current ISO week and the week has no check-in. A plan without any
  check-in is no exception: its first check-in is due on its first check-in
  day, since a plan is run week by week from the start; no earlier week counts
  as missed for it, as nothing says when it started.
- **Missed weeks**: the ISO weeks after the plan's first check-in and before
  the current week that have none, counted (whatever the day: an earlier
  week's check-in day has passed).
- **The review** is due from ``review.last`` + ``review.every_weeks`` on, the
  day itself included (the ``review-overdue`` finding speaks from the day
  after). A plan never reviewed has no due date, as for the finding.
- **Findings**: every error, and the *new* warnings. A warning is new when the
  plan has it as of its latest check-in and did not have it as of the check-in
  before: what the latest check-in brought up (``estimate-low`` after a third
  week over the estimate, a goal fallen behind its pace). "As of a check-in"
  is the plan as it is now, with only the check-ins up to that one, judged on
  that week's check-in day; as of the first check-in, the plan without
  check-ins is the one before. Warnings seen at an earlier check-in are not
  repeated; an error is, until it is fixed. ``review-overdue`` and
  ``checkin-missing`` are left out: the lines above say the same from today's
  date. Without check-ins, only errors, judged on the day asked.

Findings depend on the plan and its check-ins, not on today's date (with
check-ins): :func:`rhythm` works them out once per version of a plan file into
a :class:`Rhythm` of plain numbers and strings, which ``socialtui due`` may
keep between runs; :func:`due` then answers for any date in microseconds.

Imports only ``datetime`` at the top (what the start of ``socialtui due``
loads); :func:`rhythm` imports the findings when it runs.
"""

from __future__ import annotations

from datetime import date, timedelta

from .days import DAY_LABELS, DAYS, day_index
from .record import Record

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing at start
if TYPE_CHECKING:
    from .findings import Finding
    from .model import Plan

SHOWN_WEEKS = 3
"""Missed weeks listed by name; beyond that, the first two, an ellipsis and the last."""
LEFT_OUT = frozenset({"review-overdue", "checkin-missing"})
"""Findings that the dated lines (review due, check-in due) already say from today."""


# -- weeks as numbers -------------------------------------------------------------------------


def week_number(day: date) -> int:
    """The ISO week ``day`` falls in, as a number: consecutive weeks, consecutive numbers.

    Day 1 of the proleptic calendar (0001-01-01) is a Monday, so whole weeks of
    ordinals are ISO weeks.
    """
    return (day.toordinal() - 1) // 7


def week_monday(number: int) -> date:
    return date.fromordinal(number * 7 + 1)


def week_name(number: int) -> str:
    """``"2026-W48"`` for a :func:`week_number`."""
    year, week, _ = week_monday(number).isocalendar()
    return f"{year}-W{week:02d}"


# -- what is due -------------------------------------------------------------------------------


class Due(Record):
    """One thing due: its kind, the line people read, and the data scripts read."""

    __slots__ = ("data", "kind", "text")

    def __init__(self, kind: str, text: str, **data: object) -> None:
        self.kind = kind
        self.text = text
        self.data = data

    def as_json(self) -> dict[str, object]:
        return {"kind": self.kind, **self.data, "text": self.text}


def checkins_due(weeks: tuple[int, ...], checkin_day: int, today: date) -> list[Due]:
    """This week's check-in and the weeks missed since the first, for recorded ``weeks``
    (:func:`week_number` values) and a check-in day (0 Monday ... 6 Sunday)."""
    current = week_number(today)
    recorded = set(weeks)
    out = []
    if current not in recorded and today.weekday() >= checkin_day:
        week = week_name(current)
        out.append(
            Due(
                "checkin",
                f"check-in for {week} not recorded (due {DAY_LABELS[checkin_day]})",
                week=week,
                day=DAYS[checkin_day],
                first=not recorded,
            )
        )
    if recorded:
        missed = [week_name(n) for n in range(min(recorded) + 1, current) if n not in recorded]
        if missed:
            out.append(
                Due(
                    "missed-checkins",
                    f"{_weeks(len(missed), 'earlier week')} not recorded: {_listed(missed)}",
                    count=len(missed),
                    weeks=missed,
                )
            )
    return out


def review_due(every_weeks: int, last: date | None, today: date) -> Due | None:
    """The review, due ``every_weeks`` after ``last`` (never, without ``last``)."""
    if last is None:
        return None
    due_on = last + timedelta(weeks=every_weeks)
    if today < due_on:
        return None
    return Due(
        "review",
        f"review due since {due_on.isoformat()} (every {_weeks(every_weeks, 'week', one='')})",
        due=due_on.isoformat(),
        last=last.isoformat(),
        every_weeks=every_weeks,
    )


def _weeks(count: int, noun: str, one: str = "1 ") -> str:
    if count == 1:
        return f"{one}{noun}"
    return f"{count} {noun}s"


def _listed(weeks: list[str]) -> str:
    if len(weeks) <= SHOWN_WEEKS:
        return ", ".join(weeks)
    return f"{weeks[0]}, {weeks[1]}, … {weeks[-1]}"


# -- findings ----------------------------------------------------------------------------------


class Noted(Record):
    """A finding ``due`` reports: an error, or a warning new with the check-in ``week``."""

    __slots__ = ("id", "label", "message", "severity", "subject", "week")

    def __init__(
        self,
        severity: str,
        id: str,
        subject: str,
        label: str | None,
        message: str,
        week: str | None,
    ) -> None:
        self.severity = severity
        self.id = id
        self.subject = subject
        self.label = label  # the subject's name ("Instagram"), when it names an item
        self.message = message
        self.week = week  # the check-in that brought a new warning; None for an error

    def as_tuple(self) -> tuple[str, str, str, str | None, str, str | None]:
        return (self.severity, self.id, self.subject, self.label, self.message, self.week)

    def due(self) -> Due:
        if self.week is None:
            text = f"{self.id}: {self.message}"
        else:
            on = f" on {self.label}" if self.label else ""
            text = f"{self.id}{on}, new with the {self.week} check-in"
        return Due(
            "finding",
            text,
            id=self.id,
            severity=self.severity,
            subject=self.subject,
            message=self.message,
            new=self.week is not None,
            week=self.week,
        )


def noted_findings(plan: Plan, today: date) -> tuple[Noted, ...]:
    """The errors and new warnings of ``plan`` (see the module's rules); ``today``
    matters only for a plan without check-ins."""
    from dataclasses import replace

    from .findings import check
    from .model import parse_week

    weeks = sorted({p for c in plan.checkins if (p := parse_week(c.week))})
    if not weeks:
        return tuple(_noted(plan, f, None) for f in check(plan, today) if f.severity == "error")
    day = day_index(plan.review.checkin_day)
    latest = weeks[-1]
    latest_name = f"{latest[0]}-W{latest[1]:02d}"
    now = check(plan, _checkin_date(latest, day))
    before_plan = replace(
        plan, checkins=tuple(c for c in plan.checkins if parse_week(c.week) != latest)
    )
    before_day = _checkin_date(weeks[-2] if len(weeks) > 1 else latest, day)
    before = {(f.id, f.subject) for f in check(before_plan, before_day)}
    out = []
    for finding in now:
        if finding.severity == "error":
            out.append(_noted(plan, finding, None))
        elif (
            finding.severity == "warning"
            and finding.id not in LEFT_OUT
            and (finding.id, finding.subject) not in before
        ):
            out.append(_noted(plan, finding, latest_name))
    return tuple(out)


def _checkin_date(week: tuple[int, int], day: int) -> date:
    return date.fromisocalendar(week[0], week[1], day + 1)


def _noted(plan: Plan, finding: Finding, week: str | None) -> Noted:
    return Noted(
        finding.severity,
        finding.id,
        finding.subject,
        subject_label(plan, finding.subject),
        finding.message,
        week,
    )


def subject_label(plan: Plan, subject: str) -> str | None:
    """The name of what ``subject`` names (``channel:instagram`` -> ``Instagram``), if any."""
    kind, _, ident = subject.partition(":")
    if kind == "channel":
        channel = plan.channel(ident)
        return channel.name if channel else ident
    if kind == "goal":
        goal = plan.goal(ident)
        return goal.title if goal else ident
    if kind == "audience":
        audience = plan.audience(ident)
        return audience.name if audience else ident
    if kind == "checkin":
        return f"the {ident} check-in"
    return None


# -- a plan's rhythm, and what is due on a date ---------------------------------------------


class Rhythm(Record):
    """What the due rules need from a plan, in plain numbers and strings.

    ``weeks`` are the recorded check-in weeks (:func:`week_number`), sorted;
    ``checkin_day`` 0 (Monday) to 6; ``last_review`` a date ordinal or None;
    ``findings`` the noted findings; ``judged_on`` the date ordinal they were
    judged on when that matters (a plan without check-ins), else None.
    """

    __slots__ = ("checkin_day", "every_weeks", "findings", "judged_on", "last_review", "weeks")

    def __init__(
        self,
        weeks: tuple[int, ...],
        checkin_day: int,
        every_weeks: int,
        last_review: int | None,
        findings: tuple[Noted, ...],
        judged_on: int | None,
    ) -> None:
        self.weeks = weeks
        self.checkin_day = checkin_day
        self.every_weeks = every_weeks
        self.last_review = last_review
        self.findings = findings
        self.judged_on = judged_on

    def as_tuple(self) -> tuple:
        """Nothing but tuples, ints, strings and None (for a cache)."""
        return (
            self.weeks,
            self.checkin_day,
            self.every_weeks,
            self.last_review,
            tuple(n.as_tuple() for n in self.findings),
            self.judged_on,
        )

    @classmethod
    def from_tuple(cls, value: object) -> Rhythm:
        """The inverse of :meth:`as_tuple`; ValueError for anything else."""
        if not isinstance(value, tuple) or len(value) != 6:
            raise ValueError("not a rhythm")
        weeks, day, every, last, findings, judged = value
        if not (
            isinstance(weeks, tuple)
            and all(type(w) is int and w >= 0 for w in weeks)
            and list(weeks) == sorted(set(weeks))
            and type(day) is int
            and 0 <= day < len(DAYS)
            and type(every) is int
            and every >= 1
            and _ordinal(last)
            and _ordinal(judged)
            and isinstance(findings, tuple)
        ):
            raise ValueError("not a rhythm")
        noted = []
        for item in findings:
            if not (
                isinstance(item, tuple)
                and len(item) == 6
                and all(type(part) is str for part in item[:3] + item[4:5])
                and all(part is None or type(part) is str for part in (item[3], item[5]))
            ):
                raise ValueError("not a noted finding")
            noted.append(Noted(*item))
        return cls(weeks, day, every, last, tuple(noted), judged)


def _ordinal(value: object) -> bool:
    return value is None or (type(value) is int and 1 <= value <= date.max.toordinal())


def recorded_weeks(plan: Plan) -> tuple[int, ...]:
    """The weeks ``plan`` has a check-in for, as :func:`week_number` values, in order."""
    from .model import parse_week

    return tuple(
        sorted(
            {
                week_number(date.fromisocalendar(*parsed, 1))
                for c in plan.checkins
                if (parsed := parse_week(c.week))
            }
        )
    )


def checkin_weeks_due(plan: Plan, today: date) -> int:
    """How many weeks' check-ins are due on ``today``: this week's once its day has
    come, and the weeks missed since the first (0: nothing due). The app's header."""
    count = 0
    for item in checkins_due(recorded_weeks(plan), day_index(plan.review.checkin_day), today):
        count += item.data.get("count", 1)  # type: ignore[operator]
    return count


def week_to_record(plan: Plan, today: date) -> str | None:
    """The week ``c`` opens when it is not this one: the latest week missed since
    the first check-in, while this week's check-in day has not come (None: this
    week, due or recorded or not yet due with nothing missed)."""
    items = checkins_due(recorded_weeks(plan), day_index(plan.review.checkin_day), today)
    if any(item.kind == "checkin" for item in items) or week_number(today) in recorded_weeks(plan):
        return None
    missed = [item for item in items if item.kind == "missed-checkins"]
    return missed[0].data["weeks"][-1] if missed else None  # type: ignore[index]


def rhythm(plan: Plan, today: date) -> Rhythm:
    """``plan``'s :class:`Rhythm` (``today`` counts only for a plan without check-ins)."""
    weeks = recorded_weeks(plan)
    last = plan.review.last
    return Rhythm(
        weeks,
        day_index(plan.review.checkin_day),
        plan.review.every_weeks,
        None if last is None else last.toordinal(),
        noted_findings(plan, today),
        None if weeks else today.toordinal(),
    )


def due(facts: Rhythm, today: date) -> list[Due]:
    """Everything due on ``today`` for the plan ``facts`` was made from, in the
    order people read it: check-in, missed weeks, review, findings (errors first)."""
    out = checkins_due(facts.weeks, facts.checkin_day, today)
    last = None if facts.last_review is None else date.fromordinal(facts.last_review)
    review = review_due(facts.every_weeks, last, today)
    if review is not None:
        out.append(review)
    out += [noted.due() for noted in facts.findings]
    return out


def due_for(plan: Plan, today: date) -> list[Due]:
    """Everything due for ``plan`` on ``today`` (the app's way: no cache)."""
    return due(rhythm(plan, today), today)
