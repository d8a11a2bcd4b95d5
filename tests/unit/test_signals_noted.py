"""A hang-up signal noted by the command line before the app exists is acted on
by the app, even when the exception that should have unwound the command was
swallowed (a finalizer running at that moment prints "Exception ignored" and
goes on): the full-screen app then started as if nothing had been asked."""

from __future__ import annotations

import signal

import pytest

from socialtui import signals
from socialtui.tui import hangup


@pytest.fixture
def clean_state():
    saved = {signo: signal.getsignal(signo) for signo in hangup.HANG_UP_SIGNALS}
    yield
    for timer in hangup._start_watchdog:  # never end the test process
        timer.cancel()
    hangup._start_watchdog.clear()
    hangup._pending.clear()
    signals.received.clear()
    for signo, handler in saved.items():
        signal.signal(signo, handler)


def test_a_signal_noted_before_the_app_is_pending_for_it(clean_state):
    signals.received.append(signal.SIGHUP)
    hangup.defer_hang_ups()
    assert hangup.pending_hang_up() == signal.SIGHUP
    assert len(hangup._start_watchdog) == 1 and hangup._start_watchdog[0].is_alive()


def test_nothing_noted_nothing_pending(clean_state):
    hangup.defer_hang_ups()
    assert hangup.pending_hang_up() is None
    assert hangup._start_watchdog == []
