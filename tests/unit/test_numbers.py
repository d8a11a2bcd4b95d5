"""socialtui.plan.numbers: a whole number never shows as 3.0."""

from __future__ import annotations

import pytest

from socialtui.plan.budget import format_number as from_budget
from socialtui.plan.numbers import exact, format_number, rounded, show_number


@pytest.mark.parametrize(
    ("value", "shown"),
    [(3.0, "3"), (3, "3"), (2.125, "2.125"), (-0.5, "-0.5"), (1e20, "1e+20"), (0.0, "0")],
)
def test_show_number_is_the_value_as_written(value, shown):
    assert show_number(value) == shown


def test_exact_keeps_ints_for_whole_floats_only_where_exact():
    assert exact(4.0) == 4 and isinstance(exact(4.0), int)
    assert isinstance(exact(2.0**53), float)
    assert exact(2.5) == 2.5


@pytest.mark.parametrize(
    ("value", "result"), [(2.004, 2), (2.005001, 2.01), (216.0, 216), (1 / 3, 0.33)]
)
def test_rounded(value, result):
    assert rounded(value) == result
    assert isinstance(rounded(value), type(result))


@pytest.mark.parametrize(
    ("value", "shown"), [(3.0, "3"), (0.5, "0.5"), (2.25, "2.25"), (2.125, "2.12"), (1.999, "2")]
)
def test_format_number_shows_two_decimals_at_most(value, shown):
    assert format_number(value) == shown


def test_budget_still_offers_format_number():
    assert from_budget is format_number
