"""When things go wrong: crash logs and copies of edits that could not be saved.

A crash log goes to the user log directory (:func:`socialtui.paths.log_dir`;
``$SOCIALTUI_LOG_DIR`` overrides it), in a 0700 directory, as a 0600 file: a
traceback is private (it names paths) and a shared server has other readers.
Locals are never written.

A copy of unsaved edits goes next to the plan as ``NAME.unsaved-YYYYMMDD-HHMMSS.toml``
(0600): the user's own file with the edits applied, comments kept, so it can be
opened, compared or renamed over the plan.

Nothing here imports textual or rich.
"""

from __future__ import annotations

import contextlib
import os
import platform
import sys
import traceback
from datetime import datetime
from pathlib import Path

from socialtui.paths import log_dir
from socialtui.plan.model import Plan
from socialtui.safe import clean
from socialtui.store.files import DIR_MODE, FILE_MODE, ensure_dir
from socialtui.store.read import BOM, LoadedPlan
from socialtui.store.write import edited_text, render_new

EXIT_CRASH = 70  # EX_SOFTWARE


def _stamp(now: datetime | None = None) -> str:
    return (now or datetime.now()).strftime("%Y%m%d-%H%M%S")


def _create_private(path: Path, data: bytes) -> Path:
    """Create ``path`` (0600, never over an existing file); adds -2, -3 … when taken."""
    stem, suffix = path.stem, path.suffix
    for n in range(1, 100):
        candidate = path if n == 1 else path.with_name(f"{stem}-{n}{suffix}")
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        except FileExistsError:
            continue
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), FILE_MODE)  # exactly 0600, whatever the umask
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        return candidate
    raise FileExistsError(f"{path}: too many files with this name")


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


def copy_path(plan_path: Path, label: str = "unsaved", now: datetime | None = None) -> Path:
    """``NAME.unsaved-YYYYMMDD-HHMMSS.toml`` next to the real plan file."""
    target = Path(os.path.realpath(plan_path))
    return target.with_name(f"{target.stem}.{label}-{_stamp(now)}.toml")


def write_copy(loaded: LoadedPlan, plan: Plan, label: str = "unsaved") -> Path:
    """Write ``plan`` as a new file next to ``loaded``'s plan; returns its path.

    The user's text with the edits applied (comments kept); if that cannot be
    done, a freshly rendered plan. Never touches the plan file. Raises
    PlanError or OSError when neither works.
    """
    data: bytes | None = None
    base = LoadedPlan(
        path=loaded.path, plan=loaded.plan, text=loaded.text, bom=loaded.bom, sha256=loaded.sha256
    )
    try:
        text = edited_text(base, plan)
        data = ((BOM if loaded.bom else "") + text).encode("utf-8")
    except Exception:
        data = render_new(plan).encode("utf-8")
    return _create_private(copy_path(loaded.path, label), data)


def report(
    error: BaseException,
    loaded: LoadedPlan | None = None,
    plan: Plan | None = None,
    context: dict[str, object] | None = None,
) -> str:
    """Write the crash log and, when ``plan`` differs from ``loaded``, the copy of the edits.

    Returns the one line to show the user. Never raises: each step that fails is
    named in the line instead.
    """
    line = "socialtui: unexpected error"
    if loaded is not None and plan is not None and plan != loaded.plan:
        try:
            line += f"; your edits are in {clean(str(write_copy(loaded, plan)))}"
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
