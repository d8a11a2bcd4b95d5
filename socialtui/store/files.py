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

Every read of a file socialtui did not just write goes through :func:`read_bounded`:
opened with ``O_NONBLOCK`` (a FIFO cannot block the open), checked with ``fstat``
on the opened descriptor (not on the path, which can change in between), regular
files only, size-capped before a byte is read. A path that becomes a FIFO, a
device or a link to ``/dev/zero`` gets a clear :class:`FileRefused`, never a hang
or a MemoryError.

Nothing here knows about plans. :func:`pid_alive` is the one answer to "does that
process still run here?" (temp files, locks).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600

TEMP_SUFFIX = ".tmp"
TEMP_MIN_AGE = 1.0  # seconds: younger temp files are never touched
TEMP_STALE_AFTER = 3600.0  # seconds: no save takes this long, whoever wrote it
# ".NAME.PID.XXXXXXXX.tmp"; mkstemp's random part is 8 characters of [a-z0-9_].
_TEMP_RE = re.compile(r"\A\.(?P<name>.+)\.(?P<pid>[0-9]+)\.[a-z0-9_]{8}\.tmp\Z")
_OLD_TEMP_RE = re.compile(r"\A\.(?P<name>.+\.toml)\.[a-z0-9_]{8}\.tmp\Z")  # before pids


class FileRefused(OSError):
    """A file that is not read: not a regular file, or larger than allowed.

    ``strerror`` is the reason for people ("this is a directory, not a regular file");
    ``filename`` the path; ``size`` the size found when it is too large.
    """

    def __init__(
        self, path: str | os.PathLike[str], code: int, reason: str, size: int | None = None
    ) -> None:
        super().__init__(code, reason, os.fspath(path))
        self.size = size

    def __str__(self) -> str:
        return f"{self.filename}: {self.strerror}"


_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def kind_of(mode: int) -> str:
    """What a non-regular file is, for people: ``a directory``, ``a device``..."""
    return next((name for test, name in _KINDS if test(mode)), "a special file")


_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_NOCTTY", 0)
)


def read_bounded(path: str | os.PathLike[str], limit: int) -> tuple[bytes, os.stat_result]:
    """The bytes of the regular file at ``path`` (a link is followed), at most ``limit``.

    Returns the bytes and the ``fstat`` of the descriptor they were read from.
    Never blocks on a FIFO or a device and never reads more than ``limit + 1``
    bytes: anything but a regular file, or a file over ``limit`` bytes (also one
    that grows past it while being read), raises :class:`FileRefused`. Other
    failures raise OSError as ``open`` and ``read`` do, naming ``path``.
    """
    fd = os.open(path, _READ_FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            code = errno.EISDIR if stat.S_ISDIR(info.st_mode) else errno.EINVAL
            raise FileRefused(path, code, f"this is {kind_of(info.st_mode)}, not a regular file")
        _check_limit(path, info.st_size, limit)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            try:
                chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            except OSError as error:
                raise OSError(error.errno, error.strerror, os.fspath(path)) from None
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        _check_limit(path, size, limit)
        return b"".join(chunks), info
    finally:
        os.close(fd)


def _check_limit(path: str | os.PathLike[str], size: int, limit: int) -> None:
    if size > limit:
        reason = f"the file is {size:,} bytes; at most {limit:,} bytes are read"
        raise FileRefused(path, errno.EFBIG, reason, size)


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
    mode, a new one is 0600. Only a regular file of this user's is replaced: a
    FIFO or a device is never replaced, and a file of another user's is refused
    (PermissionError) rather than replaced by one of ours (its owner would
    change). On any failure the temp file is removed and the target is untouched.
    """
    target = Path(os.path.realpath(path))
    directory = target.parent
    try:
        info = os.stat(target)
    except FileNotFoundError:
        mode = FILE_MODE
    else:
        _check_replaceable(target, info)
        mode = stat.S_IMODE(info.st_mode)
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


def _check_replaceable(target: Path, info: os.stat_result) -> None:
    if not stat.S_ISREG(info.st_mode):
        reason = f"this is {kind_of(info.st_mode)}, not a regular file; it is not replaced"
        raise FileRefused(target, errno.EINVAL, reason)
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        raise PermissionError(errno.EPERM, _owner_reason(info.st_uid), str(target))


def _owner_reason(uid: int) -> str:
    return (
        f"it belongs to {user_name(uid)}: saving would replace it with a file of "
        f"{user_name(os.geteuid())}'s, so it is never written"
    )


def user_name(uid: int) -> str:
    """The login name of ``uid`` (the number when it has none)."""
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return str(uid)


@dataclass(frozen=True)
class Protection:
    """Why this user must not write a file: ``short`` for a header, ``reason`` in full."""

    short: str
    reason: str


def write_protection(path: str | os.PathLike[str]) -> Protection | None:
    """Why the file at ``path`` (a link's target) is read-only to this user, or None.

    Mode bits are intent, as vim reads them: a file without its owner's write
    bit is read-only even where a rename in its folder would succeed (and even
    for root). A file of another user is read-only because a save replaces the
    file and would change its owner. A folder without write permission (or on
    a read-only file system) cannot take the new file. A file that does not
    exist yet is judged by its folder.
    """
    target = Path(os.path.realpath(path))
    try:
        info: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as error:
        return Protection("cannot check", f"{target} cannot be checked ({error.strerror})")
    euid = os.geteuid() if hasattr(os, "geteuid") else None
    if info is not None:
        mode = stat.S_IMODE(info.st_mode)
        if not stat.S_ISREG(info.st_mode):
            return Protection("not a file", f"{target} is {kind_of(info.st_mode)}")
        if euid is not None and info.st_uid != euid:
            return Protection(f"owned by {user_name(info.st_uid)}", _owner_reason(info.st_uid))
        if not mode & stat.S_IWUSR:
            return Protection(
                f"mode {mode:04o}", f"you have no write permission on it (mode {mode:04o})"
            )
    folder = target.parent
    try:
        folder_info = os.stat(folder)
    except OSError as error:
        return Protection("no folder", f"its folder {folder} cannot be reached ({error.strerror})")
    read_only_fs = bool(getattr(os, "ST_RDONLY", 0) and _statvfs_flags(folder) & os.ST_RDONLY)
    if read_only_fs:
        return Protection("read-only disk", f"its folder {folder} is on a read-only file system")
    if (
        euid is not None and folder_info.st_uid == euid and not folder_info.st_mode & stat.S_IWUSR
    ) or (not os.access(folder, os.W_OK | os.X_OK)):
        return Protection("folder read-only", f"you cannot create files in its folder {folder}")
    return None


def _statvfs_flags(folder: Path) -> int:
    try:
        return os.statvfs(folder).f_flag
    except (OSError, AttributeError):
        return 0


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
    """A sentence when the file (a link's target) is writable by group or others, else
    None. Only a regular file gets one: a directory or a FIFO is no plan, and its
    own error says so (``chmod 600`` would make a directory unusable)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    mode = stat.S_IMODE(info.st_mode)
    who = [name for bit, name in ((stat.S_IWGRP, "group"), (stat.S_IWOTH, "others")) if mode & bit]
    if not who:
        return None
    return (
        f"{path} is writable by {' and '.join(who)} (mode {mode:04o}); "
        f"anyone who can write it can change your plan. Fix: chmod 600 {path}"
    )
