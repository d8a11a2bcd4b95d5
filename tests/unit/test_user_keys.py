"""config.toml's [keys] checked: key names, refused entries, clashes, the one line."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialtui.tui.app import SocialApp
from socialtui.tui.keynames import parse_key
from socialtui.tui.keyplaces import bindings
from socialtui.tui.keys import EVERYWHERE, resolve

BOUND = bindings(SocialApp.BINDINGS)


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("?", "question_mark"),
        ("F2", "f2"),
        (" f2 ", "f2"),
        ("Ctrl+G", "ctrl+g"),
        ("shift+a", "A"),
        ("A", "A"),
        ("a", "a"),
        ("ä", "ä"),
        ("Ä", "Ä"),
        ("Shift+Ctrl+Up", "ctrl+shift+up"),
        ("space", "space"),
        ("+", "plus"),
        ("/", "slash"),
        ("comma", "comma"),
        ("alt+x", "alt+x"),
        ("pagedown", "pagedown"),
    ],
)
def test_key_names_as_people_write_them(written: str, name: str):
    assert parse_key(written) == name


@pytest.mark.parametrize("written", ["", "ctrl+", "f99", "hyperr+x", "ctrl+ctrl+x", "\x1b", "\t"])
def test_what_is_no_key(written: str):
    assert parse_key(written) is None


def problems(table: dict) -> list[str]:
    return resolve(table, BOUND).problems


def test_good_entries_become_the_keymap():
    keys = resolve({"help": "f2", "add": "F3, ctrl+g", "check-in": "ä"}, BOUND)
    assert keys.problems == []
    assert keys.keymap == {"help": "f2", "add": "f3,ctrl+g", "check-in": "ä"}
    assert keys.changed["add"] == ("f3", "ctrl+g")
    assert keys.summary() is None


@pytest.mark.parametrize(
    ("table", "said"),
    [
        ({"nope": "f2"}, "nope: no such command"),
        ({"help": 2}, "help: not a string of keys"),
        ({"help": ["f2"]}, "help: not a string of keys"),
        ({"quit": ""}, "quit = '': no key given"),
        ({"quit-anywhere": " , "}, "is not a key"),
        ({"help": "f2,hyperr+x"}, "'hyperr+x' is not a key"),
        ({"help": "ctrl+c"}, "ctrl+c is the terminal's interrupt"),
        ({"plans": "ctrl+p"}, "ctrl+p is the command palette"),
        ({"quit-anywhere": "hyper+q"}, "quitting must stay reachable"),
        ({"quit": "f13,super+x"}, "quitting must stay reachable"),
        # Keys that act before a field sees them never take a letter from it.
        ({"quit-anywhere": "x"}, "x would no longer type in a field"),
        ({"form-next": "space"}, "space would no longer type in a field"),
        ({"checkin-save": "ä"}, "ä would no longer type in a field"),
        # A clash in the same place: the pane digits, the app's own keys everywhere.
        ({"add": "1"}, "add = '1': clashes with goals-pane (Planner)"),
        ({"list-down": "a"}, "list-down = 'a': clashes with add (Planner)"),
        ({"quit": "ctrl+q"}, "clashes with quit-anywhere"),
        ({"quit-anywhere": "escape"}, "quit-anywhere = 'escape': clashes with"),
        ({"form-save": "tab"}, "form-save = 'tab': clashes with form-next (Form)"),
    ],
)
def test_a_refused_entry_is_said_and_keeps_the_defaults(table: dict, said: str):
    keys = resolve(table, BOUND)
    assert len(keys.problems) == 1
    assert said in keys.problems[0]
    assert keys.keymap == {}


def test_letters_for_the_planners_commands_and_the_review():
    # The planner's check_action says no while a field is open; the review has none.
    assert problems({"add": "z", "review-next": "l", "check-in": "ä"}) == []


def test_a_key_the_command_had_anyway_is_no_clash():
    # The help screen's q closes it and q quits elsewhere: as by default.
    assert problems({"help-close": "escape,q"}) == []


def test_quitting_may_move_to_a_key_every_terminal_sends():
    keys = resolve({"quit-anywhere": "ctrl+x,hyper+q", "quit": "f5"}, BOUND)
    assert keys.problems == []
    assert keys.changed == {"quit-anywhere": ("ctrl+x", "hyper+q"), "quit": ("f5",)}


def test_two_commands_may_swap_keys():
    keys = resolve({"add": "d", "delete": "a"}, BOUND)
    assert keys.problems == []
    assert keys.changed == {"add": ("d",), "delete": ("a",)}


def test_a_refused_entry_can_refuse_the_one_that_counted_on_its_key():
    # delete's "1" clashes with the Goals pane: delete keeps d, which add wanted.
    keys = resolve({"add": "d", "delete": "1"}, BOUND)
    assert keys.changed == {}
    assert len(keys.problems) == 2


def test_the_summary_is_one_clean_line_naming_three():
    table = {f"\x1b[31mbad{i}\nline": "f2" for i in range(5)}
    line = resolve(table, BOUND).summary()
    assert line is not None
    assert "\n" not in line and "\x1b" not in line
    assert line.startswith("config.toml [keys]: ")
    assert "and 2 more" in line
    assert line.endswith("(default keys kept for those)")


IDS = sorted({b.id for b in BOUND})
KEYS = ["a", "z", "1", "ä", "?", "f2", "ctrl+g", "escape", "enter", "tab", "ctrl+q", "q", "j"]


@given(
    st.dictionaries(
        st.one_of(st.sampled_from(IDS), st.text(max_size=8)),
        st.one_of(
            st.lists(st.sampled_from(KEYS), min_size=1, max_size=3).map(",".join),
            st.text(max_size=10),
            st.integers(),
        ),
        max_size=8,
    )
)
def test_whatever_the_table_no_place_has_a_key_twice_that_the_user_gave(table):
    keys = resolve(table, BOUND)
    assert set(keys.changed) <= set(table)
    defaults: dict[str, set[str]] = {}
    for b in BOUND:
        defaults.setdefault(b.id, set()).update(b.keys)
    for place in {b.place for b in BOUND}:
        live = [b for b in BOUND if b.place == place or b.place in EVERYWHERE]
        seen: dict[str, set[str]] = {}
        for b in live:
            for key in keys.changed.get(b.id, b.keys):
                seen.setdefault(key, set()).add(b.id)
        for key, ids in seen.items():
            new = [i for i in ids if i in keys.changed and key not in defaults[i]]
            assert len(ids) == 1 or not new, (place, key, ids)
    quits = keys.changed.get("quit-anywhere", ("ctrl+q",))
    assert quits and all(len(k) > 1 for k in quits)  # never a letter, never nothing
    summary = keys.summary()
    assert summary is None or ("\n" not in summary and "\x1b" not in summary)
