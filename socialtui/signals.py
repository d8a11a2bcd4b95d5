"""Hang-up signals (SIGHUP, SIGTERM) that arrived while a command was starting.

The command line turns the first one into an exception that unwinds the command
(:mod:`socialtui.cli.main`). Raised where Python cannot pass it on (a finalizer
running at that moment prints "Exception ignored" and goes on), it would be
lost, and the full-screen app would start as if nothing had been asked: it is
noted here first, and the app hangs up the moment it can
(:func:`socialtui.tui.hangup.defer_hang_ups`).
"""

from __future__ import annotations

received: list[int] = []
"""The signals noted, in the order they came."""
