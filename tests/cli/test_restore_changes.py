"""`socialtui restore`: what each backup's next version changed, and recovered copies."""

from __future__ import annotations

from plan_texts import GOOD, write_plan

from socialtui.store import backup


def versions(plans, data_dir, texts):
    """The plan written as each of ``texts`` in turn, each version backed up but the last."""
    path = None
    for text in texts[:-1]:
        path = write_plan(plans, "good", text)
        backup.snapshot(path, data_dir)
    return write_plan(plans, "good", texts[-1])


CHECKIN = '\n[[checkins]]\nweek = "2026-W47"\nhours = { linkedin = 1 }\n'


def test_each_backup_says_what_the_next_version_changed(run, plans, data_dir):
    six = GOOD.replace("weekly_hours = 4", "weekly_hours = 6")
    versions(
        plans,
        data_dir,
        [
            six,  # backup 3; then the hours went 6 -> 4
            GOOD,  # backup 2; then a check-in came
            GOOD + CHECKIN,  # backup 1; then LinkedIn went to later
            (GOOD + CHECKIN).replace('status = "active"', 'status = "later"'),  # the file now
        ],
    )
    result = run("restore", "good")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1].lstrip().startswith("1 ")
    assert lines[1].endswith("then: channel linkedin: status active → later")
    assert lines[2].endswith("then: +1 check-in 2026-W47")
    assert lines[3].endswith("then: weekly_hours 6 → 4")
    # Lines that looked alike (same name, same budget) are told apart by what follows.
    assert len({line.split("then:")[1] for line in lines[1:4]}) == 3


def test_comments_only_and_a_deleted_plan_are_said_so(run, plans, data_dir):
    path = versions(plans, data_dir, [GOOD, "# a comment\n" + GOOD, GOOD])
    lines = run("restore", "good").stdout.splitlines()
    assert lines[1].endswith("then: comments or layout only")  # the file now lost the comment
    path.unlink()
    lines = run("restore", "good").stdout.splitlines()
    assert lines[1].endswith("then: the plan file was deleted")


def test_recovered_copies_are_listed_with_how_to_use_them(run, plans, data_dir):
    path = write_plan(plans, "good", GOOD)
    copy = write_plan(
        data_dir / "recovered", "good.unsaved-20261122-101500", GOOD.replace("Good plan", "Mine")
    )
    write_plan(data_dir / "recovered", "other.unsaved-20261122-101500", GOOD)
    result = run("restore", "good")
    assert result.returncode == 0, result.stderr
    assert "Recovered copies" in result.stdout
    (line,) = [row for row in result.stdout.splitlines() if str(copy) in row]
    assert "2026-11-22 10:15:00" in line and "unsaved" in line and "Mine" in line
    assert "other.unsaved" not in result.stdout
    assert "socialtui restore good FILE" in result.stdout

    everything = run("restore")
    assert everything.returncode == 0
    assert str(copy) in everything.stdout and "other.unsaved" in everything.stdout

    put_back = run("restore", "good", copy.name)  # its name in recovered/ is enough
    assert put_back.returncode == 0, put_back.stderr
    assert path.read_text() == copy.read_text()
    assert copy.exists()  # the copy stays until the user deletes it
    undo = run("restore", "good", "1")  # the version it replaced was backed up
    assert undo.returncode == 0 and "Good plan" in path.read_text()


def test_a_file_that_is_not_a_plan_is_not_restored(run, plans, tmp_path):
    path = write_plan(plans, "good", GOOD)
    junk = tmp_path / "junk.toml"
    junk.write_text("name = = 1\n")
    result = run("restore", "good", str(junk))
    assert result.returncode == 2
    assert "is not a plan to restore" in result.stderr
    assert path.read_text() == GOOD


def test_no_recovered_copies(run):
    result = run("restore")
    assert result.returncode == 0
    assert result.stdout.startswith("No recovered copies in ")
