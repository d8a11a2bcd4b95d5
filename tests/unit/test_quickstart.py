"""The README's Quick start: exactly two commands, safe on an externally managed
Python, and the second is what CI runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def quick_start_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    sections = re.split(r"^## ", text, flags=re.M)
    assert sections[1].startswith("Quick start"), "the README's first section is the Quick start"
    return [b.strip() for b in re.findall(r"```sh\n(.*?)```", sections[1], flags=re.S)]


def test_quick_start_is_two_one_line_commands():
    commands = quick_start_commands()
    assert len(commands) == 2
    assert all("\n" not in c for c in commands)


def test_commands_never_pip_install_outside_a_virtual_environment():
    for command in quick_start_commands():
        steps = [s.strip() for s in command.split("&&")]
        assert steps[0].startswith("python3 -m venv ")
        venv = steps[0].split()[-1]
        for step in steps[1:]:
            assert step.startswith(f"{venv}/bin/"), step


def test_the_first_launches_the_app_and_the_second_runs_the_tests():
    launch, tests = quick_start_commands()
    assert launch.endswith("/bin/socialtui")
    assert "'.[test]'" in tests and tests.endswith("/bin/pytest")


def test_ci_runs_the_readme_test_command_verbatim():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    lines = [line.strip() for line in script.splitlines()]
    assert quick_start_commands()[1] in lines
