"""socialtui.report's registry of formats: one list for the CLI and the app."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from socialtui import report, store
from socialtui.cli import build_parser
from socialtui.tui.screens.export import export_path

FIXTURES = Path(__file__).parent.parent / "fixtures"
TODAY = date(2026, 11, 22)


def test_every_format_is_offered_by_the_command_line(capsys):
    parser = build_parser(only="export")
    for fmt in report.FORMATS:
        assert parser.parse_args(["export", "--format", fmt]).format == fmt
    with pytest.raises(SystemExit):
        parser.parse_args(["export", "--format", "pdf"])
    assert "--format {markdown,csv,json,ics}" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("suffix", "fmt"),
    [(".md", "markdown"), (".MARKDOWN", "markdown"), (".csv", "csv"), (".json", "json")],
)
def test_a_suffix_names_its_format(suffix, fmt):
    assert report.format_for_suffix(suffix) == fmt


def test_an_unknown_suffix_gives_markdown():
    assert report.format_for_suffix(".txt") == "markdown"


def test_export_text_is_the_format_s_own_renderer():
    plan = store.load(FIXTURES / "export.toml").plan
    assert report.export_text(plan, "markdown", TODAY) == report.to_markdown(plan, TODAY)
    assert report.export_text(plan, "csv", TODAY) == report.to_csv(plan)
    assert report.export_text(plan, "json", TODAY) == report.to_json(plan, TODAY)
    masked = report.export_text(plan, "json", TODAY, private=True)
    assert masked == report.to_json(report.mask_plan(plan), TODAY)
    with pytest.raises(ValueError, match="unknown export format"):
        report.export_text(plan, "pdf", TODAY)


def test_the_app_names_its_exports_by_plan_date_and_the_format_s_extension(tmp_path):
    plan = tmp_path / "bakery.toml"
    assert export_path(tmp_path, plan, "markdown", TODAY) == (
        tmp_path / "exports" / f"bakery-{TODAY.isoformat()}.md"
    )
    assert export_path(tmp_path, plan, "csv", TODAY, private=True) == (
        tmp_path / "exports" / f"bakery.private-{TODAY.isoformat()}.csv"
    )
