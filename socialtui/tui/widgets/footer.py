"""A footer that rebuilds only when what it shows has changed.

Textual's Footer recomposes (new widgets, restyled) every time the screen's
bindings *might* have changed: each focus move, each ``refresh_bindings()``.
Starting the planner did that fourteen times. This one coalesces the requests
made between two refreshes, and skips the rebuild when the keys, labels and
enabled states it would show are the same as last time.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class CalmFooter(Footer):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._pending = False
        self._shown: tuple | None = None

    def _signature(self) -> tuple:
        return tuple(
            (binding.key, binding.action, binding.description, binding.key_display, enabled)
            for (_, binding, enabled, _tooltip) in self.screen.active_bindings.values()
            if binding.show
        )

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._pending:
            self._pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._pending = False
        if not self.is_attached:
            return
        signature = self._signature()
        if signature != self._shown:
            self._shown = signature
            await self.recompose()
