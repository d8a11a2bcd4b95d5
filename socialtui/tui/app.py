"""The socialtui app: opens a plan, owns autosave, installs the screens.

Saving happens in a worker thread a second after the last change, so the screen
never waits on the disk. One lock keeps two saves from touching the plan's
document at once; a save that finds newer edits queued runs again.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from socialtui import config, store
from socialtui.plan.model import Plan
from socialtui.tui.commands import PLANNER_COMMANDS

AUTOSAVE_DELAY = 1.0


class SocialApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "socialtui"
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="quit-anywhere"),
    ]

    def __init__(
        self,
        loaded: store.LoadedPlan,
        *,
        data: Path,
        today: date | None = None,
        notice: str | None = None,
        start: str | None = None,
    ) -> None:
        super().__init__()
        self.loaded = loaded
        self.data = data
        self.today = today or date.today()
        self.notice = notice
        self.start = start
        self.current_plan: Plan = loaded.plan
        self.read_only = loaded.read_only
        self.save_state = "read-only" if self.read_only else "saved"
        self._save_lock = threading.Lock()
        self._saving = False
        self._save_again = False
        self._timer = None
        self._theme_loaded: str | None = None

    @property
    def plan_path(self) -> Path:
        return self.loaded.path

    # -- start ------------------------------------------------------------------
    def on_mount(self) -> None:
        from socialtui.tui.screens.main import PlannerScreen

        theme = config.load_settings().get("theme")
        if theme and theme in self.available_themes:
            self.theme = theme
        self._theme_loaded = self.theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        planner = PlannerScreen(self.current_plan)
        self.push_screen(planner)
        if self.start == "checkin":
            self.call_after_refresh(planner.action_checkin)
        if self.read_only:
            self.notify(
                "This plan was written by a newer socialtui: it is open read-only.",
                severity="warning",
                timeout=8,
            )
        if self.notice:
            self.notify(self.notice, timeout=8)
        config.remember_plan(self.data, self.loaded.path)

    def _theme_changed(self, theme) -> None:
        if theme.name != self._theme_loaded:
            self._theme_loaded = theme.name
            try:
                config.save_setting("theme", theme.name)
            except OSError as error:
                self.notify(f"Could not remember the theme: {error}", severity="warning")

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        from socialtui.tui.screens.main import PlannerScreen

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
        from socialtui.tui.screens.main import PlannerScreen

        for screen in self.screen_stack:
            if isinstance(screen, PlannerScreen):
                return screen
        return None

    def _set_state(self, state: str) -> None:
        self.save_state = state
        planner = self.planner
        if planner is not None and planner.is_mounted:
            planner.update_topbar()

    def plan_changed(self, plan: Plan) -> None:
        self.current_plan = plan
        if self.read_only:
            self._set_state("read-only")
            return
        self._set_state("saved" if plan == self.loaded.plan else "unsaved")
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(AUTOSAVE_DELAY, self._start_save)

    def save_now(self) -> None:
        if self.read_only:
            self.notify("Read-only: this plan is never written.", severity="warning")
            return
        if self._timer is not None:
            self._timer.stop()
        self._start_save(announce=True)

    def _start_save(self, announce: bool = False) -> None:
        if self.read_only or self.current_plan == self.loaded.plan:
            if announce:
                self.notify("Saved.", timeout=2)
            return
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

    def _save_blocking(self, plan: Plan) -> store.LoadedPlan:
        with self._save_lock:
            loaded = store.save(self.loaded, plan)
            self.loaded = loaded
            return loaded

    def _save_in_thread(self, plan: Plan, announce: bool) -> None:
        try:
            self._save_blocking(plan)
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
        self._set_state("saved")
        if announce:
            self.notify("Saved.", timeout=2)

    def _save_failed(self, error: Exception) -> None:
        self._saving = False
        self._save_again = False
        self._set_state("error: not saved")
        self.notify(f"Could not save: {error}", severity="error", timeout=10)

    def save_sync(self) -> bool:
        """Save now on this thread (used when quitting). True when the plan is safe."""
        if self.read_only or self.current_plan == self.loaded.plan:
            return True
        try:
            self._save_blocking(self.current_plan)
        except Exception as error:
            self._save_failed(error)
            return False
        self._set_state("saved")
        return True

    async def action_quit(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        await self.workers.wait_for_complete()
        if self.save_sync():
            self.exit()
        else:
            self.notify(
                "The plan could not be saved, so socialtui stays open. "
                "Fix the problem and save (ctrl+s), or undo the edits.",
                severity="error",
                timeout=12,
            )

    # -- plans ----------------------------------------------------------------------
    def action_plans(self) -> None:
        from socialtui.tui.screens.picker import PlanPicker

        self.push_screen(PlanPicker(self.data, self.loaded.path), self._picked)

    def _picked(self, path: Path | None) -> None:
        if path is None or path == self.loaded.path:
            return
        self.switch_plan(path)

    def switch_plan(self, path: Path) -> None:
        from socialtui.tui.screens.main import PlannerScreen

        if not self.save_sync():
            return
        try:
            loaded = store.load(path)
        except store.PlanError as error:
            self.notify(str(error), severity="error", timeout=12)
            return
        self.loaded = loaded
        self.current_plan = loaded.plan
        self.read_only = loaded.read_only
        self.save_state = "read-only" if self.read_only else "saved"
        config.remember_plan(self.data, path)
        self.switch_screen(PlannerScreen(loaded.plan))
