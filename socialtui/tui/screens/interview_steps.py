"""The POST interview's four steps: their fields, and what the fields hold.

Each step is a scrolling column of rows (a label, a field, a reason under it).
Typed fields are :class:`~socialtui.tui.widgets.fields.OrderedInput` with the
project's rules (:mod:`socialtui.plan.rules`) as validators; everything that
can be picked rather than typed is a :class:`ChoiceBar` or a :class:`PickList`.
The screen (:mod:`.interview`) moves between the steps and reads the answers.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Label, Static

from socialtui.plan.catalog import CATALOG
from socialtui.plan.interview import (
    AIMS,
    DEADLINES,
    DEFAULT_HOURS,
    MAX_ACTIVE,
    MAX_AUDIENCES,
    MAX_GOALS,
    SHAPES,
)
from socialtui.plan.model import NAME_MAX
from socialtui.plan.numbers import show_number
from socialtui.plan.rules import RuleError, parse_number, parse_optional_finite
from socialtui.tui.validation import RuleValidator
from socialtui.tui.widgets.choices import ChoiceBar, PickList
from socialtui.tui.widgets.fields import OrderedInput

STEPS: tuple[tuple[str, str], ...] = (
    ("People", "Who do you want to reach? One to three audiences, most important first."),
    ("Objectives", "What should change, by when? One to three goals you can count."),
    ("Strategy", "Who is it for, why are you there, what is in it for them, how much time?"),
    ("Technology", "Channels last: where your audiences are, ranked. Make one or two active."),
)
TEXT_MAX = NAME_MAX * 10


def free_text(what: str, limit: int = TEXT_MAX) -> Callable[[str], str]:
    """A rule for text that may be empty: at most ``limit`` characters."""

    def parse(text: str) -> str:
        if len(text.strip()) > limit:
            raise RuleError(f"{what} is at most {limit} characters")
        return text.strip()

    return parse


def baseline(text: str) -> float | None:
    return parse_optional_finite(text, "baseline")


def target(text: str) -> float | None:
    return parse_optional_finite(text, "target")


def hours(text: str) -> float:
    return parse_number("weekly_hours", text)


RULES: dict[str, Callable[[str], object]] = {
    **{f"a{n}-name": free_text("a name", NAME_MAX) for n in range(1, MAX_AUDIENCES + 1)},
    **{f"a{n}-wants": free_text("what they want") for n in range(1, MAX_AUDIENCES + 1)},
    **{f"g{n}-baseline": baseline for n in range(1, MAX_GOALS + 1)},
    **{f"g{n}-target": target for n in range(1, MAX_GOALS + 1)},
    "who": free_text("who it is for"),
    "why": free_text("why"),
    "them": free_text("what is in it for them"),
    "hours": hours,
}
"""Every typed field's rule, by the field's id."""

AIM_OPTIONS = [(None, "none"), *((aim, aim) for aim in AIMS)]
MONTH_OPTIONS = [(str(m), f"{m} months") for m in DEADLINES]
HORIZON_OPTIONS = [("short", "short"), ("long", "long")]
FOCUS_OPTIONS = [("us", "us"), ("them", "them")]
WHERE_OPTIONS = [(preset.id, preset.name) for preset in CATALOG]


def shape_options(aim: str | None) -> list[tuple[str | None, str]]:
    """The suggested metrics for ``aim``, by their index."""
    if aim not in SHAPES:
        return [("0", "pick an aim first")]
    return [(str(n), shape.metric) for n, shape in enumerate(SHAPES[aim])]


def row(label: str, field: Widget) -> ComposeResult:
    """A labelled field and the line under it that gives its reason."""
    with Horizontal(classes="iv-row"):
        yield Label(label, classes="iv-label")
        yield field
    note = Static(id=f"note-{field.id}", classes="iv-note")
    note.display = False
    yield note


def typed(ident: str, placeholder: str = "", value: str = "") -> OrderedInput:
    return OrderedInput(
        value,
        placeholder=placeholder,
        id=ident,
        classes="iv-input",
        validators=[RuleValidator(RULES[ident])],
        validate_on=["changed", "submitted"],
        compact=True,
    )


def heading(text: str) -> Static:
    return Static(Text(text, style="bold"), classes="iv-heading")


class Step(VerticalScroll):
    """One step: its question on top, its fields under it."""

    number = 0

    def intro(self) -> Static:
        name, question = STEPS[self.number - 1]
        text = Text(f"{self.number}. {name}  ", style="bold")
        text.append(question)
        return Static(text, classes="iv-intro")


class PeopleStep(Step):
    number = 1

    def compose(self) -> ComposeResult:
        yield self.intro()
        for n in range(1, MAX_AUDIENCES + 1):
            yield heading(f"Audience {n}" + ("" if n == 1 else " (optional)"))
            yield from row("Who", typed(f"a{n}-name", "e.g. Neighbours who love good bread"))
            yield from row("What they want", typed(f"a{n}-wants", "e.g. fresh bread, early"))
            where = PickList(WHERE_OPTIONS, (), id=f"a{n}-where", classes="iv-pick")
            yield from row("Where they are", where)


class ObjectivesStep(Step):
    number = 2

    def compose(self) -> ComposeResult:
        yield self.intro()
        for n in range(1, MAX_GOALS + 1):
            yield heading(f"Goal {n}" + ("" if n == 1 else " (optional)"))
            yield from row("Aim", ChoiceBar(AIM_OPTIONS, None, id=f"g{n}-aim"))
            yield from row("Metric", ChoiceBar(shape_options(None), "0", id=f"g{n}-shape"))
            yield from row("Baseline (now)", typed(f"g{n}-baseline", "e.g. 12"))
            yield from row("Target", typed(f"g{n}-target", "e.g. 30"))
            yield from row("Deadline in", ChoiceBar(MONTH_OPTIONS, "6", id=f"g{n}-months"))
            yield from row("Horizon", ChoiceBar(HORIZON_OPTIONS, "short", id=f"g{n}-horizon"))
            yield from row("Whose gain", ChoiceBar(FOCUS_OPTIONS, "us", id=f"g{n}-focus"))


class StrategyStep(Step):
    number = 3

    def compose(self) -> ComposeResult:
        yield self.intro()
        yield from row("Who you are for", typed("who", "e.g. a corner bakery for the street"))
        yield from row("Why you are there", typed("why", "e.g. win regulars from the street"))
        yield from row("For them", typed("them", "e.g. first word on the day's bakes"))
        hours_text = show_number(DEFAULT_HOURS)
        yield from row("Hours a week", typed("hours", "the hours you can really give", hours_text))
        yield Static(
            "The hours you can really give each week, not the hours you wish: "
            "10% is held back for surprises.",
            classes="iv-hint",
        )


class TechnologyStep(Step):
    number = 4

    def compose(self) -> ComposeResult:
        yield self.intro()
        yield from row(
            "Active",
            PickList(
                [],
                (),
                id="active",
                classes="iv-pick",
                empty="no channels yet: tick where your audiences are in step 1 (pgup)",
            ),
        )
        yield Static(id="cost", classes="iv-hint")
        yield Static(
            f"Tick one or two ({MAX_ACTIVE} at most): walk before you run. The rest are kept "
            "as candidates, ranked as in the planner's Channels table.",
            classes="iv-hint",
        )
