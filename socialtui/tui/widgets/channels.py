"""The Channels pane: every channel with its status, cost and what it serves."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from socialtui.plan.budget import channel_minutes, format_minutes, format_number
from socialtui.plan.fit import audiences_on, best_candidate, cost_if_active, goals_served, score
from socialtui.plan.model import Plan
from socialtui.safe import one_line
from socialtui.tui.text import lit
from socialtui.tui.widgets.pane import Pane

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
