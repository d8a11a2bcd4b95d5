"""Merging three plan files (socialtui.store.mergefile): comments, markers, unreadable inputs.

The versions are made the way people make them: by the app's own saver
(:func:`socialtui.store.edited_text`) or by hand edits of the text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import tomli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from merge_strategies import side
from plan_strategies import random_plans

from socialtui import store
from socialtui.plan.merge import merge_plans
from socialtui.plan.model import CheckIn
from socialtui.store import mergefile
from socialtui.store.mergefile import CLEAN, CONFLICTED, UNREADABLE, merge_files

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BAKERY = (FIXTURES / "bakery.toml").read_text(encoding="utf-8")
COMMENTED = (FIXTURES / "commented.toml").read_text(encoding="utf-8")


def files(tmp_path: Path, base: str | bytes, ours: str | bytes, theirs: str | bytes):
    paths = []
    for name, text in (("base", base), ("ours", ours), ("theirs", theirs)):
        path = tmp_path / f"{name}.toml"
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        paths.append(path)
    return paths


def saved(text: str, change) -> str:
    """``text`` after the app saved ``change(plan)`` into it."""
    loaded = store.loads(text)
    return store.edited_text(loaded, change(loaded.plan))


def with_week(week: str, **hours: float):
    return lambda plan: plan.with_checkin(CheckIn(week=week, hours=dict(hours)))


def two_weeks(ours_change: tuple[str, str], theirs_change: tuple[str, str]) -> tuple[str, str]:
    """OURS and THEIRS: the bakery with a text change each, then a check-in each, by the app."""
    return (
        saved(BAKERY.replace(*ours_change), with_week("2026-W48", instagram=3)),
        saved(BAKERY.replace(*theirs_change), with_week("2026-W49", instagram=2)),
    )


def comments(text: str) -> list[str]:
    return [line[line.index("#") :] for line in text.splitlines() if "#" in line]


def resolve(text: str, keep: str) -> str:
    """The text with every conflict resolved to ``keep`` ("ours" or "theirs")."""
    out, state = [], None
    for line in text.splitlines(keepends=True):
        if line.startswith("<<<<<<<"):
            state = "ours"
        elif line.startswith("=======") and state == "ours":
            state = "theirs"
        elif line.startswith(">>>>>>>"):
            state = None
        elif state in (None, keep):
            out.append(line)
    return "".join(out)


# -- clean ---------------------------------------------------------------


def test_check_ins_and_fields_from_both_sides_merge_and_ours_comments_stay(tmp_path):
    ours, theirs = two_weeks(
        ("weekly_hours = 5.0 ", "weekly_hours = 6.0 "), ("posts_per_week = 3", "posts_per_week = 4")
    )
    merged = merge_files(*files(tmp_path, BAKERY, ours, theirs))
    assert merged.status == CLEAN and not merged.conflicts and not merged.same_as_ours
    text = merged.data.decode("utf-8")
    plan = store.loads(text).plan
    assert plan.budget.weekly_hours == 6
    assert plan.channel("instagram").posts_per_week == 4
    assert [c.week for c in plan.checkins] == ["2026-W47", "2026-W48", "2026-W49"]
    assert plan.checkin("2026-W49").hours == {"instagram": 2}
    assert comments(text) == comments(BAKERY)
    # The new check-in sits in the array like the app puts one: a blank line, then it.
    assert '\n\n[[checkins]]\nweek = "2026-W48"\n' in text


def test_unknown_keys_and_comments_of_a_hand_written_plan_survive(tmp_path):
    ours = saved(COMMENTED, with_week("2026-W48", ig=3))
    theirs = saved(
        COMMENTED.replace("posts_per_week = 3 ", "posts_per_week = 2 "), with_week("2026-W49", ig=1)
    )
    merged = merge_files(*files(tmp_path, COMMENTED, ours, theirs))
    assert merged.status == CLEAN
    text = merged.data.decode("utf-8")
    for kept in (
        'owner = "sam"  # unknown key: must survive',
        'mood = "calm"',
        "extra = { a = 1 }",
    ):
        assert kept in text
    assert comments(text) == comments(COMMENTED)
    assert "posts_per_week = 2     # three a week" in text


def test_a_clean_line_merge_that_means_the_same_is_kept_with_theirs_comments(tmp_path):
    ours = BAKERY.replace("weekly_hours = 5.0 ", "weekly_hours = 6.0 ")
    theirs = BAKERY.replace(
        'notes = "Reels of the morning bake"',
        '# mornings only, the light is best\nnotes = "Reels at 7am"',
    )
    merged = merge_files(*files(tmp_path, BAKERY, ours, theirs))
    assert merged.status == CLEAN
    text = merged.data.decode("utf-8")
    assert "# mornings only, the light is best\n" in text
    assert store.loads(text).plan.channel("instagram").notes == "Reels at 7am"
    assert "weekly_hours = 6.0 " in text


def test_when_only_one_side_changed_the_file_the_result_is_that_side_byte_for_byte(tmp_path):
    theirs = BAKERY.replace("reserve_percent = 10 ", "reserve_percent = 20 ") + "# theirs\n"
    merged = merge_files(*files(tmp_path, BAKERY, BAKERY, theirs))
    assert (merged.status, merged.data) == (CLEAN, theirs.encode("utf-8"))
    merged = merge_files(*files(tmp_path, BAKERY, theirs, BAKERY))
    assert (merged.status, merged.same_as_ours) == (CLEAN, True)


def test_a_byte_order_mark_on_ours_stays(tmp_path):
    ours = "\ufeff" + saved(BAKERY, with_week("2026-W48", instagram=3))
    theirs = saved(BAKERY, with_week("2026-W49", instagram=2))
    merged = merge_files(*files(tmp_path, BAKERY, ours, theirs))
    assert merged.status == CLEAN
    assert merged.data.startswith("\ufeff# Corner Bakery".encode())


def test_an_empty_base_means_both_sides_added_the_plan(tmp_path):
    merged = merge_files(*files(tmp_path, "", BAKERY, BAKERY + "\n# and a comment\n"))
    assert (merged.status, merged.same_as_ours) == (CLEAN, True)
    other = BAKERY.replace('name = "Corner Bakery 2027"', 'name = "Bakery"')
    merged = merge_files(*files(tmp_path, "", BAKERY, other))
    assert merged.status == CONFLICTED
    assert [c.where for c in merged.conflicts] == ["name"]


# -- conflicts ---------------------------------------------------------------


def test_a_conflict_is_marked_around_the_one_line_that_holds_both_values(tmp_path):
    ours, theirs = two_weeks(
        ("weekly_hours = 5.0 ", "weekly_hours = 6.0 "),
        ("weekly_hours = 5.0 ", "weekly_hours = 8.0 "),
    )
    merged = merge_files(*files(tmp_path, BAKERY, ours, theirs))
    assert merged.status == CONFLICTED
    assert [c.describe() for c in merged.conflicts] == [
        "budget.weekly_hours: ours 6, theirs 8 (was 5)"
    ]
    text = merged.data.decode("utf-8")
    assert (
        "[budget]\n"
        "<<<<<<< ours\n"
        "weekly_hours = 6.0          # hours you can really give social media each week\n"
        "=======\n"
        "weekly_hours = 8.0          # hours you can really give social media each week\n"
        ">>>>>>> theirs\n"
        "reserve_percent = 10        # held back for surprises\n"
    ) in text
    assert text.count("<<<<<<<") == 1
    # Everything else is merged: both check-ins are there, outside the markers.
    assert store.loads(resolve(text, "ours")).plan.budget.weekly_hours == 6
    theirs_way = store.loads(resolve(text, "theirs")).plan
    assert theirs_way.budget.weekly_hours == 8
    assert [c.week for c in theirs_way.checkins] == ["2026-W47", "2026-W48", "2026-W49"]


def test_a_conflicted_file_is_a_load_error_at_its_first_marker(tmp_path):
    ours = BAKERY.replace("reserve_percent = 10 ", "reserve_percent = 15 ")
    theirs = BAKERY.replace("reserve_percent = 10 ", "reserve_percent = 20 ")
    text = merge_files(*files(tmp_path, BAKERY, ours, theirs)).data.decode("utf-8")
    line = text.splitlines().index("<<<<<<< ours") + 1
    with pytest.raises(store.PlanLoadError) as caught:
        store.loads(text, "plan.toml")
    assert (caught.value.line, caught.value.column) == (line, 1)
    assert caught.value.reason.startswith("unresolved merge conflict: resolve it")


def test_a_value_in_a_multi_line_string_is_marked_whole(tmp_path):
    base = BAKERY.replace(
        'notes = "Reels of the morning bake"', 'notes = """\nReels\n\nof the bake"""'
    )
    ours = base.replace("of the bake", "of the morning bake")
    theirs = base.replace("of the bake", "of the evening bake")
    merged = merge_files(*files(tmp_path, base, ours, theirs))
    assert merged.status == CONFLICTED
    text = merged.data.decode("utf-8")
    assert '<<<<<<< ours\nnotes = """\nReels\n\nof the morning bake"""\n=======\n' in text
    theirs_way = store.loads(resolve(text, "theirs")).plan
    assert theirs_way.channel("instagram").notes == "Reels\n\nof the evening bake"


def test_markers_never_hide_inside_a_multi_line_string():
    ours, theirs = 'a = """\nx\ny\n"""\nb = 1\n', 'a = """\nx\nz\n"""\nb = 1\n'
    hidden = mergefile.conflict_text(ours, theirs)
    assert tomli.loads(hidden)["a"] == "x\n<<<<<<< ours\ny\n=======\nz\n>>>>>>> theirs\n"
    assert mergefile.marked_text(ours, theirs) == (
        f"<<<<<<< ours\n{ours}=======\n{theirs}>>>>>>> theirs\n"
    )


def test_conflict_text_keeps_crlf_line_ends():
    text = mergefile.conflict_text("a = 1\r\nb = 2\r\n", "a = 1\r\nb = 3\r\n")
    assert text == "a = 1\r\n<<<<<<< ours\r\nb = 2\r\n=======\r\nb = 3\r\n>>>>>>> theirs\r\n"


def test_conflict_text_uses_the_marker_size_asked_for():
    text = mergefile.conflict_text("x\n", "y", marker_size=9)
    assert text == "<<<<<<<<< ours\nx\n=========\ny\n>>>>>>>>> theirs\n"


# -- what the model does not know ---------------------------------------------------------------


def test_a_change_theirs_made_to_an_unknown_key_is_named_and_ours_kept(tmp_path):
    ours = saved(COMMENTED, with_week("2026-W48", ig=3))
    theirs = saved(COMMENTED.replace('mood = "calm"', 'mood = "busy"'), with_week("2026-W49", ig=1))
    merged = merge_files(*files(tmp_path, COMMENTED, ours, theirs))
    assert merged.status == CLEAN
    assert 'mood = "calm"' in merged.data.decode()
    assert merged.notes == (
        "budget.mood: theirs has 'busy'; socialtui does not know this key, so the result "
        "keeps ours ('calm')",
    )


def test_unknown_keys_are_found_at_every_level():
    data = tomli.loads(COMMENTED)
    assert mergefile.unknown_keys(data) == {
        "owner": "sam",
        "budget.mood": "calm",
        "goals[sales].extra": {"a": 1},
    }


# -- inputs that are not plans ---------------------------------------------------------------


def test_an_unreadable_input_gives_gits_line_merge_and_says_why(tmp_path):
    ours = BAKERY.replace("every_weeks = 4", "every_weeks = 6")
    theirs = BAKERY.replace('name = "Corner Bakery 2027"', "name = ")
    merged = merge_files(*files(tmp_path, BAKERY, ours, theirs))
    assert merged.status == UNREADABLE
    assert merged.notes[0].startswith("THEIRS is not a plan socialtui can read (line 3, column 8)")
    text = merged.data.decode("utf-8")
    assert "every_weeks = 6" in text and "\nname = \n" in text  # both sides' lines
    assert "line-by-line merge, without conflicts" in merged.notes[1]


def test_without_git_an_unreadable_input_leaves_no_result(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    merged = merge_files(*files(tmp_path, BAKERY, BAKERY + "x = \n", BAKERY))
    assert (merged.status, merged.data) == (UNREADABLE, None)
    assert merged.notes[-1] == "OURS is left as it was"


def test_a_plan_from_a_newer_socialtui_is_not_merged(tmp_path):
    newer = BAKERY.replace("schema = 1", "schema = 99")
    merged = merge_files(*files(tmp_path, BAKERY, BAKERY + "# ours\n", newer))
    assert merged.status == UNREADABLE
    assert "newer socialtui (schema 99)" in merged.notes[0]


def test_a_missing_input_is_unreadable(tmp_path):
    base, ours, _ = files(tmp_path, BAKERY, BAKERY, BAKERY)
    merged = merge_files(base, ours, tmp_path / "gone.toml")
    assert merged.status == UNREADABLE
    assert merged.notes[0].startswith("THEIRS cannot be read")


# -- every merge ends in a plan or in markers -------------------------------------------


@st.composite
def file_triples(draw):
    base = draw(random_plans(checkins=True))
    return base, draw(side(base, "o"))[0], draw(side(base, "t"))[0]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(file_triples())
def test_the_result_always_loads_as_the_merge_or_is_marked_conflicted(tmp_path, triple):
    base, ours, theirs = triple
    base_text = store.render_new(base)
    ours_text, theirs_text = (store.edited_text(store.loads(base_text), p) for p in (ours, theirs))
    merged = merge_files(*files(tmp_path, base_text, ours_text, theirs_text))
    expected = merge_plans(base, ours, theirs)
    text = merged.data.decode("utf-8")
    if merged.status == CLEAN:
        assert expected.clean
        assert store.loads(text).plan == expected.ours
        return
    assert merged.status == CONFLICTED and not expected.clean
    assert re.search(r"^<<<<<<< ours$", text, re.M)
    with pytest.raises(store.PlanLoadError, match="unresolved merge conflict"):
        store.loads(text)
    assert store.loads(resolve(text, "ours")).plan == expected.ours
    assert store.loads(resolve(text, "theirs")).plan == expected.theirs
