"""Headless ``checkin`` against write protection, line endings and other commands' locks."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
import tomllib
from pathlib import Path

import pytest

from socialtui.store import lock
from tests.cli.conftest import socialtui_script
from tests.lockholder import held

FIXTURES = Path(__file__).parent.parent / "fixtures"
NOBODY = 65534


def script(plans: Path, tmp_path: Path) -> tuple[dict[str, str], str]:
    """The environment and the console script, to start several at once."""
    env = dict(
        os.environ,
        SOCIALTUI_DATA_DIR=str(plans.parent),
        SOCIALTUI_CONFIG_DIR=str(tmp_path / "config"),
        SOCIALTUI_TODAY="2026-11-22",
    )
    return env, socialtui_script()


def make_plan(plans: Path) -> Path:
    plans.mkdir(parents=True)
    path = plans / "studio.toml"
    shutil.copyfile(FIXTURES / "overcommitted.toml", path)
    path.chmod(0o600)
    return path


# -- write protection --------------------------------------------------------------------


def test_checkin_refuses_a_plan_without_write_permission(run, plans: Path):
    plan = make_plan(plans)
    plan.chmod(0o400)
    before = plan.read_bytes()
    done = run("checkin", "studio", "--hours", "linkedin=2")
    assert done.returncode == 2
    assert done.stderr == (
        f"socialtui: checkin: {plan} is read-only: you have no write permission on it "
        "(mode 0400); nothing was recorded\n"
    )
    assert plan.read_bytes() == before
    assert os.stat(plan).st_mode & 0o777 == 0o400
    assert not lock.lock_path(plan).exists()


@pytest.mark.skipif(os.geteuid() != 0, reason="chown to another user needs root")
def test_checkin_refuses_a_plan_of_another_user_and_leaves_its_owner(run, plans: Path):
    plan = make_plan(plans)
    plan.chmod(0o666)
    os.chown(plan, NOBODY, NOBODY)
    before = plan.read_bytes()
    done = run("checkin", "studio", "--hours", "linkedin=2")
    assert done.returncode == 2
    assert "is read-only: it belongs to" in done.stderr
    assert plan.read_bytes() == before
    assert os.stat(plan).st_uid == NOBODY


# -- line endings -------------------------------------------------------------------------


def test_a_crlf_plan_gets_its_new_checkin_in_crlf(run, plans: Path):
    plan = make_plan(plans)
    plan.write_bytes(plan.read_bytes().replace(b"\n", b"\r\n"))
    done = run("checkin", "studio", "--hours", "linkedin=2", "--note", "two\nlines")
    assert done.returncode == 0, done.stderr
    raw = plan.read_bytes()
    assert b"\n" not in raw.replace(b"\r\n", b""), raw[-300:]
    assert b'week = "2026-W47"\r\n' in raw
    assert tomllib.loads(raw.decode())["checkins"][-1]["note"] == "two\nlines"


# -- another command's lock ---------------------------------------------------------------


def test_checkin_waits_for_another_command_that_lets_go_in_a_moment(run, plans: Path):
    plan = make_plan(plans)
    with held(plan, "checkin", 0.6):
        done = run("checkin", "studio", "--hours", "linkedin=2")
    assert done.returncode == 0, done.stderr
    assert tomllib.loads(plan.read_text())["checkins"][-1]["hours"] == {"linkedin": 2}
    assert not lock.lock_path(plan).exists()


def test_checkin_refuses_after_two_seconds_naming_the_command_that_holds_it(run, plans: Path):
    plan = make_plan(plans)
    before = plan.read_bytes()
    with held(plan, "restore", 60) as holder:
        started = time.monotonic()
        done = run("checkin", "studio", "--hours", "linkedin=2")
        waited = time.monotonic() - started
    assert done.returncode == 75
    assert waited >= 2.0
    assert "is being changed by socialtui restore (" in done.stderr
    assert f"pid {holder.pid} since" in done.stderr
    assert "nothing was recorded. Try again in a moment" in done.stderr
    assert plan.read_bytes() == before


def test_checkin_refuses_the_app_at_once_and_says_it_is_the_app(run, plans: Path):
    plan = make_plan(plans)
    with held(plan, "app", 60) as holder:
        started = time.monotonic()
        done = run("checkin", "studio", "--hours", "linkedin=2")
        waited = time.monotonic() - started
    assert done.returncode == 75
    assert waited < 2.0  # the app lets go when the person quits: no point waiting
    assert "is open in the socialtui app (" in done.stderr
    assert f"pid {holder.pid} since" in done.stderr


def test_two_checkins_at_the_same_moment_both_record(plans: Path, tmp_path: Path):
    """Started together: one waits for the other instead of being refused."""
    plan = make_plan(plans)
    env, exe = script(plans, tmp_path)
    procs = [
        subprocess.Popen(
            [exe, "checkin", "studio", "--week", week, "--hours", "linkedin=2"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for week in ("2026-W45", "2026-W46")
    ]
    results = [(p.wait(timeout=60), p.stderr.read()) for p in procs]  # type: ignore[union-attr]
    assert [code for code, _ in results] == [0, 0], results
    weeks = {c["week"] for c in tomllib.loads(plan.read_text())["checkins"]}
    assert {"2026-W45", "2026-W46"} <= weeks


def test_the_lock_file_says_which_program_holds_it(plans: Path):
    plan = make_plan(plans)
    got = lock.acquire(plan, "checkin")
    assert isinstance(got, lock.Lock)
    try:
        holder = lock.read_holder(lock.lock_path(plan))
        assert holder is not None and holder.program == "checkin" and holder.is_command
        assert holder.program_name() == "socialtui checkin"
    finally:
        got.release()
    old_style = lock.lock_path(plan)
    old_style.write_text('{"pid": 1, "user": "ana", "host": "box", "token": "t"}')
    holder = lock.read_holder(old_style)
    assert holder is not None and holder.program == "app" and not holder.is_command


# -- numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["1e308", "٣", "inf", "1_000", "0x10"])
def test_checkin_refuses_numbers_that_are_not_plain_decimals(run, plans: Path, value: str):
    plan = make_plan(plans)
    before = plan.read_bytes()
    goal = tomllib.loads(plan.read_text())["goals"][0]["id"]
    done = run("checkin", "studio", "--metric", f"{goal}={value}")
    assert done.returncode == 2
    assert "from -1,000,000,000,000 to 1,000,000,000,000" in done.stderr
    assert done.stderr.count("\n") == 1
    assert plan.read_bytes() == before


# -- signals --------------------------------------------------------------------------------


def test_a_checkin_interrupted_while_it_holds_the_lock_leaves_no_lock_and_a_whole_file(
    plans: Path, tmp_path: Path
):
    """SIGTERM the moment the lock file appears: the command unwinds (its lock
    released, an unfinished write's temp file removed), exits 143, and the plan
    is what it was or what it will be. Before, SIGTERM killed it on the spot and
    left the lock behind."""
    plan = make_plan(plans)
    before = plan.read_bytes()
    lock_file = lock.lock_path(plan)
    env, exe = script(plans, tmp_path)
    caught = 0
    for attempt in range(8):
        proc = subprocess.Popen(
            [exe, "checkin", "studio", "--week", f"2026-W{30 + attempt}", "--hours", "linkedin=2"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 30
        while not lock_file.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.0002)
        if proc.poll() is None and lock_file.exists():
            proc.send_signal(signal.SIGTERM)
            caught += 1
        code = proc.wait(timeout=30)
        assert code in (0, 128 + signal.SIGTERM), proc.stderr.read()  # type: ignore[union-attr]
        assert not lock_file.exists(), f"attempt {attempt}: the lock was left behind"
        text = plan.read_bytes()
        weeks = [c["week"] for c in tomllib.loads(text.decode()).get("checkins", [])]
        assert text == before or f"2026-W{30 + attempt}" in weeks  # as it was, or will be
        before = text
        assert not list(plans.glob(".*.tmp")), "a temp file was left behind"
    assert caught >= 4, f"only {caught} of 8 signals landed while the lock was held"
