"""The command line: ``socialtui [COMMAND]``.

With no command, socialtui starts the full-screen app. The headless commands
work without it (a cron job, CI, an SSH session without a terminal)::

    socialtui new NAME [--from starter|blank]   create a plan in the data directory
    socialtui list                              every plan in the data directory
    socialtui check [PLAN...] [--format text|json]
    socialtui checkin [PLAN] [--hours ...]      record a week (or open the check-in)
    socialtui export [PLAN] [--format ...]      Markdown, CSV or JSON for other people
    socialtui restore PLAN [N]                  list or restore backups

Every command takes ``--data-dir DIR`` (else ``SOCIALTUI_DATA_DIR``, else the
platform's data directory) and ``--version``.

Exit status: 0 all is well; 1 ``check`` found an error finding; 2 a plan could not
be read or written (read-only to you), a file already exists, the command line is
wrong, or the app was asked for without a terminal; 70 an internal error; 75 the
plan is open in the app; 130 interrupted (ctrl+c, SIGINT); 129 SIGHUP or the
terminal went away, 143 SIGTERM (the app saves its edits first; a command unwinds, releasing
its lock). No traceback is ever printed.

``main`` (the parser, :func:`main.needed`), ``common`` (the helpers every command
shares, all public) and one module per command. May import socialtui.session,
socialtui.store, socialtui.report, socialtui.plan, socialtui.paths,
socialtui.safe, and socialtui.tui only to start the app (``open``, ``checkin``).
"""

from socialtui.cli.main import build_parser, main, needed

__all__ = ["build_parser", "main", "needed"]
