"""Backups: the version of a plan before a session first changed it.

Before the first save of each plan in a session (:meth:`socialtui.session.Session.save`)
the file on disk is copied to::

    <data>/backups/<folder>/<UTC timestamp>.toml      e.g. 20261122T103015.123456Z.toml

``<folder>`` is the plan's file stem for plans in ``<data>/plans`` and
``<data>/archive`` (so archiving keeps them) and ``<stem>-<8 hex digits>`` (a
hash of the plan's real path) for plans anywhere else, so two ``plan.toml``
files in different folders never share (and prune) each other's backups.
Backups are 0600 in 0700 folders whatever the umask. The newest ``KEEP`` (20)
per plan are kept. A backup identical to the newest one is not made twice.

:func:`restore` first backs up the current file, so a restore can be undone by
restoring that backup (it is then number 1, the newest). Nothing here imports
textual, rich or tomlkit.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from socialtui.paths import archive_dir, backups_dir, plans_dir
from socialtui.safe import clean
from socialtui.store.files import ensure_dir, read_bounded, write_atomic, write_protection
from socialtui.store.folder import resolve_plan
from socialtui.store.read import MAX_PLAN_BYTES

KEEP = 20

_NAME_RE = re.compile(r"\A(?P<stamp>\d{8}T\d{6})\.(?P<micro>\d{6})Z(?:-(?P<n>\d+))?\.toml\Z")
_SAFE_RE = re.compile(r"[^A-Za-z0-9._-]")


@dataclass(frozen=True)
class Backup:
    """One backup file. ``time`` is when it was taken (UTC, timezone-aware)."""

    path: Path
    time: datetime
    size: int

    def read_bytes(self) -> bytes:
        """The backup's bytes, bounded like every read of a plan (FileRefused, OSError)."""
        return read_bounded(self.path, MAX_PLAN_BYTES)[0]


@dataclass(frozen=True)
class Restored:
    """What :func:`restore` did. ``undo`` is the backup of the replaced file (None: no file)."""

    plan: Path
    source: Path
    undo: Path | None


def folder_for(plan_path: str | os.PathLike[str], data: str | os.PathLike[str]) -> Path:
    """The backup folder of the plan at ``plan_path`` (see the module docstring)."""
    path = Path(os.path.abspath(plan_path))
    stem = path.stem if path.suffix == ".toml" else path.name
    home = {os.path.abspath(d(data)) for d in (plans_dir, archive_dir)}
    if str(path.parent) in home and _clean_name(stem):
        return backups_dir(data) / stem
    return _hashed_folder(path, data)


def _clean_name(stem: str) -> bool:
    """A stem that is a fine folder name as it is: no control or bidi character, no
    leading dot, no separator, NFC (what :func:`socialtui.store.folder.file_stem` makes)."""
    return (
        bool(stem)
        and not stem.startswith(".")
        and clean(stem) == stem
        and "\\" not in stem
        and unicodedata.is_normalized("NFC", stem)
    )


def _hashed_folder(path: Path, data: str | os.PathLike[str]) -> Path:
    safe = _SAFE_RE.sub("_", path.stem if path.suffix == ".toml" else path.name).lstrip(".")
    digest = hashlib.sha256(os.path.realpath(path).encode("utf-8", "surrogateescape"))
    return backups_dir(data) / f"{safe or 'plan'}-{digest.hexdigest()[:8]}"


def _folders(plan_path: str | os.PathLike[str], data: str | os.PathLike[str]) -> list[Path]:
    """Where the plan's backups are: its folder, and the one older versions used
    for a plan in ``plans/`` whose name is not plain ASCII (hashed)."""
    folder = folder_for(plan_path, data)
    legacy = _hashed_folder(Path(os.path.abspath(plan_path)), data)
    return [folder] if legacy == folder else [folder, legacy]


def _key(name: str) -> tuple[str, str, int] | None:
    match = _NAME_RE.match(name)
    if not match:
        return None
    return match.group("stamp"), match.group("micro"), int(match.group("n") or 0)


def _entries(folder: Path) -> list[tuple[tuple[str, str, int], Path]]:
    """The backups in ``folder``, oldest first."""
    found = []
    try:
        names = os.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return []
    for name in names:
        key = _key(name)
        if key is not None and (folder / name).is_file():
            found.append((key, folder / name))
    found.sort()
    return found


def _next_name(entries: list[tuple[tuple[str, str, int], Path]]) -> str:
    now = datetime.now(UTC)
    key = (now.strftime("%Y%m%dT%H%M%S"), f"{now.microsecond:06d}", 0)
    if entries and key <= entries[-1][0]:  # same microsecond, or the clock went back
        stamp, micro, n = entries[-1][0]
        key = (stamp, micro, n + 1)
    stamp, micro, n = key
    return f"{stamp}.{micro}Z{f'-{n}' if n else ''}.toml"


def snapshot(
    path: str | os.PathLike[str], data: str | os.PathLike[str], *, keep: int = KEEP
) -> Path | None:
    """Copy the plan file at ``path`` (a link's target) to its backup folder.

    Returns the backup, the existing newest backup when that one already holds
    the same bytes, or None when ``path`` does not exist. Keeps the newest
    ``keep`` backups of the plan. Raises OSError when the copy cannot be made,
    FileRefused (an OSError) when ``path`` is not a regular file of plan size:
    a FIFO or a device is never read, let alone backed up.
    """
    try:
        content = read_bounded(path, MAX_PLAN_BYTES)[0]
    except FileNotFoundError:
        return None
    folder = ensure_dir(folder_for(path, data))
    entries = _entries(folder)
    if entries:
        newest = entries[-1][1]
        with contextlib.suppress(OSError):
            if read_bounded(newest, MAX_PLAN_BYTES)[0] == content:
                return newest
    target = folder / _next_name(entries)
    write_atomic(target, content)
    prune(folder, keep)
    return target


def prune(folder: str | os.PathLike[str], keep: int = KEEP) -> list[Path]:
    """Remove all but the newest ``keep`` backups in ``folder``; return what was removed."""
    entries = _entries(Path(folder))
    removed = []
    for _, old in entries[: max(0, len(entries) - max(1, keep))]:
        with contextlib.suppress(FileNotFoundError):
            old.unlink()
            removed.append(old)
    return removed


def _time_of(key: tuple[str, str, int]) -> datetime:
    stamp, micro, _ = key
    moment = datetime.strptime(stamp, "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
    return moment.replace(microsecond=int(micro))


def list_backups(path_or_name: str | os.PathLike[str], data: str | os.PathLike[str]) -> list:
    """The backups of a plan (a path, or a plan name in the data directory), newest first.

    Works when the plan file itself is gone. Returns a list of :class:`Backup`.
    """
    if isinstance(path_or_name, str):
        path = resolve_plan(path_or_name, Path(data))
    else:
        path = Path(path_or_name)
    out = []
    entries = sorted(e for folder in _folders(path, data) for e in _entries(folder))
    for key, file in reversed(entries):
        try:
            size = file.stat().st_size
        except OSError:
            continue
        out.append(Backup(path=file, time=_time_of(key), size=size))
    return out


def restore(
    backup_path: str | os.PathLike[str],
    plan_path: str | os.PathLike[str],
    data: str | os.PathLike[str],
) -> Restored:
    """Put the backup's content back in the plan file, after backing up the current file.

    The write is atomic (:func:`socialtui.store.files.write_atomic`): a symlinked plan
    stays a link, an existing file keeps its mode, a new one is 0600. The
    backup's bytes are written as they are, even if they do not load as a plan
    (the caller can say so; :func:`socialtui.store.read.loads_bytes` tells). Raises
    OSError when the backup cannot be read or the plan cannot be written
    (PermissionError, saying why, for a plan this user must not write:
    :func:`socialtui.store.files.write_protection`), and
    FileRefused when either is not a regular file (a plan replaced by a FIFO is
    not backed up, read or replaced).
    """
    protection = write_protection(plan_path)
    if protection is not None:
        raise PermissionError(errno.EACCES, protection.reason, os.fspath(plan_path))
    content = read_bounded(backup_path, MAX_PLAN_BYTES)[0]  # before the snapshot can prune it
    undo = snapshot(plan_path, data)
    target = Path(os.path.realpath(plan_path))
    if not target.parent.exists():
        ensure_dir(target.parent)
    write_atomic(plan_path, content)
    return Restored(plan=Path(plan_path), source=Path(backup_path), undo=undo)
