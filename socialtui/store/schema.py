"""The plan format's rules: TOML data -> :class:`~socialtui.plan.model.Plan`.

:func:`validate` checks every field against ``docs/plan-format.md`` and raises
PlanLoadError at the first problem, with the line and column of its key
(:func:`socialtui.store.locate.locate`). A plan whose schema is newer than
this app is read leniently (fields that do not check fall back to defaults)
and opened read-only.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from socialtui.plan.days import DAYS, DEFAULT_CHECKIN_DAY
from socialtui.plan.model import (
    FOCUSES,
    HORIZONS,
    NAME_MAX,
    RANGES,
    SCHEMA_VERSION,
    START_RE,
    STATUSES,
    VERDICTS,
    Audience,
    Budget,
    Channel,
    CheckIn,
    Goal,
    Person,
    Plan,
    Purpose,
    Review,
    is_slug,
    parse_week,
)
from socialtui.plan.numbers import show_number
from socialtui.store.errors import PlanLoadError
from socialtui.store.locate import Key, key_name, locate

INT64 = 2**63
SECTIONS = ("purpose", "budget", "review")  # the plan's tables
ARRAYS = ("people", "goals", "audiences", "channels", "checkins")  # its arrays of tables


class _Invalid(Exception):
    def __init__(self, key: Key, reason: str) -> None:
        super().__init__(reason)
        self.key = key
        self.reason = reason


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "..."
        return repr(short)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, datetime):
        return "a date-time"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float | int):
        return repr(value)
    return f"a {type(value).__name__}"


def _check_number(value: Any, key: Key, rng: tuple[float, float, bool] | None = None) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Invalid(key, f"{key_name(key)} must be a number, not {_show(value)}")
    if isinstance(value, float) and not math.isfinite(value):
        raise _Invalid(key, f"{key_name(key)} must be a finite number, not {_show(value)}")
    if isinstance(value, int) and not -INT64 <= value < INT64:
        raise _Invalid(key, f"{key_name(key)} is too large a number")
    if rng is not None:
        low, high, low_inclusive = rng
        ok = (low <= value if low_inclusive else low < value) and value <= high
        if not ok:
            if low_inclusive:
                span = f"from {show_number(low)} to {show_number(high)}"
            else:
                span = f"greater than {show_number(low)} and at most {show_number(high)}"
            raise _Invalid(key, f"{key_name(key)} must be a number {span}, not {_show(value)}")
    return value


def _check_int(value: Any, key: Key, rng: tuple[float, float, bool]) -> int:
    low, high, _ = rng
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _Invalid(
            key,
            f"{key_name(key)} must be a whole number from {show_number(low)} to "
            f"{show_number(high)}, not {_show(value)}",
        )
    return value


def _check_str(value: Any, key: Key) -> str:
    if not isinstance(value, str):
        raise _Invalid(key, f"{key_name(key)} must be a string, not {_show(value)}")
    return value


def _check_required_str(value: Any, key: Key) -> str:
    _check_str(value, key)
    if not value.strip():
        raise _Invalid(key, f"{key_name(key)} must not be empty")
    return value


def _check_name(value: Any, key: Key) -> str:
    _check_required_str(value, key)
    if len(value) > NAME_MAX:
        raise _Invalid(
            key, f"{key_name(key)} must be at most {NAME_MAX} characters, not {len(value)}"
        )
    return value


def _check_date(value: Any, key: Key) -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise _Invalid(
            key, f"{key_name(key)} must be a date such as 2027-06-30, not {_show(value)}"
        )
    return value


def _enum(choices: Sequence[str]) -> Callable[[Any, Key], str]:
    def check(value: Any, key: Key) -> str:
        if not isinstance(value, str) or value not in choices:
            listed = ", ".join(choices[:-1]) + f" or {choices[-1]}"
            raise _Invalid(key, f"{key_name(key)} must be {listed}, not {_show(value)}")
        return value

    return check


def _check_slug(value: Any, key: Key) -> str:
    if not isinstance(value, str) or not is_slug(value):
        raise _Invalid(
            key,
            f"{key_name(key)} must be an id of lowercase letters, digits and dashes "
            f"(at most 40 characters), not {_show(value)}",
        )
    return value


def _check_str_list(value: Any, key: Key) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise _Invalid(key, f"{key_name(key)} must be an array of strings, not {_show(value)}")
    for index, item in enumerate(value):
        if not isinstance(item, str):
            raise _Invalid(
                (*key, index), f"{key_name((*key, index))} must be a string, not {_show(item)}"
            )
    return tuple(value)


def _check_table(value: Any, key: Key) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Invalid(key, f"{key_name(key)} must be a table, not {_show(value)}")
    return value


def _check_tables(value: Any, key: Key) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise _Invalid(key, f"{key_name(key)} must be an array of tables ([[{key[-1]}]])")
    return value


def _map_of(check: Callable[[Any, Key], Any]) -> Callable[[Any, Key], dict[str, Any]]:
    def build(value: Any, key: Key) -> dict[str, Any]:
        table = _check_table(value, key)
        return {name: check(item, (*key, name)) for name, item in table.items()}

    return build


_check_hours = _map_of(lambda v, k: _check_number(v, k, RANGES["checkin_hours"]))
_check_metrics = _map_of(_check_number)
_check_verdicts = _map_of(_enum(VERDICTS))
_check_status = _enum(STATUSES)
_check_horizon = _enum(HORIZONS)
_check_focus = _enum(FOCUSES)
_check_day = _enum(DAYS)


class _Reader:
    """Reads fields; strict raises on the first problem, lenient falls back to defaults."""

    def __init__(self, strict: bool) -> None:
        self.strict = strict

    def get(
        self,
        table: dict[str, Any],
        name: str,
        base: Key,
        check: Callable[[Any, Key], Any],
        default: Any = None,
        *,
        required: bool = False,
    ) -> Any:
        key = (*base, name)
        if name not in table:
            if required:
                raise _Invalid(key, f"{key_name(key)} is required")
            return default
        try:
            return check(table[name], key)
        except _Invalid:
            if self.strict or required:
                raise
            return default

    def num(self, table: dict[str, Any], name: str, base: Key, default: Any) -> Any:
        rng = RANGES[name]
        return self.get(table, name, base, lambda v, k: _check_number(v, k, rng), default)

    def items(
        self,
        data: dict[str, Any],
        name: str,
        build: Callable[[dict[str, Any], Key], Any],
        ident: str,
    ) -> tuple[Any, ...]:
        tables = self.get(data, name, (), _check_tables, [])
        out: list[Any] = []
        seen: set[str] = set()
        for index, table in enumerate(tables):
            key = (name, index)
            try:
                item = build(table, key)
                value = getattr(item, ident)
                if value in seen:
                    what = "week" if ident == "week" else "id"
                    raise _Invalid(
                        (*key, ident),
                        f"{key_name((*key, ident))} {value!r} is used twice"
                        if what == "id"
                        else f"{key_name((*key, ident))} {value!r} appears twice",
                    )
            except _Invalid:
                if self.strict:
                    raise
                continue
            seen.add(value)
            out.append(item)
        return tuple(out)


def _check_owner(value: Any, key: Key) -> str:
    """A person's id; whether that person exists is a finding (``unknown-reference``)."""
    return _check_slug(value, key)


def _check_week(value: Any, key: Key) -> str:
    if not isinstance(value, str) or parse_week(value) is None:
        raise _Invalid(
            key, f"{key_name(key)} must be an ISO week such as 2026-W47, not {_show(value)}"
        )
    return value


def _check_days(value: Any, key: Key) -> tuple[str, ...]:
    """Days of the week, each once: ``["tue", "thu"]``."""
    days = _check_str_list(value, key)
    for index, day in enumerate(days):
        _check_day(day, (*key, index))
        if day in days[:index]:
            at = (*key, index)
            raise _Invalid(at, f"{key_name(at)} {day!r} appears twice")
    return days


def _check_plan_days(value: Any, key: Key) -> tuple[str, ...]:
    days = _check_days(value, key)
    if not days:
        raise _Invalid(key, f'{key_name(key)} must name at least one day, such as ["mon"]')
    return days


def _check_start(value: Any, key: Key) -> str:
    if not isinstance(value, str) or START_RE.match(value) is None:
        raise _Invalid(
            key,
            f'{key_name(key)} must be a time of day as a string "HH:MM" from "00:00" to '
            f'"23:59", such as "09:00", not {_show(value)}',
        )
    return value


_TIMEZONE_RE = re.compile(r"[A-Za-z0-9_+-]{1,40}(/[A-Za-z0-9_+-]{1,40}){0,3}\Z")


def _check_timezone(value: Any, key: Key) -> str:
    """An IANA time zone name this system knows (``zoneinfo``, loaded only when one is set)."""
    _check_str(value, key)
    known = False
    if _TIMEZONE_RE.match(value):
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
            known = True
        except (ZoneInfoNotFoundError, ValueError, OSError):
            known = False
    if not known:
        raise _Invalid(
            key,
            f'{key_name(key)} must be an IANA time zone name such as "Europe/Paris" or '
            f'"America/New_York", not {_show(value)}',
        )
    return value


def build_plan(data: dict[str, Any], schema: int, strict: bool) -> Plan:
    r = _Reader(strict)
    name = r.get(data, "name", (), _check_name, required=True)

    purpose_t = r.get(data, "purpose", (), _check_table, {})
    p = ("purpose",)
    purpose = Purpose(
        who=r.get(purpose_t, "who", p, _check_str, ""),
        why=r.get(purpose_t, "why", p, _check_str, ""),
        what=r.get(purpose_t, "what", p, _check_str, ""),
        them=r.get(purpose_t, "them", p, _check_str, ""),
    )

    def person(t: dict[str, Any], k: Key) -> Person:
        return Person(
            id=r.get(t, "id", k, _check_slug, required=True),
            name=r.get(t, "name", k, _check_name, required=True),
            weekly_hours=r.get(
                t,
                "weekly_hours",
                k,
                lambda v, key: _check_number(v, key, RANGES["person_hours"]),
                required=True,
            ),
        )

    people = r.items(data, "people", person, "id")
    budget_t = r.get(data, "budget", (), _check_table, {})
    b, d = ("budget",), Budget()
    budget = Budget(
        # with people listed the hours may be left out: their sum is the team's
        weekly_hours=r.num(budget_t, "weekly_hours", b, None if people else d.weekly_hours),
        reserve_percent=r.num(budget_t, "reserve_percent", b, d.reserve_percent),
        max_active_channels=r.get(
            budget_t,
            "max_active_channels",
            b,
            lambda v, k: _check_int(v, k, RANGES["max_active_channels"]),
            d.max_active_channels,
        ),
        days=r.get(budget_t, "days", b, _check_plan_days, d.days),
        max_minutes_per_day=r.num(budget_t, "max_minutes_per_day", b, None),
        start=r.get(budget_t, "start", b, _check_start, d.start),
        timezone=r.get(budget_t, "timezone", b, _check_timezone, d.timezone),
    )

    review_t = r.get(data, "review", (), _check_table, {})
    v = ("review",)
    review = Review(
        every_weeks=r.get(
            review_t, "every_weeks", v, lambda x, k: _check_int(x, k, RANGES["every_weeks"]), 4
        ),
        last=r.get(review_t, "last", v, _check_date, None),
        checkin_day=r.get(review_t, "checkin_day", v, _check_day, DEFAULT_CHECKIN_DAY),
    )

    def goal(t: dict[str, Any], k: Key) -> Goal:
        return Goal(
            id=r.get(t, "id", k, _check_slug, required=True),
            title=r.get(t, "title", k, _check_required_str, required=True),
            metric=r.get(t, "metric", k, _check_str, ""),
            baseline=r.get(t, "baseline", k, _check_number, None),
            target=r.get(t, "target", k, _check_number, None),
            deadline=r.get(t, "deadline", k, _check_date, None),
            horizon=r.get(t, "horizon", k, _check_horizon, None),
            focus=r.get(t, "focus", k, _check_focus, None),
        )

    def audience(t: dict[str, Any], k: Key) -> Audience:
        return Audience(
            id=r.get(t, "id", k, _check_slug, required=True),
            name=r.get(t, "name", k, _check_required_str, required=True),
            wants=r.get(t, "wants", k, _check_str, ""),
            channels=r.get(t, "channels", k, _check_str_list, ()),
        )

    def channel(t: dict[str, Any], k: Key) -> Channel:
        return Channel(
            id=r.get(t, "id", k, _check_slug, required=True),
            name=r.get(t, "name", k, _check_required_str, required=True),
            status=r.get(t, "status", k, _check_status, "candidate"),
            posts_per_week=r.num(t, "posts_per_week", k, 0),
            minutes_per_post=r.num(t, "minutes_per_post", k, 0),
            engage_minutes_per_week=r.num(t, "engage_minutes_per_week", k, 0),
            goals=r.get(t, "goals", k, _check_str_list, ()),
            notes=r.get(t, "notes", k, _check_str, ""),
            days=r.get(t, "days", k, _check_days, ()),
            owner=r.get(t, "owner", k, _check_owner, ""),
        )

    def checkin(t: dict[str, Any], k: Key) -> CheckIn:
        return CheckIn(
            week=r.get(t, "week", k, _check_week, required=True),
            hours=r.get(t, "hours", k, _check_hours, {}),
            metrics=r.get(t, "metrics", k, _check_metrics, {}),
            verdicts=r.get(t, "verdicts", k, _check_verdicts, {}),
            note=r.get(t, "note", k, _check_str, ""),
        )

    return Plan(
        name=name,
        schema=schema,
        purpose=purpose,
        budget=budget,
        review=review,
        goals=r.items(data, "goals", goal, "id"),
        audiences=r.items(data, "audiences", audience, "id"),
        channels=r.items(data, "channels", channel, "id"),
        checkins=r.items(data, "checkins", checkin, "week"),
        people=people,
    )


def validate(data: dict[str, Any], text: str, path: Path) -> tuple[Plan, bool]:
    try:
        schema = data.get("schema", 1)
        if isinstance(schema, bool) or not isinstance(schema, int) or not 1 <= schema < INT64:
            raise _Invalid(
                ("schema",),
                f"schema must be a whole number of at least 1 (and below 2^63), "
                f"not {_show(schema)}",
            )
        read_only = schema > SCHEMA_VERSION
        return build_plan(data, schema, strict=not read_only), read_only
    except _Invalid as error:
        line, column = locate(text, error.key)
        raise PlanLoadError(path, line, column, error.reason) from None
