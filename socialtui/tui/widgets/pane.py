"""What the planner's item panes share: a titled table of one kind of item.

Goals (:mod:`.goals`), Audience (:mod:`.audience`) and Channels
(:mod:`.channels`) each show one slice of the plan in a table whose rows are keyed by the
item's id. The screen binds its ``plan`` reactive into every pane; a pane
redraws only when the slice it shows has changed, so a keystroke in the budget
does not rebuild the goals table.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import DataTable, Static

from socialtui.plan.model import Plan
from socialtui.safe import one_line
from socialtui.tui.text import lit


class PaneTable(DataTable):
    """A row-cursor table; ``enter`` asks the screen to edit the row."""

    DEFAULT_CSS = """
    PaneTable { height: 1fr; }
    """


class Pane(Vertical):
    """A titled pane holding a table of the plan's items of one kind."""

    DEFAULT_CSS = """
    Pane { border: round $primary 40%; height: 1fr; }
    Pane:focus-within { border: round $accent; }
    Pane > .pane-empty { color: $text-muted; padding: 0 1; }
    """

    kind: ClassVar[str] = ""
    title: ClassVar[str] = ""
    number: ClassVar[int] = 0
    columns: ClassVar[tuple[str, ...]] = ()
    widths: ClassVar[dict[str, int]] = {}
    """Fixed widths for some columns (the others size to their content)."""
    empty_hint: ClassVar[str] = ""

    plan: reactive[Plan | None] = reactive(None, init=False, always_update=True)

    def __init__(self, today: date, **kwargs) -> None:
        super().__init__(**kwargs)
        self.today = today
        self._deps: object = object()
        self._shown: dict[str, tuple] = {}  # row key -> the cells last drawn
        self.border_title = f"{self.number} {self.title}"

    def compose(self) -> ComposeResult:
        yield from self.compose_top()
        table = PaneTable(cursor_type="row", zebra_stripes=False, id=f"{self.kind}-table")
        for label in self.columns:
            # Text, not str: a str label is parsed as markup (and emoji codes).
            table.add_column(Text(label), width=self.widths.get(label))
        yield table
        yield Static(self.empty_hint, classes="pane-empty")

    def compose_top(self) -> ComposeResult:
        yield from ()

    @property
    def table(self) -> PaneTable:
        return self.query_one(PaneTable)

    def deps(self, plan: Plan) -> object:
        raise NotImplementedError

    def rows(self, plan: Plan) -> list[tuple[str, tuple]]:
        raise NotImplementedError

    def watch_plan(self, plan: Plan | None) -> None:
        if plan is None:
            return
        deps = self.deps(plan)
        if deps == self._deps:
            return
        self._deps = deps
        self.redraw(plan)

    def redraw(self, plan: Plan) -> None:
        rows = self.rows(plan)
        if [key for key, _ in rows] == list(self._shown):
            self._update_cells(rows)  # same items in the same order: change cells only
        else:
            self._rebuild(rows)
        self.update_top(plan)

    def _update_cells(self, rows: list[tuple[str, tuple]]) -> None:
        """Rewrite only the cells whose content changed (a keystroke changes few)."""
        table = self.table
        columns = list(table.columns)
        for key, cells in rows:
            before = self._shown[key]
            for column, old, new in zip(columns, before, cells, strict=True):
                if old != new:
                    fixed = self.widths.get(str(table.columns[column].label)) is not None
                    table.update_cell(key, column, new, update_width=not fixed)
            self._shown[key] = cells

    def _rebuild(self, rows: list[tuple[str, tuple]]) -> None:
        table = self.table
        keep = self.current_id()
        row = table.cursor_row
        table.clear()
        for key, cells in rows:
            table.add_row(*cells, key=key)
        self._shown = dict(rows)
        empty = self.query_one(".pane-empty")
        if empty.display != (not rows):
            empty.display = not rows
        if rows:
            keys = [key for key, _ in rows]
            target = keys.index(keep) if keep in keys else min(row, len(rows) - 1)
            table.move_cursor(row=max(0, target), animate=False)

    def update_top(self, plan: Plan) -> None:
        pass

    def current_id(self) -> str | None:
        table = self.table
        if table.row_count == 0:
            return None
        try:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        except Exception:
            return None
        return key.value

    def select_id(self, item_id: str) -> None:
        table = self.table
        try:
            index = table.get_row_index(item_id)
        except Exception:
            return
        table.move_cursor(row=index, animate=False)

    def focus_table(self) -> None:
        # Focus now, not after a refresh: keys typed right behind the pane key
        # (fast typists, pasted key sequences over SSH) must reach this table.
        self.screen.set_focus(self.table)


def names(plan: Plan, ids, lookup) -> Text:
    """The names of the items ``ids`` (those that exist), as one cell."""
    found = [
        one_line(item.name if hasattr(item, "name") else item.title)
        for item in (lookup(i) for i in ids)
        if item is not None
    ]
    return lit(", ".join(found) if found else "—")
