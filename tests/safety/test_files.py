"""Files on a shared server: modes whatever the umask, symlinks, temp files."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import pytest

from socialtui import store
from socialtui.session import Session
from socialtui.store import backup, config, files

FIXTURE = Path(__file__).parent.parent / "fixtures" / "bakery.toml"


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture(params=[0o000, 0o022, 0o077], ids=["umask000", "umask022", "umask077"])
def umask(request):
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def test_everything_created_is_private_whatever_the_umask(tmp_path, umask):
    data = tmp_path / "data"
    plan = store.plans_dir(data) / "bakery.toml"
    loaded = store.create(plan, FIXTURE.read_text())
    session = Session.start(data, plan)
    session.save(loaded, replace(loaded.plan, name="Changed"))
    made = session.backup_once(plan)
    config.save_setting("theme", "dark")
    settings = Path(os.environ["SOCIALTUI_CONFIG_DIR"]) / "config.toml"

    assert [mode(p) for p in (plan, made, settings)] == [0o600] * 3
    folders = [data, plan.parent, data / "backups", made.parent, settings.parent]
    assert [mode(p) for p in folders] == [0o700] * 5


def test_an_existing_plan_keeps_its_mode(tmp_path, umask):
    plan = tmp_path / "plan.toml"
    plan.write_bytes(FIXTURE.read_bytes())
    os.chmod(plan, 0o644)
    loaded = store.load(plan)
    Session.start(tmp_path / "data").save(loaded, replace(loaded.plan, name="Kept"))
    assert mode(plan) == 0o644
    assert store.load(plan).plan.name == "Kept"


def test_saving_through_a_symlink_writes_the_target(tmp_path):
    real = tmp_path / "repo" / "plan.toml"
    real.parent.mkdir()
    real.write_bytes(FIXTURE.read_bytes())
    os.chmod(real, 0o640)
    link = tmp_path / "plans" / "bakery.toml"
    link.parent.mkdir()
    link.symlink_to(real)
    session = Session.start(tmp_path / "data", link)
    loaded = session.load(link)
    session.save(loaded, replace(loaded.plan, name="Through the link"))

    assert link.is_symlink() and os.readlink(link) == str(real)
    assert store.load(real).plan.name == "Through the link"
    assert mode(real) == 0o640
    assert sorted(p.name for p in link.parent.iterdir()) == ["bakery.toml"]
    assert sorted(p.name for p in real.parent.iterdir()) == ["plan.toml"]


def test_a_dangling_symlink_gets_its_target_created(tmp_path):
    real = tmp_path / "elsewhere.toml"
    link = tmp_path / "plan.toml"
    link.symlink_to(real)
    files.write_atomic(link, b'name = "New"\n')
    assert link.is_symlink() and real.read_bytes() == b'name = "New"\n'
    assert mode(real) == 0o600


def test_temp_files_are_made_by_mkstemp_beside_the_target(tmp_path, monkeypatch):
    """The temp file: mkstemp in the plan's own folder, a random name, never a fixed one."""
    calls = []
    real_mkstemp = tempfile.mkstemp

    def spy(*args, **kwargs):
        fd, name = real_mkstemp(*args, **kwargs)
        calls.append((kwargs, name, stat.S_IMODE(os.fstat(fd).st_mode)))
        return fd, name

    monkeypatch.setattr(tempfile, "mkstemp", spy)
    target = tmp_path / "plan.toml"
    old = os.umask(0)  # the worst case for open(); mkstemp does not care
    try:
        files.write_atomic(target, b"one")
        files.write_atomic(target, b"two")
    finally:
        os.umask(old)
    assert len(calls) == 2
    (kwargs, first, first_mode), (_, second, _) = calls
    assert Path(kwargs["dir"]) == tmp_path
    assert first != second  # nothing predictable: two saves, two random names
    assert Path(first).parent == tmp_path and Path(first).name.startswith(".plan.toml.")
    assert first_mode == 0o600
    assert target.read_bytes() == b"two" and not Path(first).exists()


def test_a_file_planted_at_a_guessable_temp_name_is_not_used(tmp_path):
    target = tmp_path / "plan.toml"
    planted = tmp_path / f".plan.toml.{os.getpid()}.aaaaaaaa.tmp"
    elsewhere = tmp_path / "victim"
    elsewhere.write_bytes(b"victim")
    planted.symlink_to(elsewhere)
    files.write_atomic(target, b"mine")
    assert elsewhere.read_bytes() == b"victim" and target.read_bytes() == b"mine"


def _temp(folder: Path, pid: int, age: float = 10.0, name: str = "plan.toml") -> Path:
    path = folder / f".{name}.{pid}.abcd_123.tmp"
    path.write_bytes(b"partial")
    then = time.time() - age
    os.utime(path, (then, then))
    return path


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_clean_removes_old_temp_files_of_dead_writers_only(tmp_path):
    dead = _temp(tmp_path, _dead_pid())
    alive = _temp(tmp_path, os.getpid())
    young = _temp(tmp_path, _dead_pid() + 100_000, age=0.0)
    stale = _temp(tmp_path, os.getpid(), age=files.TEMP_STALE_AFTER + 60, name="other.toml")
    old_shape = tmp_path / ".plan.toml.abcd_123.tmp"
    old_shape.write_bytes(b"x")
    os.utime(old_shape, (0, 0))
    keep = [tmp_path / "plan.toml", tmp_path / ".plan.toml.tmp", tmp_path / "notes.tmp"]
    for path in keep:
        path.write_bytes(b"user")
    link = tmp_path / f".plan.toml.{_dead_pid()}.abcd_999.tmp"
    link.symlink_to(tmp_path / "plan.toml")

    removed = files.clean_temp_files(tmp_path)

    assert sorted(removed) == sorted([dead, stale, old_shape])
    assert all(p.exists() for p in [alive, young, *keep]) and link.is_symlink()


def test_clean_never_raises_on_a_missing_folder(tmp_path):
    assert files.clean_temp_files(tmp_path / "nope") == []


def test_start_session_cleans_plans_backups_and_the_plans_own_folder(tmp_path):
    data = tmp_path / "data"
    elsewhere = tmp_path / "repo"
    folders = [store.plans_dir(data), backup.backups_dir(data) / "bakery", elsewhere]
    for folder in folders:
        folder.mkdir(parents=True)
    pid = _dead_pid()
    temps = [_temp(folder, pid) for folder in folders]
    Session.start(data, elsewhere / "plan.toml")
    assert [p.exists() for p in temps] == [False, False, False]


def test_check_warns_about_a_plan_others_can_write(tmp_path, capsys, monkeypatch):
    from socialtui import cli

    monkeypatch.setenv("SOCIALTUI_TODAY", "2026-11-22")
    plan = tmp_path / "plan.toml"
    plan.write_bytes(FIXTURE.read_bytes())
    statuses = {}
    for loose in (0o600, 0o644, 0o664, 0o666):
        os.chmod(plan, loose)
        statuses[loose] = cli.main(["check", str(plan)])
        out, err = capsys.readouterr()
        warned = "warning" in err and f"mode {loose:04o}" in err and "chmod 600" in err
        assert warned == (loose in (0o664, 0o666)), (oct(loose), err)
        assert "Corner Bakery" in out
    assert len(set(statuses.values())) == 1  # the warning never changes the exit status
