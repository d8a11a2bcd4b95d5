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
