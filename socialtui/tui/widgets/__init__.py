"""The planner's widgets: one module per pane (goals, audience, channels, budget),
the findings panel, the budget gauge, the top bar, the footer, the panes'
first-frame outlines, the check-in's verdict selector, the fields that keep
key order and line breaks (``fields``), the ones that are chosen, not
typed (``choices``), and statics updated without a relayout (``lines``).
Each carries its own ``DEFAULT_CSS``.

May import textual, rich, socialtui.plan, socialtui.safe, socialtui.tui.text and
socialtui.tui.validation;
never a screen, the app, the session or the store.
"""
