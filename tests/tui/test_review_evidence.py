"""The review's budget and channels steps say what the findings and "next" say."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from socialtui import store
from socialtui.plan.findings import check
from socialtui.tui.screens.review import ReviewScreen, budget_page, channels_page
from tests.tui.conftest import make_app, running, settle, wait_until

TODAY = date(2026, 11, 22)

# 4 h a week, 10 % reserve: 3h 36m available. Instagram is planned at 2h 00m (2 posts x
# 30 min + 60 min): 1h 36m spare by the plan. Check-ins of 4, 3.5, 3.5 and 4 h make the
# week as lived (4 + 3.5 + 3.5 + 4) / 4 = 3h 45m, 9m over the 3h 36m.
PLAN = """\
schema = 1
name = "Busy bakery"

[purpose]
who = "Neighbours"
why = "Be known locally"

[budget]
weekly_hours = 4
reserve_percent = 10
max_active_channels = 2

[[goals]]
id = "orders"
title = "Orders"
metric = "orders a week"
baseline = 10
target = 20
deadline = 2027-06-30

[[audiences]]
id = "locals"
name = "Locals"
channels = ["instagram", "gbp", "facebook"]

[[channels]]
id = "instagram"
name = "Instagram"
status = "active"
posts_per_week = 2
minutes_per_post = 30
engage_minutes_per_week = 60
goals = ["orders"]

[[channels]]
id = "gbp"
name = "Google Business Profile"
status = "candidate"
posts_per_week = 1
minutes_per_post = 15
engage_minutes_per_week = 30
goals = ["orders"]

[[channels]]
id = "facebook"
name = "Facebook page"
status = "candidate"
posts_per_week = 2
minutes_per_post = 30
engage_minutes_per_week = 60
goals = ["orders"]
{checkins}"""


def checkins(*hours: float) -> str:
    return "".join(
        f'\n[[checkins]]\nweek = "2026-W{44 + i}"\nhours = {{ instagram = {h} }}\n'
        for i, h in enumerate(hours)
    )


def load(text: str, tmp_path: Path):
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    return store.load(path).plan


def test_the_budget_step_shows_the_week_as_lived_beside_its_finding(tmp_path: Path):
    plan = load(PLAN.format(checkins=checkins(4, 3.5, 3.5, 4)), tmp_path)
    page = budget_page(plan, TODAY, check(plan, TODAY)).plain
    assert "The week as lived: 3h 45m a week (the mean of the last 4 check-ins), 9m over" in page
    assert "Findings here: none" not in page
    assert "3h 45m a week spent in practice (last 4 check-ins), 3h 36m available" in page


def test_the_budget_step_with_too_few_check_ins_says_a_verdict_waits(tmp_path: Path):
    plan = load(PLAN.format(checkins=checkins(4)), tmp_path)
    page = budget_page(plan, TODAY, check(plan, TODAY)).plain
    assert "The week as lived: 4h 00m a week (from 1 check-in; a verdict waits for 3)" in page
    assert "spent in practice" not in page
    none = load(PLAN.format(checkins=""), tmp_path)
    assert "no hours recorded yet" in budget_page(none, TODAY, []).plain


def test_the_channels_step_names_next_by_the_one_rule(tmp_path: Path):
    # By the plan 1h 36m is spare; lived at 2 h a week, also 1h 36m: GBP (45m) fits,
    # Facebook (2h) does not, though it scores as well per audience and goal.
    fits = load(PLAN.format(checkins=checkins(2, 2, 2)), tmp_path)
    page = channels_page(fits, TODAY, check(fits, TODAY)).plain
    assert "Google Business Profile (candidate) — would cost 45m/week, fits" in page
    assert "Facebook page (candidate) — would cost 2h 00m/week, does not fit" in page
    assert page.count("▸ next to add") == 1
    (marked,) = [line for line in page.splitlines() if "▸ next to add" in line]
    assert marked.startswith("Google Business Profile")
    assert "Next to add: 'Google Business Profile' (45m) fits the 1h 36m spare" in page
    # Lived at 3h 45m a week nothing fits, whatever the plan says.
    busy = load(PLAN.format(checkins=checkins(4, 3.5, 3.5, 4)), tmp_path)
    page = channels_page(busy, TODAY, check(busy, TODAY)).plain
    assert "▸ next to add" not in page
    assert "Next to add: none fits; the cheapest needs 54m more" in page
    assert "Google Business Profile (candidate) — would cost 45m/week, does not fit" in page


async def test_the_review_shows_it_on_screen(tmp_path: Path):
    data = tmp_path / "data"
    path = store.ensure_dir(store.plans_dir(data)) / "busy.toml"
    path.write_text(PLAN.format(checkins=checkins(4, 3.5, 3.5, 4)), encoding="utf-8")
    app = make_app(path, data)
    async with running(app, size=(120, 40)) as pilot:
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, ReviewScreen))
        await pilot.press("enter", "enter")  # goals, audiences, channels
        await settle(app, pilot)
        body = str(app.screen.query_one("#review-page").render())
        assert "none fits; the cheapest needs 54m more" in body
        await pilot.press("enter")
        await settle(app, pilot)
        body = str(app.screen.query_one("#review-page").render())
        assert "The week as lived: 3h 45m a week" in body
        assert "spent in practice" in body
