"""Channel presets: default cadence and effort, with where each number comes from.

Figures are from public marketing guidance and surveys (see the project's
channel catalog); numbers marked *est.* are socialtui's own estimates where no
source gave one, and the catalog says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Channel


@dataclass(frozen=True, slots=True)
class Preset:
    id: str
    name: str
    posts_per_week: float
    minutes_per_post: float
    engage_minutes_per_week: float
    posts_range: str
    """The range public guidance gives for posting frequency."""
    source: str
    """Where the defaults come from, in one line."""
    estimated: tuple[str, ...] = ()
    """Which of the three defaults are socialtui's own estimates."""

    def channel(self, status: str = "candidate") -> Channel:
        return Channel(
            id=self.id,
            name=self.name,
            status=status,
            posts_per_week=self.posts_per_week,
            minutes_per_post=self.minutes_per_post,
            engage_minutes_per_week=self.engage_minutes_per_week,
        )

    def describe(self) -> str:
        def mark(field: str, text: str) -> str:
            return f"{text} (est.)" if field in self.estimated else text

        return (
            f"{mark('posts_per_week', f'{self.posts_per_week:g} posts/week')} "
            f"(guidance: {self.posts_range}), "
            f"{mark('minutes_per_post', f'{self.minutes_per_post:g} min/post')}, "
            f"{mark('engage_minutes_per_week', f'{self.engage_minutes_per_week:g} min engaging')}"
        )


_SURVEY = "small-business posting guidance and time-use surveys"
E = "engage_minutes_per_week"
M = "minutes_per_post"
P = "posts_per_week"

CATALOG: tuple[Preset, ...] = (
    Preset("instagram", "Instagram", 3, 45, 60, "1–7 / week",
           f"{_SURVEY}; 45 min is a designed post, Reels take more", (E,)),
    Preset("facebook", "Facebook page", 3, 30, 30, "1–5 / week", _SURVEY, (M, E)),
    Preset("x", "X (Twitter)", 5, 10, 60, "1–5 / day", _SURVEY, (M, E)),
    Preset("linkedin", "LinkedIn", 3, 15, 45, "2–5 / week",
           f"{_SURVEY}; about 10 min a post, 30 for an article", (E,)),
    Preset("tiktok", "TikTok", 3, 60, 30, "3 / week – 4 / day", _SURVEY, (M, E)),
    Preset("youtube", "YouTube (long-form)", 0.5, 240, 30, "1 / month – 2 / week",
           f"{_SURVEY}; editing alone is 1–6 h a video", (E,)),
    Preset("youtube-shorts", "YouTube Shorts", 3, 45, 15, "2–7 / week", _SURVEY, (M, E)),
    Preset("pinterest", "Pinterest", 5, 10, 10, "5 / week – 15 / day", _SURVEY, (M, E)),
    Preset("threads", "Threads", 5, 10, 45, "5 / week – several / day", _SURVEY, (M, E)),
    Preset("bluesky", "Bluesky", 5, 10, 45, "5 / week – several / day", _SURVEY, (M, E)),
    Preset("mastodon", "Mastodon", 3, 10, 45,
           "no numeric norm; chronological, hashtag-led", _SURVEY, (M, E)),
    Preset("blog", "Blog", 0.5, 210, 15, "weekly to a few a month",
           "blogger surveys: about 3½ h a post", (E,)),
    Preset("newsletter", "Email newsletter", 0.5, 210, 10, "1 / month – 2 / week",
           "newsletter guidance: 3–4 h an issue", (E,)),
    Preset("reddit", "Reddit", 2, 20, 60, "community-led", _SURVEY, (P, M, E)),
    Preset("podcast", "Podcast", 0.5, 300, 15, "weekly to monthly", _SURVEY, (P, M, E)),
)  # fmt: skip

BY_ID: dict[str, Preset] = {p.id: p for p in CATALOG}

FACTS: tuple[str, ...] = (
    "Small-business guidance converges on 3–5 posts a week per platform: "
    "a rate you can still hit on your worst week.",
    "Most small-business owners spend 1–5 hours a week on social media; "
    "about a quarter spend 6–10.",
    "A common split: a quarter listening, half in conversation, a quarter creating — "
    "engagement deserves at least as much time as creation.",
    "Fewer platforms than you think: one or two done well.",
)


def preset(channel_id: str) -> Preset | None:
    return BY_ID.get(channel_id)
