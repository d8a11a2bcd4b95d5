"""The session ends without a goodbye: SIGHUP, SIGTERM, SIGINT, or the terminal went away.

A mixin of :class:`~socialtui.tui.app.SocialApp`. Hang-ups are the normal end
of an SSH session, and autosave waits a second after the last keystroke: an
edit made just before would be lost. Once the app runs, SIGHUP, SIGTERM and
SIGINT (sent by another program: ctrl+c is a key in the app) are handled on its
event loop (``loop.add_signal_handler``), and
:class:`~socialtui.tui.terminal.HangUpDriver` reports a terminal that went
away (end-of-file or EIO: SIGHUP ignored under ``nohup``, then the terminal
closed). Either way :meth:`HangUp.hang_up`:

1. stops autosave and waits for a save already running;
2. keeps a valid value still open in the Budget pane, as quitting does
   (:meth:`~socialtui.tui.screens.planner.PlannerScreen.finish_inline_edit`);
   one that is not valid is not kept, and the exit line says which and why;
3. saves the pending edits through the session, the normal safe path (lock,
   changed-on-disk check, backup, atomic write); when that is refused (read-only,
   a conflict, a file that changed or can no longer be written) the edits go to
   the recovery copy instead (:meth:`HeldPlan.write_copy`);
4. releases the plan's lock;
5. exits: Textual restores the terminal (alternate screen left, mouse
   tracking off, cursor shown) when it is still there. The exit status is
   128 + the signal's number (129 SIGHUP, 143 SIGTERM, 130 SIGINT), 129 when the terminal
   went away without a signal. The exit line says what became of the edits.

A watchdog ends the process :data:`HANG_UP_GRACE` seconds later if the exit
has not happened by then (the lock is released by then in any case): a hung-up
session must never linger.

A SIGHUP that is ignored when the app starts (``nohup``) stays ignored. The
handlers go with the event loop when the app ends.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading

from socialtui import signals
from socialtui.safe import clean

HANG_UP_SIGNALS = (signal.SIGHUP, signal.SIGTERM, signal.SIGINT)
"""SIGINT too: Textual turned its KeyboardInterrupt into a quiet exit 0 that lost the edits."""
EXIT_HANG_UP = 128 + signal.SIGHUP
HANG_UP_GRACE = 5.0
"""Seconds a hang-up may take before the process is ended regardless."""
START_GRACE = 2 * HANG_UP_GRACE
"""Seconds a signal that came during the start waits for the app to act on it
before the process is ended regardless (the app's own hang-up takes over first)."""


_pending: list[int] = []


def defer_hang_ups() -> None:
    """From now until the app runs, the hang-up signals are remembered, not acted on.

    An exception raised by a signal inside Textual's start-up leaves the terminal
    half set up and the app half built; remembered, the app hangs up the moment
    its own handlers are in place (:meth:`HangUp.install_hang_up`). Signals
    ignored at start stay ignored.
    """
    _pending.clear()
    for signo in HANG_UP_SIGNALS:
        if signal.getsignal(signo) is not signal.SIG_IGN:
            signal.signal(signo, _remember)
    for signo in signals.received[:1]:  # came before, and its exception was swallowed
        _remember(signo, None)


_start_watchdog: list[threading.Timer] = []


def _remember(signo: int, frame: object) -> None:
    if not _pending:  # should the start never come to act on it, the process still ends
        _start_watchdog.append(_watchdog(128 + signo, START_GRACE))
    _pending.append(signo)


def pending_hang_up() -> int | None:
    """The signal that arrived before the app could act on it, if one did."""
    return _pending[0] if _pending else None


class HangUp:
    """Signals and a vanished terminal, handled like a quit that cannot ask."""

    hung_up: str | None = None
    """Why the session ended (``SIGHUP``, ...), once it has."""
    terminal_lost: str | None = None
    """Set (from any thread) when the terminal could no longer be read or written."""
    _signals_installed: tuple[int, ...] = ()

    def install_hang_up(self) -> None:
        """Handle the hang-up signals on the running loop (a real terminal only:
        under Pilot, tests call :meth:`hang_up` themselves)."""
        if self.is_headless:
            return
        loop = asyncio.get_running_loop()
        installed = []
        for signo in HANG_UP_SIGNALS:
            if signal.getsignal(signo) is signal.SIG_IGN:
                continue  # nohup: the person asked for it; a closed terminal still ends us
            loop.add_signal_handler(signo, self.hang_up, signo)
            installed.append(signo)
        self._signals_installed = tuple(installed)
        if _pending:  # it came while the app was starting
            self.hang_up(_pending[0])

    def terminal_gone(self, reason: str) -> None:
        """The driver could not read or write the terminal any more (on the loop)."""
        self.terminal_lost = reason
        self.hang_up(None, reason)

    def hang_up(self, signo: int | None = None, reason: str = "") -> None:
        """End the session now, keeping the edits (see the module docstring). Once."""
        if self.hung_up is not None:
            return
        what = signal.Signals(signo).name if signo is not None else reason or "hang-up"
        self.hung_up = what
        code = 128 + signo if signo is not None else EXIT_HANG_UP
        if not self.is_headless:
            _watchdog(code)
        if self._timer is not None:
            self._timer.stop()
        self.call_later(self._leave_after_hang_up, what, code)

    async def _leave_after_hang_up(self, what: str, code: int) -> None:
        planner = self.planner
        if planner is not None:  # exiting while its panes mount trips Textual's Lazy
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(planner.filled.wait(), HANG_UP_GRACE / 2)
        await self.workers.wait_for_complete()  # a save already running finishes first
        refused = None  # a value open in the Budget pane that cannot be kept
        if planner is not None:
            with contextlib.suppress(Exception):  # never in the way of saving the rest
                refused = planner.finish_inline_edit()  # a valid one is kept, as on quit
        said = [self.keep_edits(), refused]
        self.release_lock()
        self.exit_line = f"socialtui: {clean(what)}: " + "; ".join(s for s in said if s)
        self.exit(return_code=code)

    def keep_edits(self) -> str:
        """Pending edits saved through the session, else put in the recovery copy.
        Never asks, never raises; says what became of them."""
        plan = self.current_plan
        if plan == self.loaded.plan:
            return "nothing was unsaved"
        problem = ""
        if not self.read_only and not self.conflict:
            try:
                self.file.save(plan)
            except Exception as error:  # refused or failed: the copy keeps the edits
                problem = f" ({clean(str(error))})"
            else:
                return "your edits were saved"
        try:
            copy = self.file.write_copy(plan)
        except Exception as error:
            return f"your edits could not be saved{problem} or copied ({clean(str(error))})"
        return f"your edits are in {clean(str(copy))}{problem}"


def _watchdog(code: int, grace: float = HANG_UP_GRACE) -> threading.Timer:
    """End the process ``grace`` seconds from now unless it ended by itself."""
    timer = threading.Timer(grace, os._exit, (code,))
    timer.daemon = True
    timer.start()
    return timer
