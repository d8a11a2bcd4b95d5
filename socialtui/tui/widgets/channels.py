"""The Channels pane: every channel with its status, cost and what it serves,
best score first (``Score▼``; on a tie the cheaper, then the earlier in the plan).

``▸next`` marks :func:`socialtui.plan.shortlist.next_channel`'s answer, the one
notion of "next" (it weighs the budget and the week as lived, so the mark
follows the weekly hours and the check-ins too); the line under the table says
it in words, or why there is none.

A plan that lists people gets an ``Owner`` column after the name: who does the
channel's work (``—`` for nobody, the id itself for one who is not a person).
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from socialtui.plan.budget import channel_minutes, format_minutes, format_number
from socialtui.plan.fit import audiences_on, cost_if_active, goals_served, score
from socialtui.plan.model import Plan
from socialtui.plan.shortlist import NextChoice, next_channel
from socialtui.safe import one_line
from socialtui.tui.text import lit
from socialtui.tui.widgets.lines import show
from socialtui.tui.widgets.pane import Pane, name_cell

STATUS_MARK = {
    "active": "● active",
    "candidate": "○ candidate",
    "later": "◌ later",
    "dropped": "✕ dropped",
}
NEXT_MARK = " ▸next"


def ranked(plan: Plan) -> list:
    """The channels as the table lists them: best score first, then cheaper, then plan order."""
    return sorted(
        enumerate(plan.channels),
        key=lambda pair: (-score(plan, pair[1]), channel_minutes(pair[1]), pair[0]),
    )


def next_text(choice: NextChoice) -> Text:
    text = Text("▸next: ", style="bold")
    text.append_text(lit(choice.text))
    return text


def owner_cell(plan: Plan, owner: str) -> Text:
    """Who does a channel's work: the person's name, the id of one the plan lacks, or —."""
    person = plan.person(owner)
    return Text(one_line(person.name if person else owner or "—", 12), no_wrap=True)


class ChannelsPane(Pane):
    kind = "channel"
    title = "Channels"
    number = 3
    columns = ("Channel", "Status", "h/week", "Score▼", "If active", "Cadence", "Goals", "Aud.")
    team_columns = ("Channel", "Owner", *columns[1:])
    flex = {"Channel": 12}
    in_view = 5  # the cadence and the score's parts scroll
    empty_hint = "No channels yet: press a to add one from the catalog."

    def __init__(self, today: date, **kwargs) -> None:
        super().__init__(today, **kwargs)
        self._static_key: tuple | None = None
        self._static: list[tuple[str, tuple]] = []
        self._owners: dict[str, Text] = {}  # channel id -> its owner cell (with people)

    def compose_bottom(self) -> ComposeResult:
        yield Static(id="next-hint", classes="pane-hint")

    def deps(self, plan: Plan) -> object:
        # next_channel weighs the budget and the week as lived (the check-ins).
        return (plan.channels, plan.goals, plan.audiences, plan.budget, plan.checkins, plan.people)

    def redraw(self, plan: Plan) -> None:
        columns = self.team_columns if plan.people else type(self).columns
        if columns != self.columns:  # people came or went: the owner column too
            self.columns = columns
            self.in_view = type(self).in_view + (columns is self.team_columns)
            table = self.table
            table.clear(columns=True)
            for label in columns:
                table.add_column(Text(label), width=self.widths.get(label))
            self._shown = {}
            self._static_key = None
        super().redraw(plan)

    def rows(self, plan: Plan) -> list[tuple[str, tuple]]:
        # Most cells depend on channels, goals and audiences only; a keystroke
        # in the budget keeps those very tuples, so reuse them.
        key = (plan.channels, plan.goals, plan.audiences, plan.people)
        old = self._static_key
        if old is None or any(a is not b for a, b in zip(key, old, strict=True)):
            self._static_key = key
            self._static = self._static_cells(plan)
            self._owners = {c.id: owner_cell(plan, c.owner) for c in plan.channels if plan.people}
        choice = next_channel(plan)
        show(self.query_one("#next-hint", Static), next_text(choice))
        best = choice.channel.id if choice.channel is not None else None
        rows = []
        for channel_id, (name, status, hours, score_text, *cells) in self._static:
            channel = plan.channel(channel_id)
            assert channel is not None
            if channel.status == "active":
                fit = Text("")
            else:
                cost, fits = cost_if_active(plan, channel)
                fit = Text(
                    f"+{format_minutes(cost)} {'fits' if fits else 'OVER'}",
                    style="green" if fits else "red",
                )
            if channel_id == best:  # a cut name never hides it
                fit.append(NEXT_MARK, style="bold")
            lead = (name, self._owners[channel_id]) if plan.people else (name,)
            rows.append((channel_id, (*lead, status, hours, score_text, fit, *cells)))
        return rows

    def _static_cells(self, plan: Plan) -> list[tuple[str, tuple]]:
        cells = []
        for _, channel in ranked(plan):
            minutes = channel_minutes(channel)
            sc = score(plan, channel)
            cadence = (
                f"{format_number(channel.posts_per_week)}×"
                f"{format_number(channel.minutes_per_post)}m"
                f" +{format_number(channel.engage_minutes_per_week)}m"
            )
            cells.append(
                (
                    channel.id,
                    (
                        name_cell(channel.name),
                        STATUS_MARK.get(channel.status, channel.status),
                        format_minutes(minutes),
                        "∞" if sc == float("inf") else f"{sc:.2f}",
                        cadence,
                        str(goals_served(plan, channel)),
                        str(audiences_on(plan, channel)),
                    ),
                )
            )
        return cells
