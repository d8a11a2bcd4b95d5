"""socialtui check: findings, exit statuses, text and JSON."""

from __future__ import annotations

import json
import re

from plan_texts import BROKEN, GOOD, OVER, write_plan

FINDING_KEYS = {"id", "severity", "message", "principle", "subject", "fix"}
PLAN_KEYS = {"path", "name", "committed_minutes", "capacity_minutes", "findings", "next_channel"}
ERROR_KEYS = {"path", "line", "column", "reason"}
EDIT_KEYS = {"kind", "id", "field", "old", "new"}


def test_good_plan_exits_0(run, plans):
    path = write_plan(plans, "good", GOOD)
    for ref in ("good", str(path)):
        result = run("check", ref)
        assert result.returncode == 0, result.stderr
        assert "Good plan" in result.stdout
        assert str(path) in result.stdout
        assert "1h 30m / 3h 36m" in result.stdout
        assert "no findings" in result.stdout


def test_a_path_outside_the_data_dir(run, tmp_path):
    path = tmp_path / "team-repo" / "plan.toml"
    path.parent.mkdir()
    path.write_text(GOOD, encoding="utf-8")
    result = run("check", str(path))
    assert result.returncode == 0, result.stderr
    assert "Good plan" in result.stdout


def test_warnings_alone_exit_0(run, plans):
    write_plan(plans, "good", GOOD)
    result = run("check", "good", today="2026-12-30")
    assert result.returncode == 0
    assert re.search(r"^  warning +review-overdue  Review was due", result.stdout, re.M)


def test_over_budget_exits_1_with_the_fix(run, plans):
    write_plan(plans, "over", OVER)
    result = run("check", "over")
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Over plan  (")
    assert lines[0].endswith("3h 00m / 54m")
    (index,) = [i for i, line in enumerate(lines) if "over-budget" in line]
    assert re.match(
        r"  error +over-budget +3h 00m planned, 54m available — 2h 06m over", lines[index]
    )
    assert lines[index + 1].strip().startswith("fix:")
    assert lines[index + 1].startswith("    ")


def test_broken_plan_exits_2_with_position(run, plans):
    path = write_plan(plans, "broken", BROKEN)
    result = run("check", "broken")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert re.search(rf"^{re.escape(str(path))}:4:\d+: \S", result.stderr, re.M)


def test_missing_plan_exits_2(run, plans):
    result = run("check", "nope")
    assert result.returncode == 2
    assert "nope" in result.stderr
    assert "Traceback" not in result.stderr


def test_no_plan_means_every_plan(run, plans):
    write_plan(plans, "good", GOOD)
    write_plan(plans, "over", OVER)
    result = run("check")
    assert result.returncode == 1
    assert "Good plan" in result.stdout
    assert "Over plan" in result.stdout


def test_empty_data_dir(run):
    result = run("check")
    assert result.returncode == 0
    assert "socialtui new" in result.stderr


def test_worst_status_wins_and_all_are_reported(run, plans):
    write_plan(plans, "good", GOOD)
    write_plan(plans, "over", OVER)
    broken = write_plan(plans, "broken", BROKEN)

    assert run("check", "good").returncode == 0
    assert run("check", "good", "over").returncode == 1
    assert run("check", "over", "good").returncode == 1

    for args in (("good", "broken", "over"), ("broken", "good", "over"), ()):
        result = run("check", *args)
        assert result.returncode == 2
        assert "Good plan" in result.stdout
        assert "Over plan" in result.stdout
        assert "over-budget" in result.stdout
        assert f"{broken}:4:" in result.stderr
        assert "Traceback" not in result.stderr


def test_json_shape(run, plans):
    good = write_plan(plans, "good", GOOD)
    over = write_plan(plans, "over", OVER)
    broken = write_plan(plans, "broken", BROKEN)
    result = run("check", "good", "over", "broken", "--format", "json")
    assert result.returncode == 2
    report = json.loads(result.stdout)
    assert set(report) == {"plans", "errors"}

    by_path = {p["path"]: p for p in report["plans"]}
    assert set(by_path) == {str(good), str(over)}
    for plan in report["plans"]:
        assert set(plan) == PLAN_KEYS
        for finding in plan["findings"]:
            assert set(finding) == FINDING_KEYS
            assert finding["severity"] in ("error", "warning", "info")
            if finding["fix"] is not None:
                assert set(finding["fix"]) == {"label", "edits"}
                for edit in finding["fix"]["edits"]:
                    assert set(edit) == EDIT_KEYS

    assert by_path[str(good)]["findings"] == []
    assert by_path[str(good)]["name"] == "Good plan"
    assert by_path[str(good)]["committed_minutes"] == 90
    assert by_path[str(good)]["capacity_minutes"] == 216

    over_plan = by_path[str(over)]
    assert over_plan["committed_minutes"] == 180
    assert over_plan["capacity_minutes"] == 54
    first = over_plan["findings"][0]
    assert first["id"] == "over-budget"
    assert first["severity"] == "error"
    assert first["principle"] == "P5"
    assert first["subject"] == "budget"
    assert first["fix"]["edits"], "fit-to-budget proposes edits"
    assert all(e["kind"] == "channel" for e in first["fix"]["edits"])

    (error,) = report["errors"]
    assert set(error) == ERROR_KEYS
    assert error["path"] == str(broken)
    assert error["line"] == 4
    assert isinstance(error["column"], int)
    assert error["reason"]
    assert f"{broken}:4:" in result.stderr


def test_json_exit_status_matches_text(run, plans):
    write_plan(plans, "over", OVER)
    assert run("check", "--format", "json").returncode == 1
    write_plan(plans, "good", GOOD)
    assert run("check", "good", "--format", "json").returncode == 0
