"""Run every benchmark: ``python -m benchmarks``.

Each figure is reported as a ratio against a baseline measured in the same run,
interleaved with it, so a busy machine slows both alike. Absolute times are
printed for context only.
"""

from __future__ import annotations

import shutil

from benchmarks import bench_core, bench_due, bench_names, bench_people, bench_tui, keys_tmux


def main() -> None:
    print(bench_core.report(bench_core.run()))
    print()
    print(bench_names.report(bench_names.run()))
    print(bench_due.report(bench_due.run()))
    print()
    print(bench_tui.report_keystroke(bench_tui.keystroke()))
    print()
    if shutil.which("tmux"):
        print(keys_tmux.report(keys_tmux.keystroke()))
        print()
        print(bench_tui.report_first_paint(bench_tui.first_paint()))
        print()
        bench_people.main()  # a team of five against the same plan without people
    else:
        print("keystroke and first paint in tmux: not measured, tmux is not installed")


if __name__ == "__main__":
    main()
