"""A keystroke in a real terminal: from the key sent to tmux until the screen shows
its effect, socialtui's weekly hours against a bare Input echoed by a Static.

Both run at once, each in its own tmux server at 120x40; the keys alternate
between them (one to socialtui, one to the baseline, ...), so a busy machine
slows both alike. Each key is ``5`` or backspace, so the value goes 4 -> 45 ->
4: socialtui's gauge must then read ``/ 40h 30m`` or ``/ 3h 36m`` (45 or 4 hours
less the 10 % reserve), the baseline's echo ``[45]`` or ``[4]``. The time is
until ``tmux capture-pane`` shows it (polled as fast as tmux answers: both
sides pay the same polling).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "tests" / "fixtures" / "overcommitted.toml"
POLL = 0.002
"""Seconds between two looks at the screen (each look is a tmux command)."""


class Pane:
    """One program in its own tmux server."""

    def __init__(self, command: str, env: dict[str, str], size=(120, 40)) -> None:
        self.socket = f"keys-{uuid.uuid4().hex[:8]}"
        env_args = [f"{k}={v}" for k, v in env.items()]
        width, height = str(size[0]), str(size[1])
        self.tmux("new-session", "-d", "-s", "k", "-x", width, "-y", height, "sleep 60")
        self.tmux(
            "respawn-pane", "-k", "-t", "k", "env", "-u", "COLUMNS", "-u", "LINES",
            *env_args, "sh", "-c", command,
        )  # fmt: skip

    def tmux(self, *args: str) -> str:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        ).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "k")

    def key(self, key: str) -> None:
        self.tmux("send-keys", "-t", "k", key)

    def wait_for(self, marker: str, timeout: float = 30.0) -> float:
        """Seconds until ``marker`` is on the screen."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            if marker in self.screen():
                return time.perf_counter() - start
        raise RuntimeError(f"{marker!r} never appeared; the screen was:\n{self.screen()}")

    def timed(self, key: str, marker: str) -> float:
        start = time.perf_counter()
        self.key(key)
        while time.perf_counter() - start < 10.0:
            if marker in self.screen():
                return time.perf_counter() - start
            time.sleep(POLL)  # leave the programs measured the CPU they need
        raise RuntimeError(f"{marker!r} never appeared after {key!r}")

    def close(self) -> None:
        self.tmux("kill-server")


def _socialtui() -> str:
    script = Path(sys.executable).parent / "socialtui"
    return str(script) if script.exists() else (shutil.which("socialtui") or "socialtui")


def keystroke(rounds: int = 40) -> dict[str, float]:
    """Median ms from key to screen, for socialtui and the baseline, and the ratio."""
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        plans = tmp / "data" / "plans"
        plans.mkdir(parents=True)
        plan = plans / "studio.toml"
        shutil.copyfile(PLAN, plan)
        env = {
            "SOCIALTUI_DATA_DIR": str(tmp / "data"),
            "SOCIALTUI_CONFIG_DIR": str(tmp / "config"),
            "SOCIALTUI_TODAY": "2026-11-22",
            "TERM": "xterm-256color",
            "HOME": str(tmp),
            "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
            "PYTHONPATH": str(ROOT),
            "ESCDELAY": "25",
        }
        app = Pane(f"{_socialtui()} open {plan}", env)
        base = Pane(f"cd {ROOT} && {sys.executable} -m benchmarks.echo_app", env)
        try:
            app.wait_for("q Quit")
            base.wait_for("Weekly hours [4]")
            app.key("4")
            app.key("Enter")
            app.wait_for("Keep")  # weekly hours open, "4", cursor at the end
            times: dict[str, list[float]] = {"app": [], "baseline": []}
            for n in range(rounds + 4):  # the first four warm both up
                key, hours = ("5", "45") if n % 2 == 0 else ("BSpace", "4")
                gauge = "/ 40h 30m" if hours == "45" else "/ 3h 36m"
                took_app = app.timed(key, gauge)
                took_base = base.timed(key, f"Weekly hours [{hours}]")
                if n >= 4:
                    times["app"].append(took_app)
                    times["baseline"].append(took_base)
        finally:
            app.close()
            base.close()
    app_ms = 1000 * statistics.median(times["app"])
    base_ms = 1000 * statistics.median(times["baseline"])
    return {"app_ms": app_ms, "baseline_ms": base_ms, "ratio": app_ms / base_ms}


def report(result: dict[str, float]) -> str:
    return "\n".join(
        [
            "keystroke to screen in tmux, weekly hours open (median of interleaved keys)",
            f"  bare Input echoed by a Static (baseline)  {result['baseline_ms']:6.1f} ms",
            f"  socialtui, key to gauge redrawn           {result['app_ms']:6.1f} ms"
            f"  = {result['ratio']:.2f}x baseline (target <= 1.5x)",
        ]
    )


if __name__ == "__main__":
    print(report(keystroke()))
