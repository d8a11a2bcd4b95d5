"""The interview on its own, before any plan exists: ``socialtui new NAME`` in a
terminal, and a first start with no plans (which offers it next to the starter).

:class:`InterviewApp` returns what the user chose: the finished
:class:`~socialtui.plan.model.Plan`, :data:`STARTER` (a first start, the
starter chosen), or None (nothing to create). The caller writes the file and
opens the planner on it (:func:`socialtui.tui.run.run_app`).
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from socialtui.safe import clean
from socialtui.store import config
from socialtui.tui.keys import UserKeys
from socialtui.tui.screens.dialogs import ask_discard
from socialtui.tui.screens.interview import InterviewScreen
from socialtui.tui.widgets.choices import KeyedOptionList

STARTER = "starter"
INTERVIEW = "interview"
BLANK = "blank"

INTERVIEW_CHOICE = (
    INTERVIEW,
    "The POST interview: your own plan in four short steps (about five minutes)",
)
STARTER_CHOICE = (STARTER, "The starter plan: a worked example for a small studio, to adapt")
BLANK_CHOICE = (BLANK, "A blank plan: a name and a budget, nothing else")
WELCOME = (INTERVIEW_CHOICE, STARTER_CHOICE)
"""What a first start offers."""
NEW = (INTERVIEW_CHOICE, STARTER_CHOICE, BLANK_CHOICE)
"""What the picker's ``n`` offers."""
WELCOME_TEXT = "There is no plan yet. How would you like to start?"
KEYS_TEXT = "↑ ↓ choose · enter starts · escape leaves, creating nothing"


class StartScreen(ModalScreen[str | None]):
    """How to start a new plan: the interview first; escape creates nothing."""

    DEFAULT_CSS = """
    StartScreen { align: center middle; }
    StartScreen > Vertical {
        width: 84; max-width: 100%; height: auto; border: thick $accent;
        background: $surface; padding: 0 1;
    }
    StartScreen Static { height: auto; margin-bottom: 1; }
    StartScreen OptionList { height: auto; }
    """
    BINDINGS = [Binding("escape", "leave", "Leave", id="start-leave")]

    def __init__(self, title: str, text: str, choices: tuple[tuple[str, str], ...]) -> None:
        super().__init__()
        self.heading, self.text, self.choices = title, text, choices

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.heading
            yield Static(Text(f"{self.text} ({KEYS_TEXT})"))
            yield KeyedOptionList(*(Option(Text(label), id=value) for value, label in self.choices))

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_leave(self) -> None:
        self.dismiss(None)


class InterviewApp(App[object]):
    """The interview (after the welcome's choice when ``welcome``)."""

    TITLE = "socialtui"
    BINDINGS = [Binding("ctrl+q", "leave", "Quit", show=False, priority=True, id="quit-anywhere")]

    def __init__(
        self, name: str, today: date, *, welcome: bool = False, keys: UserKeys | None = None
    ) -> None:
        super().__init__()
        self.keys = keys
        self.plan_name = name
        self.today = today
        self.welcome = welcome

    def on_load(self) -> None:
        theme = config.load_settings().get("theme")
        if theme and theme in self.available_themes:
            self.theme = theme

    def on_mount(self) -> None:
        self.apply_user_keys()
        if self.welcome:
            welcome = StartScreen("Welcome to socialtui", WELCOME_TEXT, WELCOME)
            self.push_screen(welcome, self._welcomed)
        else:
            self.interview()

    def apply_user_keys(self) -> None:
        """The user's keys (``keys``: a checked ``[keys]``, see :mod:`socialtui.tui.keys`);
        what was refused is said once, in one line."""
        if self.keys is None:
            return
        self.set_keymap(self.keys.keymap)
        problem = self.keys.summary()
        if problem:
            self.notify(clean(problem), severity="warning", timeout=12, markup=False)

    def interview(self) -> None:
        self.push_screen(InterviewScreen(self.plan_name, self.today), self.exit)

    def _welcomed(self, choice: str | None) -> None:
        if choice == INTERVIEW:
            self.interview()
        else:
            self.exit(choice)

    def action_leave(self) -> None:
        if not ask_discard(self, lambda: self.exit(None)):
            self.exit(None)
