"""The check-in's verdict selector: working, unsure or not-working."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from socialtui.plan.model import VERDICTS


class VerdictPicker(Widget, can_focus=True):
    """One of working / unsure / not-working: ``w`` ``u`` ``n`` pick, space or ← → cycle."""

    DEFAULT_CSS = """
    VerdictPicker { width: 30; height: 1; }
    VerdictPicker:focus { background: $accent 40%; }
    """

    # Keys are handled here rather than as bindings: a binding runs only once the
    # key has bubbled up to the app, after keys typed behind it have been routed.
    KEYS = {
        "w": ("pick", "working"),
        "u": ("pick", "unsure"),
        "n": ("pick", "not-working"),
        "space": ("cycle", 1),
        "right": ("cycle", 1),
        "left": ("cycle", -1),
    }

    value: reactive[str] = reactive("unsure")

    def render(self) -> Text:
        text = Text(no_wrap=True)
        for verdict in VERDICTS:
            if verdict == self.value:
                text.append(f"[{verdict}]", style="bold reverse")
            else:
                text.append(f" {verdict} ", style="dim")
        return text

    def on_key(self, event) -> None:
        action = self.KEYS.get(event.key)
        if action is None:
            if event.is_printable:  # not a verdict key; never the app's q (quit)
                event.stop()
                event.prevent_default()
                self.app.bell()
            return
        event.stop()
        event.prevent_default()
        if action[0] == "pick":
            self.action_pick(str(action[1]))
        else:
            self.action_cycle(int(action[1]))

    def action_pick(self, verdict: str) -> None:
        self.value = verdict

    def action_cycle(self, step: int) -> None:
        index = VERDICTS.index(self.value) if self.value in VERDICTS else 0
        self.value = VERDICTS[(index + step) % len(VERDICTS)]
