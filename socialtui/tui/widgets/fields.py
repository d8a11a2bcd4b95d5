"""Typed fields whose keys act in the order they were typed.

Textual resolves a widget's own bindings (backspace, ctrl+u, the arrows) only
once the key has bubbled up to the app, while the field goes on with the keys
queued behind it: a burst such as ``ctrl+u 1 0`` (a paste, a fast typist, an
SSH stall) came out as ``10`` with ctrl+u applied last, leaving nothing.
:class:`InOrder` runs the field's own bindings as the key is handled, in its
place in the queue.

- :class:`OrderedInput`: a one-line field.
- :class:`NoteArea`: text that may hold line breaks (notes, the purpose).
  ``enter`` does what it does in every field (it is the form's or the
  check-in's); ``ctrl+j`` (or a paste) breaks the line.

Both draw a character that could act on the terminal (ESC, C0/C1 controls,
bidi overrides: a paste brings them whole) as one visible character, never
as itself; the value keeps it as typed. One character for one keeps the
cursor where it is.

:func:`settle` waits until widgets have handled the keys already routed to
them: a priority key (ctrl+s, ctrl+q) reads a field only after the typing
that came before it.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.events import Key
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, TextArea

from socialtui.safe import clean


def own_actions(bindings) -> dict[str, str]:
    """key → action of ``bindings`` (for :class:`InOrder`)."""
    return {binding.key: binding.action for binding in Binding.make_bindings(bindings)}


class InOrder:
    """Runs the widget's own key bindings in order with its typing."""

    ACTIONS: dict[str, str] = {}

    async def _on_key(self, event: Key) -> None:
        action = self.ACTIONS.get(event.key)
        if action is not None:
            event.stop()
            event.prevent_default()  # Textual's own handling would repeat it
            await self.run_action(action)  # type: ignore[attr-defined]


def _picture(char: str) -> str:
    """One visible character for ``char`` when showing it raw could act on the terminal."""
    shown = clean(char)
    return shown if len(shown) == 1 else "\ufffd"


def visible(text: Text, keep: str = "") -> Text:
    """``text`` drawn inert, in place, one character for one (``keep``: characters
    the widget draws itself, such as a text box's tab)."""
    plain = text.plain
    if any(char not in keep and clean(char) != char for char in plain):
        text.plain = "".join(char if char in keep else _picture(char) for char in plain)
    return text


class OrderedInput(InOrder, Input):
    ACTIONS = own_actions(Input.BINDINGS)

    @property
    def _value(self) -> Text:  # Textual's (8.2.8, pinned): the value as drawn
        text = super()._value
        return text if self.password else visible(text)


class NoteArea(InOrder, TextArea):
    """A text box that keeps line breaks and tabs; ``enter`` is the form's."""

    DEFAULT_CSS = """
    NoteArea { height: auto; max-height: 5; width: 1fr; padding: 0 1; background: $boost; }
    NoteArea:focus { background: $accent 40%; }
    """
    ACTIONS = own_actions(TextArea.BINDINGS)

    def get_line(self, line_index: int) -> Text:  # Textual's: a line as drawn
        return visible(super().get_line(line_index), keep="\t")

    @dataclass
    class Submitted(Message):
        note_area: NoteArea

        @property
        def control(self) -> NoteArea:
            return self.note_area

    def __init__(self, text: str = "", **kwargs) -> None:
        super().__init__(
            text,
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            compact=True,
            highlight_cursor_line=False,
            **kwargs,
        )

    async def _on_key(self, event: Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Submitted(self))
        elif event.key == "ctrl+j":
            event.stop()
            event.prevent_default()
            self.insert("\n")
        # Other keys go on to InOrder's handler and TextArea's (Textual calls
        # each class's _on_key in turn until one prevents the default).


async def settle(*widgets: Widget | None) -> None:
    """Until ``widgets`` have handled the messages (keys) already queued for them."""
    for widget in widgets:
        queue = getattr(widget, "_message_queue", None)  # Textual's, pinned exactly
        for _ in range(200):
            if queue is None or queue.empty():
                break
            await asyncio.sleep(0)
    await asyncio.sleep(0)
