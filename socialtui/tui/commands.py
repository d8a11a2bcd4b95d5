"""Commands as data: one definition gives each action its key, footer label,
help line and command-palette entry.

The help screen and the README's "Keys" table are both :func:`help_rows`
(a test holds the README to it); with the user's keys (``config.toml``
``[keys]``, by each command's stable id: :mod:`socialtui.tui.keys`) where they
differ. The footer shows the commands that apply now
(:meth:`PlannerScreen.footer_keys`), and always save, plans, help and quit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from textual.binding import Binding

from socialtui.tui.keynames import config_name

ESSENTIAL = "essential"
"""Footer: always shown (save, plans, help, quit)."""
CONTEXT = "context"
"""Footer: shown when it applies, as room allows, in the table's order."""


@dataclass(frozen=True, slots=True)
class Command:
    action: str
    keys: str
    label: str
    """The footer's word, and the palette's name."""
    help: str
    """The help screen's line (and the README's), the palette's description."""
    footer: str | None = CONTEXT
    palette: bool = True
    key_display: str | None = None
    # Handled when the key arrives, before it is routed to the focused widget:
    # a command that moves focus or opens a screen takes effect before the next
    # key of a burst is routed. While a text field is focused the screen's
    # check_action says no, and the key goes to the field as text.
    priority: bool = True
    id: str | None = None
    """The stable binding id (``config.toml`` ``[keys]``); by default the label's words."""

    @property
    def binding_id(self) -> str:
        return self.id or "-".join(self.label.lower().split())

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.label,
            show=False,  # the footer is drawn from the commands (widgets/footer.py)
            key_display=self.key_display,
            id=self.binding_id,
            priority=self.priority,
        )

    @property
    def key_names(self) -> list[str]:
        return [KEY_NAMES.get(k, k) for k in self.keys.split(",")]

    def names_for(self, changed: Mapping[str, tuple[str, ...]]) -> list[str]:
        """The key names the help shows: the user's (``changed``) or the defaults."""
        keys = changed.get(self.binding_id)
        return self.key_names if keys is None else [key_name(k) for k in keys]

    def footer_key(self, changed: Mapping[str, tuple[str, ...]]) -> str:
        """The key the footer shows: the first of the user's, or the default's short form."""
        return footer_key(self.binding_id, self.key_display or self.key_names[0], changed)


def footer_key(binding_id: str, default: str, changed: Mapping[str, tuple[str, ...]]) -> str:
    """The footer's key for a command: ``default``, or the first of the user's keys
    (``changed``: config.toml's [keys]) written short, "ctrl+g" as "^g"."""
    keys = changed.get(binding_id)
    if not keys:
        return default
    first = key_name(keys[0])
    return "^" + first.removeprefix("ctrl+") if first.startswith("ctrl+") else first


def key_name(key: str) -> str:
    """A Textual key name as the help writes it: "question_mark" → "?", "shift+up" → "shift+↑"."""
    return KEY_NAMES.get(key) or config_name(key)


KEY_NAMES = {
    "question_mark": "?",
    "shift+up": "shift+↑",
    "shift+down": "shift+↓",
}

PLANNER_COMMANDS: tuple[Command, ...] = (
    Command(
        "focus_pane(1)", "1", "Goals pane", "Goals pane: the purpose and the goals", footer=None
    ),
    Command("focus_pane(2)", "2", "Audience pane", "Audience pane: who it is for", footer=None),
    Command(
        "focus_pane(3)", "3", "Channels pane", "Channels pane: the shortlist, by score", footer=None
    ),
    Command(
        "focus_pane(4)",
        "4",
        "Budget pane",
        "Budget pane: weekly hours, reserve, most active channels, people",
        footer=None,
    ),
    Command(
        "focus_pane(5)",
        "5",
        "Findings",
        "Findings: ↑↓ scroll them (at 80×24: all of them, in the panes' place)",
        footer=None,
        id="findings-pane",
    ),
    Command(
        "add",
        "a",
        "Add",
        "Add a goal, an audience, a channel (from the catalog) or, in Budget, a person",
    ),
    Command(
        "edit",
        "enter",
        "Edit",
        "Edit the selected item; in Budget, open its value (enter keeps, escape restores)",
        key_display="⏎",
        palette=False,
    ),
    Command("delete", "d", "Delete", "Delete the selected item (asks first)"),
    Command(
        "move(-1)",
        "shift+up",
        "Move up",
        "Move the selected goal or audience up: order is priority",
        footer=None,
        key_display="⇧↑",
    ),
    Command(
        "move(1)",
        "shift+down",
        "Move down",
        "Move the selected goal or audience down",
        footer=None,
        key_display="⇧↓",
    ),
    Command("cycle_status", "s", "Status", "Cycle a channel: candidate → active → later → dropped"),
    Command("purpose", "p", "Purpose", "Edit the purpose: who, why, what, what's in it for them"),
    Command("fit", "f", "Fit", "Apply the fit-to-budget proposal (asks first)"),
    Command("expand", "e", "Expand", "Ready to expand: activate the next channel (asks first)"),
    Command("checkin", "c", "Check-in", "This week's check-in: hours, verdicts, metrics, a note"),
    Command("history", "h", "History", "Weeks of check-ins: planned vs actual, metric trends"),
    Command("review", "r", "Review", "A guided review: goals, audiences, channels, budget"),
    Command(
        "week",
        "w",
        "Week",
        "The week, day by day: posts and minutes against a daily limit",
        footer=None,
    ),
    Command(
        "export",
        "x",
        "Export",
        "Export the plan (Markdown, CSV, JSON or iCalendar) to the exports folder",
    ),
    Command("mask", "m", "Mask", "Privacy mode: mask names, notes and descriptions (again: show)"),
    Command(
        "save",
        "ctrl+s",
        "Save",
        "Save now (edits also save a second after the last)",
        footer=ESSENTIAL,
        key_display="^s",
    ),
    Command("undo", "ctrl+z", "Undo", "Undo the last edit", footer=None),
    Command("redo", "ctrl+y", "Redo", "Redo what was undone", footer=None),
    Command(
        "plans",
        "ctrl+o",
        "Plans",
        "Plans: open, create, rename, duplicate, archive",
        footer=ESSENTIAL,
        key_display="^o",
    ),
    Command(
        "help", "question_mark,f1", "Help", "Help: every key", footer=ESSENTIAL, key_display="?"
    ),
)

COMMAND: dict[str, Command] = {command.binding_id: command for command in PLANNER_COMMANDS}
"""The planner's commands by binding id."""

QUIT = Command("quit", "q", "Quit", "Quit (saves first)", footer=ESSENTIAL)
"""The app's own binding (socialtui.tui.app); here for the footer and the help."""

OTHER_KEYS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("q",), "Quit (saves first) when not typing in a field; typing in a form: asks first"),
    (("ctrl+q",), "Quit from anywhere (saves first; typing in a form or check-in: asks first)"),
    (("ctrl+t",), "Take over a plan another session has open (it opened read-only)"),
    (("ctrl+p",), "Command palette: every command, and the themes (your choice is remembered)"),
    (("↑", "↓", "j", "k"), "Move in a list or table (where you can type to filter: ↑ ↓ only)"),
    (("tab", "shift+tab"), "Move between fields and buttons"),
    (("escape",), "Close a dialog or a value being edited (a form with typing asks first)"),
    (("←", "→"), "In a table: the columns further right; in a row of choices: choose"),
    (("space",), "Tick or untick in a list of choices"),
    (("ctrl+j",), "A line break in a text box (notes, the purpose)"),
)


OTHER_KEY_IDS = {
    "q": "quit",
    "ctrl+q": "quit-anywhere",
    "ctrl+t": "take-over",
    "j": "list-down",
    "k": "list-up",
}
"""The keys in OTHER_KEYS that are bindings of their own: their ids."""

DESCRIPTIONS = {
    **{c.binding_id: c.help for c in PLANNER_COMMANDS},
    "quit": "Quit (saves first); not while typing in a field",
    "quit-anywhere": "Quit from anywhere (saves first; typing in a form: asks first)",
    "take-over": "Take over a plan another session has open",
    "list-down": "Move down in a list (as ↓)",
    "list-up": "Move up in a list (as ↑)",
}
"""What ``socialtui keys`` says of a command (others: their place and binding's word)."""


def help_rows(
    changed: Mapping[str, tuple[str, ...]] | None = None,
) -> list[tuple[list[str], str]]:
    """(key names, what it does): the help screen's table and the README's; with
    ``changed`` (id → keys, the user's ``[keys]``), the user's keys where changed."""
    changed = changed or {}
    rows: list[tuple[list[str], str]] = [(c.names_for(changed), c.help) for c in PLANNER_COMMANDS]
    for keys, text in OTHER_KEYS:
        names: list[str] = []
        for key in keys:
            own = changed.get(OTHER_KEY_IDS.get(key, ""))
            names += [key_name(k) for k in own] if own else [key]
        rows.append((names, text))
    return rows


FOOTER_ESSENTIALS: tuple[Command, ...] = (
    *(c for c in PLANNER_COMMANDS if c.footer == ESSENTIAL),
    QUIT,
)


def palette_entries(run: Callable[[str], object]) -> Iterable[tuple[str, str, Callable]]:
    """(name, description, callback) for every planner command the palette offers."""
    for command in PLANNER_COMMANDS:
        if command.palette:
            yield command.label, command.help, lambda action=command.action: run(action)
