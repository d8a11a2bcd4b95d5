"""Time to first paint in a real terminal: start a command in tmux, poll the pane."""

from __future__ import annotations

import statistics
import subprocess
import time
import uuid


def first_paint(
    command: str, marker: str, env: dict[str, str], size=(120, 40), timeout=30.0
) -> float:
    socket = f"bench-{uuid.uuid4().hex[:8]}"
    env_args = [f"{k}={v}" for k, v in env.items()]

    def tmux(*args: str) -> str:
        return subprocess.run(
            ["tmux", "-L", socket, *args], capture_output=True, text=True, check=False
        ).stdout

    try:
        tmux("new-session", "-d", "-s", "b", "-x", str(size[0]), "-y", str(size[1]), "sleep 60")
        start = time.perf_counter()
        tmux(
            "respawn-pane",
            "-k",
            "-t",
            "b",
            "env",
            "-u",
            "COLUMNS",
            "-u",
            "LINES",
            *env_args,
            "sh",
            "-c",
            command,
        )
        while time.perf_counter() - start < timeout:
            if marker in tmux("capture-pane", "-p", "-t", "b"):
                return time.perf_counter() - start
            time.sleep(0.005)
        raise RuntimeError(f"{marker!r} never appeared for {command!r}")
    finally:
        tmux("kill-server")


def compare(
    runs: int, candidates: dict[str, tuple[str, str]], env: dict[str, str]
) -> dict[str, list[float]]:
    """Interleave the candidates run by run, so machine noise hits them alike."""
    times: dict[str, list[float]] = {name: [] for name in candidates}
    for command, marker in candidates.values():  # warm the disk cache once
        first_paint(command, marker, env)
    for _ in range(runs):
        for name, (command, marker) in candidates.items():
            times[name].append(first_paint(command, marker, env))
    return times


def median_ms(values: list[float]) -> float:
    return 1000 * statistics.median(values)
