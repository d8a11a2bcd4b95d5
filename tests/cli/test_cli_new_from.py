"""socialtui new NAME --from interview|starter|blank, with and without a terminal.

The interview itself, in a terminal, is walked in tests/terminal/test_interview_tmux.py.
"""

from __future__ import annotations

import tomllib

import pytest


def test_the_interview_without_a_terminal_exits_2_with_one_line(run, plans):
    result = run("new", "Corner Bakery", "--from", "interview")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "needs a terminal" in result.stderr
    assert "--from starter" in result.stderr and "--from blank" in result.stderr
    assert "Traceback" not in result.stderr
    assert not plans.exists() or not list(plans.iterdir())


def test_without_a_terminal_and_without_from_scripts_get_the_starter(run, plans):
    result = run("new", "Scripted")
    assert result.returncode == 0, result.stderr
    data = tomllib.loads((plans / "scripted.toml").read_text(encoding="utf-8"))
    assert data["purpose"]["who"].startswith("A one-person studio")  # the starter's
    assert len(data["channels"]) == 3


def test_blank_is_a_name_a_budget_and_nothing_else(run, plans):
    result = run("new", "Empty", "--from", "blank")
    assert result.returncode == 0, result.stderr
    data = tomllib.loads((plans / "empty.toml").read_text(encoding="utf-8"))
    assert data["name"] == "Empty"
    assert data["budget"] == {
        "weekly_hours": 3.0,
        "reserve_percent": 10,
        "max_active_channels": 2,
    }
    assert data["review"] == {"every_weeks": 4, "last": data["review"]["last"]}
    assert not {"purpose", "goals", "audiences", "channels", "checkins"} & set(data)


def test_starter_is_the_worked_example(run, plans):
    assert run("new", "Example", "--from", "starter").returncode == 0
    data = tomllib.loads((plans / "example.toml").read_text(encoding="utf-8"))
    assert [g["id"] for g in data["goals"]] == ["enquiries", "readers"]


@pytest.mark.parametrize("template", ["interview", "starter", "blank"])
def test_a_taken_name_is_refused_before_anything_else(run, plans, template):
    assert run("new", "Mine", "--from", "blank").returncode == 0
    before = (plans / "mine.toml").read_bytes()
    result = run("new", "Mine", "--from", template)
    assert result.returncode == 2
    assert "already exists" in result.stderr
    assert (plans / "mine.toml").read_bytes() == before


def test_help_says_what_each_gives(run):
    result = run("new", "--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "{interview,starter,blank}" in text
    assert "interview: the POST interview" in text
    assert "starter: a small, commented example plan" in text
    assert "blank: a name, the budget's defaults and a review date" in text
    assert "Without --from: interview in a terminal, starter otherwise" in text


def test_an_unknown_from_is_a_usage_error(run, plans):
    result = run("new", "X", "--from", "template")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr
    assert not plans.exists()
