"""The Audience pane: who the plan is for, what they want, where they are."""

from __future__ import annotations

from socialtui.plan.model import Plan
from socialtui.safe import one_line
from socialtui.tui.widgets.pane import Pane, name_cell


class AudiencePane(Pane):
    kind = "audience"
    title = "Audience"
    number = 2
    columns = ("#", "Audience", "Wants", "Where", "Reached by")
    flex = {"Audience": 12, "Wants": 10, "Where": 8, "Reached by": 8}
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
                        name_cell(audience.name),
                        name_cell(audience.wants or "—"),
                        name_cell(", ".join(audience.channels) or "—"),
                        name_cell(", ".join(reached))
                        if reached
                        else name_cell("not reached", style="yellow"),
                    ),
                )
            )
        return rows
