"""The full-screen app (Textual): a thin App, its screens and widgets, its layout.

==================  ==========================================================
``run``             pick the plan to open, start the app, print its last line
``app``             the App: opens a plan, installs screens, holds early keys
``saving``          autosave in a worker thread
``sharing``         conflicts, plans open elsewhere, take-overs, as shown
``commands``        commands as data: key, footer label, palette entry, help
``text``            user text as literal Rich text
``validation``      Textual validators over :mod:`socialtui.plan.rules`
``app.tcss``        the layout and theme rules
``screens/``        planner, check-in, history, review, picker, help, forms, dialogs
``widgets/``        one module per pane, the findings panel, the gauge, the top bar
==================  ==========================================================

May import textual, rich, socialtui.session, socialtui.store, socialtui.report,
socialtui.plan, socialtui.paths and socialtui.safe. Never socialtui.cli.
"""
