"""socialtui list: every plan in the data dir, broken ones included."""

from __future__ import annotations

import re

from plan_texts import BROKEN, GOOD, OVER, write_plan


def test_empty_data_dir_says_how_to_start(run):
    result = run("list")
    assert result.returncode == 0
    assert "No plans" in result.stdout
    assert "socialtui new" in result.stdout


def test_list_shows_every_plan(run, plans):
    assert run("new", "My first social plan").returncode == 0
    write_plan(plans, "good", GOOD)
    write_plan(plans, "over", OVER)
    write_plan(plans, "broken", BROKEN)
    result = run("list")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    lines = {line.split("  ")[0]: line for line in result.stdout.splitlines()}

    starter = lines["My first social plan"]
    assert "my-first-social-plan.toml" in starter
    assert "2h 30m / 3h 36m" in starter
    assert starter.rstrip().endswith("ok")
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d", starter)

    assert "1h 30m / 3h 36m" in lines["Good plan"]
    assert lines["Good plan"].rstrip().endswith("ok")

    over = lines["Over plan"]
    assert "3h 00m / 54m" in over
    assert over.rstrip().endswith("error")

    (broken,) = [line for line in result.stdout.splitlines() if "broken.toml" in line]
    assert "unreadable:" in broken
    assert "line 4" in broken


def test_list_warning_status(run, plans):
    write_plan(plans, "good", GOOD)
    # Review due 2026-11-29; a month later it is overdue: a warning.
    result = run("list", today="2026-12-30")
    (line,) = [line for line in result.stdout.splitlines() if "good.toml" in line]
    assert line.rstrip().endswith("warning")
