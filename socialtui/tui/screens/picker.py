"""The plan picker: list, open, create, rename, duplicate and archive plans.

One row per plan of the plans folder (archived plans and copies of edits are
not plans here), plus the open plan when it lives elsewhere. Everything shown
comes from files and is cleaned (:func:`socialtui.safe.clean`): a file name
holding escape sequences shows them as visible text, never as a new terminal
title or colour. A plan that cannot be read (broken, or another user's 0600
file) is listed as unreadable with the reason; it can still be archived.

Every change goes through the session (:class:`socialtui.session.Session`):
renaming the open plan is a planner edit saved like any other; renaming another
plan and archiving one hold its lock (refused while another session has it
open), and a save backs up and checks for changes on disk first. New plans and
duplicates are new files that never replace one
(:func:`socialtui.store.folder.create_plan`). After each, the cursor stays on
the row created, renamed, or where the archived one was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from socialtui import paths, store
from socialtui.plan.budget import format_minutes, summarize
from socialtui.plan.findings import check, worst
from socialtui.plan.model import Plan
from socialtui.plan.rules import parse_name
from socialtui.safe import clean
from socialtui.session import ChangedOnDisk, LockLost, PlanHeld
from socialtui.store import folder
from socialtui.tui.screens.dialogs import ConfirmScreen, PromptScreen
from socialtui.tui.widgets.footer import CalmFooter

STATE_STYLE = {"error": "red", "warning": "yellow", "ok": "green"}
START_TEXT = "How would you like to start?"
BUDGET_CELLS = 17  # "12h 30m / 13h 36m"
CHANGED_CELLS = 10  # "2026-11-22"
PROBLEMS = (store.PlanError, OSError, UnicodeError)


@dataclass(frozen=True)
class Row:
    """One plan as the picker lists it; ``problem`` set when it cannot be read."""

    path: Path
    name: str = ""
    changed: str = "?"
    budget: str = ""
    state: str = ""
    problem: str | None = None


def read_row(path: Path, today: dt.date) -> Row:
    """The row for the plan at ``path``: never raises (an unreadable plan says why)."""
    try:
        changed = dt.datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d")
    except OSError:
        changed = "?"
    try:
        loaded = store.load(path)
    except PROBLEMS as error:
        reason = getattr(error, "reason", None) or getattr(error, "strerror", None) or str(error)
        line = getattr(error, "line", None)
        where = f"line {line}: " if line is not None else ""
        return Row(path, changed=changed, problem=f"{where}{reason}")
    summary = summarize(loaded.plan)
    budget = f"{format_minutes(summary.committed)} / {format_minutes(summary.capacity)}"
    state = worst(check(loaded.plan, today)) or "ok"
    return Row(path, loaded.plan.name, changed, budget, state)


def fit(text: str, cells: int) -> str:
    """``text`` cleaned and padded or cut (with an ellipsis) to exactly ``cells`` cells."""
    text = clean(text)
    if cell_len(text) > cells:
        text = set_cell_size(text, max(0, cells - 1)).rstrip() + "…"
    return text + " " * (cells - cell_len(text))


@dataclass(frozen=True)
class Columns:
    """How wide the name and file columns are, and whether the date shows."""

    name: int
    file: int
    changed: bool
    budget: int = BUDGET_CELLS

    @classmethod
    def fitting(cls, rows: list[Row], room: int) -> Columns:
        """Columns for ``rows`` in ``room`` cells: the names as wide as the widest
        needs, up to what leaves the file names their width (at least 3/5 of the
        space the two share)."""
        changed = room >= 80  # narrow screens leave the date out
        budget = max((cell_len(r.budget) for r in rows), default=0) or BUDGET_CELLS
        fixed = 2 + 2 + 2 + budget + 2 + 7 + ((CHANGED_CELLS + 2) if changed else 0)
        flexible = max(16, room - fixed)
        names = max((cell_len(clean(r.name or r.path.name)) for r in rows), default=8)
        files = max((cell_len(clean(r.path.name)) for r in rows), default=8)
        name = min(max(8, names), max(flexible - files, flexible * 3 // 5))
        return cls(name, flexible - name, changed, budget)


def label(row: Row, columns: Columns, current: bool) -> Text:
    """The row as one line: mark, name, file, changed, budget, state."""
    changed, name_cells, file_cells = columns.changed, columns.name, columns.file
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append("▶ " if current else "  ")
    if row.problem is not None:
        text.append(fit(row.path.name, name_cells), style="bold")
        text.append("  ")
        text.append(f"unreadable: {clean(row.problem)}", style="red")
        return text
    text.append(fit(row.name, name_cells), style="bold")
    text.append("  " + fit(row.path.name, file_cells) + "  ")
    if changed:
        text.append(fit(row.changed, CHANGED_CELLS) + "  ")
    text.append(fit(row.budget, columns.budget) + "  ")
    text.append(row.state, style=STATE_STYLE.get(row.state, ""))
    return text


class PlanPicker(ModalScreen[Path | None]):
    DEFAULT_CSS = """
    PlanPicker { align: center middle; }
    PlanPicker > Vertical {
        width: 100; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    PlanPicker OptionList { height: auto; max-height: 20; }
    PlanPicker #picker-help { color: $text-muted; height: auto; }
    """
    BINDINGS = [
        Binding("escape", "close", "Close", id="plans-close"),
        Binding("n", "new", "New", id="plans-new"),
        Binding("r", "rename", "Rename", id="plans-rename"),
        Binding("c", "duplicate", "Duplicate", id="plans-duplicate"),
        Binding("d", "archive", "Archive", id="plans-archive"),
    ]

    def __init__(self, data: Path, current: Path) -> None:
        super().__init__()
        self.data = data
        self.current = current
        self.rows: list[Row] = []

    @property
    def paths(self) -> list[Path]:
        return [row.path for row in self.rows]

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Plans"
            yield OptionList(id="plans")
            yield Static(
                "enter open · n new · r rename · c duplicate · d archive · escape close",
                id="picker-help",
            )
        yield CalmFooter()

    def on_mount(self) -> None:
        self.refresh_list()
        self.query_one(OptionList).focus()

    def say(self, message: str, severity: str = "information", timeout: float = 8) -> None:
        """A toast with ``message`` shown literally (file and plan names in it are cleaned)."""
        self.app.notify(clean(message), severity=severity, timeout=timeout, markup=False)  # type: ignore[arg-type]

    # -- the list ---------------------------------------------------------------------
    def refresh_list(self, select: Path | None = None, index: int | None = None) -> None:
        """Read the plans again; the cursor goes to ``select`` (a path), else to row
        ``index`` (clamped), else to the open plan."""
        listed = store.list_plans(self.data)
        found = [p for p in listed if _same(p, self.current)]
        if not found and self.current.exists():
            listed.insert(0, self.current)
        current = found[0] if found else self.current
        today = self.app.today  # type: ignore[attr-defined]
        self.rows = [read_row(path, today) for path in listed]
        room = max(40, min(100, self.app.size.width) - 8)
        columns = Columns.fitting(self.rows, room)
        option_list = self.query_one(OptionList)
        option_list.clear_options()
        option_list.add_options(
            Option(label(row, columns, row.path == current), id=str(row.path)) for row in self.rows
        )
        target = next((i for i, p in enumerate(self.paths) if _same(p, select)), None)
        if target is None and index is not None and self.rows:
            target = max(0, min(index, len(self.rows) - 1))
        if target is None:
            target = next((i for i, p in enumerate(self.paths) if p == current), None)
        if target is not None:
            option_list.highlighted = target
            self.call_after_refresh(option_list.scroll_to_highlight)

    def selected(self) -> Path | None:
        option_list = self.query_one(OptionList)
        if option_list.highlighted is None or not self.rows:
            return None
        return self.rows[option_list.highlighted].path

    def selected_row(self) -> Row | None:
        option_list = self.query_one(OptionList)
        if option_list.highlighted is None or not self.rows:
            return None
        return self.rows[option_list.highlighted]

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(Path(event.option.id or ""))

    def action_close(self) -> None:
        self.dismiss(None)

    # -- names ------------------------------------------------------------------------
    def name_taken(self, name: str, path: Path | None = None) -> bool:
        """True (and says so) when a plan other than ``path`` is called ``name``."""
        others = [p for p in folder.named(name, self.data) if not _same(p, path)]
        if others:
            self.say(
                f"A plan called {name!r} already exists ({others[0].name}); choose another name.",
                severity="warning",
            )
        return bool(others)

    def ask_name(self, title: str, prompt: str, value: str, then: Callable[[str], None]) -> None:
        """Ask for a name, prefilled with ``value`` as it can be shown: cleaned, since a
        field draws what it holds. Submitted as shown, the answer is ``value`` itself,
        so that display hygiene never becomes the plan's name."""
        shown = clean(value)

        def done(name: str | None) -> None:
            if name:
                then(value if name == shown else name)

        self.app.push_screen(PromptScreen(title, prompt, shown, parse_name), done)

    def load(self, path: Path, doing: str) -> store.LoadedPlan | None:
        try:
            return store.load(path)
        except PROBLEMS as error:
            self.say(f"Could not {doing}: {error_text(path, error)}", severity="error")
            return None

    # -- the actions ------------------------------------------------------------------
    def action_new(self) -> None:
        """A name, then how to start: the POST interview first, the starter, or blank."""
        from socialtui.tui.screens import interview_app as start

        def create(name: str) -> None:
            if not self.name_taken(name):
                title = f"New plan: {clean(name)}"
                self.app.push_screen(start.StartScreen(title, START_TEXT, start.NEW), begin(name))

        def begin(name: str) -> Callable[[str | None], None]:
            def chosen(choice: str | None) -> None:
                from socialtui.store import starter

                today = self.app.today  # type: ignore[attr-defined]
                if choice == start.INTERVIEW:
                    self.app.push_screen(start.InterviewScreen(name, today), interviewed)
                elif choice == start.STARTER:
                    self.write_new(name, lambda: starter.starter_text(today, name=name))
                elif choice == start.BLANK:
                    self.write_new(name, lambda: starter.blank_text(name, today))

            return chosen

        def interviewed(plan: Plan | None) -> None:
            from socialtui.store.starter import interview_text

            if plan is not None:
                self.write_new(plan.name, lambda: interview_text(plan), open_it=True)

        self.ask_name("New plan", "Name of the new plan:", "", create)

    def write_new(self, name: str, text: Callable[[], str], open_it: bool = False) -> None:
        """Create the plan called ``name``: opened in the planner (with its findings)
        when ``open_it``, else selected here."""
        try:
            path = folder.create_plan(self.data, name, text())
        except PROBLEMS as error:
            self.say(f"Could not create the plan: {error_text(None, error)}", "error")
            return
        self.say(f"Created {path.name} in {path.parent}")
        if open_it:
            self.dismiss(path)
        else:
            self.refresh_list(select=path)

    def action_rename(self) -> None:
        path = self.selected()
        loaded = self.load(path, "rename") if path is not None else None
        if path is None or loaded is None:
            return

        def rename(name: str) -> None:
            if name == loaded.plan.name or self.name_taken(name, path):
                return
            try:
                self.save_name(path, name)
            except PlanHeld as error:
                self.say(
                    f"Could not rename: {path.name} is open in another session "
                    f"({error.holder.describe()})",
                    severity="error",
                )
                return
            except (ChangedOnDisk, LockLost, *PROBLEMS) as error:
                self.say(f"Could not rename: {error_text(path, error)}", severity="error")
                return
            self.refresh_list(select=path)

        self.ask_name(
            "Rename plan", "New name (the file keeps its name):", loaded.plan.name, rename
        )

    def save_name(self, path: Path, name: str) -> None:
        """Rename the plan at ``path`` through the session, as every save."""
        app = self.app
        if app.loaded.path == path:  # type: ignore[attr-defined]  # the open plan: an edit
            planner = app.planner  # type: ignore[attr-defined]
            planner.apply(replace(planner.plan, name=name))
            app.save_sync()  # type: ignore[attr-defined]
            return
        with app.session.editing(path) as held:  # type: ignore[attr-defined]
            held.load()
            held.save(replace(held.loaded.plan, name=name))

    def action_duplicate(self) -> None:
        path = self.selected()
        loaded = self.load(path, "duplicate") if path is not None else None
        if path is None or loaded is None:
            return

        def duplicate(name: str) -> None:
            if self.name_taken(name):
                return
            try:
                text = store.edited_text(loaded, replace(loaded.plan, name=name))
                copy = folder.create_plan(self.data, name, text)
            except PROBLEMS as error:
                self.say(f"Could not duplicate: {error_text(path, error)}", severity="error")
                return
            self.say(f"Duplicated {path.name} to {copy.name}")
            self.refresh_list(select=copy)

        self.ask_name(
            "Duplicate plan", "Name of the copy:", f"{loaded.plan.name} (copy)", duplicate
        )

    def action_archive(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        if _same(row.path, self.app.loaded.path):  # type: ignore[attr-defined]
            self.say(
                "This plan is open: open another plan first, then archive this one.",
                severity="warning",
            )
            return
        index = self.query_one(OptionList).highlighted
        what = f"'{clean(row.name)}' ({clean(row.path.name)})" if row.name else clean(row.path.name)
        body = Text(
            f"Move {what} to the archive? Nothing is deleted: it leaves this list, and "
            f"'socialtui unarchive {clean(row.path.stem)}' brings it back."
        )

        def archive(yes: bool | None) -> None:
            if not yes:
                return
            try:
                with self.app.session.editing(row.path):  # type: ignore[attr-defined]
                    target = folder.move_into(row.path, paths.archive_dir(self.data))
            except PlanHeld as error:
                self.say(
                    f"Not archived: {row.path.name} is open in another session "
                    f"({error.holder.describe()})",
                    severity="error",
                )
                return
            except OSError as error:
                self.say(f"Could not archive: {error_text(row.path, error)}", severity="error")
                return
            self.say(f"Archived {row.path.name} to {target.parent}")
            self.refresh_list(index=index)

        self.app.push_screen(ConfirmScreen("Archive plan", body, "Archive"), archive)


def _same(a: Path | None, b: Path | None) -> bool:
    """The same file (by path, or by the file it is)."""
    if a is None or b is None:
        return False
    if a == b:
        return True
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def error_text(path: Path | None, error: BaseException) -> str:
    """What went wrong, on one line, naming the file (never a descriptor or None)."""
    reason = getattr(error, "reason", None) or getattr(error, "strerror", None) or str(error)
    where = getattr(error, "filename", None) or getattr(error, "path", None) or path
    line = getattr(error, "line", None)
    if where is None:
        return str(reason)
    position = f":{line}:{getattr(error, 'column', 1)}" if line is not None else ""
    return f"{Path(where).name}{position}: {reason}"
