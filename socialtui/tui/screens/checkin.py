"""The weekly check-in: hours, verdicts, metric values and a note for one ISO week.

Every field opens filled in (:func:`socialtui.plan.checkin.prefill` says with
what), so that a week in which nothing changed is one key (``ctrl+s``, or
``enter`` on the last field).

Opening a week that already has a check-in edits it. ``PgUp`` / ``PgDn`` (or the
week field) choose another week, so a missed week can be filled in afterwards;
the fields refill from that week. What was typed in a week is kept while
another is shown (:class:`Drafts`) and saved with it: ``ctrl+s`` records the
week shown and every week typed in. Escape with typing asks before throwing
it away, as quitting does. Bad values are refused at the field with the
reason, and the check-in cannot be saved while one is shown. The screen
dismisses with the new plan, or None.

Editing a recorded week changes only the fields that were touched: a week
opened and saved unchanged stays exactly as it was in the file. The note is a
text box (line breaks kept; ``ctrl+j`` adds one).
"""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from socialtui.plan.budget import channel_minutes, format_minutes, format_number
from socialtui.plan.checkin import (
    Prefill,
    parse_hours,
    parse_metric,
    prefill,
    week_label,
)
from socialtui.plan.model import CheckIn, Plan, iso_week, week_key, week_monday
from socialtui.plan.rules import RuleError, parse_week_text
from socialtui.safe import clean, one_line
from socialtui.tui.screens.dialogs import KeysWait, close_asking
from socialtui.tui.screens.drafts import Drafts, has_error, week_checkin
from socialtui.tui.screens.form import shown
from socialtui.tui.validation import RuleValidator
from socialtui.tui.widgets.fields import NoteArea, OrderedInput, settle
from socialtui.tui.widgets.verdict import VerdictPicker


def checked_input(value: str, id: str, parse, classes: str = "ci-input field") -> Input:
    """A compact field whose value ``parse`` checks as it is typed and when submitted."""
    return OrderedInput(
        value,
        id=id,
        classes=classes,
        validators=[RuleValidator(parse)],
        validate_on=["changed", "submitted"],
        compact=True,
    )


# --- the screen --------------------------------------------------------------------------


class CheckinScreen(KeysWait, ModalScreen[Plan | None]):
    DEFAULT_CSS = """
    CheckinScreen { align: center middle; }
    CheckinScreen > #checkin {
        width: 84; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    CheckinScreen #checkin-fields { height: auto; max-height: 1fr; }
    CheckinScreen .row { height: 1; }
    CheckinScreen .section { height: 1; text-style: bold; margin-top: 1; }
    CheckinScreen .section-gap { margin-top: 1; }
    CheckinScreen .label { width: 22; }
    CheckinScreen .ci-input { width: 10; padding: 0 1; background: $boost; }
    CheckinScreen .ci-input:focus { background: $accent 40%; }
    CheckinScreen .ci-input.-invalid { background: $error 40%; }
    CheckinScreen #week { width: 12; }
    CheckinScreen #note { width: 1fr; height: auto; max-height: 4; }
    CheckinScreen .note-row { height: auto; }
    CheckinScreen VerdictPicker { margin-left: 1; }
    CheckinScreen .aside { width: 1fr; padding: 0 1; color: $text-muted; }
    CheckinScreen .reason { height: auto; padding-left: 22; color: $error; text-style: bold; }
    CheckinScreen #checkin-keys { height: 1; color: $text-muted; margin-top: 1; }
    CheckinScreen #checkin-buttons { height: 3; align-horizontal: right; }
    CheckinScreen Button { margin-left: 2; }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="checkin-cancel"),
        Binding("q", "app.quit", "Quit", show=False, id="quit"),  # where q is not typed: asks first
        Binding("ctrl+s", "submit", "Save", priority=True, id="checkin-save"),
        Binding("pageup", "week(-1)", "Previous week", priority=True, id="checkin-previous-week"),
        Binding("pagedown", "week(1)", "Next week", priority=True, id="checkin-next-week"),
        # Priority, so that focus has moved before the next key is routed: keys
        # typed right behind enter (fast typists, pasted sequences over SSH) land
        # in the next field, not in this one.
        Binding("enter", "enter", "Next field", show=False, priority=True, id="checkin-enter"),
        Binding("down", "move(1)", "Next field", show=False, priority=True, id="checkin-down"),
        Binding("up", "move(-1)", "Previous field", show=False, priority=True, id="checkin-up"),
    ]

    def __init__(self, plan: Plan, today: date, week: str | None = None) -> None:
        super().__init__()
        self.plan = plan
        self.today = today
        self.current_week = iso_week(today)
        self.week = week or self.current_week
        self.channels = plan.active_channels
        self.goals = plan.goals
        self.drafts = Drafts()

    # -- layout ------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        fill = prefill(self.plan, self.week)
        with Vertical(id="checkin") as box:
            box.border_title = "Weekly check-in"
            box.border_subtitle = "ctrl+s saves · escape cancels"
            with VerticalScroll(id="checkin-fields"):
                with Horizontal(classes="row"):
                    yield Label("Week", classes="label")
                    yield checked_input(self.week, "week", self._parse_week, "ci-input")
                    yield Static(id="week-info", classes="aside")
                yield Static(classes="reason", id="reason-week")
                if self.channels:
                    yield Static("Channels: hours this week, and is it working?", classes="section")
                for channel in self.channels:
                    planned = format_minutes(channel_minutes(channel))
                    with Horizontal(classes="row"):
                        yield Label(one_line(channel.name, 21), classes="label")
                        yield checked_input(
                            fill.hours[channel.id], f"hours-{channel.id}", parse_hours
                        )
                        yield VerdictPicker(id=f"verdict-{channel.id}", classes="field")
                        yield Static(f"plan {planned}", classes="aside")
                    yield Static(classes="reason", id=f"reason-hours-{channel.id}")
                if self.goals:
                    yield Static("Goals: the metric's value now", classes="section")
                for goal in self.goals:
                    with Horizontal(classes="row"):
                        yield Label(one_line(goal.title, 21), classes="label")
                        yield checked_input(
                            fill.metrics[goal.id], f"metric-{goal.id}", parse_metric
                        )
                        yield Static(id=f"aside-{goal.id}", classes="aside")
                    yield Static(classes="reason", id=f"reason-metric-{goal.id}")
                with Horizontal(classes="note-row section-gap"):
                    yield Label("Note", classes="label")
                    note = NoteArea(shown(fill.note, multiline=True), id="note", classes="field")
                    note.placeholder = "what happened this week (optional)"
                    yield note
            yield Static(
                "enter next field · ↑↓ move · w/u/n verdict · PgUp/PgDn week · ctrl+s save",
                id="checkin-keys",
            )
            with Horizontal(id="checkin-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        for reason in self.query(".reason"):
            reason.display = False
        self._fill(prefill(self.plan, self.week))
        fields = self.fields()
        self.set_focus(fields[1] if len(fields) > 1 else fields[0])  # the first hours
        self.filled.set()

    # -- the week --------------------------------------------------------------
    def _parse_week(self, text: str) -> str:
        week = parse_week_text(text)
        if week_key(week) > week_key(self.current_week):
            raise RuleError(f"{week} has not happened yet (this week is {self.current_week})")
        return week

    def _fill(self, fill: Prefill) -> None:
        """Put ``fill``'s values in every field and say which week this is."""
        self.week = fill.week
        week_input = self.query_one("#week", Input)
        if week_input.value != fill.week:
            week_input.value = fill.week
        info = Text(week_label(fill.week))
        if fill.existing:
            info.append(" · editing its check-in", style="bold")
        else:
            info.append(" · new")
        if fill.week == self.current_week:
            info.append(" · this week")
        self.query_one("#week-info", Static).update(info)
        values: dict[str, object] = {"note": shown(fill.note, multiline=True)}
        for channel in self.channels:
            values[f"hours-{channel.id}"] = fill.hours[channel.id]
            values[f"verdict-{channel.id}"] = fill.verdicts[channel.id]
        for goal in self.goals:
            values[f"metric-{goal.id}"] = fill.metrics[goal.id]
        self._set_values(values)
        self.drafts.opened.setdefault(fill.week, self._values())
        draft = self.drafts.typed.get(fill.week)
        if draft is not None:
            self._set_values(draft)  # what was typed in this week before
        for goal in self.goals:
            aside = Text(no_wrap=True, overflow="ellipsis")
            last = fill.last_metric[goal.id]
            if last is not None:
                when = last[0] if last[0][:4] != fill.week[:4] else last[0][5:]
                aside.append(f"last {format_number(last[1])} in {when}")
            elif goal.baseline is not None:
                aside.append(f"baseline {format_number(goal.baseline)}")
            if goal.target is not None:
                aside.append(f" → {format_number(goal.target)}")
            if goal.metric:
                aside.append(f" · {one_line(goal.metric)}")
            self.query_one(f"#aside-{goal.id}", Static).update(aside)
        focused = self.focused
        if isinstance(focused, Input) and focused.id != "week":
            focused.select_all()  # as on arrival: typing replaces the new week's value

    async def action_week(self, step: int) -> None:
        await self._settle()
        monday = week_monday(self.week) + timedelta(weeks=step)
        week = iso_week(monday)
        if week_key(week) > week_key(self.current_week):
            self.app.bell()
            self.notify(f"{week} has not happened yet.", timeout=2)
            return
        self._show_reason("week", None)
        self._show_week(week)

    def _show_week(self, week: str) -> None:
        """Show ``week``, keeping what was typed in the week shown so far."""
        self.drafts.keep(self.week, self._values())
        self._fill(prefill(self.plan, week))

    # -- the values of the week shown ------------------------------------------
    def _values(self) -> dict[str, object]:
        """What the week's fields hold (hours, verdicts, metrics, the note)."""
        values: dict[str, object] = {}
        for channel in self.channels:
            values[f"hours-{channel.id}"] = self.query_one(f"#hours-{channel.id}", Input).value
            values[f"verdict-{channel.id}"] = self.query_one(
                f"#verdict-{channel.id}", VerdictPicker
            ).value
        for goal in self.goals:
            values[f"metric-{goal.id}"] = self.query_one(f"#metric-{goal.id}", Input).value
        values["note"] = self.query_one("#note", NoteArea).text
        return values

    def _set_values(self, values: dict[str, object]) -> None:
        for name, value in values.items():
            widget = self.query_one(f"#{name}")
            if isinstance(widget, NoteArea):
                if widget.text != value:
                    widget.text = str(value)
            else:
                widget.value = value  # type: ignore[attr-defined]

    @property
    def has_typing(self) -> bool:
        """Whether closing now would lose typing, in this week or another."""
        if not self.is_mounted:
            return False
        self.drafts.keep(self.week, self._values())
        return bool(self.drafts.typed)

    @on(Input.Changed, "#week")
    def _week_typed(self, event: Input.Changed) -> None:
        event.stop()
        try:
            week = self._parse_week(event.value)
        except RuleError as error:
            self._show_reason("week", str(error))
            return
        self._show_reason("week", None)
        if week != self.week:
            self._show_week(week)

    # -- fields and reasons ----------------------------------------------------
    def fields(self) -> list[Widget]:
        """The fields in the order enter walks them (the week field comes first)."""
        return [self.query_one("#week", Input), *self.query(".field")]

    def _show_reason(self, name: str, error: str | None) -> None:
        reason = self.query_one(f"#reason-{name}", Static)
        reason.update(Text(clean(f"✖ {error}")) if error else "")  # quotes what was typed
        reason.display = error is not None

    @staticmethod
    def _field_name(widget: Widget) -> str | None:
        ident = widget.id or ""
        if ident.startswith(("hours-", "metric-")):
            return ident
        return None

    @on(Input.Changed, ".field")
    def _field_changed(self, event: Input.Changed) -> None:
        event.stop()
        name = self._field_name(event.input)
        if name is None:
            return
        self._show_reason(name, self._error(event.input))

    def _error(self, field: Input) -> str | None:
        ident = field.id or ""
        parse = parse_hours if ident.startswith("hours-") else parse_metric
        try:
            parse(field.value)
        except RuleError as error:
            return str(error)
        return None

    def _errors(self) -> dict[str, tuple[Widget, str]]:
        errors: dict[str, tuple[Widget, str]] = {}
        week_input = self.query_one("#week", Input)
        try:
            self._parse_week(week_input.value)
        except RuleError as error:
            errors["week"] = (week_input, str(error))
        for field in self.query(".field"):
            name = self._field_name(field)
            if name is not None and isinstance(field, Input):
                error = self._error(field)
                if error is not None:
                    errors[name] = (field, error)
        return errors

    def action_move(self, step: int) -> None:
        fields = self.fields()
        focused = self.focused
        if focused not in fields:
            self.set_focus(fields[0])
            return
        index = fields.index(focused) + step
        if 0 <= index < len(fields):
            self.set_focus(fields[index])

    def _next(self, widget: Widget) -> None:
        """Enter in ``widget``: on to the next field, or save on the last one."""
        if isinstance(widget, Input):
            name = "week" if widget.id == "week" else self._field_name(widget)
            error = None
            if name == "week":
                try:
                    self._parse_week(widget.value)
                except RuleError as exc:
                    error = str(exc)
            elif name is not None:
                error = self._error(widget)
            if error is not None and name is not None:
                self._show_reason(name, error)
                self.app.bell()
                return
        fields = self.fields()
        if widget is fields[-1]:
            self._save()
        else:
            self.set_focus(fields[fields.index(widget) + 1])

    async def _settle(self) -> None:
        """Let the fields handle the keys already routed to them (a burst: a
        priority key such as ctrl+s must not read a field before its typing)."""
        await settle(*self.fields())

    async def action_enter(self) -> None:
        focused = self.focused
        if isinstance(focused, Button):
            focused.press()
        elif focused is not None and focused in self.fields():
            await self._settle()
            self._next(focused)

    # -- save / cancel ----------------------------------------------------------
    def build(self, week: str, values: dict[str, object]) -> CheckIn:
        """The check-in of ``week`` with these field values (all valid)."""
        existing = self.plan.checkin(week)
        touched = self.drafts.touched(week) if existing is not None else set(values)
        return week_checkin(existing, week, values, touched)

    async def action_submit(self) -> None:
        await self._settle()
        self._save()

    def _save(self) -> None:
        """Record the week shown and every week typed in (going to one with a bad value)."""
        errors = self._errors()
        if not errors:
            self.drafts.keep(self.week, self._values())
            for week, values in self.drafts.typed.items():
                if week != self.week and has_error(values):
                    self._show_week(week)
                    errors = self._errors()
                    break
        if errors:
            for name, (_, error) in errors.items():
                self._show_reason(name, error)
            self.set_focus(next(iter(errors.values()))[0])
            self.app.bell()
            return
        plan = self.plan.with_checkin(self.build(self.week, self._values()))
        for week, values in self.drafts.typed.items():
            if week != self.week:
                plan = plan.with_checkin(self.build(week, values))
        self.dismiss(plan)

    def action_cancel(self) -> None:
        close_asking(self, lambda: self.dismiss(None))

    @on(Button.Pressed, "#save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self._save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()
