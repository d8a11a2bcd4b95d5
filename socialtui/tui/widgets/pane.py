"""What the planner's item panes share: a titled table of one kind of item.

Goals (:mod:`.goals`), Audience (:mod:`.audience`) and Channels
(:mod:`.channels`) each show one slice of the plan in a table whose rows are keyed by the
item's id. The screen binds its ``plan`` reactive into every pane; a pane
redraws only when the slice it shows has changed, so a keystroke in the budget
does not rebuild the goals table.

Names get the room: the columns named in ``flex`` (names, descriptions) take
what the pane's width leaves after the other columns, cut with an ellipsis
only when that is too little.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Static

from socialtui.plan.model import Plan
from socialtui.safe import one_line
from socialtui.tui.text import lit
from socialtui.tui.widgets.choices import KeyedTable


class PaneTable(KeyedTable):
    """A row-cursor table; ``j``/``k`` move like the arrows, ``←`` ``→`` show the
    columns that do not fit (no scrollbar: the row it would take is a row more)."""

    DEFAULT_CSS = """
    PaneTable { height: 1fr; scrollbar-size-horizontal: 0; }
    """

    def set_widths(self, widths: dict[int, int]) -> None:
        """Give the columns at these indexes a fixed width (others keep theirs)."""
        changed = False
        for index, width in widths.items():
            column = self.ordered_columns[index]
            if column.auto_width or column.width != width:
                column.auto_width = False
                column.width = width
                changed = True
        if changed:
            # DataTable has no public way to resize a column; these are what its
            # own add_column sets (Textual is pinned exactly).
            self._clear_caches()
            self._require_update_dimensions = True
            self.refresh()


def share(room: int, naturals: list[int], minimums: list[int]) -> list[int]:
    """Widths for columns that want ``naturals`` within ``room``, the first first:
    each takes what it needs while the ones after it keep their minimums."""
    widths = []
    for i, natural in enumerate(naturals):
        later = sum(minimums[i + 1 :])
        widths.append(max(minimums[i], min(natural, room - sum(widths) - later)))
    return widths


def cell_width(cell: object) -> int:
    return cell.cell_len if isinstance(cell, Text) else len(str(cell))


def name_cell(text: object, style: str = "") -> Text:
    """A name for a flex column: one line, cut with an ellipsis by the column."""
    return Text(one_line(text), style=style, no_wrap=True, overflow="ellipsis", end="")


class Pane(Vertical):
    """A titled pane holding a table of the plan's items of one kind."""

    DEFAULT_CSS = """
    Pane { border: round $primary 40%; height: 1fr; }
    Pane:focus-within { border: round $accent; }
    Pane > .pane-empty { color: $text-muted; padding: 0 1; }
    Pane > .pane-hint { color: $text-muted; padding: 0 1; height: auto; }
    """

    kind: ClassVar[str] = ""
    title: ClassVar[str] = ""
    number: ClassVar[int] = 0
    columns: ClassVar[tuple[str, ...]] = ()
    widths: ClassVar[dict[str, int]] = {}
    """Fixed widths for some columns (the others size to their content)."""
    flex: ClassVar[dict[str, int]] = {}
    """Columns that take the room left (label -> the least width they get)."""
    in_view: ClassVar[int] = 0
    """How many leading columns should fit the pane (0: all); the rest scroll."""
    empty_hint: ClassVar[str] = ""

    plan: reactive[Plan | None] = reactive(None, init=False, always_update=True, repaint=False)

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
        yield from self.compose_bottom()

    def compose_top(self) -> ComposeResult:
        yield from ()

    def compose_bottom(self) -> ComposeResult:
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
        self.fit_columns()

    def _update_cells(self, rows: list[tuple[str, tuple]]) -> None:
        """Rewrite only the cells whose content changed (a keystroke changes few)."""
        table = self.table
        columns = list(table.columns.values())
        fixed = {i for i, label in enumerate(self.columns) if label in {**self.widths, **self.flex}}
        for key, cells in rows:
            before = self._shown[key]
            for index, (column, old, new) in enumerate(zip(columns, before, cells, strict=True)):
                if old != new:
                    # A column grows for a wider cell and shrinks only on a rebuild:
                    # a value flickering between widths never asks for a layout.
                    wider = index not in fixed and cell_width(new) > column.content_width
                    table.update_cell(key, column.key, new, update_width=wider)
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

    # -- names get the room ----------------------------------------------------------
    def on_resize(self) -> None:
        self.fit_columns()

    def fit_columns(self) -> None:
        """Give the flex columns what the others leave of the table's width."""
        if not self.flex:
            return
        table = self.table
        width = table.scrollable_content_region.width
        if width <= 0:
            return
        pad = 2 * table.cell_padding
        cells = list(self._shown.values())
        shown = range(self.in_view or len(self.columns))
        naturals = []
        for index, label in enumerate(self.columns):
            widest = max((cell_width(row[index]) for row in cells), default=0)
            naturals.append(self.widths.get(label) or max(len(label), widest))
        flex = [i for i, label in enumerate(self.columns) if label in self.flex]
        others = sum(naturals[i] + pad for i in shown if i not in flex)
        room = width - others - pad * len(flex)
        minimums = [min(self.flex[self.columns[i]], naturals[i]) for i in flex]
        given = share(room, [naturals[i] for i in flex], minimums)
        table.set_widths(dict(zip(flex, given, strict=True)))

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
