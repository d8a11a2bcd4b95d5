"""Undo and redo: the plans before and after each edit, pure and bounded.

An edit pushes the plan it replaces; undo steps back and redo forward again; a
new edit after an undo forgets what could have been redone. Keystrokes in one
field are one edit: :meth:`UndoHistory.record` with a ``coalesce`` key keeps
only the first plan of a run of edits with the same key (typing ``4``, ``1``,
``0`` in the weekly hours is undone in one step).
"""

from __future__ import annotations

from .model import Plan

UNDO_LIMIT = 200


class UndoHistory:
    """The plans an editor can go back and forward to (at most ``limit`` back)."""

    def __init__(self, limit: int = UNDO_LIMIT) -> None:
        self.limit = limit
        self.undo_stack: list[Plan] = []
        self.redo_stack: list[Plan] = []
        self._coalesce: str | None = None

    @property
    def can_undo(self) -> bool:
        return bool(self.undo_stack)

    @property
    def can_redo(self) -> bool:
        return bool(self.redo_stack)

    def record(self, before: Plan, *, coalesce: str | None = None) -> None:
        """An edit replaced ``before``. Edits with the same ``coalesce`` key in a row
        undo as one."""
        if coalesce is None or coalesce != self._coalesce:
            self.undo_stack.append(before)
            del self.undo_stack[: -self.limit]
        self._coalesce = coalesce
        self.redo_stack.clear()

    def undo(self, current: Plan) -> Plan | None:
        """The plan before ``current``, or None when there is nothing to undo."""
        if not self.undo_stack:
            return None
        self.redo_stack.append(current)
        self._coalesce = None
        return self.undo_stack.pop()

    def redo(self, current: Plan) -> Plan | None:
        """The plan an undo left, or None when there is nothing to redo."""
        if not self.redo_stack:
            return None
        self.undo_stack.append(current)
        self._coalesce = None
        return self.redo_stack.pop()

    def clear(self) -> None:
        self.undo_stack.clear()
        self.redo_stack.clear()
        self._coalesce = None
