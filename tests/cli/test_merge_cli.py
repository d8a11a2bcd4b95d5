"""``socialtui merge BASE OURS THEIRS [-o OUT]``: where the result goes, exit statuses, messages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from socialtui import cli, store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BAKERY = (FIXTURES / "bakery.toml").read_text(encoding="utf-8")
W48 = '\n[[checkins]]\nweek = "2026-W48"\nhours = { instagram = 3 }\n'
W49 = '\n[[checkins]]\nweek = "2026-W49"\nhours = { instagram = 2 }\n'


def versions(tmp_path: Path, ours: str, theirs: str, base: str = BAKERY) -> list[Path]:
    paths = []
    for name, text in (("base", base), ("ours", ours), ("theirs", theirs)):
        path = tmp_path / f"{name}.toml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_a_clean_merge_is_written_over_ours_and_exits_0(run, tmp_path):
    base, ours, theirs = versions(
        tmp_path,
        BAKERY.replace("weekly_hours = 5.0 ", "weekly_hours = 6.0 ") + W48,
        BAKERY.replace("posts_per_week = 3", "posts_per_week = 4") + W49,
    )
    result = run("merge", str(base), str(ours), str(theirs))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    plan = store.load(ours).plan
    assert plan.budget.weekly_hours == 6 and plan.channel("instagram").posts_per_week == 4
    assert [c.week for c in plan.checkins] == ["2026-W47", "2026-W48", "2026-W49"]


def test_with_o_the_result_goes_to_out_and_ours_is_untouched(run, tmp_path):
    ours_text = BAKERY + W48
    base, ours, theirs = versions(tmp_path, ours_text, BAKERY + W49)
    out = tmp_path / "merged.toml"
    result = run("merge", str(base), str(ours), str(theirs), "-o", str(out))
    assert result.returncode == 0
    assert ours.read_text(encoding="utf-8") == ours_text
    assert [c.week for c in store.load(out).plan.checkins] == ["2026-W47", "2026-W48", "2026-W49"]


def test_nothing_to_merge_leaves_ours_as_it_was(run, tmp_path):
    base, ours, theirs = versions(tmp_path, BAKERY + W48, BAKERY)
    before = os.stat(ours)
    assert run("merge", str(base), str(ours), str(theirs)).returncode == 0
    after = os.stat(ours)
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_conflict_exits_1_marks_the_file_and_says_where(run, tmp_path):
    base, ours, theirs = versions(
        tmp_path,
        BAKERY.replace("weekly_hours = 5.0 ", "weekly_hours = 6.0 "),
        BAKERY.replace("weekly_hours = 5.0 ", "weekly_hours = 8.0 "),
    )
    result = run("merge", str(base), str(ours), str(theirs), "--name", "plans/bakery.toml")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "socialtui merge: plans/bakery.toml: conflict: budget.weekly_hours: ours 6, theirs 8 "
        "(was 5)",
        "socialtui merge: plans/bakery.toml: 1 conflict(s) marked <<<<<<< ours / >>>>>>> "
        "theirs: resolve them, then git add the file",
    ]
    text = ours.read_text(encoding="utf-8")
    marker = text.splitlines().index("<<<<<<< ours") + 1
    checked = run("check", str(ours))
    assert checked.returncode == 2
    assert checked.stderr.startswith(f"{ours}:{marker}:1: unresolved merge conflict: resolve it")


def test_an_unreadable_input_exits_2_and_says_which(run, tmp_path):
    base, ours, theirs = versions(tmp_path, BAKERY + W48, "this is not toml\n")
    result = run("merge", str(base), str(ours), str(theirs), "--name", "plans/x.toml")
    assert result.returncode == 2
    assert result.stderr.startswith(
        "socialtui merge: plans/x.toml: THEIRS is not a plan socialtui can read (line 1, "
    )
    assert "Traceback" not in result.stderr


def test_bad_arguments_are_usage_errors(run, tmp_path):
    base, ours, theirs = versions(tmp_path, BAKERY, BAKERY)
    assert run("merge", str(base), str(ours)).returncode == 2
    result = run("merge", str(base), str(ours), str(theirs), "--marker-size", "0")
    assert result.returncode == 2
    assert "--marker-size must be from 1 to 100" in result.stderr


def test_help_says_what_git_gives_and_the_exit_statuses(run):
    result = run("merge", "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: socialtui merge")
    for text in ("git's %O", "git's %A", "git's %B", "exit status", "<<<<<<< ours"):
        assert text in result.stdout


@pytest.mark.parametrize(
    "argv",
    [
        ["merge", "b", "o", "t"],
        ["merge", "b", "o", "t", "-o", "out", "--name", "plans/x.toml", "--marker-size", "9"],
        ["merge", "b"],
        ["git-setup"],
        ["--data-dir", "d", "git-setup", "plans", "shared", "--undo"],
    ],
)
def test_start_up_builds_only_the_named_parser_and_reads_argv_alike(argv, capsys):
    assert cli.needed(argv) == argv[argv.index("merge" if "merge" in argv else "git-setup")]

    def outcome(parser):
        try:
            return sorted(vars(parser.parse_args(argv)).items(), key=str)
        except SystemExit as exit:
            return exit.code
        finally:
            capsys.readouterr()

    assert outcome(cli.build_parser(only=cli.needed(argv))) == outcome(cli.build_parser())


def test_the_top_help_lists_both_commands(run):
    result = run("--help")
    assert "merge" in result.stdout and "git-setup" in result.stdout
    assert run("git-setup", "--help").stdout.startswith("usage: socialtui git-setup")
