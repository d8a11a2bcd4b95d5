"""Private files on a shared server: modes, atomic writes, leftover temp files.

Everything socialtui creates (plans, backups, locks, logs, settings) is 0600 in
0700 directories, whatever the umask: :func:`ensure_dir` makes directories,
:func:`write_atomic` writes files. An existing file keeps its mode.

:func:`write_atomic` is the only way a file is replaced: a temp file made by
``mkstemp`` in the target's own directory (unpredictable name, 0600), written,
flushed and fsynced, given the target's mode with ``fchmod``, renamed over the
target with ``os.replace``, then the directory is fsynced. A process killed at
any instant leaves the old or the new file, never a mix; what it can leave is
its temp file, which :func:`clean_temp_files` removes at the next start. A
symlink stays a symlink: its target is written.

Nothing here knows about plans. :func:`pid_alive` is the one answer to "does that
process still run here?" (temp files, locks).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600

TEMP_SUFFIX = ".tmp"
TEMP_MIN_AGE = 1.0  # seconds: younger temp files are never touched
TEMP_STALE_AFTER = 3600.0  # seconds: no save takes this long, whoever wrote it
# ".NAME.PID.XXXXXXXX.tmp"; mkstemp's random part is 8 characters of [a-z0-9_].
_TEMP_RE = re.compile(r"\A\.(?P<name>.+)\.(?P<pid>[0-9]+)\.[a-z0-9_]{8}\.tmp\Z")
_OLD_TEMP_RE = re.compile(r"\A\.(?P<name>.+\.toml)\.[a-z0-9_]{8}\.tmp\Z")  # before pids


def ensure_dir(path: str | os.PathLike[str]) -> Path:
    """Create ``path`` and missing parents; directories created here get mode 0700.

    Directories that already exist are left as they are.
    """
    path = Path(path)
    missing: list[Path] = []
    current = path
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for directory in reversed(missing):
        with contextlib.suppress(FileExistsError):  # somebody else made it: not ours to chmod
            directory.mkdir(mode=DIR_MODE)
            os.chmod(directory, DIR_MODE)  # mkdir's mode is masked by the umask
    return path


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically and durably (see the module docstring).

    A symlink stays a link and its target is written; an existing file keeps its
    mode, a new one is 0600. On any failure the temp file is removed and the
    target is untouched.
    """
    target = Path(os.path.realpath(path))
    directory = target.parent
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = FILE_MODE
    # The pid in the name tells clean_temp_files whether the writer is still alive.
    fd, temp = tempfile.mkstemp(
        dir=directory, prefix=f".{target.name}.{os.getpid()}.", suffix=TEMP_SUFFIX
    )
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            os.fchmod(handle.fileno(), mode)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_dir(directory)


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def pid_alive(pid: int) -> bool:
    """True unless process ``pid`` surely does not run on this machine.

    Someone else's process (EPERM) is alive; so is one we cannot ask about: a
    live lock is never taken and a live save's temp file never removed.
    """
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: someone else's process, so alive; anything else: cannot tell
        return True
    return True


def clean_temp_files(
    directory: str | os.PathLike[str],
    *,
    min_age: float = TEMP_MIN_AGE,
    stale_after: float = TEMP_STALE_AFTER,
) -> list[Path]:
    """Remove the temp files that killed :func:`write_atomic` calls left in ``directory``.

    Only regular files (not links) owned by this user whose names have the shape
    write_atomic gives them, ``.NAME.PID.XXXXXXXX.tmp``, are considered. One is
    removed when it is at least ``min_age`` seconds old and no process PID runs
    here, or when it is older than ``stale_after`` (the pid was reused). A recent
    temp file of a live process is left alone: it may be in the middle of a save.
    Files of the older pid-less shape ``.NAME.toml.XXXXXXXX.tmp`` go after
    ``stale_after``.

    On a folder shared between machines the pid says nothing about the other
    machine: a save there that takes longer than ``min_age`` can lose its temp
    file. That save then fails (its rename finds nothing) and the plan is left
    as it was; no data is lost.

    Never raises; returns what was removed. Does not look into subfolders.
    """
    removed: list[Path] = []
    now = time.time()
    uid = os.getuid() if hasattr(os, "getuid") else None
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if not (name.startswith(".") and name.endswith(TEMP_SUFFIX)):
            continue
        match = _TEMP_RE.match(name)
        if not match and not _OLD_TEMP_RE.match(name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode) or (uid is not None and info.st_uid != uid):
            continue
        age = now - info.st_mtime
        if age < min_age:
            continue
        stale = age >= stale_after or (match and not pid_alive(int(match.group("pid"))))
        if not stale:
            continue
        try:
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


def permission_problem(path: str | os.PathLike[str]) -> str | None:
    """A sentence when the file (a link's target) is writable by group or others, else None."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return None
    who = [name for bit, name in ((stat.S_IWGRP, "group"), (stat.S_IWOTH, "others")) if mode & bit]
    if not who:
        return None
    return (
        f"{path} is writable by {' and '.join(who)} (mode {mode:04o}); "
        f"anyone who can write it can change your plan. Fix: chmod 600 {path}"
    )
