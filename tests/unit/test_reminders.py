"""socialtui due's machinery: the quick reading of its arguments, the plans it lists,
and the cache of what each plan file comes to (socialtui.reminders)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialtui import paths, store
from socialtui.cli import build_parser
from socialtui.plan.due import Noted, Rhythm
from socialtui.reminders import cache as cachefile
from socialtui.reminders.cache import Cache, Entry, LoadFailure, digest
from socialtui.reminders.run import Options, examine, open_cache, plan_files, quick

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
FRIDAY = date(2026, 11, 27)  # 2026-W48
SUNDAY = date(2026, 11, 22)  # the end of 2026-W47, the fixture's last check-in week


# -- quick: the arguments, read as the parser reads them ---------------------------------------

TOKENS = [
    "due",
    "-q",
    "--quiet",
    "--format",
    "--format=json",
    "--format=text",
    "--format=",
    "json",
    "text",
    "xml",
    "--data-dir",
    "--data-dir=/d",
    "--data-dir=",
    "/d",
    "/e",
    "-",
    "--private",
    "--help",
    "-h",
    "--version",
    "bakery",
    "--print-systemd",
    "--",
    "-qq",
    "--qu",
    "--form",
]


def parsed(argv: list[str]) -> Options | None:
    """What the parser makes of ``argv`` for due, or None when it is not plain ``due``."""
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            args = build_parser().parse_args(argv)
    except SystemExit:
        return None
    if args.command != "due" or args.plans or args.print_systemd:
        return None
    given_dir = getattr(args, "data_dir", None)
    return Options(None if given_dir is None else str(given_dir), args.quiet, args.format)


@given(argv=st.lists(st.sampled_from(TOKENS), max_size=7))
def test_quick_reads_arguments_as_the_parser_does_or_leaves_them_to_it(argv):
    mine = quick(argv)
    if mine is not None:
        assert mine == parsed(argv), argv


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["due"], Options()),
        (["due", "-q"], Options(quiet=True)),
        (["due", "--format", "json", "--quiet"], Options(quiet=True, fmt="json")),
        (["--data-dir", "/a", "due", "--data-dir=/b"], Options("/b")),
        (["--data-dir=/a", "due", "--format=text"], Options("/a")),
    ],
)
def test_quick_takes_the_plain_forms(argv, expected):
    assert quick(argv) == expected
    assert parsed(argv) == expected


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["check"],
        ["due", "bakery"],
        ["due", "--help"],
        ["due", "--print-systemd"],
        ["due", "--format", "xml"],
        ["--private", "due"],
        ["due", "due"],
        ["due", "--data-dir"],
        ["due", "--format"],
    ],
)
def test_quick_leaves_the_rest_to_the_parser(argv):
    assert quick(argv) is None


# -- the plans listed --------------------------------------------------------------------------


def test_the_plans_listed_are_those_the_store_lists(tmp_path):
    folder = tmp_path / "plans"
    (folder / "folder.toml").mkdir(parents=True)
    for name in ("b.toml", "a.toml", ".hidden.toml", "upper.TOML", "a.toml.tmp", "notes.txt"):
        (folder / name).write_text("", encoding="utf-8")
    (folder / "link.toml").symlink_to("a.toml")
    (folder / "dangling.toml").symlink_to("nowhere.toml")
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "old.toml").write_text("", encoding="utf-8")
    expected = [str(p) for p in store.list_plans(tmp_path)]
    assert plan_files(str(tmp_path)) == expected
    assert [Path(p).name for p in expected] == [".hidden.toml", "a.toml", "b.toml", "link.toml"]
    assert plan_files(str(tmp_path / "none")) == []


# -- the cache file ---------------------------------------------------------------------------


def sample_entries() -> dict[str, Entry]:
    rhythm = Rhythm(
        (1, 5, 9),
        4,
        4,
        date(2026, 11, 1).toordinal(),
        (
            Noted("error", "over-budget", "budget", None, "3h 00m planned — 2h over", None),
            Noted("warning", "estimate-low", "channel:ig", "Insta,gram;\t", "m\nx", "2026-W09"),
        ),
        None,
    )
    return {
        "/plans/ok.toml": Entry(120, "a" * 64, rhythm),
        "/plans/\udcff broken.toml": Entry(7, "b" * 64, LoadFailure(3, 9, "ceci n'est pas")),
        "/plans/new.toml": Entry(0, "c" * 64, Rhythm((), 0, 1, None, (), 739000)),
    }


def test_the_cache_text_reads_back_as_written():
    entries = sample_entries()
    platform = ("/home/ana/.local/share/socialtui", "/pd/__init__.py", "linux\n0")
    text = cachefile.render(entries, "stamp1", platform)
    assert text.isascii()
    again, noted = cachefile.parse(text, "stamp1")
    assert noted == platform
    assert again.keys() == entries.keys()
    for key, entry in entries.items():
        assert (again[key].size, again[key].digest, again[key].value) == (
            entry.size,
            entry.digest,
            entry.value,
        )


def test_the_cache_of_other_code_is_dropped():
    text = cachefile.render(sample_entries(), "stamp1")
    assert cachefile.parse(text, "stamp2") == ({}, None)


def test_a_damaged_cache_is_not_believed():
    text = cachefile.render(sample_entries(), "stamp1")
    lines = text.split("\n")
    for broken in (
        text[:-1],  # one character short
        text[: len(text) // 2],
        text.replace("ok\t", "ko\t", 1),
        "\n".join([lines[0], "0" * 64, *lines[2:]]),
        "",
        "socialtui due cache 1\n",
    ):
        with pytest.raises(ValueError):
            cachefile.parse(broken, "stamp1")


@given(st.binary(max_size=300))
def test_garbage_in_the_cache_file_is_an_empty_cache(tmp_path_factory, junk):
    file = tmp_path_factory.mktemp("cache") / "due"
    file.write_bytes(junk)
    cache = Cache.open(str(file))
    assert cache.entries == {}
    assert cache.platform is None


def test_a_body_that_passes_its_digest_must_still_be_a_cache():
    """Hand-made text with a right digest: every field is checked as it is read."""
    stamp = cachefile.code_stamp()
    for body in (
        f"stamp\t{stamp}\nok\t2f78\t1\t{'a' * 64}\t1,2\t9\t4\t-\t-\t\n",  # day 9
        f"stamp\t{stamp}\nok\t2f78\t1\t{'a' * 63}\t1,2\t4\t4\t-\t-\t\n",  # short digest
        f"stamp\t{stamp}\nerror\t2f78\t1\t{'a' * 64}\t1\t1\t-\n",  # no reason
        f"stamp\t{stamp}\nok\tzz\t1\t{'a' * 64}\t1,2\t4\t4\t-\t-\t\n",  # not hex
        f"stamp\t{stamp}\nok\t2f78\t1\t{'a' * 64}\t1,2\t4\t4\t-\t-\t61,62\n",  # 2 of 6
    ):
        text = f"{cachefile.HEADER}\n{digest(body.encode())}\n{body}"
        with pytest.raises(ValueError):
            cachefile.parse(text, stamp)


def test_the_cache_is_private_and_written_whole(tmp_path):
    plan = tmp_path / "plan.toml"
    plan.write_text("", encoding="utf-8")
    file = tmp_path / "data" / "cache" / "due"
    cache = Cache(str(file), "s")
    cache.put(str(plan), sample_entries()["/plans/ok.toml"])
    cache.put(str(tmp_path / "gone.toml"), sample_entries()["/plans/new.toml"])
    assert cache.save()
    assert oct(file.stat().st_mode & 0o777) == "0o600"
    assert oct(file.parent.stat().st_mode & 0o777) == "0o700"
    entries, _ = cachefile.parse(file.read_text("ascii"), "s")
    assert list(entries) == [str(plan)]  # a plan file that no longer exists is forgotten
    assert [p.name for p in file.parent.iterdir()] == ["due"]  # no temp file left


def test_a_cache_that_cannot_be_written_is_no_error(tmp_path):
    (tmp_path / "cache").write_text("a file where the folder should be", encoding="utf-8")
    cache = Cache(str(tmp_path / "cache" / "due"), "s")
    cache.put(str(tmp_path), sample_entries()["/plans/new.toml"])
    assert cache.save() is False


# -- examine: a plan file through the cache --------------------------------------------------


def copy_plan(tmp_path: Path, name: str = "bakery.toml") -> Path:
    target = tmp_path / "plans" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes((FIXTURES / "bakery.toml").read_bytes())
    return target


def texts(report) -> list[str]:
    return [item.text for item in report.due]


def test_an_entry_is_used_while_the_content_is_the_same(tmp_path, monkeypatch):
    path = copy_plan(tmp_path)
    cache = Cache(str(tmp_path / "due"), "s")
    first = examine(str(path), cache, FRIDAY)
    assert texts(first) == ["check-in for 2026-W48 not recorded (due Fri)"]
    assert cache.changed
    worked_out = []
    monkeypatch.setattr(
        "socialtui.reminders.run.work_out", lambda *a: worked_out.append(a) or 1 / 0
    )
    cache.changed = False
    assert texts(examine(str(path), cache, FRIDAY)) == texts(first)
    assert texts(examine(str(path), cache, SUNDAY)) == []  # another day, the same entry
    assert worked_out == [] and not cache.changed


def test_a_change_of_the_same_size_in_the_same_second_is_seen(tmp_path):
    """Same size, the modification time put back to the nanosecond: only the content
    tells, and the answer follows it."""
    path = copy_plan(tmp_path)
    cache = Cache(str(tmp_path / "due"), "s")
    assert texts(examine(str(path), cache, FRIDAY)) == [
        "check-in for 2026-W48 not recorded (due Fri)"
    ]
    before = os.stat(path)
    text = path.read_text(encoding="utf-8")
    added = 'checkin_day = "sat"\n'
    comment = "# Goals, most important first: their order is their priority."
    changed = text.replace("every_weeks = 4\n", "every_weeks = 4\n" + added, 1).replace(
        comment, comment[: -len(added)], 1
    )
    assert len(changed.encode()) == len(text.encode()) and changed != text
    path.write_text(changed, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(path)
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert texts(examine(str(path), cache, FRIDAY)) == []  # due on Saturday now
    assert texts(examine(str(path), cache, FRIDAY.replace(day=28))) == [
        "check-in for 2026-W48 not recorded (due Sat)"
    ]


def test_a_broken_plan_is_kept_as_broken_and_mended_when_it_is(tmp_path):
    path = copy_plan(tmp_path)
    good = path.read_bytes()
    path.write_bytes(good.replace(b"weekly_hours = 5.0", b"weekly_hours = -5.0"))
    cache = Cache(str(tmp_path / "due"), "s")
    broken = examine(str(path), cache, FRIDAY)
    assert broken.error == (
        12,
        1,
        "budget.weekly_hours must be a number greater than 0 and at most 168, not -5.0",
    )
    assert examine(str(path), cache, FRIDAY).error == broken.error  # from the cache
    path.write_bytes(good)
    assert examine(str(path), cache, FRIDAY).error is None


def test_a_plan_without_check_ins_is_judged_again_on_another_day(tmp_path, monkeypatch):
    path = copy_plan(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("# Weekly check-ins")], encoding="utf-8")
    cache = Cache(str(tmp_path / "due"), "s")
    examine(str(path), cache, FRIDAY)
    cache.changed = False
    examine(str(path), cache, FRIDAY)
    assert not cache.changed
    examine(str(path), cache, FRIDAY.replace(day=28))
    assert cache.changed


def test_a_folder_or_a_fifo_is_reported_as_the_store_reports_it(tmp_path):
    fifo = tmp_path / "plans" / "fifo.toml"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    report = examine(str(fifo), Cache(str(tmp_path / "due"), "s"), FRIDAY)
    with pytest.raises(store.PlanLoadError) as refused:
        store.load(fifo)
    assert report.error == (1, 1, refused.value.reason)
    assert "named pipe" in report.error[2]
    missing = examine(str(tmp_path / "nope.toml"), Cache(str(tmp_path / "due"), "s"), FRIDAY)
    assert missing.error == (None, None, "No such file or directory")


def test_writers_at_once_leave_a_whole_cache(tmp_path):
    """Runs that save at the same moment each write a whole file; the last one wins."""
    path = copy_plan(tmp_path)
    file = str(tmp_path / "cache" / "due")
    caches = []
    for n in range(8):
        cache = Cache(file, cachefile.code_stamp())
        examine(str(path), cache, FRIDAY.replace(day=20 + n % 2))
        caches.append(cache)
    threads = [threading.Thread(target=c.save) for c in caches]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    reopened = Cache.open(file)
    assert list(reopened.entries) == [str(path)]
    assert texts(examine(str(path), reopened, FRIDAY)) == [
        "check-in for 2026-W48 not recorded (due Fri)"
    ]
    assert [p.name for p in Path(file).parent.iterdir()] == ["due"]


# -- where the data directory is, without platformdirs -------------------------------------------


def test_a_data_directory_given_is_used_as_given(tmp_path, monkeypatch):
    monkeypatch.setenv("SOCIALTUI_DATA_DIR", str(tmp_path / "env"))
    assert open_cache(str(tmp_path / "given"))[0] == str(tmp_path / "given")
    assert open_cache(None)[0] == str(tmp_path / "env")


def test_platformdirs_answer_is_noted_and_used_only_for_the_same_inputs(tmp_path, monkeypatch):
    monkeypatch.delenv("SOCIALTUI_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    expected = str(tmp_path / "xdg" / "socialtui")
    assert paths.likely_data_location() == expected == paths.data_location()
    data, cache = open_cache(None)
    assert data == expected and cache.changed  # platformdirs said it: noted
    cache.save()
    data, cache = open_cache(None)
    assert data == expected and cache.confirms(expected) and not cache.changed
    monkeypatch.setenv("HOME", str(tmp_path / "elsewhere"))  # an input platformdirs reads
    assert not cache.confirms(expected)


def test_the_likely_data_directory_is_platformdirs_answer(tmp_path, monkeypatch):
    monkeypatch.delenv("SOCIALTUI_DATA_DIR")
    for xdg in (str(tmp_path / "xdg"), "relative/xdg", ""):
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
        assert paths.likely_data_location() == paths.data_location()
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert paths.likely_data_location() == paths.data_location()


# -- what the quick way loads -------------------------------------------------------------------

HEAVY = (
    "argparse",
    "dataclasses",
    "json",
    "pathlib",
    "platformdirs",
    "re",
    "rich",
    "socialtui.cli",
    "socialtui.store",
    "textual",
    "tomli",
    "tomlkit",
    "typing",
)


def modules_after_due(env: dict[str, str], *argv: str) -> set[str]:
    code = (
        "import sys\n"
        "from socialtui.__main__ import main\n"
        f"status = main(['due', *{list(argv)!r}])\n"
        "names = sorted(sys.modules)\n"
        "import json\n"
        "sys.stderr.write('\\n' + json.dumps(names))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return set(json.loads(done.stderr.rsplit("\n", 1)[1]))


@pytest.mark.parametrize("given_dir", [True, False], ids=["data-dir-given", "platformdirs"])
def test_the_quick_way_loads_nothing_heavy_once_the_cache_is_made(tmp_path, given_dir):
    env = {k: v for k, v in os.environ.items() if k != "SOCIALTUI_DATA_DIR"}
    env.update(SOCIALTUI_TODAY="2026-11-27", XDG_DATA_HOME=str(tmp_path / "xdg"))
    data = tmp_path / "xdg" / "socialtui"
    if given_dir:
        data = tmp_path / "data"
        env["SOCIALTUI_DATA_DIR"] = str(data)
    copy_plan(data)
    first = modules_after_due(env)
    assert {"socialtui.store", "tomli"} <= first  # the plan was read to make the cache
    loaded = modules_after_due(env)
    heavy = sorted(m for m in loaded if m.split(".")[0] in HEAVY or m in HEAVY)
    assert heavy == []
    assert "json" in modules_after_due(env, "--format", "json")  # only for JSON


def test_json_says_the_same_as_text(tmp_path, monkeypatch, capsys):
    from socialtui.reminders.run import run

    copy_plan(tmp_path)
    monkeypatch.setenv("SOCIALTUI_DATA_DIR", str(tmp_path))
    assert run(Options(fmt="json"), FRIDAY) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["today"] == "2026-11-27"
    assert [item["text"] for item in document["plans"][0]["due"]] == [
        "check-in for 2026-W48 not recorded (due Fri)"
    ]
    assert run(Options(), FRIDAY) == 1
    assert capsys.readouterr().out == "bakery: check-in for 2026-W48 not recorded (due Fri)\n"


def test_a_plan_too_big_is_refused_without_being_read_or_kept(tmp_path, monkeypatch):
    path = copy_plan(tmp_path)
    monkeypatch.setattr("socialtui.store.MAX_PLAN_BYTES", 100)
    monkeypatch.setattr("socialtui.store.read.MAX_PLAN_BYTES", 100)
    cache = Cache(str(tmp_path / "due"), "s")
    report = examine(str(path), cache, FRIDAY)
    size = path.stat().st_size
    assert report.error == (
        1,
        1,
        f"the file is {size:,} bytes; a plan may be at most 100 bytes (0 MB)",
    )
    assert cache.entries == {} and not cache.changed


def test_an_unchanged_answer_is_no_change_to_the_cache(tmp_path):
    path = copy_plan(tmp_path)
    cache = Cache(str(tmp_path / "due"), "s")
    examine(str(path), cache, FRIDAY)
    entry = cache.get(str(path))
    cache.changed = False
    cache.put(str(path), Entry(entry.size, entry.digest, entry.value))
    assert not cache.changed  # nothing to write back
    cache.put(str(path), Entry(entry.size, "0" * 64, entry.value))
    assert cache.changed


def test_links_and_fifos_in_the_cache_place_are_not_followed(tmp_path):
    """A data directory that is a team's checkout may hold anything someone committed."""
    path = copy_plan(tmp_path)
    victim = tmp_path / "victim"
    victim.write_text("precious\n", encoding="utf-8")
    folder = tmp_path / "data" / "cache"
    folder.mkdir(parents=True)
    (folder / "due").symlink_to(victim)
    cache = Cache.open(str(folder / "due"))
    assert cache.entries == {}
    examine(str(path), cache, FRIDAY)
    assert cache.save()
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert not (folder / "due").is_symlink() and Cache.open(str(folder / "due")).entries

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    linked = tmp_path / "linked-data"
    linked.mkdir()
    (linked / "cache").symlink_to(elsewhere)
    cache = Cache.open(str(linked / "cache" / "due"))
    examine(str(path), cache, FRIDAY)
    assert cache.save() is False
    assert list(elsewhere.iterdir()) == []

    fifo = tmp_path / "fifo-data" / "cache" / "due"
    fifo.parent.mkdir(parents=True)
    os.mkfifo(fifo)
    assert Cache.open(str(fifo)).entries == {}  # and it did not wait for a writer


@pytest.mark.parametrize(
    "name",
    [
        "bakery.toml",
        "bakery.unsaved-20261122-101500.toml",
        "bakery.copy-20261122-101500-2.toml",
        "bakery.unsaved-2026112-101500.toml",
        "bakery.unsaved-20261122-101500-x.toml",
        "bakery.copy-٢٠٢٦١١٢٢-101500.toml",
        "copy-20261122-101500.toml",
        "a.copy-20261122-101500.toml.toml",
        "a.unsaved-20261122-101500-1-2.toml",
    ],
)
def test_due_leaves_out_the_same_copies_as_the_store(name):
    from socialtui.reminders.run import is_copy
    from socialtui.store.folder import is_copy as store_is_copy

    assert is_copy(name) == store_is_copy(Path(name))


def test_due_skips_a_copy_left_next_to_the_plans(tmp_path):
    from socialtui.reminders.run import plan_files

    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "bakery.toml").write_text("")
    (plans / "bakery.unsaved-20261122-101500.toml").write_text("")
    assert [p.rsplit("/", 1)[1] for p in plan_files(str(tmp_path))] == ["bakery.toml"]
