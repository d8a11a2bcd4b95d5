"""The four panes together: Goals and Audience above, Channels and Budget below.

The planner yields this wrapped in :class:`textual.lazy.Lazy`, so it is
mounted right after the first frame (which shows the panes' outlines in its
place, :mod:`.outline`). Its pane modules are imported only then, in
:meth:`Panes.compose`. Once mounted it tells the screen (:class:`Panes.Arrived`).
"""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Container, Horizontal
from textual.message import Message
from textual.reactive import reactive

from socialtui.plan.model import Plan


class Panes(Container):
    """Goals, Audience, Channels and Budget, each bound to ``shown``."""

    class Arrived(Message):
        """The panes are mounted and laid out for the first time."""

    shown: reactive[Plan | None] = reactive(None, init=False, always_update=True, repaint=False)
    """What the panes display (the screen binds its own ``shown`` here)."""

    def __init__(self, today: date, **kwargs) -> None:
        super().__init__(**kwargs)
        self.today = today

    def compose(self) -> ComposeResult:
        from socialtui.tui.widgets.audience import AudiencePane
        from socialtui.tui.widgets.budget import BudgetPane
        from socialtui.tui.widgets.channels import ChannelsPane
        from socialtui.tui.widgets.goals import GoalsPane

        shown = Panes.shown
        with Horizontal(classes="pane-row"):
            yield GoalsPane(self.today, id="goals").data_bind(plan=shown)
            yield AudiencePane(self.today, id="audience").data_bind(plan=shown)
        with Horizontal(classes="pane-row"):
            yield ChannelsPane(self.today, id="channels").data_bind(plan=shown)
            yield BudgetPane(id="budget").data_bind(plan=shown)

    def on_mount(self) -> None:
        self.post_message(self.Arrived())
