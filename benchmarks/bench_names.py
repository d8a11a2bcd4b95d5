"""Finding a plan by its name: how much a name costs over a file stem.

Twenty large plans (50 channels, 100 goals, 20 audiences, 156 weekly check-ins,
about 120 KB each) in a plans folder. ``find_plan`` by a plan's name reads the
top of every plan (its name is above the first table), so it is measured
against the one ``store.load`` the command does next anyway, interleaved in the
same run. Target: a name among twenty plans costs less than loading one plan.

    python -m benchmarks.bench_names
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from benchmarks.bench_core import timeit
from benchmarks.plans import big_plan_text

PLANS = 20


def run(repeat: int = 30) -> dict[str, float]:
    from socialtui import store
    from socialtui.store.folder import find_plan

    text = big_plan_text()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        plans = store.ensure_dir(store.plans_dir(data))
        for n in range(PLANS):
            named = text.replace('name = "Benchmark plan"', f'name = "Benchmark plan {n}"')
            (plans / f"plan-{n:02d}.toml").write_text(named, encoding="utf-8")
        last = plans / f"plan-{PLANS - 1:02d}.toml"
        wanted = f"benchmark PLAN {PLANS - 1}"  # by name, ignoring case
        assert find_plan(wanted, data) == last
        every = sorted(plans.glob("*.toml"))
        results: dict[str, list[float]] = {"load": [], "stem": [], "name": [], "all": []}
        for n in range(repeat):  # interleaved, so noise hits all alike
            results["load"] += timeit(lambda: store.load(last), 1)
            results["stem"] += timeit(lambda: find_plan(last.stem, data), 1)
            results["name"] += timeit(lambda: find_plan(wanted, data), 1)
            if n % 5 == 0:  # what reading every plan in full would cost, for context
                results["all"] += timeit(lambda: [store.load(p).plan.name for p in every], 1)
    med = {name: statistics.median(values) * 1000 for name, values in results.items()}
    return {
        "bytes": len(text.encode()),
        "load_ms": med["load"],
        "stem_ms": med["stem"],
        "stem_ratio": med["stem"] / med["load"],
        "name_ms": med["name"],
        "name_ratio": med["name"] / med["load"],
        "all_ms": med["all"],
    }


def report(result: dict[str, float]) -> str:
    return "\n".join(
        [
            f"finding a plan among {PLANS} plans of {result['bytes']:,} bytes",
            f"  store.load of one (baseline) {result['load_ms']:7.2f} ms",
            f"  find_plan by file stem       {result['stem_ms']:7.2f} ms  = "
            f"{result['stem_ratio']:.2f}x",
            f"  find_plan by name            {result['name_ms']:7.2f} ms  = "
            f"{result['name_ratio']:.2f}x (target < 1x)",
            f"  (loading every plan to read its name: {result['all_ms']:.0f} ms)",
        ]
    )


if __name__ == "__main__":
    print(report(run()))
