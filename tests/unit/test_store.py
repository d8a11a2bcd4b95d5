"""The plan file: locations, loading with line/column errors, faithful saves, atomic writes."""

from __future__ import annotations

import difflib
import os
import shutil
import stat
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from socialtui import store
from socialtui.plan.model import Budget, Channel, CheckIn, Goal, Plan

FIXTURES = Path(__file__).parent.parent / "fixtures"


def copy_fixture(name: str, tmp_path: Path) -> Path:
    target = tmp_path / name
    shutil.copy(FIXTURES / name, target)
    return target


def write(tmp_path: Path, text: str, name: str = "plan.toml") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


# -- locations -------------------------------------------------------------------------------


def test_resolve_plan_slug_or_path(tmp_path):
    assert store.resolve_plan("bakery", tmp_path) == tmp_path / "plans" / "bakery.toml"
    assert store.resolve_plan("x/y.toml", tmp_path) == Path("x/y.toml")
    assert store.resolve_plan("other.toml", tmp_path) == Path("other.toml")


def test_list_plans_sorted_and_empty_when_missing(tmp_path):
    assert store.list_plans(tmp_path) == []
    plans = tmp_path / "plans"
    plans.mkdir()
    for name in ("b.toml", "a.toml", "notes.txt"):
        (plans / name).write_text("")
    assert store.list_plans(tmp_path) == [plans / "a.toml", plans / "b.toml"]


def test_ensure_dir_makes_0700_whatever_the_umask(tmp_path):
    old = os.umask(0o000)
    try:
        made = store.ensure_dir(tmp_path / "a" / "b")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "a").st_mode) == 0o700
    assert stat.S_IMODE(os.stat(made).st_mode) == 0o700


def test_slug_for_name():
    assert store.slug_for_name("Corner Bakery!") == "corner-bakery"
    assert store.slug_for_name("Corner Bakery", {"corner-bakery"}) == "corner-bakery-2"


# -- loading ---------------------------------------------------------------------------------


def test_loads_the_format_example():
    loaded = store.load(FIXTURES / "bakery.toml")
    plan = loaded.plan
    assert not loaded.read_only
    assert plan.name == "Corner Bakery 2027"
    assert plan.schema == 1
    assert plan.purpose.them == "First look at specials and a monthly discount code"
    assert plan.budget == Budget(weekly_hours=5.0, reserve_percent=10, max_active_channels=2)
    assert plan.review.every_weeks == 4
    assert plan.review.last == date(2026, 11, 22)
    assert [g.id for g in plan.goals] == ["catering", "regulars"]
    assert plan.goals[0] == Goal(
        id="catering",
        title="More catering pre-orders",
        metric="catering orders per month",
        baseline=12,
        target=30,
        deadline=date(2027, 6, 30),
        horizon="long",
        focus="us",
    )
    assert plan.audiences[1].channels == ("instagram", "facebook")
    assert plan.channels[0] == Channel(
        id="instagram",
        name="Instagram",
        status="active",
        posts_per_week=3,
        minutes_per_post=40,
        engage_minutes_per_week=60,
        goals=("regulars",),
        notes="Reels of the morning bake",
    )
    assert plan.channels[1].notes == ""
    assert plan.checkins == (
        CheckIn(
            week="2026-W47",
            hours={"instagram": 3.5},
            metrics={"catering": 13, "regulars": 171},
            verdicts={"instagram": "working"},
            note="Reel of the sourdough got 40 saves",
        ),
    )
    assert isinstance(plan.channels[0].posts_per_week, int)
    assert isinstance(plan.budget.weekly_hours, float)
    assert loaded.size == (FIXTURES / "bakery.toml").stat().st_size


def test_missing_schema_means_1_and_defaults_apply():
    loaded = store.loads('name = "Minimal"\n')
    assert loaded.plan == Plan(name="Minimal")


VALID_BASE = """\
schema = 1
name = "Base"

[budget]
weekly_hours = 5
reserve_percent = 10
max_active_channels = 2

[review]
every_weeks = 4

[[goals]]
id = "sales"
title = "Sales"

[[goals]]
id = "reach"
title = "Reach"
baseline = 1

[[channels]]
id = "ig"
name = "Instagram"
posts_per_week = 3

[[channels]]
id = "news"
name = "Newsletter"
posts_per_week = 1

[[checkins]]
week = "2026-W47"
hours = { ig = 2 }

[[checkins]]
week = "2026-W48"
hours = { ig = 1, news = 3 }
"""


def test_valid_base_loads():
    assert store.loads(VALID_BASE).plan.channels[1].posts_per_week == 1


# Each case: (old line, new line, expected line, expected column, words in the reason).
BAD_VALUES = [
    pytest.param(
        "posts_per_week = 1",
        "posts_per_week = 900",
        29,
        1,
        "channels[1].posts_per_week must be a number from 0 to 500, not 900",
        id="out-of-range",
    ),
    pytest.param(
        "posts_per_week = 1",
        'posts_per_week = "two"',
        29,
        1,
        "channels[1].posts_per_week must be a number, not 'two'",
        id="wrong-type",
    ),
    pytest.param(
        "posts_per_week = 1",
        "posts_per_week = true",
        29,
        1,
        "channels[1].posts_per_week must be a number, not true",
        id="bool-is-not-a-number",
    ),
    pytest.param(
        "baseline = 1",
        "baseline = nan",
        19,
        1,
        "goals[1].baseline must be a finite number",
        id="nan",
    ),
    pytest.param(
        "baseline = 1",
        "baseline = -inf",
        19,
        1,
        "goals[1].baseline must be a finite number",
        id="inf",
    ),
    pytest.param(
        "weekly_hours = 5",
        "weekly_hours = 0",
        5,
        1,
        "budget.weekly_hours must be a number greater than 0 and at most 168, not 0",
        id="weekly-hours-zero",
    ),
    pytest.param(
        "max_active_channels = 2",
        "max_active_channels = 2.5",
        7,
        1,
        "budget.max_active_channels must be a whole number from 1 to 20",
        id="int-required",
    ),
    pytest.param(
        'id = "reach"',
        'id = "sales"',
        17,
        1,
        "goals[1].id 'sales' is used twice",
        id="duplicate-id",
    ),
    pytest.param(
        'id = "reach"',
        'id = "Reach!"',
        17,
        1,
        "goals[1].id must be an id",
        id="bad-slug",
    ),
    pytest.param(
        'week = "2026-W48"',
        'week = "2026-W47"',
        36,
        1,
        "checkins[1].week '2026-W47' appears twice",
        id="duplicate-week",
    ),
    pytest.param(
        'week = "2026-W48"',
        'week = "2026-W54"',
        36,
        1,
        "checkins[1].week must be an ISO week",
        id="bad-week",
    ),
    pytest.param(
        "every_weeks = 4",
        "every_weeks = 4\nlast = 2026-11-22T10:00:00",
        11,
        1,
        "review.last must be a date",
        id="datetime-is-not-a-date",
    ),
    pytest.param(
        "every_weeks = 4",
        'every_weeks = 4\nlast = "2026-11-22"',
        11,
        1,
        "review.last must be a date",
        id="string-is-not-a-date",
    ),
    pytest.param(
        "every_weeks = 4",
        'every_weeks = 4\ncheckin_day = "Friday"',
        11,
        1,
        "review.checkin_day must be mon, tue, wed, thu, fri, sat or sun, not 'Friday'",
        id="checkin-day-spelled-out",
    ),
    pytest.param(
        "every_weeks = 4",
        "every_weeks = 4\ncheckin_day = 5",
        11,
        1,
        "review.checkin_day must be mon, tue, wed, thu, fri, sat or sun, not 5",
        id="checkin-day-as-a-number",
    ),
    pytest.param(
        'name = "Newsletter"',
        'name = "Newsletter"\nstatus = "maybe"',
        29,
        1,
        "channels[1].status must be candidate, active, later or dropped, not 'maybe'",
        id="bad-enum",
    ),
    pytest.param(
        'name = "Base"',
        'name = ""',
        2,
        1,
        "name must not be empty",
        id="empty-name",
    ),
    pytest.param(
        'name = "Base"',
        'title = "no name"',
        1,
        1,
        "name is required",
        id="missing-name",
    ),
    pytest.param(
        'name = "Base"',
        'name = "' + "x" * 201 + '"',
        2,
        1,
        "name must be at most 200 characters",
        id="long-name",
    ),
    pytest.param(
        "hours = { ig = 1, news = 3 }",
        "hours = { ig = 1, news = 300 }",
        37,
        19,
        "checkins[1].hours.news must be a number from 0 to 168, not 300",
        id="checkin-hours-inline",
    ),
    pytest.param(
        "hours = { ig = 2 }",
        'hours = { ig = 2 }\nverdicts = { ig = "great" }',
        34,
        14,
        "checkins[0].verdicts.ig must be working, unsure or not-working",
        id="bad-verdict",
    ),
    pytest.param(
        "schema = 1",
        "schema = 0",
        1,
        1,
        "schema must be a whole number of at least 1",
        id="bad-schema",
    ),
    pytest.param(
        "schema = 1",
        "schema = 18446744073709551616",  # found by the long fuzz run: was read-only
        1,
        1,
        "schema must be a whole number of at least 1 (and below 2^63), not 18446744073709551616",
        id="huge-schema",
    ),
    pytest.param(
        'title = "Sales"',
        'title = "Sales"\nmetric = 3',
        15,
        1,
        "goals[0].metric must be a string, not 3",
        id="metric-type",
    ),
]


@pytest.mark.parametrize(("old", "new", "line", "column", "reason"), BAD_VALUES)
def test_validation_error_points_at_the_key(tmp_path, old, new, line, column, reason):
    assert old in VALID_BASE
    text = VALID_BASE.replace(old, new, 1)
    path = write(tmp_path, text)
    with pytest.raises(store.PlanLoadError) as caught:
        store.load(path)
    error = caught.value
    assert (error.line, error.column) == (line, column), str(error)
    assert reason in error.reason
    assert str(error).startswith(f"{path}:{line}:{column}: ")
    assert path.read_text() == text


def test_missing_required_title_points_at_its_table(tmp_path):
    text = VALID_BASE.replace('title = "Reach"\n', "")
    with pytest.raises(store.PlanLoadError) as caught:
        store.loads(text)
    assert (caught.value.line, caught.value.column) == (16, 1)  # the second [[goals]] header
    assert "goals[1].title is required" in caught.value.reason


def test_reference_to_unknown_id_is_not_an_error():
    text = VALID_BASE.replace("posts_per_week = 3", 'posts_per_week = 3\ngoals = ["gone"]')
    assert store.loads(text).plan.channels[0].goals == ("gone",)


def test_syntax_error_has_line_and_column(tmp_path):
    path = write(tmp_path, 'name = "x"\nbroken = \n')
    with pytest.raises(store.PlanLoadError) as caught:
        store.load(path)
    assert (caught.value.line, caught.value.column) == (2, 10)
    assert caught.value.reason.startswith("the file is not valid TOML: ")
    assert "(at line" not in caught.value.reason


def test_invalid_utf8_points_at_the_bad_byte(tmp_path):
    path = tmp_path / "plan.toml"
    path.write_bytes(b'name = "ok"\nnote = "caf\xe9"\n')
    with pytest.raises(store.PlanLoadError) as caught:
        store.load(path)
    assert (caught.value.line, caught.value.column) == (2, 12)
    assert caught.value.reason == "the file is not valid UTF-8"


def test_nul_byte_is_a_clean_error(tmp_path):
    path = tmp_path / "plan.toml"
    path.write_bytes(b'name = "ok"\n\x00\n')
    with pytest.raises(store.PlanLoadError) as caught:
        store.load(path)
    assert (caught.value.line, caught.value.column) == (2, 1)


def test_deep_nesting_is_a_clean_error():
    with pytest.raises(store.PlanLoadError):
        store.loads("x = " + "[" * 5000)


def test_bom_is_accepted_and_written_back(tmp_path):
    path = tmp_path / "plan.toml"
    path.write_bytes(b'\xef\xbb\xbfname = "Bom"\n')
    loaded = store.load(path)
    assert loaded.bom and loaded.plan.name == "Bom"
    store.save(loaded, replace(loaded.plan, name="Still bom"))
    assert path.read_bytes() == b'\xef\xbb\xbfname = "Still bom"\n'


# -- newer schema ----------------------------------------------------------------------------


def test_newer_schema_opens_read_only_and_refuses_to_save(tmp_path):
    text = VALID_BASE.replace("schema = 1", "schema = 2\nfuture = { x = 1 }").replace(
        "posts_per_week = 1", "posts_per_week = 9000"
    )
    path = write(tmp_path, text)
    loaded = store.load(path)
    assert loaded.read_only
    assert loaded.plan.schema == 2
    assert [c.posts_per_week for c in loaded.plan.channels] == [3, 0]  # bad value -> default
    with pytest.raises(store.ReadOnlyError):
        store.save(loaded, replace(loaded.plan, name="Changed"))
    assert path.read_text() == text


def test_newer_schema_without_a_name_cannot_load():
    with pytest.raises(store.PlanLoadError):
        store.loads("schema = 7\n")


# -- saving ----------------------------------------------------------------------------------


def test_one_value_change_is_one_line_and_keeps_its_comment(tmp_path):
    path = copy_fixture("commented.toml", tmp_path)
    before = path.read_text()
    loaded = store.load(path)
    wanted = replace(loaded.plan, budget=replace(loaded.plan.budget, weekly_hours=6))
    saved = store.save(loaded, wanted)
    after = path.read_text()
    assert changed_lines(before, after) == [
        "-weekly_hours = 5.0          # hours per week, honest",
        "+weekly_hours = 6.0          # hours per week, honest",
    ]
    assert saved.plan == wanted
    assert store.load(path).plan == wanted


def test_the_checkin_day_is_written_in_place_and_read_back(tmp_path):
    path = copy_fixture("commented.toml", tmp_path)
    before = path.read_text()
    loaded = store.load(path)
    assert loaded.plan.review.checkin_day == "fri"  # the default: the file does not say
    monday = replace(loaded.plan, review=replace(loaded.plan.review, checkin_day="mon"))
    saved = store.save(loaded, monday)
    middle = path.read_text()
    assert changed_lines(before, middle) == ['+checkin_day = "mon"']
    assert middle.index("every_weeks = 4   # monthly-ish\n") < middle.index('checkin_day = "mon"')
    assert store.load(path).plan.review.checkin_day == "mon"
    sunday = replace(monday, review=replace(monday.review, checkin_day="sun"))
    store.save(saved, sunday)
    assert changed_lines(middle, path.read_text()) == [
        '-checkin_day = "mon"',
        '+checkin_day = "sun"',
    ]
    assert store.load(path).plan == sunday


def test_number_kind_follows_the_file(tmp_path):
    path = copy_fixture("commented.toml", tmp_path)
    loaded = store.load(path)
    channels = (
        replace(loaded.plan.channels[0], posts_per_week=4.0, minutes_per_post=42.5),
        replace(loaded.plan.channels[1], minutes_per_post=90),
    )
    store.save(loaded, replace(loaded.plan, channels=channels))
    text = path.read_text()
    assert "posts_per_week = 4     # three a week" in text
    assert "minutes_per_post = 42.5\n" in text
    assert "minutes_per_post = 90.0\n" in text


def comments(text: str) -> list[str]:
    return [line[line.index("#") :] for line in text.splitlines() if "#" in line]


def save_and_check(path: Path, wanted: Plan) -> str:
    before = path.read_text()
    store.save(store.load(path), wanted)
    after = path.read_text()
    assert store.load(path).plan == wanted
    assert 'owner = "sam"' in after and 'mood = "calm"' in after  # unknown keys survive
    missing = [c for c in comments(before) if c not in after]
    return missing


def test_rename_a_channel_field(tmp_path):
    path = copy_fixture("commented.toml", tmp_path)
    plan = store.load(path).plan
    wanted = plan.with_channel(replace(plan.channels[0], name="Insta"))
    before = path.read_text()
    assert save_and_check(path, wanted) == []
    assert changed_lines(before, path.read_text()) == [
        '-name = "Instagram"   # the big one',
        '+name = "Insta"   # the big one',
    ]


def test_change_a_channel_id_in_place(tmp_path):
    path = copy_fixture("commented.toml", tmp_path)
    plan = store.load(path).plan
    wanted = plan.with_channel(replace(plan.channels[0], id="insta"), old_id="ig")
    assert save_and_check(path, wanted) == []


def test_add_a_channel(tmp_path):
    path = copy_fixture("commented.toml", tmp_path)
    plan = store.load(path).plan
    new = Channel(id="tiktok", name="TikTok", posts_per_week=2, minutes_per_post=30)
    before = path.read_text()
    assert save_and_check(path, plan.with_channel(new)) == []
    after = path.read_text()
    # Everything before the new table is unchanged; the new table is small.
    assert after.startswith(before[: before.index("# -- check-ins --")])
    block = after[after.index('id = "tiktok"') : after.index("# -- check-ins --")]
    assert block.split() == [
        *["id", "=", '"tiktok"'],
        *["name", "=", '"TikTok"'],
        *["status", "=", '"candidate"'],
        *["posts_per_week", "=", "2"],
        *["minutes_per_post", "=", "30"],
        *["engage_minutes_per_week", "=", "0"],
    ]


def test_delete_a_goal(tmp_path):
    path = copy_fixture("commented.toml", tmp_path)
    plan = store.load(path).plan
    wanted = replace(plan, goals=plan.goals[1:])
    missing = save_and_check(path, wanted)
    # Only the deleted goal's own comments go.
    assert sorted(missing) == sorted(["# id comment", "# ambitious", "# unknown inline table"])


def test_reorder_channels(tmp_path):
    path = copy_fixture("commented.toml", tmp_path)
    plan = store.load(path).plan
    wanted = replace(plan, channels=plan.channels[::-1])
    assert save_and_check(path, wanted) == []
    after = path.read_text()
    assert after.index('id = "news"') < after.index('id = "ig"')


def test_add_a_checkin_appends_inline_tables(tmp_path):
    path = copy_fixture("commented.toml", tmp_path)
    plan = store.load(path).plan
    before = path.read_text()
    wanted = plan.with_checkin(
        CheckIn(
            week="2026-W48",
            hours={"ig": 2.5},
            metrics={"sales": 14},
            verdicts={"ig": "unsure"},
            note="quiet week",
        )
    )
    assert save_and_check(path, wanted) == []
    after = path.read_text()
    assert after.startswith(before)
    assert after[len(before) :].strip().splitlines() == [
        "[[checkins]]",
        'week = "2026-W48"',
        "hours = { ig = 2.5 }",
        "metrics = { sales = 14 }",
        'verdicts = { ig = "unsure" }',
        'note = "quiet week"',
    ]


def test_edit_a_checkin_keeps_the_line_comment(tmp_path):
    path = copy_fixture("commented.toml", tmp_path)
    plan = store.load(path).plan
    wanted = plan.with_checkin(replace(plan.checkins[0], hours={"ig": 4, "news": 1}))
    before = path.read_text()
    assert save_and_check(path, wanted) == []
    assert changed_lines(before, path.read_text()) == [
        "-hours = { ig = 3.5 }   # hours spent",
        "+hours = { ig = 4, news = 1 }   # hours spent",
    ]


def test_clearing_optional_values_removes_keys(tmp_path):
    path = copy_fixture("commented.toml", tmp_path)
    plan = store.load(path).plan
    wanted = replace(
        plan,
        purpose=replace(plan.purpose, why=""),
        goals=(replace(plan.goals[0], target=None), plan.goals[1]),
    )
    assert save_and_check(path, wanted) == ["# ambitious"]
    after = path.read_text()
    assert "why =" not in after and "target = 20" not in after


def test_missing_tables_are_created_in_their_place(tmp_path):
    path = write(
        tmp_path,
        'name = "Bare"  # just a name\n\n# goals below\n[[goals]]\nid = "a"\ntitle = "A"\n',
    )
    plan = store.load(path).plan
    wanted = replace(plan, budget=Budget(weekly_hours=3), purpose=replace(plan.purpose, who="Us"))
    store.save(store.load(path), wanted)
    text = path.read_text()
    assert store.load(path).plan == wanted
    assert text.index("[purpose]") < text.index("[budget]") < text.index("# goals below")
    assert text.startswith('name = "Bare"  # just a name\n')


def test_save_of_unchanged_plan_writes_nothing(tmp_path):
    path = copy_fixture("commented.toml", tmp_path)
    loaded = store.load(path)
    os.chmod(path, 0o400)  # a write would fail
    assert store.save(loaded, loaded.plan) is loaded


def test_save_refuses_a_plan_that_would_not_read_back(tmp_path):
    path = copy_fixture("commented.toml", tmp_path)
    before = path.read_text()
    loaded = store.load(path)
    bad = replace(loaded.plan, budget=replace(loaded.plan.budget, weekly_hours=float("nan")))
    with pytest.raises(store.SaveError):
        store.save(loaded, bad)
    assert path.read_text() == before
    assert list(tmp_path.iterdir()) == [path]  # no temp file left behind


def test_successive_saves_reuse_the_result(tmp_path):
    path = copy_fixture("commented.toml", tmp_path)
    loaded = store.load(path)
    first = store.save(loaded, replace(loaded.plan, name="One"))
    second = store.save(first, replace(first.plan, name="Two"))
    assert store.load(path).plan == second.plan
    assert second.plan.name == "Two"
    assert not store.changed_on_disk(second)
    path.write_text(path.read_text() + "\n# hand edit\n")
    assert store.changed_on_disk(second)


# -- files and permissions -------------------------------------------------------------------


@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_create_makes_0600_file_in_0700_dir(tmp_path, umask):
    target = tmp_path / "data" / "plans" / "new.toml"
    old = os.umask(umask)
    try:
        loaded = store.create(target, store.render_new(Plan(name="New")))
    finally:
        os.umask(old)
    assert loaded.plan == Plan(name="New")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(target.parent).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(tmp_path / "data").st_mode) == 0o700


def test_create_refuses_to_overwrite(tmp_path):
    path = write(tmp_path, 'name = "Mine"\n')
    with pytest.raises(FileExistsError):
        store.create(path, 'name = "Other"\n')
    assert path.read_text() == 'name = "Mine"\n'


def test_create_validates_first(tmp_path):
    with pytest.raises(store.PlanLoadError):
        store.create(tmp_path / "x.toml", 'name = ""\n')
    assert not (tmp_path / "x.toml").exists()


def test_save_keeps_an_existing_mode(tmp_path):
    path = copy_fixture("commented.toml", tmp_path)
    os.chmod(path, 0o644)
    loaded = store.load(path)
    store.save(loaded, replace(loaded.plan, name="Mode"))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o644


def test_symlinked_plan_stays_a_link(tmp_path):
    real = copy_fixture("commented.toml", tmp_path)
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    loaded = store.load(link)
    store.save(loaded, replace(loaded.plan, name="Through link"))
    assert link.is_symlink()
    assert store.load(real).plan.name == "Through link"


def test_write_atomic_cleans_up_on_failure(tmp_path, monkeypatch):
    path = write(tmp_path, "old")

    def boom(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError, match="disk full"):
        store.write_atomic(path, b"new")
    assert path.read_text() == "old"
    assert list(tmp_path.iterdir()) == [path]


def test_render_new_round_trips_the_example():
    plan = store.load(FIXTURES / "bakery.toml").plan
    text = store.render_new(plan)
    assert text.startswith("# ")
    assert store.loads(text).plan == plan


def test_load_of_a_big_plan_stays_within_twice_tomllib():
    import time
    import tomllib

    from socialtui.plan.model import Audience

    plan = Plan(
        name="Big",
        goals=tuple(
            Goal(f"g{i}", f"Goal {i}", "m", 1, 2.5, date(2027, 1, 1), "short", "us")
            for i in range(100)
        ),
        audiences=tuple(Audience(f"a{i}", f"A {i}", "w", ("c1", "c2")) for i in range(20)),
        channels=tuple(
            Channel(f"c{i}", f"C {i}", "active", 3, 40, 60, ("g1",), "n") for i in range(50)
        ),
        checkins=tuple(
            CheckIn(
                f"{2020 + i // 52}-W{i % 52 + 1:02d}", {"c1": 2.5}, {"g1": 3}, {"c1": "working"}
            )
            for i in range(156)
        ),
    )
    text = store.render_new(plan)

    def best(action) -> float:
        times = []
        for _ in range(7):
            start = time.perf_counter()
            action()
            times.append(time.perf_counter() - start)
        return min(times)

    assert store.loads(text).plan == plan
    assert best(lambda: store.loads(text)) < 2 * best(lambda: tomllib.loads(text))
