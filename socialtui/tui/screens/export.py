"""Export from the planner: pick a format, write ``<data dir>/exports/<plan>-<date>.<ext>``.

The documents and the list of formats come from :mod:`socialtui.report`, as
``socialtui export`` makes them. The file is named after the plan's file and
the day (``bakery-2026-11-22.md``); in privacy mode the export is masked and
named ``<plan>.private-<date>.<ext>``. An export never replaces another: a
second one the same day is ``bakery-2026-11-22-2.md``. The screen only returns
the format chosen; :func:`export_plan` writes the file and says where (the
name cleaned, never parsed as markup).
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
from socialtui.store.folder import create_new

EXPORTS_DIR = paths.EXPORTS


def export_path(
    data: Path, plan_path: Path, fmt: str, today: date, *, private: bool = False
) -> Path:
    """Where an export of the plan at ``plan_path`` made ``today`` goes, if the name is free."""
    stem = plan_path.stem + (".private" if private else "")
    return paths.exports_dir(data) / f"{stem}-{today.isoformat()}.{FORMATS[fmt].extension}"


def write_export(
    data: Path, plan_path: Path, plan: Plan, fmt: str, today: date, *, private: bool = False
) -> Path:
    """Write the export as a new file (``-2``, ``-3`` ... when the name is taken: never
    over another); the folder is made 0700 and the file 0600. Returns where it
    went. Raises OSError."""
    target = export_path(data, plan_path, fmt, today, private=private)
    return create_new(target, export_text(plan, fmt, today, private=private).encode("utf-8"))


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
            reason = error.strerror or str(error)
            where = error.filename or paths.exports_dir(app.data)  # type: ignore[attr-defined]
            message = f"Could not export: {one_line(where)}: {one_line(reason)}"
            app.notify(message, severity="error", timeout=10, markup=False)
            return
        if private:
            app.notify(f"Exported a masked {fmt} copy to {EXPORTS_DIR}/.", timeout=6, markup=False)
        else:
            app.notify(f"Exported {fmt} to {one_line(path)}", timeout=8, markup=False)

    app.push_screen(ExportScreen(where), done)


class ExportScreen(ModalScreen[str | None]):
    """Choose a format with ↑↓ and enter (or m, c, j, i); escape cancels."""

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
        Binding("escape", "cancel", "Cancel", id="export-cancel"),
        Binding("m", "pick('markdown')", "Markdown", show=False, id="export-markdown"),
        Binding("c", "pick('csv')", "CSV", show=False, id="export-csv"),
        Binding("j", "pick('json')", "JSON", show=False, id="export-json"),
        Binding("i", "pick('ics')", "iCalendar", show=False, id="export-ics"),
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
