"""``socialtui due``: the work, the output, the exit status, and the quick way in.

:func:`run` lists the plans (``<data>/plans/*.toml``: archived plans live
elsewhere), works out what each plan file comes to through the cache
(:mod:`.cache`), asks :func:`socialtui.plan.due.due` what is due today, and
prints one line per thing due. Everything is worked out before anything is
printed.

:func:`quick` reads the arguments of the common case (``socialtui due``,
``-q``/``--quiet``, ``--format text|json``, ``--data-dir DIR``) exactly as the
parser would, so that the console script can skip building it; anything else
(``--help``, plan names, ``--print-systemd``, a typo) returns None and goes to
the parser (``socialtui.cli.due``).
"""

from __future__ import annotations

import os
import stat
import sys

from socialtui import paths
from socialtui.plan.due import Due, Rhythm, due
from socialtui.plan.record import Record
from socialtui.reminders.cache import Cache, Entry, LoadFailure, digest
from socialtui.safe import clean

NOTHING_DUE = 0
SOMETHING_DUE = 1
UNREADABLE = 2
FORMATS = ("text", "json")

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing at start
if TYPE_CHECKING:
    from datetime import date


class Options(Record):
    """How ``socialtui due`` was asked: the data directory given (or None), quiet, the format."""

    __slots__ = ("data_dir", "fmt", "quiet")

    def __init__(self, data_dir: str | None = None, quiet: bool = False, fmt: str = "text") -> None:
        self.data_dir = data_dir
        self.quiet = quiet
        self.fmt = fmt


def quick(argv: list[str]) -> Options | None:
    """The options of ``argv`` when it is ``[--data-dir DIR] due`` followed by
    nothing but ``-q``, ``--quiet``, ``--format text|json`` and ``--data-dir DIR``
    (the last ``--data-dir`` wins, as with the parser); else None."""
    options = Options()
    seen_due = False
    i = 0
    while i < len(argv):
        arg = argv[i]
        name, eq, value = arg.partition("=")
        if name in ("--data-dir", "--format") and arg.startswith("--"):
            if not eq:
                if i + 1 == len(argv):
                    return None
                value = argv[i + 1]
                i += 1
            if not value or value.startswith("-"):
                return None
            if name == "--data-dir":
                options.data_dir = value
            elif seen_due and value in FORMATS:
                options.fmt = value
            else:
                return None
        elif arg == "due" and not seen_due:
            seen_due = True
        elif seen_due and arg in ("-q", "--quiet"):
            options.quiet = True
        else:
            return None
        i += 1
    return options if seen_due else None


# -- the plans ---------------------------------------------------------------------------------


def is_copy(name: str) -> bool:
    """``NAME.unsaved-YYYYMMDD-HHMMSS[-N].toml`` or ``NAME.copy-…``: a copy of edits,
    not a plan (``store.folder.is_copy``'s rule, without importing ``re``)."""
    stem = name.removesuffix(".toml")
    for label in (".unsaved-", ".copy-"):
        at = stem.rfind(label)
        if at < 0:
            continue
        stamp = stem[at + len(label) :].split("-")
        if (
            len(stamp) in (2, 3)
            and [len(part) for part in stamp[:2]] == [8, 6]
            and all(part.isascii() and part.isdigit() for part in stamp)
        ):
            return True
    return False


def plan_files(data: str) -> list[str]:
    """The plans in ``<data>/plans``: its ``*.toml`` files, sorted, copies of edits left
    out (as ``store.list_plans``)."""
    folder = os.path.join(data, paths.PLANS)
    try:
        found = [
            e.path
            for e in os.scandir(folder)
            if e.name.endswith(".toml") and not is_copy(e.name) and e.is_file()
        ]
    except (FileNotFoundError, NotADirectoryError):
        return []
    return sorted(found)


class Report:
    """One plan file: what is due, or why it could not be read."""

    __slots__ = ("due", "error", "path")

    def __init__(self, path: str, due: list[Due] | None = None, error: tuple | None = None) -> None:
        self.path = path
        self.due = due or []
        self.error = error  # (line or None, column or None, reason)

    @property
    def name(self) -> str:
        """The plan's file name without ``.toml``: what ``socialtui due NAME`` takes."""
        base = os.path.basename(self.path)
        return base[:-5] if base.endswith(".toml") else base


def examine(path: str, cache: Cache, today: date) -> Report:
    """What is due for the plan file at ``path`` on ``today``, through ``cache``."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        return Report(path, error=(None, None, exc.strerror or str(exc)))
    with open(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        key = os.path.abspath(path)
        entry = cache.get(key)
        data = b""
        if stat.S_ISREG(info.st_mode) and entry is not None and entry.size == info.st_size:
            data = handle.read(info.st_size + 1)
            if entry.matches(data) and _still_true(entry.value, today):
                return _report(path, entry.value, today)
        from socialtui.store import MAX_PLAN_BYTES

        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_PLAN_BYTES:
            return _refused(path, today)
        data += handle.read(MAX_PLAN_BYTES + 1 - len(data))
    value = work_out(path, data, today)
    cache.put(key, Entry(len(data), digest(data), value))
    return _report(path, value, today)


def work_out(path: str, data: bytes, today: date) -> Rhythm | LoadFailure:
    """What a plan file's ``data`` comes to: its rhythm, or why it is not a plan."""
    from socialtui import store
    from socialtui.plan.due import rhythm

    try:
        loaded = store.loads_bytes(data, path)
    except store.PlanLoadError as exc:
        return LoadFailure(exc.line, exc.column, exc.reason)
    return rhythm(loaded.plan, today)


def _still_true(value: Rhythm | LoadFailure, today: date) -> bool:
    """False for findings judged on another day (a plan without check-ins)."""
    judged = getattr(value, "judged_on", None)
    return judged is None or judged == today.toordinal()


def _report(path: str, value: Rhythm | LoadFailure, today: date) -> Report:
    if isinstance(value, LoadFailure):
        return Report(path, error=(value.line, value.column, value.reason))
    return Report(path, due(value, today))


def _refused(path: str, today: date) -> Report:
    """A file the store will not read (a FIFO, a device, too big): it says why, as for
    ``check``, without reading it; not kept in the cache."""
    from socialtui import store
    from socialtui.plan.due import due_for

    try:
        loaded = store.load(path)
    except (store.PlanError, OSError) as exc:
        return Report(path, error=_error_parts(exc))
    return Report(path, due_for(loaded.plan, today))  # it was replaced by a plan meanwhile


def _error_parts(exc: Exception) -> tuple:
    line = getattr(exc, "line", None)
    column = getattr(exc, "column", None)
    reason = getattr(exc, "reason", None) or getattr(exc, "strerror", None) or str(exc)
    return (line, column, reason)


def open_cache(given: str | None) -> tuple[str, Cache]:
    """The data directory and its cache. Without a data directory given, platformdirs
    knows it, and takes longer to import than the rest of ``socialtui due``: its answer
    is noted in the cache, and the cache where platformdirs is likely to say is used
    when it holds that answer for the same inputs (:meth:`Cache.confirms`)."""
    data = paths.given_data_location(given)
    if data is not None:
        return data, Cache.open(paths.due_cache_file(data))
    likely = paths.likely_data_location()
    if likely is not None:
        cache = Cache.open(paths.due_cache_file(likely))
        if cache.confirms(likely):
            return likely, cache
    data = paths.data_location()
    cache = Cache.open(paths.due_cache_file(data))
    module_file = paths.platformdirs_file()
    cache.note_platform(data, module_file, paths.platform_inputs(module_file))
    return data, cache


# -- the command ---------------------------------------------------------------------------


def run(options: Options, today: date, files: list[str] | None = None) -> int:
    """Answer ``socialtui due``; ``files`` are the plan files named (None: every plan
    in the data directory). Returns the exit status: 0 nothing due, 1 something
    due, 2 a plan could not be read (the others are still reported)."""
    data, cache = open_cache(options.data_dir)
    listed = files is None
    if files is None:
        files = plan_files(data)
    reports = [examine(path, cache, today) for path in files]
    cache.save()

    status = NOTHING_DUE
    for report in reports:
        if report.error is not None:
            status = UNREADABLE
        elif report.due and status == NOTHING_DUE:
            status = SOMETHING_DUE
    if options.quiet:
        return status
    if options.fmt == "json":
        _print_json(reports, today)
    else:
        _print_text(reports)
        if listed and not files:
            _err(f"socialtui: no plans in {clean(os.path.join(data, paths.PLANS))}")
    return status


def _print_text(reports: list[Report]) -> None:
    lines = []
    for report in reports:
        if report.error is not None:
            _err(error_line(report.path, report.error))
            continue
        lines += [clean(f"{report.name}: {item.text}") for item in report.due]
    if lines:
        write_out("\n".join(lines) + "\n")


def error_line(path: str, error: tuple) -> str:
    """``path:line:col: reason`` (or ``path: reason``), cleaned, as ``socialtui check`` says it."""
    line, column, reason = error
    if line is not None:
        return clean(f"{path}:{line}:{column or 1}: {reason}")
    return clean(f"{path}: {reason}")


def _print_json(reports: list[Report], today: date) -> None:
    import json

    plans, errors = [], []
    for report in reports:
        path = os.path.abspath(report.path)
        if report.error is not None:
            line, column, reason = report.error
            errors.append({"path": path, "line": line, "column": column, "reason": reason})
            continue
        plans.append(
            {"plan": report.name, "path": path, "due": [item.as_json() for item in report.due]}
        )
    document = {"today": today.isoformat(), "plans": plans, "errors": errors}
    write_out(json.dumps(document, indent=2, ensure_ascii=True) + "\n")


def _err(line: str) -> None:
    sys.stderr.write(line + "\n")


def write_out(text: str) -> None:
    """``text`` to stdout in one go, straight to the file descriptor: when the reader
    has gone (``socialtui due | head -1``) the BrokenPipeError comes here and nothing
    is left in a buffer to fail again at exit. A character the terminal's encoding
    lacks is written as its escape, never an error."""
    stream = sys.stdout
    data = text.encode(getattr(stream, "encoding", None) or "utf-8", "backslashreplace")
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):  # not a file (a test's capture)
        stream.write(data.decode(getattr(stream, "encoding", None) or "utf-8"))
        return
    stream.flush()
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
