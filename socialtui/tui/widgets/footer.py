"""The footer: one line of the keys that apply now, drawn as text.

Textual's Footer is a widget per key, rebuilt (new widgets, restyled) each
time the bindings might have changed, and at 80 columns it cuts whatever does
not fit, save and quit included. This one is a single line of text: the
essentials (save, plans, help, quit) always, on the right; the keys that
apply now from the left, as many as fit. It redraws only when what it shows
has changed.

A screen with a ``footer_keys()`` method (the planner) says what applies;
other screens show their bindings marked ``show``.
"""

from __future__ import annotations

from rich.text import Text
from textual.screen import Screen
from textual.widget import Widget

GAP = "  "
FooterItem = tuple[str, str, bool, bool]
"""(key as shown, label, essential, enabled)."""


class CalmFooter(Widget):
    DEFAULT_CSS = """
    CalmFooter {
        dock: bottom; height: 1; padding: 0 1;
        background: $footer-background; color: $footer-foreground;
    }
    CalmFooter > .footer--key { color: $footer-key-foreground; text-style: bold; }
    CalmFooter > .footer--label { color: $footer-description-foreground; }
    """
    COMPONENT_CLASSES = {"footer--key", "footer--label"}

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._shown: tuple[FooterItem, ...] = ()

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self._shown = self.items()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen) -> None:
        if not self.is_attached or screen is not self.screen:
            return
        items = self.items()
        if items != self._shown:
            self._shown = items
            self.refresh()

    def items(self) -> tuple[FooterItem, ...]:
        screen = self.screen
        keys = getattr(screen, "footer_keys", None)
        if keys is not None:
            return tuple(keys())
        items: list[FooterItem] = []
        seen: set[str] = set()
        for _key, binding, enabled, _tip in screen.active_bindings.values():
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                shown = self.app.get_key_display(binding)
                items.append((shown, binding.description, False, enabled))
        return tuple(items)

    def render(self) -> Text:
        key_style = self.get_component_rich_style("footer--key")
        label_style = self.get_component_rich_style("footer--label")

        def part(item: FooterItem) -> Text:
            key, label, _, enabled = item
            text = Text()
            text.append(key, style=key_style)
            text.append(f" {label}", style=label_style)
            if not enabled:
                text.stylize("dim")
            return text

        width = self.content_region.width
        right = Text(GAP).join(part(i) for i in self._shown if i[2])
        room = width - right.cell_len - len(GAP)
        left = Text()
        for item in (i for i in self._shown if not i[2]):
            piece = part(item)
            extra = piece.cell_len + (len(GAP) if left else 0)
            if extra > room:
                break
            if left:
                left.append(GAP)
            left.append_text(piece)
            room -= extra
        padding = max(1, width - left.cell_len - right.cell_len)
        line = Text(no_wrap=True, overflow="crop", end="")
        line.append_text(left)
        line.append(" " * padding)
        line.append_text(right)
        return line
