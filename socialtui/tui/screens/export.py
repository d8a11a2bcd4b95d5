"""Export from the planner: pick a format, write ``<data dir>/exports/<plan>.<ext>``.

The documents and the list of formats come from :mod:`socialtui.report`, as
``socialtui export`` makes them. In privacy mode the export is masked and
named ``<plan>.private.<ext>``. The screen only returns the format chosen;
:func:`export_plan` writes the file and says where.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from socialtui import paths
from socialtui.plan.model import Plan
from socialtui.report import FORMATS, export_text
from socialtui.safe import one_line
from socialtui.store.files import ensure_dir, write_atomic

EXPORTS_DIR = paths.EXPORTS


def export_path(data: Path, plan_path: Path, fmt: str, *, private: bool = False) -> Path:
    stem = plan_path.stem + (".private" if private else "")
    return paths.exports_dir(data) / f"{stem}.{FORMATS[fmt].extension}"


def write_export(
    data: Path, plan_path: Path, plan: Plan, fmt: str, today: date, *, private: bool = False
) -> Path:
    """Write the export; the folder is made 0700 and a new file 0600. Raises OSError."""
    target = export_path(data, plan_path, fmt, private=private)
    ensure_dir(target.parent)
    write_atomic(target, export_text(plan, fmt, today, private=private).encode("utf-8"))
    return target


def export_plan(app: App, plan: Plan, *, private: bool) -> None:
    """Ask for a format, write the export of ``plan`` and say where it went."""
    where = f"Written to the data folder's {EXPORTS_DIR}/ folder"
    where += ", masked (privacy mode)." if private else "."

    def done(fmt: str | None) -> None:
        if fmt is None:
            return
        try:
            path = write_export(
                app.data,  # type: ignore[attr-defined]
                app.plan_path,  # type: ignore[attr-defined]
                plan,
                fmt,
                app.today,  # type: ignore[attr-defined]
                private=private,
            )
        except OSError as error:
            app.notify(f"Could not export: {one_line(error)}", severity="error", timeout=10)
            return
        if private:
            app.notify(f"Exported a masked {fmt} copy to {EXPORTS_DIR}/.", timeout=6)
        else:
            app.notify(f"Exported {fmt} to {one_line(path)}", timeout=8)

    app.push_screen(ExportScreen(where), done)


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
            yield OptionList(*(Option(f.label, id=f.name) for f in FORMATS.values()))
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
