"""The plans folder: which plans there are, what a new plan's file is called, and
which file a PLAN argument means.

Three folders of the data directory (:mod:`socialtui.paths`) hold plan files:
``plans/`` (the plans), ``archive/`` (plans put away: :func:`move_into`) and
``recovered/`` (copies of edits that could not be saved: :mod:`.crash`). Only
``plans/`` is listed by default; copies never are (:func:`is_copy` also knows
the copies older versions left next to the plans).

**A file name from a plan's name** (:func:`file_stem`) keeps the name's letters,
marks, digits and symbols in any script, normalized to NFC and lower-cased
(``"Café Crème"`` -> ``café-crème``, ``"咖啡店"`` -> ``咖啡店``, ``"☕☕"`` -> ``☕☕``).
Spaces, punctuation and whatever a file system rejects (``/ \\ : * ? " < > |``,
NUL and other control characters, bidirectional controls) become ``-``; leading
and trailing dots and dashes go; a name Windows reserves (``CON``, ``NUL``,
``COM1`` ...) gets ``-plan``; the stem is at most :data:`MAX_STEM_BYTES` bytes
of UTF-8, cut between characters. A name with nothing left (``"!!!"``) keeps its
characters that every file system accepts; only a name made of nothing else
(``"???"``) becomes ``plan``. :func:`unused_stem` adds ``-2``, ``-3`` ... while
a file in ``plans/`` or ``archive/`` has the stem, compared as case-insensitive
file systems (macOS, Windows) would.

**What a PLAN argument means** (:func:`find_plan`), first match wins:

1. something that looks like a path (a ``/``, or ending in ``.toml``): that
   file; a bare ``NAME.toml`` that is not in the current folder is looked for
   in ``plans/``, then ``archive/``;
2. in ``plans/``, then (if nothing there matched) in ``archive/``: the file
   whose stem is exactly PLAN; else the plans whose name is PLAN; else the
   plans whose file stem is PLAN or PLAN's :func:`file_stem` — names and stems
   compared ignoring case (Unicode case folding, NFC, runs of spaces as one).
   One match is the plan; several raise :class:`AmbiguousPlan` naming them;
3. an existing file called PLAN in the current folder;
4. else ``plans/PLAN.toml``, which does not exist (the caller says so).

Names are read fast (:func:`plan_name`): only the part of the file before its
first table header is parsed, and only when no file stem matched exactly, so
``list`` and ``check`` without PLAN never read names twice.

May import socialtui.plan, socialtui.paths and the rest of socialtui.store.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import tomli

from socialtui.paths import archive_dir, plans_dir
from socialtui.safe import clean
from socialtui.store.errors import PlanError
from socialtui.store.files import FILE_MODE, TEMP_SUFFIX, ensure_dir

MAX_STEM_BYTES = 120
"""Room left in a 255-byte file name for ``.toml``, ``-99``, a lock's or a copy's additions."""
NAME_HEAD_BYTES = 65_536
"""How much of a plan :func:`plan_name` reads first: the name is near the top."""

_REJECTED = frozenset('/\\:*?"<>|')
_KEEP_ASCII = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_.")
_ZWJ = "\u200d"  # joins emoji into one picture: kept inside a stem
_BIDI = frozenset([0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)])
_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"]
    + [f"{kind}{n}" for kind in ("COM", "LPT") for n in [*"0123456789", "¹", "²", "³"]]
)
_COPY_RE = re.compile(r"\.(?:unsaved|copy)-[0-9]{8}-[0-9]{6}(?:-[0-9]+)?\.toml\Z")
_TABLE_RE = re.compile(r"^[ \t]*\[", re.M)


class AmbiguousPlan(PlanError):
    """A PLAN argument that names more than one plan; ``candidates`` are their files.

    ``str()`` says so on several lines, one per candidate with its plan's name,
    cleaned for a terminal; ``reason`` says it on one line.
    """

    def __init__(self, ref: str, candidates: list[Path]) -> None:
        self.ref = ref
        self.candidates = candidates
        self.path = Path(ref)
        files = ", ".join(clean(p.name) for p in candidates)
        self.reason = f"{len(candidates)} plans answer to this name ({files}); name one by its file"
        lines = [f"{len(candidates)} plans answer to '{clean(ref)}'; name one by its file:"]
        for path in candidates:
            name = plan_name(path)
            lines.append(f"  {clean(str(path))}" + (f"  ({clean(name)})" if name else ""))
        super().__init__("\n".join(lines))


# -- file names ----------------------------------------------------------------------------


def _strict(char: str) -> bool:
    """Kept as it is in a stem (after lower-casing)."""
    if char.isascii():
        return char in _KEEP_ASCII
    if char == _ZWJ:
        return True
    return unicodedata.category(char)[0] in "LMNS" and ord(char) not in _BIDI


def _loose(char: str) -> bool:
    """Accepted by every file system: no control, no bidi control, none of ``/\\:*?"<>|``."""
    code = ord(char)
    return not (
        char in _REJECTED
        or code < 0x20
        or 0x7F <= code <= 0x9F
        or code in _BIDI
        or 0xD800 <= code <= 0xDFFF
        or char.isspace()
    )


def _trim(stem: str) -> str:
    return stem.strip("-.\u200d")


def cap_bytes(stem: str, limit: int = MAX_STEM_BYTES) -> str:
    """``stem`` cut to at most ``limit`` bytes of UTF-8, between characters, without a
    dangling combining mark or joiner at the cut."""
    if len(stem.encode("utf-8")) <= limit:
        return stem
    out = stem.encode("utf-8")[:limit].decode("utf-8", "ignore")
    while out and (unicodedata.category(out[-1])[0] == "M" or out[-1] == _ZWJ):
        out = out[:-1]
    return _trim(out)


def _not_reserved(stem: str) -> str:
    head, dot, rest = stem.partition(".")
    if head.upper() in _RESERVED:
        return f"{head}-plan{dot}{rest}"
    return stem


def file_stem(name: str) -> str:
    """The file stem for a plan called ``name`` (see the module docstring). Never empty."""
    text = unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).lower())
    stem = "".join(c if _strict(c) else "-" for c in text)
    stem = _trim(cap_bytes(_trim(re.sub(r"-{2,}", "-", stem))))
    if not stem:  # no letter, digit or symbol: keep what every file system accepts
        stem = "".join(c for c in text if _loose(c))
        stem = _trim(cap_bytes(_trim(stem)))
    return _not_reserved(stem) if stem else "plan"


def fold(text: str) -> str:
    """``text`` as names are compared: NFC, case-folded, runs of white space as one space."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def is_copy(path: Path) -> bool:
    """A copy of edits (``NAME.unsaved-YYYYMMDD-HHMMSS.toml``, ``NAME.copy-….toml``)."""
    return bool(_COPY_RE.search(path.name))


def taken_stems(data: Path) -> set[str]:
    """The stems of the ``.toml`` files in ``plans/`` and ``archive/``, folded."""
    taken = set()
    for folder in (plans_dir(data), archive_dir(data)):
        with contextlib.suppress(OSError):
            taken |= {fold(p.stem) for p in folder.glob("*.toml")}
    return taken


def unused_stem(stem: str, taken: Iterable[str]) -> str:
    """``stem``, or ``stem-2``, ``stem-3`` ... : the first not in ``taken`` (folded)."""
    taken = {fold(t) for t in taken}
    candidate, n = stem, 2
    while fold(candidate) in taken:
        suffix = f"-{n}"
        candidate = cap_bytes(stem, MAX_STEM_BYTES - len(suffix)) + suffix
        n += 1
    return candidate


def slug_for_name(name: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """The unused file stem for a plan called ``name`` (``taken``: stems in use)."""
    return unused_stem(file_stem(name), taken)


# -- creating files, never over another ---------------------------------------------------------


def numbered(path: Path, n: int) -> Path:
    """``path`` with ``-n`` before its suffix (``n`` 1: ``path`` itself)."""
    if n == 1:
        return path
    return path.with_name(f"{path.stem}-{n}{path.suffix}")


def _place(temp: str, target: Path) -> bool:
    """Put the finished temp file at ``target`` unless something is there: True when placed."""
    try:
        os.link(temp, target, follow_symlinks=False)
        return True
    except FileExistsError:
        return False
    except OSError as error:  # no hard links here (FAT, some network file systems)
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
    try:  # reserve the name, then rename the finished file over our own reservation
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    except FileExistsError:
        return False
    os.replace(temp, target)
    return True


def create_new(path: Path, data: bytes, *, tries: int = 100) -> Path:
    """Write ``data`` as a new file at ``path``, or at ``path`` with ``-2``, ``-3`` ...
    before its suffix when that name is taken: never over an existing file.

    Atomic and durable (a temp file in the folder, fsynced, linked into place),
    0600 whatever the umask; the folder is created 0700 if missing. Returns the
    path written. Raises OSError (FileExistsError after ``tries`` names).
    """
    folder = ensure_dir(path.parent)
    prefix = f".{path.name}.{os.getpid()}."  # the shape clean_temp_files removes when left
    fd, temp = tempfile.mkstemp(dir=folder, prefix=prefix, suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            os.fchmod(handle.fileno(), FILE_MODE)
        for n in range(1, tries + 1):
            target = numbered(path, n)
            if _place(temp, target):
                _fsync_dir(folder)
                return target
        raise FileExistsError(errno.EEXIST, "too many files with this name", str(path))
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def create_plan(data: Path, name: str, text: str) -> Path:
    """A new file in ``plans/`` for the plan called ``name`` holding ``text``; its path.

    The file is named :func:`file_stem` of the name, with ``-2``, ``-3`` ... when
    that stem is taken in ``plans/`` or ``archive/`` (ignoring case); it never
    replaces a file. ``text`` is checked first (PlanLoadError). Raises OSError.
    """
    from socialtui.store.errors import ReadOnlyError
    from socialtui.store.read import BOM, loads

    loaded = loads(text, plans_dir(data) / f"{file_stem(name)}.toml")
    if loaded.read_only:
        raise ReadOnlyError(f"{loaded.path}: cannot create a plan with a newer schema")
    content = ((BOM if loaded.bom else "") + loaded.text).encode("utf-8")
    taken = taken_stems(data)
    for _ in range(100):
        stem = unused_stem(file_stem(name), taken)
        try:
            return create_new(plans_dir(data) / f"{stem}.toml", content, tries=1)
        except FileExistsError:  # made meanwhile, or differs only in case here
            taken.add(fold(stem))
    raise FileExistsError(errno.EEXIST, "too many plans with this name", name)


def move_into(path: Path, folder: Path) -> Path:
    """Move the plan file ``path`` (a link stays a link) into ``folder``, keeping its
    name, or with ``-2``, ``-3`` ... when a file there has it (ignoring case).

    Never over another file. Returns the new path. Raises OSError.
    """
    ensure_dir(folder)
    taken = {p.stem for p in folder.glob("*.toml")}
    stem = unused_stem(path.stem, taken)
    for n in range(1, 100):
        target = folder / f"{numbered(Path(stem), n)}{path.suffix}"
        try:
            os.link(path, target, follow_symlinks=False)
        except FileExistsError:
            continue
        except OSError as error:
            if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
                raise
            if os.path.lexists(target):
                continue
            os.rename(path, target)  # no hard links here: check, then rename
            return target
        os.unlink(path)
        _fsync_dir(folder)
        _fsync_dir(path.parent)
        return target
    raise FileExistsError(errno.EEXIST, "too many files with this name", str(path))


# -- which plans there are -----------------------------------------------------------------------


def list_plans(data: Path, *, archived: bool = False) -> list[Path]:
    """The plan files in ``plans/`` (``archived``: in ``archive/``), by file name.

    Regular files (or links to them) ending in ``.toml``; copies of edits are not plans.
    """
    directory = archive_dir(data) if archived else plans_dir(data)
    try:
        found = [p for p in directory.glob("*.toml") if not is_copy(p) and p.is_file()]
    except OSError:
        return []
    return sorted(found)


def plan_name(path: Path) -> str | None:
    """The ``name`` of the plan at ``path``, read fast; None when it cannot be read.

    Parses only the text before the first table header (where the name is), in
    the first :data:`NAME_HEAD_BYTES`; a file that does not allow that (a
    multi-line string holding a ``[``, a name further down) is loaded in full.
    Never blocks on a FIFO and never reads more than a plan may hold.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        with open(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            head = handle.read(NAME_HEAD_BYTES)
    except OSError:
        return None
    text = head.decode("utf-8", "replace").removeprefix("\ufeff")
    match = _TABLE_RE.search(text)
    if match is not None or len(head) < NAME_HEAD_BYTES:
        try:
            value = tomli.loads(text[: match.start()] if match else text).get("name")
        except (tomli.TOMLDecodeError, RecursionError):
            value = None
        if isinstance(value, str):
            return value
    from socialtui.store.read import load

    try:
        return load(path).plan.name
    except (PlanError, OSError, UnicodeError, RecursionError):
        return None


def _matches(ref: str, folder: Path) -> list[Path]:
    """Rule 2 in one folder: the exact stem, else plans by name, else stems ignoring case."""
    paths = _plans_in(folder)
    exact = folder / f"{ref}.toml"
    if exact in paths:
        return [exact]
    key = fold(ref)
    by_name = [p for p in paths if fold(plan_name(p) or "\0") == key]
    if by_name:
        return by_name
    keys = {key, fold(file_stem(ref))}
    return [p for p in paths if fold(p.stem) in keys]


def named(name: str, data: Path) -> list[Path]:
    """The plans in ``plans/`` and ``archive/`` called ``name`` (ignoring case)."""
    key = fold(name)
    found = _plans_in(plans_dir(data)) + _plans_in(archive_dir(data))
    return [p for p in found if fold(plan_name(p) or "\0") == key]


def _plans_in(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.glob("*.toml") if not is_copy(p) and p.is_file())
    except OSError:
        return []


def plans_named(ref: str, data: Path, *, archived: bool | None = None) -> list[Path]:
    """The plans PLAN ``ref`` names (rule 2 of the module docstring): in ``plans/``,
    else in ``archive/`` (``archived`` True: only there; False: never there)."""
    folders = {
        None: (plans_dir(data), archive_dir(data)),
        True: (archive_dir(data),),
        False: (plans_dir(data),),
    }[archived]
    if not ref.strip() or "\0" in ref:
        return []
    for folder in folders:
        hits = _matches(ref, folder)
        if hits:
            return hits
    return []


def looks_like_path(ref: str) -> bool:
    return os.sep in ref or "/" in ref or ref.endswith(".toml")


def find_plan(ref: str, data: Path, *, archived: bool | None = None) -> Path:
    """The file PLAN ``ref`` means (see the module docstring); AmbiguousPlan when it
    names several. The path returned may not exist: the caller says so."""
    if looks_like_path(ref):
        path = Path(ref)
        if path.exists() or os.sep in ref or "/" in ref:
            return path
        folders = {None: (plans_dir, archive_dir), True: (archive_dir,), False: (plans_dir,)}
        for where in folders[archived]:
            if (where(data) / ref).exists():
                return where(data) / ref
        return path
    hits = plans_named(ref, data, archived=archived)
    if len(hits) > 1:
        raise AmbiguousPlan(ref, hits)
    if hits:
        return hits[0]
    if "\0" not in ref and Path(ref).is_file():
        return Path(ref)
    return (archive_dir(data) if archived else plans_dir(data)) / f"{ref}.toml"


def resolve_plan(ref: str, data: Path) -> Path:
    """:func:`find_plan`, for callers that take a name or a path (kept for them)."""
    return find_plan(ref, data)
