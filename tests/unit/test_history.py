"""socialtui.plan.history: undo and redo, pure (the planner's keys are tested in tests/tui)."""

from __future__ import annotations

from plan_factories import plan

from socialtui.plan.history import UndoHistory


def plans(n: int):
    return [plan(hours=h) for h in range(1, n + 1)]


def test_undo_and_redo_walk_back_and_forth():
    a, b, c = plans(3)
    history = UndoHistory()
    history.record(a)  # a -> b
    history.record(b)  # b -> c
    assert history.undo(c) == b
    assert history.undo(b) == a
    assert history.undo(a) is None
    assert history.redo(a) == b
    assert history.redo(b) == c
    assert history.redo(c) is None


def test_a_new_edit_forgets_the_redo():
    a, b, c = plans(3)
    history = UndoHistory()
    history.record(a)
    assert history.undo(b) == a
    assert history.can_redo
    history.record(a)  # a -> c instead
    assert not history.can_redo
    assert history.undo(c) == a


def test_edits_with_one_coalesce_key_undo_as_one():
    a, b, c, d = plans(4)
    history = UndoHistory()
    history.record(a, coalesce="budget.weekly_hours")  # a -> b: typed "1"
    history.record(b, coalesce="budget.weekly_hours")  # b -> c: typed "0"
    history.record(c, coalesce="budget.reserve_percent")  # c -> d: another field
    assert history.undo(d) == c
    assert history.undo(c) == a
    assert not history.can_undo


def test_an_undo_ends_a_run_of_coalesced_edits():
    a, b, c = plans(3)
    history = UndoHistory()
    history.record(a, coalesce="k")
    assert history.undo(b) == a
    history.record(a, coalesce="k")  # the same field again: a new step
    history.record(b, coalesce="k")
    assert history.undo(c) == a


def test_the_history_is_bounded():
    many = plans(6)
    history = UndoHistory(limit=3)
    for before in many[:-1]:
        history.record(before)
    assert history.undo(many[5]) == many[4]
    assert history.undo(many[4]) == many[3]
    assert history.undo(many[3]) == many[2]
    assert history.undo(many[2]) is None


def test_clear():
    a, b = plans(2)
    history = UndoHistory()
    history.record(a)
    history.undo(b)
    history.clear()
    assert not history.can_undo and not history.can_redo
