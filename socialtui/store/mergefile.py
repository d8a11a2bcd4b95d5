"""Three plan files into one: the file side of ``socialtui merge`` (a git merge driver).

:func:`merge_files` reads BASE, OURS and THEIRS as every plan is read (bounded,
checked; an empty BASE means both sides added the file), merges their plans by
meaning (:func:`socialtui.plan.merge.merge_plans`) and returns the bytes of the
result, which the caller writes over OURS (or elsewhere):

- **Clean**: git's own line merge when it is clean and reads back as exactly
  the merged plan (it keeps both sides' comments); otherwise the merged plan
  written into OURS' document by the saver (:func:`socialtui.store.write.edited_text`),
  so OURS' comments, blank lines and unknown keys stay and THEIRS' new items
  go where the app puts new items. Unknown keys are OURS': each one THEIRS
  changed is named in :attr:`FileMerge.notes`.
- **Conflicted**: the merged plan written twice into OURS' document, once with
  each side's resolution of every conflict; where the two texts differ, both
  stand between git's markers (``<<<<<<< ours``, ``=======``, ``>>>>>>>
  theirs``), on the fewest lines that hold them.
- **Unreadable** (an input is not a plan this app can read, or the merge cannot
  be written faithfully): git's own line merge (``git merge-file``, markers
  where lines conflict), or no result at all when git cannot make one. A git
  merge driver's result is whatever it leaves in OURS, whatever its exit
  status: git makes no line merge of its own after a driver.

Exit statuses for the command: :data:`CLEAN` 0, :data:`CONFLICTED` 1,
:data:`UNREADABLE` 2.
"""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli

from socialtui.plan.merge import ITEMS, MISSING, TABLE, Conflict, field_kinds, identity, merge_plans
from socialtui.plan.model import Plan
from socialtui.store.errors import PlanError, PlanLoadError
from socialtui.store.read import BOM, LoadedPlan, load, loads_bytes
from socialtui.store.write import edited_text

CLEAN, CONFLICTED, UNREADABLE = 0, 1, 2
MARKER_SIZE = 7  # git's default conflict-marker-size
GIT_TIMEOUT = 60.0  # seconds for git merge-file


@dataclass(frozen=True, slots=True)
class FileMerge:
    """What a merge of three plan files gives."""

    status: int
    """CLEAN, CONFLICTED or UNREADABLE."""
    data: bytes | None
    """The result file's bytes; None when there is no result (leave the file alone)."""
    same_as_ours: bool = False
    """The result is OURS byte for byte: nothing to write over it."""
    conflicts: tuple[Conflict, ...] = ()
    notes: tuple[str, ...] = ()
    """Sentences for the user: why an input is unreadable, unknown keys not merged."""


class _Unreadable(Exception):
    pass


def merge_files(
    base: str | os.PathLike[str],
    ours: str | os.PathLike[str],
    theirs: str | os.PathLike[str],
    *,
    marker_size: int = MARKER_SIZE,
) -> FileMerge:
    """Merge the plan files BASE, OURS and THEIRS (see the module docstring)."""
    paths = (Path(base), Path(ours), Path(theirs))
    try:
        b = _read(paths[0], "BASE", may_be_empty=True)
        o = _read(paths[1], "OURS")
        t = _read(paths[2], "THEIRS")
    except _Unreadable as problem:
        return _fallback(paths, marker_size, str(problem))
    ours_data, theirs_data = _data(o), _data(t)
    if b is not None and _data(b) == ours_data:  # only THEIRS changed the file
        return FileMerge(CLEAN, theirs_data, theirs_data == ours_data)
    if theirs_data == ours_data or (b is not None and theirs_data == _data(b)):
        return FileMerge(CLEAN, ours_data, True)

    result = merge_plans(None if b is None else b.plan, o.plan, t.plan)
    try:
        if result.clean:
            line = _clean_line_merge(paths, marker_size, result.ours)
            if line is not None:
                return FileMerge(CLEAN, line, line == ours_data)
            data = _encode(edited_text(o, result.ours), o.bom)
            return FileMerge(CLEAN, data, data == ours_data, notes=unknown_key_notes(b, o, t))
        text = marked_text(edited_text(o, result.ours), edited_text(o, result.theirs), marker_size)
    except Exception as error:  # the saver refused, or tomlkit surprised it: never a crash
        return _fallback(
            paths, marker_size, f"the merged plan cannot be written into OURS: {error}"
        )
    return FileMerge(
        CONFLICTED,
        _encode(text, o.bom),
        conflicts=result.conflicts,
        notes=unknown_key_notes(b, o, t),
    )


def _read(path: Path, role: str, *, may_be_empty: bool = False) -> LoadedPlan | None:
    try:
        if may_be_empty and os.stat(path).st_size == 0:
            return None  # git's BASE when both sides added the file
        loaded = load(path)
    except PlanLoadError as error:
        where = f"line {error.line}, column {error.column}"
        raise _Unreadable(
            f"{role} is not a plan socialtui can read ({where}): {error.reason}"
        ) from None
    except PlanError as error:
        raise _Unreadable(f"{role} is not a plan socialtui can read: {error}") from None
    except (OSError, UnicodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise _Unreadable(f"{role} cannot be read: {path}: {reason}") from None
    if loaded.read_only:
        raise _Unreadable(
            f"{role} was written by a newer socialtui (schema {loaded.plan.schema}): "
            "merge it with that version"
        )
    return loaded


def _encode(text: str, bom: bool) -> bytes:
    return ((BOM if bom else "") + text).encode("utf-8")


def _data(loaded: LoadedPlan) -> bytes:
    return _encode(loaded.text, loaded.bom)


def _fallback(paths: tuple[Path, Path, Path], marker_size: int, problem: str) -> FileMerge:
    line = line_merge(*paths, marker_size=marker_size)
    if line is None:
        return FileMerge(UNREADABLE, None, notes=(problem, "OURS is left as it was"))
    data, conflicts = line
    what = f"with {conflicts} conflict(s) marked" if conflicts else "without conflicts"
    return FileMerge(
        UNREADABLE,
        data,
        notes=(problem, f"the result is git's line-by-line merge, {what}: check it by hand"),
    )


def _clean_line_merge(paths: tuple[Path, Path, Path], marker_size: int, plan: Plan) -> bytes | None:
    """git's line merge, if it is clean and reads back as exactly ``plan``."""
    line = line_merge(*paths, marker_size=marker_size)
    if line is None or line[1] != 0:
        return None
    try:
        merged = loads_bytes(line[0], paths[1])
    except PlanError:
        return None
    return line[0] if merged.plan == plan and not merged.read_only else None


def line_merge(
    base: Path, ours: Path, theirs: Path, *, marker_size: int = MARKER_SIZE
) -> tuple[bytes, int] | None:
    """git's own line-by-line merge (``git merge-file``) and its number of conflicts;
    None when git is not there or cannot merge the files."""
    git = shutil.which("git")
    if git is None:
        return None
    labels = ["-L", "ours", "-L", "base", "-L", "theirs"]
    files = [os.path.abspath(p) for p in (ours, base, theirs)]
    try:
        done = subprocess.run(
            [git, "merge-file", "-p", "-q", f"--marker-size={marker_size}", *labels, *files],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if not 0 <= done.returncode <= 127:  # git merge-file: the number of conflicts, or -1
        return None
    return done.stdout, done.returncode


# -- conflict markers ---------------------------------------------------------------------------


def _lines(text: str) -> list[str]:
    """``text`` cut after each ``\\n`` only (``str.splitlines`` also cuts inside strings)."""
    parts = text.split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def conflict_text(
    ours: str, theirs: str, marker_size: int = MARKER_SIZE, *, whole: bool = False
) -> str:
    """One text: the lines ``ours`` and ``theirs`` share, and both versions of
    each stretch where they differ between git's conflict markers (``whole``:
    one stretch, the whole text)."""
    a, b = _lines(ours), _lines(theirs)
    newline = "\r\n" if "\r\n" in ours else "\n"
    start = end = 0
    if not whole:
        shortest = min(len(a), len(b))
        while start < shortest and a[start] == b[start]:
            start += 1
        while end < shortest - start and a[-1 - end] == b[-1 - end]:
            end += 1
    mid_a, mid_b = a[start : len(a) - end], b[start : len(b) - end]

    def ended(lines: list[str]) -> list[str]:
        return [line if line.endswith("\n") else line + newline for line in lines]

    out = a[:start]
    matcher = difflib.SequenceMatcher(None, mid_a, mid_b)
    opcodes = [("replace", 0, len(mid_a), 0, len(mid_b))] if whole else matcher.get_opcodes()
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            out += mid_a[i1:i2]
            continue
        out += [
            "<" * marker_size + " ours" + newline,
            *ended(mid_a[i1:i2]),
            "=" * marker_size + newline,
            *ended(mid_b[j1:j2]),
            ">" * marker_size + " theirs" + newline,
        ]
    out += a[len(a) - end :]
    return "".join(out)


def marked_text(ours: str, theirs: str, marker_size: int = MARKER_SIZE) -> str:
    """:func:`conflict_text` of two TOML texts, whose markers TOML must see: when
    one falls inside a multi-line string (the text then parses), the whole text
    is one conflict."""
    text = conflict_text(ours, theirs, marker_size)
    try:
        tomli.loads(text)
    except Exception:  # the markers are seen: the normal case
        return text
    return conflict_text(ours, theirs, marker_size, whole=True)


# -- keys the model does not know ---------------------------------------------------------------


def unknown_keys(data: dict[str, Any], cls: type = Plan, where: str = "") -> dict[str, Any]:
    """Every key of TOML ``data`` that the model's ``cls`` has no field for, by
    its path (``channels[instagram].owner``) -> its value."""
    kinds = field_kinds(cls)
    out: dict[str, Any] = {}
    for key, value in data.items():
        here = f"{where}.{key}" if where else key
        kind = kinds.get(key)
        if kind is None:
            out[here] = value
        elif kind.how == TABLE and isinstance(value, dict):
            out.update(unknown_keys(value, kind.cls, here))
        elif kind.how == ITEMS and isinstance(value, list):
            ident = identity(kind.cls)
            for item in value:
                if isinstance(item, dict):
                    out.update(unknown_keys(item, kind.cls, f"{here}[{item.get(ident)}]"))
    return out


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def unknown_key_notes(
    base: LoadedPlan | None, ours: LoadedPlan, theirs: LoadedPlan
) -> tuple[str, ...]:
    """A sentence for each key unknown to the model that THEIRS changed and the
    result, written into OURS' document, does not take (OURS wins)."""
    b = {} if base is None else unknown_keys(tomli.loads(base.text))
    o, t = unknown_keys(tomli.loads(ours.text)), unknown_keys(tomli.loads(theirs.text))
    notes = []
    for key in [*t, *(k for k in b if k not in t)]:
        mine, other, was = o.get(key, MISSING), t.get(key, MISSING), b.get(key, MISSING)
        if other in (mine, was):
            continue
        had = "removed it" if other is MISSING else f"has {_short(other)}"
        kept = "nothing" if mine is MISSING else _short(mine)
        notes.append(
            f"{key}: theirs {had}; socialtui does not know this key, so the result keeps "
            f"ours ({kept})"
        )
    return tuple(notes)
