"""The errors the store raises about a plan file. Imports nothing."""

from __future__ import annotations

import os
from pathlib import Path


class PlanError(Exception):
    """Base of every error the store raises about a plan file."""


class PlanLoadError(PlanError):
    """The file cannot be read as a plan. ``line`` and ``column`` are 1-based."""

    def __init__(self, path: str | os.PathLike[str], line: int, column: int, reason: str) -> None:
        self.path = Path(path)
        self.line = max(1, int(line))
        self.column = max(1, int(column))
        self.reason = reason
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.reason}"


class ReadOnlyError(PlanError):
    """The plan was opened read-only (its schema is newer than this app)."""


class SaveError(PlanError):
    """The plan could not be saved; the file on disk was left as it was."""
