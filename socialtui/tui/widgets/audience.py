"""The Audience pane: who the plan is for, what they want, where they are."""

from __future__ import annotations

from rich.text import Text

from socialtui.plan.model import Plan
from socialtui.safe import one_line
from socialtui.tui.text import lit
from socialtui.tui.widgets.pane import Pane


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
