"""What each plan file comes to for ``socialtui due``, kept between runs in ``<data>/cache/due``.

Working out a plan's findings means reading it (TOML and validation: about
30 ms for three years of weekly check-ins) and checking it twice; five such
plans take longer than a shell's start should. So each plan file's
:class:`~socialtui.plan.due.Rhythm` (or why it cannot be read) is kept under
the file's absolute path, with the size and the BLAKE2b digest of the bytes it
was worked out from. An entry is used only when the file, read again on every
run, has that size and digest: a change of content is always seen, whatever the
timestamps say (the same size in the same second, a restored modification
time, a coarse file system). Reading and hashing 72 kB takes about 0.05 ms.
An entry is used for nothing but ``due``.

The file is text: a header line, the digest of the rest (a torn or corrupted
file is never half-believed), the stamp of the code that wrote it
(:func:`code_stamp`: an upgrade or an edited rule starts afresh), then one line
per plan file, every string in it hex-encoded. Reading it is splitting and
``int``: a broken or hostile file can only fail to parse, and is then ignored
(and rewritten by the next run that works something out); a link or a FIFO in
its place is neither read nor written through. It is written 0600 in a 0700
folder, atomically (a temp file renamed over it): two runs at once each write a
whole file, the last one wins, and the other's new entries are worked out again
next time.
"""

from __future__ import annotations

import os
import stat

import socialtui
from socialtui.plan.due import Rhythm
from socialtui.plan.record import Record

try:  # the C module behind hashlib.blake2b: hashlib itself takes 2 ms to import
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

HEADER = "socialtui due cache 1"
MAX_CACHE_BYTES = 4_000_000  # a cache this big was not written by socialtui
# Where the code that decides what is due lives: the domain, the loader, this package.
SOURCES = ("plan", "store", "reminders")


def digest(data: bytes) -> str:
    return blake2b(data, digest_size=32).hexdigest()


def code_stamp() -> str:
    """socialtui's version and the name, size and modification time of every source
    file of the domain, the store and this package: what an entry was worked out with."""
    root = os.path.dirname(socialtui.__file__)
    parts = [socialtui.__version__]
    for folder in SOURCES:
        try:
            entries = sorted(os.scandir(os.path.join(root, folder)), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name.endswith(".py"):
                try:
                    info = entry.stat()
                except OSError:  # gone meanwhile (an upgrade under way): another stamp
                    continue
                parts.append(f"{folder}/{entry.name}:{info.st_size}:{info.st_mtime_ns}")
    return digest("\n".join(parts).encode("utf-8", "surrogateescape"))


class LoadFailure(Record):
    """Why a plan file cannot be read as a plan: 1-based line and column, a sentence."""

    __slots__ = ("column", "line", "reason")

    def __init__(self, line: int, column: int, reason: str) -> None:
        self.line = line
        self.column = column
        self.reason = reason


class Entry(Record):
    """What one plan file came to, and the size and digest of the bytes it came from."""

    __slots__ = ("digest", "size", "value")

    def __init__(self, size: int, digest: str, value: Rhythm | LoadFailure) -> None:
        self.size = size
        self.digest = digest
        self.value = value

    def matches(self, data: bytes) -> bool:
        return len(data) == self.size and digest(data) == self.digest


class Cache:
    """The entries of one cache file; :meth:`save` writes them back when they changed."""

    def __init__(
        self,
        file: str,
        stamp: str,
        entries: dict[str, Entry] | None = None,
        platform: tuple[str, str, str] | None = None,
    ) -> None:
        self.file = file
        self.stamp = stamp
        self.entries: dict[str, Entry] = entries if entries is not None else {}
        self.platform = platform
        """(data directory, platformdirs' file, :func:`socialtui.paths.platform_inputs`):
        what platformdirs said the data directory is, and with what inputs."""
        self.changed = False

    @classmethod
    def open(cls, file: str) -> Cache:
        """The cache in ``file``; empty when there is none or it cannot be believed."""
        stamp = code_stamp()
        try:
            data = _read(file)
            entries, platform = parse(data.decode("ascii"), stamp)
        except (OSError, ValueError, UnicodeError):
            entries, platform = {}, None
        return cls(file, stamp, entries, platform)

    def confirms(self, data: str) -> bool:
        """True when platformdirs said ``data`` is the data directory, asked with the
        inputs it would be asked with now."""
        from socialtui.paths import platform_inputs

        if self.platform is None:
            return False
        said, module_file, inputs = self.platform
        return said == data and platform_inputs(module_file) == inputs

    def note_platform(self, data: str, module_file: str, inputs: str) -> None:
        """Remember what platformdirs said (see :meth:`confirms`)."""
        if self.platform != (data, module_file, inputs):
            self.platform = (data, module_file, inputs)
            self.changed = True

    def get(self, key: str) -> Entry | None:
        return self.entries.get(key)

    def put(self, key: str, entry: Entry) -> None:
        if self.entries.get(key) != entry:
            self.entries[key] = entry
            self.changed = True

    def save(self) -> bool:
        """Write the entries back if they changed (those of files that still exist).
        False when that failed: the cache is only a help, and a failure is not an error."""
        if not self.changed:
            return True
        from socialtui.store.files import ensure_dir, write_atomic

        kept = {key: entry for key, entry in self.entries.items() if os.path.isfile(key)}
        folder = os.path.dirname(self.file)
        try:
            ensure_dir(folder)
            if not stat.S_ISDIR(os.lstat(folder).st_mode):
                return False  # a link (from a checkout, say) is not ours to write through
            if os.path.islink(self.file):
                os.unlink(self.file)  # nor is a link in our own folder: a file replaces it
            write_atomic(self.file, render(kept, self.stamp, self.platform).encode("ascii"))
        except OSError:
            return False
        self.changed = False
        return True


def _read(file: str) -> bytes:
    """The cache file's bytes: a regular file (not a link, a FIFO), of a sane size."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(file, flags | getattr(os, "O_CLOEXEC", 0))
    with open(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ValueError("not a regular file")
        data = handle.read(MAX_CACHE_BYTES + 1)
    if len(data) > MAX_CACHE_BYTES:
        raise ValueError("too big")
    return data


# -- the text ----------------------------------------------------------------------------------


def _hex(text: str | None) -> str:
    return "-" if text is None else text.encode("utf-8", "surrogatepass").hex()


def _text(field: str) -> str | None:
    return None if field == "-" else bytes.fromhex(field).decode("utf-8", "surrogatepass")


def _path(field: str) -> str:
    return os.fsdecode(bytes.fromhex(field))


def _number(value: int | None) -> str:
    return "-" if value is None else str(value)


def _int(field: str) -> int | None:
    return None if field == "-" else int(field)


def render(
    entries: dict[str, Entry], stamp: str, platform: tuple[str, str, str] | None = None
) -> str:
    lines = [f"stamp\t{stamp}"]
    if platform is not None:
        lines.append("\t".join(["platform", *(os.fsencode(part).hex() for part in platform)]))
    for key, entry in sorted(entries.items()):
        head = [os.fsencode(key).hex(), str(entry.size), entry.digest]
        value = entry.value
        if isinstance(value, LoadFailure):
            lines.append(
                "\t".join(["error", *head, str(value.line), str(value.column), _hex(value.reason)])
            )
            continue
        weeks, day, every, last, findings, judged = value.as_tuple()
        noted = ";".join(",".join(_hex(part) for part in item) for item in findings)
        fields = [",".join(map(str, weeks)), str(day), str(every), _number(last), _number(judged)]
        lines.append("\t".join(["ok", *head, *fields, noted]))
    body = "\n".join(lines) + "\n"
    return f"{HEADER}\n{digest(body.encode('ascii'))}\n{body}"


def parse(text: str, stamp: str) -> tuple[dict[str, Entry], tuple[str, str, str] | None]:
    """The entries in a cache file's ``text``, and what platformdirs said; ValueError for
    anything but what :func:`render` writes. What other code wrote (another ``stamp``)
    is dropped."""
    header, check, body = text.split("\n", 2)
    if header != HEADER or check != digest(body.encode("ascii")):
        raise ValueError("not a cache file, or a damaged one")
    lines = body.split("\n")
    if lines.pop() != "" or not lines or lines[0] != f"stamp\t{stamp}":
        return {}, None
    platform = None
    if len(lines) > 1 and lines[1].startswith("platform\t"):
        said, module_file, inputs = lines[1].split("\t")[1:]
        platform = (_path(said), _path(module_file), _path(inputs))
        del lines[1]
    entries = {}
    for line in lines[1:]:
        kind, path, size, data_digest, *rest = line.split("\t")
        if kind == "error" and len(rest) == 3:
            reason = _text(rest[2])
            if reason is None:
                raise ValueError("an error without its reason")
            value: Rhythm | LoadFailure = LoadFailure(int(rest[0]), int(rest[1]), reason)
        elif kind == "ok" and len(rest) == 6:
            weeks, day, every, last, judged, noted = rest
            findings = tuple(
                tuple(_text(part) for part in item.split(",")) for item in noted.split(";") if item
            )
            value = Rhythm.from_tuple(
                (
                    tuple(int(w) for w in weeks.split(",") if w),
                    int(day),
                    int(every),
                    _int(last),
                    findings,
                    _int(judged),
                )
            )
        else:
            raise ValueError("not an entry")
        if len(data_digest) != 64:
            raise ValueError("not a digest")
        entries[_path(path)] = Entry(int(size), data_digest, value)
    return entries, platform
