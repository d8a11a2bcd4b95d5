"""Core benchmarks: check() and load() on a large plan, against tomllib in the same run.

A plan of 50 channels, 100 goals, 20 audiences and 156 weekly check-ins; check()
also on the same plan with a daily limit its days break, every other active
channel on days of its own (one off the plan's days) and fractional cadences,
so that every rule on the week has work to do.
Targets: check() under 5 ms; load() within 2x of tomllib parsing the same text.
"""

from __future__ import annotations

import statistics
import tempfile
import time
import tomllib
from dataclasses import replace
from datetime import date
from pathlib import Path

from benchmarks.plans import big_plan_text

TODAY = date(2026, 11, 22)


def timeit(func, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return times


def week_variant(plan):
    """``plan`` with a daily limit of 30 minutes, and every other active channel
    posting 2.5 a week on Tue, Thu and Sat (Saturday outside the plan's days)."""
    channels = tuple(
        replace(c, posts_per_week=2.5, days=("tue", "thu", "sat")) if c.active and i % 2 else c
        for i, c in enumerate(plan.channels)
    )
    return replace(plan, budget=replace(plan.budget, max_minutes_per_day=30), channels=channels)


def run(repeat: int = 30) -> dict[str, float]:
    from socialtui import store
    from socialtui.plan.findings import check

    text = big_plan_text()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.toml"
        path.write_text(text, encoding="utf-8")
        plan = store.load(path).plan
        week = week_variant(plan)
        check(plan, TODAY)  # warm
        check(week, TODAY)
        results: dict[str, list[float]] = {"tomllib": [], "load": [], "check": [], "week": []}
        for _ in range(repeat):  # interleaved, so noise hits all three alike
            results["tomllib"] += timeit(lambda: tomllib.loads(path.read_text("utf-8")), 1)
            results["load"] += timeit(lambda: store.load(path), 1)
            results["check"] += timeit(lambda: check(plan, TODAY), 1)
            results["week"] += timeit(lambda: check(week, TODAY), 1)
    med = {name: statistics.median(values) * 1000 for name, values in results.items()}
    return {
        "bytes": len(text.encode()),
        "tomllib_ms": med["tomllib"],
        "load_ms": med["load"],
        "load_ratio": med["load"] / med["tomllib"],
        "check_ms": med["check"],
        "check_ratio": med["check"] / med["tomllib"],
        "week_ms": med["week"],
    }


def report(result: dict[str, float]) -> str:
    return "\n".join(
        [
            "plan: 50 channels, 100 goals, 20 audiences, 156 check-ins "
            f"({result['bytes']:,} bytes)",
            f"  tomllib.loads (baseline) {result['tomllib_ms']:7.2f} ms",
            f"  store.load               {result['load_ms']:7.2f} ms  = "
            f"{result['load_ratio']:.2f}x tomllib (target <= 2x)",
            f"  check(plan, today)       {result['check_ms']:7.2f} ms  = "
            f"{result['check_ratio']:.2f}x tomllib (target < 5 ms)",
            f"  check() with a daily limit, own days, 2.5 posts/week "
            f"{result['week_ms']:5.2f} ms  (target < 5 ms)",
        ]
    )


if __name__ == "__main__":
    print(report(run()))
