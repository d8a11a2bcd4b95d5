"""Forms for goals, audiences, channels and the purpose.

Every field validates as you type: the reason appears under the field and the
form cannot be submitted while a field is invalid. The channel form previews its
effect: each valid keystroke in its cadence moves the main gauge and findings,
and the form's own preview line says where the budget would land.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from socialtui.plan.budget import capacity_minutes, committed_minutes, format_minutes, format_number
from socialtui.plan.findings import check
from socialtui.plan.model import (
    FOCUSES,
    HORIZONS,
    STATUSES,
    Audience,
    Channel,
    Goal,
    Plan,
    Purpose,
    slugify,
)
from socialtui.plan.rules import (
    RuleError,
    parse_date,
    parse_name,
    parse_number,
    parse_optional_finite,
    parse_slug,
)
from socialtui.safe import clean
from socialtui.tui.validation import RuleValidator


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    value: str
    parse: Callable[[str], Any]
    hint: str = ""
    placeholder: str = ""


def choice(options: tuple[str, ...], optional: bool = True) -> Callable[[str], str | None]:
    def parse(text: str) -> str | None:
        raw = text.strip().lower()
        if not raw and optional:
            return None
        matches = [o for o in options if o.startswith(raw)] if raw else []
        if len(matches) == 1:
            return matches[0]
        if raw in options:
            return raw
        raise RuleError("one of " + ", ".join(options))

    return parse


def id_list(known: tuple[str, ...], what: str) -> Callable[[str], tuple[str, ...]]:
    def parse(text: str) -> tuple[str, ...]:
        items = tuple(
            dict.fromkeys(p.strip() for p in text.replace(" ", ",").split(",") if p.strip())
        )
        for item in items:
            try:
                parse_slug(item)
            except RuleError:
                raise RuleError(f"'{item}' is not a valid {what} id") from None
        return items

    return parse


def text_field(text: str) -> str:
    return text.strip()


def fmt(value: float | None) -> str:
    return "" if value is None else format_number(value)


class FormScreen(ModalScreen[Any]):
    """A modal form: fields with reasons, Save / Cancel, escape cancels."""

    DEFAULT_CSS = """
    FormScreen { align: center middle; }
    FormScreen > #form {
        width: 84; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    FormScreen #fields { height: auto; max-height: 1fr; }
    FormScreen .field-row { height: 1; }
    FormScreen .field-label { width: 18; }
    FormScreen .field-input { width: 1fr; padding: 0 1; background: $boost; }
    FormScreen .field-input:focus { background: $accent 40%; }
    FormScreen .field-input.-invalid { background: $error 40%; }
    FormScreen .field-note { height: auto; padding-left: 18; color: $text-muted; }
    FormScreen .field-note.-error { color: $error; text-style: bold; }
    FormScreen #preview { height: auto; margin-top: 1; }
    FormScreen #buttons { height: 3; align-horizontal: right; margin-top: 1; }
    FormScreen Button { margin-left: 2; }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "submit", "Save"),
    ]

    title = "Edit"

    def __init__(self, plan: Plan, preview: Callable[[Plan | None], None] | None = None) -> None:
        super().__init__()
        self.plan = plan
        self.preview_callback = preview

    def fields(self) -> list[Field]:
        raise NotImplementedError

    def build(self, values: dict[str, Any]) -> Any:
        """The result from parsed values (called only when every field is valid)."""
        raise NotImplementedError

    def preview_plan(self, result: Any) -> Plan | None:
        return None

    def compose(self) -> ComposeResult:
        with Vertical(id="form") as form:
            form.border_title = self.title
            with VerticalScroll(id="fields"):
                for spec in self.fields():
                    with Horizontal(classes="field-row"):
                        yield Label(spec.label, classes="field-label")
                        yield Input(
                            spec.value,
                            placeholder=spec.placeholder,
                            id=f"field-{spec.name}",
                            classes="field-input",
                            validators=[RuleValidator(spec.parse)],
                            validate_on=["changed", "submitted"],
                            compact=True,
                        )
                    note = Static(Text(spec.hint), id=f"note-{spec.name}", classes="field-note")
                    note.display = bool(spec.hint)
                    yield note
            yield Static(id="preview")
            with Horizontal(id="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self._specs = {spec.name: spec for spec in self.fields()}
        self.query(".field-input").first().focus()
        self._refresh_preview()

    # -- validation ---------------------------------------------------------
    def _parse_all(self) -> tuple[dict[str, Any], dict[str, str]]:
        values: dict[str, Any] = {}
        errors: dict[str, str] = {}
        for name, spec in self._specs.items():
            text = self.query_one(f"#field-{name}", Input).value
            try:
                values[name] = spec.parse(text)
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
        note.update(Text(f"✖ {error}" if error else hint))
        note.display = bool(error or hint)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        name = (event.input.id or "").removeprefix("field-")
        if name not in getattr(self, "_specs", {}):
            return
        try:
            self._specs[name].parse(event.value)
        except RuleError as error:
            self._show_note(name, str(error))
        else:
            self._show_note(name, None)
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
        committed, capacity = committed_minutes(plan), capacity_minutes(plan.budget)
        findings = check(plan, self.app.today)  # type: ignore[attr-defined]
        errors_n = sum(1 for f in findings if f.severity == "error")
        warnings_n = sum(1 for f in findings if f.severity == "warning")
        text = Text("After this change: ", style="bold")
        text.append(f"{format_minutes(committed)} of {format_minutes(capacity)}")
        if committed > capacity:
            text.append(f" — OVER by {format_minutes(committed - capacity)}", style="bold red")
        else:
            text.append(f" — fits, {format_minutes(capacity - committed)} spare", style="green")
        text.append(f"; {errors_n} error(s), {warnings_n} warning(s)")
        preview.update(text)

    # -- submit / cancel ----------------------------------------------------
    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_submit()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_submit(self) -> None:
        values, errors = self._parse_all()
        if errors:
            for name, error in errors.items():
                self._show_note(name, error)
            first = next(iter(errors))
            self.query_one(f"#field-{first}", Input).focus()
            self.app.bell()
            return
        result = self.build(values)
        if self.preview_callback is not None:
            self.preview_callback(None)
        self.dismiss(result)

    def action_cancel(self) -> None:
        if self.preview_callback is not None:
            self.preview_callback(None)
        self.dismiss(None)


class GoalForm(FormScreen):
    def __init__(self, plan: Plan, goal: Goal | None = None, **kwargs) -> None:
        self.goal = goal
        self.title = "Edit goal" if goal else "New goal"
        super().__init__(plan, **kwargs)

    def fields(self) -> list[Field]:
        g = self.goal or Goal(id="", title="")
        taken = {x.id for x in self.plan.goals} - {g.id}
        return [
            Field(
                "title",
                "Title",
                clean(g.title),
                lambda t: parse_name(t, "title"),
                "What you want social media to achieve",
            ),
            Field(
                "metric",
                "Metric",
                clean(g.metric),
                text_field,
                "What is counted, e.g. orders per month",
            ),
            Field(
                "baseline",
                "Baseline",
                fmt(g.baseline),
                lambda t: parse_optional_finite(t, "baseline"),
            ),
            Field("target", "Target", fmt(g.target), lambda t: parse_optional_finite(t, "target")),
            Field(
                "deadline",
                "Deadline",
                g.deadline.isoformat() if g.deadline else "",
                parse_date,
                "YYYY-MM-DD",
            ),
            Field("horizon", "Horizon", g.horizon or "", choice(HORIZONS), "short or long"),
            Field(
                "focus",
                "Focus",
                g.focus or "",
                choice(FOCUSES),
                "us (the business) or them (the community)",
            ),
            Field(
                "id",
                "Id",
                g.id,
                lambda t: "" if not t.strip() else parse_slug(t, taken),
                "",
                placeholder="made from the title when empty",
            ),
        ]

    def build(self, v: dict[str, Any]) -> Goal:
        taken = {x.id for x in self.plan.goals} - {self.goal.id if self.goal else ""}
        return Goal(
            id=v["id"] or slugify(v["title"], taken),
            title=v["title"],
            metric=v["metric"],
            baseline=v["baseline"],
            target=v["target"],
            deadline=v["deadline"],
            horizon=v["horizon"],
            focus=v["focus"],
        )


class AudienceForm(FormScreen):
    def __init__(self, plan: Plan, audience: Audience | None = None, **kwargs) -> None:
        self.audience = audience
        self.title = "Edit audience" if audience else "New audience"
        super().__init__(plan, **kwargs)

    def fields(self) -> list[Field]:
        a = self.audience or Audience(id="", name="")
        taken = {x.id for x in self.plan.audiences} - {a.id}
        known = ", ".join(c.id for c in self.plan.channels) or "none yet"
        return [
            Field("name", "Name", clean(a.name), parse_name, "Who they are"),
            Field("wants", "Wants", clean(a.wants), text_field, "What is in it for them"),
            Field(
                "channels",
                "Where they are",
                ", ".join(a.channels),
                id_list((), "channel"),
                f"Channel ids, comma-separated (shortlist: {known})",
            ),
            Field(
                "id",
                "Id",
                a.id,
                lambda t: "" if not t.strip() else parse_slug(t, taken),
                "",
                placeholder="made from the name when empty",
            ),
        ]

    def build(self, v: dict[str, Any]) -> Audience:
        taken = {x.id for x in self.plan.audiences} - {self.audience.id if self.audience else ""}
        return Audience(
            id=v["id"] or slugify(v["name"], taken),
            name=v["name"],
            wants=v["wants"],
            channels=v["channels"],
        )


class ChannelForm(FormScreen):
    def __init__(
        self,
        plan: Plan,
        channel: Channel | None = None,
        *,
        new: bool = False,
        note: str = "",
        **kwargs,
    ) -> None:
        self.channel = channel
        self.new = new or channel is None
        self.note = note
        self.title = "New channel" if self.new else "Edit channel"
        super().__init__(plan, **kwargs)

    def fields(self) -> list[Field]:
        c = self.channel or Channel(id="", name="")
        old_id = "" if self.new else c.id
        taken = {x.id for x in self.plan.channels} - {old_id}
        goals = ", ".join(g.id for g in self.plan.goals) or "none yet"
        return [
            Field("name", "Name", clean(c.name), parse_name, self.note),
            Field(
                "status",
                "Status",
                c.status,
                choice(STATUSES, optional=False),
                "candidate, active, later or dropped",
            ),
            Field(
                "posts_per_week",
                "Posts / week",
                format_number(c.posts_per_week),
                lambda t: parse_number("posts_per_week", t),
            ),
            Field(
                "minutes_per_post",
                "Minutes / post",
                format_number(c.minutes_per_post),
                lambda t: parse_number("minutes_per_post", t),
            ),
            Field(
                "engage_minutes_per_week",
                "Engage min/week",
                format_number(c.engage_minutes_per_week),
                lambda t: parse_number("engage_minutes_per_week", t),
                "Listening and conversation: at least as much as creating",
            ),
            Field(
                "goals",
                "Serves goals",
                ", ".join(c.goals),
                id_list((), "goal"),
                f"Goal ids, comma-separated (goals: {goals})",
            ),
            Field("notes", "Notes", clean(c.notes), text_field),
            Field(
                "id",
                "Id",
                c.id,
                lambda t: "" if not t.strip() else parse_slug(t, taken),
                "",
                placeholder="made from the name when empty",
            ),
        ]

    def build(self, v: dict[str, Any]) -> Channel:
        old_id = "" if self.new or self.channel is None else self.channel.id
        taken = {x.id for x in self.plan.channels} - {old_id}
        # replace(): fields this form does not show (a channel's days) are kept.
        return replace(
            self.channel or Channel(id="", name=""),
            id=v["id"] or slugify(v["name"], taken),
            name=v["name"],
            status=v["status"],
            posts_per_week=v["posts_per_week"],
            minutes_per_post=v["minutes_per_post"],
            engage_minutes_per_week=v["engage_minutes_per_week"],
            goals=v["goals"],
            notes=v["notes"],
        )

    def preview_plan(self, result: Channel) -> Plan | None:
        old_id = None if self.new or self.channel is None else self.channel.id
        if old_id is None and self.plan.channel(result.id) is not None:
            return None
        return self.plan.with_channel(result, old_id=old_id)


class PurposeForm(FormScreen):
    title = "Purpose"

    def fields(self) -> list[Field]:
        p = self.plan.purpose
        return [
            Field("who", "Who", clean(p.who), text_field, "Who we are, who we serve"),
            Field("why", "Why", clean(p.why), text_field, "Why we are on social media at all"),
            Field("what", "What", clean(p.what), text_field, "What we will share"),
            Field("them", "For them", clean(p.them), text_field, "What is in it for them"),
        ]

    def build(self, v: dict[str, Any]) -> Purpose:
        return replace(self.plan.purpose, **v)
