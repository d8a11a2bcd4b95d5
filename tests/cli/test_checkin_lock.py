"""`socialtui checkin` with values respects a plan open in the app (its lock)."""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

from tests.lockholder import held

FIXTURES = Path(__file__).parent.parent / "fixtures"


def make_plan(plans: Path) -> Path:
    plans.mkdir(parents=True)
    path = plans / "studio.toml"
    shutil.copyfile(FIXTURES / "overcommitted.toml", path)
    return path


def test_checkin_refuses_while_another_session_holds_the_plan(run, plans: Path):
    plan = make_plan(plans)
    before = plan.read_bytes()
    with held(plan) as holder:
        pid = holder.pid
        done = run("checkin", "studio", "--hours", "linkedin=2")
        assert done.returncode == 75
        assert done.stderr.count("\n") == 1
        assert f"pid {pid} since" in done.stderr
        assert "nothing was recorded" in done.stderr
        assert plan.read_bytes() == before
        assert json.loads((plans / ".studio.toml.lock").read_text())["pid"] == pid
    # Once that session is gone, its stale lock does not stand in the way.
    done = run("checkin", "studio", "--hours", "linkedin=2")
    assert done.returncode == 0, done.stderr
    assert tomllib.loads(plan.read_text())["checkins"][-1]["hours"] == {"linkedin": 2}
    assert not (plans / ".studio.toml.lock").exists()  # released after the save


def test_restore_refuses_while_another_session_holds_the_plan(run, plans: Path):
    plan = make_plan(plans)
    assert run("checkin", "studio", "--hours", "linkedin=2").returncode == 0  # makes a backup
    before = plan.read_bytes()
    with held(plan) as holder:
        pid = holder.pid
        done = run("restore", "studio", "1")
        assert done.returncode == 75
        assert "nothing was restored" in done.stderr and f"pid {pid}" in done.stderr
        assert plan.read_bytes() == before
    done = run("restore", "studio", "1")  # that session is gone: the restore goes ahead
    assert done.returncode == 0, done.stderr
    assert "checkins" not in tomllib.loads(plan.read_text())


def test_a_headless_checkin_backs_up_the_version_it_changes(run, plans: Path):
    plan = make_plan(plans)
    original = plan.read_bytes()
    assert run("checkin", "studio", "--hours", "linkedin=2").returncode == 0
    backups = list((plans.parent / "backups").rglob("*.toml"))
    assert [b.read_bytes() for b in backups] == [original]
