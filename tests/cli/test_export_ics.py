"""socialtui export --format ics: the file a calendar imports, and a real calendar
client (khal, in a temporary configuration with a vdir calendar) importing it.

The plan (tests/fixtures/export.toml): Instagram 3 posts a week (Mon, Wed, Fri),
the newsletter 1 (Wed), LinkedIn 2 (Tue, Thu), a check-in on Friday, a review
every 4 weeks after Sunday 2026-10-04 (so on 2026-11-29 and every 4 weeks).
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import test_export

yoga = test_export.yoga  # the fixture: the export fixture in the data dir, as "yoga"


def test_the_suffix_picks_ics_and_the_file_is_private(run, yoga, tmp_path):
    target = tmp_path / "yoga.ics"
    result = run("export", "yoga", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert f"Exported ics of {yoga} to {target}" in result.stdout
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    raw = target.read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert raw.count(b"BEGIN:VEVENT") == 8  # 3 + 1 + 2 posting days, check-in, review


def test_the_same_day_gives_the_same_file_and_stdout_is_the_file(run, yoga, tmp_path):
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert run("export", "yoga", "--format", "ics", "-o", str(first)).returncode == 0
    assert run("export", "yoga", "--format", "ics", "-o", str(second)).returncode == 0
    assert first.read_bytes() == second.read_bytes()
    piped = run("export", "yoga", "--format", "ics")
    assert piped.stdout.replace("\r\n", "\n") == first.read_text().replace("\r\n", "\n")


def test_private_masks_the_calendar(run, yoga):
    result = run("export", "yoga", "--format", "ics", "--private")
    assert result.returncode == 0
    for secret in ("Instagram", "Harbour Yoga", "sunrise", "Newsletter (Buttondown)"):
        assert secret not in result.stdout
    assert "SUMMARY:Channel 1: post" in result.stdout


# --- a real calendar client -------------------------------------------------------------


def khal_binary() -> str:
    beside = Path(sys.executable).parent / "khal"
    found = str(beside) if beside.exists() else shutil.which("khal")
    if found is None:
        pytest.fail("khal is not installed: pip install -e '.[test]'")
    return found


KHAL_CONFIG = """\
[calendars]
[[plan]]
path = {vdir}
type = calendar

[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = Europe/Berlin
default_timezone = Europe/Berlin

[default]
default_calendar = plan
"""


def khal(tmp_path: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "khal-data"), TZ="UTC")
    result = subprocess.run(
        [khal_binary(), "-c", str(tmp_path / "khal.conf"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def listed(tmp_path: Path) -> list[tuple[str, str, str]]:
    out = khal(
        tmp_path,
        "list",
        "--day-format",
        "",
        "--format",
        "EVENT|{start}|{end}|{title}",
        "2026-11-23",
        "28d",
    )
    return [tuple(line.split("|")[1:]) for line in out.splitlines() if line.startswith("EVENT|")]


def test_khal_imports_the_calendar_and_an_import_again_updates_it(run, yoga, tmp_path):
    vdir = tmp_path / "calendar"
    vdir.mkdir()
    (tmp_path / "khal.conf").write_text(KHAL_CONFIG.format(vdir=vdir), encoding="utf-8")
    exported = tmp_path / "yoga.ics"
    assert run("export", "yoga", "-o", str(exported)).returncode == 0

    khal(tmp_path, "import", "--batch", "-a", "plan", str(exported))
    events = listed(tmp_path)
    counts = Counter(title for _, _, title in events)
    assert counts == {
        "Instagram: post": 12,
        "Newsletter (Buttondown): post": 4,
        "LinkedIn: post": 8,
        "Check-in: Harbour Yoga Studio 2027": 4,
        "Review: Harbour Yoga Studio 2027": 1,
    }
    # Wednesday: Instagram from 9:00, then the newsletter; the review on Sunday 29th.
    assert ("2026-11-25 09:00", "2026-11-25 09:35", "Instagram: post") in events
    assert ("2026-11-25 09:35", "2026-11-25 10:50", "Newsletter (Buttondown): post") in events
    assert (
        "2026-11-29 09:00",
        "2026-11-29 10:00",
        "Review: Harbour Yoga Studio 2027",
    ) in events

    # A week later the plan starts at 08:00; exported and imported again, the events
    # move: none is duplicated.
    text = yoga.read_text(encoding="utf-8")
    yoga.write_text(text.replace("[budget]\n", '[budget]\nstart = "08:00"\n'), encoding="utf-8")
    assert run("export", "yoga", "-o", str(exported), today="2026-11-23").returncode == 0
    khal(tmp_path, "import", "--batch", "-a", "plan", str(exported))
    again = listed(tmp_path)
    assert Counter(title for _, _, title in again) == counts
    assert ("2026-11-25 08:00", "2026-11-25 08:35", "Instagram: post") in again
