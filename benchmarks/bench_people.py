"""Five people cost nothing you can feel: ``python -m benchmarks.bench_people``.

The same plans with and without five people (each owning the channels in turn,
40 hours between them, as the plan's budget), measured interleaved in one run:

1. A keystroke in the Budget pane's reserve (it moves every person's capacity
   and the gauge): the app's own work and key to gauge drawn (Pilot, 50-channel
   plan), the five-people plan against the plan without people, and each against
   a bare Input (the baseline of :mod:`.bench_tui`).
2. The same keystroke in a real terminal (tmux), key to screen.
3. First paint in tmux of a typical plan (12 channels, 3 years of check-ins),
   each plan run in two places of every round (A B B A), as the round's order
   alone moves a figure by 10 %.

The reserve starts at 1 and the keys alternate ``5`` and backspace (1 -> 15 ->
1): the gauge then reads ``/ 34h 00m`` or ``/ 39h 36m``.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from benchmarks.bench_tui import (
    ROOT,
    _baseline_app,
    _env,
    _keystroke_times,
    compile_bytecode,
    socialtui_script,
)
from benchmarks.keys_tmux import Pane
from benchmarks.plans import big_plan_text
from benchmarks.terminal import compare, median_ms

PEOPLE = 5
OPEN_RESERVE = ("4", "down", "enter")
GAUGE = {"15": "/ 34h 00m", "1": "/ 39h 36m"}


def _plan(people: int, **size) -> str:
    return big_plan_text(people=people, reserve=1, **size)


def keystroke(rounds: int = 40) -> dict[str, float]:
    from socialtui import store
    from socialtui.tui.app import SocialApp
    from socialtui.tui.screens.planner import PlannerScreen

    keys = ["5", "backspace"] * (rounds // 2)
    work: dict[str, list[float]] = {"solo": [], "team": []}
    times: dict[str, list[float]] = {"solo": [], "team": [], "baseline": []}
    original = PlannerScreen.set_preview
    current = ["solo"]

    def timed_apply(self, *args, **kwargs):
        start = time.perf_counter()
        try:
            return original(self, *args, **kwargs)
        finally:
            work[current[0]].append(time.perf_counter() - start)

    with tempfile.TemporaryDirectory() as name:
        data = Path(name) / "data"
        store.ensure_dir(store.plans_dir(data))
        paths = {}
        for label, people in (("solo", 0), ("team", PEOPLE)):
            paths[label] = store.plans_dir(data) / f"{label}.toml"
            paths[label].write_text(_plan(people), encoding="utf-8")
        PlannerScreen.set_preview = timed_apply
        try:
            for _ in range(2):  # interleaved
                for label, path in paths.items():
                    current[0] = label
                    app = SocialApp(store.load(path), data=data, today=date(2026, 11, 22))
                    times[label] += asyncio.run(
                        _keystroke_times(app, "budget-input", "gauge", keys, OPEN_RESERVE, "1")
                    )
                times["baseline"] += asyncio.run(
                    _keystroke_times(_baseline_app(), "field", "echo", keys)
                )
        finally:
            PlannerScreen.set_preview = original
    med = {label: statistics.median(values) * 1000 for label, values in times.items()}
    own = {label: statistics.median(values) * 1000 for label, values in work.items()}
    return {
        **{f"{label}_ms": value for label, value in med.items()},
        **{f"{label}_work_ms": value for label, value in own.items()},
        "team_vs_solo": med["team"] / med["solo"],
        "work_team_vs_solo": own["team"] / own["solo"],
        "team_vs_baseline": med["team"] / med["baseline"],
        "solo_vs_baseline": med["solo"] / med["baseline"],
    }


def keystroke_tmux(rounds: int = 40) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        plans = tmp / "data" / "plans"
        plans.mkdir(parents=True)
        env = _env(tmp) | {
            "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
            "PYTHONPATH": str(ROOT),
        }
        panes = {}
        for label, people in (("solo", 0), ("team", PEOPLE)):
            path = plans / f"{label}.toml"
            path.write_text(_plan(people, channels=12, goals=5, audiences=4), encoding="utf-8")
            panes[label] = Pane(f"{socialtui_script()} open {path}", env)
        times: dict[str, list[float]] = {"solo": [], "team": []}
        try:
            for pane in panes.values():  # each key seen before the next
                pane.wait_for("q Quit")
                pane.key("4")
                time.sleep(0.5)  # the pane focused (its hint differs with people)
                pane.key("Down")
                pane.wait_for("held back for surprises")
                pane.key("Enter")
                pane.wait_for("Keep")
            for n in range(rounds + 4):  # the first four warm up
                key, value = ("5", "15") if n % 2 == 0 else ("BSpace", "1")
                for label, pane in panes.items():
                    took = pane.timed(key, GAUGE[value])
                    if n >= 4:
                        times[label].append(took)
        finally:
            for pane in panes.values():
                pane.close()
    med = {label: 1000 * statistics.median(values) for label, values in times.items()}
    return {**{f"{k}_ms": v for k, v in med.items()}, "ratio": med["team"] / med["solo"]}


def first_paint(runs: int = 15) -> dict[str, float]:
    compile_bytecode()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        plans = tmp / "data" / "plans"
        plans.mkdir(parents=True)
        app = socialtui_script()
        candidates = {"minimal": (f"cd {ROOT} && {sys.executable} -m benchmarks.minimal_app",
                                  "Minimal baseline app")}  # fmt: skip
        # A B B A: whichever runs first after another program pays more, so each
        # plan is measured in both places and the two runs pooled.
        for label, people in (("solo", 0), ("team", PEOPLE), ("team-2", PEOPLE), ("solo-2", 0)):
            path = plans / f"{label}.toml"
            path.write_text(_plan(people, channels=12, goals=5, audiences=4), encoding="utf-8")
            candidates[label] = (f"{app} open {path}", "Benchmark plan")
        times = compare(runs, candidates, _env(tmp) | {"PYTHONPATH": str(ROOT)})
    for label in ("solo", "team"):
        times[label] += times.pop(f"{label}-2")
    med = {label: median_ms(values) for label, values in times.items()}
    return {
        **{f"{label}_ms": value for label, value in med.items()},
        "team_vs_solo": med["team"] / med["solo"],
        "team_vs_minimal": med["team"] / med["minimal"],
        "solo_vs_minimal": med["solo"] / med["minimal"],
    }


def main() -> None:
    k = keystroke()
    print(f"keystroke in the reserve, Pilot, 50-channel plan ({PEOPLE} people vs none), medians")
    print(f"  the app's own work, no people     {k['solo_work_ms']:6.1f} ms")
    print(
        f"  the app's own work, {PEOPLE} people     {k['team_work_ms']:6.1f} ms"
        f"  = {k['work_team_vs_solo']:.2f}x"
    )
    print(f"  key to gauge, bare Input          {k['baseline_ms']:6.1f} ms (baseline)")
    print(
        f"  key to gauge, no people           {k['solo_ms']:6.1f} ms"
        f"  = {k['solo_vs_baseline']:.1f}x baseline"
    )
    print(
        f"  key to gauge, {PEOPLE} people           {k['team_ms']:6.1f} ms"
        f"  = {k['team_vs_baseline']:.1f}x baseline = {k['team_vs_solo']:.2f}x no people"
    )
    if not shutil.which("tmux"):
        print("tmux is not installed: the terminal figures are not measured")
        return
    t = keystroke_tmux()
    print("keystroke to screen in tmux, reserve open (12-channel plan), medians")
    print(f"  no people   {t['solo_ms']:6.1f} ms")
    print(f"  {PEOPLE} people    {t['team_ms']:6.1f} ms  = {t['ratio']:.2f}x no people")
    f = first_paint()
    print("first paint in tmux (12 channels, 3 years of check-ins), medians")
    print(f"  minimal Textual app   {f['minimal_ms']:6.0f} ms (baseline)")
    print(f"  no people             {f['solo_ms']:6.0f} ms  = {f['solo_vs_minimal']:.2f}x baseline")
    print(
        f"  {PEOPLE} people              {f['team_ms']:6.0f} ms  = {f['team_vs_minimal']:.2f}x"
        f" baseline = {f['team_vs_solo']:.2f}x no people"
    )


if __name__ == "__main__":
    main()
