"""Helper for test_kill.py: save two versions of a plan, alternately, until killed.

    python saver.py loop PLAN      load PLAN, then save B, A, B, A... through store.save
                                   (prints "saving" once it has started)
    python saver.py server PLAN    a fork server, so 200+ kills stay fast: for each
                                   line on stdin it forks a fresh process that does
                                   what `loop` does and prints "pid N"; after the test
                                   has killed it, prints "reaped N STATUS"

A forked process runs exactly the save code a fresh one would; only the
interpreter start-up and imports (about 0.2 s) are shared.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace

from socialtui import store
from socialtui.plan.model import CheckIn

EXTRA_WEEK = "2026-W48"


def versions(plan):
    """The two versions the saver alternates between, from either of them (or the fixture)."""
    plan = replace(
        plan,
        name=plan.name.removesuffix(" (B)"),
        checkins=tuple(c for c in plan.checkins if c.week != EXTRA_WEEK),
    )
    a = replace(plan, budget=replace(plan.budget, weekly_hours=5.0))
    extra = CheckIn(week=EXTRA_WEEK, hours={"instagram": 2.0}, note="B " * 200)
    b = replace(
        plan,
        name=plan.name + " (B)",
        budget=replace(plan.budget, weekly_hours=6.5),
        checkins=(*plan.checkins, extra),
    )
    return a, b


def save_forever(path: str) -> None:
    import tomlkit  # noqa: F401  (imported up front: the first save would import it)

    loaded = store.load(path)
    a, b = versions(loaded.plan)
    sys.stdout.write("saving\n")
    sys.stdout.flush()
    while True:
        loaded = store.save(loaded, b if loaded.plan == a else a)


def serve(path: str) -> None:
    import tomlkit  # noqa: F401

    for _ in sys.stdin:
        pid = os.fork()
        if pid == 0:
            try:
                sys.stdin.close()
                loaded = store.load(path)
                a, b = versions(loaded.plan)
                while True:
                    loaded = store.save(loaded, b if loaded.plan == a else a)
            finally:
                os._exit(3)  # only reached if a save raised: the test sees status 3
        sys.stdout.write(f"pid {pid}\n")
        sys.stdout.flush()
        _, status = os.waitpid(pid, 0)
        sys.stdout.write(f"reaped {pid} {status}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    mode, plan_path = sys.argv[1], sys.argv[2]
    (serve if mode == "server" else save_forever)(plan_path)
