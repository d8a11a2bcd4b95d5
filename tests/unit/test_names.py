"""Plans by name: file names from plan names, PLAN arguments, the archive, new files.

socialtui.store.folder, pure file-system work on temporary folders.
"""

from __future__ import annotations

import os
import threading
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialtui import paths
from socialtui.store import folder
from socialtui.store.folder import AmbiguousPlan, file_stem, find_plan

PLAN = 'schema = 1\nname = "{name}"\n\n[budget]\nweekly_hours = 3\n'


def plan_text(name: str) -> str:
    return PLAN.format(name=name.replace("\\", "\\\\").replace('"', '\\"'))


def write(folder_path: Path, stem: str, name: str) -> Path:
    folder_path.mkdir(parents=True, exist_ok=True)
    path = folder_path / f"{stem}.toml"
    path.write_text(plan_text(name), encoding="utf-8")
    return path


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


# -- file names from names ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, stem",
    [
        ("咖啡店", "咖啡店"),
        ("☕☕", "☕☕"),
        ("Кафе", "кафе"),
        ("Пекарня 2027", "пекарня-2027"),
        ("Café Crème", "café-crème"),
        ("Corner Bakery 2027", "corner-bakery-2027"),
        ("Cafe\u0301", "café"),  # NFD in, NFC out
        ("a/b\\c:d*e?f", "a-b-c-d-e-f"),
        ("  .hidden.  ", "hidden"),
        ("CON", "con-plan"),
        ("nul.txt", "nul-plan.txt"),
        ("!!!", "!!!"),  # no letter: what every file system accepts
        ("???", "plan"),  # nothing at all is left: the one fixed word
        ("\x1b]0;pwned\x07 plan", "0-pwned-plan"),
        ("\u202eevil", "evil"),
        ("👩\u200d💻 devs", "👩\u200d💻-devs"),
    ],
)
def test_a_file_name_keeps_the_name_s_letters(name: str, stem: str):
    assert file_stem(name) == stem


def test_the_issue_s_names_give_meaningful_distinct_files():
    names = ["咖啡店", "☕☕", "Кафе", "Пекарня 2027", "Café Crème"]
    stems = [file_stem(n) for n in names]
    assert len(set(stems)) == len(names)
    assert "item" not in stems and "2027" not in stems and "caf-cr-me" not in stems


def test_a_long_name_is_cut_between_characters_to_the_byte_limit():
    for char in ("a", "é", "咖", "👩\u200d💻"):
        stem = file_stem(char * 300)
        assert 0 < len(stem.encode("utf-8")) <= folder.MAX_STEM_BYTES
        assert not stem.endswith("\u200d")
        stem.encode("utf-8").decode("utf-8")  # whole characters only


@settings(max_examples=300)
@given(st.text(min_size=1, max_size=250))
def test_any_name_gives_a_file_name_every_system_accepts(tmp_path_factory, name: str):
    stem = file_stem(name)
    assert stem and stem == stem.strip() and not stem.startswith(".") and not stem.endswith(".")
    assert len(stem.encode("utf-8")) <= folder.MAX_STEM_BYTES
    assert unicodedata.is_normalized("NFC", stem)
    assert not any(c in '/\\:*?"<>|' or ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in stem)
    assert stem.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL", "COM1", "LPT1"}
    where = tmp_path_factory.mktemp("stems")
    (where / f"{stem}.toml").write_text("x")  # the file system takes it
    assert [p.name for p in where.iterdir()] == [f"{stem}.toml"]


def test_unused_stems_count_up_ignoring_case():
    assert folder.unused_stem("café", set()) == "café"
    assert folder.unused_stem("café", {"Café"}) == "café-2"
    assert folder.unused_stem("café", {"café", "CAFÉ-2"}) == "café-3"
    long = "x" * folder.MAX_STEM_BYTES
    bumped = folder.unused_stem(long, {long})
    assert bumped.endswith("-2") and len(bumped.encode()) <= folder.MAX_STEM_BYTES


def test_create_plan_never_replaces_a_file_and_says_where_it_went(data: Path):
    plans = paths.plans_dir(data)
    first = folder.create_plan(data, "Café Crème", plan_text("Café Crème"))
    second = folder.create_plan(data, "Café Crème!", plan_text("Café Crème!"))
    assert first == plans / "café-crème.toml"
    assert second == plans / "café-crème-2.toml"
    assert "Café Crème!" in second.read_text(encoding="utf-8")
    assert "Café Crème!" not in first.read_text(encoding="utf-8")
    assert oct(first.stat().st_mode & 0o777) == "0o600"
    assert [p.name for p in plans.iterdir() if p.name.startswith(".")] == []  # no temp left


def test_create_plan_counts_archived_stems_as_taken(data: Path):
    write(paths.archive_dir(data), "bakery", "Old bakery")
    assert folder.create_plan(data, "Bakery", plan_text("Bakery")).name == "bakery-2.toml"


def test_create_new_races_never_lose_a_file(tmp_path: Path):
    target = tmp_path / "out" / "report.md"
    made: list[Path] = []

    def write_one(n: int) -> None:
        made.append(folder.create_new(target, f"{n}\n".encode()))

    threads = [threading.Thread(target=write_one, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(made)) == 12
    assert sorted(int(p.read_text()) for p in made) == list(range(12))
    assert target in made and target.with_name("report-12.md") in made


# -- what a PLAN argument means ------------------------------------------------------------------


def test_a_plan_is_found_by_path_stem_or_name(data: Path, tmp_path: Path, monkeypatch):
    plans = paths.plans_dir(data)
    bakery = write(plans, "corner-bakery", "Corner Bakery 2027")
    renamed = write(plans, "aaa-first", "Coffee Q1 plan")
    monkeypatch.chdir(tmp_path)
    assert find_plan("corner-bakery", data) == bakery  # the file stem
    assert find_plan("Corner Bakery 2027", data) == bakery  # the name
    assert find_plan("corner BAKERY 2027", data) == bakery  # ignoring case
    assert find_plan("Corner  Bakery\t2027", data) == bakery  # runs of spaces as one
    assert find_plan("coffee q1 plan", data) == renamed  # renamed in the app
    assert find_plan("Aaa-First", data) == renamed  # a stem, ignoring case
    assert find_plan("corner-bakery.toml", data) == bakery  # a bare file name
    assert find_plan(str(bakery), data) == bakery  # a path
    assert find_plan("nothing", data) == plans / "nothing.toml"  # not there: the caller says so


def test_unicode_names_find_their_plans(data: Path):
    plans = paths.plans_dir(data)
    cafe = write(plans, "кафе", "Кафе")
    creme = write(plans, "café-crème", "Café Crème")
    assert find_plan("КАФЕ", data) == cafe
    assert find_plan("Cafe\u0301 Cre\u0300me", data) == creme  # NFD typed, NFC stored
    assert find_plan("CAFÉ CRÈME", data) == creme


def test_an_ambiguous_name_names_every_candidate(data: Path):
    plans = paths.plans_dir(data)
    a = write(plans, "bakery", "Bakery")
    b = write(plans, "bakery-2", "bakery")
    for path in (a, b):  # an escape sequence in both names (TOML's \u001b)
        path.write_text(path.read_text().replace('akery"', 'akery \\u001b[31m"'))
    with pytest.raises(AmbiguousPlan) as raised:
        find_plan("BAKERY \x1b[31m", data)
    assert sorted(raised.value.candidates) == sorted([a, b])
    message = str(raised.value)
    assert str(a) in message and str(b) in message
    assert "\x1b" not in message and "\x1b" not in raised.value.reason
    assert find_plan("bakery", data) == a  # an exact file stem is never ambiguous


def test_a_name_beats_a_stem_that_only_differs_in_case(data: Path):
    plans = paths.plans_dir(data)
    write(plans, "bakery", "Corner Bakery")
    named = write(plans, "bakery-2", "Bakery")
    assert find_plan("Bakery", data) == named


def test_the_plans_folder_first_then_the_archive(data: Path):
    active = write(paths.plans_dir(data), "shop", "Shop")
    old = write(paths.archive_dir(data), "shop-2020", "Shop 2020")
    gone = write(paths.archive_dir(data), "shop", "Shop")
    assert find_plan("Shop", data) == active
    assert find_plan("shop 2020", data) == old
    assert find_plan("shop", data, archived=True) == gone
    assert find_plan("shop 2020", data, archived=False) == paths.plans_dir(data) / "shop 2020.toml"


def test_copies_of_edits_are_not_plans(data: Path):
    plans = paths.plans_dir(data)
    write(plans, "shop", "Shop")
    write(plans, "shop.unsaved-20261122-101500", "Shop")  # left there by an older version
    write(plans, "shop.copy-20261122-101500-2", "Shop")
    write(paths.archive_dir(data), "old", "Old")
    assert folder.list_plans(data) == [plans / "shop.toml"]
    assert folder.list_plans(data, archived=True) == [paths.archive_dir(data) / "old.toml"]
    assert find_plan("Shop", data) == plans / "shop.toml"


# -- reading names fast ---------------------------------------------------------------------------


def test_a_name_is_read_from_the_top_of_the_file(tmp_path: Path):
    path = tmp_path / "p.toml"
    path.write_text(plan_text("Top") + "[[checkins]]\nweek = ]]] broken later\n")
    assert folder.plan_name(path) == "Top"  # the broken part is never parsed


def test_a_name_the_top_cannot_give_is_read_in_full(tmp_path: Path):
    path = tmp_path / "p.toml"
    path.write_text(
        'schema = 1\nnote = """\n[not a table]\n"""\nname = "Further down"\n'
        "[budget]\nweekly_hours = 3\n"
    )
    assert folder.plan_name(path) == "Further down"


def test_names_of_unreadable_files_are_none(tmp_path: Path):
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    assert folder.plan_name(fifo) is None  # never blocks
    assert folder.plan_name(tmp_path / "missing.toml") is None
    garbage = tmp_path / "garbage.toml"
    garbage.write_bytes(b"\xff\xfe = [")
    assert folder.plan_name(garbage) is None


# -- moving plans -------------------------------------------------------------------------------


def test_move_into_never_replaces_and_keeps_links(tmp_path: Path):
    source = write(tmp_path / "plans", "shop", "Shop")
    other = write(tmp_path / "archive", "Shop", "Another shop")  # differs only in case
    moved = folder.move_into(source, tmp_path / "archive")
    assert moved == tmp_path / "archive" / "shop-2.toml"
    assert not source.exists()
    assert "Another shop" in other.read_text()
    target = write(tmp_path / "elsewhere", "real", "Real")
    link = tmp_path / "plans" / "linked.toml"
    link.symlink_to(target)
    moved_link = folder.move_into(link, tmp_path / "archive")
    assert moved_link.is_symlink() and moved_link.resolve() == target
