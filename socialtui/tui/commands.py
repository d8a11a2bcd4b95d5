"""Commands as data: one definition gives each action its key, footer label,
help line and command-palette entry."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True, slots=True)
class Command:
    action: str
    keys: str
    label: str
    help: str
    show: bool = True
    palette: bool = True
    key_display: str | None = None
    # Handled when the key arrives, before it reaches the focused widget: keys
    # that move focus must take effect before the next key is routed.
    priority: bool = False

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.label,
            show=self.show,
            key_display=self.key_display,
            id=self.action,
            priority=self.priority,
        )


PLANNER_COMMANDS: tuple[Command, ...] = (
    Command(
        "focus_pane(1)",
        "1",
        "Goals",
        "Focus the Goals pane (purpose and goals)",
        show=False,
        priority=True,
    ),
    Command("focus_pane(2)", "2", "Audience", "Focus the Audience pane", show=False, priority=True),
    Command(
        "focus_pane(3)",
        "3",
        "Channels",
        "Focus the Channels pane (the shortlist)",
        show=False,
        priority=True,
    ),
    Command(
        "focus_pane(4)",
        "4",
        "Budget",
        "Focus the Budget pane: weekly hours first",
        show=False,
        priority=True,
    ),
    Command("add", "a", "Add", "Add a goal, an audience or a channel (from the catalog)"),
    Command("edit", "enter", "Edit", "Edit the selected item", show=True, palette=False),
    Command("delete", "d", "Delete", "Delete the selected item (asks first)"),
    Command(
        "move(-1)",
        "shift+up",
        "Up",
        "Move the selected item up: order is priority",
        show=False,
        key_display="⇧↑",
    ),
    Command(
        "move(1)",
        "shift+down",
        "Down",
        "Move the selected item down",
        show=False,
        key_display="⇧↓",
    ),
    Command("cycle_status", "s", "Status", "Cycle a channel: candidate → active → later → dropped"),
    Command("purpose", "p", "Purpose", "Edit the purpose: who, why, what, what's in it for them"),
    Command("checkin", "c", "Check-in", "This week's check-in: hours, verdicts, metrics, a note"),
    Command("history", "h", "History", "Weeks of check-ins: planned vs actual, metric trends"),
    Command("review", "r", "Review", "A guided review: goals, audiences, channels, budget"),
    Command("fit", "f", "Fit", "Apply the fit-to-budget proposal (asks first)"),
    Command(
        "expand",
        "e",
        "Expand",
        "Ready to expand: activate the proposed next channel (asks first)",
    ),
    Command(
        "export",
        "x",
        "Export",
        "Export the plan: Markdown, CSV or JSON, to the exports folder",
        show=False,
    ),
    Command(
        "mask",
        "m",
        "Mask",
        "Privacy mode: mask names, notes and descriptions (m again: show)",
        show=False,
    ),
    Command("help", "question_mark,f1", "Help", "Show every key", key_display="?"),
    Command("save", "ctrl+s", "Save", "Save now (changes also save a second after you stop)"),
    Command("undo", "ctrl+z", "Undo", "Undo the last edit", show=False),
    Command("redo", "ctrl+y", "Redo", "Redo what was undone", show=False),
    Command("plans", "ctrl+o", "Plans", "Open, create, rename or duplicate plans"),
)

OTHER_KEYS: tuple[tuple[str, str], ...] = (
    ("ctrl+p", "Command palette: every command, plus themes"),
    ("tab / shift+tab", "Move between fields and panes"),
    ("↑ ↓", "Move in a list"),
    ("escape", "Leave a field; close a dialog"),
    ("q", "Quit (saves first) when not typing in a field"),
    ("ctrl+q", "Quit from anywhere (saves first)"),
    ("ctrl+t", "Take over a plan that is open read-only in another session"),
)
