"""A session: one run of a program that edits plans, the app or a headless command.

Every write of a plan goes through here, on one path::

    session = Session.start(data)               # cleans leftover temp files
    held = session.hold(path)                   # lock, then load
    held.save(plan)                             # lock still ours? file unchanged? backup, write
    held.release()

or, headless, ``with session.editing(path) as held: held.load() ...``, which
refuses with :class:`PlanHeld` while another live session holds the plan. The app attaches
a plan it already loaded (:meth:`Session.attach`) and calls
:meth:`HeldPlan.take_lock` itself, so that it can open the plan read-only
when someone else has it.

What :meth:`HeldPlan.save` guarantees, in this order:

1. the plan's lock is still ours; a lock file that was removed is taken again,
   one that another session took over raises :class:`LockLost` (nothing written);
2. the file is what this session read or last saved (its content hash decides:
   inode, size and mtime alone give false alarms on ``touch`` and miss
   same-size edits within one mtime tick); otherwise :class:`ChangedOnDisk`;
3. before the first save of each plan in the session, the version on disk is
   copied to the backups folder (:mod:`socialtui.store.backup`); if that copy
   cannot be made, nothing is written (SaveError);
4. the plan is written in place, comments kept, atomically
   (:func:`socialtui.store.write.save`).

Saves of one plan are serialized (a lock per :class:`HeldPlan`), so a worker
thread may save while the screen goes on. Imports socialtui.store only.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from socialtui import paths
from socialtui.plan.model import Plan
from socialtui.store import backup, crash, lock
from socialtui.store.errors import ReadOnlyError, SaveError
from socialtui.store.files import (
    Protection,
    clean_temp_files,
    kind_of,
    write_atomic,
    write_protection,
)
from socialtui.store.read import BOM, MAX_PLAN_BYTES, LoadedPlan, changed_on_disk, load
from socialtui.store.schema import ARRAYS, SECTIONS
from socialtui.store.write import check_writable, save, save_text

__all__ = ["ChangedOnDisk", "HeldPlan", "LockLost", "PlanHeld", "Session"]


class ChangedOnDisk(Exception):
    """The plan file is not what this session read or last saved (or it is gone).

    ``reason`` says more when the path is no longer a plan-sized regular file
    (replaced by a FIFO, a device, a huge file): None for an ordinary change.
    """

    def __init__(self, gone: bool, reason: str | None = None) -> None:
        super().__init__(f"the plan changed on disk{f': {reason}' if reason else ''}")
        self.gone = gone
        self.reason = reason


class LockLost(Exception):
    """Another session took the plan over."""

    def __init__(self, holder: lock.Holder | None) -> None:
        super().__init__("another session took the plan over")
        self.holder = holder


class PlanHeld(Exception):
    """Another live session holds the plan (see ``holder``)."""

    def __init__(self, path: Path, holder: lock.Holder) -> None:
        super().__init__(
            f"{path} is open in another session ({holder.program_name()}, {holder.describe()})"
        )
        self.path = path
        self.holder = holder


KEPT_VERSIONS = 64
"""How many versions of a file a session remembers for undo (texts of up to 2 MB each)."""

COMMAND_WAIT = 2.0
"""Seconds a headless command waits for another command's lock before refusing."""


_HELD_SIGNALS = {signal.SIGHUP, signal.SIGTERM, signal.SIGINT}


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """SIGHUP, SIGTERM and SIGINT wait (on the main thread) until the block is done.

    A headless command interrupted by one unwinds through ``finally`` blocks
    (socialtui.cli.main); held here, it can never land between a lock file
    being made and this session noting it, nor in the middle of a release:
    an interrupted command never leaves its lock behind.
    """
    mask = getattr(signal, "pthread_sigmask", None)
    if mask is None or threading.current_thread() is not threading.main_thread():
        yield
        return
    before = mask(signal.SIG_BLOCK, _HELD_SIGNALS)
    try:
        yield
    finally:
        mask(signal.SIG_SETMASK, before)


class Session:
    """One run of a program that edits plans. Safe to use from worker threads."""

    def __init__(
        self, data: str | os.PathLike[str], *, locking: bool = True, program: str = lock.APP
    ) -> None:
        self.data = Path(data)
        self.locking = locking
        """False: plans are never locked (tests that open one plan twice)."""
        self.program = program
        """``app``, or the headless command's name: written in its locks."""
        self._backed_up: dict[str, Path | None] = {}
        self._cleaned: set[str] = set()
        self._lock = threading.Lock()

    @classmethod
    def start(
        cls,
        data: str | os.PathLike[str],
        plan: str | os.PathLike[str] | None = None,
        *,
        locking: bool = True,
        program: str = lock.APP,
    ) -> Session:
        """A new session, after removing the temp files that killed saves left behind.

        Cleans the data directory, its plans and backup folders, the config
        folder, and the folder of ``plan`` (a link's target's) when one is
        given. Creates nothing. Never raises for a missing or unreadable folder.
        """
        session = cls(data, locking=locking, program=program)
        data = Path(data)
        folders = [data, paths.plans_dir(data)]
        with contextlib.suppress(OSError):
            folders += [
                Path(e.path)
                for e in os.scandir(paths.backups_dir(data))
                if e.is_dir(follow_symlinks=False)
            ]
        with contextlib.suppress(Exception):
            folders.append(paths.config_dir())
        if plan is not None:
            folders.append(Path(os.path.realpath(plan)).parent)
        for folder in folders:
            session.clean(folder)
        return session

    def clean(self, directory: str | os.PathLike[str]) -> list[Path]:
        """Remove leftover temp files in ``directory``, once per session."""
        key = os.path.realpath(directory)
        with self._lock:
            if key in self._cleaned:
                return []
            self._cleaned.add(key)
        return clean_temp_files(key)

    def load(self, path: str | os.PathLike[str]) -> LoadedPlan:
        """:func:`~socialtui.store.read.load`, after cleaning the temp files next to
        the plan (its link's target)."""
        self.clean(Path(os.path.realpath(path)).parent)
        return load(path)

    def backup_once(self, path: str | os.PathLike[str]) -> Path | None:
        """Snapshot ``path`` unless this session already did; the backup (or None)."""
        key = os.path.realpath(path)
        with self._lock:
            if key in self._backed_up:
                return self._backed_up[key]
            try:
                made = backup.snapshot(path, self.data)
            except OSError as error:
                reason = error.strerror or str(error)
                raise SaveError(
                    f"{path}: cannot back up the current version before saving "
                    f"({error.filename or paths.backups_dir(self.data)}: {reason}); "
                    "nothing was written"
                ) from error
            self._backed_up[key] = made
            return made

    def save(self, loaded: LoadedPlan, plan: Plan, text: str | None = None) -> LoadedPlan:
        """Back the file up if this is its first save in the session, then save
        (``text``: a text of this file known to hold ``plan``, written as it is).

        No lock or changed-on-disk check: :meth:`HeldPlan.save` adds those.
        """
        if loaded.read_only:
            raise ReadOnlyError(
                f"{loaded.path} is read-only: its schema is newer than this app knows"
            )
        if plan == loaded.plan:
            return loaded
        check_writable(loaded.path)  # before the backup: nothing happens at all
        self.backup_once(loaded.path)
        if text is not None:
            return save_text(loaded, plan, text)
        return save(loaded, plan)

    def attach(self, loaded: LoadedPlan) -> HeldPlan:
        """A plan this program already loaded, not yet locked (see :meth:`HeldPlan.take_lock`)."""
        return HeldPlan(self, loaded)

    def hold(self, path: str | os.PathLike[str]) -> HeldPlan:
        """Lock the plan at ``path`` (when this session locks at all), then load it.

        Whether the lock was had is in the result (``holds_lock``, ``holder``);
        a plan that cannot be read releases its lock and raises.
        """
        held = HeldPlan(self, None, Path(path))
        if self.locking:
            held.take_lock()
        try:
            held.load()
        except BaseException:
            held.release()
            raise
        return held

    @contextlib.contextmanager
    def editing(
        self, path: str | os.PathLike[str], wait: float = COMMAND_WAIT
    ) -> Iterator[HeldPlan]:
        """Hold the plan's lock while a headless command changes it (it calls
        :meth:`HeldPlan.load` when it needs the plan); PlanHeld while another
        live session has it open. Another headless command lets go within
        moments, so its lock is waited for, up to ``wait`` seconds; the app's is
        not. Where no lock can be made at all (a read-only folder) the command
        goes on: the write will say why it cannot be made."""
        held = HeldPlan(self, None, Path(path))
        try:
            if self.locking:
                held.take_lock()
                deadline = time.monotonic() + wait
                while held.holder is not None and held.holder.is_command:
                    if time.monotonic() >= deadline:
                        break
                    time.sleep(0.05)
                    held.take_lock()
            if held.holder is not None:
                raise PlanHeld(held.path, held.holder)
            yield held
        finally:
            held.release()


class HeldPlan:
    """A plan this session has open: what it read or last saved, and its lock.

    ``loaded`` is what is on disk as far as this session knows; ``lock`` the
    lock this session holds (None: not locked); ``holder`` the live session
    holding it instead (then the plan is read-only here); ``lock_error`` why
    no lock could be made at all.
    """

    def __init__(
        self, session: Session, loaded: LoadedPlan | None, path: Path | None = None
    ) -> None:
        self.session = session
        self.loaded: LoadedPlan = loaded  # type: ignore[assignment]  # set by Session.hold
        self._path = path if path is not None else loaded.path  # type: ignore[union-attr]
        self.lock: lock.Lock | None = None
        self.holder: lock.Holder | None = None
        self.lock_error: lock.LockError | None = None
        self.protection: Protection | None = None
        """Why this user must not write the plan (mode, owner, folder), or None."""
        self._save_lock = threading.Lock()
        self._versions: list[LoadedPlan] = []
        """What this session read or wrote of the file since it was last read, newest
        last: an undo back to one of them writes its text as it was."""
        if loaded is not None:
            self.protection = write_protection(loaded.path)
            self._seen(loaded)

    def _seen(self, loaded: LoadedPlan, *, fresh: bool = False) -> LoadedPlan:
        if fresh:
            self._versions.clear()
        self._versions = [*self._versions[-(KEPT_VERSIONS - 1) :], loaded]
        return loaded

    def _known_text(self, plan: Plan) -> str | None:
        for version in reversed(self._versions):
            if version.plan == plan:
                return version.text
        return None

    def _closest(self, plan: Plan) -> LoadedPlan:
        """The version ``plan`` is the smallest edit of (the newest on a tie): an
        edit made after an undo is made on the text the undo went back to."""
        best, fewest = self.loaded, _difference(self.loaded.plan, plan)
        for version in reversed(self._versions):
            differences = _difference(version.plan, plan)
            if differences < fewest:
                best, fewest = version, differences
        return best

    @property
    def path(self) -> Path:
        return self.loaded.path if self.loaded is not None else self._path

    @property
    def holds_lock(self) -> bool:
        return self.lock is not None

    @property
    def read_only(self) -> bool:
        """Never written: a newer format, a file this user must not write, or another
        live session holds it."""
        return self.loaded.read_only or self.protection is not None or self.holder is not None

    # -- the lock -------------------------------------------------------------------
    def take_lock(self) -> bool:
        """Try to lock the plan (again): True when this session holds it now.

        A live holder is noted in ``holder``; a lock that cannot be made at all
        in ``lock_error`` (the plan stays writable: nobody else can lock it
        either). Safe to call again to retry.
        """
        self.release()
        self.holder, self.lock_error = None, None
        with _signals_held():  # a lock file made is a lock file noted
            try:
                got = lock.acquire(self.path, self.session.program)
            except lock.LockError as error:
                self.lock_error = error
                return False
            if isinstance(got, lock.Lock):
                self.lock = got
                return True
        self.holder = got
        return False

    def take_over(self) -> None:
        """Take the lock whoever holds it (a person decided). Raises LockError."""
        taken = lock.take_over(self.path, self.session.program)
        self.lock, self.holder = taken, None

    def release(self) -> None:
        """Give up the lock (quit, crash, another plan). Safe to call twice."""
        with _signals_held():
            if self.lock is not None:
                self.lock.release()
                self.lock = None

    def _check_lock(self) -> None:
        """The lock is still ours, or is ours again; LockLost when it was taken over.

        A lock that could not be made at all (a full disk at start) is tried
        again at every save: one failure never leaves the whole session unlocked.
        If someone else took it meanwhile, that is LockLost too.
        """
        if self.lock is None:
            retry = self.lock_error is not None and self.session.locking
            if retry and not self.take_lock() and self.holder is not None:
                holder, self.holder = self.holder, None
                raise LockLost(holder)
            return
        if self.lock.still_held():
            return
        holder = lock.read_holder(self.lock.path)
        again = lock.acquire(self.path, self.session.program) if holder is None else holder
        if not isinstance(again, lock.Lock):  # taken over, not just removed
            self.lock = None
            raise LockLost(again)
        self.lock = again

    # -- the file ---------------------------------------------------------------------
    def load(self) -> LoadedPlan:
        """Read the plan (cleaning leftover temp files next to it first)."""
        self.loaded = self._seen(self.session.load(self.path), fresh=True)
        self.protection = write_protection(self.loaded.path)
        return self.loaded

    def adopt(self, loaded: LoadedPlan) -> None:
        """Make ``loaded`` (read afresh, or another file) what this session holds;
        versions remembered of the file before it are forgotten."""
        self.loaded = self._seen(loaded, fresh=True)

    def changed_on_disk(self) -> bool:
        return changed_on_disk(self.loaded)

    def _changed(self) -> ChangedOnDisk:
        """What became of the file, for :class:`ChangedOnDisk`."""
        path = self.loaded.path
        try:
            info = os.stat(path)
        except FileNotFoundError:
            return ChangedOnDisk(gone=True)
        except OSError as error:
            return ChangedOnDisk(gone=False, reason=f"it cannot be read ({error.strerror})")
        if not stat.S_ISREG(info.st_mode):
            return ChangedOnDisk(gone=False, reason=f"it is now {kind_of(info.st_mode)}")
        if info.st_size > MAX_PLAN_BYTES:
            return ChangedOnDisk(gone=False, reason=f"it is now {info.st_size:,} bytes")
        return ChangedOnDisk(gone=False)

    def save(self, plan: Plan) -> LoadedPlan:
        """Save ``plan`` if the plan is still ours and unchanged on disk (any thread).

        Raises LockLost, ChangedOnDisk, ReadOnlyError, SaveError (nothing
        written) or OSError.
        """
        with self._save_lock:
            if plan == self.loaded.plan:
                return self.loaded
            self._check_lock()
            if self.changed_on_disk():
                raise self._changed()
            known = self._known_text(plan)
            base = self.loaded if known is not None else self._closest(plan)
            self.loaded = self._seen(self.session.save(base, plan, known))
            return self.loaded

    def overwrite(self, plan: Plan) -> LoadedPlan:
        """Write ``plan`` whatever is on disk now; that version is backed up first."""
        check_writable(self.path)
        backup.snapshot(self.path, self.session.data)
        with self._save_lock:
            if plan == self.loaded.plan:  # nothing to apply: write the text we read
                data = (BOM if self.loaded.bom else "") + self.loaded.text
                write_atomic(self.loaded.path, data.encode("utf-8"))
                self.loaded = self._seen(load(self.loaded.path), fresh=True)
            else:
                self.loaded = self._seen(self.session.save(self.loaded, plan), fresh=True)
            return self.loaded

    def reload(self) -> LoadedPlan:
        """What is on disk now (the caller decides what becomes of its edits)."""
        return self.load()

    def write_copy(self, plan: Plan, label: str = "unsaved") -> Path:
        """``plan`` as a new file next to the plan (comments kept); never the plan itself."""
        return crash.write_copy(self.loaded, plan, label, data=self.session.data)


def _difference(a: Plan, b: Plan) -> int:
    """How many tables and items differ between two versions of a plan."""
    count = sum(getattr(a, name) != getattr(b, name) for name in ("schema", "name", *SECTIONS))
    for name in ARRAYS:
        old, new = getattr(a, name), getattr(b, name)
        if old == new:  # unchanged arrays are shared between versions: quick
            continue
        key = "week" if name == "checkins" else "id"
        before = {getattr(item, key): item for item in old}
        after = {getattr(item, key): item for item in new}
        count += sum(before.get(k) != after.get(k) for k in before.keys() | after.keys())
    return count
