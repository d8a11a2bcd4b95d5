"""The socialtui app: opens a plan, owns autosave, installs the screens.

Saving happens in a worker thread a second after the last change, so the screen
never waits on the disk; a save that finds newer edits queued runs again. What
makes a save safe is the session's (:class:`socialtui.session.HeldPlan`): the
plan's lock, the changed-on-disk check, the backup before the first save, the
faithful write. This module decides only what the user sees when one of those
says no.

Two sessions, one plan: the plan is locked while open. A plan another live
session holds opens read-only and ``ctrl+t`` takes it over. A change made
elsewhere is never overwritten silently: :class:`ConflictScreen` asks, and
autosave pauses until it has an answer. A session whose lock was taken over
stops saving and keeps its edits in a copy.

An unexpected exception anywhere in the app writes a crash log and a copy of
the unsaved edits (:mod:`socialtui.crash`), ends the app with status 70 and
leaves one line for ``run_app`` to print once the terminal is restored; no
traceback is shown.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from rich.text import Text
from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from socialtui import store
from socialtui.plan.model import Plan
from socialtui.safe import clean
from socialtui.session import ChangedOnDisk, HeldPlan, LockLost, Session
from socialtui.store import config, crash, lock
from socialtui.tui.commands import PLANNER_COMMANDS

AUTOSAVE_DELAY = 1.0


class SocialApp(App):
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
        self._lock_plan()
        theme = config.load_settings().get("theme")
        if theme and theme in self.available_themes:
            self.theme = theme
        self._theme_loaded = self.theme

    def get_default_screen(self) -> Screen:
        # The planner is the first screen: no blank screen is drawn and swapped.
        from socialtui.tui.screens.planner import PlannerScreen

        planner = PlannerScreen(self.current_plan)
        # A pushed or switched-to screen gets a result callback; the default
        # screen does not, and switch_screen (opening another plan) pops one.
        planner._push_result_callback(self, None)
        return planner

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.holder is not None:
            self._say_held()
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
        # Keys typed before the planner's panes are filled (a fast typist, keys
        # pasted over SSH) wait for them, in order, rather than miss their target.
        if isinstance(event, events.InputEvent):
            stack = self.screen_stack
            filled = getattr(stack[-1], "filled", None) if stack else None
            if filled is not None and not filled.is_set():
                await filled.wait()
        await super().on_event(event)

    def _theme_changed(self, theme) -> None:
        if theme.name != self._theme_loaded:
            self._theme_loaded = theme.name
            try:
                config.save_setting("theme", theme.name)
            except OSError as error:
                self.notify(f"Could not remember the theme: {error}", severity="warning")

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        from socialtui.tui.screens.planner import PlannerScreen

        if isinstance(screen, PlannerScreen):
            for command in PLANNER_COMMANDS:
                if command.palette:
                    yield SystemCommand(
                        command.label if len(command.label) > 6 else command.help.split(":")[0],
                        command.help,
                        lambda action=command.action: screen.run_action(action),
                    )

    # -- saving -------------------------------------------------------------------
    @property
    def planner(self):
        from socialtui.tui.screens.planner import PlannerScreen

        for screen in self.screen_stack:
            if isinstance(screen, PlannerScreen):
                return screen
        return None

    def _set_state(self, state: str) -> None:
        self.save_state = state
        planner = self.planner
        if planner is not None and planner.is_mounted:
            planner.update_topbar()

    def _state(self) -> str:
        """The save state for the header: short, so it fits 80 columns."""
        if self.holder is not None:
            return f"read-only: open in {clean(self.holder.describe())}"
        if self.read_only:
            return "read-only"
        if self.conflict:
            return "conflict: changed on disk"
        return "saved" if self.current_plan == self.loaded.plan else "unsaved"

    def _refresh_state(self) -> None:
        self._set_state(self._state())

    def plan_changed(self, plan: Plan) -> None:
        self.current_plan = plan
        self._refresh_state()
        if self.read_only or self.conflict:
            return  # nothing to save; or autosave waits for the conflict to be decided
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(AUTOSAVE_DELAY, self._start_save)

    def save_now(self) -> None:
        if self.holder is not None:
            self.notify(
                "Read-only: this plan is open in another session. ctrl+t takes it over.",
                severity="warning",
            )
            return
        if self.read_only:
            self.notify("Read-only: this plan is never written.", severity="warning")
            return
        if self._timer is not None:
            self._timer.stop()
        self._start_save(announce=True, asked=True)

    def _start_save(self, announce: bool = False, asked: bool = False) -> None:
        if self.read_only or self.current_plan == self.loaded.plan:
            if announce:
                self.notify("Saved.", timeout=2)
            return
        if self.conflict and not asked:
            return  # autosave does not ask again: ctrl+s or quitting does
        if self._saving:
            self._save_again = True
            return
        self._saving = True
        plan = self.current_plan
        self.run_worker(
            lambda: self._save_in_thread(plan, announce),
            thread=True,
            group="save",
            exit_on_error=False,
        )

    def _save_in_thread(self, plan: Plan, announce: bool) -> None:
        try:
            self.file.save(plan)
        except ChangedOnDisk as error:
            self.call_from_thread(self._changed_on_disk, error.gone)
        except LockLost as error:
            self.call_from_thread(self._lock_lost, error.holder)
        except Exception as error:
            self.call_from_thread(self._save_failed, error)
        else:
            self.call_from_thread(self._save_done, announce)

    def _save_done(self, announce: bool) -> None:
        self._saving = False
        if self._save_again or self.current_plan != self.loaded.plan:
            self._save_again = False
            self._start_save()
            return
        self._refresh_state()
        if announce:
            self.notify("Saved.", timeout=2)

    def _save_failed(self, error: Exception) -> None:
        self._saving = False
        self._save_again = False
        self._set_state("error: not saved")
        self.notify(f"Could not save: {clean(str(error))}", severity="error", timeout=10)

    def save_sync(self) -> bool:
        """Save now on this thread (used when quitting). True when the plan is safe."""
        if self.read_only or self.current_plan == self.loaded.plan:
            return True
        try:
            self.file.save(self.current_plan)
        except ChangedOnDisk as error:
            self._changed_on_disk(error.gone)
            return False
        except LockLost as error:
            return self._lock_lost(error.holder)
        except Exception as error:
            self._save_failed(error)
            return False
        self._refresh_state()
        return True

    def _write_copy(self, plan: Plan, label: str = "unsaved") -> Path | None:
        """``plan`` as a new file next to the plan (comments kept); None, said, on failure."""
        try:
            return self.file.write_copy(plan, label)
        except (store.PlanError, OSError) as error:
            self.notify(
                f"Could not write your edits to a copy: {clean(str(error))}",
                severity="error",
                timeout=12,
            )
            return None

    def _keep_read_only_edits(self) -> bool:
        """Edits made while read-only are never saved: put them in a copy. True when safe."""
        if not self.read_only or self.current_plan == self.loaded.plan:
            return True
        copy = self._write_copy(self.current_plan)
        if copy is None:
            return False
        message = f"the plan was read-only; your edits are in {clean(str(copy))}"
        self.exit_line = f"socialtui: {message}"
        self.notify(message[0].upper() + message[1:], timeout=10)
        return True

    async def action_quit(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        await self.workers.wait_for_complete()
        if not self._keep_read_only_edits():
            return
        if self.save_sync():
            self.exit()
        elif self.conflict:
            self._quit_after_conflict = True  # quit once the conflict is decided
        else:
            self.notify(
                "The plan could not be saved, so socialtui stays open. "
                "Fix the problem and save (ctrl+s), or undo the edits.",
                severity="error",
                timeout=12,
            )

    # -- the file changed on disk ----------------------------------------------------
    def _changed_on_disk(self, gone: bool) -> None:
        from socialtui.tui.screens.dialogs import ConflictScreen

        self._saving = False
        self._save_again = False
        self.conflict = True
        self._refresh_state()
        if self._conflict_open:
            return
        self._conflict_open = True
        real = Path(os.path.realpath(self.loaded.path))
        dialog = ConflictScreen(clean(str(self.loaded.path)), clean(real.stem), gone)
        self.push_screen(dialog, self._resolve_conflict)

    def _resolve_conflict(self, choice: str | None) -> None:
        self._conflict_open = False
        quitting, self._quit_after_conflict = self._quit_after_conflict, False
        if choice is None:
            self.notify(
                "Not saved: autosave waits until you decide (ctrl+s asks again).",
                severity="warning",
                timeout=8,
            )
            return
        do = {"reload": self._reload, "overwrite": self._overwrite, "copy": self._save_as_copy}
        try:
            message = do[choice]()
        except (store.PlanError, OSError) as error:
            self.notify(f"Could not {choice}: {clean(str(error))}", severity="error", timeout=12)
            return
        self.notify(message, timeout=10)
        if quitting:
            self.exit_line = f"socialtui: {message}"
            self.exit()

    def _show(self, loaded: store.LoadedPlan) -> None:
        """Make ``loaded`` (what the file holds now) the plan on screen, with a fresh
        undo history."""
        self.file.loaded = loaded
        self.current_plan = loaded.plan
        self.read_only = loaded.read_only or self.holder is not None
        self.conflict = False
        planner = self.planner
        if planner is not None:
            planner.history.clear()
            planner.plan = loaded.plan
        self._refresh_state()

    def _reload(self) -> str:
        """The version on disk replaces ours; our edits go to a copy first."""
        copy = None
        if self.current_plan != self.loaded.plan:
            copy = self.file.write_copy(self.current_plan)
        self._show(self.file.reload())
        if copy is None:
            return "Reloaded the plan from disk."
        return f"Reloaded the plan from disk. Your edits are in {clean(str(copy))}"

    def _overwrite(self) -> str:
        """Our version replaces the one on disk, which is backed up first."""
        self.file.overwrite(self.current_plan)
        self.conflict = False
        self._refresh_state()
        return "Saved your version. The one it replaced is in the backups (socialtui restore)."

    def _save_as_copy(self) -> str:
        """Our version goes to a new file, which we go on editing; the plan is left alone."""
        old = clean(str(self.loaded.path))
        copy = self.file.write_copy(self.current_plan, "copy")
        fresh = self.session.load(copy)
        self.release_lock()
        self.file = self.session.attach(fresh)
        self._show(fresh)
        self._lock_plan()
        self._refresh_state()
        config.remember_plan(self.data, copy)
        return f"Your version is in {clean(str(copy))}; you are editing it now. {old} is untouched."

    # -- two sessions, one plan -----------------------------------------------------
    def _lock_plan(self) -> None:
        """Lock the open plan, or note the live session that holds it (then read-only)."""
        if self.locking and not self.loaded.read_only:
            self.file.take_lock()
            if self.file.lock_error is not None:
                self.notify(
                    "Other sessions will not see that this plan is open: "
                    f"{clean(str(self.file.lock_error))}",
                    severity="warning",
                    timeout=10,
                )
        self.read_only = self.file.read_only
        self.save_state = self._state()

    def release_lock(self) -> None:
        """Give up the lock (quit, crash, another plan). Safe to call twice."""
        self.file.release()

    def on_unmount(self) -> None:
        self.release_lock()

    def _say_held(self) -> None:
        assert self.holder is not None
        self.notify(
            f"This plan is open in another session ({clean(self.holder.describe())}), "
            "so it is read-only here. ctrl+t takes it over.",
            severity="warning",
            timeout=10,
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "take_over":
            return self.holder is not None
        return True

    def action_take_over(self) -> None:
        from socialtui.tui.screens.dialogs import ConfirmScreen

        if self.holder is None:
            return
        body = Text(
            f"{self.holder.describe()} has this plan open. Take it over to edit and save "
            "it here? If that session is still in use, it stops saving and keeps its "
            "unsaved edits in a copy."
        )
        self.push_screen(ConfirmScreen("Take over this plan", body, "Take over"), self._take_over)

    def _take_over(self, yes: bool | None) -> None:
        if not yes or self.holder is None:
            return
        try:
            self.file.take_over()
        except lock.LockError as error:
            self.notify(f"Could not take over: {clean(str(error))}", severity="error")
            return
        self.read_only = self.loaded.read_only
        message = "Taken over: this session saves the plan now."
        if self.file.changed_on_disk():
            try:
                message = f"Taken over. {self._reload()}"
            except (store.PlanError, OSError) as error:
                self.conflict = True
                message = f"Taken over, but the plan on disk cannot be read: {clean(str(error))}"
        elif self.current_plan != self.loaded.plan:
            self.plan_changed(self.current_plan)  # edits made while read-only: save them
        self._refresh_state()
        self.refresh_bindings()
        self.notify(message, timeout=10)

    def _lock_lost(self, holder: lock.Holder | None) -> bool:
        """Another session took the plan over: stop saving; edits to a copy. True if safe."""
        self._saving = False
        self._save_again = False
        self.file.lock = None
        self.file.holder = holder or lock.Holder(pid=None, user="", host="", started=None)
        self.read_only = True
        message = f"{clean(self.holder.describe())} took this plan over; it is read-only here."
        safe = True
        if self.current_plan != self.loaded.plan:
            copy = self._write_copy(self.current_plan)
            safe = copy is not None
            if copy is not None:
                message += f" Your unsaved edits are in {clean(str(copy))}"
                with contextlib.suppress(store.PlanError, OSError):
                    self._show(self.file.reload())
        self._refresh_state()
        self.refresh_bindings()
        self.exit_line = f"socialtui: {message}"
        self.notify(message, severity="warning", timeout=12)
        return safe

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
                self.crash_line = crash.report(error, self.loaded, self.current_plan, context)
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

        if not self._keep_read_only_edits() or not self.save_sync():
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
        self._lock_plan()
        config.remember_plan(self.data, path)
        self.switch_screen(PlannerScreen(loaded.plan))
        self.refresh_bindings()
        if self.holder is not None:
            self._say_held()
