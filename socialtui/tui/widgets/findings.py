"""The findings panel: every finding from ``check()``, errors first.

A plan of any size can have a hundred findings, and they are recomputed on every
keystroke. The panel is a line-API widget: each finding is wrapped once per
width (cached), and only the lines in view are drawn. Updating it never asks
the screen for a new layout, so a keystroke costs the findings that changed,
not all of them.
"""

from __future__ import annotations

from functools import lru_cache

from rich.console import Console
from rich.segment import Segment
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from socialtui.plan.findings import Finding
from socialtui.safe import one_line

MARKS = {
    "error": ("✖ error  ", "bold red"),
    "warning": ("▲ warning", "yellow"),
    "info": ("· info   ", "cyan"),
}
ALL_CLEAR = "✓ No findings: the plan is coherent and fits the week."
# Findings whose fix has its own key in the planner: f and e apply edits (when
# there are some), p opens the purpose form.
FIX_KEYS = {"over-budget": "f", "ready-to-expand": "e", "no-purpose": "p"}
OPENS_A_FORM = frozenset({"no-purpose"})
HEAD = 10  # the mark and a space: where a finding's wrapped lines start
ARROW = "            → "
FIX_INDENT = len(ARROW)


def fix_line(finding: Finding, keys: bool = True) -> str | None:
    """The fix as shown: its label, and its key when it has one that works now
    (``keys`` False: where the planner's keys do not work, no key at all)."""
    if finding.fix is None:
        return None
    label = one_line(finding.fix.label)
    key = FIX_KEYS.get(finding.id)
    if key is not None and not keys:
        return label.removesuffix(f" ({key})")
    if key is None or not (finding.fix.applicable or finding.id in OPENS_A_FORM):
        return label
    return f"{label.removesuffix(f' ({key})')} [{key}]"


def finding_text(finding: Finding) -> Text:
    """One finding as it is shown: severity, id, message, and the fix on its own line."""
    mark, style = MARKS[finding.severity]
    text = Text()
    text.append(mark, style=style)
    text.append(f" {finding.id}", style="bold")
    text.append(f"  {one_line(finding.message)}")
    fix = fix_line(finding)
    if fix is not None:
        text.append(f"\n{ARROW}{fix}", style="dim")
    return text


def render_findings(findings: list[Finding]) -> Text:
    """All findings as one text (for tests, exports and anyone reading the panel)."""
    if not findings:
        return Text(ALL_CLEAR, style="green")
    return Text("\n").join(finding_text(finding) for finding in findings)


def _hanging(console: Console, prefix: Text, body: Text, indent: int, width: int) -> list[Strip]:
    """``body`` wrapped after ``prefix``, its further lines indented as far."""
    room = max(1, width - indent)
    lines = body.wrap(console, room, overflow="fold")
    strips = []
    for number, line in enumerate(lines):
        line.rstrip()
        text = prefix.copy() if number == 0 else Text(" " * indent)
        text.append_text(line)
        text.end = ""
        strips.append(Strip(Segment.simplify(text.render(console))))
    return strips


@lru_cache(maxsize=4096)
def _wrapped(
    finding: Finding | None, width: int, console: Console, keys: bool = True
) -> tuple[Strip, ...]:
    if finding is None:
        return tuple(_hanging(console, Text(), Text().append(ALL_CLEAR, style="green"), 2, width))
    mark, style = MARKS[finding.severity]
    body = Text(finding.id, style="bold")
    body.append(f"  {one_line(finding.message)}")
    # Styles by span, not as the Text's base style: that would colour the lines after.
    strips = _hanging(console, Text().append(f"{mark} ", style=style), body, HEAD, width)
    fix = fix_line(finding, keys)
    if fix is not None:
        arrow, label = Text().append(ARROW, style="dim"), Text().append(fix, style="dim")
        strips += _hanging(console, arrow, label, FIX_INDENT, width)
    return tuple(strips)


class FindingsPanel(ScrollView, can_focus=True):
    """Scrollable list of findings; its border title counts them by severity.

    Focused (``5``), ``↑`` ``↓`` ``j`` ``k`` and the page keys scroll it.
    """

    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False, id="list-down"),
        Binding("k", "scroll_up", "Up", show=False, id="list-up"),
    ]

    DEFAULT_CSS = """
    FindingsPanel { height: 9; border: round $primary 50%; padding: 0 1; }
    FindingsPanel:focus { border: round $accent; }
    FindingsPanel.-has-error { border: round $error; }
    """

    findings: reactive[list[Finding]] = reactive(list, always_update=True)

    def __init__(self, *, fix_keys: bool = True, **kwargs) -> None:
        super().__init__(**kwargs)
        self.fix_keys = fix_keys
        """Whether a fix names the planner's key for it (not where those keys do not work)."""
        self._lines: list[Strip] = []
        self._width = 0  # the width self._lines were wrapped to
        self._drawn: list[Finding] | None = None  # the findings last wrapped

    @property
    def text(self) -> Text:
        """Everything the panel holds, scrolled into view or not."""
        return render_findings(self.findings)

    def watch_findings(self, findings: list[Finding]) -> None:
        if findings == self._drawn:
            return  # most keystrokes change no finding: nothing to redraw
        self._drawn = list(findings)
        counts = {
            s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")
        }
        self.border_title = (
            f"Findings: {counts['error']} error(s), {counts['warning']} warning(s), "
            f"{counts['info']} info"
        )
        self.set_class(counts["error"] > 0, "-has-error")
        self._wrap()

    def on_resize(self) -> None:
        self._wrap()

    def _wrap(self, *, refresh: bool = True) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or not self.is_attached:
            return
        console = self.app.console
        lines: list[Strip] = []
        for finding in self.findings or [None]:
            lines += _wrapped(finding, width, console, self.fix_keys)
        self._lines, self._width = lines, width
        size, before = Size(width, len(lines)), self.virtual_size
        room = self.scrollable_content_region.height
        if size.width == before.width and max(size.height, before.height) <= room:
            # No scrollbar before or after: a new layout would change nothing.
            self.set_reactive(FindingsPanel.virtual_size, size)
        else:
            self.virtual_size = size
        if refresh:
            self.refresh()

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_y) + y
        width = self.scrollable_content_region.width
        if width != self._width:
            # Laid out since the findings last changed, and drawn before the
            # Resize event arrives (the planner's first frame): wrap now.
            self._wrap(refresh=False)
        style = self.rich_style
        if not 0 <= index < len(self._lines):
            return Strip.blank(width, style)
        return self._lines[index].crop_extend(0, width, style).apply_style(style)
