"""socialtui new: starter and blank plans, permissions, never overwriting."""

from __future__ import annotations

import json
import stat
import tomllib

import pytest


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("template", ["starter", "blank"])
def test_new_creates_a_private_plan(run, plans, template):
    result = run("new", "Corner Bakery 2027", "--from", template)
    assert result.returncode == 0, result.stderr
    path = plans / "corner-bakery-2027.toml"
    assert path.is_file()
    assert str(path) in result.stdout
    assert _mode(path) == 0o600
    assert _mode(plans) == 0o700
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["name"] == "Corner Bakery 2027"
    assert data["schema"] == 1
    assert data["review"]["last"].isoformat() == "2026-11-22"


def test_new_defaults_to_the_starter(run, plans):
    assert run("new", "Plan").returncode == 0
    data = tomllib.loads((plans / "plan.toml").read_text(encoding="utf-8"))
    assert len(data["goals"]) == 2
    assert len(data["audiences"]) == 2
    assert [c["status"] for c in data["channels"]].count("active") in (1, 2)
    assert "candidate" in [c["status"] for c in data["channels"]]
    assert "checkins" not in data
    assert "#" in (plans / "plan.toml").read_text(encoding="utf-8")  # it teaches


def test_new_refuses_to_overwrite(run, plans):
    assert run("new", "Mine").returncode == 0
    path = plans / "mine.toml"
    path.write_text(path.read_text(encoding="utf-8") + "# my own edit\n", encoding="utf-8")
    before = path.read_bytes()
    for template in ("starter", "blank"):
        result = run("new", "Mine", "--from", template)
        assert result.returncode == 2
        assert "already exists" in result.stderr
        assert "Traceback" not in result.stderr
        assert path.read_bytes() == before


def test_new_refuses_an_empty_name(run, plans):
    result = run("new", "   ")
    assert result.returncode == 2
    assert "name" in result.stderr
    assert not plans.exists() or not list(plans.iterdir())


@pytest.mark.parametrize("today", ["2026-11-22", "2026-01-31", "2027-02-28", "2028-12-31"])
def test_starter_raises_no_warning(run, today):
    assert run("new", "Starter", today=today).returncode == 0
    result = run("check", "Starter", "--format", "json", today=today)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["errors"] == []
    (plan,) = report["plans"]
    assert plan["name"] == "Starter"
    assert plan["findings"] == []
    # It fits comfortably: under 90 % of capacity.
    assert 0 < plan["committed_minutes"] <= 0.9 * plan["capacity_minutes"]


def test_blank_plan_checks_without_errors(run):
    assert run("new", "Empty", "--from", "blank").returncode == 0
    result = run("check", "Empty", "--format", "json")
    assert result.returncode == 0, result.stderr
    (plan,) = json.loads(result.stdout)["plans"]
    assert {f["severity"] for f in plan["findings"]} <= {"warning", "info"}


def test_hostile_name_round_trips_and_prints_harmlessly(run, plans):
    name = "Evil \x1b[2J\x7f \u202eplan\x9b"
    result = run("new", name)
    assert result.returncode == 0, result.stderr
    (path,) = plans.glob("*.toml")
    assert tomllib.loads(path.read_text(encoding="utf-8"))["name"] == name
    for args in (("list",), ("check",), ("check", "--format", "json")):
        out = run(*args)
        for bad in ("\x1b", "\x7f", "\u202e", "\x9b"):
            assert bad not in out.stdout
            assert bad not in out.stderr
