"""``socialtui`` (the console script) and ``python -m socialtui``.

``socialtui due`` runs from shell start-up files, where every millisecond is
felt: when its arguments are the plain ones (:func:`socialtui.reminders.run.quick`)
it is answered without building the parser or importing the rest of the
command line, which takes longer than the answer. Everything else, and
anything the quick way cannot answer, goes to :func:`socialtui.cli.main`.
"""

import sys

EXIT_OK = 0  # as socialtui.cli.common says them
EXIT_INTERRUPTED = 130


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if "due" in argv:
        from socialtui.reminders.run import quick

        options = quick(argv)
        if options is not None:
            try:
                from socialtui import clock
                from socialtui.reminders.run import run

                return run(options, clock.today())
            except KeyboardInterrupt:
                return EXIT_INTERRUPTED
            except BrokenPipeError:  # the reader has gone: nothing is left to say
                return EXIT_OK
            except Exception:  # a bad SOCIALTUI_TODAY, a surprise: the command line
                pass  # below answers again, and says it as it says any error
    from socialtui.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    raise SystemExit(main())
