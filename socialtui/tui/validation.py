"""Textual validators built on :mod:`socialtui.plan.rules`: one reason per field."""

from __future__ import annotations

from collections.abc import Callable

from textual.validation import ValidationResult, Validator

from socialtui.plan.rules import RuleError


class RuleValidator(Validator):
    """Valid when ``parse(value)`` returns; its :class:`RuleError` is the reason."""

    def __init__(self, parse: Callable[[str], object]) -> None:
        super().__init__()
        self.parse = parse

    def validate(self, value: str) -> ValidationResult:
        try:
            self.parse(value)
        except RuleError as error:
            return self.failure(str(error))
        return self.success()
