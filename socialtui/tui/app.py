"""The socialtui app: opens a plan, owns autosave, installs the screens.

Saving happens in a worker thread a second after the last change
(:mod:`socialtui.tui.saving`), so the screen never waits on the disk. What
makes a save safe is the session's (:class:`socialtui.session.HeldPlan`): the
plan's lock, the changed-on-disk check, the backup before the first save, the
faithful write. What the user sees when one of those says no (a conflict, a
plan open elsewhere, a take-over) is :mod:`socialtui.tui.sharing`'s.

Keys typed before the planner's panes are in place wait for them, in order
(:meth:`SocialApp.on_event`). SIGHUP, SIGTERM and a terminal that went away
end the session with the edits kept (:mod:`socialtui.tui.hangup`).

An unexpected exception anywhere in the app writes a crash log and a copy of
the unsaved edits (:mod:`socialtui.store.crash`), ends the app with status 70 and
leaves one line for ``run_app`` to print once the terminal is restored; no
traceback is shown.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen

from socialtui import store
from socialtui.plan.model import Plan
from socialtui.safe import clean
from socialtui.session import HeldPlan, Session
from socialtui.store import config, crash, lock
from socialtui.tui.commands import palette_entries
from socialtui.tui.hangup import HangUp
from socialtui.tui.saving import Autosave
from socialtui.tui.sharing import SharedPlan


class SocialApp(HangUp, Autosave, SharedPlan, App):
    CSS_PATH = "app.tcss"
    TITLE = "socialtui"
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="quit-anywhere"),
        Binding("ctrl+t", "take_over", "Take over", id="take-over"),
    ]

    def __init__(
        self,
        loaded: store.LoadedPlan,
        *,
        data: Path,
        today: date | None = None,
        notice: str | None = None,
        start: str | None = None,
        session: Session | None = None,
        locking: bool = True,
        private: bool = False,
    ) -> None:
        super().__init__()
        self.data = data
        self.today = today or date.today()
        self.notice = notice
        self.start = start
        self.session = session or Session(data)
        self.file: HeldPlan = self.session.attach(loaded)
        """The plan on disk as this session knows it, and its lock."""
        self.locking = locking
        self.private = private  # privacy mode: the planner shows mask_plan(plan)
        self.conflict = False  # the file changed on disk; autosave waits for a decision
        self._conflict_open = False
        self._quit_after_conflict = False
        self.crash_line: str | None = None  # the one line run_app prints after a crash
        self.exit_line: str | None = None  # a line run_app prints after a normal exit
        self.current_plan: Plan = loaded.plan
        self.read_only = loaded.read_only
        self.save_state = "read-only" if self.read_only else "saved"
        self._saving = False
        self._save_again = False
        self._timer = None
        self._theme_loaded: str | None = None
        self.user_keys: dict[str, tuple[str, ...]] = {}
        """The commands whose keys config.toml changed: id → keys (Textual's names)."""
        self.keys_problem: str | None = None
        self._keys_table: dict[str, object] | None = None  # [keys], until applied

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every toast is literal text, by construction: never markup (``markup`` is
        ignored), control and bidi characters made visible, line breaks kept.

        Toasts quote plan values and file names ("... not '[/]'"): parsed as
        markup, ``[/]`` crashed the app and ``[@click=...]`` would be live.
        ``Screen.notify`` and ``Widget.notify`` call this (Textual 8.2.8).
        Thread-safe, as Textual's is.
        """
        super().notify(
            clean(str(message), multiline=True),
            title=clean(str(title)),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    @property
    def loaded(self) -> store.LoadedPlan:
        return self.file.loaded

    @property
    def holder(self) -> lock.Holder | None:
        """The live session holding the plan, if not this one."""
        return self.file.holder

    @property
    def plan_path(self) -> Path:
        return self.loaded.path

    # -- start ------------------------------------------------------------------
    def on_load(self) -> None:
        # Before the first screen exists: the lock decides read-only, the theme
        # decides the first frame's colours.
        self.lock_plan()
        theme = config.load_settings().get("theme")
        if theme and theme in self.available_themes:
            self.theme = theme
        self._theme_loaded = self.theme
        self._keys_table, self.keys_problem = config.load_keys()

    def apply_user_keys(self) -> None:
        """config.toml's ``[keys]``, checked (:mod:`socialtui.tui.keys`), as Textual's
        keymap; what was refused is said once, in one line.

        Called once, when the planner's panes arrive: after the first frame (the
        checks load every screen's module), before any key typed meanwhile is
        delivered (:meth:`on_event` holds them until then).
        """
        table, self._keys_table = self._keys_table, None
        if table is None:  # done already
            return
        if table:
            from socialtui.tui.keyplaces import bindings
            from socialtui.tui.keys import resolve

            keys = resolve(table, bindings(self.BINDINGS))
            self.user_keys = keys.changed
            self.set_keymap(keys.keymap)
            self.keys_problem = keys.summary()
        if self.keys_problem:
            self.notify(self.keys_problem, severity="warning", timeout=12)

    def get_default_screen(self) -> Screen:
        # The planner is the first screen: no blank screen is drawn and swapped.
        from socialtui.tui.screens.planner import PlannerScreen

        planner = PlannerScreen(self.current_plan)
        # A pushed or switched-to screen gets a result callback; the default
        # screen does not, and switch_screen (opening another plan) pops one.
        planner._push_result_callback(self, None)
        return planner

    def get_driver_class(self):
        """Textual's driver for this platform; on Linux and macOS, one that ends the
        session when the terminal goes away (:mod:`socialtui.tui.terminal`)."""
        default = super().get_driver_class()
        from textual.drivers.linux_driver import LinuxDriver

        if default is not LinuxDriver:  # Windows, or TEXTUAL_DRIVER chose another
            return default
        from socialtui.tui.terminal import HangUpDriver

        return HangUpDriver

    def on_mount(self) -> None:
        self.install_hang_up()
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.holder is not None:
            self.say_held()
        elif self.file.protection is not None:
            self.notify(
                f"This plan is open read-only: {self.file.protection.reason}. "
                "Edits are never written to it.",
                severity="warning",
                timeout=10,
            )
        elif self.loaded.read_only:
            self.notify(
                "This plan was written by a newer socialtui: it is open read-only.",
                severity="warning",
                timeout=8,
            )
        if self.notice:
            self.notify(self.notice, timeout=8)
        config.remember_plan(self.data, self.loaded.path)

    def on_planner_screen_filled(self, event) -> None:
        """The planner is complete: the start-up garbage collection deal (see
        ``run_app``) ends, and a check-in opens if the app was started for one."""
        if not gc.isenabled():
            gc.freeze()  # what start-up built lives as long as the app: never scan it
            gc.enable()
        if self.start == "checkin":
            self.start = None
            event.planner.action_checkin()

    async def on_event(self, event: events.Event) -> None:
        # Keys typed before the planner's panes are filled, or before a form
        # just opened has its focus (a fast typist, keys pasted over SSH), wait
        # for them, in order, rather than miss their target.
        if isinstance(event, events.InputEvent):
            stack = self.screen_stack
            screen = stack[-1] if stack else None
            filled = getattr(screen, "filled", None)
            while filled is not None and not filled.is_set() and screen in self.screen_stack:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(filled.wait(), 0.1)  # or the screen went
        if isinstance(event, events.Key):
            # A burst (a paste, an SSH stall): the keys already sent to the focused
            # widget act first, so "down" then "enter" opens the row moved to.
            from socialtui.tui.widgets.fields import settle

            await settle(self.focused)
        await super().on_event(event)

    def _theme_changed(self, theme) -> None:
        if theme.name != self._theme_loaded:
            self._theme_loaded = theme.name
            try:
                config.save_setting("theme", theme.name)
            except (OSError, store.PlanError) as error:
                self.notify(f"Could not remember the theme: {error}", severity="warning")

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # Textual's "Keys" and "Maximize" are left out: the help (?) lists every key.
        for command in super().get_system_commands(screen):
            if command.title not in ("Keys", "Maximize"):
                yield command
        from socialtui.tui.screens.planner import PlannerScreen

        if isinstance(screen, PlannerScreen):
            for name, help_text, run in palette_entries(screen.run_action):
                yield SystemCommand(name, help_text, run)

    async def action_quit(self) -> None:
        """Quit, saving first; typing in an open form or check-in is not thrown
        away without asking (:func:`~socialtui.tui.screens.dialogs.ask_discard`)."""
        from socialtui.tui.screens.dialogs import ask_discard
        from socialtui.tui.widgets.fields import settle

        await settle(self.focused)  # a burst: the typing before ctrl+q counts
        planner = self.planner
        if planner is not None:
            planner.finish_inline_edit()
        if not ask_discard(self, self._quit_now):
            await self._quit_now()

    async def _quit_now(self) -> None:
        await super().action_quit()

    @property
    def planner(self):
        from socialtui.tui.screens.planner import PlannerScreen

        for screen in self.screen_stack:
            if isinstance(screen, PlannerScreen):
                return screen
        return None

    # -- crashes --------------------------------------------------------------------
    def _handle_exception(self, error: Exception) -> None:
        """Textual's hook for any unhandled exception: log, keep the edits, exit 70.

        Replaces the Rich traceback Textual would print on exit with one line
        (``crash_line``) that run_app prints once the terminal is restored.
        """
        if self.crash_line is None:
            try:
                context = {"plan": self.loaded.path, "screen": type(self.screen).__name__}
            except Exception:
                context = {}
            try:
                self.crash_line = crash.report(
                    error, self.loaded, self.current_plan, context, data=self.data
                )
            except Exception:  # report never raises; a crash handler must not crash anyway
                self.crash_line = "socialtui: unexpected error"
        self._return_code = crash.EXIT_CRASH
        self._exception_event.set()  # a Pilot waiting for the screen stops waiting
        self._close_messages_no_wait()

    # -- plans ----------------------------------------------------------------------
    def action_plans(self) -> None:
        from socialtui.tui.screens.picker import PlanPicker

        self.push_screen(PlanPicker(self.data, self.loaded.path), self._picked)

    def _picked(self, path: Path | None) -> None:
        if path is None or path == self.loaded.path:
            return
        self.switch_plan(path)

    def switch_plan(self, path: Path) -> None:
        from socialtui.tui.screens.planner import PlannerScreen

        if not self.keep_read_only_edits() or not self.save_sync():
            return
        try:
            loaded = self.session.load(path)
        except (store.PlanError, OSError) as error:
            self.notify(clean(str(error)), severity="error", timeout=12)
            return
        self.exit_line = None
        self.release_lock()
        self.file = self.session.attach(loaded)
        self.current_plan = loaded.plan
        self.conflict = False
        self.lock_plan()
        config.remember_plan(self.data, path)
        self.switch_screen(PlannerScreen(loaded.plan))
        self.refresh_bindings()
        if self.holder is not None:
            self.say_held()
