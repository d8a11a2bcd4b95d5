"""Export from the planner: pick a format, write ``<data dir>/exports/<plan>.<ext>``.

The documents come from :mod:`socialtui.report` (through
:func:`socialtui.cli_export.export_text`, as ``socialtui export`` makes them).
In privacy mode the export is masked and named ``<plan>.private.<ext>``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from socialtui import store
from socialtui.cli_export import EXTENSIONS, export_text
from socialtui.plan.model import Plan

EXPORTS_DIR = "exports"
CHOICES: tuple[tuple[str, str], ...] = (
    ("markdown", "Markdown — a one-to-two page report for a manager"),
    ("csv", "CSV — the check-in history, for spreadsheets"),
    ("json", "JSON — the whole plan with budget and findings, for tools"),
)


def export_path(data: Path, plan_path: Path, fmt: str, *, private: bool = False) -> Path:
    stem = plan_path.stem + (".private" if private else "")
    return Path(data) / EXPORTS_DIR / f"{stem}.{EXTENSIONS[fmt]}"


def write_export(
    data: Path, plan_path: Path, plan: Plan, fmt: str, today: date, *, private: bool = False
) -> Path:
    """Write the export; the folder is made 0700 and a new file 0600. Raises OSError."""
    target = export_path(data, plan_path, fmt, private=private)
    store.ensure_dir(target.parent)
    store.write_atomic(target, export_text(plan, fmt, today, private=private).encode("utf-8"))
    return target


class ExportScreen(ModalScreen[str | None]):
    """Choose a format with ↑↓ and enter (or m, c, j); escape cancels."""

    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > #export {
        width: 72; max-width: 100%; height: auto;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    ExportScreen #export-where { color: $text-muted; margin-top: 1; }
    ExportScreen OptionList { height: auto; }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("m", "pick('markdown')", "Markdown", show=False),
        Binding("c", "pick('csv')", "CSV", show=False),
        Binding("j", "pick('json')", "JSON", show=False),
    ]

    def __init__(self, where: str) -> None:
        super().__init__()
        self.where = where

    def compose(self) -> ComposeResult:
        with Vertical(id="export") as box:
            box.border_title = "Export the plan"
            box.border_subtitle = "enter exports · escape cancels"
            yield OptionList(*(Option(label, id=fmt) for fmt, label in CHOICES))
            yield Static(self.where, id="export-where")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_pick(self, fmt: str) -> None:
        self.dismiss(fmt)

    def action_cancel(self) -> None:
        self.dismiss(None)
