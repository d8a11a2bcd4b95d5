"""Start the app: pick the plan to open, create the starter for a new user."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from socialtui import config, store

STARTER_FILE = "my-social-plan"


def choose_plan(data: Path, today: date) -> tuple[Path, str | None]:
    """The plan to open with no argument, and a notice to show (or None).

    The most recently used plan when it still exists; else the most recently
    changed plan in the data directory; else a new starter plan.
    """
    last = config.last_plan(data)
    if last is not None and last.is_file():
        return last, None
    plans = store.list_plans(data)
    if plans:
        return max(plans, key=lambda p: p.stat().st_mtime), None
    from socialtui.starter import starter_text

    path = store.plans_dir(data) / f"{STARTER_FILE}.toml"
    store.create(path, starter_text(today))
    return path, f"Welcome! A starter plan was created at {path}. Edit it to make it yours."


def run_app(data: Path, plan_ref: str | None, today: date, start: str | None = None) -> int:
    """Open the planner (``start="checkin"``: straight into this week's check-in)."""
    try:
        if plan_ref is None:
            path, notice = choose_plan(data, today)
        else:
            path, notice = store.resolve_plan(plan_ref, data), None
        loaded = store.load(path)
    except store.PlanError as error:
        print(f"socialtui: {error}", file=sys.stderr)
        print("socialtui: the file was not changed.", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"socialtui: {error.filename or plan_ref}: {error.strerror}", file=sys.stderr)
        return 2
    from socialtui.tui.app import SocialApp

    app = SocialApp(loaded, data=data, today=today, notice=notice, start=start)
    app.run()
    return app.return_code or 0
