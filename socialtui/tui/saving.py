"""Autosave: a worker thread saves a second after the last change.

A mixin of :class:`~socialtui.tui.app.SocialApp`. The screen never waits on
the disk; a save that finds newer edits queued runs again; quitting saves on
the spot. Whether a save is safe is the session's business
(:meth:`socialtui.session.HeldPlan.save`); what the user is told when it is
not is :mod:`socialtui.tui.sharing`'s.
"""

from __future__ import annotations

from pathlib import Path

from socialtui import store
from socialtui.plan.model import Plan
from socialtui.safe import clean
from socialtui.session import ChangedOnDisk, LockLost

AUTOSAVE_DELAY = 1.0
"""Seconds after the last change before the plan is saved."""


class Autosave:
    """Saving for the app: state for the top bar, the timer, the worker, quitting."""

    def set_state(self, state: str) -> None:
        self.save_state = state
        planner = self.planner
        if planner is not None and planner.is_mounted:
            planner.update_topbar()

    def state_text(self) -> str:
        """The save state for the header: short, so it fits 80 columns."""
        if self.holder is not None:
            return f"read-only: open in {clean(self.holder.describe())}"
        if self.file.protection is not None and self.read_only:
            return f"read-only: {clean(self.file.protection.short)}"
        if self.read_only:
            return "read-only"
        if self.conflict:
            return "conflict: changed on disk"
        return "saved" if self.current_plan == self.loaded.plan else "unsaved"

    def refresh_state(self) -> None:
        self.set_state(self.state_text())

    def plan_changed(self, plan: Plan) -> None:
        self.current_plan = plan
        self.refresh_state()
        if self.read_only or self.conflict:
            return  # nothing to save; or autosave waits for the conflict to be decided
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(AUTOSAVE_DELAY, self.start_save)

    def save_now(self) -> None:
        if self.holder is not None:
            self.notify(
                "Read-only: this plan is open in another session. ctrl+t takes it over.",
                severity="warning",
            )
            return
        if self.read_only:
            protection = self.file.protection
            why = f": {protection.reason}" if protection is not None else ""
            self.notify(f"Read-only: this plan is never written{why}.", severity="warning")
            return
        if self._timer is not None:
            self._timer.stop()
        self.start_save(announce=True, asked=True)

    def start_save(self, announce: bool = False, asked: bool = False) -> None:
        if self.hung_up is not None:
            return  # the hang-up saves on the spot (socialtui.tui.hangup)
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
            self.call_from_thread(self.changed_on_disk_found, error.gone, error.reason)
        except LockLost as error:
            self.call_from_thread(self.lock_lost, error.holder)
        except Exception as error:
            self.call_from_thread(self.save_failed, error)
        else:
            self.call_from_thread(self._save_done, announce)

    def _save_done(self, announce: bool) -> None:
        self._saving = False
        if self._save_again or self.current_plan != self.loaded.plan:
            self._save_again = False
            self.start_save()
            return
        self.refresh_state()
        if announce:
            self.notify("Saved.", timeout=2)

    def save_failed(self, error: Exception) -> None:
        self._saving = False
        self._save_again = False
        self.set_state("error: not saved")
        self.notify(f"Could not save: {clean(str(error))}", severity="error", timeout=10)

    def save_sync(self) -> bool:
        """Save now on this thread (used when quitting). True when the plan is safe."""
        if self.read_only or self.current_plan == self.loaded.plan:
            return True
        try:
            self.file.save(self.current_plan)
        except ChangedOnDisk as error:
            self.changed_on_disk_found(error.gone, error.reason)
            return False
        except LockLost as error:
            return self.lock_lost(error.holder)
        except Exception as error:
            self.save_failed(error)
            return False
        self.refresh_state()
        return True

    def write_copy(self, plan: Plan, label: str = "unsaved") -> Path | None:
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

    def keep_read_only_edits(self) -> bool:
        """Edits made while read-only are never saved: put them in a copy. True when safe."""
        if not self.read_only or self.current_plan == self.loaded.plan:
            return True
        copy = self.write_copy(self.current_plan)
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
        if not self.keep_read_only_edits():
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
