"""TUI benchmarks, each a ratio against a baseline measured in the same run.

1. First paint in a real terminal (tmux, polling the pane until the plan's name
   shows) of ``socialtui open`` on a typical plan, against a minimal Textual app
   (Header, Static, Footer). Target: at most 1.25x. For context, the same start
   until the panes are filled in (a column heading of the Channels table shows):
   the first frame has the name, the gauge, the findings and the panes'
   outlines; the panes follow it.
2. First paint of a plan with three years of weekly check-ins across 10 active
   channels, against the same plan with none. Target: at most 1.1x.
3. A keystroke in the weekly-hours field of the 50-channel plan: the app's own
   work (``PlannerScreen.set_preview``: findings recomputed, gauge, budget and
   panes updated with the value typed), target under one frame (16 ms); and,
   for context, the time until the gauge is drawn against the same key in a
   bare Input whose label echoes it. The same keystroke in a real terminal,
   against that bare Input, is :mod:`benchmarks.keys_tmux`.

Run: ``python -m benchmarks`` (everything) or ``python -m benchmarks.bench_tui``.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.plans import big_plan_text
from benchmarks.terminal import compare, median_ms

ROOT = Path(__file__).resolve().parent.parent
TYPICAL = ROOT / "tests" / "fixtures" / "bakery.toml"


def socialtui_script() -> str:
    script = Path(sys.executable).parent / "socialtui"
    return str(script) if script.exists() else (shutil.which("socialtui") or "socialtui")


def _env(tmp: Path) -> dict[str, str]:
    return {
        "SOCIALTUI_DATA_DIR": str(tmp / "data"),
        "SOCIALTUI_CONFIG_DIR": str(tmp / "config"),
        "SOCIALTUI_TODAY": "2026-11-22",
        "TERM": "xterm-256color",
        "HOME": str(tmp),
        "PATH": os.environ.get("PATH", ""),
    }


def compile_bytecode() -> None:
    """Compile socialtui's modules, as ``pip install`` does.

    From a source checkout (an editable install, ``PYTHONDONTWRITEBYTECODE``
    set) Python would compile every module again at each start: a cost no
    installed copy has, and which the baseline (Textual, installed) does not pay.
    """
    import compileall

    compileall.compile_dir(ROOT / "socialtui", quiet=1)


def first_paint(runs: int = 15) -> dict[str, float]:
    """Medians in ms and the ratios (typical vs minimal; history vs none)."""
    compile_bytecode()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        plans = tmp / "data" / "plans"
        plans.mkdir(parents=True)
        typical = plans / "typical.toml"
        shutil.copyfile(TYPICAL, typical)
        history = plans / "history.toml"
        history.write_text(
            big_plan_text(channels=12, goals=5, audiences=4, checkins=156, active=10),
            encoding="utf-8",
        )
        bare = plans / "bare.toml"
        bare.write_text(
            big_plan_text(channels=12, goals=5, audiences=4, checkins=0, active=10),
            encoding="utf-8",
        )
        own_keys = tmp / "keys-config"  # a [keys] table: its checks load every screen
        own_keys.mkdir()
        (own_keys / "config.toml").write_text(
            '[keys]\nhelp = "f2"\nadd = "f3,ctrl+g"\ncheck-in = "ä"\n', encoding="utf-8"
        )
        marker = "Benchmark plan"
        minimal = f"{sys.executable} -m benchmarks.minimal_app"
        app = socialtui_script()
        env = _env(tmp) | {"PYTHONPATH": str(ROOT)}
        candidates = {
            "minimal": (f"cd {ROOT} && {minimal}", "Minimal baseline app"),
            "typical": (f"{app} open {typical}", "Corner Bakery 2027"),
            "own_keys": (
                f"env SOCIALTUI_CONFIG_DIR={own_keys} {app} open {typical}",
                "Corner Bakery 2027",
            ),
            "complete": (f"{app} open {typical}", "Cadence"),
            "bare": (f"{app} open {bare}", marker),
            "history": (f"{app} open {history}", marker),
        }
        times = compare(runs, candidates, env)
    med = {name: median_ms(values) for name, values in times.items()}
    return {
        **{f"{name}_ms": value for name, value in med.items()},
        "typical_ratio": med["typical"] / med["minimal"],
        "complete_ratio": med["complete"] / med["minimal"],
        "history_ratio": med["history"] / med["bare"],
        "own_keys_ratio": med["own_keys"] / med["typical"],
    }


async def _keystroke_times(
    app,
    field_id: str,
    gauge_id: str,
    keys: list[str],
    open_keys: tuple[str, ...] = ("4", "enter"),
    start: str = "4",
) -> list[float]:
    """Time each key from press until the watched widget has rendered anew.

    The field starts at ``start`` ("4"); the keys alternate "5" and backspace, so
    every key gives a new valid value (45, 4, 45, ...) that the watched widget
    must show. ``open_keys`` open the field (the Budget pane: weekly hours).
    """
    rendered: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        planner = getattr(app, "planner", None)  # the baseline app has none
        if planner is not None:
            await planner.filled.wait()  # the panes are in place
            await pilot.press(*open_keys)  # the Budget pane: weekly hours open
        await pilot.pause()
        field = app.screen.query_one(f"#{field_id}")
        app.set_focus(field)
        field.value = start
        await pilot.press("end")  # focus selects the text; typing must not replace it
        await pilot.pause(0.2)
        watched = app.screen.query_one(f"#{gauge_id}")
        original = type(watched).render

        def render(self):
            rendered.append(time.perf_counter())
            return original(self)

        type(watched).render = render  # instrument this run only
        try:
            times = []
            for key in keys:
                rendered.clear()
                start = time.perf_counter()
                await pilot.press(key)
                deadline = start + 5.0
                while not rendered:  # until the next frame has drawn the widget
                    if time.perf_counter() > deadline:
                        raise RuntimeError(f"#{gauge_id} was not redrawn after {key!r}")
                    await asyncio.sleep(0)
                times.append(rendered[0] - start)
        finally:
            type(watched).render = original
    return times


def _baseline_app():
    from textual.app import App
    from textual.widgets import Input, Static

    class Echo(Static):
        pass

    class Baseline(App):
        def compose(self):
            yield Input(id="field")
            yield Echo(id="echo")

        def on_input_changed(self, event: Input.Changed) -> None:
            self.query_one(Echo).update(f"Weekly hours {event.value}")

    return Baseline()


def keystroke(rounds: int = 40) -> dict[str, float]:
    """Median ms per keystroke: to the gauge drawn, for the app and the baseline,
    and the app's own work (recompute findings, gauge, panes: ``apply``)."""
    from socialtui import store
    from socialtui.tui.app import SocialApp
    from socialtui.tui.screens.planner import PlannerScreen

    keys = ["5", "backspace"] * (rounds // 2)
    work: list[float] = []
    original = PlannerScreen.set_preview

    def timed_apply(self, *args, **kwargs):
        start = time.perf_counter()
        try:
            return original(self, *args, **kwargs)
        finally:
            work.append(time.perf_counter() - start)

    with tempfile.TemporaryDirectory() as name:
        data = Path(name) / "data"
        path = store.plans_dir(data) / "big.toml"
        store.ensure_dir(path.parent)
        path.write_text(big_plan_text(), encoding="utf-8")
        from datetime import date

        app_times: list[float] = []
        base_times: list[float] = []
        PlannerScreen.set_preview = timed_apply  # instrument this run only
        try:
            for _ in range(2):  # interleave the two apps
                app = SocialApp(store.load(path), data=data, today=date(2026, 11, 22))
                app_times += asyncio.run(_keystroke_times(app, "budget-input", "gauge", keys))
                base_times += asyncio.run(_keystroke_times(_baseline_app(), "field", "echo", keys))
        finally:
            PlannerScreen.set_preview = original
    app_ms = statistics.median(app_times) * 1000
    base_ms = statistics.median(base_times) * 1000
    return {
        "app_ms": app_ms,
        "baseline_ms": base_ms,
        "ratio": app_ms / base_ms,
        "work_ms": statistics.median(work) * 1000,
        "work_p90_ms": sorted(work)[int(0.9 * len(work))] * 1000,
    }


def report_first_paint(result: dict[str, float]) -> str:
    return "\n".join(
        [
            "first paint in tmux (median of interleaved runs)",
            f"  minimal Textual app (baseline) {result['minimal_ms']:7.0f} ms",
            f"  socialtui open, typical plan   {result['typical_ms']:7.0f} ms"
            f"  = {result['typical_ratio']:.2f}x baseline (target <= 1.25x)",
            f"  ... until the panes are filled {result['complete_ms']:7.0f} ms"
            f"  = {result['complete_ratio']:.2f}x baseline",
            f"  plan without check-ins         {result['bare_ms']:7.0f} ms",
            f"  same plan, 3 years of weekly   {result['history_ms']:7.0f} ms"
            f"  = {result['history_ratio']:.2f}x (target <= 1.1x)",
            f"  typical plan, [keys] in config {result['own_keys_ms']:7.0f} ms"
            f"  = {result['own_keys_ratio']:.2f}x without (target <= 1.1x)",
        ]
    )


def report_keystroke(result: dict[str, float]) -> str:
    return "\n".join(
        [
            "keystroke in weekly hours (50-channel plan, medians)",
            f"  the app's own work: findings, gauge, panes  {result['work_ms']:6.1f} ms"
            f" (90th percentile {result['work_p90_ms']:.1f} ms; target < 16 ms)",
            f"  key to gauge drawn, bare Input (baseline)   {result['baseline_ms']:6.1f} ms",
            f"  key to gauge drawn, socialtui at 120x40     {result['app_ms']:6.1f} ms"
            f"  = {result['ratio']:.1f}x baseline (Textual redrawing the screen)",
        ]
    )


def main() -> None:
    print(report_keystroke(keystroke()))
    if shutil.which("tmux"):
        print(report_first_paint(first_paint()))
    else:
        print("first paint: skipped, tmux is not installed")


if __name__ == "__main__":
    main()
