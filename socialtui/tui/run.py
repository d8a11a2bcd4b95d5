"""Start the app: pick the plan to open; a new user chooses the interview or the starter.

A first start (no plan anywhere) offers the POST interview first and the
starter next to it (:class:`~socialtui.tui.screens.interview_app.InterviewApp`);
``socialtui new NAME`` in a terminal runs the interview (:func:`run_interview`).
Either way the plan is written as every new plan is
(:func:`socialtui.store.folder.create_plan`) and the planner opens on it.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from socialtui import store
from socialtui.safe import clean
from socialtui.session import Session
from socialtui.store import config

STARTER_FILE = "my-social-plan"
EXIT_NO_TERMINAL = 2


def existing_plan(data: Path) -> Path | None:
    """The plan to open with no argument, when there is one: the most recently
    used plan when it still exists, else the most recently changed plan in the
    data directory."""
    last = config.last_plan(data)
    if last is not None and last.is_file():
        return last
    plans = store.list_plans(data)
    if plans:
        return max(plans, key=lambda p: p.stat().st_mtime)
    return None


def create_starter(data: Path, today: date) -> tuple[Path, str]:
    """A new starter plan for a new user, and the notice that says where it is."""
    from socialtui.store.starter import starter_text

    path = store.plans_dir(data) / f"{STARTER_FILE}.toml"
    store.create(path, starter_text(today))
    return path, f"Welcome! A starter plan was created at {path}. Edit it to make it yours."


def run_interview_app(name: str, today: date, *, welcome: bool = False):
    """The interview (after the welcome's choice when ``welcome``): a Plan, the
    starter's name, or None. Garbage is collected meanwhile: it may take minutes."""
    import gc

    from socialtui.tui.screens.interview_app import InterviewApp

    collecting = gc.isenabled()
    gc.enable()
    try:
        return InterviewApp(name, today, welcome=welcome, keys=interview_keys()).run()
    finally:
        if not collecting:
            gc.disable()


def interview_keys():
    """config.toml's ``[keys]`` checked for the interview's app, as the planner checks
    them (None: the file has no keys; a table that cannot be read is said as a problem)."""
    from socialtui.store import config
    from socialtui.tui.keyplaces import bindings
    from socialtui.tui.keys import resolve
    from socialtui.tui.screens.interview_app import InterviewApp

    table, problem = config.load_keys()
    if not table and not problem:
        return None
    keys = resolve(table, bindings(InterviewApp.BINDINGS))
    if problem:
        keys.problems.insert(0, problem)
    return keys


def create_from_interview(data: Path, plan) -> Path:
    """The interview's plan as a new file in the plans folder; its path."""
    from socialtui.store import folder
    from socialtui.store.starter import interview_text

    return folder.create_plan(data, plan.name, interview_text(plan))


def first_start(data: Path, today: date) -> tuple[Path, str] | None:
    """No plan yet: the interview or the starter, as the user chooses (None: neither)."""
    from socialtui.store.starter import STARTER_NAME
    from socialtui.tui.screens.interview_app import STARTER

    choice = run_interview_app(STARTER_NAME, today, welcome=True)
    if choice is None:
        return None
    if choice == STARTER:
        return create_starter(data, today)
    path = create_from_interview(data, choice)
    return path, f"Welcome! Your plan is at {path}. Its findings say what to look at next."


def run_interview(data: Path, name: str, today: date) -> int:
    """``socialtui new NAME`` in a terminal: the interview, then the planner on the
    new plan. 0; 1 when the interview was left (nothing is created); 2 when the
    plan cannot be written."""
    refusal = no_terminal()
    if refusal is not None:
        print(refusal, file=sys.stderr)
        return EXIT_NO_TERMINAL
    plan = run_interview_app(name, today)
    if plan is None:
        print("socialtui new: the interview was left; nothing was created.")
        return 1
    try:
        path = create_from_interview(data, plan)
    except (store.PlanError, OSError) as error:
        return _cannot_open(error, data)
    print(f"Created {clean(str(path))}")
    return run_app(data, str(path), today)


def no_terminal() -> str | None:
    """The line to print when the full-screen app cannot start here, else None."""
    from socialtui.tui.terminal import INSTEAD, terminal_problem

    problem = terminal_problem()
    if problem is None:
        return None
    return f"socialtui: the full-screen app needs a terminal ({problem}). Instead: {INSTEAD}"


def _silence() -> None:
    """The terminal went away: point the standard streams at /dev/null, so the last
    line and the interpreter's final flush fail quietly instead of raising."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
    except OSError:
        pass


def _cannot_open(error: Exception, where: object) -> int:
    """Say why the plan cannot be opened, naming it by its path (never a file
    descriptor, never None); the exit status."""
    if isinstance(error, store.PlanError):
        print(f"socialtui: {clean(str(error))}", file=sys.stderr)
        print("socialtui: the file was not changed.", file=sys.stderr)
    else:
        assert isinstance(error, OSError)
        reason = error.strerror or str(error)
        print(f"socialtui: {clean(str(where))}: {clean(reason)}", file=sys.stderr)
    return 2


def run_app(
    data: Path,
    plan_ref: str | None,
    today: date,
    start: str | None = None,
    session: Session | None = None,
    private: bool = False,
) -> int:
    """Open the planner (``start="checkin"``: straight into this week's check-in).

    Returns the exit status: 0; 2 when the plan cannot be read or there is no
    terminal to draw on (nothing is locked or created then); 128 + the signal's
    number after SIGHUP or SIGTERM, 129 when the terminal went away (the edits
    saved, or in a copy); 70 after an unexpected error (a crash log and a copy of
    unsaved edits are written, and one line on stderr says where; never a
    traceback). The plan's lock is released however the app ends.
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
        notice, path, loaded = None, None, None
        try:
            path = store.resolve_plan(plan_ref, data) if plan_ref else existing_plan(data)
            loaded = session.load(path) if path is not None else None
        except (store.PlanError, OSError) as error:
            return _cannot_open(error, path or plan_ref or data)
        refusal = no_terminal()  # before anything is created or locked
        if refusal is not None:
            print(refusal, file=sys.stderr)
            return EXIT_NO_TERMINAL
        if loaded is None:
            try:
                started = first_start(data, today)
                if started is None:
                    return 0  # left at the welcome: nothing created
                path, notice = started
                loaded = session.load(path)
            except (store.PlanError, OSError) as error:
                return _cannot_open(error, path or data)
        from socialtui.tui.app import SocialApp
        from socialtui.tui.hangup import defer_hang_ups, pending_hang_up

        defer_hang_ups()  # Textual's start-up must not be cut in two
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
            if app.terminal_lost:
                _silence()
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
    signo = pending_hang_up()
    if signo is not None and app.hung_up is None:  # it came before the app could act
        return 128 + signo
    return app.return_code or 0
