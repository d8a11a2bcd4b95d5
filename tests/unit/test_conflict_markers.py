"""A plan with merge conflict markers left in it: the load error names the conflict."""

from __future__ import annotations

import pytest

from socialtui import store

PLAN = 'name = "Bakery"\n\n[budget]\nweekly_hours = 5\nreserve_percent = 10\n'


def load_error(text: str) -> store.PlanLoadError:
    with pytest.raises(store.PlanLoadError) as caught:
        store.loads(text, "plan.toml")
    return caught.value


@pytest.mark.parametrize(
    "conflicted",
    [
        "<<<<<<< ours\nweekly_hours = 5\n=======\nweekly_hours = 6\n>>>>>>> theirs\n",
        "<<<<<<< HEAD\nweekly_hours = 5\n||||||| base\nweekly_hours = 4\n=======\n>>>>>>> b\n",
        "<<<<<<<<< ours\nweekly_hours = 5\n=========\n>>>>>>>>> theirs\n",  # a larger marker size
        "<<<<<<< ours\r\nweekly_hours = 5\r\n=======\r\n>>>>>>> theirs\r\n",
    ],
)
def test_a_conflict_is_reported_at_its_first_marker(conflicted):
    text = PLAN.replace("weekly_hours = 5\n", conflicted)
    error = load_error(text)
    assert (error.line, error.column) == (4, 1)
    assert error.reason == (
        "unresolved merge conflict: resolve it (keep the lines you want, delete the "
        "<<<<<<<, ======= and >>>>>>> lines), then git add the file"
    )
    assert str(error).startswith("plan.toml:4:1: unresolved merge conflict")


def test_half_a_resolution_is_still_a_conflict():
    text = PLAN.replace("weekly_hours = 5\n", "weekly_hours = 5\n=======\nweekly_hours = 6\n")
    assert (load_error(text).line, load_error(text).reason[:25]) == (5, "unresolved merge conflict")


def test_marker_lines_inside_a_multi_line_string_are_text():
    text = PLAN + '\n[purpose]\nwhy = """\n<<<<<<< not a conflict\n=======\n"""\n'
    assert store.loads(text).plan.purpose.why == "<<<<<<< not a conflict\n=======\n"


def test_a_broken_file_without_markers_keeps_the_parsers_message():
    error = load_error(PLAN.replace("weekly_hours = 5", "weekly_hours = "))
    assert error.reason.startswith("the file is not valid TOML")
