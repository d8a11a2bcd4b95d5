"""Writing a plan: the user's own document edited in place, checked, written atomically.

:func:`save` updates the loaded tomlkit document only where the plan changed
(:mod:`socialtui.store.tomldoc`), so comments, layout and unknown keys
survive. The new text is read back with the loader and must give exactly the
plan that was asked for before anything is written; the write itself is
atomic and private (:func:`socialtui.store.files.write_atomic`).

:func:`create` and :func:`render_new` make new files. Backups, locks and the
changed-on-disk check belong to the session (:mod:`socialtui.session`).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from socialtui.plan.model import SCHEMA_VERSION, Plan
from socialtui.store.errors import PlanLoadError, ReadOnlyError, SaveError
from socialtui.store.files import ensure_dir, write_atomic, write_protection
from socialtui.store.read import BOM, LoadedPlan, load, loads
from socialtui.store.tomltext import same_line_endings


def _edit(loaded: LoadedPlan, plan: Plan, *, fresh: bool) -> str:
    """``loaded``'s text with ``plan`` applied (a freshly parsed document if ``fresh``)."""
    from socialtui.store import tomldoc

    if fresh:
        loaded.parsed = None
    doc = loaded.document()
    tomldoc.apply(doc, loaded.plan, plan)
    return same_line_endings(loaded.text, doc.as_string())


def edited_text(loaded: LoadedPlan, plan: Plan) -> str:
    """``loaded``'s text with ``plan`` applied, checked to read back as ``plan``.

    Leaves the file alone. Raises SaveError (or what tomlkit raises) when the
    edit cannot be made faithfully.
    """
    if plan == loaded.plan:
        return loaded.text
    try:
        text = _edit(loaded, plan, fresh=False)
    finally:
        loaded.parsed = None  # the document no longer holds ``loaded.plan``
    if loads(text, loaded.path).plan != plan:
        raise SaveError("the copy would not read back as the plan")
    return text


def check_writable(path: str | os.PathLike[str]) -> None:
    """ReadOnlyError, saying why, when this user must not write the plan at ``path``
    (:func:`socialtui.store.files.write_protection`: mode, owner, folder)."""
    protection = write_protection(path)
    if protection is not None:
        raise ReadOnlyError(f"{path} is read-only: {protection.reason}; nothing was written")


def save(loaded: LoadedPlan, plan: Plan) -> LoadedPlan:
    """Write ``plan`` over the file ``loaded`` came from, changing only what changed.

    Returns a LoadedPlan for what is now on disk. Raises ReadOnlyError (a newer
    schema, or a file this user must not write: :func:`check_writable`), SaveError
    (nothing written) or OSError.
    """
    if loaded.read_only:
        raise ReadOnlyError(f"{loaded.path} is read-only: its schema is newer than this app knows")
    if plan == loaded.plan:
        return loaded
    check_writable(loaded.path)
    problem = ""
    for fresh in (False, True):
        try:
            text = _edit(loaded, plan, fresh=fresh)
        except SaveError:
            loaded.parsed = None
            raise
        except Exception as error:  # a tomlkit surprise: never write, never crash
            loaded.parsed = None
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
        loaded.parsed = None
    else:
        raise SaveError(f"{loaded.path}: cannot save: {problem}; nothing was written")

    doc, loaded.parsed = loaded.parsed, None  # the document now belongs to the new LoadedPlan
    return _written(loaded, text, result.plan, doc)


def save_text(loaded: LoadedPlan, plan: Plan, text: str) -> LoadedPlan:
    """Write ``text`` over the file ``loaded`` came from: a text of this file that
    holds ``plan`` (an undo back to a version read or saved earlier brings back
    its comments and layout exactly, which editing the current text could not:
    a deleted item's comments went with it). Checked to read back as ``plan``
    first; raises SaveError (nothing written) or OSError."""
    check_writable(loaded.path)
    try:
        result = loads(text, loaded.path)
    except PlanLoadError as error:
        message = f"{loaded.path}: cannot save: {error.reason}; nothing was written"
        raise SaveError(message) from error
    if result.plan != plan or result.read_only:
        raise SaveError(
            f"{loaded.path}: cannot save: the text is not the plan; nothing was written"
        )
    loaded.parsed = None
    return _written(loaded, text, result.plan, None)


def _written(loaded: LoadedPlan, text: str, plan: Plan, doc) -> LoadedPlan:
    """``text`` written atomically where ``loaded`` came from (its BOM kept)."""
    data = ((BOM if loaded.bom else "") + text).encode("utf-8")
    write_atomic(loaded.path, data)
    info = os.stat(loaded.path)
    return LoadedPlan(
        path=loaded.path,
        plan=plan,
        text=text,
        read_only=False,
        bom=loaded.bom,
        mtime_ns=info.st_mtime_ns,
        size=info.st_size,
        inode=info.st_ino,
        sha256=hashlib.sha256(data).hexdigest(),
        parsed=doc,
    )


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
    base = loads(_HEADER.format(title="Social plan", schema=SCHEMA_VERSION))
    if plan.schema != SCHEMA_VERSION:
        raise SaveError(f"cannot write a plan with schema {plan.schema}")
    text = _edit(base, plan, fresh=False)
    if loads(text).plan != plan:
        raise SaveError("the new plan would not read back as itself")
    return text
