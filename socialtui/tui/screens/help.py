"""The help screen: every key, from the same command table as the footer and the
README's "Keys" table (:func:`socialtui.tui.commands.help_rows`)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from socialtui.plan.catalog import FACTS
from socialtui.tui.commands import help_rows


def help_table() -> Text:
    rows = [(" / ".join(keys), line) for keys, line in help_rows()]
    width = max(len(keys) for keys, _ in rows) + 2
    text = Text()
    for keys, line in rows:
        text.append(f"{keys:<{width}}", style="bold")
        text.append(f"{line}\n")
    text.rstrip()
    return text


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    """
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll() as box:
            box.border_title = "socialtui — keys"
            box.border_subtitle = "escape closes"
            yield Static(help_table())
            facts = Text("\nGood to know\n", style="bold")
            for fact in FACTS:
                facts.append(f"• {fact}\n", style="")
            yield Static(facts)

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
