"""`socialtui restore PLAN [N]`: list a plan's backups, put one back."""

from __future__ import annotations

import os
import stat

from plan_texts import GOOD, HOSTILE, RAW_BAD, write_plan

from socialtui.store import backup


def _versions(plans, data_dir, texts):
    """The plan written as each of ``texts`` in turn, each version backed up."""
    path = None
    for text in texts:
        path = write_plan(plans, "good", text)
        backup.snapshot(path, data_dir)
    return path


def test_lists_backups_newest_first(run, plans, data_dir):
    _versions(plans, data_dir, [GOOD, GOOD.replace("Good plan", "Better plan")])
    result = run("restore", "good")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Backups of ") and lines[0].endswith("good.toml, newest first:")
    assert lines[1].lstrip().startswith("1  ") and "Better plan" in lines[1]
    assert lines[2].lstrip().startswith("2  ") and "Good plan" in lines[2]
    assert "socialtui restore good N" in lines[-1]


def test_restores_a_backup_and_the_restore_can_be_undone(run, plans, data_dir):
    path = _versions(plans, data_dir, [GOOD, GOOD.replace("Good plan", "Better plan")])
    path.write_text(GOOD.replace("Good plan", "Current plan"))
    os.chmod(path, 0o640)

    result = run("restore", "good", "2")
    assert result.returncode == 0, result.stderr
    assert path.read_text() == GOOD
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert "Undo with: socialtui restore good 1" in result.stdout

    undo = run("restore", "good", "1")
    assert undo.returncode == 0, undo.stderr
    assert "Current plan" in path.read_text()


def test_restores_a_deleted_plan(run, plans, data_dir):
    path = _versions(plans, data_dir, [GOOD])
    path.unlink()
    result = run("restore", "good", "1")
    assert result.returncode == 0, result.stderr
    assert path.read_text() == GOOD
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "nothing to undo" in result.stdout


def test_a_plan_without_backups(run, plans):
    write_plan(plans, "good", GOOD)
    result = run("restore", "good")
    assert result.returncode == 0
    assert "No backups of" in result.stdout
    missing = run("restore", "good", "1")
    assert missing.returncode == 2
    assert "has no backup number 1 (backups: none yet)" in missing.stderr


def test_unknown_plan_and_bad_numbers(run, plans, data_dir):
    assert run("restore", "nothing").returncode == 2
    _versions(plans, data_dir, [GOOD])
    for number in ("0", "2", "-1"):
        result = run("restore", "good", number)
        assert result.returncode == 2, number
        assert "Traceback" not in result.stderr
    assert "backups: 1 to 1" in run("restore", "good", "2").stderr


def test_hostile_backups_are_listed_harmlessly(run, plans, data_dir):
    _versions(plans, data_dir, [HOSTILE, "name = [\x1b[2J\n"])
    result = run("restore", "good")
    assert result.returncode == 0
    for bad in RAW_BAD:
        assert bad not in result.stdout and bad not in result.stderr, repr(bad)
    assert "unreadable: line 1" in result.stdout
    assert "Evil ␛[2J" in result.stdout


def test_the_undo_backup_goes_to_the_plans_data_dir(run, plans, data_dir):
    _versions(plans, data_dir, [GOOD])
    result = run("restore", "good", "1")
    assert result.returncode == 0
    assert str(data_dir) in result.stdout  # the undo backup's path
    assert (data_dir / "backups" / "good").is_dir()
