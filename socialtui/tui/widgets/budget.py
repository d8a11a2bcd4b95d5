"""The Budget pane: weekly hours, reserve and the channel limit as rows, then
the plan's people (one row each), a bar per active channel (per person when the
plan lists people) and, when over, the fit-to-budget proposal.

``enter`` on a person's row, ``a`` and ``d`` edit, add and delete people: the
planner opens the person form (:class:`~socialtui.tui.screens.forms.PersonForm`)
for them, as for the other items.

Moving in the pane never edits: ``enter`` on a row opens its value in a field
(cursor at the end). While it is typed, every valid value is previewed (the
pane calls ``on_preview``, or posts :class:`BudgetPane.Preview`; the screen
shows the plan with that value: gauge, findings, bars, channels); ``enter``
keeps it (:class:`BudgetPane.Changed`), ``escape`` restores the old one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.events import Key
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, Label, Static

from socialtui.plan.budget import channel_minutes, format_minutes, plan_capacity
from socialtui.plan.fit import fit_to_budget
from socialtui.plan.model import Plan
from socialtui.plan.numbers import show_number
from socialtui.plan.people import people_loads, worst_over
from socialtui.plan.rules import RuleError, parse_number
from socialtui.safe import clean, one_line
from socialtui.tui.widgets.fields import OrderedInput
from socialtui.tui.widgets.lines import show
from socialtui.tui.widgets.pane import PaneTable

FIELDS = (
    ("weekly_hours", "Weekly hours", "hours you can really give each week"),
    ("reserve_percent", "Reserve %", "held back for surprises"),
    ("max_active_channels", "Max active", "active at once: walk before you run"),
)
LABELS = {field: label for field, label, _ in FIELDS}
HINTS = {field: hint for field, _, hint in FIELDS}
PERSON = "person:"
"""A person's row key: ``person:<id>``."""
PERSON_HINT = "enter edits, d deletes, a adds a person"
TEAM_HOURS_HINT = "a cross-check: the people's hours count"


class BudgetTable(PaneTable):
    """The three values, one per row: moving here never changes them."""

    DEFAULT_CSS = """
    BudgetTable { height: auto; max-height: 3; }
    """

    def action_cursor_down(self) -> None:
        pane = self.query_ancestor(BudgetPane)
        people = pane.people_table
        if self.cursor_row == len(FIELDS) - 1 and people.row_count:  # on to the people
            people.move_cursor(row=0, animate=False)
            self.screen.set_focus(people)
            return
        super().action_cursor_down()


class PeopleTable(PaneTable):
    """The plan's people, one per row (name, hours); their bars are drawn beside it.

    ``up`` on the first row goes back to the budget's values, as ``down`` on the
    last value comes here: the two tables move as one list."""

    DEFAULT_CSS = """
    PeopleTable { height: auto; width: 27; }
    """

    def action_cursor_up(self) -> None:
        if self.cursor_row == 0:  # back to the budget's values
            pane = self.query_ancestor(BudgetPane)
            pane.table.move_cursor(row=len(FIELDS) - 1, animate=False)
            self.screen.set_focus(pane.table)
            return
        super().action_cursor_up()


class BudgetInput(OrderedInput):
    """The open value. ``escape`` restores the old value; tab keeps a valid one."""

    DEFAULT_CSS = """
    BudgetInput { width: 12; padding: 0 1; background: $accent 40%; }
    BudgetInput.-invalid { background: $error 40%; }
    """

    def _watch_value(self, value: str) -> None:
        # Input's own watcher asks for a layout of the whole screen whenever the
        # text's width changes (its virtual size): on the planner that was most of
        # a keystroke's time. This field's width is fixed, so its virtual size is
        # set without one. (No suggester, no validators here: nothing else to do.)
        self.set_reactive(Input.virtual_size, Size(self.content_width, 1))
        self.refresh()
        # The effect is worked out now, not after a message has travelled up to
        # the screen: the gauge is then drawn in the same frame as the digit.
        pane = self.parent.parent if self.parent is not None else None
        if isinstance(pane, BudgetPane):
            pane.typed(value)

    def on_key(self, event: Key) -> None:
        # Handled here, in order with the typing before it (a binding would be
        # resolved only after the key has bubbled up to the app).
        if event.key in ("escape", "tab", "shift+tab"):
            event.stop()
            event.prevent_default()
            self.query_ancestor(BudgetPane).close(keep=event.key != "escape")


class BudgetPane(VerticalScroll):
    DEFAULT_CSS = """
    BudgetPane { border: round $primary 40%; height: 1fr; padding: 0 1; }
    BudgetPane:focus-within { border: round $accent; }
    BudgetPane #budget-editor { height: 1; display: none; }
    BudgetPane.-editing #budget-editor { display: block; }
    BudgetPane #editor-label { width: 14; }
    BudgetPane #budget-hint { height: auto; color: $text-muted; }
    BudgetPane #budget-hint.-error { color: $error; text-style: bold; }
    BudgetPane #bars { height: auto; margin-top: 1; }
    BudgetPane #people { height: auto; display: none; }
    BudgetPane.-team #people { display: block; }
    BudgetPane #people-loads { width: 1fr; height: auto; }
    BudgetPane #proposal { height: auto; min-height: 2; }
    """

    can_focus = False
    plan: reactive[Plan | None] = reactive(None, init=False, always_update=True, repaint=False)

    @dataclass
    class Changed(Message):
        """Keep ``value`` for the budget's ``field`` (the edit was confirmed)."""

        field: str
        value: float

    @dataclass
    class Preview(Message):
        """The open field holds ``value`` (None: nothing valid to show)."""

        field: str
        value: float | None

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, BudgetPane.Preview)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.border_title = "4 Budget"
        self._deps: object = object()
        self._people: object = object()
        self.editing: str | None = None
        """The field open for editing, if any."""
        self._typed: float | None = None
        self._opened = ""  # what the open field showed at first
        self.on_preview: Callable[[str, float | None], None] | None = None
        """Called with each value typed (the screen's preview), else Preview is posted."""

    def compose(self) -> ComposeResult:
        table = BudgetTable(
            cursor_type="row", zebra_stripes=False, show_header=False, id="budget-table"
        )
        table.add_column(Text("Setting"), width=14, key="setting")
        table.add_column(Text("Value"), width=8, key="value")
        yield table
        with Horizontal(id="budget-editor"):
            yield Label("", id="editor-label")
            yield BudgetInput(id="budget-input", select_on_focus=False, compact=True)
        with Horizontal(id="people"):
            people = PeopleTable(
                cursor_type="row", zebra_stripes=False, show_header=False, id="people-table"
            )
            people.add_column(Text("Person"), width=14, key="name")
            people.add_column(Text("Hours"), width=8, key="hours")
            yield people
            yield Static(id="people-loads")  # a bar per person, beside their row
        yield Static(id="budget-hint")
        yield Static(id="bars")
        yield Static(id="proposal")

    @property
    def table(self) -> BudgetTable:
        return self.query_one(BudgetTable)

    @property
    def people_table(self) -> PeopleTable:
        return self.query_one(PeopleTable)

    @property
    def editor(self) -> BudgetInput:
        return self.query_one(BudgetInput)

    def focus_table(self) -> None:
        # At once, not after a refresh: keys typed right behind "4" must reach it.
        self.screen.set_focus(self.editor if self.editing else self.table)

    def current_field(self) -> str:
        row = self.table.cursor_row
        return FIELDS[max(0, min(row, len(FIELDS) - 1))][0]

    def current_person(self) -> str | None:
        """The id of the person whose row the cursor is on, if it is on one."""
        table = self.people_table
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or ""
        return key[len(PERSON) :] if key.startswith(PERSON) else None

    def select_person(self, person_id: str) -> None:
        try:
            index = self.people_table.get_row_index(PERSON + person_id)
        except Exception:
            return
        self.people_table.move_cursor(row=index, animate=False)

    def on_resize(self) -> None:
        if self.plan is not None:
            self._draw(self.plan)  # the bars follow the pane's width

    def watch_plan(self, plan: Plan | None) -> None:
        if plan is None:
            return
        deps = (plan.budget, plan.channels, plan.people)
        if deps == self._deps:
            return
        self._deps = deps
        table = self.table
        for field, label, _ in FIELDS:
            value = Text(_shown(getattr(plan.budget, field)))
            if field in table.rows:
                table.update_cell(field, "value", value)
            else:
                table.add_row(Text(label), value, key=field)
        if plan.people is not self._people:  # not on a keystroke in the budget
            self._people = plan.people
            self._fill_people(plan)
        self._draw(plan)
        if self.editing is None:
            self._show_hint()

    def _fill_people(self, plan: Plan) -> None:
        self.set_class(bool(plan.people), "-team")
        table = self.people_table
        keep = self.current_person()
        row = table.cursor_row
        table.clear()
        for p in plan.people:
            name, hours = one_line(p.name, 14), f"{show_number(p.weekly_hours)} h"
            table.add_row(Text(name), Text(hours), key=PERSON + p.id)
        ids = [p.id for p in plan.people]
        if ids:
            target = ids.index(keep) if keep in ids else min(row, len(ids) - 1)
            table.move_cursor(row=max(0, target), animate=False)
        elif table.has_focus:  # the last person went: back to the values
            self.screen.set_focus(self.table)

    # -- the open field ------------------------------------------------------------
    def open(self) -> None:
        """Open the selected row's value for editing, cursor at the end."""
        field = self.current_field()
        assert self.plan is not None
        self.editing = field
        self._typed = None
        self.query_one("#editor-label", Label).update(LABELS[field])
        editor = self.editor
        with editor.prevent(Input.Changed):
            editor.value = _shown(getattr(self.plan.budget, field), "")  # exactly as stored
        self._opened = editor.value
        editor.cursor_position = len(editor.value)
        editor.remove_class("-invalid")
        self.add_class("-editing")
        self.screen.set_focus(editor)
        self._show_hint("enter keeps it, escape restores it")

    def close(self, keep: bool, *, announce: bool = True) -> tuple[str, float] | None:
        """Close the open field: keep its value (when valid) or restore the old one.

        Returns the (field, value) kept; posts it as :class:`Changed` if
        ``announce``. An invalid value is not kept: the field stays open.
        """
        field = self.editing
        if field is None:
            return None
        kept = None
        if keep and self.editor.value != self._opened:  # untouched: nothing to keep
            try:
                kept = (field, parse_number(field, self.editor.value))
            except RuleError as error:
                self._show_hint(f"✖ {error}", error=True)
                self.app.bell()
                return None
        self.editing = None
        self._typed = None
        self.remove_class("-editing")
        if self.editor.has_focus:
            self.screen.set_focus(self.table)
        if kept is not None and announce:
            self.post_message(self.Changed(*kept))
        self._preview(field, None)
        self._show_hint()
        return kept

    @property
    def has_typing(self) -> bool:
        """Whether the open field holds a value typed and not yet kept."""
        return self.editing is not None and self.editor.value != self._opened

    def refusal(self) -> str | None:
        """What the open field holds that cannot be kept, and why (None: nothing such)."""
        field = self.editing
        if field is None or not self.has_typing:
            return None
        try:
            parse_number(field, self.editor.value)
        except RuleError as error:
            return f"{LABELS[field]} '{one_line(self.editor.value, 20)}' was not kept: {error}"
        return None

    @on(Input.Submitted, "#budget-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.close(keep=True)

    def typed(self, text: str) -> None:
        """The open field now holds ``text``: its reason, and the preview."""
        field = self.editing
        if field is None or self.plan is None:
            return
        editor = self.editor
        try:
            value = parse_number(field, text)
        except RuleError as error:
            self._typed = None
            editor.add_class("-invalid")
            self._show_hint(f"✖ {error}", error=True)
        else:
            self._typed = value
            editor.remove_class("-invalid")
            self._show_hint("enter keeps it, escape restores it")
        self._preview(field, self._typed)

    def _preview(self, field: str, value: float | None) -> None:
        """Show the plan with ``value`` typed (None: the plan as it is)."""
        if self.on_preview is not None:
            self.on_preview(field, value)  # at once: same frame as the keystroke
        else:
            self.post_message(self.Preview(field, value))

    @on(PaneTable.RowHighlighted, "#budget-table")
    @on(PaneTable.RowHighlighted, "#people-table")
    def _highlighted(self, event) -> None:
        event.stop()
        if self.editing is None:
            self._show_hint()

    def on_descendant_focus(self) -> None:
        if self.editing is None:
            self._show_hint()  # the values' hint, or the people's

    def _show_hint(self, text: str | None = None, *, error: bool = False) -> None:
        hint = self.query_one("#budget-hint", Static)
        if text is None:
            text = self._idle_hint()
        if hint.has_class("-error") != error:
            hint.set_class(error, "-error")
        show(hint, Text(clean(text)))  # an error quotes what was typed

    def _idle_hint(self) -> str:
        if self.people_table.has_focus and self.current_person() is not None:
            return PERSON_HINT
        field = self.current_field()
        if field == "weekly_hours" and self.plan is not None and self.plan.people:
            return TEAM_HOURS_HINT
        return HINTS[field]

    # -- bars and the proposal -----------------------------------------------------
    def _draw(self, plan: Plan) -> None:
        capacity = plan_capacity(plan)
        active = plan.active_channels
        # name (14) + space + bar + " 10h 30m 100%" (13) must fit on one line.
        inner = self.scrollable_content_region.width
        width = max(4, min(24, inner - 29)) if inner else 20
        bars = Text()
        bars.append(f"Capacity {format_minutes(capacity)}/week after the reserve\n", style="bold")
        if plan.people:
            # setting (14) + value (8) + " 153% OVER" (10), each column padded by 2
            self._person_bars(plan, bars, max(3, min(16, inner - 38)) if inner else 6)
        elif not active:
            bars.append("No active channel yet.", style="dim")
        for channel in () if plan.people else active:
            minutes = channel_minutes(channel)
            ratio = 0 if capacity <= 0 else min(1.0, minutes / capacity)
            filled = round(ratio * width)
            bars.append(f"{one_line(channel.name, 14):<14} ")
            bars.append("█" * filled, style="red" if minutes > capacity else "green")
            bars.append("░" * (width - filled), style="dim")
            share = "" if capacity <= 0 else f" {100 * minutes / capacity:.0f}%"
            bars.append(f" {format_minutes(minutes)}{share}\n")
        bars.rstrip()
        show(self.query_one("#bars", Static), bars)
        # Two lines, OVER or not: the pane keeps its height while weekly hours are
        # typed (the changes themselves are the over-budget finding's fix).
        proposal = fit_to_budget(plan)
        text = Text()
        worst = worst_over(plan)
        if proposal.edits and worst is not None and proposal.committed_before <= capacity:
            text.append(f"{one_line(worst.person.name, 14)} OVER: ", style="bold red")
            text.append(
                f"{format_minutes(worst.committed)} planned, "
                f"{format_minutes(worst.capacity)} available.\n"
            )
            text.append("Press f to fit", style="bold")
            text.append(" everyone within their hours")
        elif proposal.edits:
            text.append("OVER: ", style="bold red")
            text.append(
                f"{format_minutes(proposal.committed_before)} planned, "
                f"{format_minutes(capacity)} available.\n"
            )
            text.append("Press f to fit", style="bold")
            text.append(
                f": {format_minutes(proposal.committed_after)} of {format_minutes(capacity)}"
            )
        show(self.query_one("#proposal", Static), text, min_lines=2)

    def _person_bars(self, plan: Plan, bars: Text, width: int) -> None:
        """One bar per person, beside their row: their active channels against their
        own capacity; under the capacity, the active channels nobody known does."""
        loads = Text(no_wrap=True, overflow="ellipsis")
        for load in people_loads(plan):
            capacity, minutes = load.capacity, load.committed
            ratio = 1.0 if capacity <= 0 < minutes else (0 if capacity <= 0 else minutes / capacity)
            filled = round(min(1.0, ratio) * width)
            loads.append("█" * filled, style="red" if load.over else "green")
            loads.append("░" * (width - filled), style="dim")
            pct = "∞" if load.percent == float("inf") else f"{load.percent:.0f}%"
            loads.append(f" {pct}")
            if load.over:
                loads.append(" OVER", style="bold reverse red")
            loads.append("\n")
        loads.rstrip()
        show(self.query_one("#people-loads", Static), loads)
        known = {p.id for p in plan.people}
        nobody = [one_line(c.name, 20) for c in plan.active_channels if c.owner not in known]
        if nobody:
            bars.append(f"Nobody named for {', '.join(nobody)}", style="yellow")


def _shown(value: float | None, empty: str = "—") -> str:
    """A budget value as its row shows it (weekly hours may be left out with people)."""
    return empty if value is None else show_number(value)
