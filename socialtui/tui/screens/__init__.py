"""The app's screens: the planner (and its editing actions), the weekly check-in,
history, review, the plan picker, help, the forms, the export picker and dialogs.

Screens render the domain's data (:mod:`socialtui.plan`) and hand new plans to
the planner; they may import textual, rich, socialtui.tui.widgets and what
socialtui.tui may import. Pure arithmetic belongs in socialtui.plan.
"""
