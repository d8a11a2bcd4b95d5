"""A team plan headless: ``check`` exits 1 when one person is over though the
total fits, its JSON gives each person's minutes, and the exports say who does what.

The team fixture (``tests/fixtures/team.toml``, reserve 10 %): Maria 4 h -> 216
min for Instagram's 330; Sam 6 h -> 324 for the newsletter's 100; Jo 2 h -> 108
for Facebook's 60. Total 490 of 648: it fits.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parents[2]
TEAM = ROOT / "tests" / "fixtures" / "team.toml"
SCHEMA = json.loads((ROOT / "docs" / "export.schema.json").read_text(encoding="utf-8"))


def _team(plans: Path) -> Path:
    plans.mkdir(parents=True, exist_ok=True)
    target = plans / "team.toml"
    shutil.copy(TEAM, target)
    return target


def test_check_exits_1_when_one_person_is_over_though_the_total_fits(run, plans):
    _team(plans)
    result = run("check", "team")
    assert result.returncode == 1, result.stderr
    assert "8h 10m / 10h 48m" in result.stdout  # the team: 490 of 648
    assert re.search(
        r"^  error +person-over-budget +Maria: 5h 30m planned, 3h 36m available — 1h 54m over$",
        result.stdout,
        re.M,
    )


def test_check_json_lists_the_people(run, plans):
    _team(plans)
    result = run("check", "team", "--format", "json")
    assert result.returncode == 1
    (plan,) = json.loads(result.stdout)["plans"]
    assert plan["capacity_minutes"] == 648
    assert plan["people"] == [
        {"id": "maria", "name": "Maria", "committed_minutes": 330, "capacity_minutes": 216},
        {"id": "sam", "name": "Sam", "committed_minutes": 100, "capacity_minutes": 324},
        {"id": "jo", "name": "Jo", "committed_minutes": 60, "capacity_minutes": 108},
    ]
    assert plan["findings"][0]["id"] == "person-over-budget"


def test_the_markdown_export_has_who_does_what(run, plans):
    _team(plans)
    result = run("export", "team", "--format", "markdown")
    assert result.returncode == 0, result.stderr
    section = result.stdout.split("## Who does what", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    assert rows[1:] == [
        "| Maria | Instagram | 5h 30m | 3h 36m | **over** by 1h 54m |",
        "| Sam | Email newsletter | 1h 40m | 5h 24m | 3h 44m spare |",
        "| Jo | Facebook page | 1h 00m | 1h 48m | 48m spare |",
    ]
    assert "Capacity (12 h less a 10 % reserve)" in result.stdout


def test_the_json_export_is_valid_and_has_people_and_owners(run, plans):
    _team(plans)
    result = run("export", "team", "--format", "json")
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    assert data["plan"]["people"][0] == {"id": "maria", "name": "Maria", "weekly_hours": 4}
    assert [c["owner"] for c in data["plan"]["channels"]] == ["maria", "sam", "jo"]
    assert data["plan"]["budget"]["weekly_hours"] is None
    assert data["budget"]["people"][0]["committed_minutes"] == 330


def test_the_csv_rows_carry_the_owner(run, plans):
    path = _team(plans)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text + '\n[[checkins]]\nweek = "2026-W47"\nhours = { instagram = 6, newsletter = 1 }\n'
        "metrics = { nights = 25 }\n",
        encoding="utf-8",
    )
    result = run("export", "team", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0][-1] == "owner"
    assert [(r[1], r[2], r[-1]) for r in rows[1:]] == [
        ("channel", "instagram", "maria"),
        ("channel", "newsletter", "sam"),
        ("goal", "nights", ""),
    ]


def test_private_export_names_nobody(run, plans):
    _team(plans)
    result = run("export", "team", "--format", "markdown", "--private")
    assert "Maria" not in result.stdout and "Sam" not in result.stdout
    assert "| Person 1 |" in result.stdout


def _versions(tmp_path: Path, ours: str, theirs: str) -> list[Path]:
    base = TEAM.read_text(encoding="utf-8")
    paths = []
    for name, text in (("base", base), ("ours", ours), ("theirs", theirs)):
        path = tmp_path / f"{name}.toml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_socialtui_merge_merges_people_by_id(run, tmp_path):
    from socialtui import store

    text = TEAM.read_text(encoding="utf-8")
    lee = '\n[[people]]\nid = "lee"\nname = "Lee"\nweekly_hours = 3\n'
    ours = text.replace("weekly_hours = 2\n", "weekly_hours = 2\n" + lee)  # ours adds Lee
    theirs = text.replace("weekly_hours = 6", "weekly_hours = 8")  # theirs gives Sam 8 h
    base, ours_path, theirs_path = _versions(tmp_path, ours, theirs)
    result = run("merge", str(base), str(ours_path), str(theirs_path))
    assert (result.returncode, result.stderr) == (0, "")
    merged = store.load(ours_path)
    assert [(p.id, p.weekly_hours) for p in merged.plan.people] == [
        ("maria", 4),
        ("sam", 8),
        ("jo", 2),
        ("lee", 3),
    ]
    assert "# Saturdays in the shop too" in merged.text  # the file is edited, not rewritten


def test_socialtui_merge_marks_a_persons_hours_changed_both_ways(run, tmp_path):
    text = TEAM.read_text(encoding="utf-8")
    base, ours, theirs = _versions(
        tmp_path,
        text.replace("weekly_hours = 6", "weekly_hours = 7"),
        text.replace("weekly_hours = 6", "weekly_hours = 8"),
    )
    result = run("merge", str(base), str(ours), str(theirs))
    assert result.returncode == 1
    assert "people[sam].weekly_hours" in result.stderr
    assert "<<<<<<<" in ours.read_text(encoding="utf-8")
