"""The Budget pane: weekly hours (its first control), reserve, channel limit,
a bar per active channel and, when over, the fit-to-budget proposal."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, Label, Static

from socialtui.plan.budget import capacity_minutes, channel_minutes, format_minutes, format_number
from socialtui.plan.fit import fit_to_budget
from socialtui.plan.model import Plan
from socialtui.plan.rules import RuleError, parse_number
from socialtui.safe import one_line
from socialtui.tui.validation import RuleValidator

FIELDS = (
    ("weekly_hours", "Weekly hours", "hours you can really give each week"),
    ("reserve_percent", "Reserve %", "held back for surprises"),
    ("max_active_channels", "Max active", "walk before you run"),
)


class BudgetInput(Input):
    DEFAULT_CSS = """
    BudgetInput { width: 10; padding: 0 1; background: $boost; }
    BudgetInput:focus { background: $accent 40%; }
    BudgetInput.-invalid { background: $error 40%; }
    """


class BudgetPane(VerticalScroll):
    DEFAULT_CSS = """
    BudgetPane { border: round $primary 40%; height: 1fr; padding: 0 1; }
    BudgetPane:focus-within { border: round $accent; }
    BudgetPane .budget-row { height: 1; }
    BudgetPane .budget-label { width: 14; }
    BudgetPane .budget-hint { width: 1fr; padding: 0 1; color: $text-muted; }
    BudgetPane .budget-hint.-error { color: $error; text-style: bold; }
    BudgetPane #bars { height: auto; margin-top: 1; }
    BudgetPane #proposal { height: auto; margin-top: 1; }
    """

    can_focus = False
    plan: reactive[Plan | None] = reactive(None, init=False, always_update=True)

    @dataclass
    class Changed(Message):
        """A budget field now holds a valid value."""

        field: str
        value: float

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, BudgetPane.Changed) and message.field == self.field

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.border_title = "4 Budget"
        self._deps: object = object()

    def compose(self) -> ComposeResult:
        for field, label, hint in FIELDS:
            with Horizontal(classes="budget-row"):
                yield Label(label, classes="budget-label")
                yield BudgetInput(
                    id=f"budget-{field}",
                    validators=[RuleValidator(partial(parse_number, field))],
                    validate_on=["changed", "submitted"],
                    compact=True,
                )
                yield Static(hint, id=f"hint-{field}", classes="budget-hint")
        yield Static(id="bars")
        yield Static(id="proposal")

    def focus_first(self) -> None:
        # Synchronous, so "4" then "10" typed at once lands in the field.
        self.screen.set_focus(self.query_one("#budget-weekly_hours", Input))

    def on_resize(self) -> None:
        if self.plan is not None:
            self._draw(self.plan)  # the bars follow the pane's width

    def watch_plan(self, plan: Plan | None) -> None:
        if plan is None:
            return
        deps = (plan.budget, plan.channels)
        if deps == self._deps:
            return
        self._deps = deps
        self.sync_fields(plan, force=False)
        self._draw(plan)

    def sync_fields(self, plan: Plan, *, force: bool) -> None:
        """Show the plan's budget in the fields.

        The field being typed in is left alone unless `force` (undo, redo, fit):
        the plan that arrives may be the echo of an earlier keystroke, and
        writing it back would eat what was typed since.
        """
        budget = plan.budget
        for field, _, _ in FIELDS:
            widget = self.query_one(f"#budget-{field}", Input)
            value = getattr(budget, field)
            try:
                shown = parse_number(field, widget.value)
            except RuleError:
                shown = None
            if shown != value and (force or not widget.has_focus):
                with widget.prevent(Input.Changed):
                    widget.value = format_number(value)
                self._show_hint(field, None)

    def _show_hint(self, field: str, error: str | None) -> None:
        hint = self.query_one(f"#hint-{field}", Static)
        text = error or next(h for f, _, h in FIELDS if f == field)
        if hint.has_class("-error") == (error is not None) and str(hint.content) == text:
            return  # unchanged: no repaint, no layout
        hint.set_class(error is not None, "-error")
        hint.update(Text(text))

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        field = (event.input.id or "").removeprefix("budget-")
        try:
            value = parse_number(field, event.value)
        except RuleError as error:
            self._show_hint(field, f"✖ {error}")
            return
        self._show_hint(field, None)
        self.post_message(self.Changed(field, value))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.focus_next()

    def _draw(self, plan: Plan) -> None:
        capacity = capacity_minutes(plan.budget)
        active = plan.active_channels
        # name (14) + space + bar + " 10h 30m 100%" (13) must fit on one line.
        inner = self.scrollable_content_region.width
        width = max(4, min(24, inner - 29)) if inner else 20
        bars = Text()
        bars.append(f"Capacity {format_minutes(capacity)}/week after the reserve\n", style="bold")
        if not active:
            bars.append("No active channel yet.", style="dim")
        for channel in active:
            minutes = channel_minutes(channel)
            ratio = 0 if capacity <= 0 else min(1.0, minutes / capacity)
            filled = round(ratio * width)
            bars.append(f"{one_line(channel.name, 14):<14} ")
            bars.append("█" * filled, style="red" if minutes > capacity else "green")
            bars.append("░" * (width - filled), style="dim")
            share = "" if capacity <= 0 else f" {100 * minutes / capacity:.0f}%"
            bars.append(f" {format_minutes(minutes)}{share}\n")
        bars.rstrip()
        self.query_one("#bars", Static).update(bars)
        proposal = fit_to_budget(plan)
        text = Text()
        if proposal.edits:
            text.append("OVER: ", style="bold red")
            text.append(
                f"{format_minutes(proposal.committed_before)} planned, "
                f"{format_minutes(capacity)} available.\nPress f to fit: ",
            )
            text.append(one_line(proposal.summary(plan)), style="bold")
            text.append(
                f" → {format_minutes(proposal.committed_after)} of {format_minutes(capacity)}"
            )
        self.query_one("#proposal", Static).update(text)
