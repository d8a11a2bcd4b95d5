"""Strings from plan files (and file names) never reach the terminal raw."""

from __future__ import annotations

import json

import pytest
from plan_texts import BROKEN, HOSTILE, RAW_BAD, write_plan


def _assert_harmless(result):
    for bad in RAW_BAD:
        assert bad not in result.stdout, repr(bad)
        assert bad not in result.stderr, repr(bad)
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args", [("list",), ("check",), ("check", "evil"), ("check", "--format", "json")]
)
def test_hostile_plan_text_is_made_visible(run, plans, args):
    write_plan(plans, "evil", HOSTILE)
    result = run(*args)
    assert result.returncode in (0, 1)
    _assert_harmless(result)
    if "json" not in args:
        assert "Evil ␛[2J" in result.stdout


def test_hostile_json_still_holds_the_real_text(run, plans):
    write_plan(plans, "evil", HOSTILE)
    report = json.loads(run("check", "--format", "json").stdout)
    assert "\x1b[2J" in report["plans"][0]["name"]


def test_hostile_file_name(run, plans):
    write_plan(plans, "evil\x1b[31m\u202e", BROKEN)
    for args in (("list",), ("check",), ("check", "--format", "json")):
        result = run(*args)
        _assert_harmless(result)
    assert run("check").returncode == 2
