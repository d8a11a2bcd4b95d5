"""The README's reminders do what it says: the shell lines in bash (and zsh when it is
installed), the cron job's command in sh with cron's short environment, the systemd
units through ``systemd-analyze verify`` (where systemd is installed).

Each block is read from the README (the fenced block after ``<!-- reminder: NAME -->``)
and run as written, in a temporary home.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import socialtui_script
from plan_texts import GOOD, write_plan

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
WEEK_47 = '\n[[checkins]]\nweek = "2026-W47"\n'
SUNDAY = "2026-11-22"  # the end of 2026-W47: with its check-in, nothing is due
FRIDAY = "2026-11-27"  # 2026-W48's check-in is due
DUE_LINE = "good: check-in for 2026-W48 not recorded (due Fri)\n"


def block(name: str) -> str:
    text = README.read_text(encoding="utf-8")
    found = re.search(rf"<!-- reminder: {name} -->\n```\w*\n(.*?)^```$", text, re.S | re.M)
    assert found, f"no block marked <!-- reminder: {name} --> in the README"
    return found.group(1)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A home with socialtui where pipx puts it and a plan in the default data directory."""
    home = tmp_path / "home"
    (home / ".local" / "bin").mkdir(parents=True)
    (home / ".local" / "bin" / "socialtui").symlink_to(socialtui_script())
    write_plan(home / ".local" / "share" / "socialtui" / "plans", "good", GOOD + WEEK_47)
    return home


def environment(home: Path, today: str, path: str) -> dict[str, str]:
    """What a login or cron gives: no SOCIALTUI_ or XDG_ variables, so the data
    directory is the platform's default in ``home``."""
    return {"HOME": str(home), "PATH": path, "LOGNAME": "ana", "SOCIALTUI_TODAY": today}


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_the_shell_lines_say_what_is_due_in_an_interactive_shell_only(shell, home):
    program = shutil.which(shell)
    if program is None:
        pytest.skip(f"{shell} is not installed")
    snippet = block("shell")
    path = f"{home / '.local' / 'bin'}:/usr/bin:/bin"

    def start(today: str, *flags: str, search: str = path) -> subprocess.CompletedProcess:
        rc = ["--norc"] if shell == "bash" else ["-f"]  # none of this machine's start-up files
        return subprocess.run(
            [program, *rc, *flags, "-c", snippet],
            env=environment(home, today, search),
            capture_output=True,
            text=True,
            cwd=home,
            timeout=60,
        )

    due = start(FRIDAY, "-i")
    assert (due.returncode, due.stdout) == (0, DUE_LINE), due.stderr
    quiet = start(SUNDAY, "-i")
    assert (quiet.returncode, quiet.stdout) == (0, "")
    not_interactive = start(FRIDAY)  # scp, rsync: not a word
    assert (not_interactive.returncode, not_interactive.stdout) == (0, "")
    not_installed = start(FRIDAY, "-i", search="/usr/bin:/bin")
    assert (not_installed.returncode, not_installed.stdout) == (0, "")
    for result in (due, quiet, not_interactive, not_installed):
        assert "socialtui" not in result.stderr  # no complaint of ours (job control aside)


def test_the_cron_job_prints_only_when_something_is_due(home):
    lines = [line for line in block("cron").splitlines() if line and not line.startswith("#")]
    assert lines[0].startswith("MAILTO=")
    fields = lines[1].split(None, 5)
    minute, hour, day, month, weekday, command = fields
    assert (minute, hour, day, month, weekday) == ("0", "9", "*", "*", "*")
    assert "%" not in command  # cron would make it a newline
    sh = shutil.which("sh") or "/bin/sh"

    def job(today: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sh, "-c", command],
            env=dict(environment(home, today, "/usr/bin:/bin"), SHELL="/bin/sh"),
            capture_output=True,
            text=True,
            cwd=home,
            timeout=60,
        )

    quiet = job(SUNDAY)
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")  # no mail
    due = job(FRIDAY)
    assert (due.returncode, due.stdout, due.stderr) == (1, DUE_LINE, "")  # a mail
    write_plan(home / ".local" / "share" / "socialtui" / "plans", "broken", "name = = 1\n")
    broken = job(SUNDAY)
    assert broken.returncode == 2 and "broken.toml:1:" in broken.stderr  # a mail too


def test_the_systemd_units_verify(home, tmp_path):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed (systemd is not on this machine)")
    commands = [line for line in block("systemd").splitlines() if "--print-systemd" in line]
    assert len(commands) == 2
    path = f"{home / '.local' / 'bin'}:/usr/bin:/bin"
    env = environment(home, SUNDAY, path)
    setup = "mkdir -p ~/.config/systemd/user\n" + "\n".join(commands)
    subprocess.run(["bash", "--norc", "-c", setup], env=env, check=True, cwd=home, timeout=60)
    units = home / ".config" / "systemd" / "user"
    service = (units / "socialtui-due.service").read_text()
    timer = (units / "socialtui-due.timer").read_text()
    assert f"ExecStart={socialtui_script()} due\n" in service  # by absolute path
    assert "Persistent=true" in timer
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    files = [str(units / "socialtui-due.timer"), str(units / "socialtui-due.service")]
    verified = subprocess.run(
        [analyze, "--user", "verify", *files],
        env=dict(env, XDG_RUNTIME_DIR=str(runtime)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (verified.returncode, verified.stderr) == (0, "")


def test_a_broken_unit_would_fail_verification(tmp_path):
    """The check above can fail: a misspelt key and a missing program are reported."""
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed (systemd is not on this machine)")
    service = tmp_path / "socialtui-due.service"
    service.write_text("[Service]\nType=oneshot\nExecStrat=/nowhere/socialtui due\n")
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    verified = subprocess.run(
        [analyze, "--user", "verify", str(service)],
        env=dict(os.environ, XDG_RUNTIME_DIR=str(runtime)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert verified.returncode != 0 or verified.stderr != ""
