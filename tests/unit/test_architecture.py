"""The house rules, read from the source: every import, including those inside
functions and ``importlib.import_module("socialtui....")`` strings.

No ``sys.modules`` here: an import that runs only on some path (a lazy import
in a function, a subcommand's module) counts as much as one at the top.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "socialtui"
MAX_LINES = 500
UI = ("textual", "rich")
PLAN_FORBIDDEN = ("textual", "rich", "tomlkit", "tomli", "platformdirs")


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, e.g. socialtui.cli.main
    target: str  # what it imports: a module (socialtui.store.read, tomlkit, json)
    name: str | None  # the name taken from it by ``from target import name``
    line: int

    def __str__(self) -> str:
        what = f"from {self.target} import {self.name}" if self.name else f"import {self.target}"
        return f"{self.module} (line {self.line}): {what}"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(module: str, is_package: bool, level: int, target: str | None) -> str:
    """The absolute name of a relative import."""
    if level == 0:
        return target or ""
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, target] if target else base)


def imports_of(module: str, path: Path, known: set[str]) -> list[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    is_package = path.name == "__init__.py"
    found: list[Import] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [Import(module, alias.name, None, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(module, is_package, node.level, node.module)
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                if sub in known:  # ``from socialtui.store import lock``: the module lock
                    found.append(Import(module, sub, None, node.lineno))
                else:
                    found.append(Import(module, target, alias.name, node.lineno))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
        ):
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.append(Import(module, arg.value, None, node.lineno))
            elif isinstance(arg, ast.JoinedStr):  # f"socialtui.cli.{name}": every match
                prefix = "".join(v.value for v in arg.values if isinstance(v, ast.Constant)).rstrip(
                    "."
                )
                found += [
                    Import(module, m, None, node.lineno)
                    for m in sorted(known)
                    if m.startswith(prefix + ".") and m.count(".") == prefix.count(".") + 1
                ]
    return found


def all_imports() -> list[Import]:
    known = modules()
    return [i for name, path in known.items() for i in imports_of(name, path, set(known))]


def ours(target: str) -> bool:
    return target == "socialtui" or target.startswith("socialtui.")


def top(target: str) -> str:
    return target.split(".")[0]


def inside(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def report(broken: list[str], rule: str) -> str:
    return f"{rule}:\n  " + "\n  ".join(broken)


# -- the graph ------------------------------------------------------------------------


def graph() -> dict[str, set[str]]:
    known = set(modules())
    edges: dict[str, set[str]] = {m: set() for m in known}
    for i in all_imports():
        if ours(i.target) and i.target in known and i.target != i.module:
            edges[i.module].add(i.target)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return groups


# -- the rules ---------------------------------------------------------------------------


def test_the_reader_sees_every_kind_of_import():
    """The rules below are only as good as this reader: it finds top-level and
    function-level imports, relative ones, and importlib strings."""
    found = {(i.module, i.target) for i in all_imports()}
    assert ("socialtui.cli.main", "socialtui.cli.checkin") in found  # importlib f-string
    assert ("socialtui.cli.open", "socialtui.tui.run") in found  # inside a function
    assert ("socialtui.plan.budget", "socialtui.plan.model") in found  # relative
    assert ("socialtui.store.read", "socialtui.store.tomldoc") in found  # lazy, in a method


def test_no_import_cycles():
    groups = cycles(graph())
    assert not groups, report(
        [" <-> ".join(g) for g in groups], "modules that import each other (a cycle)"
    )


def test_the_tui_never_imports_the_cli():
    broken = [
        str(i)
        for i in all_imports()
        if inside(i.module, "socialtui.tui") and inside(i.target, "socialtui.cli")
    ]
    assert not broken, report(broken, "socialtui.tui imports socialtui.cli")


def test_the_plan_imports_only_itself_and_the_standard_library():
    broken = [
        str(i)
        for i in all_imports()
        if inside(i.module, "socialtui.plan")
        and (
            (ours(i.target) and not inside(i.target, "socialtui.plan"))
            or top(i.target) in PLAN_FORBIDDEN
        )
    ]
    assert not broken, report(
        broken, "socialtui.plan imports socialtui outside plan, or " + ", ".join(PLAN_FORBIDDEN)
    )


def test_store_and_report_never_import_the_ui():
    broken = [
        str(i)
        for i in all_imports()
        if (inside(i.module, "socialtui.store") or inside(i.module, "socialtui.report"))
        and (top(i.target) in UI or inside(i.target, "socialtui.tui"))
    ]
    assert not broken, report(broken, "socialtui.store or socialtui.report imports the UI")


def test_no_private_name_is_taken_from_another_module():
    broken = [
        str(i)
        for i in all_imports()
        if i.name is not None
        and i.name.startswith("_")
        and not i.name.startswith("__")
        and ours(i.target)
        and i.target != i.module
    ]
    broken += [
        str(i)
        for i in all_imports()
        if ours(i.target)
        and any(part.startswith("_") for part in i.target.split(".")[1:])
        and not i.target.endswith("__main__")
    ]
    assert not broken, report(broken, "a _private name imported from another module")


def test_no_module_is_over_the_limit():
    broken = [
        f"{name}: {len(path.read_text(encoding='utf-8').splitlines())} lines"
        for name, path in modules().items()
        if len(path.read_text(encoding="utf-8").splitlines()) > MAX_LINES
    ]
    assert not broken, report(broken, f"modules over {MAX_LINES} lines (split along a seam)")


def test_platformdirs_is_imported_in_one_module():
    importers = sorted({i.module for i in all_imports() if top(i.target) == "platformdirs"})
    assert importers == ["socialtui.paths"], report(
        importers, "platformdirs must be imported in socialtui.paths only"
    )


def test_every_package_says_its_job_and_what_it_may_import():
    broken = []
    for name, path in modules().items():
        if path.name != "__init__.py" or name == "socialtui":
            continue
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        if not doc or "import" not in doc.lower():
            broken.append(name)
    assert not broken, report(broken, "packages whose docstring does not say what they may import")
