"""The command line: ``socialtui [COMMAND]``.

With no command, socialtui starts the full-screen app. The headless commands
work without it (a cron job, CI, an SSH session without a terminal)::

    socialtui new NAME [--from starter|blank]   create a plan in the data directory
    socialtui list                              every plan in the data directory
    socialtui check [PLAN...] [--format text|json]
    socialtui checkin [PLAN] [--hours ...]      record a week (or open the check-in)
    socialtui export [PLAN] [--format ...]      Markdown, CSV, JSON or iCalendar
    socialtui restore [PLAN] [N|FILE]           list or restore backups and recovered copies
    socialtui archive PLAN / unarchive PLAN     put a plan away in the archive, bring it back
    socialtui merge BASE OURS THEIRS [-o OUT]   three versions of a plan merged (git's driver)
    socialtui git-setup [PATH...] [--undo]      make git merge plans with socialtui merge
    socialtui due [PLAN...] [-q] [--format ...] what is due: check-ins, reviews, findings

Every command takes ``--data-dir DIR`` (else ``SOCIALTUI_DATA_DIR``, else the
platform's data directory) and ``--version``.

Exit status: 0 all is well; 1 ``check`` found an error finding; 2 a plan could not
be read or written (read-only to you), a file already exists, the command line is
wrong, or the app was asked for without a terminal; 70 an internal error; 75 the
plan is open in the app; 130 interrupted (ctrl+c, SIGINT); 129 SIGHUP or the
terminal went away, 143 SIGTERM (the app saves its edits first; a command unwinds, releasing
its lock). No traceback is ever printed.
``merge`` exits 1 when it leaves conflicts marked in the result; ``due`` exits 1 when
something is due. The console script starts in :mod:`socialtui.__main__`, which
answers the plain forms of ``due`` without this package (:mod:`socialtui.reminders`).

``main`` (the parser, :func:`main.needed`), ``common`` (the helpers every command
shares, all public) and one module per command. May import socialtui.session,
socialtui.store, socialtui.report, socialtui.plan, socialtui.paths,
socialtui.safe, socialtui.clock, socialtui.reminders, rich.cells (display widths, in
``list``), and socialtui.tui only to start the app (``open``, ``checkin``).
"""

from socialtui.cli.main import build_parser, main, needed

__all__ = ["build_parser", "main", "needed"]
