"""The baseline for a keystroke: a bare Textual app whose Static echoes an Input.

The Input opens holding "4", focused, cursor at the end, as the planner's
weekly-hours field does; the Static shows ``Weekly hours [VALUE]``.
"""

from textual.app import App
from textual.widgets import Input, Static


class Echo(App):
    def compose(self):
        yield Input("4", id="field", select_on_focus=False)
        yield Static("Weekly hours [4]", id="echo")

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.focus()
        field.cursor_position = len(field.value)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#echo", Static).update(f"Weekly hours [{event.value}]")


if __name__ == "__main__":
    Echo().run()
