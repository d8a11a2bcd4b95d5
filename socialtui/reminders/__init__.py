"""``socialtui due``: what is due across plans, fast enough for a shell's start-up file.

==============  ================================================================
``run``         the command's work and output; :func:`quick` reads its few
                arguments without argparse for the console script's quick start
``cache``       what each plan file comes to (its rhythm: check-in weeks,
                review, findings), kept between runs and validated by content
==============  ================================================================

The console script (:mod:`socialtui.__main__`) answers ``socialtui due`` through
:func:`run.quick` and :func:`run.run` without building the parser;
``socialtui.cli.due`` (``--help``, plan names, ``--print-systemd``) ends in the
same :func:`run.run`.

Imports at the top only the standard library's cheapest modules (``os``,
``sys``, ``datetime``, the C modules behind hashlib), :mod:`socialtui.plan.due`,
:mod:`socialtui.paths`, :mod:`socialtui.clock` and :mod:`socialtui.safe`; the
store (and so tomli) and json only when a plan must be read or JSON written.
Never textual, rich, tomlkit, argparse, socialtui.cli or socialtui.tui.
"""
