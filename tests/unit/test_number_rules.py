"""Typed numbers are ASCII decimal notation, each field within a stated bound.

``float()`` accepts ``٣`` (3), ``1_000``, ``1e308``, ``inf`` and ``nan``: a
metric of ``1e308`` made findings print 300-digit numbers. The rules in
:mod:`socialtui.plan.rules` are shared by the forms, the check-in screen and
``socialtui checkin``.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialtui.plan.model import RANGES
from socialtui.plan.rules import (
    METRIC_BOUND,
    RuleError,
    parse_finite,
    parse_number,
    parse_optional_finite,
)

DECIMAL = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)", re.ASCII)
REFUSED = [
    "٣",
    "３",
    "1_000",
    "1e3",
    "1E-2",
    "inf",
    "-inf",
    "nan",
    "NaN",
    "0x10",
    "0b1",
    "1,5",
    "--1",
    "1..2",
    "²",
    "1" * 40,
]


@pytest.mark.parametrize("text", REFUSED)
def test_anything_but_ascii_decimal_is_refused_for_every_field(text):
    with pytest.raises(RuleError, match="is not a"):
        parse_finite(text)
    for field in RANGES:
        with pytest.raises(RuleError, match="is not a"):
            parse_number(field, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [("14", 14), ("-2.5", -2.5), ("+3", 3), (".5", 0.5), ("5.", 5.0), (" 7 ", 7), ("0", 0)],
)
def test_decimal_notation_is_read(text, value):
    got = parse_finite(text)
    assert got == value and type(got) is type(value)


def test_metric_values_are_bounded_at_a_trillion_and_the_error_says_the_range():
    assert parse_finite("1000000000000") == METRIC_BOUND
    assert parse_finite("-1000000000000") == -METRIC_BOUND
    with pytest.raises(RuleError) as caught:
        parse_finite("1000000000001", "target")
    assert str(caught.value) == (
        "the target must be from -1,000,000,000,000 to 1,000,000,000,000, not 1000000000001"
    )
    with pytest.raises(RuleError, match="from -1,000,000,000,000 to 1,000,000,000,000"):
        parse_finite("1e308")
    assert parse_optional_finite("  ") is None


def test_hours_keep_the_format_s_range():
    with pytest.raises(RuleError, match="must be from 0 to 168, not 169"):
        parse_number("checkin_hours", "169")
    with pytest.raises(RuleError, match=r"'2\.0' is not a whole number; use a whole number from 1"):
        parse_number("every_weeks", "2.0")


@given(st.text(max_size=40))
def test_whatever_is_typed_a_number_read_is_decimal_and_bounded(text):
    try:
        value = parse_finite(text)
    except RuleError:
        return
    assert DECIMAL.fullmatch(text.strip())
    assert abs(value) <= METRIC_BOUND


@given(st.characters(categories=["Nd"]).filter(lambda c: not "0" <= c <= "9"))
def test_digits_of_other_scripts_are_refused(digit):
    with pytest.raises(RuleError):
        parse_finite(digit * 2)
    with pytest.raises(RuleError):
        parse_number("checkin_hours", digit)
