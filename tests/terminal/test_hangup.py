"""Hang-ups and missing terminals, with the installed socialtui in real terminals (tmux).

- An edit, then the tmux server killed 0.2 s later (SIGHUP, the terminal gone):
  the plan holds the edit and no lock remains.
- SIGTERM: the edit is saved and the pane is back to the normal screen, mouse
  tracking off, cursor shown.
- SIGHUP ignored (``nohup``-style), then the terminal closes: the app notices,
  saves and exits instead of spinning.
- No terminal (stdin from /dev/null, stdout into a pipe, ``TERM=dumb``): one line,
  exit 2 within seconds, no lock.
"""

from __future__ import annotations

import os
import pty
import shlex
import shutil
import signal
import subprocess
import threading
import time
import tomllib
from pathlib import Path

import pytest
from sessions import private_env, studio_plan
from test_tmux import NO_TMUX, Tmux, socialtui_command

from tests.safety.stats import record

pytestmark = [
    pytest.mark.terminal,
    pytest.mark.skipif(shutil.which("tmux") is None, reason=NO_TMUX),
]


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return private_env(tmp_path)


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return studio_plan(tmp_path)


@pytest.fixture
def term(env: dict[str, str]):
    made = Tmux(80, 24, env)
    yield made
    made.kill()


def weekly_hours(path: Path) -> float:
    return tomllib.loads(path.read_text())["budget"]["weekly_hours"]


def lock_of(plan: Path) -> Path:
    return plan.parent / f".{plan.name}.lock"


def start_surviving_the_pane(term: Tmux, command: str, status: Path, hup: str = ":") -> None:
    """Run ``command`` in the pane under a shell that outlives the pane (``trap
    HUP``) and writes the command's exit status to ``status``. ``hup=":"`` handles
    SIGHUP in the shell only (the command gets the default); ``hup="''"`` ignores it
    for the command too, as ``nohup`` does."""
    env_args = [f"{k}={v}" for k, v in term.env.items()]
    script = f"trap {hup} HUP; {command}; echo $? > {shlex.quote(str(status))}"
    term.tmux(
        "new-session", "-d", "-s", term.name, "-x", str(term.width), "-y", str(term.height),
        "sleep", "60",
    )  # fmt: skip
    term.tmux("respawn-pane", "-k", "-t", term.name, "env", *env_args, "sh", "-c", script)


def app_pid(term: Tmux) -> int:
    """The pid of the program the pane's shell started."""
    shell = int(term.tmux("display", "-p", "-t", term.name, "#{pane_pid}").strip())
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat[stat.rindex(")") + 2 :].split()[1]) == shell:
                return int(entry)
    raise AssertionError("the pane's shell started nothing")


def wait_for_file(path: Path, timeout: float) -> float:
    """Seconds until ``path`` exists (and is written), or fail."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if path.exists() and path.read_text().strip():
            return time.monotonic() - started
        time.sleep(0.01)
    raise AssertionError(f"{path} never appeared")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def test_killing_the_terminal_0_2_s_after_an_edit_keeps_the_edit(
    term: Tmux, plan: Path, tmp_path: Path
):
    status = tmp_path / "status"
    start_surviving_the_pane(term, f"{socialtui_command()} open {plan}", status)
    term.wait_for(lambda s: "Studio Nord" in s and "[saved]" in s)
    term.keys("4", "Enter", "C-u", "1", "0", "Enter")  # 4.0 -> 10; autosave waits 1 s
    term.wait_for(lambda s: "[unsaved]" in s)
    time.sleep(0.2)
    term.kill()  # the tmux server goes: the terminal closes, SIGHUP
    took = wait_for_file(status, 15)
    record("hang-up: edit, tmux killed 0.2 s later, status written after", f"{took:.2f} s")
    assert status.read_text().strip() == "129"
    assert weekly_hours(plan) == 10
    assert not lock_of(plan).exists()


@pytest.mark.parametrize("signo", [signal.SIGTERM, signal.SIGINT])
def test_sigterm_saves_and_gives_the_terminal_back(term: Tmux, plan: Path, signo: int):
    """SIGINT too: sent by another program (ctrl+c is a key in the app), it ended
    the app with status 0 and the edit lost."""
    term.start(f"{socialtui_command()} open {plan}")
    term.wait_for(lambda s: "Studio Nord" in s and "[saved]" in s)
    flags = "#{alternate_on} #{mouse_any_flag} #{cursor_flag}"
    shown = term.tmux("display", "-p", "-t", term.name, flags).split()
    assert shown == ["1", "1", "0"]  # full screen, mouse tracking on, cursor hidden
    term.keys("4", "Enter", "C-u", "1", "0", "Enter")  # weekly hours 4.0 -> 10
    term.wait_for(lambda s: "[unsaved]" in s)
    os.kill(app_pid(term), signo)
    screen = term.wait_for(lambda s: "EXITED:" in s)
    assert f"EXITED:{128 + signo}" in screen
    assert f"socialtui: {signal.Signals(signo).name}: your edits were saved" in screen
    flags += " #{mouse_standard_flag} #{mouse_button_flag} #{mouse_sgr_flag}"
    shown = term.tmux("display", "-p", "-t", term.name, flags).split()
    assert shown == ["0", "0", "1", "0", "0", "0"]  # normal screen, no mouse, cursor shown
    assert weekly_hours(plan) == 10
    assert not lock_of(plan).exists()


def test_a_closed_terminal_ends_the_app_even_when_sighup_is_ignored(
    term: Tmux, plan: Path, tmp_path: Path
):
    status = tmp_path / "status"
    start_surviving_the_pane(term, f"{socialtui_command()} open {plan}", status, hup="''")
    term.wait_for(lambda s: "Studio Nord" in s and "[saved]" in s)
    pid = app_pid(term)
    term.keys("4", "Enter", "C-u", "1", "0", "Enter")  # weekly hours 4.0 -> 10
    term.wait_for(lambda s: "[unsaved]" in s)
    before = cpu_seconds(pid)
    term.kill()
    took = wait_for_file(status, 15)
    record("terminal closed with SIGHUP ignored: status written after", f"{took:.2f} s")
    assert status.read_text().strip() == "129"
    assert weekly_hours(plan) == 10
    assert not lock_of(plan).exists()
    assert not Path(f"/proc/{pid}").exists() or cpu_seconds(pid) - before < 2


@pytest.mark.parametrize(
    ("how", "template"),
    [
        ("stdin from /dev/null", "{cmd} checkin studio </dev/null"),
        ("stdout into a pipe", "{{ {cmd} checkin studio; echo EXITED:$? >&2; }} | cat"),
        ("TERM=dumb", "TERM=dumb {cmd} open studio"),
    ],
)
def test_without_a_terminal_the_app_does_not_start(term: Tmux, plan: Path, how: str, template: str):
    before = plan.read_bytes()
    term.start(template.format(cmd=socialtui_command()))
    started = time.monotonic()
    screen = term.wait_for(lambda s: "EXITED:" in s, timeout=15)
    record(f"no terminal ({how}): refused after", f"{time.monotonic() - started:.2f} s")
    assert "the full-screen app needs a terminal" in screen
    assert screen.split("EXITED:")[1].startswith("2")  # the command's own status
    assert plan.read_bytes() == before
    assert not lock_of(plan).exists()


def _as_in_a_terminal() -> None:
    """The child's hang-up signals as a terminal session has them: run under
    ``nohup`` (a CI job), the tests inherit SIGHUP ignored, which socialtui keeps
    ignored as it should, and every SIGHUP sent here would be ignored too."""
    for signo in (signal.SIGHUP, signal.SIGTERM, signal.SIGINT):
        signal.signal(signo, signal.SIG_DFL)


def run_in_a_pty(command: list[str], env: dict[str, str], when: float | bytes, signo: int):
    """Start ``command`` on a pseudo-terminal and send it ``signo`` ``when`` seconds
    later, or as soon as the terminal receives ``when`` (bytes); (exit status,
    seconds from the signal to the exit, what the terminal received)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        command,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
        preexec_fn=_as_in_a_terminal,
    )
    os.close(slave)
    chunks: list[bytes] = []
    seen = threading.Event()

    def drain() -> None:
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)
            if isinstance(when, bytes) and when in b"".join(chunks):
                seen.set()

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    if isinstance(when, bytes):
        assert seen.wait(30), f"{when!r} never came"
    else:
        time.sleep(when)
    sent = time.monotonic()
    proc.send_signal(signo)
    try:
        code = proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        code = None  # still running 15 s later: the caller says where
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    took = time.monotonic() - sent
    reader.join(timeout=2)
    os.close(master)
    return code, took, b"".join(chunks)


# While the plan loads; the moment Textual enters full screen; the first frame, while
# the panes mount; once the app runs.
MOMENTS: tuple[float | bytes, ...] = (0.15, 0.3, b"\x1b[?1049h", b"Studio Nord", 1.5)


def test_a_signal_at_any_moment_of_the_start_leaves_no_lock_and_a_sane_terminal(
    plan: Path, env: dict[str, str], tmp_path: Path
):
    """Sent while the plan loads, as Textual sets the terminal up, while the panes
    mount, or later: never a crash (a signal raised inside Textual's start-up used
    to cut it in two: exit 70 and a crash log), never a lock left, the alternate
    screen left and the cursor shown whenever they were changed."""
    environ = dict(env, SOCIALTUI_LOG_DIR=str(tmp_path / "logs"))
    slowest = 0.0
    for when in MOMENTS:
        # SIGINT once socialtui's own code runs (during Python's imports it is a
        # KeyboardInterrupt nobody but Python can catch)
        signals = (signal.SIGTERM, signal.SIGHUP) + ((signal.SIGINT,) if when != 0.15 else ())
        for signo in signals:
            code, took, shown = run_in_a_pty(
                [socialtui_command(), "open", str(plan)], environ, when, signo
            )
            where = f"{signal.Signals(signo).name} at {when!r}"
            assert code == 128 + signo, f"{where}: exit {code}; the terminal got {shown[-300:]!r}"
            assert not lock_of(plan).exists(), f"{where}: the lock was left"
            entered = shown.count(b"\x1b[?1049h")
            assert shown.count(b"\x1b[?1049l") == entered, f"{where}: still full screen"
            assert not entered or shown.rfind(b"\x1b[?25h") > shown.rfind(b"\x1b[?25l"), where
            assert b"Traceback" not in shown and b"unexpected error" not in shown, where
            slowest = max(slowest, took)
    assert not (tmp_path / "logs").exists() or not list((tmp_path / "logs").iterdir())
    record("a signal during the start: slowest exit after it", f"{slowest:.2f} s")
