"""Forms for goals, audiences, channels and the purpose (see :mod:`.form`).

What has a fixed set of values is chosen, not typed: a channel's status, a
goal's horizon and focus, the goals a channel serves, the channels where an
audience is. Notes, an audience's wants and the purpose's lines are text
boxes: they keep line breaks. An id is made from the name when left empty,
and the field shows which one it will be. The channel form previews its
effect: each valid keystroke in its cadence moves the main gauge and findings,
and the form's own preview line says where the budget would land.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from socialtui.plan.model import (
    FOCUSES,
    HORIZONS,
    STATUSES,
    Audience,
    Channel,
    Goal,
    Person,
    Plan,
    Purpose,
    slugify,
)
from socialtui.plan.numbers import show_number
from socialtui.plan.rules import (
    RuleError,
    parse_date,
    parse_name,
    parse_number,
    parse_optional_finite,
    parse_slug,
)
from socialtui.tui.screens.days_field import picked_days, posting_days_field
from socialtui.tui.screens.form import MISSING, Field, FormScreen, line, shown, text_box

NOT_SET = (None, "not set")


def number_line(name: str, label: str, stored: Any, parse, hint: str = "") -> Field:
    text = "" if stored is MISSING or stored is None else show_number(stored)
    return line(name, label, stored, parse, hint, text=text)


def stored(item: object | None, attribute: str) -> Any:
    return MISSING if item is None else getattr(item, attribute)


class NamedForm(FormScreen):
    """A form for an item with a name and an id made from it when left empty."""

    name_field = "name"
    item: Any = None

    def taken(self) -> set[str]:
        raise NotImplementedError

    def id_field(self) -> Field:
        current = self.item.id if self.item is not None else ""
        taken = self.taken()
        return line(
            "id",
            "Id",
            stored(self.item, "id"),
            lambda t: "" if not t.strip() else parse_slug(t, taken),
            "" if self.item is not None else f"made from the {self.name_field} when left empty",
            text=current,
            placeholder=self.made_id(),
        )

    def made_id(self, name: str = "") -> str:
        return slugify(name, self.taken()) if name.strip() else ""

    def field_changed(self, name: str) -> None:
        if name == self.name_field and self.item is None:
            from textual.widgets import Input

            typed = self.query_one(f"#field-{name}", Input).value
            self.query_one("#field-id", Input).placeholder = self.made_id(typed)

    def item_id(self, values: dict[str, Any]) -> str:
        return values["id"] or slugify(values[self.name_field], self.taken())


class GoalForm(NamedForm):
    name_field = "title"

    def __init__(self, plan: Plan, goal: Goal | None = None, **kwargs) -> None:
        self.item = goal
        self.heading = "Edit goal" if goal else "New goal"
        super().__init__(plan, **kwargs)

    def taken(self) -> set[str]:
        return {x.id for x in self.plan.goals} - {self.item.id if self.item else ""}

    def fields(self) -> list[Field]:
        g = self.item
        return [
            line(
                "title",
                "Title",
                stored(g, "title"),
                lambda t: parse_name(t, "title"),
                "What you want social media to achieve",
            ),
            line("metric", "Metric", stored(g, "metric"), hint="What is counted, e.g. orders"),
            number_line(
                "baseline",
                "Baseline",
                stored(g, "baseline"),
                lambda t: parse_optional_finite(t, "baseline"),
            ),
            number_line(
                "target",
                "Target",
                stored(g, "target"),
                lambda t: parse_optional_finite(t, "target"),
            ),
            line("deadline", "Deadline", stored(g, "deadline"), parse_date, "YYYY-MM-DD"),
            Field(
                "horizon",
                "Horizon",
                None if g is None else g.horizon,
                kind="choice",
                options=(NOT_SET, *((h, h) for h in HORIZONS)),
                hint="short or long term: ← → or a letter",
            ),
            Field(
                "focus",
                "Focus",
                None if g is None else g.focus,
                kind="choice",
                options=(NOT_SET, *((f, f) for f in FOCUSES)),
                hint="us (the business) or them (the community)",
            ),
            self.id_field(),
        ]

    def build(self, v: dict[str, Any]) -> Goal:
        return Goal(
            id=self.item_id(v),
            title=v["title"],
            metric=v["metric"],
            baseline=v["baseline"],
            target=v["target"],
            deadline=v["deadline"],
            horizon=v["horizon"],
            focus=v["focus"],
        )


class AudienceForm(NamedForm):
    def __init__(self, plan: Plan, audience: Audience | None = None, **kwargs) -> None:
        self.item = audience
        self.heading = "Edit audience" if audience else "New audience"
        super().__init__(plan, **kwargs)

    def taken(self) -> set[str]:
        return {x.id for x in self.plan.audiences} - {self.item.id if self.item else ""}

    def fields(self) -> list[Field]:
        a = self.item
        return [
            line("name", "Name", stored(a, "name"), parse_name, "Who they are"),
            text_box("wants", "Wants", stored(a, "wants"), "What is in it for them"),
            Field(
                "channels",
                "Where they are",
                stored(a, "channels"),
                kind="pick",
                options=tuple((c.id, c.name) for c in self.plan.channels),
                hint="space ticks a channel of the shortlist; typing filters",
            ),
            self.id_field(),
        ]

    def build(self, v: dict[str, Any]) -> Audience:
        return Audience(
            id=self.item_id(v),
            name=v["name"],
            wants=v["wants"],
            channels=tuple(v["channels"]),
        )


class ChannelForm(NamedForm):
    def __init__(
        self,
        plan: Plan,
        channel: Channel | None = None,
        *,
        new: bool = False,
        note: str = "",
        **kwargs,
    ) -> None:
        self.channel = channel
        self.new = new or channel is None
        self.item = None if self.new else channel
        self.note = note
        self.heading = "New channel" if self.new else "Edit channel"
        super().__init__(plan, **kwargs)

    def taken(self) -> set[str]:
        return {x.id for x in self.plan.channels} - {self.item.id if self.item else ""}

    def fields(self) -> list[Field]:
        c = self.channel  # a catalog preset opens a new channel filled in
        fields = [
            line(
                "name",
                "Name",
                stored(self.item, "name"),
                parse_name,
                self.note,
                text="" if c is None else shown(c.name),
            ),
            Field(
                "status",
                "Status",
                "candidate" if c is None else c.status,
                kind="choice",
                options=tuple((s, s) for s in STATUSES),
                hint="← → or a letter",
            ),
        ]
        for name, label, hint in (
            ("posts_per_week", "Posts / week", ""),
            ("minutes_per_post", "Minutes / post", ""),
            ("engage_minutes_per_week", "Engage min/week", "Listening and conversation too"),
        ):
            value = 0 if c is None else getattr(c, name)
            fields.append(
                number_line(
                    name,
                    label,
                    value if self.item is not None else MISSING,
                    lambda t, name=name: parse_number(name, t),
                    hint,
                )
            )
            if self.item is None:
                fields[-1] = replace(fields[-1], text=show_number(value))
        fields.append(posting_days_field(() if c is None else c.days))
        fields += [
            Field(
                "goals",
                "Serves goals",
                () if c is None else c.goals,
                kind="pick",
                options=tuple((g.id, g.title) for g in self.plan.goals),
                hint="space ticks a goal; typing filters",
            ),
            text_box("notes", "Notes", stored(self.item, "notes")),
            self.id_field(),
        ]
        owner = self.owner_field()
        if owner is not None:
            fields.insert(2, owner)
        if self.item is None and c is not None and c.id:
            fields[-1] = replace(fields[-1], text=c.id)  # a preset comes with its id
        return fields

    def owner_field(self) -> Field | None:
        """Who does the channel's work, picked from the plan's people (none: no field).
        An owner who is not among the people is offered as it is, to keep or change."""
        current = "" if self.channel is None else self.channel.owner
        people = tuple((p.id, p.name) for p in self.plan.people)
        if not people and not current:
            return None
        unknown = () if not current or self.plan.person(current) else ((current, current),)
        return Field(
            "owner",
            "Owner",
            current,
            kind="choice",
            options=(("", "nobody"), *people, *unknown),
            hint="who does its work: ← → or a letter",
        )

    def build(self, v: dict[str, Any]) -> Channel:
        # replace(): fields this form does not show are kept.
        extra = {"owner": v["owner"] or ""} if "owner" in v else {}
        return replace(
            self.item or Channel(id="", name=""),
            id=self.item_id(v),
            name=v["name"],
            status=v["status"],
            posts_per_week=v["posts_per_week"],
            minutes_per_post=v["minutes_per_post"],
            engage_minutes_per_week=v["engage_minutes_per_week"],
            goals=tuple(v["goals"]),
            notes=v["notes"],
            days=picked_days(v["days"], () if self.channel is None else self.channel.days),
            **extra,
        )

    def preview_plan(self, result: Channel) -> Plan | None:
        old_id = None if self.item is None else self.item.id
        if old_id is None and self.plan.channel(result.id) is not None:
            return None
        return self.plan.with_channel(result, old_id=old_id)


class PersonForm(NamedForm):
    """Someone who does the work: their name and the hours they have each week."""

    def __init__(self, plan: Plan, person: Person | None = None, **kwargs) -> None:
        self.item = person
        self.heading = "Edit person" if person else "New person"
        super().__init__(plan, **kwargs)

    def taken(self) -> set[str]:
        return {x.id for x in self.plan.people} - {self.item.id if self.item else ""}

    def fields(self) -> list[Field]:
        p = self.item
        return [
            line("name", "Name", stored(p, "name"), self.parse_person_name, "Who does the work"),
            number_line(
                "weekly_hours",
                "Hours / week",
                stored(p, "weekly_hours"),
                lambda t: parse_number("person_hours", t),
                "hours they really have for social media each week",
            ),
            self.id_field(),
        ]

    def parse_person_name(self, text: str) -> str:
        """A name, not another person's: an owner, a bar and a finding name people
        by it, and two Sams could not be told apart."""
        name = parse_name(text)
        others = {x.name.casefold() for x in self.plan.people if x is not self.item}
        if name.casefold() in others:
            raise RuleError(f"'{name}' is already someone here; tell them apart (Sam K., Sam L.)")
        return name

    def build(self, v: dict[str, Any]) -> Person:
        return Person(id=self.item_id(v), name=v["name"], weekly_hours=v["weekly_hours"])

    def preview_plan(self, result: Person) -> Plan | None:
        old_id = None if self.item is None else self.item.id
        if old_id is None and self.plan.person(result.id) is not None:
            return None
        return self.plan.with_person(result, old_id=old_id)


class PurposeForm(FormScreen):
    heading = "Purpose"

    def fields(self) -> list[Field]:
        p = self.plan.purpose
        return [
            text_box("who", "Who", p.who, "Who we are, who we serve"),
            text_box("why", "Why", p.why, "Why we are on social media at all"),
            text_box("what", "What", p.what, "What we will share"),
            text_box("them", "For them", p.them, "What is in it for them"),
        ]

    def build(self, v: dict[str, Any]) -> Purpose:
        return replace(self.plan.purpose, **v)
