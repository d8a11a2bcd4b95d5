"""The app's screens: the planner (its keys in ``planner_keys``, its editing
actions in ``planner_edits``), the weekly check-in (its typing per week in
``drafts``), history, review, the plan picker, help, the forms (``form``: the
base; ``forms``: goal, audience, channel, purpose), the export picker and
dialogs.

Screens render the domain's data (:mod:`socialtui.plan`) and hand new plans to
the planner; they may import textual, rich, socialtui.tui.widgets and what
socialtui.tui may import. Pure arithmetic belongs in socialtui.plan.
"""
