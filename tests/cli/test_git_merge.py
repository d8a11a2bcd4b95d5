"""Real git, end to end: ``socialtui git-setup`` in a temp repository, then ``git merge``.

git runs with no system or user configuration of this machine (its own empty
global config), so the tests see only what git-setup wrote.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from gitrepo import git, git_environment

from socialtui import store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TODAY = "2026-12-14"  # after the weeks recorded below


@pytest.fixture
def git_env(tmp_path: Path, data_dir: Path) -> dict[str, str]:
    return git_environment(tmp_path, data_dir, TODAY)


@pytest.fixture
def repo(tmp_path: Path, git_env) -> Path:
    path = tmp_path / "team"
    (path / "plans").mkdir(parents=True)
    shutil.copy(FIXTURES / "bakery.toml", path / "plans" / "bakery.toml")
    git(path, git_env, "init", "-q")
    return path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def comments(text: str) -> list[str]:
    return [line[line.index("#") :] for line in text.splitlines() if "#" in line]


def hours(n: int) -> tuple[str, str]:
    return ("weekly_hours = 5.0 ", f"weekly_hours = {n}.0 ")


CADENCE = ("posts_per_week = 3", "posts_per_week = 4")


@pytest.fixture
def merge_branches(repo, git_env, run):
    """``merge_branches(ours_change, theirs_change)``: main and ``theirs`` from one
    commit, each with a check-in of its own and a text change; then main merges
    theirs. Returns the plan's path and git merge's result."""

    def merge(ours_change, theirs_change, *, driver: bool = True):
        plan = repo / "plans" / "bakery.toml"
        assert run("git-setup", str(repo / "plans")).returncode == 0
        git(repo, git_env, "add", "-A")
        git(repo, git_env, "commit", "-q", "-m", "The bakery's plan")
        for branch, week, spent, change in (
            ("theirs", "2026-W48", "instagram=3", theirs_change),
            ("main", "2026-W49", "instagram=2", ours_change),
        ):
            git(repo, git_env, "checkout", "-q", "-B", branch, "main")
            recorded = run("checkin", str(plan), "--week", week, "--hours", spent, today=TODAY)
            assert recorded.returncode == 0, recorded.stderr
            edit(plan, *change)
            git(repo, git_env, "commit", "-q", "-am", f"Week {week}")
        if not driver:
            git(repo, git_env, "config", "--local", "--remove-section", "merge.socialtui")
        return plan, git(repo, git_env, "merge", "--no-edit", "theirs", check=False)

    return merge


def test_git_setup_writes_the_attribute_and_the_driver_once_and_undo_takes_them_out(
    run, repo, git_env
):
    plans = repo / "plans"
    result = run("git-setup", str(plans))
    assert result.returncode == 0, result.stderr
    attributes = repo / ".gitattributes"
    assert attributes.read_text(encoding="utf-8") == "plans/*.toml merge=socialtui\n"
    assert f"{attributes}: added plans/*.toml merge=socialtui" in result.stdout
    driver = git(repo, git_env, "config", "--local", "merge.socialtui.driver").stdout.strip()
    assert driver.endswith(" merge %O %A %B --name %P --marker-size %L")
    program = driver.split(" merge ")[0].strip("'")
    assert os.path.isabs(program) and os.access(program, os.X_OK)
    name = git(repo, git_env, "config", "--local", "merge.socialtui.name").stdout.strip()
    assert name == "socialtui: plans merged by meaning"
    assert git(repo, git_env, "check-attr", "merge", "plans/bakery.toml").stdout == (
        "plans/bakery.toml: merge: socialtui\n"
    )

    again = run("git-setup", str(plans))
    assert (again.returncode, again.stdout) == (0, f"nothing to change in {repo}: set up\n")
    assert attributes.read_text(encoding="utf-8") == "plans/*.toml merge=socialtui\n"

    undone = run("git-setup", str(plans), "--undo")
    assert undone.returncode == 0
    assert "git config: removed merge.socialtui.name and merge.socialtui.driver" in undone.stdout
    assert not attributes.exists()
    assert (
        git(repo, git_env, "config", "--local", "--get-regexp", "^merge\\.", check=False).stdout
        == ""
    )
    assert (
        run("git-setup", str(plans), "--undo").stdout
        == f"nothing to change in {repo}: not set up\n"
    )


def test_git_setup_keeps_other_attributes_and_the_driver_while_a_line_uses_it(run, repo, git_env):
    attributes = repo / ".gitattributes"
    attributes.write_text("*.png binary\n", encoding="utf-8")
    (repo / "shared").mkdir()
    assert run("git-setup", str(repo / "plans"), str(repo / "shared")).returncode == 0
    assert attributes.read_text(encoding="utf-8") == (
        "*.png binary\nplans/*.toml merge=socialtui\nshared/*.toml merge=socialtui\n"
    )
    assert run("git-setup", str(repo / "shared"), "--undo").returncode == 0
    assert attributes.read_text(encoding="utf-8") == "*.png binary\nplans/*.toml merge=socialtui\n"
    assert git(repo, git_env, "config", "--local", "merge.socialtui.driver").returncode == 0
    assert run("git-setup", str(repo / "plans"), "--undo").returncode == 0
    assert attributes.read_text(encoding="utf-8") == "*.png binary\n"


def test_git_setup_without_a_path_sets_up_the_plans_folder_of_the_data_directory(run, repo):
    result = run("git-setup", SOCIALTUI_DATA_DIR=str(repo))
    assert result.returncode == 0, result.stderr
    assert (repo / ".gitattributes").read_text(encoding="utf-8") == "plans/*.toml merge=socialtui\n"


def test_git_setup_for_one_plan_file(run, repo):
    assert run("git-setup", str(repo / "plans" / "bakery.toml")).returncode == 0
    assert (repo / ".gitattributes").read_text(encoding="utf-8") == (
        "plans/bakery.toml merge=socialtui\n"
    )


def test_git_setup_outside_a_repository_says_so(run, tmp_path):
    folder = tmp_path / "not-a-repo"
    folder.mkdir()
    result = run("git-setup", str(folder), GIT_CEILING_DIRECTORIES=str(tmp_path))
    assert result.returncode == 2
    assert "is not in a git work tree" in result.stderr
    assert run("git-setup", str(tmp_path / "missing")).returncode == 2


def test_independent_changes_on_two_branches_merge_without_conflict(
    merge_branches, repo, git_env, run
):
    plan, merged = merge_branches(CADENCE, hours(6))
    assert merged.returncode == 0, merged.stdout + merged.stderr
    assert "CONFLICT" not in merged.stdout
    assert git(repo, git_env, "status", "--porcelain").stdout == ""
    loaded = store.load(plan)
    assert [c.week for c in loaded.plan.checkins] == ["2026-W47", "2026-W48", "2026-W49"]
    assert loaded.plan.checkin("2026-W48").hours == {"instagram": 3}
    assert loaded.plan.checkin("2026-W49").hours == {"instagram": 2}
    assert loaded.plan.budget.weekly_hours == 6
    assert loaded.plan.channel("instagram").posts_per_week == 4
    original = (FIXTURES / "bakery.toml").read_text(encoding="utf-8")
    assert comments(loaded.text) == comments(original)


def test_without_the_driver_the_same_branches_conflict(merge_branches):
    """The reason for the driver: git's line merge fails on the two check-ins."""
    _, merged = merge_branches(CADENCE, hours(6), driver=False)
    assert merged.returncode == 1
    assert "CONFLICT (content): Merge conflict in plans/bakery.toml" in merged.stdout


def test_one_field_changed_on_both_branches_is_a_conflict_that_check_points_at(
    merge_branches, repo, git_env, run
):
    plan, merged = merge_branches(hours(7), hours(6))
    assert merged.returncode == 1
    assert "CONFLICT (content): Merge conflict in plans/bakery.toml" in merged.stdout
    assert (
        "socialtui merge: plans/bakery.toml: conflict: budget.weekly_hours: ours 7, theirs 6 "
        "(was 5)"
    ) in merged.stderr
    assert git(repo, git_env, "status", "--porcelain").stdout == "UU plans/bakery.toml\n"
    lines = plan.read_text(encoding="utf-8").splitlines()
    marker = lines.index("<<<<<<< ours") + 1
    assert lines[marker - 1 : marker + 4] == [
        "<<<<<<< ours",
        "weekly_hours = 7.0          # hours you can really give social media each week",
        "=======",
        "weekly_hours = 6.0          # hours you can really give social media each week",
        ">>>>>>> theirs",
    ]
    checked = run("check", str(plan))
    assert checked.returncode == 2
    assert f"bakery.toml:{marker}:1: unresolved merge conflict" in checked.stderr

    # Resolved by hand (theirs' line kept), the plan holds both check-ins.
    del lines[marker - 1 : marker + 2]
    del lines[marker]
    plan.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert run("check", str(plan)).returncode == 0
    weeks = [c.week for c in store.load(plan).plan.checkins]
    assert weeks == ["2026-W47", "2026-W48", "2026-W49"]
    git(repo, git_env, "add", "plans/bakery.toml")
    git(repo, git_env, "commit", "-q", "--no-edit")


def test_a_branch_that_broke_the_plan_gets_gits_line_merge_marked_conflicted(
    merge_branches, repo, git_env, run
):
    plan, merged = merge_branches(
        ("every_weeks = 4", "every_weeks = 6"), ('name = "Corner Bakery 2027"', "name = ")
    )
    assert merged.returncode == 1
    assert "THEIRS is not a plan socialtui can read (line 3, column 8)" in merged.stderr
    assert git(repo, git_env, "status", "--porcelain").stdout == "UU plans/bakery.toml\n"
    text = plan.read_text(encoding="utf-8")
    assert "every_weeks = 6" in text and "\nname = \n" in text  # git's merge of both
    assert "<<<<<<< ours" in text  # the two check-ins, appended at one place
