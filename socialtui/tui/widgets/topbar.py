"""The planner's top line and the pane strip shown when only one pane fits."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static


class TopBar(Static):
    DEFAULT_CSS = """
    TopBar { height: 1; background: $panel; padding: 0 1; }
    """


class PaneTabs(Static):
    """The pane strip shown when only one pane fits (80x24)."""

    DEFAULT_CSS = """
    PaneTabs { height: 1; padding: 0 1; display: none; }
    """

    current: reactive[int] = reactive(1)

    def render(self) -> Text:
        text = Text()
        tabs = ((1, "Goals"), (2, "Audience"), (3, "Channels"), (4, "Budget"), (5, "Findings"))
        for number, label in tabs:
            style = "bold reverse" if number == self.current else "dim"
            text.append(f" {number} {label} ", style=style)
            text.append(" ")
        return text
