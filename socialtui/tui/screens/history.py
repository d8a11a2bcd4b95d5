"""History: the weeks of check-ins, and what they say.

On top, one trend per goal: its metric week by week as a sparkline, with the
pace line (straight from the baseline at the start of tracking to the target on
the deadline) drawn on the same scale beneath it. Below, one row per week,
newest first: per active channel the actual hours against the plan and the
verdict, the total, each goal's value and the note.

The numbers come from :mod:`socialtui.plan.trends`; this module draws them.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from socialtui.plan.budget import channel_minutes, format_minutes, format_number
from socialtui.plan.model import Goal, Plan
from socialtui.plan.progress import goal_progress
from socialtui.plan.trends import SPARK_WEEKS, checkin_weeks, goal_trend, sparkline
from socialtui.safe import one_line
from socialtui.tui.text import lit
from socialtui.tui.widgets.choices import KeyedTable
from socialtui.tui.widgets.footer import CalmFooter

VERDICT_MARK = {
    "working": ("✓", "green"),
    "unsure": ("?", "yellow"),
    "not-working": ("✗", "red"),
}
OVER_RATIO = 1.2


# --- text --------------------------------------------------------------------------------


def trend_text(plan: Plan, goal: Goal, today: date, limit: int = SPARK_WEEKS) -> Text:
    """Two lines: the goal and its progress; the actual sparkline and the pace line."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(one_line(goal.title, 24), style="bold")
    progress = goal_progress(plan, goal, today)
    if progress is None:
        text.append("  no value recorded yet" if goal.target is not None else "  no target")
    else:
        text.append(
            f"  {format_number(progress.latest)} of {format_number(progress.target)}"
            f" · {progress.percent:.0f}%"
        )
        if progress.pace:
            style = {"behind": "yellow", "reached": "green", "ahead": "green"}.get(
                progress.pace, ""
            )
            text.append(" · ")
            text.append(progress.pace, style=style)
            if progress.expected is not None and not progress.reached:
                text.append(f" ({100 * progress.expected:.0f}% by now)")
        if progress.projected is not None and not progress.reached:
            text.append(f" · ETA {progress.projected.isoformat()}")
    trend = goal_trend(plan, goal, limit)
    low, high = trend.scale()
    text.append("\n  actual ", style="dim")
    up = goal.target is None or goal.baseline is None or goal.target >= goal.baseline
    for value, pace, char in zip(
        trend.actual, trend.pace, sparkline(trend.actual, low, high), strict=True
    ):
        style = ""
        if value is not None and pace is not None:
            behind = value < pace if up else value > pace
            style = "yellow" if behind else "green"
        text.append(char, style=style)
    if any(p is not None for p in trend.pace):
        text.append("   pace ", style="dim")
        text.append(sparkline(trend.pace, low, high), style="dim")
    else:
        text.append("   no pace line (needs baseline, target, deadline)", style="dim")
    if goal.metric:
        text.append(f"   {one_line(goal.metric, 30)}", style="dim")
    return text


def hours_cell(actual: float | None, planned: float, verdict: str | None) -> Text:
    """``3.75h +25% ✓``: actual hours, the difference from the plan, the verdict."""
    if actual is None:
        text = Text("—", style="dim")
    else:
        text = Text(f"{format_number(actual)}h")
        if planned > 0:
            diff = round(100 * (actual - planned) / planned)
            style = "bold red" if actual > OVER_RATIO * planned else ""
            if diff:
                text.append(f" {diff:+d}%", style=style)
    if verdict is not None:
        mark, style = VERDICT_MARK.get(verdict, ("·", ""))
        text.append(f" {mark}", style=style)
    return text


# --- the screen ------------------------------------------------------------------------


class HistoryScreen(Screen[None]):
    DEFAULT_CSS = """
    HistoryScreen { layout: vertical; }
    HistoryScreen #history-title { height: 1; background: $panel; padding: 0 1; }
    HistoryScreen #trends {
        height: auto; max-height: 45%; padding: 0 1;
        border: round $primary 40%;
    }
    HistoryScreen #trends-text { height: auto; text-wrap: nowrap; text-overflow: ellipsis; }
    HistoryScreen #weeks { height: 1fr; border: round $primary 40%; }
    HistoryScreen #weeks:focus { border: round $accent; }
    HistoryScreen #history-empty { height: auto; padding: 1 2; color: $text-muted; }
    """

    BINDINGS = [
        Binding("escape,q", "close", "Close", id="history-close"),
        Binding("h", "close", "Close", show=False, id="history"),  # h opened it
    ]

    def __init__(self, plan: Plan, today: date) -> None:
        super().__init__()
        self.plan = plan
        self.today = today

    def compose(self) -> ComposeResult:
        plan = self.plan
        checkins = checkin_weeks(plan)
        title = Text("History ", style="bold")
        title.append(one_line(plan.name, 50), style="bold")
        title.append(f"  {len(checkins)} check-in(s)")
        title.no_wrap = True
        yield Static(title, id="history-title")
        if not checkins:
            yield Static(
                "No check-ins yet: close this (escape) and press c to record this week.",
                id="history-empty",
            )
            yield CalmFooter()
            return
        with VerticalScroll(id="trends") as trends:
            trends.border_title = "Goals: week by week, oldest → newest, against the pace line"
            text = Text(no_wrap=True, overflow="ellipsis")
            for index, goal in enumerate(plan.goals):
                if index:
                    text.append("\n")
                text.append_text(trend_text(plan, goal, self.today))
            if not plan.goals:
                text.append("No goals yet.", style="dim")
            yield Static(text, id="trends-text")
        table: DataTable = KeyedTable(  # j and k move as in every table
            id="weeks", cursor_type="row", zebra_stripes=True, header_height=2
        )
        table.border_title = "Weeks, newest first: actual hours vs plan, verdicts, values"
        yield table
        yield CalmFooter()

    def on_mount(self) -> None:
        if not self.query("#weeks"):
            return
        plan = self.plan
        table = self.query_one("#weeks", DataTable)
        active = plan.active_channels
        planned_total = sum(channel_minutes(c) for c in active) / 60
        table.add_column("Week", key="week")
        for channel in active:
            planned = channel_minutes(channel) / 60
            header = lit(one_line(channel.name, 14))
            header.append(f"\nplan {format_minutes(planned * 60)}", style="dim")
            table.add_column(header, key=f"channel-{channel.id}")
        header = Text("Total")
        header.append(f"\nplan {format_minutes(planned_total * 60)}", style="dim")
        table.add_column(header, key="total")
        for goal in plan.goals:
            header = lit(one_line(goal.title, 12))
            if goal.target is not None:
                header.append(f"\n→ {format_number(goal.target)}", style="dim")
            table.add_column(header, key=f"goal-{goal.id}")
        table.add_column("Note", key="note")
        for checkin in reversed(checkin_weeks(plan)):
            cells: list[Text | str] = [checkin.week]
            for channel in active:
                cells.append(
                    hours_cell(
                        checkin.hours.get(channel.id),
                        channel_minutes(channel) / 60,
                        checkin.verdicts.get(channel.id),
                    )
                )
            recorded = [checkin.hours[c.id] for c in active if c.id in checkin.hours]
            cells.append(
                Text(f"{format_number(sum(recorded))}h") if recorded else Text("—", style="dim")
            )
            for goal in plan.goals:
                value = checkin.metrics.get(goal.id)
                cells.append("—" if value is None else format_number(value))
            cells.append(lit(one_line(checkin.note, 60)))
            table.add_row(*cells, key=checkin.week)
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)
