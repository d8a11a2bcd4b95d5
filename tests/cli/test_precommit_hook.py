"""The ``socialtui-check`` hook of .pre-commit-hooks.yaml, run by pre-commit itself.

pre-commit clones socialtui from a local git repository (a copy of this
source tree, committed) and installs it in an environment of its own, from
the package index pip is configured with; nothing else leaves the machine.
Its cache (PRE_COMMIT_HOME) is a temp folder, never the user's.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from gitrepo import git, git_environment

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
TODAY = "2026-11-22"


@pytest.fixture
def hook_repo(tmp_path: Path, git_env) -> tuple[Path, str]:
    """A git repository holding this source tree; (its path, its commit)."""
    source = tmp_path / "socialtui-source"
    shutil.copytree(
        ROOT / "socialtui", source / "socialtui", ignore=shutil.ignore_patterns("__pycache__")
    )
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy(ROOT / name, source / name)
    git(source, git_env, "init", "-q")
    git(source, git_env, "add", "-A")
    git(source, git_env, "commit", "-q", "-m", "socialtui")
    return source, git(source, git_env, "rev-parse", "HEAD").stdout.strip()


@pytest.fixture
def git_env(tmp_path: Path, data_dir: Path) -> dict[str, str]:
    env = git_environment(tmp_path, data_dir, TODAY)
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def commit(repo: Path, env: dict[str, str], plan: Path) -> subprocess.CompletedProcess:
    git(repo, env, "add", "-A")
    return git(repo, env, "commit", "-m", f"Plan: {plan.name}", check=False)


def test_the_hook_refuses_an_overcommitted_plan_and_lets_a_sane_one_in(
    tmp_path, hook_repo, git_env
):
    source, rev = hook_repo
    team = tmp_path / "team"
    (team / "plans").mkdir(parents=True)
    git(team, git_env, "init", "-q")
    (team / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {source}\n    rev: {rev}\n    hooks:\n      - id: socialtui-check\n",
        encoding="utf-8",
    )
    installed = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"],
        cwd=team,
        env=git_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr

    plan = team / "plans" / "studio.toml"
    shutil.copy(FIXTURES / "overcommitted.toml", plan)
    refused = commit(team, git_env, plan)
    output = refused.stdout + refused.stderr
    assert refused.returncode == 1, output
    assert re.search(r"^socialtui check\.+Failed$", output, re.M)
    assert "over-budget" in output
    assert git(team, git_env, "rev-parse", "--verify", "HEAD", check=False).returncode != 0

    shutil.copy(FIXTURES / "bakery.toml", plan)
    accepted = commit(team, git_env, plan)
    output = accepted.stdout + accepted.stderr
    assert accepted.returncode == 0, output
    assert re.search(r"^socialtui check\.+Passed$", output, re.M)
    assert git(team, git_env, "log", "--format=%s").stdout == "Plan: studio.toml\n"

    # A plan with a merge conflict left in it is refused with the line of the marker.
    text = plan.read_text(encoding="utf-8").replace(
        "reserve_percent = 10 ", "<<<<<<< ours\nreserve_percent = 10 \n=======\n>>>>>>> theirs\n"
    )
    plan.write_text(text, encoding="utf-8")
    marker = text.splitlines().index("<<<<<<< ours") + 1
    conflicted = commit(team, git_env, plan)
    output = conflicted.stdout + conflicted.stderr
    assert conflicted.returncode == 1, output
    assert f"studio.toml:{marker}:1: unresolved merge conflict" in output
