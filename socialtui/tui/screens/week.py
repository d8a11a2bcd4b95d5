"""The Week view (``w``): the plan's week day by day, and the settings that shape it.

It shows what the planner shows (privacy mode masks it too), following every
change: an edit, an undo, a value being typed in its form (the planner's
preview). ``e`` (or ``enter``) opens the week's settings: the plan's days, the
daily limit (empty: none), the start of the day's block and the check-in day.
Keeping them is one edit of the plan, undone with ``ctrl+z`` here or in the
planner. A read-only or masked plan says why it cannot be edited.

Loaded on first use: the planner's first frame never imports this module.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Static

from socialtui.plan.days import DAY_LABELS, DAYS
from socialtui.plan.model import START_RE, Plan, iso_week, week_monday
from socialtui.plan.numbers import show_number
from socialtui.plan.rules import RuleError, parse_number
from socialtui.safe import one_line
from socialtui.tui.screens.days_field import days_field, picked_days
from socialtui.tui.screens.form import Field, FormScreen, line
from socialtui.tui.widgets.footer import CalmFooter
from socialtui.tui.widgets.week_grid import week_view


def parse_limit(text: str) -> float | None:
    """The daily limit typed: empty is none, else minutes within the format's range."""
    return None if not text.strip() else parse_number("max_minutes_per_day", text)


def parse_start(text: str) -> str:
    raw = text.strip()
    if START_RE.match(raw) is None:
        raise RuleError("a time of day as HH:MM, from 00:00 to 23:59, such as 09:00")
    return raw


class WeekForm(FormScreen):
    """The week's settings: the plan's days, the daily limit, the start, the check-in day."""

    heading = "The week"

    def fields(self) -> list[Field]:
        budget, review = self.plan.budget, self.plan.review
        limit = budget.max_minutes_per_day
        return [
            days_field("days", "Days", budget.days, "space ticks a day you give to social media"),
            line(
                "max_minutes_per_day",
                "Daily limit",
                limit,
                parse_limit,
                "minutes a day at most; empty: no limit",
                text="" if limit is None else show_number(limit),
            ),
            line("start", "Start", budget.start, parse_start, "HH:MM: when the day's block starts"),
            Field(
                "checkin_day",
                "Check-in day",
                review.checkin_day,
                kind="choice",
                options=tuple(zip(DAYS, DAY_LABELS, strict=True)),
                hint="← → or a letter",
            ),
        ]

    def build(self, v: dict[str, Any]) -> Plan:
        days = picked_days(v["days"], self.plan.budget.days)
        if not days:
            raise RuleError("tick at least one day: the week needs a day to work on")
        budget = replace(
            self.plan.budget,
            days=days,
            max_minutes_per_day=v["max_minutes_per_day"],
            start=v["start"],
        )
        review = replace(self.plan.review, checkin_day=v["checkin_day"])
        return replace(self.plan, budget=budget, review=review)

    def preview_plan(self, result: Plan) -> Plan:
        return result


def with_week_of(plan: Plan, source: Plan) -> Plan:
    """``plan`` with the week's settings of ``source``: the days, the daily limit, the
    start and the check-in day (nothing else of ``source``)."""
    budget = replace(
        plan.budget,
        days=source.budget.days,
        max_minutes_per_day=source.budget.max_minutes_per_day,
        start=source.budget.start,
    )
    return replace(
        plan, budget=budget, review=replace(plan.review, checkin_day=source.review.checkin_day)
    )


class WeekScreen(Screen[None]):
    DEFAULT_CSS = """
    WeekScreen { layout: vertical; }
    WeekScreen #week-title { height: 1; padding: 0 1; background: $panel; }
    WeekScreen #week-body { height: 1fr; padding: 0 1; }
    WeekScreen #week-body:focus { background-tint: $foreground 0%; }
    """
    BINDINGS = [
        Binding("escape", "close", "Back", id="week-close"),
        Binding("w", "close", "Back", show=False, id="week"),  # w opened it
        Binding("e,enter", "edit", "Edit the week", id="week-edit"),
        Binding("ctrl+z", "undo", "Undo", show=False, id="undo"),
        Binding("ctrl+y", "redo", "Redo", show=False, id="redo"),
        Binding("ctrl+s", "save", "Save", show=False, id="save"),
        Binding("j", "scroll(1)", "Down", show=False, id="list-down"),
        Binding("k", "scroll(-1)", "Up", show=False, id="list-up"),
    ]

    def __init__(self, planner: Any) -> None:
        """``planner``: the :class:`~socialtui.tui.screens.planner.PlannerScreen` it shows."""
        super().__init__()
        self.planner = planner

    def compose(self) -> ComposeResult:
        yield Static(id="week-title")
        with VerticalScroll(id="week-body"):
            yield Static(id="week-grid")
        yield CalmFooter()

    def on_mount(self) -> None:
        self.watch(self.planner, "shown", self.redraw, init=False)
        self.redraw()
        self.query_one("#week-body").focus()

    def on_resize(self, event: Resize) -> None:
        self.redraw()

    @property
    def today(self):
        return self.app.today  # type: ignore[attr-defined]

    def redraw(self, *_: object) -> None:
        plan = self.planner.shown
        monday = week_monday(iso_week(self.today))
        title = Text("Week", style="bold")
        title.append(f"  {one_line(plan.name, 60)}", style="bold")
        sunday = monday + timedelta(days=6)
        title.append(f"  {iso_week(self.today)}, {monday:%d %b} – {sunday:%d %b %Y}", style="dim")
        title.no_wrap = True
        title.overflow = "ellipsis"
        self.query_one("#week-title", Static).update(title)
        width = self.size.width or self.app.size.width
        self.query_one("#week-grid", Static).update(week_view(plan, self.today, width - 4))

    # -- actions ------------------------------------------------------------------------
    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, lines: int) -> None:
        self.query_one("#week-body").scroll_relative(y=lines, animate=False)

    def action_edit(self) -> None:
        planner = self.planner
        if planner.refuse_edit():
            return

        def done(result: Plan | None) -> None:
            if result is not None:
                planner.apply(with_week_of(planner.plan, result))

        self.app.push_screen(WeekForm(planner.plan, preview=planner.set_preview), done)

    def action_undo(self) -> None:
        self.planner.action_undo()

    def action_redo(self) -> None:
        self.planner.action_redo()

    async def action_save(self) -> None:
        self.app.save_now()  # type: ignore[attr-defined]


def open_week(planner: Any) -> None:
    planner.app.push_screen(WeekScreen(planner))
