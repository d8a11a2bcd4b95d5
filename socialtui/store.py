"""The plan file: where plans live, how they are read, checked and saved.

Reading uses ``tomli`` (the parser that became the standard library's
``tomllib``, here in its compiled build, four times faster on a plan with years
of check-ins), which is the judge of validity. Saving updates the user's own
tomlkit document in place, only where the plan changed, so comments, layout
and unknown keys survive; the new text is
read back with the loader and must give exactly the plan that was asked for
before anything is written. Writes are atomic and files private
(:mod:`socialtui.files`, whose names are re-exported here).

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

Sessions: a program that edits plans calls :func:`start_session` once when it
starts and saves through :meth:`Session.save`. Starting a session removes the
temp files that killed saves left behind (:func:`clean_temp_files`); the first
save of each plan in a session first copies the version on disk to the backups
folder (:mod:`socialtui.backup`).

Nothing here imports textual or rich, and tomlkit is imported only when a save
needs it. Nothing is created at import time.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import os
import re
import stat
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from pathlib import Path
from typing import Any

import tomli

# Re-exported: callers use store.FILE_MODE, store.ensure_dir, store.write_atomic...
from socialtui.files import (  # noqa: F401
    DIR_MODE,
    FILE_MODE,
    TEMP_MIN_AGE,
    TEMP_STALE_AFTER,
    TEMP_SUFFIX,
    clean_temp_files,
    ensure_dir,
    permission_problem,
    write_atomic,
)
from socialtui.plan.model import (
    FOCUSES,
    HORIZONS,
    NAME_MAX,
    RANGES,
    SCHEMA_VERSION,
    STATUSES,
    VERDICTS,
    Audience,
    Budget,
    Channel,
    CheckIn,
    Goal,
    Plan,
    Purpose,
    Review,
    is_slug,
    parse_week,
    slugify,
)

ENV_DATA_DIR = "SOCIALTUI_DATA_DIR"
BOM = "\ufeff"
INT64 = 2**63
MAX_PLAN_BYTES = 2_000_000  # 2 MB: about 14,000 weekly check-ins of 140 bytes
MAX_KEY_PARTS = 8  # a plan's own keys have at most 3 (checkins.hours.instagram)


# -- errors ---------------------------------------------------------------------------------


class PlanError(Exception):
    """Base of every error the store raises about a plan file."""


class PlanLoadError(PlanError):
    """The file cannot be read as a plan. ``line`` and ``column`` are 1-based."""

    def __init__(self, path: str | os.PathLike[str], line: int, column: int, reason: str) -> None:
        self.path = Path(path)
        self.line = max(1, int(line))
        self.column = max(1, int(column))
        self.reason = reason
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.reason}"


class ReadOnlyError(PlanError):
    """The plan was opened read-only (its schema is newer than this app)."""


class SaveError(PlanError):
    """The plan could not be saved; the file on disk was left as it was."""


# -- locations --------------------------------------------------------------------------------


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data directory: ``override``, else ``$SOCIALTUI_DATA_DIR``, else platformdirs.

    Pure: creates nothing.
    """
    if override is not None and str(override) != "":
        return Path(override)
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("socialtui"))


def plans_dir(data: Path) -> Path:
    return Path(data) / "plans"


def resolve_plan(ref: str, data: Path) -> Path:
    """A plan reference: a path (has a separator, ends in .toml, or is a file) or a slug."""
    if os.sep in ref or "/" in ref or ref.endswith(".toml") or Path(ref).is_file():
        return Path(ref)
    return plans_dir(data) / f"{ref}.toml"


def list_plans(data: Path) -> list[Path]:
    directory = plans_dir(data)
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.glob("*.toml") if p.is_file())


def slug_for_name(name: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    return slugify(name, taken)


# -- the loaded plan ---------------------------------------------------------------------------


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
    _doc: Any = field(default=None, repr=False)

    def document(self) -> Any:
        """The tomlkit document for ``text``, parsed on first use."""
        if self._doc is None:
            self._doc = _parse_tomlkit(self.text, self.path)
        return self._doc


def _parse_tomlkit(text: str, path: Path) -> Any:
    import tomlkit

    try:
        return tomlkit.parse(text)
    except Exception as error:  # tomlkit has its own error zoo; none may escape as-is
        raise SaveError(
            f"{path}: the file is valid TOML but the TOML editor cannot read it ({error}); "
            "nothing was written"
        ) from error


# -- loading ----------------------------------------------------------------------------------


def load(path: str | os.PathLike[str]) -> LoadedPlan:
    """Read and check a plan file. Raises PlanLoadError (with line and column) or OSError.

    Only regular files are read (opening does not block on a FIFO), and at most
    ``MAX_PLAN_BYTES`` of them.
    """
    path = Path(path)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    with open(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise PlanLoadError(path, 1, 1, "this is not a regular file")
        _check_size(info.st_size, path)
        data = handle.read(MAX_PLAN_BYTES + 1)  # the file may grow while we read
    _check_size(len(data), path)
    loaded = loads_bytes(data, path)
    loaded.mtime_ns, loaded.size, loaded.inode = info.st_mtime_ns, info.st_size, info.st_ino
    return loaded


def _check_size(size: int, path: str | os.PathLike[str]) -> None:
    if size > MAX_PLAN_BYTES:
        raise PlanLoadError(
            path,
            1,
            1,
            f"the file is {size:,} bytes; a plan may be at most {MAX_PLAN_BYTES:,} bytes "
            f"({MAX_PLAN_BYTES // 1_000_000} MB)",
        )


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
    plan, read_only = _validate(raw, text, path)
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


_AT_RE = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_AT_END_RE = re.compile(r"\s*\(at end of document\)\s*$")


def _parse_toml(text: str, path: Path) -> dict[str, Any]:
    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as error:
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


# -- validation -------------------------------------------------------------------------------

Key = tuple[str | int, ...]


class _Invalid(Exception):
    def __init__(self, key: Key, reason: str) -> None:
        super().__init__(reason)
        self.key = key
        self.reason = reason


_BARE_RE = re.compile(r"[A-Za-z0-9_-]+\Z")


def key_name(key: Key) -> str:
    """("channels", 2, "posts_per_week") -> "channels[2].posts_per_week" (0-based)."""
    out = ""
    for part in key:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            shown = part if _BARE_RE.match(part) else '"' + part.replace('"', '\\"') + '"'
            out += f".{shown}" if out else shown
    return out


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "..."
        return repr(short)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, datetime):
        return "a date-time"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float | int):
        return repr(value)
    return f"a {type(value).__name__}"


def _bound(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _check_number(value: Any, key: Key, rng: tuple[float, float, bool] | None = None) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Invalid(key, f"{key_name(key)} must be a number, not {_show(value)}")
    if isinstance(value, float) and not math.isfinite(value):
        raise _Invalid(key, f"{key_name(key)} must be a finite number, not {_show(value)}")
    if isinstance(value, int) and not -INT64 <= value < INT64:
        raise _Invalid(key, f"{key_name(key)} is too large a number")
    if rng is not None:
        low, high, low_inclusive = rng
        ok = (low <= value if low_inclusive else low < value) and value <= high
        if not ok:
            if low_inclusive:
                span = f"from {_bound(low)} to {_bound(high)}"
            else:
                span = f"greater than {_bound(low)} and at most {_bound(high)}"
            raise _Invalid(key, f"{key_name(key)} must be a number {span}, not {_show(value)}")
    return value


def _check_int(value: Any, key: Key, rng: tuple[float, float, bool]) -> int:
    low, high, _ = rng
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _Invalid(
            key,
            f"{key_name(key)} must be a whole number from {_bound(low)} to {_bound(high)}, "
            f"not {_show(value)}",
        )
    return value


def _check_str(value: Any, key: Key) -> str:
    if not isinstance(value, str):
        raise _Invalid(key, f"{key_name(key)} must be a string, not {_show(value)}")
    return value


def _check_required_str(value: Any, key: Key) -> str:
    _check_str(value, key)
    if not value.strip():
        raise _Invalid(key, f"{key_name(key)} must not be empty")
    return value


def _check_name(value: Any, key: Key) -> str:
    _check_required_str(value, key)
    if len(value) > NAME_MAX:
        raise _Invalid(
            key, f"{key_name(key)} must be at most {NAME_MAX} characters, not {len(value)}"
        )
    return value


def _check_date(value: Any, key: Key) -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise _Invalid(
            key, f"{key_name(key)} must be a date such as 2027-06-30, not {_show(value)}"
        )
    return value


def _enum(choices: Sequence[str]) -> Callable[[Any, Key], str]:
    def check(value: Any, key: Key) -> str:
        if not isinstance(value, str) or value not in choices:
            listed = ", ".join(choices[:-1]) + f" or {choices[-1]}"
            raise _Invalid(key, f"{key_name(key)} must be {listed}, not {_show(value)}")
        return value

    return check


def _check_slug(value: Any, key: Key) -> str:
    if not isinstance(value, str) or not is_slug(value):
        raise _Invalid(
            key,
            f"{key_name(key)} must be an id of lowercase letters, digits and dashes "
            f"(at most 40 characters), not {_show(value)}",
        )
    return value


def _check_str_list(value: Any, key: Key) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise _Invalid(key, f"{key_name(key)} must be an array of strings, not {_show(value)}")
    for index, item in enumerate(value):
        if not isinstance(item, str):
            raise _Invalid(
                (*key, index), f"{key_name((*key, index))} must be a string, not {_show(item)}"
            )
    return tuple(value)


def _check_table(value: Any, key: Key) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Invalid(key, f"{key_name(key)} must be a table, not {_show(value)}")
    return value


def _check_tables(value: Any, key: Key) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise _Invalid(key, f"{key_name(key)} must be an array of tables ([[{key[-1]}]])")
    return value


def _map_of(check: Callable[[Any, Key], Any]) -> Callable[[Any, Key], dict[str, Any]]:
    def build(value: Any, key: Key) -> dict[str, Any]:
        table = _check_table(value, key)
        return {name: check(item, (*key, name)) for name, item in table.items()}

    return build


_check_hours = _map_of(lambda v, k: _check_number(v, k, RANGES["checkin_hours"]))
_check_metrics = _map_of(_check_number)
_check_verdicts = _map_of(_enum(VERDICTS))
_check_status = _enum(STATUSES)
_check_horizon = _enum(HORIZONS)
_check_focus = _enum(FOCUSES)


class _Reader:
    """Reads fields; strict raises on the first problem, lenient falls back to defaults."""

    def __init__(self, strict: bool) -> None:
        self.strict = strict

    def get(
        self,
        table: dict[str, Any],
        name: str,
        base: Key,
        check: Callable[[Any, Key], Any],
        default: Any = None,
        *,
        required: bool = False,
    ) -> Any:
        key = (*base, name)
        if name not in table:
            if required:
                raise _Invalid(key, f"{key_name(key)} is required")
            return default
        try:
            return check(table[name], key)
        except _Invalid:
            if self.strict or required:
                raise
            return default

    def num(self, table: dict[str, Any], name: str, base: Key, default: Any) -> Any:
        rng = RANGES[name]
        return self.get(table, name, base, lambda v, k: _check_number(v, k, rng), default)

    def items(
        self,
        data: dict[str, Any],
        name: str,
        build: Callable[[dict[str, Any], Key], Any],
        ident: str,
    ) -> tuple[Any, ...]:
        tables = self.get(data, name, (), _check_tables, [])
        out: list[Any] = []
        seen: set[str] = set()
        for index, table in enumerate(tables):
            key = (name, index)
            try:
                item = build(table, key)
                value = getattr(item, ident)
                if value in seen:
                    what = "week" if ident == "week" else "id"
                    raise _Invalid(
                        (*key, ident),
                        f"{key_name((*key, ident))} {value!r} is used twice"
                        if what == "id"
                        else f"{key_name((*key, ident))} {value!r} appears twice",
                    )
            except _Invalid:
                if self.strict:
                    raise
                continue
            seen.add(value)
            out.append(item)
        return tuple(out)


def _check_week(value: Any, key: Key) -> str:
    if not isinstance(value, str) or parse_week(value) is None:
        raise _Invalid(
            key, f"{key_name(key)} must be an ISO week such as 2026-W47, not {_show(value)}"
        )
    return value


def _build_plan(data: dict[str, Any], schema: int, strict: bool) -> Plan:
    r = _Reader(strict)
    name = r.get(data, "name", (), _check_name, required=True)

    purpose_t = r.get(data, "purpose", (), _check_table, {})
    p = ("purpose",)
    purpose = Purpose(
        who=r.get(purpose_t, "who", p, _check_str, ""),
        why=r.get(purpose_t, "why", p, _check_str, ""),
        what=r.get(purpose_t, "what", p, _check_str, ""),
        them=r.get(purpose_t, "them", p, _check_str, ""),
    )

    budget_t = r.get(data, "budget", (), _check_table, {})
    b, d = ("budget",), Budget()
    budget = Budget(
        weekly_hours=r.num(budget_t, "weekly_hours", b, d.weekly_hours),
        reserve_percent=r.num(budget_t, "reserve_percent", b, d.reserve_percent),
        max_active_channels=r.get(
            budget_t,
            "max_active_channels",
            b,
            lambda v, k: _check_int(v, k, RANGES["max_active_channels"]),
            d.max_active_channels,
        ),
    )

    review_t = r.get(data, "review", (), _check_table, {})
    v = ("review",)
    review = Review(
        every_weeks=r.get(
            review_t, "every_weeks", v, lambda x, k: _check_int(x, k, RANGES["every_weeks"]), 4
        ),
        last=r.get(review_t, "last", v, _check_date, None),
    )

    def goal(t: dict[str, Any], k: Key) -> Goal:
        return Goal(
            id=r.get(t, "id", k, _check_slug, required=True),
            title=r.get(t, "title", k, _check_required_str, required=True),
            metric=r.get(t, "metric", k, _check_str, ""),
            baseline=r.get(t, "baseline", k, _check_number, None),
            target=r.get(t, "target", k, _check_number, None),
            deadline=r.get(t, "deadline", k, _check_date, None),
            horizon=r.get(t, "horizon", k, _check_horizon, None),
            focus=r.get(t, "focus", k, _check_focus, None),
        )

    def audience(t: dict[str, Any], k: Key) -> Audience:
        return Audience(
            id=r.get(t, "id", k, _check_slug, required=True),
            name=r.get(t, "name", k, _check_required_str, required=True),
            wants=r.get(t, "wants", k, _check_str, ""),
            channels=r.get(t, "channels", k, _check_str_list, ()),
        )

    def channel(t: dict[str, Any], k: Key) -> Channel:
        return Channel(
            id=r.get(t, "id", k, _check_slug, required=True),
            name=r.get(t, "name", k, _check_required_str, required=True),
            status=r.get(t, "status", k, _check_status, "candidate"),
            posts_per_week=r.num(t, "posts_per_week", k, 0),
            minutes_per_post=r.num(t, "minutes_per_post", k, 0),
            engage_minutes_per_week=r.num(t, "engage_minutes_per_week", k, 0),
            goals=r.get(t, "goals", k, _check_str_list, ()),
            notes=r.get(t, "notes", k, _check_str, ""),
        )

    def checkin(t: dict[str, Any], k: Key) -> CheckIn:
        return CheckIn(
            week=r.get(t, "week", k, _check_week, required=True),
            hours=r.get(t, "hours", k, _check_hours, {}),
            metrics=r.get(t, "metrics", k, _check_metrics, {}),
            verdicts=r.get(t, "verdicts", k, _check_verdicts, {}),
            note=r.get(t, "note", k, _check_str, ""),
        )

    return Plan(
        name=name,
        schema=schema,
        purpose=purpose,
        budget=budget,
        review=review,
        goals=r.items(data, "goals", goal, "id"),
        audiences=r.items(data, "audiences", audience, "id"),
        channels=r.items(data, "channels", channel, "id"),
        checkins=r.items(data, "checkins", checkin, "week"),
    )


def _validate(data: dict[str, Any], text: str, path: Path) -> tuple[Plan, bool]:
    try:
        schema = data.get("schema", 1)
        if isinstance(schema, bool) or not isinstance(schema, int) or not 1 <= schema < INT64:
            raise _Invalid(
                ("schema",),
                f"schema must be a whole number of at least 1 (and below 2^63), "
                f"not {_show(schema)}",
            )
        read_only = schema > SCHEMA_VERSION
        return _build_plan(data, schema, strict=not read_only), read_only
    except _Invalid as error:
        line, column = locate(text, error.key)
        raise PlanLoadError(path, line, column, error.reason) from None


# -- locating a key in the source text ---------------------------------------------------------

_KEY_PART_RE = re.compile(r"""\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*""")


def _split_key(text: str) -> list[str] | None:
    """A dotted TOML key -> its parts, or None if ``text`` is not a key."""
    parts: list[str] = []
    pos = 0
    while True:
        match = _KEY_PART_RE.match(text, pos)
        if not match:
            return None
        parts.append(next(g for g in match.groups() if g is not None))
        pos = match.end()
        if pos == len(text):
            return parts
        if text[pos] != ".":
            return None
        pos += 1


def _key_at(line: str) -> tuple[list[str], int] | None:
    """For ``key = value`` lines: the key parts and the index just after '='."""
    in_quote = ""
    for index, char in enumerate(line):
        if in_quote:
            if char == in_quote:
                in_quote = ""
        elif char in "\"'":
            in_quote = char
        elif char == "=":
            parts = _split_key(line[:index])
            return (parts, index + 1) if parts else None
        elif char == "#":
            return None
    return None


def locate(text: str, key: Key) -> tuple[int, int]:
    """Best (line, column) for ``key`` in ``text``: the key, else its table, else 1:1."""
    target = tuple(key)
    best = (0, 1, 1)
    current: Key = ()
    counts: dict[tuple[str, ...], int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip()
        indent = len(line) - len(stripped)
        if stripped.startswith("["):
            is_array = stripped.startswith("[[")
            end = stripped.find("]]" if is_array else "]")
            parts = _split_key(stripped[2 if is_array else 1 : end]) if end > 0 else None
            if parts is None:
                continue
            if is_array:
                names = tuple(parts)
                counts[names] = counts.get(names, 0) + 1
                current = (*names, counts[names] - 1)
            else:
                current = tuple(parts)
            if current == target[: len(current)] and len(current) > best[0]:
                best = (len(current), number, indent + 1)
            continue
        found = _key_at(stripped)
        if not found:
            continue
        parts, after = found
        full = (*current, *parts)
        if full != target[: len(full)] or len(full) <= best[0]:
            continue
        best = (len(full), number, indent + 1)
        # Keys inside inline tables on the same line.
        pos = indent + after
        for depth, part in enumerate(target[len(full) :], start=len(full) + 1):
            if not isinstance(part, str):
                break
            pattern = r"(?<![\w\"'-])(?:" + re.escape(part) + r'|"' + re.escape(part) + r'")\s*='
            match = re.compile(pattern).search(line, pos)
            if not match:
                break
            best = (depth, number, match.start() + 1)
            pos = match.end()
    return best[1], best[2]


# -- saving -----------------------------------------------------------------------------------

_TOP_ORDER = ("schema", "name", "purpose", "budget", "review", "goals", "audiences", "channels")
_SECTIONS = ("purpose", "budget", "review")
_ARRAYS = ("goals", "audiences", "channels", "checkins")
_IDENT = {"goals": "id", "audiences": "id", "channels": "id", "checkins": "week"}
_CANON = (*_TOP_ORDER, "checkins")


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | tuple | list | dict) and len(value) == 0)


def _toml_value(existing: Any, value: Any) -> Any:
    """What to write: keep the number kind the file used where the value allows."""
    import tomlkit

    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        exact = isinstance(value, int) or (value.is_integer() and abs(value) < 2**53)
        wants_float = isinstance(existing, float) and not isinstance(existing, bool)
        if isinstance(value, int):
            return float(value) if wants_float and float(value) == value else value
        return float(value) if wants_float or not exact else int(value)
    if isinstance(value, tuple | list):
        return list(value)
    if isinstance(value, dict):
        # Written as `{ a = 1, b = 2 }`, the style of plan-format.md.
        pairs = ", ".join(
            f"{tomlkit.key(name).as_string()} = {tomlkit.item(_toml_value(None, item)).as_string()}"
            for name, item in value.items()
        )
        return tomlkit.parse(f"x = {{ {pairs} }}\n")["x"]
    return value


def _put(table: Any, name: str, value: Any) -> None:
    if _empty(value):
        if name in table:
            del table[name]
        return
    table[name] = _toml_value(table.get(name), value)


def _put_map(table: Any, name: str, old: dict[str, Any], new: dict[str, Any]) -> None:
    # Inline tables hold no comments, so rewriting the whole value loses nothing;
    # the comment after it on the line is kept by tomlkit.
    _put(table, name, new)


def _update_fields(table: Any, old: Any, new: Any) -> None:
    for f in fields(new):
        before = getattr(old, f.name) if old is not None else None
        after = getattr(new, f.name)
        if old is not None and before == after:
            continue
        if isinstance(after, dict):
            _put_map(table, f.name, before or {}, after)
        else:
            _put(table, f.name, after)


def _add_section(doc: Any, name: str, item: Any) -> None:
    """Add a table or array of tables at its natural place among the known sections."""
    later = set(_CANON[_CANON.index(name) + 1 :])
    body = doc.body
    seen_table = False
    for index, (key, value) in enumerate(body):
        is_section = type(value).__name__ in ("Table", "AoT")
        seen_table = seen_table or is_section
        if seen_table and key is not None and key.key in later and is_section:
            # Step back over the comments and blank lines that introduce it.
            while index > 0 and body[index - 1][0] is None:
                index -= 1
            while index < len(body) and body[index][0] is None and _is_blank(body[index][1]):
                index += 1
            doc._insert_at(index, name, item)
            return
    doc.add(name, item)


def _is_blank(item: Any) -> bool:
    return type(item).__name__ == "Whitespace"


def _aot(tables: list[Any]) -> Any:
    from tomlkit.items import AoT

    array = AoT([], parsed=True)  # parsed: tomlkit adds no blank lines of its own
    for table in tables:
        array.append(table)
    return array


def _trailing(table: Any) -> list[Any]:
    """Remove and return the comments/blank lines at the end of a table's body."""
    body = table.value.body
    tail: list[Any] = []
    while body and body[-1][0] is None:
        tail.insert(0, body.pop()[1])
    return tail


def _append_items(table: Any, items: list[Any]) -> None:
    for item in items:
        table.value.body.append((None, item))


def _new_table(item: Any, inline: bool) -> Any:
    import tomlkit

    table = tomlkit.inline_table() if inline else tomlkit.table()
    _update_fields(table, None, item)
    return table


def _update_array(doc: Any, name: str, old: tuple[Any, ...], new: tuple[Any, ...]) -> None:
    import tomlkit
    from tomlkit.items import AoT

    if old == new:
        return
    ident = _IDENT[name]
    existing = doc.get(name)
    if existing is None:
        tables: list[Any] = []
        inline = False
    elif isinstance(existing, AoT):
        tables, inline = list(existing.body), False
    else:
        tables, inline = list(existing), True
    if len(tables) != len(old):
        raise SaveError(f"{name}: the document and the plan disagree; nothing was written")

    index_of = {getattr(item, ident): i for i, item in enumerate(old)}
    assign: list[int | None] = [index_of.get(getattr(item, ident)) for item in new]
    used = {i for i in assign if i is not None}
    for position in range(len(new)):  # a changed id at the same place is a rename
        if assign[position] is None and position < len(old) and position not in used:
            assign[position] = position
            used.add(position)

    result: list[Any] = []
    for position, item in enumerate(new):
        source = assign[position]
        if source is None:
            result.append(_new_table(item, inline))
        else:
            _update_fields(tables[source], old[source], item)
            result.append(tables[source])

    if not new:
        if existing is not None:
            del doc[name]
        return
    if existing is None:
        for table in result[:-1]:
            _append_items(table, [tomlkit.nl()])
        _append_items(result[-1], [tomlkit.nl()])
        _add_section(doc, name, _aot(result))
        return
    kept = [i for i in assign if i is not None]
    in_place = kept == list(range(len(old))) and assign[: len(old)] == kept
    if in_place:
        for table in result[len(old) :]:
            if inline:
                existing.append(table)
            else:
                previous = existing.body[-1]
                tail = _trailing(previous)
                _append_items(previous, [tomlkit.nl()])
                existing.append(table)
                _append_items(table, tail or [tomlkit.nl()])
        return
    if inline:
        array = tomlkit.array()
        for table in result:
            array.append(table)
        doc[name] = array
        return
    # Rebuild: comments at the end of table i introduce table i + 1, and the last
    # table's tail introduces whatever follows the array. Keep them in those roles.
    blocks = [_trailing(t) for t in tables]
    leading = {id(tables[i + 1]): blocks[i] for i in range(len(tables) - 1)}
    tail = blocks[-1] if blocks else []
    for position, table in enumerate(result[:-1]):
        _append_items(table, leading.pop(id(result[position + 1]), None) or [tomlkit.nl()])
    first = result[0]
    orphan = leading.pop(id(first), [])
    if any(not _is_blank(item) for item in orphan):  # its introduction has nowhere better to go
        body = first.value.body
        while body and body[-1][0] is None:
            body.pop()
        _append_items(first, [tomlkit.nl(), *orphan])
        if len(result) > 1:
            _append_items(first, leading.get(id(result[1]), []))
    _append_items(result[-1], tail or [tomlkit.nl()])
    doc[name] = _aot(result)


def _apply(doc: Any, old: Plan, new: Plan) -> None:
    """Edit ``doc`` (which holds ``old``) in place so that it holds ``new``."""
    import tomlkit

    if old.schema != new.schema:
        doc["schema"] = new.schema
    if old.name != new.name:
        doc["name"] = new.name
    for name in _SECTIONS:
        before, after = getattr(old, name), getattr(new, name)
        if before == after:
            continue
        if name not in doc:
            table = tomlkit.table()
            _update_fields(table, type(after)(), after)
            table.add(tomlkit.nl())
            _add_section(doc, name, table)
        else:
            _update_fields(doc[name], before, after)
    for name in _ARRAYS:
        _update_array(doc, name, getattr(old, name), getattr(new, name))


def save(loaded: LoadedPlan, plan: Plan) -> LoadedPlan:
    """Write ``plan`` over the file ``loaded`` came from, changing only what changed.

    Returns a LoadedPlan for what is now on disk. Raises ReadOnlyError, SaveError
    (nothing written) or OSError.
    """
    if loaded.read_only:
        raise ReadOnlyError(f"{loaded.path} is read-only: its schema is newer than this app knows")
    if plan == loaded.plan:
        return loaded
    problem = ""
    for fresh in (False, True):
        doc = _parse_tomlkit(loaded.text, loaded.path) if fresh else loaded.document()
        try:
            _apply(doc, loaded.plan, plan)
            text = doc.as_string()
        except SaveError:
            loaded._doc = None
            raise
        except Exception as error:  # a tomlkit surprise: never write, never crash
            loaded._doc = None
            problem = f"the TOML editor failed ({type(error).__name__}: {error})"
            continue
        try:
            result = loads(text, loaded.path)
        except PlanLoadError as error:
            problem = f"the new text would not load ({error.reason})"
        else:
            if result.plan == plan and not result.read_only:
                break
            problem = "the new text would not read back as the plan"
        loaded._doc = None
    else:
        raise SaveError(f"{loaded.path}: cannot save: {problem}; nothing was written")

    data = ((BOM if loaded.bom else "") + text).encode("utf-8")
    write_atomic(loaded.path, data)
    info = os.stat(loaded.path)
    loaded._doc = None  # the document now belongs to the new LoadedPlan
    return LoadedPlan(
        path=loaded.path,
        plan=result.plan,
        text=text,
        read_only=False,
        bom=loaded.bom,
        mtime_ns=info.st_mtime_ns,
        size=info.st_size,
        inode=info.st_ino,
        sha256=hashlib.sha256(data).hexdigest(),
        _doc=doc,
    )


def changed_on_disk(loaded: LoadedPlan) -> bool:
    """True when the file is gone or its content differs from what ``loaded`` read."""
    try:
        data = Path(loaded.path).read_bytes()
    except FileNotFoundError:
        return True
    return hashlib.sha256(data).hexdigest() != loaded.sha256


# -- sessions ---------------------------------------------------------------------------------


class Session:
    """One run of a program that edits plans: the app, or a headless command.

    Get one from :func:`start_session`. ``save`` is :func:`save` plus a backup:
    before the first save of each plan in the session, the version on disk is
    copied to ``<data>/backups/`` (see :func:`socialtui.backup.snapshot`). If
    that copy cannot be made, nothing is written and SaveError is raised: a save
    without its safety net is not worth the risk. Safe to call from a worker
    thread (one save at a time per plan is the caller's business, as before).
    """

    def __init__(self, data: str | os.PathLike[str]) -> None:
        self.data = Path(data)
        self._backed_up: dict[str, Path | None] = {}
        self._cleaned: set[str] = set()
        self._lock = threading.Lock()

    def clean(self, directory: str | os.PathLike[str]) -> list[Path]:
        """Remove leftover temp files in ``directory``, once per session."""
        key = os.path.realpath(directory)
        with self._lock:
            if key in self._cleaned:
                return []
            self._cleaned.add(key)
        return clean_temp_files(key)

    def load(self, path: str | os.PathLike[str]) -> LoadedPlan:
        """:func:`load`, after cleaning the temp files next to the plan (its link's target)."""
        self.clean(Path(os.path.realpath(path)).parent)
        return load(path)

    def backup_once(self, path: str | os.PathLike[str]) -> Path | None:
        """Snapshot ``path`` unless this session already did; the backup (or None)."""
        from socialtui import backup

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
                    f"({error.filename or backup.backups_dir(self.data)}: {reason}); "
                    "nothing was written"
                ) from error
            self._backed_up[key] = made
            return made

    def save(self, loaded: LoadedPlan, plan: Plan) -> LoadedPlan:
        """:func:`save`, backing up the file first if this is its first save in the session."""
        if loaded.read_only:
            raise ReadOnlyError(
                f"{loaded.path} is read-only: its schema is newer than this app knows"
            )
        if plan == loaded.plan:
            return loaded
        self.backup_once(loaded.path)
        return save(loaded, plan)


def start_session(
    data: str | os.PathLike[str], plan: str | os.PathLike[str] | None = None
) -> Session:
    """Start a session: clean leftover temp files and return the Session to save through.

    Cleans the data directory, its plans and backup folders, the config folder,
    and the folder of ``plan`` (a link's target's) when one is given. Creates
    nothing. Never raises for a missing or unreadable folder.
    """
    session = Session(data)
    data = Path(data)
    folders = [data, plans_dir(data)]
    backups = data / "backups"
    with contextlib.suppress(OSError):
        folders += [Path(e.path) for e in os.scandir(backups) if e.is_dir(follow_symlinks=False)]
    with contextlib.suppress(Exception):
        from socialtui.config import config_dir

        folders.append(config_dir())
    if plan is not None:
        folders.append(Path(os.path.realpath(plan)).parent)
    for folder in folders:
        session.clean(folder)
    return session


def create(path: str | os.PathLike[str], text: str) -> LoadedPlan:
    """Write a new plan file from ``text`` (checked first). Never overwrites."""
    path = Path(path)
    loaded = loads(text, path)
    if loaded.read_only:
        raise ReadOnlyError(f"{path}: cannot create a plan with a newer schema")
    if os.path.lexists(path):
        raise FileExistsError(f"{path} already exists")
    ensure_dir(path.parent)
    write_atomic(path, ((BOM if loaded.bom else "") + loaded.text).encode("utf-8"))
    return load(path)


_HEADER = """\
# {title} — a socialtui plan. Edit freely: socialtui keeps your comments.
# Format: plan-format v1 (numbers may be integers or floats).
schema = {schema}
name = "plan"

[budget]
weekly_hours = 5.0          # hours you can really give social media each week
reserve_percent = 10        # held back for surprises
max_active_channels = 2     # walk before you run

[review]
every_weeks = 4
"""


def render_new(plan: Plan) -> str:
    """TOML text for a brand-new file holding ``plan``."""
    base_text = _HEADER.format(title="Social plan", schema=SCHEMA_VERSION)
    base = loads(base_text)
    if plan.schema != SCHEMA_VERSION:
        raise SaveError(f"cannot write a plan with schema {plan.schema}")
    doc = base.document()
    _apply(doc, base.plan, plan)
    text = doc.as_string()
    if loads(text).plan != plan:
        raise SaveError("the new plan would not read back as itself")
    return text
