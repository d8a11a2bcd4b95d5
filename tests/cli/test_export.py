"""socialtui export: the installed script, run as a subprocess on a private data dir.

The documents themselves are checked in tests/unit/test_report.py; here: the
command line around them (formats, -o, stdout, --private, the plan used last,
exit statuses, messages) and that plan text never reaches a terminal raw.
"""

from __future__ import annotations

import os
import pty
import select
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from plan_texts import BROKEN, HOSTILE, RAW_BAD, write_plan

from socialtui.store import config

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "export.toml"
GOLDEN = ROOT / "tests" / "golden"
TODAY = "2026-11-22"  # the golden files' date
SECRETS = (
    "Harbour Yoga Studio 2027",
    "Desk workers nearby",
    "Gentle postnatal classes",
    "Newsletter (Buttondown)",
    "Reels of the sunrise flow",
    "Storm week",
    "instagram",
)


# HOSTILE (escape sequences, C1 and bidi controls in every name) with a check-in, so
# that the CSV has rows too.
HOSTILE_WEEKS = (
    HOSTILE
    + """
[[checkins]]
week = "2026-W47"
hours = { x = 1.5 }
note = "Note \\u001b[31m\\u202e"
"""
)


@pytest.fixture
def yoga(plans: Path) -> Path:
    plans.mkdir(parents=True, exist_ok=True)
    target = plans / "yoga.toml"
    shutil.copy(FIXTURE, target)
    return target


def golden(name: str) -> bytes:
    return (GOLDEN / name).read_bytes()


@pytest.fixture
def run_bytes(tmp_path: Path, data_dir: Path):
    """Like ``run`` but stdout as bytes: the CSV's CRLF must arrive untranslated."""
    from conftest import socialtui_script  # tests/cli/conftest.py

    def _run(*args: str) -> subprocess.CompletedProcess:
        environ = dict(os.environ)
        environ.update(
            SOCIALTUI_DATA_DIR=str(data_dir),
            SOCIALTUI_CONFIG_DIR=str(tmp_path / "config"),
            SOCIALTUI_TODAY=TODAY,
            PYTHONIOENCODING="utf-8",
        )
        return subprocess.run(
            [socialtui_script(), *args],
            capture_output=True,
            env=environ,
            timeout=60,
            cwd=tmp_path,
        )

    return _run


# --- formats ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fmt, name", [("markdown", "export.md"), ("csv", "export.csv"), ("json", "export.json")]
)
def test_each_format_to_stdout(run_bytes, yoga, fmt, name):
    result = run_bytes("export", "yoga", "--format", fmt)
    assert result.returncode == 0, result.stderr
    assert result.stdout == golden(name)
    assert result.stderr == b""


def test_markdown_is_the_default(run_bytes, yoga):
    assert run_bytes("export", "yoga").stdout == golden("export.md")
    assert run_bytes("export", "yoga", "-o", "-").stdout == golden("export.md")


def test_plan_by_path(run_bytes, yoga):
    result = run_bytes("export", str(yoga), "--format", "json")
    assert result.returncode == 0
    assert result.stdout == golden("export.json")


@pytest.mark.parametrize(
    "file, name", [("r.md", "export.md"), ("r.csv", "export.csv"), ("r.json", "export.json")]
)
def test_output_file_is_private_and_follows_its_extension(run, yoga, tmp_path, file, name):
    target = tmp_path / "out" / file
    target.parent.mkdir()
    result = run("export", "yoga", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert target.read_bytes() == golden(name)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert str(target) in result.stdout and "Exported" in result.stdout
    assert [p.name for p in target.parent.iterdir()] == [file]  # no temp file left


def test_format_flag_wins_over_the_extension(run, yoga, tmp_path):
    target = tmp_path / "report.txt"
    assert run("export", "yoga", "--format", "csv", "-o", str(target)).returncode == 0
    assert target.read_bytes() == golden("export.csv")


def test_output_replaces_an_existing_file(run, yoga, tmp_path):
    target = tmp_path / "r.md"
    target.write_text("old report\n")
    assert run("export", "yoga", "-o", str(target)).returncode == 0
    assert target.read_bytes() == golden("export.md")


def test_defaults_to_the_plan_used_last(run_bytes, yoga, data_dir):
    config.remember_plan(data_dir, yoga)
    result = run_bytes("export", "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stdout == golden("export.csv")


def test_no_plan_used_last(run, yoga):
    result = run("export")
    assert result.returncode == 2
    assert "no plan given" in result.stderr and "socialtui export PLAN" in result.stderr
    assert result.stdout == ""


# --- --private --------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["markdown", "csv", "json"])
def test_private_masks_every_name(run, yoga, fmt):
    result = run("export", "yoga", "--format", fmt, "--private")
    assert result.returncode == 0, result.stderr
    for secret in SECRETS:
        assert secret not in result.stdout, secret
    assert "Channel 1" in result.stdout
    # The numbers stay: 2.5 planned hours on the first channel, 5h 30m committed.
    if fmt == "csv":
        assert "2026-W38,channel,channel-1,Channel 1,2.5,2.5,unsure,,•••" in result.stdout
    elif fmt == "markdown":
        assert "# Private plan" in result.stdout and "5h 30m" in result.stdout
    else:
        assert '"committed_minutes": 330' in result.stdout


def test_private_before_the_command_counts_too(run, yoga):
    result = run("--private", "export", "yoga")
    assert result.returncode == 0
    assert "# Private plan" in result.stdout and "Harbour" not in result.stdout


def test_private_output_file(run, yoga, tmp_path):
    target = tmp_path / "shared.json"
    result = run("export", "yoga", "--private", "-o", str(target))
    assert result.returncode == 0
    assert "masked" in result.stdout
    text = target.read_text()
    assert '"name": "Private plan"' in text
    for secret in SECRETS:
        assert secret not in text


# --- failures: exit 2, one clear line, no traceback --------------------------------------


def test_missing_plan(run, plans):
    result = run("export", "nope")
    assert result.returncode == 2
    assert "nope.toml" in result.stderr and "No such file" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_broken_plan_names_line_and_column(run, plans, tmp_path):
    path = write_plan(plans, "broken", BROKEN)
    target = tmp_path / "never.md"
    result = run("export", "broken", "-o", str(target))
    assert result.returncode == 2
    assert f"{path}:4:" in result.stderr  # "weekly_hours = = 3" is line 4
    assert "Traceback" not in result.stderr
    assert not target.exists()


@pytest.mark.parametrize("where", ["missing-dir/r.md", ".", "a-file/r.md"])
def test_unwritable_output(run, yoga, tmp_path, where):
    (tmp_path / "a-file").write_text("not a folder\n")
    target = tmp_path / where
    result = run("export", "yoga", "-o", str(target))
    assert result.returncode == 2
    assert result.stderr.startswith("socialtui: export: cannot write ")
    assert "Traceback" not in result.stderr


def test_never_overwrites_the_plan(run, yoga):
    before = yoga.read_bytes()
    result = run("export", "yoga", "-o", str(yoga))
    assert result.returncode == 2
    assert "is the plan itself" in result.stderr
    assert yoga.read_bytes() == before


def test_help_documents_formats_and_exit_status(run):
    result = run("export", "--help")
    assert result.returncode == 0
    for word in ("markdown", "csv", "json", "--private", "-o FILE", "exit status", "  2  "):
        assert word in result.stdout, word
    assert "docs/export.schema.json" in result.stdout


# --- hostile plan text -------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["markdown", "json"])
def test_hostile_text_never_raw_in_markdown_or_json(run, plans, fmt):
    write_plan(plans, "evil", HOSTILE_WEEKS)
    result = run("export", "evil", "--format", fmt)
    assert result.returncode == 0
    for bad in RAW_BAD:
        assert bad not in result.stdout, repr(bad)
        assert bad not in result.stderr, repr(bad)


def test_hostile_csv_to_a_pipe_holds_no_control_characters(run, plans):
    """Piped or redirected, the CSV holds the plan's text without its control and
    bidi characters: ``cat export.csv`` later must not restyle the terminal."""
    write_plan(plans, "evil", HOSTILE_WEEKS)
    result = run("export", "evil", "--format", "csv")
    assert result.returncode == 0
    assert "Chan [5m," in result.stdout
    assert "Note [31m\n" in result.stdout
    for bad in RAW_BAD:
        assert bad not in result.stdout, repr(bad)


def run_on_terminal(args: list[str], env: dict[str, str]) -> bytes:
    """Run the script with stdout on a pseudo-terminal; what the terminal received."""
    from conftest import socialtui_script

    master, slave = pty.openpty()
    try:
        proc = subprocess.Popen(
            [socialtui_script(), *args],
            stdout=slave,
            stderr=slave,
            stdin=subprocess.DEVNULL,
            env=env,
        )
    finally:
        os.close(slave)
    chunks = []
    try:
        while True:
            ready, _, _ = select.select([master], [], [], 30)
            if not ready:
                break
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(master)
        proc.wait(timeout=30)
    assert proc.returncode == 0
    return b"".join(chunks)


@pytest.mark.parametrize("fmt", ["csv", "markdown", "json"])
def test_hostile_text_on_a_terminal_is_made_visible(plans, data_dir, tmp_path, fmt):
    write_plan(plans, "evil", HOSTILE_WEEKS)
    env = dict(os.environ)
    env.update(
        SOCIALTUI_DATA_DIR=str(data_dir),
        SOCIALTUI_CONFIG_DIR=str(tmp_path / "config"),
        SOCIALTUI_TODAY=TODAY,
        PYTHONIOENCODING="utf-8",
    )
    shown = run_on_terminal(["export", "evil", "--format", fmt], env)
    for bad in RAW_BAD:
        assert bad.encode("utf-8") not in shown, repr(bad)
    text = shown.decode("utf-8")
    if fmt == "csv":
        assert "Chan [5m," in text  # dropped from the document itself
        assert "Note [31m" in text
    elif fmt == "markdown":
        assert "Chan \\[5m" in text  # dropped from the document itself
    else:
        assert "Chan \\u001b[5m\\u2066" in text
