"""A row of choices wider than its room keeps the chosen one in view, with ‹ ›
saying more are there (an owner picked among many people was off the screen)."""

from __future__ import annotations

from textual.app import App, ComposeResult

from socialtui.tui.widgets.choices import ChoiceBar

PEOPLE = [("", "nobody")] + [(f"p{n}", f"Person Number {n} Longname") for n in range(8)]


class OneBar(App):
    def compose(self) -> ComposeResult:
        yield ChoiceBar(PEOPLE, "", id="bar")


async def test_the_chosen_one_stays_in_view_as_it_moves():
    app = OneBar()
    async with app.run_test(size=(60, 5)) as pilot:
        bar = app.query_one(ChoiceBar)
        bar.focus()
        shown = str(bar.render())
        assert shown.startswith("[nobody]") and shown.endswith("›")
        await pilot.press(*["right"] * 5)  # to Person Number 4
        assert bar.value == "p4"
        shown = str(bar.render())
        assert "[Person Number 4 Longname]" in shown
        assert shown.startswith("‹") and shown.endswith("›")
        assert len(shown) <= 60
        await pilot.press("right", "right", "right")  # the last one
        shown = str(bar.render())
        assert shown.startswith("‹") and shown.endswith("[Person Number 7 Longname]")


async def test_all_shown_when_they_fit():
    app = OneBar()
    async with app.run_test(size=(300, 5)):
        shown = str(app.query_one(ChoiceBar).render())
        assert "‹" not in shown and "›" not in shown
        assert "Person Number 7 Longname" in shown
