"""Opening is not rewriting, and typing is not lost (issue 11, the forms' part).

- Opening any form, the purpose, a budget value or a recorded check-in and
  saving it without an edit leaves the file byte for byte as it was: a property
  test over plans full of hostile text (escape sequences, bidi controls, markup),
  multi-line strings, tabs, odd spacing and numbers that a field would round,
  with LF and CRLF line endings.
- Fields show the stored value, made visible: a control character is shown as
  its picture, a line break and a tab are kept in a text box.
- Check-in typing survives paging between weeks.
"""

from __future__ import annotations

import asyncio
import string
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialtui import store
from socialtui.store.tomltext import toml_string
from socialtui.tui.screens.checkin import CheckinScreen
from socialtui.tui.screens.dialogs import DiscardScreen
from socialtui.tui.screens.planner import PlannerScreen
from socialtui.tui.widgets.fields import NoteArea

from .conftest import copy_fixture, make_app, running, settle

HOSTILE = [
    "\x1b[2J",
    "\x1b]0;pwned\x07",
    "\t",
    "\n",
    "\r\n",
    "  ",
    "[bold red]x[/]",
    "\u202e",
    "\x7f",
    "\x9b",
    "é",
    "🙂",
    " ",
    "\\",
    '"',
    "'",
]
WORD = st.text(alphabet=string.ascii_letters + ",.-", min_size=1, max_size=6)
FREE = st.lists(st.one_of(st.sampled_from(HOSTILE), WORD), max_size=5).map("".join)
NAME = st.tuples(st.sampled_from("ABCXYZ"), FREE).map("".join)
NUMBER = st.sampled_from(["3", "3.0", "2.125", "0.333", "1e1", "0", "12.50", "7"])
SPACE = st.sampled_from([" = ", "=", "   =  ", " =\t"])


def multiline(value: str) -> str:
    """``value`` as a TOML multi-line basic string with its line breaks raw."""
    escaped = toml_string(value)[1:-1].replace("\\n", "\n")
    return f'"""\n{escaped}"""'


@st.composite
def plan_texts(draw) -> str:
    """A plan file as a person might have written it, full of things a field
    could rewrite: the text is hostile, the spacing odd, the numbers precise."""

    def key(name: str, value: str) -> str:
        return f"{name}{draw(SPACE)}{value}"

    def text(value: str) -> str:
        return multiline(value) if "\n" in value and draw(st.booleans()) else toml_string(value)

    lines = ["# a hand-written plan", "schema = 1", key("name", toml_string(draw(NAME))), ""]
    lines += ["[purpose]"]
    for field in ("who", "why", "what", "them"):
        lines.append(key(field, text(draw(FREE))))
    hours = draw(NUMBER.filter(lambda n: float(n) > 0))
    lines += ["", "[budget]", key("weekly_hours", hours), "reserve_percent = 12.5", ""]
    goals = [f"g{i}" for i in range(draw(st.integers(1, 2)))]
    channels = [f"c{i}" for i in range(draw(st.integers(1, 2)))]
    for goal in goals:
        lines += ["[[goals]]", key("id", toml_string(goal)), key("title", text(draw(NAME)))]
        lines.append(key("metric", text(draw(FREE))))
        lines += [key("baseline", draw(NUMBER)), key("target", "100.125")]
        if draw(st.booleans()):
            lines += ["deadline = 2027-06-30", 'horizon = "long"', 'focus = "them"']
        lines.append("")
    for n in range(draw(st.integers(0, 1))):
        where = draw(st.lists(st.sampled_from([*channels, "linkdin"]), max_size=3, unique=True))
        lines += ["[[audiences]]", f'id = "a{n}"', key("name", text(draw(NAME)))]
        lines += [key("wants", text(draw(FREE))), key("channels", f"{where!r}".replace("'", '"'))]
        lines.append("")
    for channel in channels:
        served = draw(st.lists(st.sampled_from([*goals, "gone"]), max_size=3, unique=True))
        lines += ["[[channels]]", f'id = "{channel}"', key("name", text(draw(NAME)))]
        lines.append(f'status = "{draw(st.sampled_from(["active", "candidate", "later"]))}"')
        lines += [key("posts_per_week", draw(NUMBER)), "minutes_per_post = 30.0"]
        lines.append(key("engage_minutes_per_week", draw(NUMBER)))
        lines += [key("goals", f"{served!r}".replace("'", '"'))]
        lines += [key("notes", text(draw(FREE))), ""]
    for week in draw(st.lists(st.sampled_from(["2026-W44", "2026-W46"]), unique=True)):
        lines += ["[[checkins]]", f'week = "{week}"']
        lines.append(f"hours = {{ {channels[0]} = {draw(NUMBER)} }}")
        if draw(st.booleans()):
            lines.append(f'verdicts = {{ {channels[0]} = "working" }}')
        lines += [f"metrics = {{ {goals[0]} = {draw(NUMBER)} }}", key("note", text(draw(FREE)))]
        lines.append("")
    text_ = "\n".join(lines) + "# the end\n"
    return text_.replace("\n", "\r\n") if draw(st.booleans()) else text_


async def open_and_save_everything(path: Path, data: Path) -> None:
    """Every form, the purpose, every budget value and every recorded week:
    opened, and saved (ctrl+s / enter) without an edit."""
    app = make_app(path, data)
    async with running(app, size=(160, 50)) as pilot:
        screen = app.screen
        assert isinstance(screen, PlannerScreen)
        plan = screen.plan
        items = [
            (1, "goals", [g.id for g in plan.goals]),
            (2, "audience", [a.id for a in plan.audiences]),
            (3, "channels", [c.id for c in plan.channels]),
        ]
        for number, pane_id, ids in items:
            for item_id in ids:
                await pilot.press(str(number))
                screen.query_one(f"#{pane_id}").select_id(item_id)
                await pilot.press("enter")
                assert app.screen is not screen, item_id  # the form is open
                await pilot.press("ctrl+s")
                assert app.screen is screen and screen.plan == plan, item_id
        await pilot.press("1", "p", "ctrl+s")
        await pilot.press("4", "enter", "enter", "j", "enter", "enter", "j", "enter", "enter")
        assert screen.plan == plan
        for checkin in plan.checkins:
            screen.action_checkin(checkin.week)
            await pilot.pause()
            assert isinstance(app.screen, CheckinScreen)
            await pilot.press("ctrl+s")
            assert app.screen is screen and screen.plan == plan, checkin.week
        await pilot.press("ctrl+s")
        await settle(app, pilot)


@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(text=plan_texts())
def test_opening_and_saving_without_an_edit_leaves_the_file_as_it_was(text: str):
    with tempfile.TemporaryDirectory() as name:
        data = Path(name) / "data"
        path = store.ensure_dir(store.plans_dir(data)) / "hand.toml"
        path.write_bytes(text.encode("utf-8"))
        path.chmod(0o600)
        store.load(path)  # the generator writes plans that load
        before = path.read_bytes()
        asyncio.run(open_and_save_everything(path, data))
        assert path.read_bytes() == before


@pytest.mark.parametrize("fixture", ["checkins.toml", "example.toml", "commented.toml"])
async def test_the_fixtures_survive_being_opened_and_saved(data_dir: Path, fixture: str):
    path = copy_fixture(data_dir, fixture)
    before = path.read_bytes()
    await open_and_save_everything(path, data_dir)
    assert path.read_bytes() == before


# -- what a field shows ---------------------------------------------------------------------

HOSTILE_PLAN = """schema = 1
name = "Hostile"
[purpose]
who = \"\"\"
line one
line two\tTabbed\"\"\"
why = "\\u001b[2J wiped"
[budget]
weekly_hours = 5
[[goals]]
id = "g"
title = "\\u001b]0;pwned\\u0007 title"
[[channels]]
id = "c"
name = "Shop"
status = "active"
posts_per_week = 1
minutes_per_post = 30
notes = "first\\nsecond"
[[checkins]]
week = "2026-W46"
note = "line one\\nline two\\ttabbed"
"""


async def test_fields_show_the_stored_value_visibly_and_keep_it(data_dir: Path):
    path = store.plans_dir(data_dir) / "hostile.toml"
    path.write_text(HOSTILE_PLAN)
    before = path.read_bytes()
    app = make_app(path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("1", "p")
        form = app.screen
        who = form.query_one("#field-who", NoteArea)
        assert who.text == "line one\nline two\tTabbed"  # line break and tab kept
        assert form.query_one("#field-why", NoteArea).text == "␛[2J wiped"  # shown, inert
        await pilot.press("ctrl+s", "enter")  # the goal
        assert app.screen.query_one("#field-title").value == "␛]0;pwned␇ title"
        await pilot.press("ctrl+s", "3", "enter")
        assert app.screen.query_one("#field-notes", NoteArea).text == "first\nsecond"
        await pilot.press("ctrl+s")
        app.screen.action_checkin("2026-W46")
        await pilot.pause()
        assert app.screen.query_one("#note", NoteArea).text == "line one\nline two\ttabbed"
        await pilot.press("ctrl+s", "ctrl+s")
        await settle(app, pilot)
    assert path.read_bytes() == before


async def test_an_edited_text_box_keeps_its_line_breaks(data_dir: Path):
    path = store.plans_dir(data_dir) / "hostile.toml"
    path.write_text(HOSTILE_PLAN)
    app = make_app(path, data_dir)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("3", "enter")
        notes = app.screen.query_one("#field-notes", NoteArea)
        app.screen.set_focus(notes)
        await pilot.press("down", "end", "ctrl+j", *"third", "ctrl+s")
        assert app.screen_stack[0].plan.channel("c").notes == "first\nsecond\nthird"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    assert store.load(path).plan.channel("c").notes == "first\nsecond\nthird"
    assert store.load(path).plan.purpose.who == "line one\nline two\tTabbed"  # untouched


# -- check-in typing survives paging ------------------------------------------------------------


async def test_checkin_typing_is_kept_per_week_and_saved_with_it(data_dir: Path):
    path = copy_fixture(data_dir, "checkins.toml")
    app = make_app(path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("c", "ctrl+u", "7")  # 2026-W47, LinkedIn: 7 h
        await pilot.press("pageup", "ctrl+u", "1")  # 2026-W46, LinkedIn: 1 h
        await pilot.press("pageup", "pagedown")
        screen = app.screen
        assert screen.query_one("#hours-linkedin").value == "1"
        await pilot.press("pagedown")
        assert screen.query_one("#hours-linkedin").value == "7"
        await pilot.press("ctrl+s")
        plan = app.screen_stack[0].plan
        assert plan.checkin("2026-W47").hours["linkedin"] == 7
        assert plan.checkin("2026-W46").hours["linkedin"] == 1
        # W46's other values are what the file held: only the touched field changed.
        before = store.load(path).plan.checkin("2026-W46")
        assert plan.checkin("2026-W46").metrics == before.metrics
        assert plan.checkin("2026-W46").note == before.note


async def test_leaving_a_checkin_with_typing_in_another_week_asks(data_dir: Path):
    path = copy_fixture(data_dir, "checkins.toml")
    app = make_app(path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("c", "pageup", "ctrl+u", "1", "pagedown", "escape")
        assert isinstance(app.screen, DiscardScreen)
        await pilot.press("n")
        assert isinstance(app.screen, CheckinScreen)
        await pilot.press("escape", "y")
        assert isinstance(app.screen, PlannerScreen)
        assert app.screen.plan.checkin("2026-W46").hours["linkedin"] != 1


async def test_a_checkin_with_nothing_typed_closes_at_once(data_dir: Path):
    path = copy_fixture(data_dir, "checkins.toml")
    app = make_app(path, data_dir)
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("c", "pageup", "pageup", "escape")
        assert isinstance(app.screen, PlannerScreen)
