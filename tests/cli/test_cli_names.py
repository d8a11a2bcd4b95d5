"""Plans by name on the command line: new, PLAN arguments, ambiguity, the archive."""

from __future__ import annotations

import json
import re

import pytest
from plan_texts import GOOD, OVER, write_plan
from rich.cells import cell_len

from tests.lockholder import held

ISSUE_NAMES = ["咖啡店", "☕☕", "Кафе", "Пекарня 2027", "Café Crème"]


def named(text: str, name: str) -> str:
    """The plan ``text`` called ``name``."""
    return re.sub(r'^name = ".*"$', f'name = "{name}"', text, count=1, flags=re.M)


def test_new_keeps_every_script_in_distinct_files(run, plans):
    for name in ISSUE_NAMES:
        result = run("new", name)
        assert result.returncode == 0, result.stderr
    files = sorted(p.name for p in plans.glob("*.toml"))
    assert files == sorted(
        ["咖啡店.toml", "☕☕.toml", "кафе.toml", "пекарня-2027.toml", "café-crème.toml"]
    )
    for name in ISSUE_NAMES:  # each opens by its own name
        result = run("check", name, "--format", "json")
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["plans"][0]["name"] == name


def test_new_with_a_taken_file_name_counts_up_and_says_so(run, plans):
    assert run("new", "Café Crème").returncode == 0
    result = run("new", "Café Crème!")
    assert result.returncode == 0, result.stderr
    assert (plans / "café-crème-2.toml").is_file()
    assert "café-crème.toml is another plan's file" in result.stdout
    assert "socialtui check café-crème-2" in result.stdout


def test_new_refuses_a_name_a_plan_already_has_even_archived(run, plans, data_dir):
    assert run("new", "Bakery").returncode == 0
    result = run("new", "BAKERY")
    assert result.returncode == 2
    assert "already exists" in result.stderr and "socialtui open bakery" in result.stderr
    assert run("archive", "bakery").returncode == 0
    again = run("new", "bakery")
    assert again.returncode == 2
    assert "socialtui unarchive bakery" in again.stderr
    assert sorted(p.name for p in plans.iterdir()) == []


def test_a_plan_renamed_in_the_app_answers_to_its_name(run, plans, tmp_path):
    path = write_plan(plans, "aaa-first", named(GOOD, "Coffee Q1 plan"))
    before = path.read_bytes()
    for args in (
        ("check", "Coffee Q1 plan"),
        ("check", "coffee q1 PLAN"),
        ("export", "Coffee Q1 plan", "--format", "json"),
        ("restore", "Coffee Q1 plan"),
    ):
        result = run(*args)
        assert result.returncode == 0, (args, result.stderr)
    saved = run("checkin", "coffee q1 plan", "--hours", "linkedin=1", "--week", "2026-W47")
    assert saved.returncode == 0, saved.stderr
    assert path.read_bytes() != before and "2026-W47" in path.read_text()


@pytest.mark.parametrize(
    "args",
    [
        ("check", "Bakery"),
        ("export", "Bakery"),
        ("checkin", "Bakery", "--hours", "linkedin=1"),
        ("restore", "Bakery"),
        ("archive", "Bakery"),
        ("open", "Bakery"),
    ],
)
def test_an_ambiguous_name_exits_2_listing_the_candidates(run, plans, args):
    one = write_plan(plans, "one", named(GOOD, "Bakery"))
    two = write_plan(plans, "two", named(OVER, "bakery"))
    before = (one.read_bytes(), two.read_bytes())
    result = run(*args)
    assert result.returncode == 2, result.stderr
    assert "2 plans answer to 'Bakery'" in result.stderr
    assert f"{one}  (Bakery)" in result.stderr and f"{two}  (bakery)" in result.stderr
    assert "Traceback" not in result.stderr
    assert (one.read_bytes(), two.read_bytes()) == before
    if args[0] != "open":  # the file stem is never ambiguous
        assert run(args[0], "one", *args[2:]).returncode in (0, 1)


def test_check_json_reports_an_ambiguous_name_as_an_error(run, plans):
    write_plan(plans, "one", named(GOOD, "Bakery"))
    write_plan(plans, "two", named(GOOD, "Bakery"))
    result = run("check", "Bakery", "good-file-that-is-not-there", "--format", "json")
    assert result.returncode == 2
    errors = json.loads(result.stdout)["errors"]
    assert errors[0]["path"] == "Bakery"
    assert "2 plans answer to this name (one.toml, two.toml)" in errors[0]["reason"]


def test_check_json_gives_each_plan_its_next_channel(run, plans):
    text = GOOD + (
        '\n[[channels]]\nid = "newsletter"\nname = "Newsletter"\nstatus = "candidate"\n'
        'posts_per_week = 1\nminutes_per_post = 30\ngoals = ["leads"]\n'
    )
    text = text.replace('channels = ["linkedin"]', 'channels = ["linkedin", "newsletter"]')
    write_plan(plans, "good", text)
    write_plan(plans, "over", OVER)
    result = run("check", "--format", "json")
    by_name = {p["name"]: p for p in json.loads(result.stdout)["plans"]}
    assert by_name["Good plan"]["next_channel"] == "newsletter"
    assert by_name["Over plan"]["next_channel"] is None


def test_recovered_copies_and_archived_plans_are_not_listed_or_checked(run, plans, data_dir):
    write_plan(plans, "good", GOOD)
    write_plan(plans, "good.unsaved-20261122-101500", OVER)  # an older version's copy
    write_plan(data_dir / "recovered", "good.copy-20261122-101600", OVER)
    write_plan(data_dir / "archive", "old", OVER)
    listing = run("list")
    assert "good.toml" in listing.stdout
    assert "unsaved" not in listing.stdout and "copy-" not in listing.stdout
    assert "old.toml" not in listing.stdout
    checked = run("check")
    assert checked.returncode == 0  # the over-budget copies and archived plan are not checked
    assert "Over plan" not in checked.stdout


def test_archive_and_unarchive(run, plans, data_dir):
    path = write_plan(plans, "good", GOOD)
    content = path.read_bytes()
    result = run("archive", "Good plan")
    assert result.returncode == 0, result.stderr
    archived = data_dir / "archive" / "good.toml"
    assert not path.exists() and archived.read_bytes() == content
    assert "socialtui unarchive good" in result.stdout
    assert "Good plan" not in run("list").stdout
    listed = run("list", "--archived")
    assert "Good plan" in listed.stdout and "archive" in listed.stdout
    assert run("check").returncode == 0 and "Good plan" not in run("check").stdout
    assert run("check", "good plan").returncode == 0  # named, it is still found
    assert run("archive", "good").returncode == 2  # already there
    assert "is archived already" in run("archive", "good").stderr

    write_plan(plans, "good", OVER)  # meanwhile a new plan took the file name
    back = run("unarchive", "Good plan")
    assert back.returncode == 0, back.stderr
    assert (plans / "good-2.toml").read_bytes() == content
    assert "good.toml was taken there, so it is good-2.toml" in back.stdout
    assert run("list", "--archived").stdout.startswith("No archived plans")


def test_archive_refuses_a_plan_open_in_another_session(run, plans, data_dir):
    path = write_plan(plans, "good", GOOD)
    with held(path) as holder:
        result = run("archive", "good")
        assert result.returncode == 75
        assert f"pid {holder.pid}" in result.stderr and "nothing was moved" in result.stderr
        assert path.is_file() and not (data_dir / "archive").exists()
    assert run("archive", "good").returncode == 0


def test_archive_moves_plans_of_the_data_directory_only(run, tmp_path):
    elsewhere = write_plan(tmp_path / "repo", "mine", GOOD)
    result = run("archive", str(elsewhere))
    assert result.returncode == 2
    assert "moves plans of the data directory only" in result.stderr
    assert elsewhere.is_file()


def test_list_aligns_wide_characters_by_their_cells(run, plans):
    for name in ("咖啡店", "☕☕", "Кафе"):
        assert run("new", name).returncode == 0
    header, *rows = run("list").stdout.splitlines()[1:]
    assert len(rows) == 3

    def cells_before(row: str, text: str) -> int:  # CJK and emoji take two cells each
        return cell_len(row[: row.index(text)])

    for row in rows:
        file_name = next(word for word in row.split() if word.endswith(".toml"))
        assert cells_before(row, file_name) == header.index("FILE"), rows
        assert cells_before(row, "2h 30m / 3h 36m") == header.index("COMMITTED"), rows
