"""Property tests for the plan file: the loader never crashes, and saves read back equal."""

from __future__ import annotations

import string
from dataclasses import replace
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialtui import store
from socialtui.plan.model import (
    FOCUSES,
    HORIZONS,
    RANGES,
    STATUSES,
    VERDICTS,
    Audience,
    Budget,
    Channel,
    CheckIn,
    Goal,
    Plan,
    Purpose,
    Review,
)

settings.register_profile(
    "store", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("store")

SLUG_CHARS = string.ascii_lowercase + string.digits
slugs = st.builds(
    lambda head, tail: head + tail,
    st.sampled_from(SLUG_CHARS),
    st.text(SLUG_CHARS + "-", max_size=12),
)
texts = st.text(max_size=30)
required_texts = texts.filter(lambda s: s.strip())
finite = st.one_of(
    st.integers(min_value=-(2**62), max_value=2**62),
    st.floats(allow_nan=False, allow_infinity=False),
)
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))


def ranged(name: str, integer: bool = False):
    low, high, inclusive = RANGES[name]
    ints = st.integers(min_value=int(low) + (0 if inclusive else 1), max_value=int(high))
    if integer:
        return ints
    floats = st.floats(min_value=low, max_value=high, exclude_min=not inclusive)
    return st.one_of(ints, floats)


def unique_by(items, key):
    return st.lists(items, max_size=4, unique_by=key).map(tuple)


goals = st.builds(
    Goal,
    id=slugs,
    title=required_texts,
    metric=texts,
    baseline=st.none() | finite,
    target=st.none() | finite,
    deadline=st.none() | dates,
    horizon=st.none() | st.sampled_from(HORIZONS),
    focus=st.none() | st.sampled_from(FOCUSES),
)
audiences = st.builds(
    Audience,
    id=slugs,
    name=required_texts,
    wants=texts,
    channels=st.lists(texts, max_size=3).map(tuple),
)
channels = st.builds(
    Channel,
    id=slugs,
    name=required_texts,
    status=st.sampled_from(STATUSES),
    posts_per_week=ranged("posts_per_week"),
    minutes_per_post=ranged("minutes_per_post"),
    engage_minutes_per_week=ranged("engage_minutes_per_week"),
    goals=st.lists(slugs, max_size=3).map(tuple),
    notes=texts,
)
weeks = st.builds(lambda y, w: f"{y}-W{w:02d}", st.integers(2000, 2100), st.integers(1, 52))
checkins = st.builds(
    CheckIn,
    week=weeks,
    hours=st.dictionaries(slugs, ranged("checkin_hours"), max_size=3),
    metrics=st.dictionaries(texts, finite, max_size=3),
    verdicts=st.dictionaries(slugs, st.sampled_from(VERDICTS), max_size=3),
    note=texts,
)
plans = st.builds(
    Plan,
    name=required_texts.filter(lambda s: len(s) <= 200),
    purpose=st.builds(Purpose, who=texts, why=texts, what=texts, them=texts),
    budget=st.builds(
        Budget,
        weekly_hours=ranged("weekly_hours"),
        reserve_percent=ranged("reserve_percent"),
        max_active_channels=ranged("max_active_channels", integer=True),
    ),
    review=st.builds(
        Review, every_weeks=ranged("every_weeks", integer=True), last=st.none() | dates
    ),
    goals=unique_by(goals, lambda g: g.id),
    audiences=unique_by(audiences, lambda a: a.id),
    channels=unique_by(channels, lambda c: c.id),
    checkins=unique_by(checkins, lambda c: c.week),
)


def load_or_error(load, value) -> None:
    try:
        loaded = load(value)
    except store.PlanLoadError as error:
        assert error.line >= 1 and error.column >= 1
        assert error.reason
    else:
        assert isinstance(loaded.plan, Plan)


@given(st.text())
def test_any_text_loads_or_fails_cleanly(text):
    load_or_error(store.loads, text)


@given(st.binary())
def test_any_bytes_load_or_fail_cleanly(data):
    load_or_error(store.loads_bytes, data)


toml_ish = st.lists(
    st.sampled_from(
        [
            'name = "x"',
            "schema = 2",
            "[budget]",
            "weekly_hours = nan",
            "[[goals]]",
            'id = "a"',
            'title = "t"',
            "[[checkins]]",
            'week = "2026-W53"',
            "hours = { a = -1 }",
            "x = [",
            "[[channels]]",
            "posts_per_week = true",
            "last = 2026-01-01T00:00:00",
            "\ufeff",
            "# c",
        ]
    ),
    max_size=12,
).map("\n".join)


@given(toml_ish)
def test_toml_like_text_loads_or_fails_cleanly(text):
    load_or_error(store.loads, text)


@given(plans)
def test_render_new_loads_back_equal(plan):
    assert store.loads(store.render_new(plan)).plan == plan


@settings(max_examples=100)
@given(plans, plans)
def test_save_to_another_plan_loads_back_equal(tmp_path_factory, first, second):
    path = tmp_path_factory.mktemp("props") / "plan.toml"
    loaded = store.create(path, store.render_new(first))
    saved = store.save(loaded, second)
    assert saved.plan == second
    assert store.load(path).plan == second


@settings(max_examples=100)
@given(plans, st.data())
def test_small_edits_load_back_equal(tmp_path_factory, plan, data):
    path = tmp_path_factory.mktemp("props") / "plan.toml"
    loaded = store.create(path, store.render_new(plan))
    edited = replace(
        plan,
        channels=tuple(data.draw(st.permutations(plan.channels))),
        goals=plan.goals[: data.draw(st.integers(0, len(plan.goals)))],
        name=data.draw(plans).name,
    )
    store.save(loaded, edited)
    assert store.load(path).plan == edited
