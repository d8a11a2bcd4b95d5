"""Small dialogs: confirm, discard typing, the channel catalog, a one-line prompt,
a save conflict."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from socialtui.plan.budget import format_minutes
from socialtui.plan.catalog import CATALOG, Preset
from socialtui.plan.model import Plan
from socialtui.plan.rules import RuleError
from socialtui.safe import clean
from socialtui.tui.validation import RuleValidator
from socialtui.tui.widgets.choices import KeyedOptionList
from socialtui.tui.widgets.fields import OrderedInput

DIALOG_CSS = """
    align: center middle;
    & > Vertical {
        width: 72; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    & .dialog-buttons { height: 3; align-horizontal: right; margin-top: 1; }
    & Button { margin-left: 2; }
"""


class KeysWait:
    """A screen that keys typed right behind the one that opened it wait for.

    The app holds input events while the top screen's ``filled`` is unset
    (:meth:`socialtui.tui.app.SocialApp.on_event`): a screen sets it once its
    focus is in place, so that keys of a burst land in it, in order.
    """

    @property
    def filled(self) -> asyncio.Event:
        event = self.__dict__.get("_filled")
        if event is None:
            event = self.__dict__["_filled"] = asyncio.Event()
        return event


class ConfirmScreen(KeysWait, ModalScreen[bool]):
    """Yes / no. ``y`` or ``enter`` confirms; ``n`` or ``escape`` says no."""

    DEFAULT_CSS = "ConfirmScreen {" + DIALOG_CSS + "}"
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm-yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm-no"),
    ]

    def __init__(self, title: str, body: Text | str, yes: str = "Yes") -> None:
        super().__init__()
        self.title_text = title
        self.body = body
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.title_text
            yield Static(self.body, id="confirm-body")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.yes} (y)", variant="primary", id="yes")
                yield Button("No (n)", id="no")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#yes", Button))
        self.filled.set()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


DISCARD_BODY = "What you typed is not saved. y throws it away; n or escape goes back to it."


class DiscardScreen(ConfirmScreen):
    """ "Discard your changes?" over a form or a check-in with typing in it."""

    def __init__(self, quitting: bool = False) -> None:
        super().__init__(self.question(quitting), DISCARD_BODY, "Discard")
        self.quitting = quitting
        self.then: Callable[[], object] | None = None

    @staticmethod
    def question(quitting: bool) -> str:
        return "Discard your changes and quit?" if quitting else "Discard your changes?"

    def for_quitting(self, then: Callable[[], object]) -> None:
        """Asked again by ctrl+q: the same question, now for quitting."""
        self.quitting, self.then = True, then
        self.query_one(Vertical).border_title = self.question(True)

    def action_answer(self, value: bool) -> None:
        then = self.then
        self.dismiss(value)
        if value and then is not None:
            self.app.call_later(then)


def close_asking(screen, close: Callable[[], object]) -> None:
    """Escape on a screen that may hold typing: ``close`` at once when it holds
    none, else after "Discard your changes?" is answered yes."""
    if not has_typing(screen):
        close()
        return

    def answer(discard: bool | None) -> None:
        if discard:
            close()

    screen.app.push_screen(DiscardScreen(), answer)


def has_typing(screen: object) -> bool:
    return bool(getattr(screen, "has_typing", False))


def ask_discard(app, then: Callable[[], object]) -> bool:
    """Before quitting: if a screen holds typing, ask, and run ``then`` on yes.

    Returns True when it asked (``then`` runs later, if at all), False when
    nothing would be lost.
    """
    top = app.screen
    if isinstance(top, DiscardScreen):
        top.for_quitting(then)
        return True
    if not any(has_typing(screen) for screen in app.screen_stack):
        return False
    question = DiscardScreen(quitting=True)
    question.then = then
    app.push_screen(question)
    return True


class CatalogScreen(ModalScreen[Preset | str | None]):
    """Pick a channel from the catalog (defaults and their sources) or a custom one."""

    DEFAULT_CSS = (
        "CatalogScreen {"
        + DIALOG_CSS
        + """
        & > Vertical { width: 96; }
        & OptionList { height: auto; max-height: 18; }
        & #catalog-source { height: auto; color: $text-muted; margin-top: 1; }
    }"""
    )
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="catalog-cancel")]

    def __init__(self, plan: Plan) -> None:
        super().__init__()
        self.plan = plan

    def compose(self) -> ComposeResult:
        taken = {c.id for c in self.plan.channels}
        options = []
        for preset in CATALOG:
            minutes = (
                preset.posts_per_week * preset.minutes_per_post + preset.engage_minutes_per_week
            )
            label = Text(f"{preset.name:<22}", style="bold" if preset.id not in taken else "dim")
            label.append(f" {format_minutes(minutes):>7}/week  ")
            label.append(preset.describe(), style="")
            if preset.id in taken:
                label.append("  (on the shortlist)", style="dim")
            options.append(Option(label, id=preset.id, disabled=preset.id in taken))
        options.append(Option(Text("Custom channel…", style="bold"), id="__custom__"))
        with Vertical() as box:
            box.border_title = "Add a channel"
            yield KeyedOptionList(*options, id="catalog")
            yield Static(id="catalog-source")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        preset = next((p for p in CATALOG if p.id == event.option.id), None)
        source = self.query_one("#catalog-source", Static)
        if preset is None:
            source.update("A channel of your own: you set its cadence and effort.")
        else:
            source.update(
                Text(
                    f"Source: {preset.source}. Guidance: {preset.posts_range}. "
                    "(est.) = our estimate."
                )
            )

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == "__custom__":
            self.dismiss("custom")
        else:
            self.dismiss(next(p for p in CATALOG if p.id == event.option.id))


class PromptScreen(ModalScreen[str | None]):
    """One line of text, validated as typed."""

    DEFAULT_CSS = (
        "PromptScreen {"
        + DIALOG_CSS
        + """
        & #prompt-error { color: $error; height: auto; }
    }"""
    )
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="name-cancel")]

    def __init__(self, title: str, label: str, value: str, parse: Callable[[str], object]) -> None:
        super().__init__()
        self.title_text = title
        self.label = label
        self.value = value
        self.parse = parse

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.title_text
            yield Static(self.label)
            yield OrderedInput(
                self.value, id="prompt-input", validators=[RuleValidator(self.parse)]
            )
            yield Static(id="prompt-error")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        try:
            self.parse(event.value)
        except RuleError as error:
            self.query_one("#prompt-error", Static).update(Text(clean(f"✖ {error}")))
        else:
            self.query_one("#prompt-error", Static).update("")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        try:
            self.parse(event.value)
        except RuleError as error:
            self.query_one("#prompt-error", Static).update(Text(clean(f"✖ {error}")))
            self.app.bell()
            return
        self.dismiss(event.value.strip())


class ConflictScreen(ModalScreen[str | None]):
    """The plan changed on disk since it was read: reload, overwrite, or save as a copy.

    Dismisses with ``"reload"``, ``"overwrite"``, ``"copy"`` or None (decide later).
    """

    DEFAULT_CSS = (
        "ConflictScreen {"
        + DIALOG_CSS
        + """
        & > Vertical { width: 78; border: thick $error; }
        & Button { min-width: 10; margin-left: 1; }
    }"""
    )
    BINDINGS = [
        Binding("r", "choose('reload')", "Reload", id="conflict-reload"),
        Binding("o", "choose('overwrite')", "Overwrite", id="conflict-overwrite"),
        Binding("c", "choose('copy')", "Save as copy", id="conflict-copy"),
        Binding("escape", "choose(None)", "Later", id="conflict-later"),
    ]

    def __init__(self, path: str, stem: str, gone: bool = False) -> None:
        super().__init__()
        self.path = path
        self.stem = stem
        self.gone = gone

    def body(self) -> Text:
        what = "was deleted or moved" if self.gone else "was changed outside this session"
        text = Text()
        text.append(self.path, style="bold")
        text.append(
            f" {what} (another editor, a git pull, another machine) after socialtui "
            "read it. Your edits are not saved yet and nothing was overwritten.\n\n"
        )
        text.append("r  Reload", style="bold")
        text.append(
            ": open the version on disk. Your edits are kept in the data folder's recovered/, "
            f"{self.stem}.unsaved-DATE-TIME.toml.\n"
        )
        text.append("o  Overwrite", style="bold")
        text.append(
            ": replace the version on disk with yours. Theirs is kept in the backups "
            "(socialtui restore).\n"
        )
        text.append("c  Save as copy", style="bold")
        text.append(
            f": write your version to {self.stem}.copy-DATE-TIME.toml and go on editing "
            "that copy. The file on disk is left as it is.\n"
        )
        text.append("esc  Later", style="bold")
        text.append(": autosave pauses; ctrl+s or quitting asks again.")
        return text

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "The plan changed on disk"
            yield Static(self.body(), id="conflict-body")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Reload (r)", variant="primary", id="reload")
                yield Button("Overwrite (o)", variant="error", id="overwrite")
                yield Button("Save as copy (c)", id="copy")
                yield Button("Later", id="later")

    def on_mount(self) -> None:
        self.query_one("#reload", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id == "later" else event.button.id)

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)
