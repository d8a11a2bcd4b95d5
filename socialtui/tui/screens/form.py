"""The form: fields with reasons, Save / Cancel, and nothing lost or rewritten.

- **What is shown is not what is stored.** A field opens with the stored value
  made visible (:func:`shown`: control characters as their pictures; a text
  box keeps line breaks and tabs). A field the user does not touch gives back
  the stored value itself, so opening a form and saving it unchanged leaves
  the plan, and the file, exactly as they were.
- **Typing is never lost silently.** Escape in a form with changes asks
  "Discard your changes?"; so does quitting
  (:func:`~socialtui.tui.screens.dialogs.ask_discard`). An unchanged form
  closes at once.
- **Bursts keep their order.** Tab and shift+tab are priority bindings: focus
  moves before the next key of a burst is routed, so "1 tab 5" puts 1 in one
  field and 5 in the next. Keys typed right behind the key that opened the
  form wait for it (:class:`~socialtui.tui.screens.dialogs.KeysWait`).
- **Read-only** (another session holds the plan, or a newer socialtui wrote
  it): the fields are disabled, the reason is shown and ctrl+t named.

Every typed field validates as you type: the reason appears under the field
and the form cannot be saved while one is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static, TextArea

from socialtui.plan.budget import committed_minutes, format_minutes, plan_capacity
from socialtui.plan.findings import check
from socialtui.plan.model import Plan
from socialtui.plan.people import worst_over
from socialtui.plan.rules import RuleError
from socialtui.safe import clean
from socialtui.tui.screens.dialogs import KeysWait, close_asking
from socialtui.tui.validation import RuleValidator
from socialtui.tui.widgets.choices import ChoiceBar, PickList
from socialtui.tui.widgets.fields import NoteArea, OrderedInput

MISSING: Any = object()
"""A field with no stored value (a new item): what it holds is parsed."""


def shown(value: str, *, multiline: bool = False) -> str:
    """``value`` as a field shows it: control characters visible (never sent to
    the terminal); a text box (``multiline``) keeps line breaks and tabs."""
    if not multiline:
        return clean(value)
    lines = value.replace("\r\n", "\n").split("\n")
    return "\n".join("\t".join(clean(part) for part in line.split("\t")) for line in lines)


def stripped(text: str) -> str:
    return text.strip()


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    stored: Any = MISSING
    """The plan's value: given back as it is unless the field is touched."""
    text: str = ""
    """What a typed field opens with."""
    parse: Callable[[str], Any] = stripped
    hint: str = ""
    placeholder: str = ""
    kind: str = "line"
    """``line`` (Input), ``text`` (NoteArea), ``choice`` (ChoiceBar), ``pick`` (PickList)."""
    options: tuple = ()
    rows: int = 0
    """A ``pick`` list's rows in view (0: the list's default)."""


def line(name: str, label: str, stored: Any, parse=stripped, hint: str = "", **kw) -> Field:
    """A one-line typed field; ``stored`` shown as text (``text=`` overrides)."""
    text = kw.pop("text", None)
    if text is None:
        text = "" if stored is MISSING or stored is None else shown(str(stored))
    return Field(name, label, stored, text, parse, hint, **kw)


def text_box(name: str, label: str, stored: Any, hint: str = "") -> Field:
    text = "" if stored is MISSING else shown(stored, multiline=True)
    return Field(name, label, stored, text, stripped, hint, kind="text")


FIELD_KEYS = [
    Binding("tab", "app.focus_next", "Next field", show=False, priority=True, id="form-next"),
    Binding(
        "shift+tab",
        "app.focus_previous",
        "Previous field",
        show=False,
        priority=True,
        id="form-previous",
    ),
]
"""tab and shift+tab between a form's fields (forms, the interview)."""


class FormScreen(KeysWait, ModalScreen[Any]):
    """A modal form (see the module's docstring)."""

    DEFAULT_CSS = """
    FormScreen { align: center middle; }
    FormScreen > #form {
        width: 84; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    FormScreen #fields { height: auto; max-height: 1fr; }
    FormScreen .field-row { height: auto; }
    FormScreen .field-label { width: 18; }
    FormScreen .field-input { width: 1fr; padding: 0 1; background: $boost; }
    FormScreen .field-input:focus { background: $accent 40%; }
    FormScreen .field-input.-invalid { background: $error 40%; }
    FormScreen .field-note { height: auto; padding-left: 19; color: $text-muted; }
    FormScreen .field-note.-error { color: $error; text-style: bold; }
    FormScreen #read-only { height: auto; color: $warning; text-style: bold; }
    FormScreen #preview { height: auto; margin-top: 1; }
    FormScreen #buttons { height: 3; align-horizontal: right; margin-top: 1; }
    FormScreen Button { margin-left: 2; }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="form-cancel"),
        Binding("ctrl+s", "submit", "Save", id="form-save"),
        Binding("enter", "submit", "Save", show=False, id="form-enter"),
        # A modal screen hides the app's keys; q (where it is not typed) quits,
        # asking first about the typing here.
        Binding("q", "app.quit", "Quit", show=False, id="quit"),
        *FIELD_KEYS,
    ]

    heading = "Edit"
    """The form's border title (Screen.title is the app's header title)."""

    def __init__(
        self,
        plan: Plan,
        preview: Callable[[Plan | None], None] | None = None,
        read_only: str | None = None,
    ) -> None:
        super().__init__()
        self.plan = plan
        self.preview_callback = None if read_only else preview
        self.read_only = read_only
        self._specs: dict[str, Field] = {}
        self._initial: dict[str, Any] = {}

    def fields(self) -> list[Field]:
        raise NotImplementedError

    def build(self, values: dict[str, Any]) -> Any:
        """The result from parsed values (called only when every field is valid)."""
        raise NotImplementedError

    def preview_plan(self, result: Any) -> Plan | None:
        return None

    # -- layout ---------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        self._specs = {spec.name: spec for spec in self.fields()}
        with Vertical(id="form") as form:
            form.border_title = self.heading
            form.border_subtitle = "ctrl+s saves · escape closes"
            if self.read_only:
                yield Static(Text(f"Read-only. {self.read_only}"), id="read-only")
            with VerticalScroll(id="fields"):
                for spec in self._specs.values():
                    with Horizontal(classes="field-row"):
                        yield Label(spec.label, classes="field-label")
                        yield self.widget_for(spec)
                    note = Static(Text(spec.hint), id=f"note-{spec.name}", classes="field-note")
                    note.display = bool(spec.hint)
                    yield note
            yield Static(id="preview")
            with Horizontal(id="buttons"):
                yield Button("Save", variant="primary", id="save", disabled=bool(self.read_only))
                yield Button("Close" if self.read_only else "Cancel", id="cancel")

    def widget_for(self, spec: Field) -> Widget:
        ident = f"field-{spec.name}"
        disabled = bool(self.read_only)
        if spec.kind == "choice":
            return ChoiceBar(spec.options, spec.stored, id=ident, disabled=disabled)
        if spec.kind == "pick":
            selected = () if spec.stored is MISSING else spec.stored
            picks = PickList(spec.options, selected, id=ident, disabled=disabled)
            if spec.rows:
                picks.ROWS = spec.rows
            return picks
        if spec.kind == "text":
            return NoteArea(spec.text, id=ident, disabled=disabled)
        return OrderedInput(
            spec.text,
            placeholder=spec.placeholder,
            id=ident,
            classes="field-input",
            validators=[RuleValidator(spec.parse)],
            validate_on=["changed", "submitted"],
            compact=True,
            disabled=disabled,
        )

    def on_mount(self) -> None:
        self._initial = {name: self._raw(name) for name in self._specs}
        enabled = [w for w in self.query(".field-row > *") if w.focusable]
        self.set_focus(enabled[0] if enabled else self.query_one("#cancel", Button))
        self._refresh_preview()
        self.filled.set()

    # -- what the fields hold --------------------------------------------------------
    def field(self, name: str) -> Widget:
        return self.query_one(f"#field-{name}")

    def _raw(self, name: str) -> Any:
        widget = self.field(name)
        if isinstance(widget, Input):
            return widget.value
        if isinstance(widget, TextArea):
            return widget.text
        return widget.value  # type: ignore[attr-defined]

    def touched(self, name: str) -> bool:
        return self._raw(name) != self._initial.get(name)

    @property
    def has_typing(self) -> bool:
        """Whether closing now would lose something the user did."""
        return not self.read_only and bool(self._initial) and any(map(self.touched, self._specs))

    def _value(self, spec: Field) -> Any:
        if spec.stored is not MISSING and not self.touched(spec.name):
            return spec.stored  # untouched: exactly what the plan holds
        raw = self._raw(spec.name)
        return spec.parse(raw) if spec.kind in ("line", "text") else raw

    def _parse_all(self) -> tuple[dict[str, Any], dict[str, str]]:
        values: dict[str, Any] = {}
        errors: dict[str, str] = {}
        for name, spec in self._specs.items():
            try:
                values[name] = self._value(spec)
            except RuleError as error:
                errors[name] = str(error)
        if not errors:
            try:
                self.build(values)
            except RuleError as error:
                errors[self.whole_form_field()] = str(error)
        return values, errors

    def whole_form_field(self) -> str:
        return next(iter(self._specs))

    def _show_note(self, name: str, error: str | None) -> None:
        note = self.query_one(f"#note-{name}", Static)
        hint = self._specs[name].hint
        note.set_class(error is not None, "-error")
        note.update(Text(clean(f"✖ {error}") if error else hint))  # quotes what was typed
        note.display = bool(error or hint)

    def field_changed(self, name: str) -> None:
        """A field's content changed: its reason, the preview."""

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(ChoiceBar.Changed)
    @on(PickList.Changed)
    def _changed(self, event) -> None:
        event.stop()
        name = (event.control.id or "").removeprefix("field-")
        spec = self._specs.get(name)
        if spec is None or not self._initial:
            return
        error = None
        if spec.kind == "line" and self.touched(name):
            try:
                spec.parse(self._raw(name))
            except RuleError as exc:
                error = str(exc)
        self._show_note(name, error)
        self.field_changed(name)
        self._refresh_preview()

    def _refresh_preview(self) -> None:
        values, errors = self._parse_all()
        preview = self.query_one("#preview", Static)
        plan = None if errors else self.preview_plan(self.build(values))
        if self.preview_callback is not None:
            self.preview_callback(plan)
        if plan is None:
            preview.update("")
            preview.display = False
            return
        preview.display = True
        committed, capacity = committed_minutes(plan), plan_capacity(plan)
        findings = check(plan, self.app.today)  # type: ignore[attr-defined]
        errors_n = sum(1 for f in findings if f.severity == "error")
        warnings_n = sum(1 for f in findings if f.severity == "warning")
        text = Text("After this change: ", style="bold")
        text.append(f"{format_minutes(committed)} of {format_minutes(capacity)}")
        if committed > capacity:
            text.append(f" — OVER by {format_minutes(committed - capacity)}", style="bold red")
        else:
            text.append(f" — fits, {format_minutes(capacity - committed)} spare", style="green")
        worst = worst_over(plan)  # with people: the one furthest over their own hours
        if worst is not None:
            over = format_minutes(worst.committed - worst.capacity)
            text.append(f"; {clean(worst.person.name)[:20]} OVER by {over}", style="bold red")
        text.append(f"; {errors_n} error(s), {warnings_n} warning(s)")
        preview.update(text)

    # -- submit / cancel ----------------------------------------------------------------
    @on(Input.Submitted)
    @on(NoteArea.Submitted)
    def _submitted(self, event) -> None:
        event.stop()
        self.action_submit()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_submit()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_submit(self) -> None:
        if self.read_only:
            self.close(None)
            return
        values, errors = self._parse_all()
        if errors:
            for name, error in errors.items():
                self._show_note(name, error)
            self.set_focus(self.field(next(iter(errors))))
            self.app.bell()
            return
        self.close(self.build(values))

    def action_cancel(self) -> None:
        close_asking(self, lambda: self.close(None))

    def close(self, result: Any) -> None:
        if self.preview_callback is not None:
            self.preview_callback(None)
        self.dismiss(result)
