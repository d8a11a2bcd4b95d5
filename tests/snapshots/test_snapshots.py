"""Snapshots of the screens people see, at 120x40 and 80x24.

Each test's docstring says what you should see; when a snapshot changes, open
the report (``pytest --snapshot-report``) and compare with it. Regenerate
deliberately with ``pytest tests/snapshots --snapshot-update``.

The app runs on a fixed date, in a data directory under a fixed home (so the
top bar shows ``~/…`` and not a random temp path), and without plan locking
(the lock file would name this machine).
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from socialtui import store
from socialtui.store.starter import starter_text

FIXTURES = Path(__file__).parent.parent / "fixtures"
TODAY = date(2026, 11, 23)
LARGE = (120, 40)
SMALL = (80, 24)


@pytest.fixture
def home(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


def app_on(home: Path, fixture: str | None):
    from socialtui.tui.app import SocialApp

    data = home / "data"
    plans = store.ensure_dir(store.plans_dir(data))
    if fixture is None:
        path = plans / "my-social-plan.toml"
        store.create(path, starter_text(TODAY))
    else:
        path = plans / fixture
        shutil.copyfile(FIXTURES / fixture, path)
        path.chmod(0o600)
    return SocialApp(store.load(path), data=data, today=TODAY, locking=False)


@pytest.mark.parametrize("size", [LARGE, SMALL], ids=["120x40", "80x24"])
def test_starter_plan(snap_compare, home, size):
    """The starter plan a new user gets: at 120x40 the four panes (Goals with the
    whole purpose, Audience, Channels by score with the ▸next line under it,
    Budget's three values as rows) side by side; at 80x24 the pane strip (1-5)
    with Goals shown. The gauge is green and reads "ok" with the spare time; the
    findings panel shows no error. The footer ends with ^s Save, ^o Plans,
    ? Help, q Quit at both sizes."""
    assert snap_compare(app_on(home, None), terminal_size=size)


@pytest.mark.parametrize("size", [LARGE, SMALL], ids=["120x40", "80x24"])
def test_overcommitted_plan(snap_compare, home, size):
    """An overcommitted plan with the Budget pane focused: the gauge is red and
    says OVER with "6h 30m / 3h 36m" and "by 2h 54m"; the findings panel starts
    with the over-budget error and its fix ends in [f], wrapped lines indented;
    the Budget pane's table (Weekly hours 4, Reserve % 10, Max active 3) has its
    first row selected, its hint under it, and proposes the fit ("Press f to
    fit"). The footer offers a Add (a person, in this pane) and f Fit."""
    assert snap_compare(app_on(home, "overcommitted.toml"), press=["4"], terminal_size=size)


@pytest.mark.parametrize("size", [LARGE, SMALL], ids=["120x40", "80x24"])
def test_weekly_hours_being_typed(snap_compare, home, size):
    """Weekly hours opened with enter, cleared and 10 typed, not yet kept: the
    field under the table reads "Weekly hours 10" with "enter keeps it, escape
    restores it"; the gauge already fits ("6h 30m / 9h 00m", ok) and the
    over-budget error is gone; the footer shows ⏎ Keep and esc Restore."""
    press = ["4", "enter", "ctrl+u", "1", "0"]
    assert snap_compare(app_on(home, "overcommitted.toml"), press=press, terminal_size=size)


def test_findings_at_80x24(snap_compare, home):
    """At 80x24, 5 shows every finding of the pottery plan in the panes' place
    (the strip marks 5 Findings), the panel focused, wrapped lines indented."""
    assert snap_compare(app_on(home, "example.toml"), press=["5"], terminal_size=SMALL)


def test_help_screen(snap_compare, home):
    """The help screen over the planner: every key, in the README's order, with
    what it does (1-5 panes and findings, a add, enter edit, d delete,
    shift+arrows reorder, s status, p purpose, f fit, e expand, c h r w, x, m,
    ctrl+s save, ctrl+z/ctrl+y undo/redo, ctrl+o plans, ? help, q/ctrl+q quit,
    ctrl+t, ctrl+p, the arrows and j k, tab, escape, space, ctrl+j)."""
    assert snap_compare(app_on(home, "example.toml"), press=["question_mark"], terminal_size=LARGE)


def test_form_with_validation_error(snap_compare, home):
    """The channel form for LinkedIn with "x" typed as posts per week: the field
    is marked invalid and its note says "'x' is not a number"; status is a row of
    choices with active marked; the posting days (Monday...) and the goals it
    serves are lists with ticks; notes is a text box; the preview still shows
    the plan as it was."""
    press = ["3", "enter", "tab", "tab", "end", "backspace", "x"]
    assert snap_compare(app_on(home, "overcommitted.toml"), press=press, terminal_size=LARGE)


def test_discard_question(snap_compare, home):
    """A new goal with "Talks" typed, then escape: the question "Discard your
    changes?" over the form, with Discard (y) and No (n)."""
    press = ["1", "a", "T", "a", "l", "k", "s", "escape"]
    assert snap_compare(app_on(home, "overcommitted.toml"), press=press, terminal_size=SMALL)


@pytest.mark.parametrize("size", [LARGE, SMALL], ids=["120x40", "80x24"])
def test_checkin_screen(snap_compare, home, size):
    """This week's check-in (2026-W48) on the pottery plan: one row per active
    channel (Instagram, Email newsletter) with the planned hours prefilled and a
    verdict, one row per goal with the last value prefilled, a note field, and
    the key hints at the bottom. At 80x24 it scrolls but every field is reachable."""
    assert snap_compare(app_on(home, "example.toml"), press=["c"], terminal_size=size)


@pytest.mark.parametrize("size", [LARGE, SMALL], ids=["120x40", "80x24"])
def test_history_screen(snap_compare, home, size):
    """History of the pottery plan's ten check-ins: per goal a sparkline of the
    metric against the pace line with percent, pace and ETA; below, weeks newest
    first with actual hours against plan per channel, verdict marks and values."""
    assert snap_compare(app_on(home, "example.toml"), press=["h"], terminal_size=size)
