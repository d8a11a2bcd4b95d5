"""The planner's editing actions: add, edit, delete, move, cycle a status, fit, expand.

A mixin of :class:`~socialtui.tui.screens.planner.PlannerScreen`: each action
opens a form or a confirmation and, when the user agrees, hands the new plan to
``PlannerScreen.apply`` (one undoable edit). The arithmetic is the domain's
(:mod:`socialtui.plan.edits`, :mod:`socialtui.plan.fit`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from socialtui.plan.edits import (
    apply_edits,
    cycle_status,
    delete_item,
    move_item,
    rename_channel,
    rename_goal,
    rename_person,
)
from socialtui.plan.findings import Finding
from socialtui.plan.fit import fit_to_budget
from socialtui.safe import one_line

if TYPE_CHECKING:
    from socialtui.plan.catalog import Preset


class PlanEditing:
    """Editing actions for a screen with ``plan``, ``apply``, ``current_item``,
    ``refuse_edit`` and ``read_only_reason`` (the planner)."""

    def undo_key(self) -> str:
        """The undo key as the user has it (config.toml's [keys]), written short."""
        from socialtui.tui.commands import COMMAND

        return COMMAND["undo"].footer_key(getattr(self.app, "user_keys", {}))  # type: ignore[attr-defined]

    def action_add(self) -> None:
        from socialtui.tui.screens.dialogs import CatalogScreen
        from socialtui.tui.screens.forms import AudienceForm, GoalForm, PersonForm

        if self.refuse_edit():
            return
        if self.current_pane == 4:
            self.app.push_screen(PersonForm(self.plan), self._person_done(None))
        elif self.current_pane == 1:
            self.app.push_screen(GoalForm(self.plan), self._goal_done(None))
        elif self.current_pane == 2:
            self.app.push_screen(AudienceForm(self.plan), self._audience_done(None))
        else:
            self.app.push_screen(CatalogScreen(self.plan), self._catalog_done)

    def action_edit(self) -> None:
        from socialtui.tui.screens.forms import AudienceForm, ChannelForm, GoalForm, PersonForm

        on_budget = self.focused is not None and self.focused is self.budget_table()
        if on_budget and self.current_item() is None:  # a value, not a person's row
            self.edit_budget()
            return
        if self.refuse_private():
            return
        item = self.current_item()
        if item is None:
            return
        kind, item_id = item
        view = self.read_only_reason()  # read-only: the form shows the item, disabled
        if kind == "person":
            form = PersonForm(self.plan, self.plan.person(item_id), read_only=view)
            done = self._person_done(item_id)
        elif kind == "goal":
            form = GoalForm(self.plan, self.plan.goal(item_id), read_only=view)
            done = self._goal_done(item_id)
        elif kind == "audience":
            form = AudienceForm(self.plan, self.plan.audience(item_id), read_only=view)
            done = self._audience_done(item_id)
        else:
            channel = self.plan.channel(item_id)
            form = ChannelForm(self.plan, channel, preview=self.set_preview, read_only=view)
            done = self._channel_done(item_id)
        self.app.push_screen(form, done)

    def on_data_table_row_selected(self, event) -> None:
        event.stop()
        self.action_edit()

    def action_purpose(self) -> None:
        from socialtui.tui.screens.forms import PurposeForm

        if self.refuse_private():
            return

        def done(purpose) -> None:
            if purpose is not None:
                from dataclasses import replace

                self.apply(replace(self.plan, purpose=purpose))

        self.app.push_screen(PurposeForm(self.plan, read_only=self.read_only_reason()), done)

    def _item_done(self, kind: str, old_id: str | None, rename=None, select=None):
        """What a form for a ``kind`` (goal, audience, channel, person) does with its
        result: a changed id renamed where it is referred to, then the item in place."""

        def done(item) -> None:
            if item is None:
                return
            plan = self.plan
            if rename is not None and old_id is not None and old_id != item.id:
                plan = rename(plan, old_id, item.id)
            self.apply(getattr(plan, f"with_{kind}")(item, old_id=old_id))
            select(item.id)

        return done

    def _goal_done(self, old_id: str | None):
        table = self.query_one("#goals")
        return self._item_done("goal", old_id, rename_goal, table.select_id)  # type: ignore[attr-defined]

    def _audience_done(self, old_id: str | None):
        table = self.query_one("#audience")
        return self._item_done("audience", old_id, None, table.select_id)  # type: ignore[attr-defined]

    def _channel_done(self, old_id: str | None):
        table = self.query_one("#channels")
        return self._item_done("channel", old_id, rename_channel, table.select_id)  # type: ignore[attr-defined]

    def _person_done(self, old_id: str | None):
        pane = self.query_one("#budget")
        return self._item_done("person", old_id, rename_person, pane.select_person)  # type: ignore[attr-defined]

    def _catalog_done(self, picked: Preset | str | None) -> None:
        from socialtui.plan.catalog import Preset
        from socialtui.tui.screens.forms import ChannelForm

        if picked is None:
            return
        if isinstance(picked, Preset):
            form = ChannelForm(
                self.plan,
                picked.channel(),
                new=True,
                note=f"From the catalog: {picked.describe()}",
                preview=self.set_preview,
            )
        else:
            form = ChannelForm(self.plan, None, new=True, preview=self.set_preview)
        self.app.push_screen(form, self._channel_done(None))

    def action_delete(self) -> None:
        from socialtui.tui.screens.dialogs import ConfirmScreen

        if self.refuse_edit():
            return
        item = self.current_item()
        if item is None:
            return
        kind, item_id = item
        thing = {
            "goal": self.plan.goal,
            "audience": self.plan.audience,
            "channel": self.plan.channel,
            "person": self.plan.person,
        }[kind](item_id)
        name = getattr(thing, "title", None) or getattr(thing, "name", item_id)
        body = Text(f"Delete the {kind} ")
        body.append(one_line(name), style="bold")
        body.append(f"? Undo ({self.undo_key()}) brings it back.")
        if kind == "goal":
            linked = [one_line(c.name) for c in self.plan.channels if item_id in c.goals]
            if linked:
                body.append(f"\nIts links from {', '.join(linked)} go too.")
        if kind == "person":
            owned = [one_line(c.name) for c in self.plan.channels if c.owner == item_id]
            if owned:
                body.append(f"\n{', '.join(owned)} will have no owner.")

        def done(yes: bool | None) -> None:
            if yes:
                self.apply(delete_item(self.plan, kind, item_id))

        self.app.push_screen(ConfirmScreen(f"Delete {kind}", body, "Delete"), done)

    def action_move(self, offset: int) -> None:
        if self.refuse_edit():
            return
        item = self.current_item()
        if item is None:
            return
        kind, item_id = item
        if kind == "channel":
            self.app.notify(
                "Channels are listed by score, so their order in the plan does not matter.",
                timeout=4,
            )
            return
        self.apply(move_item(self.plan, kind, item_id, offset))
        pane = self.item_pane()
        if pane is not None:
            pane.select_id(item_id)
        elif kind == "person":
            self.query_one("#budget").select_person(item_id)  # type: ignore[attr-defined]

    def action_cycle_status(self) -> None:
        if self.refuse_edit():
            return
        item = self.current_item()
        if item is None or item[0] != "channel":
            return
        from socialtui.plan.budget import format_minutes, summarize

        before, after = self.plan, cycle_status(self.plan, item[1])
        self.apply(after)
        old, new = before.channel(item[1]), after.channel(item[1])
        if old is None or new is None:
            return
        said = f"{one_line(new.name)}: {old.status} → {new.status}"
        budget = summarize(after)
        if budget.over and not summarize(before).over:  # one key made the plan too much
            said += f"; the plan is now OVER by {format_minutes(-budget.spare)}"
        self.app.notify(f"{said} · {self.undo_key()} undoes it", timeout=6)

    def action_fit(self) -> None:
        from socialtui.tui.screens.dialogs import ConfirmScreen

        if self.refuse_edit():
            return
        proposal = fit_to_budget(self.plan)
        if not proposal.edits:
            over = any(f.id == "over-budget" for f in self.findings)
            self.app.notify(
                "Nothing to fit: no change within the plan's channels brings it inside."
                if over
                else "Nothing to fit: the plan is inside its budget.",
                timeout=4,
            )
            return
        from socialtui.plan.budget import format_minutes

        whom = "everyone within their hours" if self.plan.people else "the plan inside the budget"
        body = Text(f"These changes bring {whom}:\n\n")
        for edit in proposal.edits:
            body.append(f"  • {one_line(edit.describe(self.plan))}\n")
        body.append(
            f"\n{format_minutes(proposal.committed_before)} → "
            f"{format_minutes(proposal.committed_after)} of {format_minutes(proposal.capacity)}."
            f" Undo ({self.undo_key()}) reverts them."
        )

        def done(yes: bool | None) -> None:
            if yes:
                self.apply(apply_edits(self.plan, proposal.edits))

        self.app.push_screen(ConfirmScreen("Fit to budget", body, "Apply"), done)

    def expand_finding(self) -> Finding | None:
        return next(
            (
                f
                for f in self.findings
                if f.id == "ready-to-expand" and f.fix is not None and f.fix.applicable
            ),
            None,
        )

    def why_not_expand(self) -> str:
        """Why ``e`` has nothing to activate, in the words of the ready-to-expand rule."""
        from socialtui.plan.checkin_rules import READY_RUN
        from socialtui.plan.shortlist import next_channel

        if not self.plan.active_channels:
            return "no channel is active yet."
        choice = next_channel(self.plan)
        if choice.channel is None:
            return f"no next channel ({choice.text})."
        return (
            f"every active channel must be judged working in the last {READY_RUN} "
            f"check-ins first (next would be '{one_line(choice.channel.name)}')."
        )

    def action_expand(self) -> None:
        from socialtui.tui.screens.dialogs import ConfirmScreen

        if self.refuse_edit():
            return
        finding = self.expand_finding()
        if finding is None or finding.fix is None:
            self.app.notify(f"Not ready to expand: {self.why_not_expand()}", timeout=6)
            return
        fix = finding.fix
        body = Text(f"{one_line(finding.message)}\n\n")
        for edit in fix.edits:
            body.append(f"  • {one_line(edit.describe(self.plan))}\n")
        body.append(f"\nUndo ({self.undo_key()}) reverts it.")

        def done(yes: bool | None) -> None:
            if yes:
                self.apply(apply_edits(self.plan, fix.edits))

        self.app.push_screen(ConfirmScreen(one_line(fix.label), body, "Activate"), done)
