"""socialtui.report: the Markdown, CSV and JSON exports, and mask_plan.

Golden files: ``tests/golden/export.md``, ``export.csv`` and ``export.json`` are the
exports of ``tests/fixtures/export.toml`` on 2026-11-22. After a deliberate change
to an export, regenerate them and read the diff before committing::

    SOCIALTUI_UPDATE_GOLDEN=1 python -m pytest tests/unit/test_report.py -k golden

The other tests check the exports against values worked out by hand from the
fixture, against the fixture read with ``tomllib`` (not with socialtui's loader),
against ``docs/export.schema.json`` and against a Markdown parser.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tomllib
from dataclasses import replace
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from socialtui import report, store
from socialtui.plan.model import Audience, Channel, CheckIn, Goal, Plan

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "export.toml"
GOLDEN = ROOT / "tests" / "golden"
SCHEMA_PATH = ROOT / "docs" / "export.schema.json"
TODAY = date(2026, 11, 22)
UPDATE = os.environ.get("SOCIALTUI_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def plan() -> Plan:
    return store.load(FIXTURE).plan


@pytest.fixture(scope="module")
def raw() -> dict:
    """The fixture as plain TOML data: an oracle independent of socialtui's loader."""
    return tomllib.loads(FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


# --- helpers: a Markdown reader built on markdown-it ------------------------------------


def md_parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def _inline_text(token) -> str:
    parts = []
    for child in token.children or []:
        if child.type in ("text", "text_special", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def md_structure(text: str) -> tuple[list[tuple[int, str]], dict[str, list[list[list[str]]]]]:
    """(headings as (level, text), {h2 heading: tables}); a table is rows of cell texts,
    its header first."""
    tokens = md_parser().parse(text)
    headings: list[tuple[int, str]] = []
    tables: dict[str, list[list[list[str]]]] = {}
    section = ""
    table: list[list[str]] | None = None
    row: list[str] | None = None
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            title = _inline_text(tokens[index + 1])
            headings.append((int(token.tag[1]), title))
            if token.tag == "h2":
                section = title
        elif token.type == "table_open":
            table = []
            tables.setdefault(section, []).append(table)
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            assert table is not None and row is not None
            table.append(row)
        elif (
            token.type == "inline"
            and row is not None
            and tokens[index - 1].type
            in (
                "th_open",
                "td_open",
            )
        ):
            row.append(_inline_text(token))
        elif token.type == "table_close":
            table, row = None, None
    return headings, tables


def spans(text: str) -> dict[str, list[str]]:
    """The text inside each kind of inline markup: {"em": [...], "strong": [...],
    "code": [...], "link": [...], "html": [...], "image": [...]}."""
    out: dict[str, list[str]] = {k: [] for k in ("em", "strong", "code", "link", "html", "image")}
    for token in md_parser().parse(text):
        children = token.children or []
        for index, child in enumerate(children):
            kind = child.type.removesuffix("_open")
            if child.type in ("em_open", "strong_open", "link_open"):
                out[kind].append(children[index + 1].content)
            elif child.type == "code_inline":
                out["code"].append(child.content)
            elif child.type == "html_inline":
                out["html"].append(child.content)
            elif child.type == "image":
                out["image"].append(child.content)
    return out


EMPTY_NOTES = (
    "No purpose written yet.",
    "No goals yet.",
    "No audiences yet.",
    "No channels yet.",
    "No check-ins yet.",
)


def assert_only_report_markup(text: str) -> None:
    """Plan text never turns into markup: the only emphasis, bold and code spans are
    the report's own (labels, verdicts, finding ids); no link, HTML or image at all."""
    found = spans(text)
    assert found["link"] == found["html"] == found["image"] == []
    assert set(found["em"]) <= {"Fix:", *EMPTY_NOTES}
    assert set(found["strong"]) <= {
        "Who:",
        "Why:",
        "What we share:",
        "What's in it for them:",
        "Over budget",
        "Near budget",
        "Within budget",
        "error",
        "warning",
        "info",
    }
    assert all(re.fullmatch(r"[a-z-]+", code) for code in found["code"]), found["code"]


def one_table(tables: dict, section: str) -> list[list[str]]:
    assert len(tables.get(section, [])) == 1, f"{section}: {tables.get(section)}"
    return tables[section][0]


# --- golden files ----------------------------------------------------------------------


def _golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
    expected = path.read_bytes().decode("utf-8")
    assert actual == expected, f"{name} differs; see the module docstring to regenerate"


def test_golden_markdown(plan):
    _golden("export.md", report.to_markdown(plan, TODAY))


def test_golden_csv(plan):
    _golden("export.csv", report.to_csv(plan))


def test_golden_json(plan):
    _golden("export.json", report.to_json(plan, TODAY))


# --- Markdown: every section, with the numbers worked out by hand -----------------------


def test_markdown_headings(plan):
    headings, _ = md_structure(report.to_markdown(plan, TODAY))
    assert headings == [
        (1, "Harbour Yoga Studio 2027"),
        (2, "Purpose"),
        (2, "Goals"),
        (2, "Audiences"),
        (2, "Channels"),
        (2, "Budget"),
        (2, "Findings"),
        (2, "Check-ins"),
    ]


def test_markdown_intro_states_date_and_review(plan):
    text = report.to_markdown(plan, TODAY)
    assert "as of 2026-11-22" in text
    # review: every 4 weeks from 2026-10-04 -> due 2026-11-01, before today.
    assert "last on 2026-10-04, next was due 2026-11-01" in text


def test_markdown_purpose(plan):
    text = report.to_markdown(plan, TODAY)
    assert "- **Who:** Desk workers and new parents in the harbour district" in text
    assert "- **Why:** Fill the 7 am and lunchtime classes without discount sites" in text
    assert "- **What we share:** Short flows, teacher stories, the week's timetable" in text
    assert r"flows for desk \| home" in text  # the | cannot start a table


def test_markdown_goals_table(plan):
    _, tables = md_structure(report.to_markdown(plan, TODAY))
    table = one_table(tables, "Goals")
    header, *rows = table
    assert header[:2] == ["#", "Goal"]
    assert "Progress" in header and "Pace" in header
    col = {name: header.index(name) for name in header}
    assert [r[col["Goal"]] for r in rows] == [
        "Class bookings from social",
        "Monthly members",
        "Practice buddies_at home",
    ]
    # bookings 20 -> 60, latest 35: 15/40 = 37.5 %; members 85 -> 140, latest 94:
    # 9/55 = 16.4 %; buddies 400 -> 900, latest 540: 140/500 = 28 %.
    assert [r[col["Progress"]] for r in rows] == ["38 %", "16 %", "28 %"]
    assert [r[col["Latest"]] for r in rows] == [
        "35 (2026-W47)",
        "94 (2026-W47)",
        "540 (2026-W47)",
    ]
    assert [r[col["Baseline → target"]] for r in rows] == ["20 → 60", "85 → 140", "400 → 900"]
    assert [r[col["Deadline"]] for r in rows] == ["2027-06-30", "2027-03-31", "2027-04-30"]
    assert [r[col["Pace"]] for r in rows] == ["ahead", "behind", "behind"]


def test_markdown_audiences_table(plan):
    _, tables = md_structure(report.to_markdown(plan, TODAY))
    assert one_table(tables, "Audiences") == [
        ["Audience", "What they want", "Where they are"],
        ["Desk workers nearby", "A 45-minute class that fits into lunch", "Instagram, LinkedIn"],
        [
            "New parents",
            "Gentle postnatal classes at buggy-friendly times",
            "Instagram, Facebook group, Newsletter (Buttondown)",
        ],
        # tiktok is a candidate channel: its name is known
        ["Students & early-career", "Cheap *off-peak* passes", "TikTok"],
    ]


def test_markdown_channels_table_has_hours(plan):
    _, tables = md_structure(report.to_markdown(plan, TODAY))
    header, *rows = one_table(tables, "Channels")
    col = {name: header.index(name) for name in header}
    by_name = {r[col["Channel"]]: r for r in rows}
    # 3 x 35 + 45 = 150 min; 75 + 15 = 90; 2 x 30 + 30 = 90; 3 x 50 + 30 = 180; 2 x 20 + 20 = 60
    assert {n: r[col["Time/week"]] for n, r in by_name.items()} == {
        "Instagram": "2h 30m",
        "Newsletter (Buttondown)": "1h 30m",
        "LinkedIn": "1h 30m",
        "TikTok": "3h 00m",
        "Facebook group": "1h 00m",
    }
    assert by_name["Instagram"][col["Status"]] == "active"
    assert by_name["Facebook group"][col["Status"]] == "dropped"
    assert by_name["Newsletter (Buttondown)"][col["Notes"]] == (
        "Sunday evening: timetable + one <story>"
    )
    assert by_name["LinkedIn"][col["Notes"]] == "—"


def test_markdown_budget(plan):
    text = report.to_markdown(plan, TODAY)
    _, tables = md_structure(text)
    rows = {r[0]: r[1] for r in one_table(tables, "Budget")[1:]}
    # committed 150 + 90 + 90 = 330 min; capacity 7 h x 60 x 0.85 = 357 min.
    assert rows["Committed (active channels)"] == "5h 30m"
    assert rows["Capacity (7 h less a 15 % reserve)"] == "5h 57m"
    assert rows["Used"] == "92 %"  # 330 / 357
    assert rows["Active channels"] == "3 of at most 2"
    assert "**Near budget**: 27m to spare" in text  # 357 - 330


def test_markdown_findings(plan):
    text = report.to_markdown(plan, TODAY)
    section = text.split("## Findings", 1)[1].split("## Check-ins", 1)[0]
    ids = re.findall(r"^- \*\*(\w+)\*\* `([a-z-]+)`", section, flags=re.M)
    assert ids == [
        ("warning", "near-budget"),
        ("warning", "over-in-practice"),
        ("warning", "too-many-channels"),
        ("warning", "audience-unreached"),
        ("warning", "review-overdue"),
        ("warning", "estimate-low"),
        ("warning", "goal-behind-pace"),
        ("warning", "goal-behind-pace"),
        ("warning", "not-working"),
    ]
    # Instagram's last three weeks: 3.5, 3.25, 3.75 h -> 3h 30m against 2h 30m planned.
    assert "takes 3h 30m a week in practice" in section


def test_markdown_last_eight_checkins(plan):
    text = report.to_markdown(plan, TODAY)
    _, tables = md_structure(text)
    header, *rows = one_table(tables, "Check-ins")
    assert [r[0] for r in rows] == [f"2026-W{w}" for w in range(40, 48)]
    assert "The last 8 of 10 check-ins" in text
    col = {name: header.index(name) for name in header}
    w47 = rows[-1]
    assert w47[col["Hours"]] == "6.5"  # 3.75 + 1.5 + 1.25
    assert w47[col["Instagram (h)"]] == "3.75 · working"
    assert w47[col["LinkedIn (h)"]] == "1.25 · not-working"
    assert w47[col["Monthly members"]] == "94"
    w44 = rows[4]
    assert w44[0] == "2026-W44" and w44[col["Monthly members"]] == "—"  # not counted
    assert rows[3][col["Note"]] == "Teacher **spotlight** flopped; try video"
    assert rows[5][col["Note"]] == "<b>Storm week</b>: studio closed on Tuesday"


def test_markdown_fixture_specials_stay_text(plan):
    # The fixture has **bold**, *stars*, <b> and <story>: none may become markup.
    assert_only_report_markup(report.to_markdown(plan, TODAY))


def test_markdown_empty_plan_says_so():
    text = report.to_markdown(Plan(name="Blank"), TODAY)
    assert [e for e in spans(text)["em"] if e != "Fix:"] == list(EMPTY_NOTES)
    assert "it has not been reviewed yet" in text


HOSTILE_NAME = "A | B [link](https://evil.example) `code` *em* <i>x</i> &amp;\nsecond line"


def _hostile_plan() -> Plan:
    return Plan(
        name="Evil | [plan](http://x)\n# not a heading",
        goals=(Goal("g", HOSTILE_NAME, metric="m|n", baseline=0, target=10),),
        audiences=(Audience("a", HOSTILE_NAME, wants="`w` | [x](y)", channels=("c",)),),
        channels=(Channel("c", HOSTILE_NAME, status="active", goals=("g",), notes="n\n|x|"),),
        checkins=(CheckIn("2026-W47", {"c": 1}, {"g": 2}, {"c": "working"}, "a | b\nc"),),
    )


def test_markdown_escapes_pipes_links_code_and_newlines():
    text = report.to_markdown(_hostile_plan(), TODAY)
    headings, tables = md_structure(text)
    assert headings[0] == (1, "Evil | [plan](http://x) # not a heading")
    assert [h for level, h in headings if level == 1] == [headings[0][1]]
    flat = "A | B [link](https://evil.example) `code` *em* <i>x</i> &amp; second line"
    assert one_table(tables, "Audiences")[1] == [flat, "`w` | [x](y)", flat]
    goal_row = one_table(tables, "Goals")[1]
    assert goal_row[1:3] == [flat, "m|n"]
    channels = one_table(tables, "Channels")
    assert channels[1][0] == flat and channels[1][-1] == "n |x|"
    checkins = one_table(tables, "Check-ins")
    assert checkins[0][2] == f"{flat} (h)"
    assert checkins[1][-1] == "a | b c"
    for table in (t for ts in tables.values() for t in ts):
        assert len({len(row) for row in table}) == 1
    assert_only_report_markup(text)


def test_markdown_drops_control_and_bidi_characters():
    name = "Evil \x1b[2J\x07 \x9b31m \u202eplan\u2066"
    text = report.to_markdown(Plan(name=name), TODAY)
    for bad in ("\x1b", "\x07", "\x9b", "\u202e", "\u2066"):
        assert bad not in text
    assert text.startswith("# Evil \\[2J 31m plan\n")


def _unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)(?:\\\\)*\|", line))


printable = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Cf")), min_size=1, max_size=40
).filter(lambda s: s.strip())


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(name=printable, wants=st.text(max_size=40), note=st.text(max_size=40))
def test_any_text_keeps_table_rows_whole(name, wants, note):
    plan = Plan(
        name=name,
        audiences=(Audience("a", name, wants=wants, channels=("c",)),),
        channels=(Channel("c", name, status="active", notes=note),),
        checkins=(CheckIn("2026-W47", {"c": 1.5}, {}, {}, note),),
    )
    text = report.to_markdown(plan, TODAY)
    _, tables = md_structure(text)
    audiences = one_table(tables, "Audiences")
    channels = one_table(tables, "Channels")
    checkins = one_table(tables, "Check-ins")
    assert [len(t) for t in (audiences, channels, checkins)] == [2, 2, 2]
    flat = " ".join(name.split())
    assert audiences[1][0] == flat
    assert audiences[1][2] == flat  # the channel's name
    assert channels[1][0] == flat
    assert checkins[1][0] == "2026-W47" and checkins[1][1] == "1.5"
    # Raw source: each row of a table has as many unescaped pipes as its header.
    for block in text.split("\n\n"):
        rows = [line for line in block.splitlines() if line.startswith("|")]
        if rows:
            assert len({_unescaped_pipes(r) for r in rows}) == 1, rows


# --- CSV --------------------------------------------------------------------------------


def unguard(value: str) -> str:
    """What a reader does: the export adds one ' before = + - @ ' tab CR LF."""
    return value[1:] if value.startswith("'") else value


def checkins_from_csv(text: str) -> dict[str, dict]:
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    weeks: dict[str, dict] = {}
    for row in rows:
        week = weeks.setdefault(
            row["week"], {"hours": {}, "metrics": {}, "verdicts": {}, "note": None}
        )
        note = unguard(row["note"])
        assert week["note"] in (None, note)  # the same note on every row of a week
        week["note"] = note
        ident = unguard(row["id"])
        if row["kind"] == "channel":
            if row["actual_hours"]:
                week["hours"][ident] = float(row["actual_hours"])
            if row["verdict"]:
                week["verdicts"][ident] = row["verdict"]
        elif row["kind"] == "goal":
            week["metrics"][ident] = float(row["value"])
        else:
            assert row["kind"] == "note"
    return weeks


def test_csv_header_and_rows(plan):
    rows = list(csv.DictReader(io.StringIO(report.to_csv(plan), newline="")))
    assert list(rows[0]) == list(report.CSV_COLUMNS)
    assert rows[0] == {
        "week": "2026-W38",
        "kind": "channel",
        "id": "instagram",
        "name": "Instagram",
        "planned_hours": "2.5",  # 150 minutes
        "actual_hours": "2.5",
        "verdict": "unsure",
        "value": "",
        "note": "First week on the plan",
    }
    # 10 weeks; W38..W41 have 2 channels, W42..W47 have 3; every week has 3 metrics
    # except W44 (members not counted): 4*5 + 6*6 - 1 rows.
    assert len(rows) == 55
    w44 = [r for r in rows if r["week"] == "2026-W44" and r["kind"] == "goal"]
    assert [r["id"] for r in w44] == ["bookings", "practice-buddies"]


def test_csv_round_trips_to_the_fixture_checkins(plan, raw):
    weeks = checkins_from_csv(report.to_csv(plan))
    expected = {
        c["week"]: {
            "hours": {k: float(v) for k, v in c.get("hours", {}).items()},
            "metrics": {k: float(v) for k, v in c.get("metrics", {}).items()},
            "verdicts": dict(c.get("verdicts", {})),
            "note": c.get("note", ""),
        }
        for c in raw["checkins"]
    }
    assert weeks == expected
    assert list(weeks) == [c["week"] for c in raw["checkins"]]  # oldest first


def test_csv_guards_formulas(plan):
    text = report.to_csv(plan)
    # W47's note starts with "+": a spreadsheet would read "+2 bookings…" as a formula.
    assert ",'+2 bookings straight from a reel; reels take longer than planned\r\n" in text
    risky = Plan(
        name="P",
        channels=(Channel("c", "=HYPERLINK(1)"),),
        checkins=(CheckIn("2026-W47", {"c": 1}, {}, {}, "@SUM(A1)"),),
    )
    (row,) = csv.DictReader(io.StringIO(report.to_csv(risky), newline=""))
    assert row["name"] == "'=HYPERLINK(1)"
    assert row["note"] == "'@SUM(A1)"


def test_csv_week_with_only_a_note():
    plan = Plan(name="P", checkins=(CheckIn("2026-W01", note="Holiday"),))
    rows = list(csv.DictReader(io.StringIO(report.to_csv(plan), newline="")))
    assert rows == [
        {
            "week": "2026-W01",
            "kind": "note",
            "id": "",
            "name": "",
            "planned_hours": "",
            "actual_hours": "",
            "verdict": "",
            "value": "",
            "note": "Holiday",
        }
    ]


def test_csv_unknown_ids_are_kept():
    plan = Plan(
        name="P",
        channels=(Channel("c", "C"),),
        checkins=(CheckIn("2026-W01", {"gone": 2}, {"old-goal": 7}),),
    )
    rows = list(csv.DictReader(io.StringIO(report.to_csv(plan), newline="")))
    assert [(r["kind"], r["id"], r["name"], r["planned_hours"]) for r in rows] == [
        ("channel", "gone", "", ""),
        ("goal", "old-goal", "", ""),
    ]
    assert rows[0]["actual_hours"] == "2" and rows[1]["value"] == "7"


# What a CSV cell keeps exactly: no control or bidi characters but tab, CR and LF
# (the others are dropped: tests/unit/test_export_controls.py).
_BIDI = (
    "\u061c\u200e\u200f"
    + "".join(map(chr, range(0x202A, 0x202F)))
    + "".join(map(chr, range(0x2066, 0x206A)))
)
kept_text = st.text(
    st.characters(
        blacklist_categories=("Cs", "Cc"),
        blacklist_characters=_BIDI,
        whitelist_characters="\t\r\n",
    ),
    max_size=30,
)
numbers = st.floats(min_value=0, max_value=168, allow_nan=False) | st.integers(0, 168)
metrics = st.floats(allow_nan=False, allow_infinity=False, width=64) | st.integers(
    -(2**63), 2**63 - 1
)


@settings(max_examples=150, deadline=None)
@given(
    name=kept_text,
    note=kept_text,
    hours=numbers,
    value=metrics,
    verdict=st.sampled_from(["working", "unsure", "not-working"]),
)
def test_csv_round_trips_any_text_and_number(name, note, hours, value, verdict):
    plan = Plan(
        name="P",
        goals=(Goal("g", name or "x"),),
        channels=(Channel("c", name or "x"),),
        checkins=(CheckIn("2026-W10", {"c": hours}, {"g": value}, {"c": verdict}, note),),
    )
    text = report.to_csv(plan)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == 2
    assert [unguard(r["name"]) for r in rows] == [name or "x"] * 2
    weeks = checkins_from_csv(text)
    assert weeks == {
        "2026-W10": {
            "hours": {"c": float(hours)},
            "metrics": {"g": float(value)},
            "verdicts": {"c": verdict},
            "note": note,
        }
    }
    # Numbers come back exactly, not just close: integers as written, floats to the bit.
    if isinstance(value, int):
        assert int(rows[1]["value"]) == value
    else:
        assert float(rows[1]["value"]) == value


# --- JSON -------------------------------------------------------------------------------


def validate(schema: dict, data) -> None:
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    cls(schema, format_checker=cls.FORMAT_CHECKER).validate(data)


def test_schema_is_draft_2020_12(schema):
    assert jsonschema.validators.validator_for(schema) is jsonschema.Draft202012Validator
    jsonschema.Draft202012Validator.check_schema(schema)


def test_json_validates_against_the_schema(plan, schema):
    data = json.loads(report.to_json(plan, TODAY))
    validate(schema, data)
    validate(schema, json.loads(report.to_json(report.mask_plan(plan), TODAY)))
    validate(schema, json.loads(report.to_json(Plan(name="Blank"), TODAY)))


@pytest.mark.parametrize(
    "path, bad",
    [
        (("format",), "something-else"),
        (("as_of",), "22/11/2026"),
        (("budget", "over"), "no"),
        (("plan", "channels", 0, "status"), "paused"),
        (("progress", 0, "pace"), "fast"),
        (("findings", 0, "severity"), "fatal"),
        (("plan", "goals", 0, "deadline"), "2027-02-30"),  # not a date: format checked
        (("plan", "extra"), 1),
    ],
)
def test_schema_rejects_wrong_documents(plan, schema, path, bad):
    """The schema is no rubber stamp: one wrong value anywhere fails validation."""
    data = json.loads(report.to_json(plan, TODAY))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = bad
    with pytest.raises(jsonschema.ValidationError):
        validate(schema, data)


def test_schema_requires_every_top_level_key(plan, schema):
    data = json.loads(report.to_json(plan, TODAY))
    for key in list(data):
        broken = {k: v for k, v in data.items() if k != key}
        with pytest.raises(jsonschema.ValidationError):
            validate(schema, broken)


def test_json_content(plan, raw):
    data = json.loads(report.to_json(plan, TODAY))
    assert data["format"] == "socialtui-export" and data["version"] == 1
    assert data["as_of"] == "2026-11-22"
    assert data["budget"] == {
        "committed_minutes": 330,
        "capacity_minutes": 357,
        "spare_minutes": 27,
        "percent": 92.44,  # 330 / 357
        "over": False,
        "near": True,
        "active_channels": 3,
    }
    assert [p["goal"] for p in data["progress"]] == ["bookings", "members", "practice-buddies"]
    assert data["progress"][0]["percent"] == 37.5
    assert data["progress"][0]["latest"] == 35
    assert data["progress"][0]["latest_week"] == "2026-W47"
    assert [f["id"] for f in data["findings"]][:3] == [
        "near-budget",
        "over-in-practice",
        "too-many-channels",
    ]
    too_many = data["findings"][2]
    assert too_many["fix"]["edits"] == [
        {"kind": "channel", "id": "linkedin", "field": "status", "old": "active", "new": "later"}
    ]
    # The plan part holds what the file says.
    assert data["plan"]["name"] == raw["name"]
    assert data["plan"]["purpose"] == raw["purpose"]
    assert [c["note"] for c in data["plan"]["checkins"]] == [
        c.get("note", "") for c in raw["checkins"]
    ]
    assert data["plan"]["review"] == {"every_weeks": 4, "last": "2026-10-04", "checkin_day": "fri"}
    assert data["plan"]["channels"][4]["goals"] == []


def test_json_is_ascii_and_keeps_real_text():
    name = "Café \x1b[31m ☕"
    text = report.to_json(Plan(name=name), TODAY)
    assert text.isascii()
    assert json.loads(text)["plan"]["name"] == name


# --- mask_plan ---------------------------------------------------------------------------


def fixture_strings(raw: dict) -> list[str]:
    """Every name, note and description the fixture holds, and every id."""
    out = [raw["name"], *raw["purpose"].values()]
    for goal in raw["goals"]:
        out += [goal["id"], goal["title"], goal["metric"]]
    for audience in raw["audiences"]:
        out += [audience["id"], audience["name"], audience["wants"]]
    for channel in raw["channels"]:
        out += [channel["id"], channel["name"], channel.get("notes", "")]
    out += [c["note"] for c in raw["checkins"] if c.get("note")]
    return [s for s in out if s]


def _words(strings: list[str]) -> set[str]:
    """The capitalised words of the fixture's text ("Harbour", "Buttondown", "Storm"…)."""
    return {w for s in strings for w in re.findall(r"\b[A-Z][A-Za-z]{3,}\b", s)}


def test_mask_plan_hides_every_name_note_and_description(plan, raw):
    masked = report.mask_plan(plan)
    secrets = fixture_strings(raw)
    assert len(secrets) > 40
    outputs = {
        "markdown": report.to_markdown(masked, TODAY),
        "csv": report.to_csv(masked),
        "json": json.dumps(report.to_data(masked, TODAY), ensure_ascii=False),
        "repr": repr(masked),
    }
    for kind, text in outputs.items():
        for secret in secrets:
            assert secret not in text, (kind, secret)
        # Not even a word of them ("Harbour", "Buttondown", "Storm"…).
        leaked = {w for w in _words(secrets) if re.search(rf"\b{w}\b", text)}
        assert not leaked, (kind, leaked)


def test_mask_plan_renames_consistently(plan):
    masked = report.mask_plan(plan)
    assert masked.name == "Private plan"
    assert [g.title for g in masked.goals] == ["Goal 1", "Goal 2", "Goal 3"]
    assert [g.id for g in masked.goals] == ["goal-1", "goal-2", "goal-3"]
    assert [a.name for a in masked.audiences] == ["Audience 1", "Audience 2", "Audience 3"]
    assert [c.name for c in masked.channels] == [f"Channel {i}" for i in range(1, 6)]
    # instagram serves bookings and practice-buddies -> goal-1, goal-3
    assert masked.channels[0].goals == ("goal-1", "goal-3")
    # new parents: instagram, facebook, newsletter -> channel-1, channel-5, channel-2
    assert masked.audiences[1].channels == ("channel-1", "channel-5", "channel-2")
    assert masked.checkins[-1].hours == {"channel-1": 3.75, "channel-2": 1.5, "channel-3": 1.25}
    assert masked.checkins[-1].metrics == {"goal-1": 35, "goal-2": 94, "goal-3": 540}
    assert masked.purpose.who == report.MASK
    assert masked.channels[2].notes == ""  # empty stays empty: nothing to hide
    assert masked.checkins[2].note == ""
    assert masked.checkins[0].note == report.MASK


def test_mask_plan_keeps_numbers_and_findings_shape(plan):
    masked = report.mask_plan(plan)
    real, hidden = report.to_data(plan, TODAY), report.to_data(masked, TODAY)
    assert hidden["budget"] == real["budget"]
    assert [p["percent"] for p in hidden["progress"]] == [p["percent"] for p in real["progress"]]
    assert [(f["id"], f["severity"]) for f in hidden["findings"]] == [
        (f["id"], f["severity"]) for f in real["findings"]
    ]
    assert masked.budget == plan.budget and masked.review == plan.review


def test_mask_plan_numbers_unknown_references():
    plan = Plan(
        name="P",
        goals=(Goal("g", "G"),),
        channels=(Channel("c", "C", goals=("g", "deleted-goal")),),
        audiences=(Audience("a", "A", channels=("c", "not-listed")),),
        checkins=(CheckIn("2026-W01", {"gone": 1}, {"deleted-goal": 3}),),
    )
    masked = report.mask_plan(plan)
    assert masked.channels[0].goals == ("goal-1", "goal-2")
    assert masked.audiences[0].channels == ("channel-1", "channel-2")
    assert masked.checkins[0].hours == {"channel-3": 1}
    assert masked.checkins[0].metrics == {"goal-2": 3}


def test_mask_of_whitespace_only_text_is_empty():
    masked = report.mask_plan(replace(Plan(name="P"), purpose=replace(Plan("x").purpose, who="  ")))
    assert masked.purpose.who == ""
