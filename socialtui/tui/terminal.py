"""The terminal: whether the full-screen app can start, and when it goes away.

:func:`terminal_problem` says why the app cannot start here (standard input or
output is not a terminal, ``TERM`` is ``dumb`` or unset): run_app then prints
what to use instead and exits 2 before anything is locked or created. Without
it, Textual draws on a pipe or a file, or reads end-of-file from ``/dev/null``
forever at 100 % CPU holding the plan's lock.

:class:`HangUpDriver` is Textual 8.2.8's ``LinuxDriver`` with two changes, both
about a terminal that went away (an SSH connection dropped, a tmux pane
killed, a terminal window closed while SIGHUP is ignored):

- reading: end-of-file or an error (EIO) on the terminal ends the input thread
  and tells the app; ``LinuxDriver.run_input_thread`` skips an empty read and
  selects again, which on a closed terminal returns at once, forever;
- writing: an error (EIO) writing to the terminal tells the app and the rest
  is dropped; the stock writer thread dies on it, and every later write then
  blocks on its full queue, freezing the app.

The app (:meth:`socialtui.tui.app.SocialApp.hang_up`) then keeps the edits and
leaves as it does on SIGHUP. Checked against ``textual/drivers/linux_driver.py``
and ``textual/drivers/_writer_thread.py`` of Textual 8.2.8 (pinned).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import selectors
import sys
import threading
from codecs import getincrementaldecoder
from collections.abc import Callable, Mapping
from typing import IO, Any

from textual._parser import ParseError
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver

INSTEAD = (
    "socialtui checkin PLAN --hours CHANNEL=H (and --metric, --verdict, --note) "
    "records a week, socialtui check PLAN shows its findings, "
    "socialtui export PLAN writes a report"
)
"""What to use without a terminal."""


def terminal_problem(
    streams: tuple[IO[Any], ...] | None = None, env: Mapping[str, str] | None = None
) -> str | None:
    """Why the full-screen app cannot run here, or None when it can.

    Standard input, output and error must be terminals (Textual reads keys from
    the first and draws on the last), and ``TERM`` must name a terminal that can
    place the cursor (not ``dumb``, as in an editor's shell buffer).
    """
    env = os.environ if env is None else env
    names = ("standard input", "standard output", "standard error")
    for name, stream in zip(names, streams or (sys.stdin, sys.stdout, sys.stderr), strict=True):
        try:
            tty = stream is not None and stream.isatty()
        except (ValueError, OSError):  # closed
            tty = False
        if not tty:
            return f"{name} is not a terminal"
    term = env.get("TERM", "")
    if term in ("", "dumb"):
        return f"TERM is {'not set' if not term else 'dumb'}: this terminal cannot show it"
    return None


class TerminalStream:
    """The terminal stream the writer thread writes to: an error means it went away.

    After the first error nothing more is written (each write would fail again).
    """

    def __init__(self, stream: IO[str], gone: Callable[[str], None]) -> None:
        self._stream = stream
        self._gone = gone
        self.broken = False

    def write(self, text: str) -> int:
        if not self.broken:
            try:
                return self._stream.write(text)
            except (OSError, ValueError) as error:
                self._fail(error)
        return len(text)

    def flush(self) -> None:
        if not self.broken:
            try:
                self._stream.flush()
            except (OSError, ValueError) as error:
                self._fail(error)

    def _fail(self, error: Exception) -> None:
        self.broken = True
        self._gone(f"the terminal cannot be written to ({error})")

    def fileno(self) -> int:
        return self._stream.fileno()

    def isatty(self) -> bool:
        return True


class HangUpDriver(LinuxDriver):
    """``LinuxDriver`` that reports a terminal gone away instead of spinning or freezing.

    The app gets ``terminal_gone(reason)`` called on its event loop, once.
    """

    def __init__(self, app, **kwargs: Any) -> None:
        super().__init__(app, **kwargs)
        self._file = TerminalStream(self._file, self._gone)  # the writer thread's stream
        self._loop: asyncio.AbstractEventLoop | None = None
        self._reported = threading.Event()

    def start_application_mode(self) -> None:
        self._loop = asyncio.get_running_loop()
        super().start_application_mode()

    def _gone(self, reason: str) -> None:
        """From any thread: tell the app, once."""
        if self._reported.is_set():
            return
        self._reported.set()
        loop, app = self._loop, self._app
        app.terminal_lost = reason  # read by run_app after the app, whatever the loop does
        callback = getattr(app, "terminal_gone", None)
        if loop is None or callback is None or loop.is_closed():
            return
        with contextlib.suppress(RuntimeError):  # a loop shutting down: leaving anyway
            loop.call_soon_threadsafe(callback, reason)

    def run_input_thread(self) -> None:
        """``LinuxDriver.run_input_thread``, ending on end-of-file or a read error."""
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        parser = XTermParser(self._debug)
        decode = getincrementaldecoder("utf-8")().decode
        try:
            while not self.exit_event.is_set():
                ready = selector.select(0.1)
                if ready:
                    try:
                        data = os.read(self.fileno, 1024 * 4)
                    except OSError as error:
                        self._gone(f"the terminal cannot be read ({error.strerror})")
                        return
                    if not data:
                        self._gone("the terminal closed (end of file)")
                        return
                    for event in parser.feed(decode(data)):
                        self.process_message(event)
                for event in parser.tick():
                    self.process_message(event)
        finally:
            selector.close()
            try:
                for _event in parser.feed(""):
                    pass
            except (EOFError, ParseError):
                pass
