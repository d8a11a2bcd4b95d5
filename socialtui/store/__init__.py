"""The plan file and the files around it: read, check, write, back up, lock.

==============  ================================================================
``read``        bounded reading into a :class:`LoadedPlan` (tomli; no tomlkit)
``schema``      the format's rules: TOML data -> Plan, or an error at a key
``locate``      a key's line and column in the text
``write``       save in place (comments kept), create, render a new file
``tomldoc``     the tomlkit edits: the one module that imports tomlkit
``files``       private modes, atomic writes, leftover temp files, ``pid_alive``
``folder``      the plans folder: list plans, resolve a plan's name
``backup``      the version before a session's first save; restore
``lock``        who has a plan open (a lock file next to it)
``config``      settings and the last plan opened
``crash``       crash logs and copies of unsaved edits
``starter``     the text of new plans; ``tomltext``: the one TOML string quoter
``mergefile``   three plan files merged (``socialtui merge``), conflict markers
==============  ================================================================

May import: socialtui.plan, socialtui.paths, socialtui.safe, tomli, tomlkit
(only in ``tomldoc``, only when saving). Never textual, rich, socialtui.tui,
socialtui.cli or socialtui.session. Nothing is created at import time.

The names below are the store's public face; everything else is reached
through its module.
"""

from socialtui.paths import data_dir, plans_dir
from socialtui.store.errors import PlanError, PlanLoadError, ReadOnlyError, SaveError
from socialtui.store.files import (
    DIR_MODE,
    FILE_MODE,
    TEMP_MIN_AGE,
    TEMP_STALE_AFTER,
    TEMP_SUFFIX,
    clean_temp_files,
    ensure_dir,
    permission_problem,
    pid_alive,
    write_atomic,
)
from socialtui.store.folder import find_plan, list_plans, resolve_plan, slug_for_name
from socialtui.store.locate import Key, key_name, locate
from socialtui.store.read import (
    BOM,
    MAX_KEY_PARTS,
    MAX_PLAN_BYTES,
    LoadedPlan,
    changed_on_disk,
    load,
    loads,
    loads_bytes,
)
from socialtui.store.schema import INT64
from socialtui.store.write import create, edited_text, render_new, save

__all__ = [
    "BOM",
    "DIR_MODE",
    "FILE_MODE",
    "INT64",
    "MAX_KEY_PARTS",
    "MAX_PLAN_BYTES",
    "TEMP_MIN_AGE",
    "TEMP_STALE_AFTER",
    "TEMP_SUFFIX",
    "Key",
    "LoadedPlan",
    "PlanError",
    "PlanLoadError",
    "ReadOnlyError",
    "SaveError",
    "changed_on_disk",
    "clean_temp_files",
    "create",
    "data_dir",
    "edited_text",
    "ensure_dir",
    "find_plan",
    "key_name",
    "list_plans",
    "load",
    "loads",
    "loads_bytes",
    "locate",
    "permission_problem",
    "pid_alive",
    "plans_dir",
    "render_new",
    "resolve_plan",
    "save",
    "slug_for_name",
    "write_atomic",
]
