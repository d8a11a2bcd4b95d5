"""The guided review (P8): goals → audiences → channels → budget, one page each.

Every page shows the plan's answer beside what the check-ins say about it (goal
progress and pace; where each audience is reached and whether those channels
work; each channel's verdicts and its actual hours against the plan; the
budget against the hours really spent), plus the findings that belong there.
The review changes nothing but its date: finishing the last page stamps
``review.last`` with today and dismisses with the new plan; escape cancels.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from socialtui.plan.budget import (
    channel_minutes,
    committed_minutes,
    format_minutes,
    format_number,
    plan_capacity,
)
from socialtui.plan.evidence import LIVED_MIN, lived_week
from socialtui.plan.findings import Finding, check
from socialtui.plan.fit import score
from socialtui.plan.model import VERDICTS, Plan
from socialtui.plan.people import team_hours, worst_over
from socialtui.plan.progress import goal_progress
from socialtui.plan.shortlist import next_channel
from socialtui.plan.trends import channel_evidence, checkin_weeks
from socialtui.safe import one_line
from socialtui.tui.screens.history import VERDICT_MARK
from socialtui.tui.widgets.findings import MARKS

RECENT = 4


def _findings(text: Text, findings: list[Finding], accept: Callable[[str], bool]) -> None:
    picked = [f for f in findings if accept(f.subject)]
    text.append("\nFindings here: ", style="bold")
    if not picked:
        text.append("none ✓\n", style="green")
        return
    text.append("\n")
    for finding in picked:
        mark, style = MARKS[finding.severity]
        text.append(f"  {mark.strip()} ", style=style)
        text.append(f"{one_line(finding.message)}\n")
        if finding.fix is not None:
            text.append(f"      → {one_line(finding.fix.label)}\n", style="dim")


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def goals_page(plan: Plan, today: date, findings: list[Finding]) -> Text:
    text = Text()
    text.append(
        "Why are we here? Is each goal still the right one, measurable, and on pace?\n\n",
        style="italic",
    )
    if not plan.goals:
        text.append("No goals. Add one in the planner (1, then a).\n", style="yellow")
    for rank, goal in enumerate(plan.goals, start=1):
        text.append(f"{rank}. {one_line(goal.title)}", style="bold")
        base = "?" if goal.baseline is None else format_number(goal.baseline)
        target = "?" if goal.target is None else format_number(goal.target)
        by = goal.deadline.isoformat() if goal.deadline else "no deadline"
        text.append(f" — {one_line(goal.metric) or 'no metric'}: {base} → {target} by {by}\n")
        progress = goal_progress(plan, goal, today)
        text.append("   Progress: ", style="dim")
        if progress is None:
            text.append("no check-in records it yet\n", style="yellow")
        else:
            style = {"behind": "yellow", "reached": "green", "ahead": "green"}.get(
                progress.pace, ""
            )
            if progress.pace:
                text.append(f"{progress.pace} · ", style=style)
            text.append(f"{one_line(progress.describe())}\n")
        serving = [one_line(c.name) for c in plan.active_channels if goal.id in c.goals]
        text.append("   Served by: ", style="dim")
        text.append(", ".join(serving) if serving else "no active channel", style="")
        text.append("\n")
    _findings(text, findings, lambda s: s == "goals" or s.startswith("goal:"))
    return text


def audiences_page(plan: Plan, today: date, findings: list[Finding]) -> Text:
    text = Text()
    text.append("For whom? Are we where they are, and is it working there?\n\n", style="italic")
    if not plan.audiences:
        text.append("No audience. Add one in the planner (2, then a).\n", style="yellow")
    active = {c.id: c for c in plan.active_channels}
    for rank, audience in enumerate(plan.audiences, start=1):
        text.append(f"{rank}. {one_line(audience.name)}", style="bold")
        if audience.wants:
            text.append(f" — wants: {one_line(audience.wants)}")
        text.append("\n   Where they are: ", style="dim")
        text.append(", ".join(one_line(c) for c in audience.channels) or "not said")
        text.append("\n   Reached by: ", style="dim")
        reached = [active[c] for c in audience.channels if c in active]
        if not reached:
            text.append("nobody active", style="yellow")
        for index, channel in enumerate(reached):
            if index:
                text.append(", ")
            text.append(one_line(channel.name))
            last = channel_evidence(plan, channel).last_verdict
            if last is not None:
                mark, style = VERDICT_MARK.get(last, ("·", ""))
                text.append(f" {mark} {last}", style=style)
        text.append("\n")
    _findings(text, findings, lambda s: s == "audiences" or s.startswith("audience:"))
    return text


def channels_page(plan: Plan, today: date, findings: list[Finding]) -> Text:
    text = Text()
    text.append(
        "Where? Keep what works, fix or drop what does not, add only with traction.\n\n",
        style="italic",
    )
    checkins = checkin_weeks(plan)
    if not checkins:
        text.append("No check-ins yet: the verdicts start with the first one (c).\n\n")
    order = sorted(plan.channels, key=lambda c: (not c.active, c.status))
    choice = next_channel(plan)
    best = choice.channel
    for channel in order:
        if channel.status == "dropped":
            continue
        text.append(f"{one_line(channel.name)}", style="bold")
        text.append(f" ({channel.status})")
        evidence = channel_evidence(plan, channel, RECENT)
        if channel.active:
            text.append(f" — plan {format_minutes(evidence.planned_hours * 60)}/week")
            if evidence.average_hours is not None:
                actual = evidence.average_hours
                over = evidence.planned_hours > 0 and actual > 1.2 * evidence.planned_hours
                text.append(", actual ")
                text.append(f"{format_minutes(actual * 60)}", style="bold red" if over else "bold")
                text.append(f" (average of the last {evidence.recorded})")
            text.append("\n   Verdicts: ", style="dim")
            if evidence.verdicts:
                parts = []
                for verdict in VERDICTS:
                    parts.append(f"{verdict} {evidence.verdicts.get(verdict, 0)}")
                text.append(" · ".join(parts))
                if evidence.last_verdict is not None:
                    mark, style = VERDICT_MARK.get(evidence.last_verdict, ("·", ""))
                    text.append("   last: ")
                    text.append(f"{mark} {evidence.last_verdict}", style=style)
            else:
                text.append("none recorded")
        else:
            fits = channel_minutes(channel) <= choice.spare  # by the plan and the week as lived
            sc = score(plan, channel)
            text.append(
                f" — would cost {format_minutes(channel_minutes(channel))}/week, "
                f"{'fits' if fits else 'does not fit'}"
            )
            if sc != float("inf"):
                text.append(f", score {sc:.2f}")
            if best is not None and channel.id == best.id:
                text.append("  ▸ next to add", style="bold")
        text.append("\n")
    text.append("\nNext to add: ", style="bold")
    style = "yellow" if best is None and choice.ranked else ""
    text.append(f"{one_line(choice.text)}\n", style=style)
    _findings(
        text,
        findings,
        lambda s: s in ("channels", "checkins") or s.startswith(("channel:", "checkin:")),
    )
    return text


def budget_page(plan: Plan, today: date, findings: list[Finding]) -> Text:
    text = Text()
    text.append("How much? Does the plan fit the hours we really have?\n\n", style="italic")
    committed = committed_minutes(plan)
    capacity = plan_capacity(plan)
    text.append("Committed: ", style="bold")
    text.append(f"{format_minutes(committed)} a week of {format_minutes(capacity)} available")
    hours = team_hours(plan) if plan.people else plan.budget.weekly_hours or 0
    whose = f"{len(plan.people)} people's " if plan.people else ""
    text.append(
        f" ({whose}{format_number(hours)} h less a "
        f"{format_number(plan.budget.reserve_percent)} % reserve)\n"
    )
    worst = worst_over(plan)
    if worst is not None:
        text.append(
            f"  {one_line(worst.person.name, 30)} OVER: "
            f"{format_minutes(worst.committed)} planned, "
            f"{format_minutes(worst.capacity)} available\n",
            style="bold red",
        )
    if committed > capacity:
        text.append(f"  OVER by {format_minutes(committed - capacity)}\n", style="bold red")
    else:
        text.append(f"  {format_minutes(capacity - committed)} spare\n", style="green")
    active = plan.active_channels
    lived = lived_week(plan, at_least=1)
    text.append("The week as lived: ", style="bold")
    if lived is None:
        text.append("no hours recorded yet for the active channels\n")
    else:
        over = lived.minutes > capacity
        text.append(f"{format_minutes(lived.minutes)} a week", style="bold red" if over else "")
        if lived.count < LIVED_MIN:
            so_far = _count(lived.count, "check-in")
            text.append(f" (from {so_far}; a verdict waits for {LIVED_MIN})")
        else:
            text.append(f" (the mean of the last {lived.count} check-ins)")
        if over and lived.count >= LIVED_MIN:
            text.append(f", {format_minutes(lived.minutes - capacity)} over", style="bold red")
        text.append("\n")
    text.append("Active channels: ", style="bold")
    text.append(f"{len(active)} of at most {plan.budget.max_active_channels}\n")
    text.append("Review: ", style="bold")
    last = plan.review.last
    text.append(f"every {plan.review.every_weeks} week(s); ")
    text.append(f"last {last.isoformat()}" if last else "never reviewed")
    next_due = today + timedelta(weeks=plan.review.every_weeks)
    text.append(f"; finishing now makes the next one due {next_due.isoformat()}\n")
    _findings(text, findings, lambda s: s in ("budget", "review"))
    return text


PAGES: tuple[tuple[str, Callable[[Plan, date, list[Finding]], Text]], ...] = (
    ("Goals", goals_page),
    ("Audiences", audiences_page),
    ("Channels", channels_page),
    ("Budget", budget_page),
)


class ReviewScreen(ModalScreen[Plan | None]):
    DEFAULT_CSS = """
    ReviewScreen { align: center middle; }
    ReviewScreen > #review {
        width: 100; max-width: 100%; height: 100%; max-height: 40;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    ReviewScreen #review-steps { height: 1; }
    ReviewScreen #review-body { height: 1fr; }
    ReviewScreen #review-page { height: auto; }
    ReviewScreen #review-keys { height: 1; color: $text-muted; }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="review-cancel"),
        # Priority: the focused scroll area would take ← → for itself.
        Binding("enter,right,n,space", "next", "Next", priority=True, id="review-next"),
        Binding("left,b,backspace", "back", "Back", priority=True, id="review-back"),
    ]

    def __init__(self, plan: Plan, today: date) -> None:
        super().__init__()
        self.plan = plan
        self.today = today
        self.step = 0
        self.findings = check(plan, today)

    def compose(self) -> ComposeResult:
        with Vertical(id="review") as box:
            box.border_title = "Review"
            box.border_subtitle = "escape cancels"
            yield Static(id="review-steps")
            with VerticalScroll(id="review-body"):
                yield Static(id="review-page")
            yield Static(id="review-keys")

    def on_mount(self) -> None:
        self.show()
        self.query_one("#review-body").focus()

    def show(self) -> None:
        steps = Text(no_wrap=True)
        for index, (name, _) in enumerate(PAGES):
            if index:
                steps.append(" → ", style="dim")
            style = "bold reverse" if index == self.step else "dim"
            steps.append(f" {index + 1} {name} ", style=style)
        self.query_one("#review-steps", Static).update(steps)
        _, page = PAGES[self.step]
        self.query_one("#review-page", Static).update(page(self.plan, self.today, self.findings))
        self.query_one("#review-body", VerticalScroll).scroll_home(animate=False)
        last = self.step == len(PAGES) - 1
        nxt, back, cancel = (
            self.keys_of("review-next", "enter/→"),
            self.keys_of("review-back", "←/b"),
            self.keys_of("review-cancel", "escape"),
        )
        keys = f"{nxt} next · {back} back · ↑↓ scroll · {cancel} cancel"
        if last:
            keys = f"{nxt} finishes: stamps the review {self.today.isoformat()} · {back} back"
        self.query_one("#review-keys", Static).update(keys)

    def keys_of(self, binding_id: str, default: str) -> str:
        """The keys to name in the hint: the user's (config.toml [keys]) or ``default``."""
        from socialtui.tui.commands import key_name

        keys = getattr(self.app, "user_keys", {}).get(binding_id)
        return default if not keys else "/".join(key_name(k) for k in keys)

    def action_next(self) -> None:
        if self.step < len(PAGES) - 1:
            self.step += 1
            self.show()
            return
        review = replace(self.plan.review, last=self.today)
        self.dismiss(replace(self.plan, review=review))

    def action_back(self) -> None:
        if self.step > 0:
            self.step -= 1
            self.show()

    def action_cancel(self) -> None:
        self.dismiss(None)
