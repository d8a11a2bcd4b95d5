"""``socialtui git-setup [PATH...] [--undo]``: let git merge plans with ``socialtui merge``.

Two things make git use a merge driver, and this command writes both:

- a line in the repository's ``.gitattributes`` naming the files
  (``plans/*.toml merge=socialtui``): committed, it is shared by the team;
- the driver itself in the repository's own git config (``merge.socialtui.name``
  and ``merge.socialtui.driver``), which git never shares: each clone runs
  this once.

The driver names this installation's ``socialtui`` by its absolute path (the
console script beside the running interpreter, else ``python -m socialtui``),
so that a merge works whatever ``PATH`` holds then, a virtual environment's
``bin`` included; run it again after moving the installation. Running it twice
changes nothing; ``--undo`` takes out what it added (the driver too, once no
line of ``.gitattributes`` uses it).
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from socialtui.cli.common import EXIT_OK, EXIT_UNREADABLE, CliError, data_dir, out, subcommand
from socialtui.safe import clean

DRIVER = "socialtui"
ATTRIBUTE = f"merge={DRIVER}"
NAME = "socialtui: plans merged by meaning"
ARGUMENTS = "merge %O %A %B --name %P --marker-size %L"
GIT_TIMEOUT = 30.0


def add_parser(sub) -> None:
    p = subcommand(
        sub,
        "git-setup",
        "make git merge plans by meaning (sets up 'socialtui merge')",
        "In a git repository, make 'git merge' (and pull, rebase, cherry-pick)\n"
        "merge plan files with 'socialtui merge' instead of line by line:\n\n"
        "  .gitattributes    PATTERN merge=socialtui   for each PATH (commit it)\n"
        "  .git/config       merge.socialtui.name, merge.socialtui.driver\n\n"
        "PATH is a folder of plans (its *.toml files) or a plan file; without\n"
        "PATH, the plans folder of the data directory. Running it again changes\n"
        "nothing; --undo removes the lines for PATH, and the driver once no line\n"
        "uses it. Prints what it changed.\n\n"
        "Merge buttons on hosting sites do not run merge drivers: merge locally.",
    )
    p.add_argument(
        "paths",
        metavar="PATH",
        nargs="*",
        type=Path,
        help="a folder of plans or a plan file (default: the plans folder)",
    )
    p.add_argument("--undo", action="store_true", help="remove what git-setup added")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from socialtui.paths import plans_dir

    git = shutil.which("git")
    if git is None:
        raise CliError("git-setup: git is not installed (or not on PATH)")
    targets = list(args.paths) or [plans_dir(data_dir(args))]
    top = _repository(git, targets)
    lines = [f"{_pattern(top, target)} {ATTRIBUTE}" for target in targets]
    attributes = top / ".gitattributes"
    if args.undo:
        changes = _remove_lines(attributes, lines)
        if not any(_uses_driver(line) for line in _read_lines(attributes)):
            changes += _unset_driver(git, top)
    else:
        changes = _add_lines(attributes, lines) + _set_driver(git, top)
    for change in changes:
        out(change)
    if not changes:
        out(f"nothing to change in {clean(str(top))}: " + ("not set up" if args.undo else "set up"))
    elif not args.undo:
        out(
            "Commit .gitattributes to share it; git does not share its config, so every "
            "clone runs 'socialtui git-setup' once."
        )
    return EXIT_OK


# -- the repository ---------------------------------------------------------------------------


def _git(git: str, top: Path, *args: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(
            [git, "-C", str(top), *args],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise CliError(f"git-setup: git failed: {clean(str(error))}", EXIT_UNREADABLE) from None


def _repository(git: str, targets: list[Path]) -> Path:
    """The top folder of the one work tree holding every target."""
    tops = set()
    for target in targets:
        if not target.exists():
            raise CliError(f"git-setup: {clean(str(target))} does not exist", EXIT_UNREADABLE)
        folder = target if target.is_dir() else target.parent
        found = _git(git, folder, "rev-parse", "--show-toplevel")
        if found.returncode != 0 or not found.stdout.strip():
            raise CliError(
                f"git-setup: {clean(str(target))} is not in a git work tree "
                "(run 'git init' there, or name a folder inside a repository)",
                EXIT_UNREADABLE,
            )
        tops.add(Path(found.stdout.strip()).resolve())
    if len(tops) > 1:
        raise CliError("git-setup: the paths are in different repositories; name one at a time")
    return tops.pop()


def _pattern(top: Path, target: Path) -> str:
    """The .gitattributes pattern, relative to ``top``, for a plan file or a folder of plans."""
    relative = target.resolve().relative_to(top).as_posix() if target.resolve() != top else ""
    for special in "\\*?[":
        relative = relative.replace(special, "\\" + special)
    if target.is_dir():
        pattern = f"{relative}/*.toml" if relative else "/*.toml"
    else:
        pattern = relative if "/" in relative else f"/{relative}"  # anchored to the top
    if any(c.isspace() or c == '"' for c in pattern):
        pattern = '"' + pattern.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return pattern


# -- .gitattributes ---------------------------------------------------------------------------


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    except (OSError, UnicodeError) as error:
        reason = f"cannot read {clean(str(path))}: {clean(str(error))}"
        raise CliError(f"git-setup: {reason}", EXIT_UNREADABLE) from None


def _uses_driver(line: str) -> bool:
    return not line.lstrip().startswith("#") and ATTRIBUTE in line.split()


def _write(path: Path, lines: list[str]) -> None:
    from socialtui.store.files import write_atomic

    newline = "\r\n" if path.exists() and b"\r\n" in path.read_bytes() else "\n"
    data = "".join(line + newline for line in lines).encode("utf-8")
    try:
        if path.exists():
            write_atomic(path, data)  # keeps its mode
        else:
            path.write_bytes(data)  # a new shared file: the umask's mode, not a private one
    except OSError as error:
        reason = f"cannot write {clean(str(path))}: {clean(str(error))}"
        raise CliError(f"git-setup: {reason}", EXIT_UNREADABLE) from None


def _add_lines(path: Path, lines: list[str]) -> list[str]:
    existing = _read_lines(path)
    have = {line.strip() for line in existing}
    new = [line for line in lines if line not in have]
    if not new:
        return []
    _write(path, existing + new)
    return [f"{clean(str(path))}: added {clean(line)}" for line in new]


def _remove_lines(path: Path, lines: list[str]) -> list[str]:
    existing = _read_lines(path)
    kept = [line for line in existing if line.strip() not in lines]
    if len(kept) == len(existing):
        return []
    removed = [clean(line.strip()) for line in existing if line.strip() in lines]
    if any(line.strip() for line in kept):
        _write(path, kept)
        return [f"{clean(str(path))}: removed {line}" for line in removed]
    path.unlink()
    return [f"{clean(str(path))}: removed (it held only {', '.join(removed)})"]


# -- the driver in the repository's config -----------------------------------------------------


def driver_command() -> str:
    """The shell command git runs to merge: this installation's socialtui, by absolute path."""
    interpreter = os.path.abspath(sys.executable)  # not resolved: a venv's python is a link
    script = Path(interpreter).parent / ("socialtui.exe" if os.name == "nt" else "socialtui")
    program = [str(script)] if script.is_file() else [interpreter, "-m", "socialtui"]
    return " ".join(shlex.quote(part) for part in program) + " " + ARGUMENTS


def _set_driver(git: str, top: Path) -> list[str]:
    changes = []
    for key, value in (("name", NAME), ("driver", driver_command())):
        name = f"merge.{DRIVER}.{key}"
        current = _git(git, top, "config", "--local", "--get", name)
        if current.returncode == 0 and current.stdout.rstrip("\n") == value:
            continue
        done = _git(git, top, "config", "--local", name, value)
        if done.returncode != 0:
            raise CliError(
                f"git-setup: git config {name} failed: {clean(done.stderr.strip())}",
                EXIT_UNREADABLE,
            )
        verb = "changed" if current.returncode == 0 else "set"
        changes.append(f"git config {name}: {verb} to {clean(value)}")
    return changes


def _unset_driver(git: str, top: Path) -> list[str]:
    section = f"merge.{DRIVER}"
    if _git(git, top, "config", "--local", "--get-regexp", rf"^{section}\.").returncode != 0:
        return []
    done = _git(git, top, "config", "--local", "--remove-section", section)
    if done.returncode != 0:
        raise CliError(
            f"git-setup: git config --remove-section {section} failed: "
            f"{clean(done.stderr.strip())}",
            EXIT_UNREADABLE,
        )
    return [f"git config: removed {section}.name and {section}.driver"]
