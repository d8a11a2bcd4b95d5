"""Which key does what, now: the planner's keys, focus, layout size and footer.

A mixin of :class:`~socialtui.tui.screens.planner.PlannerScreen`. The rules:

- Navigation is never editing. ``1``–``4`` focus a pane's table (never a text
  field), ``5`` the findings. Digits and letters typed while no field is open
  are commands or nothing; while one is open they are text.
- Every command key is a priority binding: it acts when it arrives, so a
  command that moves focus or opens a screen has done so before the next key
  of a burst is routed. While a text field has focus :meth:`check_action`
  says no, and the key goes to the field.
- A key that does nothing here says why (``f`` with nothing to fit, ``e`` not
  yet ready), except where it plainly belongs elsewhere.
- Too small a terminal shows only a message: every key but saving and
  quitting rests, and the focus returns where it was once the terminal grows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widget import Widget
from textual.widgets import Input, Static

from socialtui.tui.commands import CONTEXT, FOOTER_ESSENTIALS, PLANNER_COMMANDS, footer_key
from socialtui.tui.widgets.findings import FindingsPanel
from socialtui.tui.widgets.outline import PaneOutlines
from socialtui.tui.widgets.topbar import PaneTabs

if TYPE_CHECKING:
    from socialtui.tui.widgets.pane import Pane

PANE_IDS = {1: "goals", 2: "audience", 3: "channels", 4: "budget"}
FINDINGS = 5
FIT_FINDINGS = frozenset({"over-budget", "person-over-budget"})
"""What ``f`` (fit to budget) answers."""
NARROW_WIDTH = 110
NARROW_HEIGHT = 34
MIN_WIDTH = 40
MIN_HEIGHT = 12
ALWAYS = frozenset({"save"})
"""What a too-small terminal still does (quitting is the app's)."""


def is_text_field(widget: object) -> bool:
    if isinstance(widget, Input):
        return True
    from textual.widgets import TextArea  # not at start: the first frame needs none

    return isinstance(widget, TextArea)


class PlannerKeys:
    """Keys, focus and layout for a screen with panes (the planner)."""

    # -- is someone typing? ---------------------------------------------------------
    @property
    def typing(self) -> bool:
        return is_text_field(self.focused)

    @property
    def too_small(self) -> bool:
        return self.has_class("-too-small")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.too_small:
            return action in ALWAYS
        if action == "save":
            return True
        if self.typing:
            return False
        if action in ("edit", "delete"):
            return self.current_item() is not None or (
                action == "edit" and self.focused is self.budget_table()
            )
        if action == "move":
            return self.current_item() is not None
        if action == "cycle_status":
            return self.current_pane == 3 and self.current_item() is not None
        if action == "undo":
            return self.history.can_undo or None
        if action == "redo":
            return self.history.can_redo or None
        return True

    def applies(self, action: str) -> bool:
        """Whether the footer offers ``action`` now (it may run either way)."""
        if action in ("fit", "expand"):
            return self.offers()[action == "expand"]
        if action == "add":
            return self.current_pane in (1, 2, 3, 4)
        if action == "purpose":
            return self.current_pane == 1 or any(f.id == "no-purpose" for f in self.findings)
        if action == "history":
            return bool(self.plan.checkins)
        if action in ("edit", "delete", "cycle_status"):
            return bool(self.check_action(action, ()))
        return True

    def offers(self) -> tuple[bool, bool]:
        """(fit, expand): whether each has something to do now."""
        return (
            any(f.id in FIT_FINDINGS and f.fix is not None for f in self.findings),
            self.expand_finding() is not None,
        )

    def footer_keys(self):
        """What the footer shows: the keys that apply now, then the essentials."""
        if self.too_small:
            return
        changed = getattr(self.app, "user_keys", {})  # config.toml's [keys]
        if getattr(self.app, "holder", None) is not None:
            yield (footer_key("take-over", "^t", changed), "Take over", False, True)
        budget = self.budget_pane()
        if budget is not None and budget.editing and self.typing:
            yield ("⏎", "Keep", False, True)
            yield ("esc", "Restore", False, True)
        elif not self.typing:
            for command in PLANNER_COMMANDS:
                if command.footer == CONTEXT and self.applies(command.action.split("(")[0]):
                    yield (command.footer_key(changed), command.label, False, True)
        for command in FOOTER_ESSENTIALS:
            yield (command.footer_key(changed), command.label, True, True)

    def action_week(self) -> None:
        from socialtui.tui.screens.week import open_week  # on first use: not at start

        open_week(self)

    # -- panes ---------------------------------------------------------------------
    def action_focus_pane(self, number: int) -> None:
        if number == FINDINGS:
            self.findings_only = self.has_class("-narrow")
            self.set_focus(self.query_one(FindingsPanel))
            self.show_current()
            return
        self.findings_only = False
        self.current_pane = number
        if self.filled.is_set():
            self.query_one(f"#{PANE_IDS[number]}").focus_table()  # type: ignore[attr-defined]
        self.show_current()

    def on_key(self, event) -> None:
        if self.too_small:  # nothing to see, nothing typed: only ctrl+s and ctrl+q act
            event.stop()
            event.prevent_default()
            return
        if event.key == "escape" and isinstance(self.focused, FindingsPanel):
            event.stop()
            self.action_focus_pane(self.current_pane)  # back from the findings

    def pane_of(self, widget: Widget | None) -> int | None:
        while widget is not None:
            for number, pane_id in PANE_IDS.items():
                if widget.id == pane_id:
                    return number
            widget = widget.parent  # type: ignore[assignment]
        return None

    def on_descendant_focus(self, event) -> None:
        number = self.pane_of(event.widget)
        if number is not None and self.findings_only:
            self.findings_only = False
            self.show_current()
        if number is not None and number != self.current_pane:
            self.current_pane = number
        else:
            self.refresh_bindings()

    def item_pane(self) -> Pane | None:
        """The focused pane when it lists items (goals, audiences, channels)."""
        if self.current_pane == 4 or not self.filled.is_set():
            return None
        return self.query_one(f"#{PANE_IDS[self.current_pane]}")  # type: ignore[return-value]

    def budget_pane(self):
        if not self.filled.is_set():
            return None
        return self.query_one("#budget")

    def budget_table(self):
        pane = self.budget_pane()
        return None if pane is None else pane.table

    def current_item(self) -> tuple[str, str] | None:
        if self.current_pane == 4:  # the Budget pane lists people under its values
            budget = self.budget_pane()
            person = None if budget is None else budget.current_person()
            if person is None or self.focused is not budget.people_table:
                return None
            return ("person", person)
        pane = self.item_pane()
        if pane is None or self.focused is not pane.table:
            return None
        item_id = pane.current_id()
        return None if item_id is None else (pane.kind, item_id)

    # -- the terminal's size -----------------------------------------------------
    def fit_to(self, width: int, height: int) -> None:
        """The layout for this terminal size: four panes, one, or 'too small'."""
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        narrow = not small and (width < NARROW_WIDTH or height < NARROW_HEIGHT)
        if self.has_class("-too-small") != small or self.has_class("-narrow") != narrow:
            if small and self.focused is not None:
                self._focus_before = self.focused  # back there once the terminal grows
                self.set_focus(None)  # meanwhile no field takes the keys
            self.set_class(small, "-too-small")  # restyles every widget: only on a change
            self.set_class(narrow, "-narrow")
            self.show_current()
            if not small:
                self.call_after_refresh(self._refocus)
            self.refresh_bindings()
        if small:
            self.query_one("#too-small", Static).update(
                f"The terminal is too small ({width}×{height}).\n"
                f"socialtui needs at least {MIN_WIDTH}×{MIN_HEIGHT}."
            )

    def _refocus(self) -> None:
        """After a size change: the widget that had focus, or its pane's table."""
        if self.too_small:
            return
        before, self._focus_before = self._focus_before, None
        target = before if before is not None and before.is_attached else None
        if target is not None and target.focusable:
            self.set_focus(target)
        elif self.focused is None or not self.focused.is_attached:
            self.action_focus_pane(self.current_pane)

    def show_current(self) -> None:
        narrow = self.has_class("-narrow")
        tabs = self.query_one(PaneTabs)
        tabs.current = FINDINGS if self.findings_only else self.current_pane
        self.set_class(narrow and self.findings_only, "-findings-only")
        if not self.filled.is_set():
            for outlines in self.query(PaneOutlines):
                outlines.single = self.current_pane if narrow else None
            return
        for number, pane_id in PANE_IDS.items():
            pane = self.query_one(f"#{pane_id}")
            pane.display = not narrow or number == self.current_pane
        for row in self.query(".pane-row"):
            row.display = not narrow or any(child.display for child in row.children)
