"""The findings panel: every finding from ``check()``, errors first."""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from socialtui.plan.findings import Finding
from socialtui.tui.text import one_line

MARKS = {
    "error": ("✖ error  ", "bold red"),
    "warning": ("▲ warning", "yellow"),
    "info": ("· info   ", "cyan"),
}


def render_findings(findings: list[Finding]) -> Text:
    if not findings:
        return Text("✓ No findings: the plan is coherent and fits the week.", style="green")
    text = Text()
    for index, finding in enumerate(findings):
        if index:
            text.append("\n")
        mark, style = MARKS[finding.severity]
        text.append(mark, style=style)
        text.append(f" {finding.id}", style="bold")
        text.append(f"  {one_line(finding.message)}")
        if finding.fix is not None:
            key = " [f]" if finding.id == "over-budget" and finding.fix.applicable else ""
            text.append(f"\n            → {one_line(finding.fix.label)}{key}", style="dim")
    return text


class FindingsPanel(VerticalScroll, can_focus=True):
    """Scrollable list of findings; its border title counts them by severity."""

    DEFAULT_CSS = """
    FindingsPanel { height: 9; border: round $primary 50%; padding: 0 1; }
    FindingsPanel:focus { border: round $accent; }
    FindingsPanel.-has-error { border: round $error; }
    """

    findings: reactive[list[Finding]] = reactive(list, always_update=True)

    def compose(self):
        yield Static(id="findings-text")

    def watch_findings(self, findings: list[Finding]) -> None:
        counts = {
            s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")
        }
        self.border_title = (
            f"Findings: {counts['error']} error(s), {counts['warning']} warning(s), "
            f"{counts['info']} info"
        )
        self.set_class(counts["error"] > 0, "-has-error")
        if self.is_mounted:
            self.query_one("#findings-text", Static).update(render_findings(findings))

    def on_mount(self) -> None:
        self.query_one("#findings-text", Static).update(render_findings(self.findings))
