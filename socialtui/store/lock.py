"""Who has a plan open: a small lock file next to the plan, readable by people.

The plan file itself is never locked: a save renames a new file over it, which
would drop any lock held on it. Instead ``<plan dir>/.<plan file>.lock`` (found
through symlinks, so two paths to one plan share one lock) holds JSON naming
the session: which program (``app``, or a command such as ``checkin``), pid,
user, host, start time and a random token. It is created
atomically: the JSON is written to a private temp file first and hard-linked
into place (the link fails when a lock exists, also on NFS); where hard links
are not supported, ``O_CREAT | O_EXCL`` is used. A reader never sees half a
lock.

A lock whose process is gone is stale and may be taken: same host and the pid
is not alive (``os.kill(pid, 0)`` raises ProcessLookupError), or the pid now
belongs to a process that started after the lock was written (a reused pid).
A lock from another host is never judged stale: we cannot see its processes,
so only a person may take it over (:func:`take_over`). A lock file that is not
a lock at all (garbage, empty: socialtui never writes one, but a crash of the
``O_EXCL`` fallback or a hand edit can) is stale once it is ``GARBLED_GRACE``
seconds old; one we may not read (another user's) is held by its owner.

Advisory only: a hand edit or ``git pull`` ignores it. The app's check of the
file's identity and content before every save is the safety net.

Nothing here imports textual or rich.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import json
import os
import socket
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from socialtui.store.files import FILE_MODE, FileRefused, pid_alive, read_bounded, user_name

__all__ = ["Holder", "Lock", "LockError", "acquire", "lock_path", "read_holder", "take_over"]

SUFFIX = ".lock"
APP = "app"
GARBLED_GRACE = 10.0  # seconds: a garbled lock younger than this may be half-written
# Slack when comparing a process's start time with the lock's (clock ticks, rounding).
REUSE_SLACK = 5.0
MAX_LOCK_BYTES = 4096  # a lock socialtui writes is about 200 bytes


class LockError(OSError):
    """The lock file could not be created or read (not: it is held by someone)."""


@dataclass(frozen=True)
class Holder:
    """Who holds a lock, as written in the lock file (fields may be unknown)."""

    pid: int | None
    user: str
    host: str
    started: datetime | None
    token: str = ""
    garbled: bool = False  # the file is there but holds no lock we can read
    program: str = APP
    """What holds it: ``app`` (the full-screen app) or a command's name (``checkin``).
    A lock written before locks said so was the app's."""

    @property
    def is_command(self) -> bool:
        """A headless command (``checkin``, ``restore``): it lets go within moments."""
        return self.program != APP

    @property
    def same_host(self) -> bool:
        return self.host == _hostname()

    def since(self, now: datetime | None = None) -> str:
        """The start time for people: ``10:42`` today, else ``2026-11-21 10:42``."""
        if self.started is None:
            return "an unknown time"
        local = self.started.astimezone()
        now = now or datetime.now().astimezone()
        if local.date() == now.date():
            return local.strftime("%H:%M")
        return local.strftime("%Y-%m-%d %H:%M")

    def describe(self) -> str:
        """``ana@box pid 123 since 10:42``: short enough for an 80-column header."""
        host = self.host.split(".")[0] or "?"
        who = f"{self.user or '?'}@{host}"
        if self.pid is None:
            return f"{who} (unknown process)"
        return f"{who} pid {self.pid} since {self.since()}"

    def program_name(self) -> str:
        """``the socialtui app`` or ``socialtui checkin``: which kind of program."""
        return f"socialtui {self.program}" if self.is_command else "the socialtui app"


@dataclass
class Lock:
    """A lock this process holds. Release it when the plan is closed."""

    path: Path
    holder: Holder
    released: bool = False

    def _ours(self) -> bool:
        current = read_holder(self.path)
        return current is not None and current.token == self.holder.token

    def still_held(self) -> bool:
        """True while the lock file is still ours (nobody took it over or removed it)."""
        return not self.released and self._ours()

    def release(self) -> None:
        """Remove the lock file if it is still ours. Safe to call twice."""
        if self.released:
            return
        self.released = True
        with contextlib.suppress(OSError):
            if self._ours():
                os.unlink(self.path)

    def __enter__(self) -> Lock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


# -- where ------------------------------------------------------------------------------------


def lock_path(plan: str | os.PathLike[str]) -> Path:
    """The lock file of ``plan``: ``.<name>.lock`` next to the real file."""
    target = Path(os.path.realpath(plan))
    return target.parent / f".{target.name}{SUFFIX}"


# -- reading ----------------------------------------------------------------------------------


def _hostname() -> str:
    return socket.gethostname()


def _username() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (containers): the uid will do
        return str(os.getuid())


def _owner_name(path: Path) -> str:
    try:
        return user_name(os.stat(path).st_uid)
    except OSError:
        return ""


def read_holder(path: str | os.PathLike[str]) -> Holder | None:
    """The holder named in lock file ``path``; None when there is no lock file.

    An unreadable or garbled lock (another user's 0600 file, a hand edit) gives a
    Holder with unknown fields: it is held, but nobody can say by whom.
    """
    path = Path(path)
    try:
        raw, _ = read_bounded(path, MAX_LOCK_BYTES)
    except FileNotFoundError:
        return None
    except FileRefused:  # a FIFO or a huge file is no lock socialtui wrote
        return Holder(pid=None, user=_owner_name(path), host="", started=None, garbled=True)
    except OSError:
        return Holder(pid=None, user=_owner_name(path), host="", started=None)
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not an object")
    except ValueError:
        return Holder(pid=None, user=_owner_name(path), host="", started=None, garbled=True)
    pid = data.get("pid")
    started: datetime | None = None
    with contextlib.suppress(TypeError, ValueError):
        started = datetime.fromisoformat(str(data.get("started")))
        if started.tzinfo is None:
            started = started.astimezone()
    return Holder(
        pid=pid if isinstance(pid, int) and not isinstance(pid, bool) and pid > 0 else None,
        user=str(data.get("user") or "")[:64],
        host=str(data.get("host") or "")[:255],
        started=started,
        token=str(data.get("token") or "")[:64],
        program=_program(data.get("program")),
    )


def _program(value: object) -> str:
    """The ``program`` of a lock file: a short lowercase word, else the app's."""
    text = str(value or APP)
    return text if text.isascii() and text.isalpha() and len(text) <= 20 else APP


# -- is it alive ----------------------------------------------------------------------------


def _process_start(pid: int) -> float | None:
    """When process ``pid`` started (epoch seconds), from /proc; None if unknown."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        fields = stat[stat.rindex(")") + 2 :].split()
        ticks = int(fields[19])  # field 22 overall: starttime in clock ticks since boot
        with open("/proc/stat") as handle:
            btime = next(int(line.split()[1]) for line in handle if line.startswith("btime"))
        return btime + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return None


def is_stale(holder: Holder, path: str | os.PathLike[str] | None = None) -> bool:
    """True only when we can see that the holding process is gone.

    Another host: never. An unreadable lock: never. A garbled one (``path`` given):
    once it is ``GARBLED_GRACE`` seconds old.
    """
    if holder.garbled:
        if path is None:
            return False
        try:
            return time.time() - os.stat(path).st_mtime > GARBLED_GRACE
        except OSError:
            return False
    if holder.pid is None or not holder.host or not holder.same_host:
        return False
    if holder.pid == os.getpid():
        return False  # this process: another session inside it (tests) still holds it
    if not pid_alive(holder.pid):
        return True
    if holder.started is not None:
        began = _process_start(holder.pid)
        if began is not None and began > holder.started.timestamp() + REUSE_SLACK:
            return True  # the pid was reused by a process younger than the lock
    return False


# -- taking --------------------------------------------------------------------------------


def _content(program: str = APP) -> tuple[Holder, bytes]:
    holder = Holder(
        pid=os.getpid(),
        user=_username(),
        host=_hostname(),
        started=datetime.now().astimezone().replace(microsecond=0),
        token=uuid.uuid4().hex,
        program=program,
    )
    data = {
        "app": "socialtui",
        "program": program,
        "pid": holder.pid,
        "user": holder.user,
        "host": holder.host,
        "started": holder.started.isoformat() if holder.started else None,
        "token": holder.token,
    }
    return holder, (json.dumps(data, indent=1) + "\n").encode("utf-8")


def _temp_with(directory: Path, data: bytes) -> str:
    # The shape of write_atomic's temp files, so a starting session cleans orphans.
    prefix = f".socialtui-lock.{os.getpid()}."
    fd, temp = tempfile.mkstemp(dir=directory, prefix=prefix, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            os.fchmod(handle.fileno(), FILE_MODE)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return temp


def _create(path: Path, data: bytes) -> bool:
    """Create the lock file holding ``data``; False when one already exists."""
    temp = _temp_with(path.parent, data)
    try:
        os.link(temp, path)
        return True
    except FileExistsError:
        return False
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)
    # No hard links here: O_EXCL (a reader may briefly see an empty file).
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return False
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    return True


def _remove_stale(path: Path, stale: Holder) -> None:
    """Move the stale lock aside and delete it, unless a fresh one slipped in."""
    aside = path.with_name(f"{path.name}.stale-{uuid.uuid4().hex[:8]}")
    try:
        os.rename(path, aside)
    except FileNotFoundError:
        return
    moved = read_holder(aside)
    if moved is not None and moved.token == stale.token and moved.pid == stale.pid:
        with contextlib.suppress(OSError):
            os.unlink(aside)
        return
    # We moved a lock that another session created a moment ago: put it back.
    with contextlib.suppress(OSError):
        os.link(aside, path)
    with contextlib.suppress(OSError):
        os.unlink(aside)


def acquire(plan: str | os.PathLike[str], program: str = APP) -> Lock | Holder:
    """Lock ``plan`` for this process: a Lock, or the Holder of a live lock.

    ``program`` goes into the lock file: ``app``, or the command's name, so that
    a refusal can say which kind of program holds the plan.

    A stale lock (see :func:`is_stale`) is replaced. Raises LockError when the
    lock file cannot be created at all (a read-only or missing directory: no
    directory is created here).
    """
    path = lock_path(plan)
    try:
        for _attempt in range(5):
            holder, data = _content(program)
            if _create(path, data):
                return Lock(path, holder)
            current = read_holder(path)
            if current is None:
                continue  # released between our attempt and the read: try again
            if not is_stale(current, path):
                return current
            _remove_stale(path, current)
        current = read_holder(path)
        if current is not None:
            return current
    except OSError as error:
        raise LockError(error.errno, f"cannot lock {path}: {error.strerror or error}") from error
    raise LockError(errno.EAGAIN, f"cannot lock {path}: it keeps changing")


def take_over(plan: str | os.PathLike[str], program: str = APP) -> Lock:
    """Take the lock of ``plan`` whoever holds it (a person decided). Atomic replace."""
    path = lock_path(plan)
    try:
        holder, data = _content(program)
        temp = _temp_with(path.parent, data)
        try:
            os.replace(temp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
    except OSError as error:
        raise LockError(error.errno, f"cannot lock {path}: {error.strerror or error}") from error
    return Lock(path, holder)


def wait_released(plan: str | os.PathLike[str], timeout: float) -> bool:
    """Wait up to ``timeout`` seconds for the lock of ``plan`` to go away (tests)."""
    deadline = time.monotonic() + timeout
    path = lock_path(plan)
    while time.monotonic() < deadline:
        if not path.exists():
            return True
        time.sleep(0.05)
    return not path.exists()
