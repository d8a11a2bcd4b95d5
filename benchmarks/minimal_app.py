"""The baseline for first paint: the smallest sensible Textual app."""

from textual.app import App
from textual.widgets import Footer, Header, Static


class Minimal(App):
    def compose(self):
        yield Header()
        yield Static("Minimal baseline app")
        yield Footer()


if __name__ == "__main__":
    Minimal().run()
