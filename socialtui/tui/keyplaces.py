"""Every binding of the app, by place: what ``socialtui keys`` lists and
``config.toml``'s ``[keys]`` is checked against (:mod:`socialtui.tui.keys`).

Each screen and widget class with bindings is listed here with its place; a
test holds every class with bindings to being listed, and every binding to
having an id (one without is left out here rather than stop the app). The
app's own bindings are passed in (this module is imported by the app, not
the other way round).
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding, BindingType

from socialtui.tui.keys import Bound, KeyCommand

APP = "Everywhere"
"""The app's own bindings' place."""


def places() -> list[tuple[str, object]]:
    """(place, class) for every screen and widget class with bindings of its own,
    in the order ``socialtui keys`` lists them (the app's come second)."""
    from socialtui.tui.screens.checkin import CheckinScreen
    from socialtui.tui.screens.dialogs import (
        CatalogScreen,
        ConfirmScreen,
        ConflictScreen,
        PromptScreen,
    )
    from socialtui.tui.screens.export import ExportScreen
    from socialtui.tui.screens.form import FormScreen
    from socialtui.tui.screens.help import HelpScreen
    from socialtui.tui.screens.history import HistoryScreen
    from socialtui.tui.screens.interview import InterviewScreen
    from socialtui.tui.screens.interview_app import InterviewApp, StartScreen
    from socialtui.tui.screens.picker import PlanPicker
    from socialtui.tui.screens.planner import PlannerScreen
    from socialtui.tui.screens.review import ReviewScreen
    from socialtui.tui.screens.week import WeekScreen
    from socialtui.tui.widgets.choices import KeyedOptionList, KeyedTable
    from socialtui.tui.widgets.findings import FindingsPanel

    return [
        ("Planner", PlannerScreen),
        ("Lists", KeyedOptionList),
        ("Lists", KeyedTable),
        ("Lists", FindingsPanel),
        ("Form", FormScreen),
        ("Check-in", CheckinScreen),
        ("History", HistoryScreen),
        ("Review", ReviewScreen),
        ("Week", WeekScreen),
        ("Interview", InterviewScreen),
        ("Interview", InterviewApp),
        ("New plan", StartScreen),
        ("Plans", PlanPicker),
        ("Export", ExportScreen),
        ("Help", HelpScreen),
        ("Question", ConfirmScreen),
        ("Catalog", CatalogScreen),
        ("Name", PromptScreen),
        ("Changed on disk", ConflictScreen),
    ]


def bindings(app_bindings: Iterable[BindingType]) -> list[Bound]:
    """Every binding of the app (``app_bindings``: the app class's own), with its
    place; an id repeats where one command lives in several places."""
    from socialtui.tui.commands import DESCRIPTIONS

    listed = places()
    listed.insert(1, (APP, app_bindings))
    out: list[Bound] = []
    for place, owner in listed:
        own = owner if place == APP else owner.__dict__.get("BINDINGS", [])
        for binding in Binding.make_bindings(own):
            if binding.id is None:  # not one of ours to remap (a test says every one has one)
                continue
            word = binding.description
            description = DESCRIPTIONS.get(binding.id) or f"{place}: {_lower_first(word)}"
            keys = tuple(k.strip() for k in binding.key.split(","))
            out.append(Bound(binding.id, keys, place, binding.priority, description))
    return _merged(out)


def _merged(bound: list[Bound]) -> list[Bound]:
    """Bindings split per key (``"j"`` and ``"down"`` under one id) made one per place."""
    merged: dict[tuple[str, str], Bound] = {}
    for b in bound:
        key = (b.id, b.place)
        if key in merged:
            old = merged[key]
            keys = old.keys + tuple(k for k in b.keys if k not in old.keys)
            b = Bound(b.id, keys, b.place, old.priority or b.priority, old.description)
        merged[key] = b
    return list(merged.values())


def commands(bound: Iterable[Bound]) -> list[KeyCommand]:
    """One line per id, the first place it is bound in giving its keys and words."""
    seen: dict[str, KeyCommand] = {}
    for b in bound:
        if b.id not in seen:
            seen[b.id] = KeyCommand(b.id, b.keys, b.description)
    return list(seen.values())


def _lower_first(word: str) -> str:
    """``Close`` → ``close``; an acronym (``CSV``) stays as it is."""
    if word[1:2].isupper():
        return word
    return word[:1].lower() + word[1:]
