"""When the plan is not only this session's: changed on disk, or open elsewhere.

A mixin of :class:`~socialtui.tui.app.SocialApp`. A change made elsewhere is
never overwritten silently: :class:`~socialtui.tui.screens.dialogs.ConflictScreen`
asks (reload, overwrite, save as a copy) and autosave waits for the answer. A
plan another live session holds opens read-only; ``ctrl+t`` takes it over. A
session whose lock was taken over stops saving and keeps its edits in a copy.
The checks themselves are the session's (:mod:`socialtui.session`).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from rich.text import Text

from socialtui import store
from socialtui.safe import clean
from socialtui.store import config, lock


class SharedPlan:
    """Conflicts, locks and take-overs, as the user sees them."""

    # -- the file changed on disk ----------------------------------------------------
    def changed_on_disk_found(self, gone: bool, reason: str | None = None) -> None:
        from socialtui.tui.screens.dialogs import ConflictScreen

        self._saving = False
        self._save_again = False
        self.conflict = True
        self.refresh_state()
        if reason:  # no longer a plan at all (a FIFO, a device): say what it is
            self.notify(f"{self.loaded.path} changed on disk: {reason}.", severity="error")
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
        do = {
            "reload": self.reload_from_disk,
            "overwrite": self._overwrite,
            "copy": self._save_as_copy,
        }
        try:
            message = do[choice]()
        except (store.PlanError, OSError) as error:
            self.notify(f"Could not {choice}: {clean(str(error))}", severity="error", timeout=12)
            return
        self.notify(message, timeout=10)
        if quitting:
            self.exit_line = f"socialtui: {message}"
            self.exit()

    def show_loaded(self, loaded: store.LoadedPlan) -> None:
        """Make ``loaded`` (what the file holds now) the plan on screen, with a fresh
        undo history."""
        self.file.adopt(loaded)
        self.current_plan = loaded.plan
        self.read_only = self.file.read_only
        self.conflict = False
        planner = self.planner
        if planner is not None:
            planner.history.clear()
            planner.plan = loaded.plan
        self.refresh_state()

    def reload_from_disk(self) -> str:
        """The version on disk replaces ours; our edits go to a copy first."""
        copy = None
        if self.current_plan != self.loaded.plan:
            copy = self.file.write_copy(self.current_plan)
        self.show_loaded(self.file.reload())
        if copy is None:
            return "Reloaded the plan from disk."
        return f"Reloaded the plan from disk. Your edits are in {clean(str(copy))}"

    def _overwrite(self) -> str:
        """Our version replaces the one on disk, which is backed up first."""
        self.file.overwrite(self.current_plan)
        self.conflict = False
        self.refresh_state()
        return "Saved your version. The one it replaced is in the backups (socialtui restore)."

    def _save_as_copy(self) -> str:
        """Our version goes to a new file, which we go on editing; the plan is left alone."""
        old = clean(str(self.loaded.path))
        copy = self.file.write_copy(self.current_plan, "copy")
        fresh = self.session.load(copy)
        self.release_lock()
        self.file = self.session.attach(fresh)
        self.show_loaded(fresh)
        self.lock_plan()
        self.refresh_state()
        config.remember_plan(self.data, copy)
        return f"Your version is in {clean(str(copy))}; you are editing it now. {old} is untouched."

    # -- two sessions, one plan -----------------------------------------------------
    def lock_plan(self) -> None:
        """Lock the open plan, or note the live session that holds it (then read-only)."""
        if self.locking and not self.loaded.read_only and self.file.protection is None:
            self.file.take_lock()
            if self.file.lock_error is not None:
                self.notify(
                    "Other sessions will not see that this plan is open: "
                    f"{clean(str(self.file.lock_error))}",
                    severity="warning",
                    timeout=10,
                )
        self.read_only = self.file.read_only
        self.save_state = self.state_text()

    def release_lock(self) -> None:
        """Give up the lock (quit, crash, another plan). Safe to call twice."""
        self.file.release()

    def on_unmount(self) -> None:
        self.release_lock()

    def say_held(self) -> None:
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
        self.read_only = self.file.read_only
        message = "Taken over: this session saves the plan now."
        if self.file.changed_on_disk():
            try:
                message = f"Taken over. {self.reload_from_disk()}"
            except (store.PlanError, OSError) as error:
                self.conflict = True
                message = f"Taken over, but the plan on disk cannot be read: {clean(str(error))}"
        elif self.current_plan != self.loaded.plan:
            self.plan_changed(self.current_plan)  # edits made while read-only: save them
        self.refresh_state()
        self.refresh_bindings()
        self.notify(message, timeout=10)

    def lock_lost(self, holder: lock.Holder | None) -> bool:
        """Another session took the plan over: stop saving; edits to a copy. True if safe."""
        self._saving = False
        self._save_again = False
        self.file.lock = None
        self.file.holder = holder or lock.Holder(pid=None, user="", host="", started=None)
        self.read_only = True
        message = f"{clean(self.holder.describe())} took this plan over; it is read-only here."
        safe = True
        if self.current_plan != self.loaded.plan:
            copy = self.write_copy(self.current_plan)
            safe = copy is not None
            if copy is not None:
                message += f" Your unsaved edits are in {clean(str(copy))}"
                with contextlib.suppress(store.PlanError, OSError):
                    self.show_loaded(self.file.reload())
        self.refresh_state()
        self.refresh_bindings()
        self.exit_line = f"socialtui: {message}"
        self.notify(message, severity="warning", timeout=12)
        return safe
