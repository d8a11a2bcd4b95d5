"""Make the README's screenshots, from fixed example plans at fixed sizes.

    python screenshots/make.py            # writes screenshots/*.svg
    python screenshots/make.py OUTDIR     # writes them somewhere else

Every shot runs the real app (headless, same code as in a terminal) on a copy of
a plan from ``tests/fixtures/``, in a throwaway data and config directory, on a
fixed date. A screen that cannot be drawn, or that does not show what it should,
stops the script with exit status 1: CI runs it, so the pictures never rot.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
TODAY = date(2026, 11, 23)


@dataclass(frozen=True)
class Shot:
    name: str
    plan: str
    size: tuple[int, int]
    keys: tuple[str, ...]
    expect: tuple[str, ...]  # words the screen must show
    title: str
    interview: str = ""  # the plan's name: the POST interview for it, not the planner


SHOTS = (
    Shot(
        "planner",
        "example.toml",
        (120, 40),
        (),
        ("Kiln Street Pottery", "Goals", "Channels", "Budget", "Findings"),
        "socialtui: a realistic plan",
    ),
    Shot(
        "planner-80x24",
        "example.toml",
        (80, 24),
        (),
        ("Kiln Street Pottery", "Findings"),
        "socialtui on an 80x24 terminal",
    ),
    Shot(
        "overcommitted",
        "overcommitted.toml",
        (120, 40),
        ("4",),
        ("OVER", "Press f to fit"),
        "socialtui: an overcommitted plan and its fit-to-budget proposal",
    ),
    Shot(
        "checkin",
        "example.toml",
        (120, 40),
        ("c",),
        ("Check-in", "2026-W48"),
        "socialtui: the weekly check-in",
    ),
    Shot(
        "history",
        "example.toml",
        (120, 40),
        ("h",),
        ("History",),
        "socialtui: history of check-ins",
    ),
    Shot(
        "week",
        "example.toml",
        (120, 40),
        ("w", "e", "tab", "6", "0", "ctrl+s"),
        ("Mon 23", "every 2nd week", "204m of 60m", "OVER"),
        "socialtui: the week, with a daily limit of 60 minutes",
    ),
    Shot(
        "help",
        "example.toml",
        (120, 40),
        ("question_mark",),
        ("ctrl+s", "Undo"),
        "socialtui: every key",
    ),
    Shot(
        "interview",
        "",
        (100, 32),
        (
            *("N", "e", "i", "g", "h", "b", "o", "u", "r", "s", "tab", "tab"),
            *("space", "down", "down", "down", "space", "pagedown"),
            *("s", "tab", "tab", "4", "tab", "1", "0", "pagedown"),
            *("tab", "tab", "tab", "ctrl+u", "5", "pagedown", "down", "space"),
        ),
        ("4 Technology", "LinkedIn", "Instagram", "Active:", "Findings"),
        "socialtui: the POST interview's last step, channels",
        interview="Corner Bakery",
    ),
)


def _app(shot: Shot, data: Path):
    from socialtui import store
    from socialtui.tui.app import SocialApp
    from socialtui.tui.screens.interview_app import InterviewApp

    if shot.interview:
        return InterviewApp(shot.interview, TODAY)
    path = store.plans_dir(data) / shot.plan
    store.ensure_dir(path.parent)
    shutil.copyfile(FIXTURES / shot.plan, path)
    path.chmod(0o600)
    return SocialApp(store.load(path), data=data, today=TODAY, locking=False)


async def _take(shot: Shot, data: Path) -> str:
    app = _app(shot, data)
    async with app.run_test(size=shot.size) as pilot:
        if not shot.interview:
            await app.planner.filled.wait()  # the panes are in place
        await pilot.pause()
        for key in shot.keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause(0.3)
        app.clear_notifications()
        await pilot.pause()
        svg = app.export_screenshot(title=shot.title)
        text = _screen_text(app)
    missing = [word for word in shot.expect if word not in text]
    if missing:
        raise RuntimeError(f"{shot.name}: the screen does not show {missing}")
    return svg


def _screen_text(app) -> str:
    from rich.console import Console

    console = Console(width=app.size.width, record=True, file=open(os.devnull, "w"))  # noqa: SIM115
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text()


def make(outdir: Path) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        # Never the user's own data, config or logs.
        os.environ["SOCIALTUI_DATA_DIR"] = str(home / "data")
        os.environ["SOCIALTUI_CONFIG_DIR"] = str(home / "config")
        os.environ["SOCIALTUI_LOG_DIR"] = str(home / "logs")
        os.environ.pop("NO_COLOR", None)
        for shot in SHOTS:
            # The top bar shows the plan's path: make it the usual one, ~/.local/share/…
            os.environ["HOME"] = str(home / shot.name)
            data = home / shot.name / ".local" / "share" / "socialtui"
            svg = asyncio.run(_take(shot, data))
            target = outdir / f"{shot.name}.svg"
            target.write_text(svg, encoding="utf-8")
            written.append(target)
    return written


def main(argv: list[str]) -> int:
    outdir = Path(argv[0]) if argv else Path(__file__).resolve().parent
    try:
        for path in make(outdir):
            print(path)
    except Exception as error:  # a screen that cannot be drawn fails the run
        print(f"screenshots: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
