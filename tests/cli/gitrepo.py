"""git for the tests: an environment without this machine's git configuration, and a runner."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def git_environment(tmp_path: Path, data_dir: Path, today: str) -> dict[str, str]:
    """os.environ for git and socialtui: no system or user git config (an empty
    global one of its own), a fixed author, socialtui's directories under ``tmp_path``."""
    config = tmp_path / "gitconfig"
    config.write_text("[init]\n\tdefaultBranch = main\n", encoding="utf-8")
    env = dict(os.environ)
    env.update(
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=str(config),
        GIT_AUTHOR_NAME="Ana",
        GIT_AUTHOR_EMAIL="ana@example.org",
        GIT_COMMITTER_NAME="Ana",
        GIT_COMMITTER_EMAIL="ana@example.org",
        GIT_TERMINAL_PROMPT="0",
        SOCIALTUI_DATA_DIR=str(data_dir),
        SOCIALTUI_CONFIG_DIR=str(tmp_path / "config"),
        SOCIALTUI_TODAY=today,
    )
    return env


def git(repo: Path, env: dict[str, str], *args: str, check: bool = True):
    """``git -C repo ARGS``; with ``check``, a failure fails the test with git's output."""
    result = subprocess.run(
        ["git", "-C", str(repo), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result
