"""socialtui.plan.interview: the POST interview's answers, and the plan they make."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from socialtui.plan.findings import check
from socialtui.plan.interview import (
    MAX_ACTIVE,
    Answers,
    AudienceAnswer,
    GoalAnswer,
    build,
    horizon_for,
    months_later,
    where,
)
from socialtui.plan.model import is_slug

TODAY = date(2026, 11, 22)


def test_no_answers_make_a_plan_with_a_name_and_a_budget():
    plan = build(Answers("Empty"), TODAY)
    assert plan.name == "Empty"
    assert (plan.goals, plan.audiences, plan.channels) == ((), (), ())
    assert plan.budget.weekly_hours == 3.0
    assert plan.budget.reserve_percent == 10
    assert plan.budget.max_active_channels == 2
    assert plan.review.last == TODAY


def test_deadlines_are_month_ends_and_horizons_follow_them():
    assert months_later(TODAY, 3) == date(2027, 2, 28)
    assert months_later(TODAY, 6) == date(2027, 5, 31)
    assert months_later(TODAY, 12) == date(2027, 11, 30)
    assert months_later(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert [horizon_for(m) for m in (3, 6, 12)] == ["short", "short", "long"]


def test_goals_take_their_aim_s_shape_and_unique_ids():
    answers = Answers(
        "G",
        goals=(
            GoalAnswer("support", 1, 40, 80, 3, "short", "them"),
            GoalAnswer(None, 0, 1, 2),  # no aim: no goal
            GoalAnswer("support", 1, None, None, 12, "long", "us"),
        ),
    )
    first, second = build(answers, TODAY).goals
    assert (first.id, first.title, first.metric) == (
        "replies-within-a-day",
        "Faster replies",
        "replies within a day (%)",
    )
    assert (first.baseline, first.target, first.deadline) == (40, 80, date(2027, 2, 28))
    assert second.id == "replies-within-a-day-2"
    assert (second.baseline, second.target, second.horizon, second.focus) == (
        None,
        None,
        "long",
        "us",
    )


def test_audiences_without_a_name_are_skipped_and_where_keeps_first_mention():
    answers = Answers(
        "A",
        audiences=(
            AudienceAnswer("  Neighbours ", " bread ", ("instagram", "nowhere", "facebook")),
            AudienceAnswer("   ", "ignored", ("tiktok",)),
            AudienceAnswer("Offices", "", ("facebook", "linkedin")),
        ),
    )
    plan = build(answers, TODAY)
    assert [(a.id, a.name, a.wants) for a in plan.audiences] == [
        ("neighbours", "Neighbours", "bread"),
        ("offices", "Offices", ""),
    ]
    assert plan.audiences[0].channels == ("instagram", "facebook")  # unknown ids dropped
    assert where(answers) == ("instagram", "facebook", "linkedin")
    assert [c.id for c in plan.channels] == ["instagram", "facebook", "linkedin"]
    assert {c.status for c in plan.channels} == {"candidate"}


def test_at_most_two_channels_are_active_and_each_serves_every_goal():
    answers = Answers(
        "C",
        audiences=(AudienceAnswer("All", "", ("x", "threads", "bluesky")),),
        goals=(GoalAnswer("sales"), GoalAnswer("community")),
        active=("bluesky", "x", "threads"),
    )
    plan = build(answers, TODAY)
    assert [c.id for c in plan.active_channels] == ["x", "bluesky"]
    assert len(plan.active_channels) == MAX_ACTIVE
    assert all(c.goals == ("orders-per-month", "comments-per-week") for c in plan.channels)


def test_typed_text_is_kept_as_typed_but_for_outer_spaces():
    typed = " [b]Ünï\x1b[2J\u202e code[/b] "
    plan = build(Answers("N", audiences=(AudienceAnswer(typed, typed),), who=typed), TODAY)
    assert plan.audiences[0].name == typed.strip()
    assert plan.audiences[0].wants == typed.strip()
    assert plan.purpose.who == typed.strip()


names = st.text(min_size=0, max_size=30)


@given(
    st.lists(st.tuples(names, st.lists(st.sampled_from(["instagram", "x", "blog"]))), max_size=3),
    st.lists(st.sampled_from([None, "sales", "sign-ups", "community", "support"]), max_size=3),
    st.floats(min_value=0.5, max_value=168),
)
def test_any_answers_make_a_plan_that_checks(audiences, aims, hours):
    answers = Answers(
        "P",
        audiences=tuple(AudienceAnswer(n, "", tuple(c)) for n, c in audiences),
        goals=tuple(GoalAnswer(a) for a in aims),
        weekly_hours=hours,
        active=("blog", "x"),
    )
    plan = build(answers, TODAY)
    ids = [a.id for a in plan.audiences] + [g.id for g in plan.goals]
    assert all(is_slug(i) for i in ids)
    assert len({a.id for a in plan.audiences}) == len(plan.audiences)
    assert len({g.id for g in plan.goals}) == len(plan.goals)
    assert len(plan.active_channels) <= MAX_ACTIVE
    check(plan, TODAY)  # raises nothing


def test_the_written_file_reads_back_as_the_plan_and_keeps_its_comments():
    from socialtui import store
    from socialtui.store.starter import interview_text

    answers = Answers(
        'Café "Crème" \x1b[2J',
        audiences=(AudienceAnswer("Locals", "Coffee", ("instagram", "newsletter")),),
        goals=(GoalAnswer("sign-ups", 0, 40, 150, 6, "short", "us"),),
        who="A café",
        why="Regulars",
        them="First pour",
        weekly_hours=2.5,
        active=("instagram",),
    )
    plan = build(answers, TODAY)
    text = interview_text(plan)
    assert store.loads(text).plan == plan
    assert text.startswith('# Café "Crème"  [2J — a social media plan')  # ESC: a space
    assert "max_active_channels = 2     # walk before you run" in text
