"""The panes' outlines, drawn by one widget for the planner's first frame.

The four panes hold most of the screen's widgets (tables, fields, labels);
Textual spends about a millisecond on each widget before anything is drawn.
So the first frame shows the plan's name, the gauge and the findings with this
single widget standing where the panes will be: their rounded borders and
titles at the places the real layout gives them (see ``app.tcss``: two rows of
equal height, Goals and Audience halves above, Channels and Budget 3:2 below;
one pane at a time on a small terminal). :class:`textual.lazy.Lazy` mounts
the real panes right after (:mod:`.panes`) and the screen then removes this
(:meth:`socialtui.tui.screens.planner.PlannerScreen.on_panes_arrived`).
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

TITLES = {1: "1 Goals", 2: "2 Audience", 3: "3 Channels", 4: "4 Budget"}


def split(total: int, weights: tuple[int, ...]) -> list[tuple[int, int]]:
    """(offset, length) per weight, as Textual places ``fr`` sizes: each edge at
    the floor of its exact position, so the last part takes what rounding left."""
    edges = [total * sum(weights[:i]) // sum(weights) for i in range(len(weights) + 1)]
    return [(edges[i], edges[i + 1] - edges[i]) for i in range(len(weights))]


def boxes(width: int, height: int, single: int | None) -> list[tuple[int, int, int, int, int]]:
    """(pane number, x, y, width, height) of each pane's border box."""
    if single is not None:
        return [(single, 0, 0, width, height)]
    (y1, h1), (y2, h2) = split(height, (1, 1))
    (x1, w1), (x2, w2) = split(width, (1, 1))
    (x3, w3), (x4, w4) = split(width, (3, 2))
    return [(1, x1, y1, w1, h1), (2, x2, y1, w2, h1), (3, x3, y2, w3, h2), (4, x4, y2, w4, h2)]


class PaneOutlines(Widget):
    """Rounded borders and titles where the panes will be; no content."""

    DEFAULT_CSS = """
    PaneOutlines { height: 1fr; color: $primary 40%; }
    PaneOutlines > .pane-outlines--title { color: $foreground; }
    """
    COMPONENT_CLASSES = {"pane-outlines--title"}

    single: reactive[int | None] = reactive(None)
    """The one pane shown on a small terminal, or None for all four."""

    def render(self) -> Text:
        width, height = self.size
        rows = [[" "] * width for _ in range(height)]
        titles: list[tuple[int, int, str]] = []
        for number, x, y, w, h in boxes(width, height, self.single):
            if w < 2 or h < 2:
                continue
            rows[y][x : x + w] = ["╭"] + ["─"] * (w - 2) + ["╮"]
            rows[y + h - 1][x : x + w] = ["╰"] + ["─"] * (w - 2) + ["╯"]
            for line in rows[y + 1 : y + h - 1]:
                line[x], line[x + w - 1] = "│", "│"
            title = f" {TITLES[number]} "[: max(0, w - 4)]
            rows[y][x + 2 : x + 2 + len(title)] = list(title)
            titles.append((y, x + 2, title))
        text = Text("\n".join("".join(row) for row in rows), no_wrap=True, end="")
        style = self.get_component_rich_style("pane-outlines--title")
        for y, x, title in titles:
            start = y * (width + 1) + x  # each row is width characters and a newline
            text.stylize(style, start + 1, start + len(title) - 1)
        return text
