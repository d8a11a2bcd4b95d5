"""The planner: four panes, the findings panel and the budget gauge.

The screen holds the plan in one reactive, bound into every pane. An edit builds
a new plan and assigns it; the watcher recomputes findings with the pure
``check()`` and hands them to the findings panel and the gauge, then tells the
app, which saves a second after the last change.

Start-up is in two steps. The first frame holds what says most with fewest
widgets: the plan's name, the gauge, the findings and the panes' outlines (one
widget, :class:`~socialtui.tui.widgets.outline.PaneOutlines`). Right after it
is drawn, :meth:`PlannerScreen.fill` mounts the panes (tables, the budget form)
and the footer in their place; the app holds keys typed meanwhile.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.events import Resize
from textual.lazy import Lazy
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static

from socialtui.plan.budget import summarize
from socialtui.plan.findings import Finding, check
from socialtui.plan.history import UndoHistory
from socialtui.plan.model import Plan
from socialtui.safe import one_line
from socialtui.tui.commands import PLANNER_COMMANDS
from socialtui.tui.screens.planner_edits import PlanEditing
from socialtui.tui.text import short_path
from socialtui.tui.widgets.findings import FindingsPanel
from socialtui.tui.widgets.gauge import BudgetGauge
from socialtui.tui.widgets.outline import PaneOutlines
from socialtui.tui.widgets.panes import Panes
from socialtui.tui.widgets.topbar import PaneTabs, TopBar

if TYPE_CHECKING:
    from socialtui.tui.widgets.pane import Pane

PANE_IDS = {1: "goals", 2: "audience", 3: "channels", 4: "budget"}
NARROW_WIDTH = 110
NARROW_HEIGHT = 34
MIN_WIDTH = 40
MIN_HEIGHT = 12


class PlannerScreen(PlanEditing, Screen):
    class Filled(Message):
        """The panes are in place (posted once, when they arrive)."""

        def __init__(self, planner: PlannerScreen) -> None:
            super().__init__()
            self.planner = planner

    BINDINGS = [command.binding() for command in PLANNER_COMMANDS]

    plan: reactive[Plan] = reactive(Plan(name=""), init=False, always_update=True)
    shown: reactive[Plan] = reactive(Plan(name=""), init=False, always_update=True)
    """What the panes display: the plan, or in privacy mode ``mask_plan(plan)``."""
    findings: reactive[list[Finding]] = reactive(list, init=False)
    current_pane: reactive[int] = reactive(1, init=False)

    def __init__(self, plan: Plan, **kwargs) -> None:
        super().__init__(**kwargs)
        self.add_class("-starting")  # until the panes arrive: the footer's line stays free
        self.set_reactive(PlannerScreen.plan, plan)
        self.set_reactive(PlannerScreen.shown, self.displayed(plan))
        self.preview: Plan | None = None
        self.history = UndoHistory()
        self._offers: tuple[bool | None, ...] = ()
        self.filled = asyncio.Event()
        """Set once the panes are on the screen (see :meth:`on_panes_arrived`)."""

    # -- layout -------------------------------------------------------------
    def compose(self) -> ComposeResult:
        today = self.app.today  # type: ignore[attr-defined]
        yield TopBar(self.topbar_text(), id="topbar")
        yield BudgetGauge(id="gauge")
        yield PaneTabs(id="pane-tabs")
        yield PaneOutlines(id="outlines")
        # Mounted by Lazy right after the first frame, in the outlines' place.
        yield Lazy(Panes(today, id="panes").data_bind(shown=PlannerScreen.shown))
        yield FindingsPanel(id="findings")
        yield Static(id="too-small")

    def on_mount(self) -> None:
        self._fit_to(*self.app.size)  # before the first frame, not on the Resize after it
        self._recompute(self.plan)

    async def on_panes_arrived(self, event: Panes.Arrived) -> None:
        """The panes are in: the outlines go, the footer comes, held keys may follow.

        The first frame (plan name, gauge, findings, the panes' outlines) needs
        six widgets and is drawn soon after start; the panes and the footer,
        some sixty widgets with their tables and fields, follow at once (Lazy
        mounts them after the first refresh). The app holds keys typed
        meanwhile and delivers them after this.
        """
        from socialtui.tui.widgets.footer import CalmFooter

        event.stop()
        await self.query_one(PaneOutlines).remove()
        await self.mount(CalmFooter())  # its keys depend on the focused table
        self.remove_class("-starting")
        self.filled.set()
        self._show_current()
        self.action_focus_pane(self.current_pane)
        self.refresh_bindings()
        self.post_message(self.Filled(self))

    @on(Resize)
    def _resized(self, event: Resize) -> None:
        self._fit_to(event.size.width, event.size.height)

    def _fit_to(self, width: int, height: int) -> None:
        """The layout for this terminal size: four panes, one, or 'too small'."""
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        narrow = not small and (width < NARROW_WIDTH or height < NARROW_HEIGHT)
        if self.has_class("-too-small") != small or self.has_class("-narrow") != narrow:
            self.set_class(small, "-too-small")  # restyles every widget: only on a change
            self.set_class(narrow, "-narrow")
            self._show_current()
        if small:
            self.query_one("#too-small", Static).update(
                f"The terminal is too small ({width}×{height}).\n"
                f"socialtui needs at least {MIN_WIDTH}×{MIN_HEIGHT}."
            )

    def _show_current(self) -> None:
        narrow = self.has_class("-narrow")
        self.query_one(PaneTabs).current = self.current_pane
        if not self.filled.is_set():
            for outlines in self.query(PaneOutlines):
                outlines.single = self.current_pane if narrow else None
            return
        for number, pane_id in PANE_IDS.items():
            pane = self.query_one(f"#{pane_id}")
            pane.display = not narrow or number == self.current_pane
        for row in self.query(".pane-row"):
            row.display = not narrow or any(child.display for child in row.children)

    def watch_current_pane(self, number: int) -> None:
        self._show_current()
        self.refresh_bindings()

    # -- plan state -----------------------------------------------------------
    def watch_plan(self, plan: Plan) -> None:
        self.shown = self.displayed(plan)
        self._recompute(self.preview or plan)

    # -- privacy mode ---------------------------------------------------------
    @property
    def private(self) -> bool:
        try:
            return bool(getattr(self.app, "private", False))
        except Exception:  # no app yet
            return False

    def displayed(self, plan: Plan) -> Plan:
        """The plan as the screen shows it: masked in privacy mode."""
        if not self.private:
            return plan
        from socialtui.plan.mask import mask_plan

        return mask_plan(plan)

    def refuse_private(self) -> bool:
        """True (after saying why) when privacy mode forbids an editing action."""
        if not self.private:
            return False
        self.app.notify("Privacy mode is on: press m to show the plan and edit it.", timeout=4)
        return True

    def action_mask(self) -> None:
        private = not self.private
        self.app.private = private  # type: ignore[attr-defined]
        self.app.clear_notifications()  # an older toast may name things
        self.shown = self.displayed(self.plan)
        self._recompute(self.plan)
        self.update_topbar()
        self.app.notify(
            "Privacy mode on: names, notes and descriptions are masked. m shows them."
            if private
            else "Privacy mode off: the plan is shown as it is.",
            timeout=4,
        )

    def action_export(self) -> None:
        from socialtui.tui.screens.export import export_plan

        export_plan(self.app, self.plan, private=self.private)

    def set_preview(self, plan: Plan | None) -> None:
        """Show findings and gauge for a form's would-be plan (None: the real plan)."""
        self.preview = plan
        self._recompute(plan or self.plan)

    def _recompute(self, plan: Plan) -> None:
        app = self.app
        findings = check(plan, app.today)  # type: ignore[attr-defined]
        self.findings = findings
        shown = check(self.displayed(plan), app.today) if self.private else findings  # type: ignore[attr-defined]
        self.query_one(FindingsPanel).findings = shown
        gauge = self.query_one(BudgetGauge)
        gauge.summary = summarize(plan)
        if plan.review.last is not None:
            gauge.next_review = plan.review.last + timedelta(weeks=plan.review.every_weeks)
            gauge.review_overdue = any(f.id == "review-overdue" for f in findings)
        else:
            gauge.next_review = None
        # The footer rebuilds itself on every refresh_bindings(): only ask when
        # what it shows can have changed, not on every keystroke.
        offers = (self.check_action("fit", ()), self.check_action("expand", ()))
        if offers != self._offers:
            self._offers = offers
            self.refresh_bindings()

    def update_topbar(self) -> None:
        self.query_one(TopBar).update(self.topbar_text(), layout=False)  # always one line high

    def topbar_text(self) -> Text:
        """The plan's name, the save state and where the file is (or privacy mode)."""
        app = self.app
        text = Text()
        text.append("socialtui ", style="bold")
        text.append(one_line(self.shown.name, 60), style="bold")
        state = app.save_state  # type: ignore[attr-defined]
        style = {
            "saved": "green",
            "unsaved": "yellow",
            "read-only": "bold reverse",
            "error": "bold red",
        }
        text.append(f"  [{state}]", style=style.get(state.split(":")[0], ""))
        path = getattr(app, "plan_path", None)
        if self.private:
            text.append("  PRIVATE: names hidden (m shows them)", style="bold reverse")
        elif path is not None:
            text.append(f"  {one_line(short_path(path))}", style="dim")
        text.no_wrap = True
        text.overflow = "ellipsis"
        return text

    def apply(self, plan: Plan, *, coalesce: str | None = None) -> None:
        """Make ``plan`` the current plan, as one undoable edit."""
        if plan == self.plan:
            return
        if getattr(self.app, "read_only", False):
            self.app.notify("This plan is read-only: changes are not saved.", severity="warning")
        self.history.record(self.plan, coalesce=coalesce)
        self.plan = plan
        self.app.plan_changed(plan)  # type: ignore[attr-defined]

    # -- which pane, which item ----------------------------------------------
    def pane_of(self, widget: Widget | None) -> int | None:
        while widget is not None:
            for number, pane_id in PANE_IDS.items():
                if widget.id == pane_id:
                    return number
            widget = widget.parent  # type: ignore[assignment]
        return None

    def on_descendant_focus(self, event) -> None:
        number = self.pane_of(event.widget)
        if number is not None and number != self.current_pane:
            self.current_pane = number
        else:
            self.refresh_bindings()

    def item_pane(self) -> Pane | None:
        """The focused pane when it lists items (goals, audiences, channels)."""
        if self.current_pane == 4 or not self.filled.is_set():
            return None
        return self.query_one(f"#{PANE_IDS[self.current_pane]}")  # type: ignore[return-value]

    def current_item(self) -> tuple[str, str] | None:
        pane = self.item_pane()
        if pane is None:
            return None
        item_id = pane.current_id()
        return None if item_id is None else (pane.kind, item_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        focused = self.focused
        typing = isinstance(focused, Input)
        if action in ("add", "purpose"):
            if typing:
                return False
            return action != "purpose" or self.current_pane == 1
        if action in ("edit", "delete", "move"):
            return not typing and self.current_item() is not None
        # False hides a key (and disables it) where it does not apply, None shows it
        # dimmed: an 80-column footer has room only for the keys that apply.
        if action == "cycle_status":
            if typing or self.current_pane != 3:
                return False
            return self.current_item() is not None or None
        if action == "fit":
            return not typing and any(f.id == "over-budget" for f in self.findings)
        if action == "expand":
            return not typing and self.expand_finding() is not None
        if action == "undo":
            return self.history.can_undo or None
        if action == "redo":
            return self.history.can_redo or None
        if action in ("focus_pane", "checkin", "history", "review", "mask", "export"):
            return not typing
        return True

    # -- actions --------------------------------------------------------------
    def action_focus_pane(self, number: int) -> None:
        if isinstance(self.focused, Input):
            raise SkipAction()  # a priority binding: the digit belongs to the field
        self.current_pane = number
        if number == 4:
            self.query_one("#budget").focus_first()  # type: ignore[attr-defined]
        else:
            self.query_one(f"#{PANE_IDS[number]}").focus_table()  # type: ignore[attr-defined]

    # -- the weekly loop (check-in, history, review) ----------------------------
    def action_checkin(self, week: str | None = None) -> None:
        from socialtui.tui.screens.checkin import CheckinScreen

        if self.refuse_private():
            return
        today = self.app.today  # type: ignore[attr-defined]
        self.app.push_screen(CheckinScreen(self.plan, today, week=week), self._checkin_done)

    def _checkin_done(self, plan: Plan | None) -> None:
        """A check-in is a deliberate commit: apply it, save at once, say the verdict."""
        from socialtui.plan.checkin import checkin_summary

        if plan is None or plan == self.plan:
            return
        week = next((c.week for c in plan.checkins if c not in self.plan.checkins), None)
        self.apply(plan)
        self.app.save_now()  # type: ignore[attr-defined]
        if week is not None:
            self.app.notify(checkin_summary(plan, week, self.app.today), timeout=6)  # type: ignore[attr-defined]

    def action_history(self) -> None:
        from socialtui.tui.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen(self.shown, self.app.today))  # type: ignore[attr-defined]

    def action_review(self) -> None:
        from socialtui.tui.screens.review import ReviewScreen

        def done(plan: Plan | None) -> None:
            # A review changes only plan.review; taking just that keeps a masked
            # review (privacy mode) from writing masked text into the plan.
            if plan is not None:
                from dataclasses import replace

                self.apply(replace(self.plan, review=plan.review))

        self.app.push_screen(ReviewScreen(self.shown, self.app.today), done)  # type: ignore[attr-defined]

    def action_undo(self) -> None:
        self._go_to(self.history.undo(self.plan))

    def action_redo(self) -> None:
        self._go_to(self.history.redo(self.plan))

    def _go_to(self, plan: Plan | None) -> None:
        if plan is None:
            return
        self.plan = plan
        self.query_one("#budget").sync_fields(self.plan, force=True)  # type: ignore[attr-defined]
        self.app.plan_changed(self.plan)  # type: ignore[attr-defined]

    def action_save(self) -> None:
        self.app.save_now()  # type: ignore[attr-defined]

    def action_plans(self) -> None:
        if self.refuse_private():
            return
        self.app.action_plans()  # type: ignore[attr-defined]

    def action_help(self) -> None:
        from socialtui.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    # -- budget pane --------------------------------------------------------
    def on_budget_pane_changed(self, event) -> None:
        from dataclasses import replace

        if getattr(self.plan.budget, event.field) == event.value:
            return
        budget = replace(self.plan.budget, **{event.field: event.value})
        self.apply(replace(self.plan, budget=budget), coalesce=f"budget.{event.field}")

    def on_key(self, event) -> None:
        if event.key == "escape" and isinstance(self.focused, Input):
            event.stop()
            pane = self.item_pane()
            if pane is not None:
                pane.focus_table()
            else:
                self.set_focus(None)
            self.refresh_bindings()
