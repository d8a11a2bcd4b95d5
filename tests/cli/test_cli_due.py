"""socialtui due: what is due, exit statuses, text and JSON, the cache seen from outside.

Dates: 2026-11-22 (the fixture's default) is the Sunday ending 2026-W47;
2026-W48 runs from Monday 2026-11-23 to Sunday 2026-11-29 (Friday the 27th).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import socialtui_script
from plan_texts import BROKEN, GOOD, HOSTILE, OVER, RAW_BAD, write_plan

from socialtui.reminders import cache as cachefile

FRIDAY = "2026-11-27"


def with_checkins(text: str, *weeks: str, hours: str = "") -> str:
    extra = "".join(f'\n[[checkins]]\nweek = "{w}"\n{hours}' for w in weeks)
    return text + extra


def test_nothing_due_prints_nothing_and_exits_0(run, plans):
    write_plan(plans, "good", with_checkins(GOOD, "2026-W47"))
    result = run("due")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_a_check_in_due_and_a_week_missed(run, plans):
    write_plan(plans, "good", with_checkins(GOOD, "2026-W46"))
    result = run("due", today=FRIDAY)
    assert result.returncode == 1, result.stderr
    assert result.stdout == (
        "good: check-in for 2026-W48 not recorded (due Fri)\n"
        "good: 1 earlier week not recorded: 2026-W47\n"
    )
    thursday = run("due", today="2026-11-26")
    assert thursday.stdout == "good: 1 earlier week not recorded: 2026-W47\n"
    assert thursday.returncode == 1


def test_the_check_in_day_comes_from_the_plan(run, plans):
    text = with_checkins(GOOD.replace("every_weeks = 4", 'every_weeks = 4\ncheckin_day = "mon"'))
    write_plan(plans, "good", with_checkins(text, "2026-W47"))
    result = run("due", today="2026-11-23")
    assert result.stdout == "good: check-in for 2026-W48 not recorded (due Mon)\n"


def test_the_review_due(run, plans):
    write_plan(plans, "good", with_checkins(GOOD, "2026-W48"))
    result = run("due", today="2026-11-29")
    assert result.stdout == "good: review due since 2026-11-29 (every 4 weeks)\n"
    assert result.returncode == 1


def test_an_error_finding_is_due(run, plans):
    write_plan(plans, "over", with_checkins(OVER, "2026-W47"))
    result = run("due")
    assert result.returncode == 1
    assert result.stdout == "over: over-budget: 3h 00m planned, 54m available — 2h 06m over\n"


def test_a_new_warning_is_due_until_the_next_check_in(run, plans):
    # linkedin: 2 x 30 + 30 = 90 minutes a week planned; 2 h is a third over
    over = "hours = { linkedin = 2.0 }\n"
    fine = "hours = { linkedin = 1.5 }\n"
    path = write_plan(plans, "good", with_checkins(GOOD, "2026-W44", hours=fine))
    text = path.read_text() + with_checkins("", "2026-W45", "2026-W46", "2026-W47", hours=over)
    path.write_text(text)
    result = run("due")
    assert result.stdout == "good: estimate-low on LinkedIn, new with the 2026-W47 check-in\n"
    path.write_text(text + with_checkins("", "2026-W48", hours=over))
    assert run("due", today=FRIDAY).stdout == ""  # seen at the W47 check-in: not said again


def test_quiet_prints_nothing(run, plans):
    write_plan(plans, "good", GOOD)
    result = run("due", "-q")
    assert (result.returncode, result.stdout, result.stderr) == (1, "", "")
    write_plan(plans, "broken", BROKEN)
    result = run("due", "--quiet")
    assert (result.returncode, result.stdout, result.stderr) == (2, "", "")


def test_an_unreadable_plan_exits_2_and_the_others_are_reported(run, plans):
    write_plan(plans, "good", GOOD)
    broken = write_plan(plans, "broken", BROKEN)
    for _ in range(2):  # worked out, then from the cache
        result = run("due")
        assert result.returncode == 2
        assert result.stdout == "good: check-in for 2026-W47 not recorded (due Fri)\n"
        assert result.stderr.startswith(f"{broken}:4:")
        assert "Traceback" not in result.stderr


def test_json_for_scripts(run, plans):
    good = write_plan(plans, "good", with_checkins(GOOD, "2026-W46"))
    broken = write_plan(plans, "broken", BROKEN)
    result = run("due", "--format", "json", today="2026-11-29")
    assert result.returncode == 2
    report = json.loads(result.stdout)
    assert set(report) == {"today", "plans", "errors"}
    assert report["today"] == "2026-11-29"
    (plan,) = report["plans"]
    assert (plan["plan"], plan["path"]) == ("good", str(good))
    assert [item["kind"] for item in plan["due"]] == ["checkin", "missed-checkins", "review"]
    assert plan["due"][1] == {
        "kind": "missed-checkins",
        "count": 1,
        "weeks": ["2026-W47"],
        "text": "1 earlier week not recorded: 2026-W47",
    }
    assert plan["due"][2] == {
        "kind": "review",
        "due": "2026-11-29",
        "last": "2026-11-01",
        "every_weeks": 4,
        "text": "review due since 2026-11-29 (every 4 weeks)",
    }
    (error,) = report["errors"]
    assert set(error) == {"path", "line", "column", "reason"}
    assert (error["path"], error["line"]) == (str(broken), 4)


def test_plans_named_and_paths(run, plans, tmp_path):
    write_plan(plans, "good", GOOD)
    write_plan(plans, "over", with_checkins(OVER, "2026-W47"))
    outside = tmp_path / "team" / "shared.toml"
    outside.parent.mkdir()
    outside.write_text(with_checkins(GOOD, "2026-W47"))
    result = run("due", "over", str(outside))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "over: over-budget: 3h 00m planned, 54m available — 2h 06m over"
    ]
    missing = run("due", "nope")
    assert missing.returncode == 2
    assert missing.stderr.rstrip().endswith("nope.toml: No such file or directory")


def test_archived_plans_and_other_folders_are_not_listed(run, data_dir, plans):
    write_plan(plans, "good", with_checkins(GOOD, "2026-W47"))
    write_plan(data_dir / "archive", "old", GOOD)
    write_plan(data_dir / "backups" / "good", "good", GOOD)
    result = run("due")
    assert (result.returncode, result.stdout) == (0, "")


def test_no_plans_is_nothing_due_and_says_where_it_looked(run, data_dir):
    result = run("due")
    assert result.returncode == 0
    assert result.stdout == ""
    assert result.stderr == f"socialtui: no plans in {data_dir / 'plans'}\n"


def test_the_data_dir_option_before_or_after(run, tmp_path):
    other = tmp_path / "other"
    write_plan(other / "plans", "elsewhere", GOOD)
    for args in (("--data-dir", str(other), "due"), ("due", f"--data-dir={other}")):
        result = run(*args)
        assert result.stdout == "elsewhere: check-in for 2026-W47 not recorded (due Fri)\n"


def test_a_bad_date_in_the_environment(run, plans):
    write_plan(plans, "good", GOOD)
    result = run("due", today="2026-13-01")
    assert result.returncode == 2
    assert result.stderr == "socialtui: SOCIALTUI_TODAY=2026-13-01 is not a date (YYYY-MM-DD)\n"


def test_hostile_names_reach_the_terminal_inert(run, plans):
    write_plan(plans, "evil\x1b[2J", with_checkins(HOSTILE, "2026-W46"))
    result = run("due", today=FRIDAY)
    assert result.returncode == 1
    assert not any(bad in result.stdout + result.stderr for bad in RAW_BAD)
    assert result.stdout.startswith("evil␛[2J: check-in for 2026-W48")


def test_python_m_socialtui_due(run, plans, data_dir):
    write_plan(plans, "good", GOOD)
    env = dict(os.environ, SOCIALTUI_DATA_DIR=str(data_dir), SOCIALTUI_TODAY="2026-11-22")
    result = subprocess.run(
        [sys.executable, "-m", "socialtui", "due"], capture_output=True, text=True, env=env
    )
    assert (result.returncode, result.stdout) == (
        1,
        "good: check-in for 2026-W47 not recorded (due Fri)\n",
    )


# -- the cache, seen from outside ---------------------------------------------------------


def test_an_edit_of_the_same_size_in_the_same_second_changes_the_answer(run, plans, data_dir):
    path = write_plan(plans, "good", with_checkins(GOOD, "2026-W47"))
    assert run("due", today=FRIDAY).stdout == "good: check-in for 2026-W48 not recorded (due Fri)\n"
    assert (data_dir / "cache" / "due").is_file()
    before = os.stat(path)
    text = path.read_text()
    added = '\ncheckin_day = "sat"'
    why = "More leads without ads"
    edited = text.replace("every_weeks = 4", "every_weeks = 4" + added).replace(
        why, "x" * (len(why) - len(added))
    )
    assert len(edited.encode()) == len(text.encode())
    path.write_text(edited)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (os.stat(path).st_size, os.stat(path).st_mtime_ns) == (
        before.st_size,
        before.st_mtime_ns,
    )
    result = run("due", today=FRIDAY)
    assert (result.returncode, result.stdout) == (0, "")  # due on Saturday now
    saturday = run("due", today="2026-11-28")
    assert saturday.stdout == "good: check-in for 2026-W48 not recorded (due Sat)\n"


def test_a_damaged_cache_is_ignored_and_made_again(run, plans, data_dir):
    write_plan(plans, "good", GOOD)
    expected = "good: check-in for 2026-W47 not recorded (due Fri)\n"
    assert run("due").stdout == expected
    file = data_dir / "cache" / "due"
    good_cache = file.read_bytes()
    flipped = good_cache.replace(b"\nok\t", b"\nok\t\x00")
    assert flipped != good_cache
    for damage in (b"", good_cache[:-3], flipped, b"\xff" * 99):
        file.write_bytes(damage)
        result = run("due")
        assert (result.returncode, result.stdout, result.stderr) == (1, expected, "")
        entries, _ = cachefile.parse(file.read_text("ascii"), cachefile.code_stamp())
        assert list(entries) == [str(plans / "good.toml")]


def test_the_cache_is_private(run, plans, data_dir):
    write_plan(plans, "good", GOOD)
    umask = os.umask(0)
    try:
        run("due")
    finally:
        os.umask(umask)
    assert oct((data_dir / "cache").stat().st_mode & 0o777) == "0o700"
    assert oct((data_dir / "cache" / "due").stat().st_mode & 0o777) == "0o600"


def test_many_runs_at_once_agree_and_leave_a_whole_cache(plans, data_dir, tmp_path):
    for n in range(3):
        write_plan(plans, f"plan{n}", with_checkins(GOOD, "2026-W46"))
    env = dict(os.environ, SOCIALTUI_DATA_DIR=str(data_dir), SOCIALTUI_TODAY=FRIDAY)
    script = socialtui_script()
    runs = [
        subprocess.Popen([script, "due"], stdout=subprocess.PIPE, text=True, env=env)
        for _ in range(8)
    ]
    outputs = {(p.communicate(timeout=60)[0], p.returncode) for p in runs}
    expected = "".join(
        f"plan{n}: check-in for 2026-W48 not recorded (due Fri)\n"
        f"plan{n}: 1 earlier week not recorded: 2026-W47\n"
        for n in range(3)
    )
    assert outputs == {(expected, 1)}
    entries, _ = cachefile.parse(
        (data_dir / "cache" / "due").read_text("ascii"), cachefile.code_stamp()
    )
    assert set(entries) <= {str(plans / f"plan{n}.toml") for n in range(3)}
    assert [p.name for p in (data_dir / "cache").iterdir()] == ["due"]


# -- help and systemd ------------------------------------------------------------------------------


def test_help_says_the_exit_statuses(run):
    result = run("due", "--help")
    assert result.returncode == 0
    for line in ("0  nothing is due", "1  something is due", "2  a plan could not be read"):
        assert line in result.stdout


def test_print_systemd(run, data_dir, plans):
    service = run("due", "--print-systemd", "service")
    timer = run("due", "--print-systemd", "timer")
    both = run("due", "--print-systemd")
    assert service.returncode == timer.returncode == both.returncode == 0
    script = socialtui_script()
    assert f"ExecStart={script} due --data-dir {data_dir}\n" in service.stdout
    assert "SuccessExitStatus=1\n" in service.stdout
    assert "[Timer]\nOnCalendar=*-*-* 09:00:00\nPersistent=true\n" in timer.stdout
    assert "WantedBy=timers.target" in timer.stdout
    assert both.stdout == service.stdout + "\n" + timer.stdout
    write_plan(plans, "good", GOOD)
    named = run("due", "good", "--print-systemd", "service")
    assert f"due --data-dir {data_dir} {plans / 'good.toml'}\n" in named.stdout


def test_print_systemd_quotes_what_systemd_would_expand(run, tmp_path):
    odd = tmp_path / "50% of $HOME"
    result = run("due", "--data-dir", str(odd), "--print-systemd", "service")
    escaped = str(odd).replace("%", "%%").replace("$", "$$")
    assert f'--data-dir "{escaped}"' in result.stdout
    assert Path(str(odd)).name == "50% of $HOME"


def test_a_reader_that_stops_early_is_no_error(plans, data_dir):
    # 40 plans with three years of missed weeks: about 300 kB of JSON, more than a pipe holds
    for n in range(40):
        write_plan(plans, f"plan{n:02d}", with_checkins(GOOD, "2023-W48"))
    env = dict(os.environ, SOCIALTUI_DATA_DIR=str(data_dir), SOCIALTUI_TODAY=FRIDAY)
    for _ in range(2):  # working everything out, then from the cache
        done = subprocess.run(
            f'{socialtui_script()} due --format json | true; echo "${{PIPESTATUS[0]}}" >&2',
            shell=True,
            executable="/bin/bash",
            capture_output=True,
            text=True,
            env=env,
        )
        assert done.stderr == "0\n"  # the pipe closed: not an error, and nothing said


def test_a_terminal_without_the_characters_gets_escapes(run, plans):
    write_plan(plans, "over", with_checkins(OVER, "2026-W47"))
    result = run("due", PYTHONIOENCODING="ascii")
    assert result.returncode == 1
    assert result.stdout == "over: over-budget: 3h 00m planned, 54m available \\u2014 2h 06m over\n"
