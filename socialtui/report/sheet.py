"""The check-in history as CSV, for spreadsheets."""

from __future__ import annotations

import csv
import io

from socialtui.plan.budget import channel_minutes
from socialtui.plan.model import Plan, week_key
from socialtui.plan.numbers import exact, rounded
from socialtui.report.markdown import ordered
from socialtui.safe import document

CSV_COLUMNS = (
    "week",
    "kind",
    "id",
    "name",
    "planned_hours",
    "actual_hours",
    "verdict",
    "value",
    "note",
)


# A text cell starting with one of these could run as a formula in a spreadsheet
# (OWASP "CSV injection"); "'" is on the list so that the guard can be undone.
_CSV_GUARDED = ("=", "+", "-", "@", "\t", "\r", "\n", "'")


def _csv_text(text: str) -> str:
    """Plan text for a CSV cell: without control characters but tab, CR and LF
    (:func:`socialtui.safe.document`: ``cat export.csv`` must not set the
    terminal's title or clear it), and a cell starting with ``= + - @ '``, a tab
    or a line break gets one ``'`` in front, so spreadsheets never run it as a
    formula. Readers undo the guard by removing one leading ``'``."""
    text = document(text)
    return "'" + text if text.startswith(_CSV_GUARDED) else text


def _csv_number(value: float | None) -> str:
    return "" if value is None else str(exact(value))


def to_csv(plan: Plan) -> str:
    """The check-in history as CSV with the header :data:`CSV_COLUMNS`.

    Weeks oldest first. For each week: one ``channel`` row per channel the week
    records hours or a verdict for (plan order, then ids the plan lacks), with
    ``planned_hours`` = the channel's weekly cost in the plan as it is now (the
    plan keeps no history of its estimates; empty for an id the plan lacks);
    then one ``goal`` row per goal whose metric it records, with ``value``. The
    week's note is repeated on each of its rows; a week that records nothing but
    a note has one row of kind ``note``.

    Text is the plan's text (line breaks included, quoted as CSV does) without
    control characters, and with the formula guard of :func:`_csv_text`. Numbers are written as the
    plan has them (``3``, ``2.75``); empty cells mean "not recorded". Rows end
    with CRLF (RFC 4180).

    A plan that lists people gets one more column, ``owner``: the id of the
    person who owns a ``channel`` row's channel (empty for other rows, and for a
    channel with no owner).
    """
    out = io.StringIO()
    # CRLF as RFC 4180 says: with it, csv quotes a field holding a lone CR too.
    writer = csv.writer(out, lineterminator="\r\n")
    team = bool(plan.people)
    writer.writerow((*CSV_COLUMNS, "owner") if team else CSV_COLUMNS)
    channel_order = [c.id for c in plan.channels]
    goal_order = [g.id for g in plan.goals]
    for checkin in sorted(plan.checkins, key=lambda c: week_key(c.week)):
        note = _csv_text(checkin.note)
        rows = []
        for ident in ordered(channel_order, [*checkin.hours, *checkin.verdicts]):
            channel = plan.channel(ident)
            planned = "" if channel is None else str(rounded(channel_minutes(channel) / 60))
            rows.append(
                [
                    checkin.week,
                    "channel",
                    _csv_text(ident),
                    "" if channel is None else _csv_text(channel.name),
                    planned,
                    _csv_number(checkin.hours.get(ident)),
                    checkin.verdicts.get(ident, ""),
                    "",
                    note,
                ]
            )
        for ident in ordered(goal_order, list(checkin.metrics)):
            goal = plan.goal(ident)
            name = "" if goal is None else _csv_text(goal.title)
            value = _csv_number(checkin.metrics[ident])
            rows.append([checkin.week, "goal", _csv_text(ident), name, "", "", "", value, note])
        if not rows:
            rows.append([checkin.week, "note", "", "", "", "", "", "", note])
        if team:
            rows = [[*row, _owner(plan, row)] for row in rows]
        writer.writerows(rows)
    return out.getvalue()


def _owner(plan: Plan, row: list[str]) -> str:
    """The owner of a channel row's channel (the row's ``id`` is guarded text)."""
    if row[1] != "channel":
        return ""
    channel = next((c for c in plan.channels if _csv_text(c.id) == row[2]), None)
    return "" if channel is None else _csv_text(channel.owner)


# --- JSON ----------------------------------------------------------------------------------
