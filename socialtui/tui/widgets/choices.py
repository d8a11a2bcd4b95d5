"""Fields that are chosen, not typed, and the text box.

- :class:`ChoiceBar`: one of a few values on one line (status, horizon, focus,
  a check-in's verdict). ``←`` ``→`` or space move; a letter picks the option
  it starts.
- :class:`PickList`: several of a list (the goals a channel serves, where an
  audience is). ``↑`` ``↓`` move, space ticks; typing filters, backspace and
  escape undo the filter. Only what is listed can be picked; an id already in
  the plan that names nothing is shown, ticked, so it can be removed.
- :class:`KeyedOptionList`, :class:`KeyedTable`: an option list and a table
  where ``j`` and ``k`` move too.

Keys are handled in ``on_key``, in order with the keys around them: a binding
would run only once the key has bubbled up to the app.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding
from textual.events import Key
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import DataTable, OptionList

from socialtui.safe import one_line
from socialtui.tui.widgets.fields import InOrder, own_actions

J_K = [
    Binding("j", "cursor_down", "Down", show=False, id="list-down"),
    Binding("k", "cursor_up", "Up", show=False, id="list-up"),
]


class KeyedOptionList(OptionList):
    BINDINGS = J_K


class KeyedTable(InOrder, DataTable):
    """A table whose moving keys act in order with the keys around them: in a
    burst such as ``3 down s``, ``s`` cycles the second channel, not the first
    (the command keys are the planner's, acting when they arrive)."""

    BINDINGS = J_K
    ACTIONS = {
        key: action for key, action in own_actions(DataTable.BINDINGS).items() if key != "enter"
    }


def _stop(event: Key) -> None:
    event.stop()
    event.prevent_default()


class ChoiceBar(Widget, can_focus=True):
    """One of ``options`` ((value, label) pairs), shown side by side."""

    DEFAULT_CSS = """
    ChoiceBar { height: 1; width: auto; }
    ChoiceBar:focus { background: $accent 40%; }
    ChoiceBar:disabled { opacity: 0.6; }
    """

    value: reactive[str | None] = reactive(None, init=False)

    @dataclass
    class Changed(Message):
        choice_bar: ChoiceBar
        value: str | None

        @property
        def control(self) -> ChoiceBar:
            return self.choice_bar

    def __init__(
        self,
        options: Sequence[tuple[str | None, str]],
        value: str | None = None,
        **kwargs,
    ) -> None:
        super().__init__(**kwargs)
        self.options = list(options)
        if value not in [v for v, _ in self.options]:
            self.options.append((value, one_line(value)))  # a value from the file
        self.set_reactive(ChoiceBar.value, value)

    def _parts(self) -> list[tuple[str, str]]:
        return [
            (f"[{label}]", "bold reverse") if value == self.value else (f" {label} ", "dim")
            for value, label in self.options
        ]

    def get_content_width(self, container, viewport) -> int:
        # Every option's width: the room given is then the room there is (a window
        # of the options is drawn only when they do not all fit in it).
        return sum(cell_len(part) for part, _ in self._parts())

    def render(self) -> Text:
        parts = self._parts()
        start, end = self._window([cell_len(part) for part, _ in parts], self._room())
        text = Text(no_wrap=True, end="")
        if start > 0:
            text.append("‹", style="dim")
        for part, style in parts[start:end]:
            text.append(part, style=style)
        if end < len(parts):
            text.append("›", style="dim")
        return text

    def _room(self) -> int:
        """The cells this bar can show: its width, or less where its container ends
        first (an auto width is not cut to the container's)."""
        room = self.size.width
        parent = self.parent
        if isinstance(parent, Widget) and self.region.width:
            room = min(room, parent.content_region.right - self.region.x)
        return max(room, 0)

    def _window(self, widths: list[int], room: int) -> tuple[int, int]:
        """The options shown when they do not all fit in ``room`` cells: the chosen
        one always, its neighbours as they fit, ‹ › saying more are there."""
        if not room or sum(widths) <= room:
            return 0, len(widths)
        start = end = self._index()
        used = widths[start] + 2  # the ‹ and › marks
        grew = True
        while grew:
            grew = False
            if end + 1 < len(widths) and used + widths[end + 1] <= room:
                end += 1
                used += widths[end]
                grew = True
            if start > 0 and used + widths[start - 1] <= room:
                start -= 1
                used += widths[start]
                grew = True
        return start, end + 1

    def watch_value(self, value: str | None) -> None:
        self.post_message(self.Changed(self, value))

    def _index(self) -> int:
        values = [v for v, _ in self.options]
        return values.index(self.value) if self.value in values else 0

    def action_cycle(self, step: int) -> None:
        self.value = self.options[(self._index() + step) % len(self.options)][0]

    def on_key(self, event: Key) -> None:
        step = {"right": 1, "space": 1, "left": -1}.get(event.key)
        if step is not None:
            _stop(event)
            self.action_cycle(step)
            return
        if not event.is_printable or event.character is None:
            return
        _stop(event)  # a letter is a choice here, never a command (q does not quit)
        letter = event.character.lower()
        starting = [i for i, (_, label) in enumerate(self.options) if label.lower()[:1] == letter]
        if not starting:
            self.app.bell()
            return
        after = [i for i in starting if i > self._index()]
        self.value = self.options[(after or starting)[0]][0]


@dataclass(frozen=True, slots=True)
class Pick:
    id: str
    label: str
    known: bool = True


class PickList(Widget, can_focus=True):
    """Several of a list: a tick box per item, typing filters."""

    DEFAULT_CSS = """
    PickList { height: auto; width: 1fr; background: $boost; padding: 0 1; }
    PickList:focus { background: $accent 15%; }
    PickList > .pick--cursor { background: $accent 40%; }
    PickList > .pick--unknown { color: $warning; }
    PickList > .pick--filter { color: $text-muted; }
    """
    COMPONENT_CLASSES = {"pick--cursor", "pick--unknown", "pick--filter"}
    ROWS = 5

    @dataclass
    class Changed(Message):
        pick_list: PickList

        @property
        def control(self) -> PickList:
            return self.pick_list

    def __init__(
        self,
        options: Sequence[tuple[str, str]],
        selected: Sequence[str] = (),
        *,
        empty: str = "nothing to choose yet",
        **kwargs,
    ) -> None:
        super().__init__(**kwargs)
        known = {option_id for option_id, _ in options}
        self.items = [Pick(i, one_line(label)) for i, label in options]
        self.items += [Pick(i, one_line(i), known=False) for i in selected if i not in known]
        self.original = tuple(selected)
        self.selected = set(selected)
        self.empty = empty
        self.filter = ""
        self.cursor = 0  # an index into self.items
        self._top = 0

    @property
    def value(self) -> tuple[str, ...]:
        """The ticked ids: those already chosen in their order, then the new ones."""
        kept = [i for i in self.original if i in self.selected]
        new = [p.id for p in self.items if p.id in self.selected and p.id not in self.original]
        return tuple(dict.fromkeys(kept + new))

    def matches(self) -> list[int]:
        needle = self.filter.lower()
        return [
            n
            for n, pick in enumerate(self.items)
            if not needle or needle in pick.label.lower() or needle in pick.id
        ]

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        lines = 0
        if self.filter:
            style = self.get_component_rich_style("pick--filter")
            text.append(f"filter: {one_line(self.filter)}", style=style)
            lines += 1
        shown = self.matches()
        if not self.items or not shown:
            if lines:
                text.append("\n")
            text.append("no match" if self.items else self.empty, style="dim")
            return text
        if self.cursor not in shown:
            self.cursor = shown[0]
        position = shown.index(self.cursor)
        self._top = min(max(self._top, position - self.ROWS + 1), position)
        for n in shown[self._top : self._top + self.ROWS]:
            pick = self.items[n]
            line = Text("[x] " if pick.id in self.selected else "[ ] ")
            line.append(pick.label)
            if pick.known:
                line.append(f"  {pick.id}", style="dim")
            else:
                line.append("  names nothing in the plan: untick to remove it")
                line.stylize(self.get_component_rich_style("pick--unknown"))
            if n == self.cursor and self.has_focus:
                line.stylize(self.get_component_rich_style("pick--cursor"))
            if lines:
                text.append("\n")
            text.append_text(line)
            lines += 1
        return text

    def _changed(self, *, selection: bool = False) -> None:
        self.refresh(layout=True)
        if selection:
            self.post_message(self.Changed(self))

    def on_key(self, event: Key) -> None:
        key = event.key
        shown = self.matches()
        if key in ("up", "down"):
            _stop(event)
            if shown and self.cursor in shown:
                index = shown.index(self.cursor) + (1 if key == "down" else -1)
                self.cursor = shown[max(0, min(index, len(shown) - 1))]
                self._changed()
        elif key == "space":
            _stop(event)
            if shown and self.cursor in shown:
                self.selected ^= {self.items[self.cursor].id}
                self._changed(selection=True)
        elif key == "backspace":
            _stop(event)
            self.filter = self.filter[:-1]
            self._changed()
        elif key == "escape" and self.filter:
            _stop(event)
            self.filter = ""
            self._changed()
        elif event.is_printable and event.character is not None:
            _stop(event)
            self.filter += event.character
            found = self.matches()
            if found:
                self.cursor = found[0]
            self._changed()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
