"""The POST interview: a new plan of one's own in four short steps.

People, Objectives, Strategy, Technology: channels last. Each step is short
and may be left empty. ``pgdn`` goes on (on the last step it finishes),
``pgup`` goes back; neither is ever typed into a field (``ctrl+b``, tmux's
prefix, would not reach the app). ``tab`` / ``shift+tab`` and ``enter`` move
between fields, ``ctrl+s`` finishes from any step, ``escape`` asks before it
discards the answers.

The gauge and the findings under the steps are the planner's, on the plan the
answers make so far (:func:`socialtui.plan.interview.build`), on every key. A
value that breaks a rule is refused at its field: the reason shows under it
and the interview does not move on until it is mended.

The screen dismisses with the finished :class:`~socialtui.plan.model.Plan`
(or None): whoever opened it writes the file and opens the planner on it.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Input, Static

from socialtui.plan.budget import capacity_minutes, channel_minutes, format_minutes, summarize
from socialtui.plan.findings import check
from socialtui.plan.fit import score
from socialtui.plan.interview import (
    MAX_ACTIVE,
    MAX_AUDIENCES,
    MAX_GOALS,
    SHAPES,
    Answers,
    AudienceAnswer,
    GoalAnswer,
    build,
    horizon_for,
)
from socialtui.plan.model import Plan
from socialtui.plan.rules import RuleError
from socialtui.safe import clean, one_line
from socialtui.tui.screens.dialogs import close_asking
from socialtui.tui.screens.form import FIELD_KEYS
from socialtui.tui.screens.interview_steps import (
    RULES,
    STEPS,
    ObjectivesStep,
    PeopleStep,
    StrategyStep,
    TechnologyStep,
    shape_options,
)
from socialtui.tui.widgets.channels import ranked
from socialtui.tui.widgets.choices import ChoiceBar, Pick, PickList
from socialtui.tui.widgets.fields import settle
from socialtui.tui.widgets.findings import FindingsPanel
from socialtui.tui.widgets.gauge import BudgetGauge

KEYS_LINE = "pgdn next · pgup back · tab next field · space ticks · ^s finish · esc quit"
LAST_KEYS_LINE = "pgdn or ^s finish: the plan is made · pgup back · tab next field · esc quit"
"""The last step's keys: pgdn goes on, and on from the last step is finishing."""
TOO_MANY = f"at most {MAX_ACTIVE} active: walk before you run; untick one first"


class InterviewScreen(Screen["Plan | None"]):
    DEFAULT_CSS = """
    InterviewScreen { layout: vertical; }
    InterviewScreen #iv-title { height: 1; padding: 0 1; background: $primary 30%; }
    InterviewScreen #iv-steps { height: 1; padding: 0 1; }
    InterviewScreen ContentSwitcher { height: 1fr; }
    InterviewScreen Step { height: 1fr; padding: 0 1; }
    InterviewScreen .iv-intro { height: auto; margin-bottom: 1; }
    InterviewScreen .iv-heading { height: 1; margin-top: 1; color: $accent; }
    InterviewScreen .iv-row { height: auto; }
    InterviewScreen .iv-label { width: 18; }
    InterviewScreen .iv-input { width: 1fr; padding: 0 1; background: $boost; }
    InterviewScreen .iv-input:focus { background: $accent 40%; }
    InterviewScreen .iv-input.-invalid { background: $error 40%; }
    InterviewScreen .iv-note { height: auto; padding-left: 18; color: $error; text-style: bold; }
    InterviewScreen .iv-hint { height: auto; color: $text-muted; margin-top: 1; }
    InterviewScreen FindingsPanel { height: 7; }
    InterviewScreen #iv-keys { height: 1; padding: 0 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("pagedown", "next", "Next step", priority=True, id="interview-next"),
        Binding("pageup", "back", "Back", priority=True, id="interview-back"),
        Binding("ctrl+s", "finish", "Finish", priority=True, id="interview-finish"),
        Binding("escape", "cancel", "Discard", id="interview-cancel"),
        *FIELD_KEYS,
    ]

    def __init__(self, name: str, today: date) -> None:
        super().__init__()
        self.plan_name = name
        self.today = today
        self.step = 1
        self.active: tuple[str, ...] = ()
        self.active_chosen = False  # the user (or the first visit) chose the active ones
        self.ticked = False  # the user ticked or unticked a channel in step 4
        self.initial: tuple | None = None
        self.plan = build(Answers(name), today)

    # -- layout -------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        title = Text("New plan: ", style="bold")
        title.append(one_line(self.plan_name))
        title.append("  — the POST interview", style="dim")
        yield Static(title, id="iv-title")
        yield Static(id="iv-steps")
        with ContentSwitcher(initial="step-1"):
            yield PeopleStep(id="step-1")
            yield ObjectivesStep(id="step-2")
            yield StrategyStep(id="step-3")
            yield TechnologyStep(id="step-4")
        yield BudgetGauge(id="iv-gauge")
        yield FindingsPanel(id="iv-findings", fix_keys=False)
        yield Static(KEYS_LINE, id="iv-keys")

    def on_mount(self) -> None:
        self.initial = self.snapshot()
        self.show_step(1)

    def show_step(self, number: int) -> None:
        self.step = number
        if number == 4:
            self.fill_channels()
        self.query_one(ContentSwitcher).current = f"step-{number}"
        tabs = Text()
        for n, (name, _) in enumerate(STEPS, start=1):
            label = f" {n} {name} "
            tabs.append(label, style="bold reverse" if n == number else "dim")
            tabs.append(" ")
        tabs.append(f" step {number} of {len(STEPS)}", style="dim")
        self.query_one("#iv-steps", Static).update(tabs)
        last = number == len(STEPS)
        self.query_one("#iv-keys", Static).update(LAST_KEYS_LINE if last else KEYS_LINE)
        step = self.query_one(f"#step-{number}")
        step.scroll_home(animate=False)
        first = next((w for w in step.query("*") if w.focusable), None)
        if first is not None:
            self.set_focus(first)
        self.refresh_plan()

    # -- what the fields hold ---------------------------------------------------------
    def raw(self, ident: str) -> str:
        return self.query_one(f"#{ident}", Input).value

    def parsed(self, ident: str, default: object = None) -> object:
        try:
            return RULES[ident](self.raw(ident))
        except RuleError:
            return default

    def choice(self, ident: str) -> str | None:
        return self.query_one(f"#{ident}", ChoiceBar).value

    def answers(self) -> Answers:
        """The answers so far; a value that breaks its rule counts as not given."""
        audiences = tuple(
            AudienceAnswer(
                self.raw(f"a{n}-name"),
                self.raw(f"a{n}-wants"),
                self.query_one(f"#a{n}-where", PickList).value,
            )
            for n in range(1, MAX_AUDIENCES + 1)
        )
        goals = tuple(
            GoalAnswer(
                aim=self.choice(f"g{n}-aim"),
                shape=int(self.choice(f"g{n}-shape") or 0),
                baseline=self.parsed(f"g{n}-baseline"),  # type: ignore[arg-type]
                target=self.parsed(f"g{n}-target"),  # type: ignore[arg-type]
                months=int(self.choice(f"g{n}-months") or 6),
                horizon=self.choice(f"g{n}-horizon") or "short",
                focus=self.choice(f"g{n}-focus") or "us",
            )
            for n in range(1, MAX_GOALS + 1)
        )
        return Answers(
            name=self.plan_name,
            audiences=audiences,
            goals=goals,
            who=self.raw("who"),
            why=self.raw("why"),
            them=self.raw("them"),
            weekly_hours=self.parsed("hours", self.plan.budget.weekly_hours),  # type: ignore[arg-type]
            active=self.active,
        )

    def errors(self, step: int) -> dict[str, str]:
        """The typed fields of ``step`` that break their rule, with the reason."""
        found = {}
        for field in self.query_one(f"#step-{step}").query(Input):
            try:
                RULES[field.id or ""](field.value)
            except RuleError as error:
                found[field.id or ""] = str(error)
        return found

    def snapshot(self) -> tuple:
        """What every field holds (step 4's ticks apart: see ``ticked``)."""
        held: list[object] = [field.value for field in self.query(Input)]
        held += [bar.value for bar in self.query(ChoiceBar)]
        held += [picks.value for picks in self.query(PickList) if picks.id != "active"]
        return tuple(held)

    @property
    def has_typing(self) -> bool:
        """Whether escape would lose an answer (one that breaks its rule too)."""
        return self.ticked or (self.initial is not None and self.snapshot() != self.initial)

    # -- live: the plan the answers make -----------------------------------------------
    def refresh_plan(self) -> None:
        plan = build(self.answers(), self.today)
        self.plan = plan
        self.query_one(BudgetGauge).summary = summarize(plan)
        self.query_one(FindingsPanel).findings = check(plan, self.today)
        if self.step == 4:
            self.show_cost()

    def show_cost(self) -> None:
        plan = self.plan
        active = [c for c in plan.channels if c.active]
        minutes = sum(channel_minutes(c) for c in active)
        capacity = capacity_minutes(plan.budget)
        text = Text("Active: ", style="bold")
        text.append(f"{format_minutes(minutes)} a week of the {format_minutes(capacity)} ")
        text.append(f"you have ({format_minutes(plan.budget.weekly_hours * 60)} less the reserve)")
        if minutes > capacity:
            text.append(f": OVER by {format_minutes(minutes - capacity)}", style="bold red")
        else:
            text.append(f": {format_minutes(capacity - minutes)} spare", style="green")
        self.query_one("#cost", Static).update(text)

    def fill_channels(self) -> None:
        """Step 4's list: the channels where the audiences are, best score first,
        each with its cost; the best that fits is ticked on the first visit."""
        plan = build(self.answers(), self.today)
        order = [channel for _, channel in ranked(plan)]
        known = {c.id for c in order}
        self.active = tuple(c for c in self.active if c in known)
        if not self.active_chosen and order:
            room = capacity_minutes(plan.budget)
            best = next((c for c in order if channel_minutes(c) <= room), order[0])
            self.active = (best.id,)
            self.active_chosen = True
        picks = self.query_one("#active", PickList)
        picks.items = [Pick(c.id, one_line(self.channel_label(plan, c))) for c in order]
        picks.original = self.active
        picks.selected = set(self.active)
        picks.cursor = 0
        picks.refresh(layout=True)

    @staticmethod
    def channel_label(plan: Plan, channel) -> str:
        value = score(plan, channel)
        shown = "∞" if value == float("inf") else f"{value:.2f}"
        return f"{channel.name}  {format_minutes(channel_minutes(channel))} a week, score {shown}"

    # -- fields changing ---------------------------------------------------------------
    def show_note(self, ident: str, error: str | None) -> None:
        note = self.query_one(f"#note-{ident}", Static)
        note.update(Text(clean(f"✖ {error}")) if error else "")  # quotes what was typed
        note.display = bool(error)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        ident = event.input.id or ""
        try:
            RULES[ident](event.value)
            self.show_note(ident, None)
        except RuleError as error:
            self.show_note(ident, str(error))
        self.refresh_plan()

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(ChoiceBar.Changed)
    def _chosen(self, event: ChoiceBar.Changed) -> None:
        event.stop()
        ident = event.choice_bar.id or ""
        goal, _, part = ident.partition("-")
        if part == "aim":
            shape = self.query_one(f"#{goal}-shape", ChoiceBar)
            shape.options = list(shape_options(event.value))
            shape.value = "0"
            shape.refresh(layout=True)
            if event.value in SHAPES:
                self.query_one(f"#{goal}-focus", ChoiceBar).value = SHAPES[event.value][0].focus
        elif part == "shape" and self.choice(f"{goal}-aim") in SHAPES:
            aim = self.choice(f"{goal}-aim") or ""
            index = int(event.value or 0)
            self.query_one(f"#{goal}-focus", ChoiceBar).value = SHAPES[aim][index].focus
        elif part == "months":
            horizon = horizon_for(int(event.value or 6))
            self.query_one(f"#{goal}-horizon", ChoiceBar).value = horizon
        self.refresh_plan()

    @on(PickList.Changed)
    def _picked(self, event: PickList.Changed) -> None:
        event.stop()
        picks = event.pick_list
        if picks.id == "active":
            if len(picks.value) > MAX_ACTIVE:
                picks.selected = set(self.active)
                picks.refresh()
                self.show_note("active", TOO_MANY)
                self.app.bell()
                return
            self.show_note("active", None)
            self.active, self.active_chosen, self.ticked = picks.value, True, True
        self.refresh_plan()

    # -- moving ------------------------------------------------------------------------
    def refuse(self, errors: dict[str, str]) -> None:
        """Show every reason, focus the first field that has one, and ring."""
        for ident, error in errors.items():
            self.show_note(ident, error)
        self.set_focus(self.query_one(f"#{next(iter(errors))}"))
        self.app.bell()

    # pgdn, pgup and ctrl+s are priority keys: they act when they arrive, so each
    # first waits for the keys typed before it (a burst, a paste) to land.
    async def action_next(self) -> None:
        await settle(self.focused)
        errors = self.errors(self.step)
        if errors:
            self.refuse(errors)
        elif self.step < len(STEPS):
            self.show_step(self.step + 1)
        else:
            self.finish()

    async def action_back(self) -> None:
        await settle(self.focused)
        if self.step > 1:
            self.show_step(self.step - 1)

    async def action_finish(self) -> None:
        await settle(self.focused)
        self.finish()

    def finish(self) -> None:
        for step in range(1, len(STEPS) + 1):
            errors = self.errors(step)
            if errors:
                if step != self.step:
                    self.show_step(step)
                self.refuse(errors)
                return
        if not self.active_chosen:
            self.fill_channels()  # finished early: the best channel that fits, as step 4 offers
        self.dismiss(build(self.answers(), self.today))

    def action_cancel(self) -> None:
        close_asking(self, lambda: self.dismiss(None))
