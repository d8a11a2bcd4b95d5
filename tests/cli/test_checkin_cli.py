"""socialtui checkin: the headless check-in, and the way into the app's check-in.

Every bad value exits 2 with one line naming the flag and the value, and leaves
the file byte for byte as it was. A good value is saved through the store, which
keeps comments; a new week is added by inserting lines, never by rewriting any.
"""

from __future__ import annotations

import difflib
import hashlib
import shutil
from pathlib import Path

import pytest
from plan_texts import BROKEN, GOOD, HOSTILE, RAW_BAD, write_plan

from socialtui import store
from socialtui.store import config

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TODAY = "2026-11-25"  # a Wednesday in 2026-W48


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fixture(plans: Path, name: str, stem: str | None = None) -> Path:
    plans.mkdir(parents=True, exist_ok=True)
    target = plans / f"{stem or Path(name).stem}.toml"
    shutil.copy(FIXTURES / name, target)
    return target


def only_insertions(old: str, new: str) -> list[str]:
    """The lines ``new`` adds to ``old``; fails if any old line changed or moved."""
    a, b = old.splitlines(), new.splitlines()
    added: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        assert tag in ("equal", "insert"), (tag, a[i1:i2], b[j1:j2])
        if tag == "insert":
            added.extend(b[j1:j2])
    return added


def checkin(path: Path, week: str):
    return store.load(path).plan.checkin(week)


# --- bad values: exit 2, file untouched ------------------------------------------------

BAD = [
    (["--week", "2026-W54", "--hours", "instagram=1"], "--week", "2026-W54"),
    (["--week", "2026-48", "--hours", "instagram=1"], "--week", "2026-48"),
    (["--week", "2026-W00", "--note", "x"], "--week", "2026-W00"),
    (["--week", "last week", "--note", "x"], "--week", "last week"),
    (["--hours", "tiktok=1"], "--hours", "tiktok=1"),
    (["--verdict", "tiktok=working"], "--verdict", "tiktok=working"),
    (["--metric", "followers=10"], "--metric", "followers=10"),
    (["--metric", "instagram=10"], "--metric", "instagram=10"),
    (["--hours", "catering=1"], "--hours", "catering=1"),
    (["--hours", "instagram=-1"], "--hours", "instagram=-1"),
    (["--hours", "instagram=200"], "--hours", "instagram=200"),
    (["--hours", "instagram=168.5"], "--hours", "instagram=168.5"),
    (["--hours", "instagram=nan"], "--hours", "instagram=nan"),
    (["--hours", "instagram=inf"], "--hours", "instagram=inf"),
    (["--hours", "instagram=abc"], "--hours", "instagram=abc"),
    (["--hours", "instagram=3h"], "--hours", "instagram=3h"),
    (["--metric", "catering=nan"], "--metric", "catering=nan"),
    (["--metric", "catering=-inf"], "--metric", "catering=-inf"),
    (["--metric", "catering=lots"], "--metric", "catering=lots"),
    (["--verdict", "instagram=great"], "--verdict", "instagram=great"),
    (["--verdict", "instagram=Working"], "--verdict", "instagram=Working"),
    (["--hours", "instagram"], "--hours", "instagram"),
    (["--hours", "=3"], "--hours", "=3"),
    (["--metric", "catering="], "--metric", "catering="),
    (["--verdict", "instagram:working"], "--verdict", "instagram:working"),
    (["--hours", "instagram=1", "--hours", "instagram=2"], "--hours", "instagram=2"),
    # One bad value among good ones: nothing at all is written.
    (
        ["--hours", "instagram=3", "--metric", "catering=14", "--verdict", "linkedin=meh"],
        "--verdict",
        "linkedin=meh",
    ),
]


@pytest.mark.parametrize(("args", "flag", "value"), BAD, ids=[" ".join(c[0]) for c in BAD])
def test_a_bad_value_exits_2_and_changes_nothing(run, plans, args, flag, value):
    path = fixture(plans, "bakery.toml")
    before = sha(path)
    result = run("checkin", "bakery", *args, today=TODAY)
    assert result.returncode == 2, result.stdout
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("socialtui: checkin: ")
    assert flag in lines[0]
    assert repr(value) in lines[0]
    assert "Traceback" not in result.stderr
    assert sha(path) == before
    assert sorted(p.name for p in plans.iterdir()) == ["bakery.toml"]  # no temp file left


def test_an_unknown_id_names_the_known_ones(run, plans):
    fixture(plans, "bakery.toml")
    result = run("checkin", "bakery", "--hours", "tiktok=1", today=TODAY)
    assert "instagram, linkedin" in result.stderr
    result = run("checkin", "bakery", "--metric", "sales=1", today=TODAY)
    assert "catering, regulars" in result.stderr


def test_a_missing_plan_exits_2(run, plans):
    result = run("checkin", "nope", "--hours", "instagram=1", today=TODAY)
    assert result.returncode == 2
    assert "nope" in result.stderr
    assert "Traceback" not in result.stderr
    assert not plans.exists() or not any(plans.iterdir())


def test_an_unreadable_plan_exits_2_with_its_position(run, plans):
    path = write_plan(plans, "broken", BROKEN)
    before = sha(path)
    result = run("checkin", "broken", "--hours", "x=1", today=TODAY)
    assert result.returncode == 2
    assert f"{path}:4:" in result.stderr
    assert sha(path) == before


def test_an_invalid_plan_exits_2(run, plans):
    path = write_plan(plans, "bad", GOOD.replace("posts_per_week = 2", "posts_per_week = -2"))
    before = sha(path)
    result = run("checkin", "bad", "--hours", "linkedin=1", today=TODAY)
    assert result.returncode == 2
    assert "posts_per_week" in result.stderr
    assert sha(path) == before


def test_a_plan_that_is_not_utf8_exits_2(run, plans):
    plans.mkdir(parents=True)
    path = plans / "latin.toml"
    path.write_bytes(GOOD.replace("Good plan", "Caf\xe9").encode("latin-1"))
    before = sha(path)
    result = run("checkin", "latin", "--hours", "linkedin=1", today=TODAY)
    assert result.returncode == 2
    assert "UTF-8" in result.stderr
    assert sha(path) == before


def test_a_read_only_plan_exits_2_untouched(run, plans):
    path = write_plan(plans, "future", GOOD.replace("schema = 1", "schema = 2"))
    before = sha(path)
    result = run("checkin", "future", "--hours", "linkedin=1", today=TODAY)
    assert result.returncode == 2
    assert "read-only" in result.stderr
    assert sha(path) == before


def test_week_alone_is_a_usage_error(run, plans):
    path = fixture(plans, "bakery.toml")
    before = sha(path)
    result = run("checkin", "bakery", "--week", "2026-W48", today=TODAY)
    assert result.returncode == 2
    assert "--week" in result.stderr
    assert sha(path) == before


def test_no_plan_and_none_used_before(run, plans):
    fixture(plans, "bakery.toml")
    result = run("checkin", "--hours", "instagram=1", today=TODAY)
    assert result.returncode == 2
    assert "socialtui checkin PLAN" in result.stderr


def test_no_plan_means_the_plan_used_last(run, plans, data_dir):
    path = fixture(plans, "bakery.toml")
    config.remember_plan(data_dir, path)
    result = run("checkin", "--hours", "instagram=2", today=TODAY)
    assert result.returncode == 0, result.stderr
    assert checkin(path, "2026-W48").hours == {"instagram": 2}


def test_the_plan_used_last_is_gone(run, plans, data_dir):
    path = fixture(plans, "bakery.toml")
    config.remember_plan(data_dir, path)
    path.unlink()
    result = run("checkin", "--hours", "instagram=2", today=TODAY)
    assert result.returncode == 2
    assert "gone" in result.stderr


# --- good calls ---------------------------------------------------------------------------


def test_a_new_week_is_appended_and_comments_survive(run, plans):
    path = fixture(plans, "bakery.toml")
    old = path.read_text(encoding="utf-8")
    result = run(
        "checkin",
        "bakery",
        "--hours",
        "instagram=3",
        "--metric",
        "catering=14",
        "--verdict",
        "instagram=unsure",
        "--note",
        "Quiet week",
        today=TODAY,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    (line,) = result.stdout.splitlines()
    assert line.startswith(f"Recorded check-in 2026-W48 in {path}: ")
    assert "instagram=3" in line and "catering=14" in line

    new = path.read_text(encoding="utf-8")
    assert new.startswith(old)  # the old text is untouched: lines were only added
    added = only_insertions(old, new)
    assert "[[checkins]]" in added
    assert 'week = "2026-W48"' in added
    assert "# what's in it for them" in new
    assert "# working | unsure | not-working" in new

    plan = store.load(path).plan
    assert [c.week for c in plan.checkins] == ["2026-W47", "2026-W48"]
    week = plan.checkin("2026-W48")
    assert week.hours == {"instagram": 3}
    assert week.metrics == {"catering": 14}
    assert week.verdicts == {"instagram": "unsure"}
    assert week.note == "Quiet week"


def test_a_new_week_in_a_hand_written_file_only_adds_lines(run, plans):
    path = fixture(plans, "commented.toml")
    old = path.read_text(encoding="utf-8")
    result = run("checkin", "commented", "--hours", "ig=2", "--metric", "reach=40", today=TODAY)
    assert result.returncode == 0, result.stderr
    new = path.read_text(encoding="utf-8")
    added = only_insertions(old, new)
    assert 'week = "2026-W48"' in added
    assert 'owner = "sam"  # unknown key: must survive' in new
    loaded = store.load(path).plan
    assert [c.week for c in loaded.checkins] == ["2026-W47", "2026-W48"]


def test_a_trailing_comment_stays_last(run, plans):
    path = fixture(plans, "bakery.toml")
    path.write_text(path.read_text(encoding="utf-8") + "\n# the end\n", encoding="utf-8")
    old = path.read_text(encoding="utf-8")
    assert run("checkin", "bakery", "--hours", "instagram=1", today=TODAY).returncode == 0
    new = path.read_text(encoding="utf-8")
    only_insertions(old, new)
    assert new.rstrip().endswith("# the end")


def test_the_first_check_in_of_a_plan_only_adds_lines(run, plans):
    path = write_plan(plans, "good", GOOD)
    old = path.read_text(encoding="utf-8")
    result = run("checkin", "good", "--hours", "linkedin=1.5", "--metric", "leads=2", today=TODAY)
    assert result.returncode == 0, result.stderr
    new = path.read_text(encoding="utf-8")
    assert new.startswith(old)
    only_insertions(old, new)
    assert checkin(path, "2026-W48").hours == {"linkedin": 1.5}


@pytest.mark.parametrize(
    ("name", "week", "weeks_before"),
    [
        ("bakery.toml", "2026-W45", ["2026-W45", "2026-W47"]),
        ("checkins.toml", "2026-W38", None),  # before the first of eight weeks
        ("commented.toml", "2026-W01", ["2026-W01", "2026-W47"]),
    ],
)
def test_a_past_week_is_inserted_in_order_without_rewriting_lines(
    run, plans, name, week, weeks_before
):
    path = fixture(plans, name)
    old = path.read_text(encoding="utf-8")
    old_weeks = [c.week for c in store.load(path).plan.checkins]
    channel = store.load(path).plan.channels[0].id
    result = run("checkin", path.stem, "--week", week, "--hours", f"{channel}=1", today=TODAY)
    assert result.returncode == 0, result.stderr
    assert f"check-in {week}" in result.stdout
    new = path.read_text(encoding="utf-8")
    added = only_insertions(old, new)
    assert f'week = "{week}"' in added
    plan = store.load(path).plan
    weeks = [c.week for c in plan.checkins]
    assert weeks == (weeks_before or sorted([week, *old_weeks]))
    assert plan.checkin(week).hours == {channel: 1}


def test_a_week_in_the_middle_of_the_history(run, plans):
    path = fixture(plans, "checkins.toml")
    # Make a gap: drop 2026-W42 by hand, then check it in from the command line.
    text = path.read_text(encoding="utf-8")
    start = text.index('[[checkins]]\nweek = "2026-W42"')
    end = text.index("[[checkins]]", start + 1)
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    old = path.read_text(encoding="utf-8")
    result = run("checkin", "checkins", "--week", "2026-W42", "--metric", "leads=7", today=TODAY)
    assert result.returncode == 0, result.stderr
    new = path.read_text(encoding="utf-8")
    only_insertions(old, new)
    weeks = [c.week for c in store.load(path).plan.checkins]
    assert weeks == [f"2026-W{n}" for n in range(39, 47)]


def test_the_same_week_twice_edits_one_entry(run, plans):
    path = fixture(plans, "bakery.toml")
    first = run(
        "checkin",
        "bakery",
        "--hours",
        "instagram=3",
        "--metric",
        "catering=14",
        "--note",
        "a",
        today=TODAY,
    )
    assert first.returncode == 0, first.stderr
    second = run(
        "checkin",
        "bakery",
        "--hours",
        "instagram=4",
        "--verdict",
        "instagram=working",
        today="2026-11-29",  # the Sunday of the same week
    )
    assert second.returncode == 0, second.stderr
    assert second.stdout.startswith(f"Updated check-in 2026-W48 in {path}")
    text = path.read_text(encoding="utf-8")
    assert text.count('week = "2026-W48"') == 1
    week = checkin(path, "2026-W48")
    assert week.hours == {"instagram": 4}  # replaced
    assert week.metrics == {"catering": 14}  # kept
    assert week.verdicts == {"instagram": "working"}  # added
    assert week.note == "a"  # kept


def test_an_existing_week_from_the_file_keeps_its_other_values_and_comments(run, plans):
    path = fixture(plans, "bakery.toml")
    result = run("checkin", "bakery", "--week", "2026-W47", "--metric", "regulars=180", today=TODAY)
    assert result.returncode == 0, result.stderr
    week = checkin(path, "2026-W47")
    assert week.metrics == {"catering": 13, "regulars": 180}
    assert week.hours == {"instagram": 3.5}
    assert week.note == "Reel of the sourdough got 40 saves"
    text = path.read_text(encoding="utf-8")
    assert "# working | unsure | not-working" in text
    assert "# Weekly check-ins, oldest first." in text


def test_repeatable_flags(run, plans):
    path = fixture(plans, "bakery.toml")
    result = run(
        "checkin",
        "bakery",
        "--hours", "instagram=3.25",
        "--hours", "linkedin=0",
        "--metric", "catering=15",
        "--metric", "regulars=190.5",
        "--verdict", "instagram=working",
        "--verdict", "linkedin=not-working",
        today=TODAY,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    week = checkin(path, "2026-W48")
    assert week.hours == {"instagram": 3.25, "linkedin": 0}
    assert week.metrics == {"catering": 15, "regulars": 190.5}
    assert week.verdicts == {"instagram": "working", "linkedin": "not-working"}


def test_the_week_defaults_to_this_iso_week(run, plans):
    path = fixture(plans, "bakery.toml")
    # 2027-01-01 is a Friday in ISO week 2026-W53.
    result = run("checkin", "bakery", "--hours", "instagram=1", today="2027-01-01")
    assert result.returncode == 0, result.stderr
    assert checkin(path, "2026-W53") is not None


def test_a_plan_path_outside_the_data_dir(run, tmp_path):
    path = tmp_path / "team" / "plan.toml"
    path.parent.mkdir()
    shutil.copy(FIXTURES / "bakery.toml", path)
    result = run("checkin", str(path), "--note", "from the repo", today=TODAY)
    assert result.returncode == 0, result.stderr
    assert checkin(path, "2026-W48").note == "from the repo"


def test_the_plan_name_finds_its_file(run, plans):
    path = fixture(plans, "bakery.toml", stem="corner-bakery-2027")
    result = run("checkin", "Corner Bakery 2027", "--hours", "instagram=1", today=TODAY)
    assert result.returncode == 0, result.stderr
    assert checkin(path, "2026-W48").hours == {"instagram": 1}


def test_the_same_values_again_change_nothing(run, plans):
    path = fixture(plans, "bakery.toml")
    args = ("checkin", "bakery", "--week", "2026-W47", "--hours", "instagram=3.5")
    before = sha(path)
    result = run(*args, today=TODAY)
    assert result.returncode == 0
    assert "nothing changed" in result.stdout
    assert sha(path) == before


def test_an_empty_note_clears_it(run, plans):
    path = fixture(plans, "bakery.toml")
    result = run("checkin", "bakery", "--week", "2026-W47", "--note", "", today=TODAY)
    assert result.returncode == 0, result.stderr
    assert "note cleared" in result.stdout
    assert checkin(path, "2026-W47").note == ""
    assert "sourdough" not in path.read_text(encoding="utf-8")


def test_hostile_text_is_saved_but_never_printed_raw(run, plans):
    path = write_plan(plans, "evil", HOSTILE)
    note = "Note \x1b[2J\x9b31m\u202e end"
    result = run("checkin", "evil", "--note", note, "--hours", "x=1", today=TODAY)
    assert result.returncode == 0, result.stderr
    assert checkin(path, "2026-W48").note == note
    bad = run("checkin", "evil", "--hours", "\x1b[31m\u202e=1", today=TODAY)
    assert bad.returncode == 2
    for text in (result.stdout, result.stderr, bad.stdout, bad.stderr):
        for raw in RAW_BAD:
            assert raw not in text


def test_help_lists_the_flags(run):
    result = run("checkin", "--help")
    assert result.returncode == 0
    for flag in ("--week", "--hours", "--metric", "--verdict", "--note", "--data-dir"):
        assert flag in result.stdout


# --- the way into the app ---------------------------------------------------------------


@pytest.fixture
def app_calls(monkeypatch, tmp_path):
    """Replace the app's entry point; record how the CLI calls it."""
    from socialtui.tui import run as tui_run

    calls: list[tuple] = []

    def fake_run_app(data, plan_ref, today, start=None):
        calls.append((data, plan_ref, today, start))
        return 0

    monkeypatch.setattr(tui_run, "run_app", fake_run_app)
    monkeypatch.setenv("SOCIALTUI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SOCIALTUI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("SOCIALTUI_TODAY", TODAY)
    return calls


def test_without_values_the_app_opens_in_the_check_in(app_calls, tmp_path):
    from datetime import date

    from socialtui.cli import main

    assert main(["checkin", "bakery"]) == 0
    assert main(["checkin"]) == 0
    assert app_calls == [
        (tmp_path / "data", "bakery", date(2026, 11, 25), "checkin"),
        (tmp_path / "data", None, date(2026, 11, 25), "checkin"),
    ]


def test_with_values_the_app_does_not_open(app_calls, tmp_path):
    from socialtui.cli import main

    plans = tmp_path / "data" / "plans"
    fixture(plans, "bakery.toml")
    assert main(["checkin", "bakery", "--note", "x"]) == 0
    assert app_calls == []


def test_a_new_week_ends_the_file_as_the_file_ended(run, plans):
    """The file ended right after its last check-in: so does it with the new one
    (a blank line was left at the end)."""
    path = fixture(plans, "bakery.toml")
    before = path.read_text(encoding="utf-8")
    assert before.endswith('saves"\n')
    result = run("checkin", "bakery", "--week", "2026-W48", "--hours", "instagram=2", today=TODAY)
    assert result.returncode == 0, result.stderr
    after = path.read_text(encoding="utf-8")
    assert after == before + '\n[[checkins]]\nweek = "2026-W48"\nhours = { instagram = 2 }\n'
