"""The plans folder: which plans there are, and which file a plan's name means."""

from __future__ import annotations

import os
from pathlib import Path

from socialtui.paths import plans_dir
from socialtui.plan.model import slugify


def resolve_plan(ref: str, data: Path) -> Path:
    """A plan reference: a path (has a separator, ends in .toml, or is a file) or a slug."""
    if os.sep in ref or "/" in ref or ref.endswith(".toml") or Path(ref).is_file():
        return Path(ref)
    return plans_dir(data) / f"{ref}.toml"


def find_plan(ref: str, data: Path) -> Path:
    """The file for a plan name or path; a plan's name also finds its slug's file.

    ``socialtui new "Corner Bakery"`` writes ``corner-bakery.toml``, so
    ``socialtui check "Corner Bakery"`` finds it too.
    """
    path = resolve_plan(ref, data)
    if path.exists() or "/" in ref or os.sep in ref or ref.endswith(".toml"):
        return path
    by_slug = resolve_plan(slugify(ref), data)
    return by_slug if by_slug.exists() else path


def list_plans(data: Path) -> list[Path]:
    directory = plans_dir(data)
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.glob("*.toml") if p.is_file())


def slug_for_name(name: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    return slugify(name, taken)
