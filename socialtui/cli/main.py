"""``socialtui [COMMAND]``: the parser and the one entry point.

Only the parser of the subcommand named is built (:func:`needed`): eight
subparsers cost about as much as drawing the app's first frame. Each command
lives in its own module (``socialtui.cli.<command>``) with ``add_parser(sub)``
and ``run(args)``; textual is imported only when the app starts.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence

from socialtui import signals
from socialtui.cli.common import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    PRIVATE_HELP,
    PROG,
    CliError,
    common_options,
    err,
)
from socialtui.safe import clean

COMMANDS = (
    "open",
    "new",
    "list",
    "check",
    "checkin",
    "export",
    "restore",
    "archive",
    "unarchive",
    "merge",
    "git-setup",
    "due",
    "keys",
)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; ``only="open"`` (say) leaves out the other
    subcommands' parsers, which start-up need not build (see :func:`needed`)."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Plan a social media strategy and keep it honest, week by week.",
        epilog="Run without a command to start the app. "
        "'socialtui COMMAND --help' says more about each command.",
        parents=[common_options(top=True)],
    )
    parser.set_defaults(handler=None, command=None)
    parser.add_argument("--private", action="store_true", help=PRIVATE_HELP)
    if only == "":
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for name in COMMANDS if only is None else (only,):
        importlib.import_module(f"socialtui.cli.{name.replace('-', '')}").add_parser(sub)
    return parser


def needed(argv: Sequence[str]) -> str | None:
    """The one subcommand that ``argv`` needs a parser for ("" for none: plain
    ``socialtui``), or None when it may need them all (help, version, an unknown
    word or option: argparse then says what is wrong with the full picture).

    Eight subparsers cost about as much as drawing the first frame, and the
    app's start is what people wait for.
    """
    args = list(argv)
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--data-dir":
            i += 2
        elif arg.startswith("--data-dir=") or arg == "--private":
            i += 1
        elif arg in COMMANDS:
            rest = args[i + 1 :]
            return None if any(a in ("-h", "--help", "--version") for a in rest) else arg
        else:
            return None
    return ""


class Interrupted(BaseException):
    """SIGHUP or SIGTERM arrived while a command ran: unwind (``finally`` blocks
    release the plan's lock, an unfinished atomic write removes its temp file),
    then exit with 128 + the signal's number."""

    def __init__(self, signo: int) -> None:
        super().__init__(signo)
        self.signo = signo


@contextlib.contextmanager
def _hang_ups_interrupt() -> Iterator[None]:
    """While a command runs, SIGHUP and SIGTERM raise :class:`Interrupted` once (a
    second one while unwinding is held back: the cleanup finishes). A signal
    ignored at start (``nohup``) stays ignored; the app installs its own handlers
    once it runs. The previous handlers come back afterwards."""
    raised: list[int] = []

    def interrupt(signo: int, frame: object) -> None:
        if not raised:
            raised.append(signo)
            signals.received.append(signo)  # kept should the exception be swallowed
            raise Interrupted(signo)

    previous: dict[int, object] = {}
    for signo in (signal.SIGHUP, signal.SIGTERM):
        with contextlib.suppress(ValueError, OSError):  # not the main thread
            if signal.getsignal(signo) is not signal.SIG_IGN:
                previous[signo] = signal.signal(signo, interrupt)
    try:
        yield
    finally:
        for signo, handler in previous.items():
            with contextlib.suppress(ValueError, OSError, TypeError):
                signal.signal(signo, handler)  # type: ignore[arg-type]


def main(argv: Sequence[str] | None = None) -> int:
    """Run socialtui with ``argv`` (default ``sys.argv[1:]``); return the exit status."""
    # Until the app is on screen, collecting garbage is time lost (see run_app);
    # the headless commands get collection back before they start.
    gc.disable()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    try:
        argv = sys.argv[1:] if argv is None else list(argv)
        parser = build_parser(only=needed(argv))
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:  # --help, --version, usage errors
            return exc.code if isinstance(exc.code, int) else EXIT_USAGE
        handler: Callable[[argparse.Namespace], int] | None = args.handler
        with _hang_ups_interrupt():
            if handler is None:
                from socialtui.cli.open import run

                return run(args)
            gc.enable()
            return handler(args)
    except CliError as exc:
        err(f"{PROG}: {exc}")
        return exc.code
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Interrupted as exc:
        return 128 + exc.signo
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except Exception as exc:  # never a traceback
        err(f"{PROG}: internal error: {clean(type(exc).__name__ + ': ' + str(exc))}")
        return EXIT_INTERNAL
    finally:
        gc.enable()


def _silence_stdout() -> None:
    """After a closed pipe, point stdout at devnull so the exit flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
