"""Reading a plan file: bounded, checked, with a line and column for every problem.

Reading uses ``tomli`` (the parser that became the standard library's
``tomllib``, here in its compiled build, four times faster on a plan with years
of check-ins), which is the judge of validity; :mod:`socialtui.store.schema`
turns its data into a :class:`~socialtui.plan.model.Plan`.

A UTF-8 byte-order mark is accepted: it is stripped before parsing and written
back on save (``LoadedPlan.bom``).

Every plan file is untrusted, and reading one is bounded before the TOML parser
sees it: it must be a regular file (a FIFO or ``/dev/zero`` is refused without
blocking) of at most ``MAX_PLAN_BYTES`` (2 MB, about 14,000 weekly check-ins),
and no key may have more than ``MAX_KEY_PARTS`` dotted parts (the parser's cost
grows with the square of that number: a 200 kB line of ``a.a.a...`` takes
gigabytes). Arrays or tables nested deeper than the recursion limit allows are
refused like any other error. The worst file within those limits loads in
seconds and a few hundred MB at most; tests/safety/test_bounds.py measures it.
Every failure to read a plan is a PlanLoadError with a 1-based line and column,
or an OSError.

tomlkit is not imported here: :meth:`LoadedPlan.document` loads it when a save
needs the document.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli

from socialtui.plan.model import Plan
from socialtui.store.errors import PlanLoadError
from socialtui.store.files import FileRefused, read_bounded
from socialtui.store.schema import validate

BOM = "\ufeff"
MAX_PLAN_BYTES = 2_000_000  # 2 MB: about 14,000 weekly check-ins of 140 bytes
MAX_KEY_PARTS = 8  # a plan's own keys have at most 3 (checkins.hours.instagram)


@dataclass(eq=False)
class LoadedPlan:
    """A plan as read from disk (or a string), with what save needs to write it back."""

    path: Path
    plan: Plan
    text: str
    read_only: bool = False
    bom: bool = False
    mtime_ns: int | None = None
    size: int | None = None
    inode: int | None = None
    sha256: str = ""
    parsed: Any = field(default=None, repr=False)
    """The tomlkit document for ``text`` once :meth:`document` parsed it."""

    def document(self) -> Any:
        """The tomlkit document for ``text``, parsed on first use."""
        if self.parsed is None:
            from socialtui.store.tomldoc import parse

            self.parsed = parse(self.text, self.path)
        return self.parsed


# -- loading ----------------------------------------------------------------------------------


def load(path: str | os.PathLike[str]) -> LoadedPlan:
    """Read and check a plan file. Raises PlanLoadError (with line and column) or OSError.

    Only regular files are read (opening does not block on a FIFO), and at most
    ``MAX_PLAN_BYTES`` of them (:func:`socialtui.store.files.read_bounded`).
    """
    path = Path(path)
    data, info = read_plan_bytes(path)
    loaded = loads_bytes(data, path)
    loaded.mtime_ns, loaded.size, loaded.inode = info.st_mtime_ns, info.st_size, info.st_ino
    return loaded


def read_plan_bytes(path: str | os.PathLike[str]) -> tuple[bytes, os.stat_result]:
    """The bytes of the plan file at ``path``, bounded: the one way a plan is read.

    Raises PlanLoadError (line 1, column 1) for a file that is not a regular file
    or is over ``MAX_PLAN_BYTES``; OSError naming ``path`` for the rest.
    """
    try:
        return read_bounded(path, MAX_PLAN_BYTES)
    except FileRefused as refused:
        reason = refused.strerror if refused.size is None else _size_reason(refused.size)
        raise PlanLoadError(path, 1, 1, reason) from None


def _size_reason(size: int) -> str:
    return (
        f"the file is {size:,} bytes; a plan may be at most {MAX_PLAN_BYTES:,} bytes "
        f"({MAX_PLAN_BYTES // 1_000_000} MB)"
    )


def _check_size(size: int, path: str | os.PathLike[str]) -> None:
    if size > MAX_PLAN_BYTES:
        raise PlanLoadError(path, 1, 1, _size_reason(size))


def loads_bytes(data: bytes, path: str | os.PathLike[str] = "<bytes>") -> LoadedPlan:
    """Decode and check plan bytes (UTF-8, optional BOM) without touching the disk."""
    _check_size(len(data), path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        good = data[: error.start].decode("utf-8")
        if good.startswith(BOM):
            good = good[1:]
        line, column = _offset_to_position(good, len(good))
        raise PlanLoadError(path, line, column, "the file is not valid UTF-8") from None
    return loads(text, path)  # its sha256 is of text.encode(), which is ``data`` again


def loads(text: str, path: str | os.PathLike[str] = "<string>") -> LoadedPlan:
    """Parse and check plan text. A leading BOM is stripped and remembered."""
    path = Path(path)
    if len(text) > MAX_PLAN_BYTES // 4:  # only then can the UTF-8 form be over the limit
        _check_size(len(text.encode("utf-8", "surrogatepass")), path)
    try:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    except UnicodeEncodeError as error:  # a lone surrogate: only a str can hold one
        line, column = _offset_to_position(text, error.start)
        raise PlanLoadError(path, line, column, "the text is not valid Unicode") from None
    bom = text.startswith(BOM)
    if bom:
        text = text[1:]
    if "\x00" in text:
        line, column = _offset_to_position(text, text.index("\x00"))
        raise PlanLoadError(path, line, column, "the file contains a NUL character; is it binary?")
    _check_keys(text, path)
    raw = _parse_toml(text, path)
    plan, read_only = validate(raw, text, path)
    return LoadedPlan(path=path, plan=plan, text=text, read_only=read_only, bom=bom, sha256=digest)


def _offset_to_position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


# Strings and comments, whose dots and brackets are not TOML syntax (\"\"\" before ").
_SKIP_RE = re.compile(
    r'"""(?:[^"\\]|\\[\s\S]|"{1,2}(?!"))*"{3,5}'
    r"|'''(?:[^']|'{1,2}(?!'))*'{3,5}"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'[^'\n]*'"
    r"|#[^\n]*"
)
_REPEAT = "{" + str(MAX_KEY_PARTS) + "}"
# Strings and comments masked, a run between separators holding MAX_KEY_PARTS dots is
# a key of more parts than that. Only the starts of runs are tried: linear time.
_LONG_KEY_RE = re.compile(r"(?:\A|(?<=[=,{}\[\]\n]))[^=,{}\[\]\n.]*(?:\.[^=,{}\[\]\n.]*)" + _REPEAT)
_DEEP = 100  # _deep_bracket's idea of too deep; the parser gave up somewhere below


def _masked(text: str) -> str:
    """``text`` with strings and comments as inert characters; offsets and lines kept."""
    return _SKIP_RE.sub(_blank, text)


def _blank(match: re.Match[str]) -> str:
    found = match.group()
    if "\n" not in found:
        return "_" * len(found)
    return "\n".join("_" * len(part) for part in found.split("\n"))


def _check_keys(text: str, path: Path) -> None:
    """Refuse a key of more than MAX_KEY_PARTS dotted parts, before the parser chokes on it.

    A key sits on one line, and that line starts outside any string. So a line
    with too few dots, or whose own strings and comments masked leave no long
    run, cannot hold one: that filter is cheap (a plan of 3 years of check-ins
    has many lines of numbers with dots). Only a suspect line costs the masking
    of the whole text, which knows where multi-line strings are.
    """
    if text.count(".") < MAX_KEY_PARTS:
        return
    if not any(
        line.count(".") >= MAX_KEY_PARTS and _LONG_KEY_RE.search(_masked(line))
        for line in text.split("\n")
    ):
        return
    found = _LONG_KEY_RE.search(_masked(text))
    if found:
        offset = found.start() + len(found.group()) - len(found.group().lstrip())
        line, column = _offset_to_position(text, offset)
        raise PlanLoadError(path, line, column, f"more than {MAX_KEY_PARTS} dotted parts in a key")


def _deep_bracket(text: str) -> int:
    """Where an array or inline table first opens ``_DEEP`` levels deep (0: nowhere)."""
    depth = 0
    for match in re.finditer(r"[\[\]{}]", _masked(text)):
        depth += 1 if match.group() in "[{" else -1
        if depth >= _DEEP:
            return match.start()
    return 0


# A line git (or socialtui merge) writes around a merge conflict: <<<<<<< ours,
# ======= and >>>>>>> theirs, and ||||||| base in the diff3 style.
_CONFLICT_RE = re.compile(r"^(?:<{7,}|={7,}|>{7,}|\|{7,})(?:[ \t]|\r?$)", re.M)
CONFLICT_REASON = (
    "unresolved merge conflict: resolve it (keep the lines you want, delete the "
    "<<<<<<<, ======= and >>>>>>> lines), then git add the file"
)


def _conflict_marker(text: str) -> int | None:
    """The offset of the first merge conflict marker outside strings and comments."""
    if not _CONFLICT_RE.search(text):  # cheap: most broken files hold none
        return None
    found = _CONFLICT_RE.search(_masked(text))
    return found.start() if found else None


_AT_RE = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_AT_END_RE = re.compile(r"\s*\(at end of document\)\s*$")


def _parse_toml(text: str, path: Path) -> dict[str, Any]:
    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        marker = _conflict_marker(text)
        if marker is not None:
            line, column = _offset_to_position(text, marker)
            raise PlanLoadError(path, line, column, CONFLICT_REASON) from None
        message = str(error)
        match = _AT_RE.search(message)
        if match:
            line, column = int(match.group(1)), int(match.group(2))
            message = message[: match.start()]
        else:
            line, column = _offset_to_position(text, len(text))
            message = _AT_END_RE.sub("", message)
        message = message.strip().rstrip(".") or "invalid TOML"
        reason = f"the file is not valid TOML: {message[0].lower()}{message[1:]}"
        raise PlanLoadError(path, line, column, reason) from None
    except RecursionError:
        line, column = _offset_to_position(text, _deep_bracket(text))
        raise PlanLoadError(path, line, column, "arrays or tables are nested too deeply") from None
    except Exception as error:  # ValueError (huge integers), MemoryError...: never a crash
        raise PlanLoadError(path, 1, 1, f"the file cannot be read as TOML: {error}") from None


def changed_on_disk(loaded: LoadedPlan) -> bool:
    """True when the file is gone, is no longer a plan-sized regular file, or its
    content differs from what ``loaded`` read. Bounded like :func:`load`: a plan
    replaced by a FIFO or a link to ``/dev/zero`` is "changed", at once."""
    try:
        data, _ = read_bounded(loaded.path, MAX_PLAN_BYTES)
    except (FileNotFoundError, FileRefused):
        return True
    return hashlib.sha256(data).hexdigest() != loaded.sha256
