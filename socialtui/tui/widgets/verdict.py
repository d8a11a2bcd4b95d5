"""The check-in's verdict selector: working, unsure or not-working."""

from __future__ import annotations

from socialtui.plan.model import VERDICTS
from socialtui.tui.widgets.choices import ChoiceBar


class VerdictPicker(ChoiceBar):
    """One of working / unsure / not-working: ``w`` ``u`` ``n`` pick, space or ← → cycle."""

    DEFAULT_CSS = """
    VerdictPicker { width: 30; }
    """

    def __init__(self, value: str = "unsure", **kwargs) -> None:
        super().__init__([(v, v) for v in VERDICTS], value, **kwargs)
