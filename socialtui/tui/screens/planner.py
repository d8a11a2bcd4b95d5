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

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.events import Resize
from textual.lazy import Lazy
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static

from socialtui.plan.budget import summarize
from socialtui.plan.findings import Finding, check
from socialtui.plan.history import UndoHistory
from socialtui.plan.model import Plan
from socialtui.plan.people import worst_person
from socialtui.safe import clean, one_line
from socialtui.tui.commands import COMMAND, PLANNER_COMMANDS
from socialtui.tui.screens.planner_edits import PlanEditing
from socialtui.tui.screens.planner_keys import PlannerKeys
from socialtui.tui.text import short_path
from socialtui.tui.widgets.findings import FindingsPanel
from socialtui.tui.widgets.gauge import BudgetGauge
from socialtui.tui.widgets.outline import PaneOutlines
from socialtui.tui.widgets.panes import Panes
from socialtui.tui.widgets.topbar import PaneTabs, TopBar


class PlannerScreen(PlanEditing, PlannerKeys, Screen):
    class Filled(Message):
        """The panes are in place (posted once, when they arrive)."""

        def __init__(self, planner: PlannerScreen) -> None:
            super().__init__()
            self.planner = planner

    BINDINGS = [command.binding() for command in PLANNER_COMMANDS]

    plan: reactive[Plan] = reactive(Plan(name=""), init=False, always_update=True, repaint=False)
    shown: reactive[Plan] = reactive(Plan(name=""), init=False, always_update=True, repaint=False)
    """What the panes display: the plan, or in privacy mode ``mask_plan(plan)``."""
    findings: reactive[list[Finding]] = reactive(list, init=False, repaint=False)
    current_pane: reactive[int] = reactive(1, init=False, repaint=False)

    def __init__(self, plan: Plan, **kwargs) -> None:
        super().__init__(**kwargs)
        self.add_class("-starting")  # until the panes arrive: the footer's line stays free
        self.set_reactive(PlannerScreen.plan, plan)
        self.set_reactive(PlannerScreen.shown, self.displayed(plan))
        self.preview: Plan | None = None
        self.history = UndoHistory()
        self._offers: tuple[bool, bool] = (False, False)
        self.findings_only = False  # at 80x24, "5": the findings in the panes' place
        self._focus_before = None  # what had focus before the terminal got too small
        self._notice: str | None = None  # the check-in notice the top line shows
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
        self.fit_to(*self.app.size)  # before the first frame, not on the Resize after it
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
        apply_user_keys = getattr(self.app, "apply_user_keys", None)
        if apply_user_keys is not None:  # config.toml's [keys], before the footer shows them
            apply_user_keys()
            self.update_topbar()  # the check-in notice names the user's key
        await self.query_one(PaneOutlines).remove()
        self.query_one("#budget").on_preview = self.preview_budget  # type: ignore[attr-defined]
        await self.mount(CalmFooter())  # its keys depend on the focused table
        self.remove_class("-starting")
        self.filled.set()
        self.show_current()
        self.action_focus_pane(self.current_pane)
        self.refresh_bindings()
        self.post_message(self.Filled(self))

    @on(Resize)
    def _resized(self, event: Resize) -> None:
        self.fit_to(event.size.width, event.size.height)
        if self._notice is not None:
            self.update_topbar()  # the plan's name gets the room the notice leaves

    def watch_current_pane(self, number: int) -> None:
        self.show_current()
        self.refresh_bindings()

    # -- plan state -----------------------------------------------------------
    def watch_plan(self, plan: Plan) -> None:
        self.shown = self.displayed(self.preview or plan)
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
        """Show a would-be plan (a value being typed, a form's): the gauge, the
        findings and the panes follow it; None shows the real plan again."""
        if plan is self.preview:
            return
        self.preview = plan
        self.shown = self.displayed(plan or self.plan)
        self._recompute(plan or self.plan)

    def _recompute(self, plan: Plan) -> None:
        app = self.app
        findings = check(plan, app.today)  # type: ignore[attr-defined]
        self.findings = findings
        shown = check(self.displayed(plan), app.today) if self.private else findings  # type: ignore[attr-defined]
        self.query_one(FindingsPanel).findings = shown
        gauge = self.query_one(BudgetGauge)
        gauge.summary = summarize(plan)
        gauge.worst = worst_person(self.displayed(plan)) if plan.people else None  # masked too
        if plan.review.last is not None:
            gauge.next_review = plan.review.last + timedelta(weeks=plan.review.every_weeks)
            gauge.review_overdue = any(f.id == "review-overdue" for f in findings)
        else:
            gauge.next_review = None
        if self.due_notice() != self._notice:
            self.update_topbar()  # a check-in recorded (or undone)
        # The footer rebuilds itself on every refresh_bindings(): only ask when
        # what it shows can have changed, not on every keystroke.
        offers = self.offers()
        if offers != self._offers:
            self._offers = offers
            self.refresh_bindings()

    def update_topbar(self) -> None:
        self.query_one(TopBar).update(self.topbar_text(), layout=False)  # always one line high

    def due_notice(self) -> str | None:
        """ "check-in due (2 weeks missing) · c" when the plan's check-in is due
        (:func:`socialtui.plan.due.checkin_weeks_due`), else None."""
        from socialtui.plan.due import checkin_weeks_due

        weeks = checkin_weeks_due(self.plan, self.app.today)  # type: ignore[attr-defined]
        if not weeks:
            return None
        key = COMMAND["check-in"].footer_key(getattr(self.app, "user_keys", {}))
        missing = f"{weeks} week{'s' if weeks != 1 else ''} missing"
        return clean(f"check-in due ({missing}) · {key}")

    def topbar_text(self) -> Text:
        """The plan's name, the save state, a check-in due, and where the file is
        (or privacy mode). With a check-in due, the name gives way so that the
        notice fits the line (80 columns: 20 characters of the name)."""
        app = self.app
        state = app.save_state  # type: ignore[attr-defined]
        state_text = f"  [{state}]"
        notice = self._notice = self.due_notice()
        room = 60
        if notice is not None:
            room = app.size.width - 2 - len("socialtui ") - len(state_text) - len(notice) - 2
            room = max(12, min(60, room))
        text = Text()
        text.append("socialtui ", style="bold")
        text.append(one_line(self.shown.name, room), style="bold")
        style = {
            "saved": "green",
            "unsaved": "yellow",
            "read-only": "bold reverse",
            "error": "bold red",
        }
        text.append(state_text, style=style.get(state.split(":")[0], ""))
        if notice is not None:
            text.append(f"  {notice}", style="bold yellow")
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
        if plan == self.plan or self.refuse_read_only():
            return
        self.history.record(self.plan, coalesce=coalesce)
        self.plan = plan
        self.app.plan_changed(plan)  # type: ignore[attr-defined]

    # -- the weekly loop (check-in, history, review) ----------------------------
    def action_checkin(self, week: str | None = None) -> None:
        from socialtui.tui.screens.checkin import CheckinScreen

        if self.refuse_edit():
            return
        today = self.app.today  # type: ignore[attr-defined]
        if week is None:  # this week, unless an earlier one is the one due
            from socialtui.plan.due import week_to_record

            week = week_to_record(self.plan, today)
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
        self.app.plan_changed(self.plan)  # type: ignore[attr-defined]

    async def action_save(self) -> None:
        from socialtui.tui.widgets.fields import settle

        await settle(self.focused)  # a burst: the typing before ctrl+s first
        self.finish_inline_edit()
        self.app.save_now()  # type: ignore[attr-defined]

    def action_plans(self) -> None:
        if self.refuse_private():
            return
        self.app.action_plans()  # type: ignore[attr-defined]

    def action_help(self) -> None:
        from socialtui.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    # -- budget pane --------------------------------------------------------
    def edit_budget(self) -> None:
        if self.refuse_edit():
            return
        self.query_one("#budget").open()  # type: ignore[attr-defined]

    def finish_inline_edit(self) -> str | None:
        """Keep a valid value still open in the Budget pane (saving, quitting, a
        hang-up). One that is not valid stays open with its reason shown (nothing
        is thrown away unasked): returns what it is and why it was not kept."""
        pane = self.budget_pane()
        if pane is None or not pane.editing:
            return None
        kept = pane.close(keep=True, announce=False)
        if kept is not None:
            self.keep_budget(*kept)
        return pane.refusal()

    @property
    def has_typing(self) -> bool:
        """A value typed in the Budget pane and not kept (quitting asks first)."""
        pane = self.budget_pane()
        return pane is not None and pane.has_typing

    def on_budget_pane_preview(self, event) -> None:
        self.preview_budget(event.field, event.value)

    def preview_budget(self, field: str, value: float | None) -> None:
        """The plan with a budget value being typed (None: the plan as it is)."""
        from dataclasses import replace

        if value is None:
            self.set_preview(None)
        else:
            budget = replace(self.plan.budget, **{field: value})
            self.set_preview(replace(self.plan, budget=budget))

    def on_budget_pane_changed(self, event) -> None:
        self.keep_budget(event.field, event.value)

    def keep_budget(self, field: str, value: float) -> None:
        from dataclasses import replace

        if getattr(self.plan.budget, field) != value:
            budget = replace(self.plan.budget, **{field: value})
            self.apply(replace(self.plan, budget=budget))

    # -- read-only ------------------------------------------------------------
    def read_only_reason(self) -> str | None:
        """Why this session may not change the plan, naming ctrl+t where it helps."""
        from socialtui.safe import clean

        app = self.app
        if not getattr(app, "read_only", False):
            return None
        holder = getattr(app, "holder", None)
        if holder is not None:
            return (
                f"This plan is open in another session ({clean(holder.describe())}), so it is "
                "read-only here: ctrl+t takes it over."
            )
        file = getattr(app, "file", None)
        protection = getattr(file, "protection", None)
        if protection is not None and not app.loaded.read_only:  # type: ignore[attr-defined]
            return f"This plan is read-only: {clean(protection.reason)}."
        return "This plan was written by a newer socialtui: it is read-only here."

    def refuse_read_only(self) -> bool:
        reason = self.read_only_reason()
        if reason is not None:
            self.app.notify(reason, severity="warning", timeout=6)
        return reason is not None

    def refuse_edit(self) -> bool:
        """True (after saying why) when privacy mode or read-only forbids an edit."""
        return self.refuse_private() or self.refuse_read_only()
