"""Start the app: pick the plan to open, create the starter for a new user."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from socialtui import store
from socialtui.safe import clean
from socialtui.session import Session
from socialtui.store import config

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
    from socialtui.store.starter import starter_text

    path = store.plans_dir(data) / f"{STARTER_FILE}.toml"
    store.create(path, starter_text(today))
    return path, f"Welcome! A starter plan was created at {path}. Edit it to make it yours."


def run_app(
    data: Path,
    plan_ref: str | None,
    today: date,
    start: str | None = None,
    session: Session | None = None,
    private: bool = False,
) -> int:
    """Open the planner (``start="checkin"``: straight into this week's check-in).

    Returns the exit status: 0, 2 when the plan cannot be read, 70 after an
    unexpected error (a crash log and a copy of unsaved edits are written, and
    one line on stderr says where; never a traceback). The plan's lock is
    released however the app ends.
    """
    import gc

    from socialtui.store import crash

    # Start-up allocates a great deal and frees almost nothing: collecting
    # garbage meanwhile is wasted time (a tenth of the time to first paint).
    # The app turns collection back on, and freezes what start-up built, once
    # the planner is complete.
    gc.disable()
    app = None
    try:
        session = session or Session.start(data)
        try:
            if plan_ref is None:
                path, notice = choose_plan(data, today)
            else:
                path, notice = store.resolve_plan(plan_ref, data), None
            loaded = session.load(path)
        except store.PlanError as error:
            print(f"socialtui: {clean(str(error))}", file=sys.stderr)
            print("socialtui: the file was not changed.", file=sys.stderr)
            return 2
        except OSError as error:
            where = clean(str(error.filename or plan_ref))
            print(f"socialtui: {where}: {clean(str(error.strerror))}", file=sys.stderr)
            return 2
        from socialtui.tui.app import SocialApp

        app = SocialApp(
            loaded,
            data=data,
            today=today,
            notice=notice,
            start=start,
            session=session,
            private=private,
        )
        try:
            app.run()
        finally:
            app.release_lock()
    except Exception as error:  # before, around or after the app: never a traceback
        if app is None:
            crash.one_line(crash.report(error, context={"plan": plan_ref}))
        else:
            crash.one_line(crash.report(error, app.loaded, app.current_plan, data=data))
        return crash.EXIT_CRASH
    finally:
        gc.enable()
    for line in (app.crash_line, app.exit_line):
        if line:
            crash.one_line(line)
            break
    return app.return_code or 0
