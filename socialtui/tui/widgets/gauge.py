"""The budget gauge: committed against capacity, always visible.

It reads right without colour: the numbers, the percentage and the word
``OVER`` (or ``near`` / ``ok``) carry the meaning; colour only repeats it.

With people, the numbers are the team's; when someone is over their own hours
the worst of them follows by name: ``Maria OVER by 1h 54m``.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from socialtui.plan.budget import BudgetSummary, format_minutes
from socialtui.safe import one_line


class BudgetGauge(Widget):
    DEFAULT_CSS = """
    BudgetGauge { height: 1; width: 1fr; padding: 0 1; }
    """

    summary: reactive[BudgetSummary | None] = reactive(None, layout=False)
    next_review: reactive[date | None] = reactive(None)
    review_overdue: reactive[bool] = reactive(False)
    worst: reactive[tuple[str, float] | None] = reactive(None, layout=False)
    """The person furthest over their hours: (name, minutes over), or None."""

    def watch_summary(self, summary: BudgetSummary | None) -> None:
        self.set_class(summary is not None and summary.over, "-over")
        self.set_class(summary is not None and summary.near, "-near")

    def _person(self) -> tuple[str, str]:
        """(" · Maria", " by 1h 54m"): the worst person over, around the word OVER."""
        if self.worst is None:
            return "", ""
        name, over = self.worst
        return f" · {one_line(name, 20)}", f" by {format_minutes(over)}"

    @property
    def state_word(self) -> str:
        summary = self.summary
        if summary is None:
            return ""
        if summary.over:
            return "OVER"
        return "near" if summary.near else "ok"

    def render(self) -> Text:
        summary = self.summary
        if summary is None:
            return Text("Budget: —")
        committed, capacity = summary.committed, summary.capacity
        percent = summary.percent
        pct = "∞" if percent == float("inf") else f"{percent:.0f}%"
        word = self.state_word
        tail = ""
        who, by = self._person()
        person = f"{who} OVER{by}" if who else ""
        if summary.over:
            tail = f" by {format_minutes(committed - capacity)}"
        elif capacity > 0 and not person:
            tail = f", {format_minutes(capacity - committed)} spare"
        numbers = f" {format_minutes(committed)} / {format_minutes(capacity)} {pct} "
        review = ""
        if self.next_review is not None:
            label = "review overdue since" if self.review_overdue else "next review"
            review = f" · {label} {self.next_review.isoformat()}"
        fixed = len("Budget ") + len(numbers) + len(word) + len(tail) + len(person) + len(review)
        width = max(0, min(30, self.size.width - 2 - fixed))
        text = Text("Budget ", style="bold")
        if width >= 5:
            ratio = 0.0 if capacity <= 0 else min(1.0, committed / capacity)
            if capacity <= 0 and committed > 0:
                ratio = 1.0
            filled = round(ratio * width)
            style = "red" if summary.over else ("yellow" if summary.near else "green")
            text.append("█" * filled, style=style)
            text.append("░" * (width - filled), style="dim")
        text.append(numbers)
        word_style = "bold reverse red" if summary.over else ("bold yellow" if summary.near else "")
        text.append(word, style=word_style)
        text.append(tail)
        if who:
            text.append(who, style="bold")
            text.append(" ")
            text.append("OVER", style="bold reverse red")
            text.append(by)
        text.append(review, style="dim" if not self.review_overdue else "bold")
        return text
