"""The help screen: every key, from the same command table as the footer and the
README's "Keys" table (:func:`socialtui.tui.commands.help_rows`)."""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from socialtui.plan.catalog import FACTS
from socialtui.tui.commands import help_rows


def help_table(changed: Mapping[str, tuple[str, ...]] | None = None) -> Table:
    """Every key and what it does, a row each; long lines wrap under their text.
    ``changed``: the user's keys (config.toml ``[keys]``) where they differ."""
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
    table.add_column("keys", style="bold", no_wrap=True)
    table.add_column("what it does", ratio=1)
    for keys, line in help_rows(changed):
        table.add_row(Text(" / ".join(keys)), Text(line))
    return table


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    """
    BINDINGS = [
        Binding("escape,q", "dismiss", "Close", id="help-close"),
        Binding("question_mark,f1", "dismiss", "Close", show=False, id="help"),  # as it opened
        Binding("j", "scroll(1)", "Down", show=False, id="list-down"),
        Binding("k", "scroll(-1)", "Up", show=False, id="list-up"),
        Binding("down", "scroll(1)", "Down", show=False, id="help-down"),
        Binding("up", "scroll(-1)", "Up", show=False, id="help-up"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll() as box:
            box.border_title = "socialtui — keys"
            box.border_subtitle = "escape closes"
            yield Static(help_table(getattr(self.app, "user_keys", None)))
            facts = Text("\nGood to know\n", style="bold")
            for fact in FACTS:
                facts.append(f"• {fact}\n", style="")
            yield Static(facts)

    def action_scroll(self, lines: int) -> None:
        self.query_one(VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
