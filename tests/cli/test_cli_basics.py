"""--version, --help, the data dir options, and what happens on bad input."""

from __future__ import annotations

import importlib

import pytest

from socialtui import __version__, cli

COMMANDS = ["new", "list", "check"]


def test_version(run):
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"socialtui {__version__}"


@pytest.mark.parametrize("command", COMMANDS)
def test_version_on_every_command(run, command):
    result = run(command, "--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"socialtui {__version__}"


def test_top_help(run):
    result = run("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: socialtui")
    for command in COMMANDS:
        assert command in result.stdout
    assert "--data-dir" in result.stdout
    assert "--version" in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help(run, command):
    result = run(command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith(f"usage: socialtui {command}")
    assert "--data-dir" in result.stdout
    assert "--version" in result.stdout


def test_check_help_documents_exit_status(run):
    out = run("check", "--help").stdout
    assert "exit status" in out
    assert "--format" in out


def test_unknown_command_is_a_usage_error(run):
    result = run("frobnicate")
    assert result.returncode == 2
    assert "usage:" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_format_is_a_usage_error(run):
    result = run("check", "--format", "yaml")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("position", ["top", "command"])
def test_data_dir_option_wins_over_environment(run, tmp_path, data_dir, position):
    other = tmp_path / "other"
    args = (
        ["--data-dir", str(other), "new", "Mine"]
        if position == "top"
        else ["new", "Mine", "--data-dir", str(other)]
    )
    result = run(*args)
    assert result.returncode == 0, result.stderr
    assert (other / "plans" / "mine.toml").is_file()
    assert not (data_dir / "plans" / "mine.toml").exists()
    listed = run("list", "--data-dir", str(other))
    assert "Mine" in listed.stdout
    listed = run("--data-dir", str(other), "list")
    assert "Mine" in listed.stdout


def test_bad_today_override(run):
    assert run("new", "Mine").returncode == 0
    result = run("check", today="tomorrow")
    assert result.returncode == 2
    assert "SOCIALTUI_TODAY" in result.stderr
    assert "Traceback" not in result.stderr


# --- in process: the last-resort handlers ---------------------------------------------


def test_internal_error_is_one_line_and_70(monkeypatch, capsys):
    def boom(args):
        raise RuntimeError("kaput \x1b[31m")

    monkeypatch.setattr(importlib.import_module("socialtui.cli.list"), "run", boom)
    assert cli.main(["list"]) == 70
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1
    assert captured.err.startswith("socialtui: internal error: RuntimeError: kaput")
    assert "\x1b" not in captured.err
    assert "Traceback" not in captured.err


def test_keyboard_interrupt_is_130_and_quiet(monkeypatch, capsys):
    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setattr(importlib.import_module("socialtui.cli.list"), "run", interrupted)
    assert cli.main(["list"]) == 130
    assert capsys.readouterr().err == ""


def test_importing_cli_does_not_import_textual():
    import subprocess
    import sys

    code = "import sys, socialtui.cli; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_python_dash_m(tmp_path):
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "socialtui", "--version"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert out.returncode == 0
    assert out.stdout.strip() == f"socialtui {__version__}"


ARGVS = [
    [],
    ["--private"],
    ["--data-dir", "/tmp/x"],
    ["--data-dir=/tmp/x", "--private"],
    ["open", "plan"],
    ["--data-dir", "/tmp/x", "open", "plan", "--private"],
    ["open", "plan", "--data-dir", "/tmp/y"],
    ["open"],
    ["open", "a", "b"],
    ["open", "--bogus", "plan"],
    ["new", "side", "--from", "blank"],
    ["list"],
    ["check", "a", "b", "--format", "json"],
    ["checkin", "plan", "--week", "2026-W48", "--hours", "ig=2"],
    ["export", "plan", "--format", "csv"],
    ["restore", "plan", "2"],
    ["bogus"],
    ["--bogus"],
    ["--data", "/tmp/x", "list"],
]


def _outcome(parser, argv, capsys):
    try:
        result = ("ok", sorted(vars(parser.parse_args(argv)).items(), key=str))
    except SystemExit as exit:
        result = ("exit", exit.code)
    captured = capsys.readouterr()
    return result, captured.out, captured.err


@pytest.mark.parametrize("argv", ARGVS, ids=lambda argv: " ".join(argv) or "(none)")
def test_the_start_up_parser_reads_argv_as_the_whole_one_does(argv, capsys):
    """Start-up builds only the subcommand argv names; nothing may read differently."""
    only = cli.needed(argv)
    assert _outcome(cli.build_parser(only=only), argv, capsys) == _outcome(
        cli.build_parser(), argv, capsys
    )


def test_start_up_builds_one_subcommand_or_none():
    assert cli.needed([]) == "" and cli.needed(["--private"]) == ""
    assert cli.needed(["--data-dir", "x", "open", "p"]) == "open"
    assert cli.needed(["check", "--help"]) is None  # help lists everything
    assert cli.needed(["--help"]) is None and cli.needed(["bogus"]) is None
