"""``socialtui due`` against ``python -c pass``, run interleaved in the same loop.

A data directory of five plans, each with three years of weekly check-ins
(156 weeks, 12 channels of which 10 active: 72 kB), on a Friday when every
plan's check-in is due (so the command prints). Target: at most 2x the bare
interpreter, with the cache made (the state of every run after the first since
a plan changed). For context: the same with the data directory left to
platformdirs (its answer noted in the cache), and with the cache removed before
every run (each plan read and checked again: once per plan version).

The interpreter is this one (the virtualenv's); socialtui's bytecode is
compiled first, as ``pip install`` does.

Run: ``python -m benchmarks`` (everything) or ``python -m benchmarks.bench_due``.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_tui import compile_bytecode, socialtui_script
from benchmarks.plans import big_plan_text

PLANS = 5
TODAY = "2026-11-27"  # the Friday after the plans' last check-in week (2026-W47)


def _perf(command: list[str], env: dict[str, str], before=None) -> float:
    if before is not None:
        before()
    start = time.perf_counter()
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{command} failed: {done.stderr.decode(errors='replace')}")
    return elapsed


def run(runs: int = 40, cold_runs: int = 8) -> dict[str, float]:
    """Medians in ms and ratios against ``python -c pass``."""
    compile_bytecode()
    script = socialtui_script()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        text = big_plan_text(channels=12, goals=5, audiences=4, checkins=156, active=10)
        given = tmp / "data"
        platform = tmp / "xdg" / "socialtui"
        for data in (given, platform):
            (data / "plans").mkdir(parents=True)
            for n in range(PLANS):
                (data / "plans" / f"plan{n}.toml").write_text(text, encoding="utf-8")
        base = {k: v for k, v in os.environ.items() if not k.startswith("SOCIALTUI_")}
        base.update(SOCIALTUI_TODAY=TODAY, XDG_DATA_HOME=str(tmp / "xdg"))
        env_given = dict(base, SOCIALTUI_DATA_DIR=str(given))
        commands = {
            "pass": ([sys.executable, "-c", "pass"], base, None),
            "due": ([script, "due"], env_given, None),
            "platformdirs": ([script, "due"], base, None),
        }
        for command, env, _ in commands.values():  # warm the disk cache, make the caches
            _perf(command, env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for key, (command, env, before) in commands.items():
                times[key].append(_perf(command, env, before))

        def forget() -> None:
            shutil.rmtree(given / "cache", ignore_errors=True)

        cold = {"pass": [], "cold": []}
        for _ in range(cold_runs):
            cold["pass"].append(_perf([sys.executable, "-c", "pass"], base))
            cold["cold"].append(_perf([script, "due"], env_given, forget))
    med = {key: 1000 * statistics.median(values) for key, values in times.items()}
    cold_med = {key: 1000 * statistics.median(values) for key, values in cold.items()}
    return {
        "bytes": len(text.encode()),
        "runs": runs,
        "pass_ms": med["pass"],
        "due_ms": med["due"],
        "due_ratio": med["due"] / med["pass"],
        "platformdirs_ms": med["platformdirs"],
        "platformdirs_ratio": med["platformdirs"] / med["pass"],
        "cold_ms": cold_med["cold"],
        "cold_ratio": cold_med["cold"] / cold_med["pass"],
    }


def report(result: dict[str, float]) -> str:
    rows = [
        ("python -c pass (baseline)", result["pass_ms"], ""),
        (
            "socialtui due",
            result["due_ms"],
            f"= {result['due_ratio']:.2f}x python -c pass (target <= 2x)",
        ),
        (
            "  data dir left to platformdirs",
            result["platformdirs_ms"],
            f"= {result['platformdirs_ratio']:.2f}x",
        ),
        (
            "  cache removed before each run",
            result["cold_ms"],
            f"= {result['cold_ratio']:.2f}x (once after each change of a plan)",
        ),
    ]
    return "\n".join(
        [
            f"socialtui due: {PLANS} plans of 156 weekly check-ins ({result['bytes']:,} bytes "
            f"each), medians of {result['runs']} interleaved runs",
            *(f"  {label:<32} {ms:6.1f} ms  {note}".rstrip() for label, ms, note in rows),
        ]
    )


if __name__ == "__main__":
    print(report(run()))
