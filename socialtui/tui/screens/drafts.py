"""The check-in's typing, week by week: kept while another week is shown, and
turned into a check-in that changes only what was touched.

Field values are keyed by the field's id: ``hours-ID``, ``verdict-ID``,
``metric-ID`` and ``note``.
"""

from __future__ import annotations

from socialtui.plan.checkin import merge_checkin, parse_hours, parse_metric
from socialtui.plan.model import CheckIn
from socialtui.plan.rules import RuleError


class Drafts:
    """What was typed in each week, kept while another week is shown.

    ``opened[week]`` is what the week's fields held when it was first shown
    (its prefill); ``typed[week]`` what they hold now, for the weeks where
    something differs. A field whose value is still the opened one was not
    touched.
    """

    def __init__(self) -> None:
        self.opened: dict[str, dict[str, object]] = {}
        self.typed: dict[str, dict[str, object]] = {}

    def keep(self, week: str, values: dict[str, object]) -> None:
        if values != self.opened.get(week, values):
            self.typed[week] = values
        else:
            self.typed.pop(week, None)

    def touched(self, week: str) -> set[str]:
        opened, now = self.opened.get(week, {}), self.typed.get(week, {})
        return {name for name, value in now.items() if opened.get(name) != value}


def _given(values: dict[str, object], touched: set[str], prefix: str, parse) -> dict:
    return {
        name.removeprefix(f"{prefix}-"): parse(str(value) if prefix != "verdict" else value)
        for name, value in values.items()
        if name.startswith(f"{prefix}-") and name in touched
    }


def week_checkin(
    existing: CheckIn | None, week: str, values: dict[str, object], touched: set[str]
) -> CheckIn:
    """The check-in of ``week``: ``existing`` with the ``touched`` fields' values.

    A recorded week takes only the fields that were touched, so what the file
    holds for the others stays exactly as it is; a new week is given them all.
    """
    note = str(values["note"]).strip() if "note" in touched else None
    return merge_checkin(
        existing,
        week,
        hours=_given(values, touched, "hours", parse_hours),
        metrics=_given(values, touched, "metric", parse_metric),
        verdicts=_given(values, touched, "verdict", lambda v: v),
        note=note,
    )


def has_error(values: dict[str, object]) -> bool:
    """Whether a typed hours or metric value would be refused."""
    for name, value in values.items():
        parse = parse_hours if name.startswith("hours-") else parse_metric
        if name.startswith(("hours-", "metric-")):
            try:
                parse(str(value))
            except RuleError:
                return True
    return False
