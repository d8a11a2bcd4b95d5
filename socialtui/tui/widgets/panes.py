"""The planner's panes: Goals (with the purpose), Audience and Channels.

Each pane shows one slice of the plan in a table whose rows are keyed by the
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

from socialtui.plan.budget import channel_minutes, format_minutes, format_number
from socialtui.plan.fit import audiences_on, best_candidate, cost_if_active, goals_served, score
from socialtui.plan.model import Plan
from socialtui.plan.progress import goal_progress
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


def _names(plan: Plan, ids, lookup) -> Text:
    names = [
        one_line(item.name if hasattr(item, "name") else item.title)
        for item in (lookup(i) for i in ids)
        if item is not None
    ]
    return lit(", ".join(names) if names else "—")


PACE_STYLE = {"behind": "yellow", "ahead": "green", "reached": "bold green"}


def progress_cells(plan: Plan, goal, today: date) -> tuple[Text, Text, Text, Text]:
    """Now/target, percent, pace and projected month: narrow cells for a 60-column pane."""
    target = "?" if goal.target is None else format_number(goal.target)
    progress = goal_progress(plan, goal, today)
    if progress is None:
        dash = Text("—", style="dim")
        return Text(f"—/{target}", style="dim"), dash, dash, dash
    now = Text(f"{format_number(progress.latest)}/{target}")
    percent = Text(f"{progress.percent:.0f}%")
    pace = Text(progress.pace or "no date", style=PACE_STYLE.get(progress.pace, "dim"))
    if progress.reached:
        eta = Text("done", style="green")
    elif progress.projected is None:
        eta = Text("never", style="yellow")
    else:
        late = goal.deadline is not None and progress.projected > goal.deadline
        eta = Text(progress.projected.strftime("%Y-%m"), style="yellow" if late else "")
    return now, percent, pace, eta


class GoalsPane(Pane):
    """Goals by priority; the first six columns (progress) fit a 60-column pane."""

    kind = "goal"
    title = "Goals"
    number = 1
    columns = (
        "#",
        "Goal",
        "Now/tgt",
        "%",
        "Pace",
        "ETA",
        "By",
        "Baseline",
        "Metric",
        "H/F",
        "Channels",
    )
    widths = {"Goal": 16}
    empty_hint = "No goals yet: press a to add one (why are we on social media?)."

    DEFAULT_CSS = """
    GoalsPane #purpose { height: auto; max-height: 5; padding: 0 1; color: $text-muted; }
    """

    def compose_top(self) -> ComposeResult:
        yield Static(id="purpose")

    def deps(self, plan: Plan) -> object:
        return (plan.purpose, plan.goals, plan.channels, plan.checkins)

    def update_top(self, plan: Plan) -> None:
        p = plan.purpose
        text = Text()
        for label, value in (
            ("Who", p.who),
            ("Why", p.why),
            ("What", p.what),
            ("For them", p.them),
        ):
            text.append(f"{label}: ", style="bold")
            text.append(one_line(value) if value else "— (p to edit the purpose)")
            text.append("\n")
        text.rstrip()
        self.query_one("#purpose", Static).update(text)

    def rows(self, plan: Plan) -> list[tuple[str, tuple]]:
        rows = []
        active = plan.active_channels
        for rank, goal in enumerate(plan.goals, start=1):
            hf = f"{goal.horizon or '?'}/{goal.focus or '?'}"
            serving = [one_line(c.name) for c in active if goal.id in c.goals]
            rows.append(
                (
                    goal.id,
                    (
                        str(rank),
                        lit(one_line(goal.title, 40)),
                        *progress_cells(plan, goal, self.today),
                        goal.deadline.isoformat() if goal.deadline else "—",
                        "—" if goal.baseline is None else format_number(goal.baseline),
                        lit(one_line(goal.metric, 30) or "—"),
                        hf,
                        lit(", ".join(serving) or "none active"),
                    ),
                )
            )
        return rows


class AudiencePane(Pane):
    kind = "audience"
    title = "Audience"
    number = 2
    columns = ("#", "Audience", "Wants", "Where they are", "Reached by")
    empty_hint = "No audience yet: press a to add one (for whom?)."

    def deps(self, plan: Plan) -> object:
        return (plan.audiences, tuple((c.id, c.name, c.status) for c in plan.channels))

    def rows(self, plan: Plan) -> list[tuple[str, tuple]]:
        active = {c.id: c for c in plan.active_channels}
        rows = []
        for rank, audience in enumerate(plan.audiences, start=1):
            reached = [one_line(active[c].name) for c in audience.channels if c in active]
            rows.append(
                (
                    audience.id,
                    (
                        str(rank),
                        lit(one_line(audience.name, 30)),
                        lit(one_line(audience.wants, 40) or "—"),
                        lit(", ".join(one_line(c) for c in audience.channels) or "—"),
                        Text(", ".join(reached), style="")
                        if reached
                        else Text("not reached", style="yellow"),
                    ),
                )
            )
        return rows


STATUS_MARK = {
    "active": "● active",
    "candidate": "○ candidate",
    "later": "◌ later",
    "dropped": "✕ dropped",
}


class ChannelsPane(Pane):
    kind = "channel"
    title = "Channels"
    number = 3
    columns = ("Channel", "Status", "Cadence", "h/week", "Score", "Goals", "Aud.", "If active")
    empty_hint = "No channels yet: press a to add one from the catalog."

    def __init__(self, today: date, **kwargs) -> None:
        super().__init__(today, **kwargs)
        self._static_key: tuple | None = None
        self._static: list[tuple] = []

    def deps(self, plan: Plan) -> object:
        return (plan.channels, plan.goals, plan.audiences, plan.budget)

    def rows(self, plan: Plan) -> list[tuple[str, tuple]]:
        # Everything but the last column depends on channels, goals and audiences
        # only; a keystroke in the budget keeps those very tuples, so reuse them.
        key = (plan.channels, plan.goals, plan.audiences)
        old = self._static_key
        if old is None or any(a is not b for a, b in zip(key, old, strict=True)):
            self._static_key = key
            self._static = self._static_cells(plan)
        rows = []
        for channel, cells in zip(plan.channels, self._static, strict=True):
            if channel.status == "active":
                fit = Text("")
            else:
                cost, fits = cost_if_active(plan, channel)
                fit = Text(
                    f"+{format_minutes(cost)} {'fits' if fits else 'OVER'}",
                    style="green" if fits else "red",
                )
            rows.append((channel.id, (*cells, fit)))
        return rows

    def _static_cells(self, plan: Plan) -> list[tuple]:
        best = best_candidate(plan)
        cells = []
        for channel in plan.channels:
            minutes = channel_minutes(channel)
            sc = score(plan, channel)
            score_text = "∞" if sc == float("inf") else f"{sc:.2f}"
            name = lit(one_line(channel.name, 24))
            if best is not None and channel.id == best.id:
                name.append(" ▸next", style="bold")
            cadence = (
                f"{format_number(channel.posts_per_week)}×"
                f"{format_number(channel.minutes_per_post)}m"
                f" +{format_number(channel.engage_minutes_per_week)}m"
            )
            cells.append(
                (
                    name,
                    STATUS_MARK.get(channel.status, channel.status),
                    cadence,
                    format_minutes(minutes),
                    score_text,
                    str(goals_served(plan, channel)),
                    str(audiences_on(plan, channel)),
                )
            )
        return cells
