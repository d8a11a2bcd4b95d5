"""When things go wrong: crash logs and copies of edits that could not be saved.

A crash log goes to the user log directory (:func:`socialtui.paths.log_dir`;
``$SOCIALTUI_LOG_DIR`` overrides it), in a 0700 directory, as a 0600 file: a
traceback is private (it names paths) and a shared server has other readers.
Locals are never written.

A copy of edits that could not be saved (a crash, a reload, a take-over:
``NAME.unsaved-YYYYMMDD-HHMMSS.toml``; a conflict's "save as a copy":
``NAME.copy-….toml``) is the user's own file with the edits applied, comments
kept, 0600. It goes to ``<data>/recovered/`` (:func:`copy_path`), out of the
plans folder so that no list, picker or ``check`` takes it for a plan, where
``socialtui restore`` lists it (:func:`list_copies`). NAME is the plan's file
stem for plans in ``plans/`` and ``archive/``; for a plan opened by path from
anywhere else (a git checkout) it is the stem and 8 hex digits of a hash of its
real path (``plan-1a2b3c4d``), as its backups' folder is named, so two
``plan.toml`` in different folders keep apart and nothing is written into the
checkout. When ``recovered/`` cannot be written, the copy goes next to the plan,
as older versions did; :func:`list_copies` looks there too.

Nothing here imports textual or rich.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import platform
import re
import stat
import sys
import traceback
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from socialtui import paths
from socialtui.paths import log_dir
from socialtui.plan.model import Plan
from socialtui.safe import clean
from socialtui.store.files import DIR_MODE, ensure_dir
from socialtui.store.folder import cap_bytes, create_new
from socialtui.store.read import BOM, LoadedPlan
from socialtui.store.write import edited_text, render_new

EXIT_CRASH = 70  # EX_SOFTWARE
_COPY_RE = re.compile(
    r"\A(?P<key>.+)\.(?P<label>unsaved|copy)-(?P<stamp>\d{8}-\d{6})(?:-\d+)?\.toml\Z"
)


def _stamp(now: datetime | None = None) -> str:
    return (now or datetime.now()).strftime("%Y%m%d-%H%M%S")


def _create_private(path: Path, data: bytes) -> Path:
    """Create ``path`` (0600, never over an existing file); adds -2, -3 … when taken."""
    return create_new(path, data)


def write_log(error: BaseException, context: dict[str, object] | None = None) -> Path:
    """Write a crash log for ``error``; returns its path. Raises OSError."""
    from socialtui import __version__

    directory = ensure_dir(log_dir())
    try:  # a directory we created is 0700; tighten one that is ours and looser
        if directory.stat().st_uid == os.getuid() and directory.stat().st_mode & 0o077:
            os.chmod(directory, DIR_MODE)
    except OSError:
        pass
    lines = [
        f"socialtui {__version__} crashed at {datetime.now().astimezone().isoformat()}",
        f"python {platform.python_version()} on {platform.platform()}",
    ]
    try:
        from importlib.metadata import version

        lines.append(f"textual {version('textual')}, rich {version('rich')}")
    except Exception:
        pass
    for key, value in (context or {}).items():
        lines.append(f"{key}: {value}")
    lines.append("")
    lines.extend(traceback.format_exception(error))
    text = "\n".join(line.rstrip("\n") for line in lines) + "\n"
    name = f"crash-{_stamp()}-{os.getpid()}.log"
    return _create_private(directory / name, text.encode("utf-8", "backslashreplace"))


def copy_key(plan_path: str | os.PathLike[str], data: str | os.PathLike[str]) -> str:
    """What a plan's copies are called before ``.unsaved-…`` (see the module docstring)."""
    path = Path(os.path.abspath(plan_path))
    home = {os.path.abspath(d(data)) for d in (paths.plans_dir, paths.archive_dir)}
    if str(path.parent) in home:
        return path.stem
    digest = hashlib.sha256(os.path.realpath(path).encode("utf-8", "surrogateescape"))
    return f"{cap_bytes(path.stem, 100) or 'plan'}-{digest.hexdigest()[:8]}"


def copy_path(
    plan_path: Path,
    label: str = "unsaved",
    now: datetime | None = None,
    data: str | os.PathLike[str] | None = None,
) -> Path:
    """``<data>/recovered/NAME.unsaved-YYYYMMDD-HHMMSS.toml`` for the plan at ``plan_path``."""
    data = paths.data_dir(data)
    name = f"{copy_key(plan_path, data)}.{label}-{_stamp(now)}.toml"
    return paths.recovered_dir(data) / name


def write_copy(
    loaded: LoadedPlan,
    plan: Plan,
    label: str = "unsaved",
    data: str | os.PathLike[str] | None = None,
) -> Path:
    """Write ``plan`` as a new file in ``recovered/`` (else next to the plan); its path.

    The user's text with the edits applied (comments kept); if that cannot be
    done, a freshly rendered plan. Never touches the plan file. ``data`` is the
    data directory (default: ``$SOCIALTUI_DATA_DIR`` or the platform's). Raises
    PlanError or OSError when nothing can be written.
    """
    content: bytes | None = None
    base = LoadedPlan(
        path=loaded.path, plan=loaded.plan, text=loaded.text, bom=loaded.bom, sha256=loaded.sha256
    )
    try:
        text = edited_text(base, plan)
        content = ((BOM if loaded.bom else "") + text).encode("utf-8")
    except Exception:
        content = render_new(plan).encode("utf-8")
    target = copy_path(loaded.path, label, data=data)
    try:
        return _create_private(target, content)
    except OSError:
        beside = Path(os.path.realpath(loaded.path))
        return _create_private(beside.with_name(f"{beside.stem}.{label}-{_stamp()}.toml"), content)


@dataclass(frozen=True)
class Copy:
    """A copy of edits: its file, what made it (``unsaved`` or ``copy``), when (local time)."""

    path: Path
    label: str
    time: datetime
    size: int


def _copies_in(folder: Path, key: str | None) -> list[Copy]:
    found = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            match = _COPY_RE.match(entry.name)
            if not match or (key is not None and match.group("key") != key):
                continue
            with contextlib.suppress(OSError, ValueError):
                info = entry.stat()
                if not stat.S_ISREG(info.st_mode):
                    continue
                moment = datetime.strptime(match.group("stamp"), "%Y%m%d-%H%M%S")
                found.append(Copy(Path(entry.path), match.group("label"), moment, info.st_size))
    return found


def list_copies(
    plan_path: str | os.PathLike[str] | None, data: str | os.PathLike[str]
) -> list[Copy]:
    """The copies of the plan at ``plan_path`` (None: of every plan), newest first:
    in ``recovered/``, and those older versions left next to the plan."""
    if plan_path is None:
        found = _copies_in(paths.recovered_dir(data), None)
    else:
        found = _copies_in(paths.recovered_dir(data), copy_key(plan_path, data))
        beside = Path(os.path.abspath(plan_path))
        found += _copies_in(beside.parent, beside.stem)
    return sorted(found, key=lambda c: (c.time, c.path.name), reverse=True)


def report(
    error: BaseException,
    loaded: LoadedPlan | None = None,
    plan: Plan | None = None,
    context: dict[str, object] | None = None,
    data: str | os.PathLike[str] | None = None,
) -> str:
    """Write the crash log and, when ``plan`` differs from ``loaded``, the copy of the edits.

    Returns the one line to show the user. Never raises: each step that fails is
    named in the line instead.
    """
    line = "socialtui: unexpected error"
    if loaded is not None and plan is not None and plan != loaded.plan:
        try:
            line += f"; your edits are in {clean(str(write_copy(loaded, plan, data=data)))}"
        except Exception as problem:
            line += f"; your unsaved edits could not be written ({clean(str(problem))})"
    try:
        line += f"; details in {clean(str(write_log(error, context)))}"
    except Exception as problem:
        what = clean(f"{type(error).__name__}: {error}")[:200]
        line += f" ({what}); no crash log ({clean(str(problem))})"
    return line


def one_line(message: str) -> None:
    """Print one line to stderr, never raising (the terminal may be gone)."""
    with contextlib.suppress(OSError, ValueError):
        print(message, file=sys.stderr, flush=True)
