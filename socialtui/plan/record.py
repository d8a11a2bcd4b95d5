"""Record: a small value class with equality and a repr from its ``__slots__``.

For the classes on ``socialtui due``'s start (:mod:`.due`, socialtui.reminders),
where dataclasses would cost more to import (12 ms: inspect, re) than the whole
command may take. Imports nothing.
"""

from __future__ import annotations


class Record:
    """Subclasses name their fields in ``__slots__`` and set them in ``__init__``."""

    __slots__ = ()

    def _fields(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._fields() == other._fields()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        fields = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__slots__)
        return f"{type(self).__name__}({fields})"
