"""The Goals pane: goals by priority with their progress, and the plan's purpose."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from socialtui.plan.budget import format_number
from socialtui.plan.model import Plan
from socialtui.plan.progress import goal_progress
from socialtui.safe import one_line
from socialtui.tui.text import lit
from socialtui.tui.widgets.pane import Pane, name_cell

PACE_STYLE = {"behind": "yellow", "ahead": "green", "reached": "bold green"}


def pace_word(progress) -> str:
    """The Pace column: no verdict before the evidence allows one (``too_early``)."""
    if progress.reached:
        return "reached"
    if progress.expected is None:
        return "no date"
    if progress.too_early:
        return "too early"
    return progress.pace


def progress_cells(plan: Plan, goal, today: date) -> tuple[Text, Text, Text, Text]:
    """Now/target, percent, pace and projected month: narrow cells for a 60-column pane."""
    target = "?" if goal.target is None else format_number(goal.target)
    progress = goal_progress(plan, goal, today)
    if progress is None:
        dash = Text("—", style="dim")
        return Text(f"—/{target}", style="dim"), dash, dash, dash
    now = Text(f"{format_number(progress.latest)}/{target}")
    percent = Text(f"{progress.percent:.0f}%")
    word = pace_word(progress)
    pace = Text(word, style=PACE_STYLE.get(word, "dim"))
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
    flex = {"Goal": 12}
    in_view = 6  # the progress columns; the rest scroll
    empty_hint = "No goals yet: press a to add one (why are we on social media?)."

    DEFAULT_CSS = """
    GoalsPane #purpose { height: auto; padding: 0 1; color: $text-muted; }
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
                        name_cell(goal.title),
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
