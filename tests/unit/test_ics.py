"""The calendar export (socialtui.report.ics): parsed back with icalendar, its rules
expanded over four weeks with recurring_ical_events, counted against the plan.
Expected counts and times are worked out by hand from docs/plan-format.md."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events
from plan_factories import audience, channel, goal, plan

from socialtui import report
from socialtui.plan.model import Review

TODAY = date(2026, 11, 23)  # a Monday, in week 2969 from 1970-W01 (odd)


def bakery(**budget):
    """Instagram 3 x 40 (Mon, Wed, Fri), the newsletter 0.5 x 150 (Wednesday, every
    other week), a candidate that is not exported; check-in Friday, review every
    4 weeks after Sunday 2026-11-22."""
    p = plan(
        channels=(
            channel("ig", name="Instagram", posts=3, minutes=40, engage=50, goals=("g1", "g2")),
            channel("news", name="Newsletter", posts=0.5, minutes=150, engage=10, goals=("g2",)),
            channel("tt", name="TikTok", status="candidate", posts=5, minutes=60, engage=60),
        ),
        goals=(goal("g1", title="More bookings"), goal("g2", title="A community")),
        audiences=(audience("a1", channels=("ig",)),),
        last_review=date(2026, 11, 22),
    )
    return replace(p, budget=replace(p.budget, **budget))


def parse(text: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(text)


def events(text: str) -> dict[str, icalendar.Event]:
    return {str(e["UID"]): e for e in parse(text).walk("VEVENT")}


def occurrences(text: str, start: date, days: int = 28) -> list[icalendar.Event]:
    return recurring_ical_events.of(parse(text)).between(start, start + timedelta(days=days))


def count_by_summary(found) -> dict[str, int]:
    out: dict[str, int] = {}
    for e in found:
        out[str(e["SUMMARY"])] = out.get(str(e["SUMMARY"]), 0) + 1
    return out


def test_four_weeks_of_occurrences_match_the_plan():
    text = report.to_ics(bakery(), TODAY)
    counts = count_by_summary(occurrences(text, TODAY))
    assert counts == {
        "Instagram: post": 12,  # 3 a week
        "Newsletter: post (every 2 weeks)": 2,  # weeks 2918 and 2920
        "Check-in: Test plan": 4,
        "Review: Test plan": 1,  # 2026-12-20
    }


def test_the_events_and_their_rules():
    found = events(report.to_ics(bakery(), TODAY))
    key = report.ics.plan_key(bakery())
    assert sorted(found) == sorted(
        f"{name}-{key}@socialtui"
        for name in (
            "post-ig-mon",
            "post-ig-wed",
            "post-ig-fri",
            "post-news-wed",
            "checkin",
            "review",
        )
    )
    news = found[f"post-news-wed-{key}@socialtui"]
    assert news.decoded("DTSTART") == datetime(2026, 12, 2, 9, 40)  # after Instagram, floating
    assert news.decoded("DTEND") == datetime(2026, 12, 2, 12, 10)
    assert news["RRULE"].to_ical() == b"FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"
    ig = found[f"post-ig-mon-{key}@socialtui"]
    assert ig.decoded("DTSTART") == datetime(2026, 11, 23, 9, 0)  # today is a Monday
    assert ig["RRULE"].to_ical() == b"FREQ=WEEKLY;BYDAY=MO"
    checkin = found[f"checkin-{key}@socialtui"]
    assert checkin.decoded("DTSTART") == datetime(2026, 11, 27, 9, 40)  # Friday, after the post
    assert checkin.decoded("DTEND") - checkin.decoded("DTSTART") == timedelta(minutes=15)
    review = found[f"review-{key}@socialtui"]
    assert review.decoded("DTSTART") == datetime(2026, 12, 20, 9, 0)  # a Sunday: no posts
    assert review["RRULE"].to_ical() == b"FREQ=WEEKLY;INTERVAL=4;BYDAY=SU"
    for event in found.values():
        assert event.decoded("DTSTAMP") == datetime(2026, 11, 23, tzinfo=UTC)
        assert event.decoded("DTSTART").tzinfo is None


def test_summary_and_description_name_the_channel_and_its_goals():
    found = events(report.to_ics(bakery(), TODAY))
    ig = next(e for uid, e in found.items() if uid.startswith("post-ig-mon"))
    assert str(ig["SUMMARY"]) == "Instagram: post"
    assert str(ig["DESCRIPTION"]) == (
        "Instagram: 3 posts a week, 40 minutes each.\n"
        "Serves: More bookings; A community.\n"
        "From the socialtui plan 'Test plan'."
    )


def test_the_file_is_rfc_5545_text():
    text = report.to_ics(bakery(), TODAY)
    raw = text.encode("utf-8")
    assert raw.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//socialtui//socialtui//EN")
    assert raw.endswith(b"END:VCALENDAR\r\n")
    lines = raw.split(b"\r\n")
    assert b"\n" not in b"".join(lines)  # every line ends with CRLF
    assert max(len(line) for line in lines) <= 75  # folded


def test_uids_are_stable_and_the_same_day_gives_the_same_bytes():
    first = report.to_ics(bakery(), TODAY)
    assert report.to_ics(bakery(), TODAY) == first
    later = report.to_ics(bakery(weekly_hours=9), TODAY + timedelta(days=30))
    assert sorted(events(later)) == sorted(events(first))
    other = replace(bakery(), name="Another plan")
    assert not set(events(report.to_ics(other, TODAY))) & set(events(first))


def test_a_series_starts_on_its_first_day_after_the_export():
    # Exported on Thursday 2026-11-26: Monday's post starts on 2026-11-30, the newsletter
    # on the Wednesday of the next even week, 2026-12-02.
    found = events(report.to_ics(bakery(), date(2026, 11, 26)))
    starts = {uid.rsplit("-", 1)[0]: e.decoded("DTSTART").date() for uid, e in found.items()}
    assert starts == {
        "post-ig-mon": date(2026, 11, 30),
        "post-ig-wed": date(2026, 12, 2),
        "post-ig-fri": date(2026, 11, 27),
        "post-news-wed": date(2026, 12, 2),
        "checkin": date(2026, 11, 27),
        "review": date(2026, 12, 20),
    }


def test_a_review_without_a_last_one_and_another_check_in_day():
    p = replace(bakery(), review=Review(every_weeks=2, checkin_day="wed"))
    text = report.to_ics(p, TODAY)
    found = events(text)
    review = next(e for uid, e in found.items() if uid.startswith("review-"))
    # The check-in day (Wednesday) of the next even week: 2026-12-02, after Instagram
    # (9:00-9:40), the newsletter (-12:10) and the check-in (-12:25).
    assert review.decoded("DTSTART") == datetime(2026, 12, 2, 12, 25)
    counts = count_by_summary(occurrences(text, TODAY))
    assert counts["Review: Test plan"] == 2
    assert counts["Check-in: Test plan"] == 4


def test_several_posts_a_day_and_a_fraction_on_the_same_day():
    p = plan(channels=(replace(channel("ig", posts=2.5, minutes=30, engage=0), days=("tue",)),))
    text = report.to_ics(p, TODAY)
    found = events(text)
    posts = sorted(
        (e.decoded("DTSTART"), str(e["SUMMARY"])) for uid, e in found.items() if "post-" in uid
    )
    assert posts == [
        (datetime(2026, 11, 24, 9, 0), "Ig: 2 posts"),
        (datetime(2026, 12, 1, 10, 0), "Ig: post (every 2 weeks)"),  # the next even week
    ]
    assert any(uid.startswith("post-ig-tue-extra-") for uid in found)
    counts = count_by_summary(occurrences(text, TODAY))
    assert (counts["Ig: 2 posts"], counts["Ig: post (every 2 weeks)"]) == (4, 2)


def test_a_time_zone_keeps_the_local_time_across_daylight_saving():
    text = report.to_ics(bakery(timezone="Europe/Paris", start="08:15"), TODAY)
    calendar = parse(text)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    ig = next(e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("post-ig-mon"))
    assert ig.decoded("DTSTART") == datetime(2026, 11, 23, 8, 15, tzinfo=ZoneInfo("Europe/Paris"))
    summer = [
        e for e in occurrences(text, date(2027, 6, 28), 7) if str(e["SUMMARY"]) == "Instagram: post"
    ]
    starts = sorted(e.decoded("DTSTART") for e in summer)
    assert [(s.hour, s.minute, s.utcoffset()) for s in starts] == [(8, 15, timedelta(hours=2))] * 3


def test_hostile_text_is_cleaned():
    p = bakery()
    bad = replace(p.channels[0], name="Insta\x1b[2J\u202egram", notes="a\x07b\nc")
    p = replace(p.with_channel(bad), name="Bak\x00ery\u2066")
    text = report.to_ics(p, TODAY)
    for char in ("\x1b", "\u202e", "\x07", "\x00", "\u2066"):
        assert char not in text
    ig = next(e for uid, e in events(text).items() if uid.startswith("post-ig-mon"))
    assert str(ig["SUMMARY"]) == "Insta[2Jgram: post"
    assert "Notes: ab c" in str(ig["DESCRIPTION"])


def test_private_masks_names_goals_and_notes():
    p = bakery()
    p = p.with_channel(replace(p.channels[0], notes="Secret recipe reels"))
    text = report.export_text(p, "ics", TODAY, private=True)
    for secret in (
        "Instagram",
        "Newsletter",
        "More bookings",
        "A community",
        "Secret",
        "Test plan",
    ):
        assert secret not in text
    summaries = sorted(str(e["SUMMARY"]) for e in events(text).values())
    assert summaries == [
        "Channel 1: post",
        "Channel 1: post",
        "Channel 1: post",
        "Channel 2: post (every 2 weeks)",
        "Check-in: Private plan",
        "Review: Private plan",
    ]


def test_the_registry_knows_ics():
    assert report.FORMATS["ics"].extension == "ics"
    assert report.format_for_suffix(".ICS") == "ics"
    assert report.export_text(bakery(), "ics", TODAY) == report.to_ics(bakery(), TODAY)


def test_a_plan_without_active_channels_still_has_its_rhythm():
    p = plan(channels=(channel("tt", status="candidate"),))
    summaries = sorted(str(e["SUMMARY"]) for e in events(report.to_ics(p, TODAY)).values())
    assert summaries == ["Check-in: Test plan", "Review: Test plan"]
