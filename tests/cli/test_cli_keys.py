"""``socialtui keys``: one line per command, ID<TAB>KEYS<TAB>DESCRIPTION, the user's
keys where config.toml's [keys] changes them; no terminal needed."""

from __future__ import annotations

from pathlib import Path

from tests.cli.conftest import Run


def lines(result) -> dict[str, tuple[str, str]]:
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert all(len(row) == 3 for row in rows), result.stdout
    ids = [row[0] for row in rows]
    assert len(ids) == len(set(ids)), "one line per command"
    return {row[0]: (row[1], row[2]) for row in rows}


def write_config(tmp_path: Path, text: str) -> None:
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    (config / "config.toml").write_text(text, encoding="utf-8")


def test_the_defaults_one_line_per_command(run: Run):
    result = run("keys")  # no terminal: output captured, nothing drawn
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    rows = lines(result)
    assert rows["help"] == ("?,f1", "Help: every key")
    assert rows["add"][0] == "a"
    assert rows["goals-pane"][0] == "1"
    assert rows["quit"][0] == "q"
    assert rows["quit-anywhere"][0] == "ctrl+q"
    assert rows["form-cancel"] == ("escape", "Form: cancel")
    assert rows["checkin-previous-week"] == ("pageup", "Check-in: previous week")
    assert rows["plans-new"][0] == "n"
    assert rows["list-down"][0] == "j"
    # The planner's commands first, in the help's order.
    first = next(iter(rows))
    assert first == "goals-pane"


def test_the_users_keys_where_changed(run: Run, tmp_path: Path):
    write_config(
        tmp_path,
        'theme = "nord"\n\n[keys]\nhelp = "f2"\nadd = "F3, Ctrl+G"\ncheck-in = "ä"\n',
    )
    result = run("keys")
    assert result.returncode == 0, result.stderr
    rows = lines(result)
    assert rows["help"] == ("f2", "Help: every key")
    assert rows["add"][0] == "f3,ctrl+g"
    assert rows["check-in"][0] == "ä"
    assert rows["delete"][0] == "d"  # untouched


def test_a_refused_entry_keeps_the_default_and_is_named_on_stderr(run: Run, tmp_path: Path):
    write_config(tmp_path, '[keys]\nadd = "1"\nhelp = "f2"\nnope = "f5"\n"\\u001b[2J" = "x"\n')
    result = run("keys")
    assert result.returncode == 1
    rows = lines(result)
    assert rows["add"][0] == "a"  # "1" is the Goals pane's
    assert rows["help"][0] == "f2"
    assert "add = '1': clashes with goals-pane (Planner)" in result.stderr
    assert "nope: no such command" in result.stderr
    assert "\x1b" not in result.stderr  # config text is cleaned


def test_config_that_is_not_toml_says_so_and_lists_the_defaults(run: Run, tmp_path: Path):
    write_config(tmp_path, "[keys\nhelp = 'f2'\n")
    result = run("keys")
    assert result.returncode == 1
    assert lines(result)["help"][0] == "?,f1"
    assert "config.toml is not valid TOML" in result.stderr
