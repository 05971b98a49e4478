"""The project's layers, read from the imports of every module (ast): no arrow up, no circle, no stray lazy import.

    schemas  <  extractors  <  output  <  flows.runtime  <  flows  <  cli

A module imports modules of its own layer or below: `schemas/` nothing of the
project, `extractors/` the schemas, `output/` both (and never Prefect), the
flows all three, the command line everything. `extractors/`, `schemas/` and
`output/` never import Prefect. The graph of module imports, lazy ones included,
has no circle. In `cli/`, `output/` and `flows/`, an import inside a function
says why with a comment (on its line or the line above, for a run of imports).
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("schemas", "extractors", "output", "flows", "cli")
LAYERS = {"schemas": 0, "extractors": 1, "output": 2, "flows.runtime": 3, "flows": 4, "cli": 5}
NO_PREFECT = ("schemas", "extractors", "output")
COMMENTED = ("cli", "output", "flows")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for package in PACKAGES for p in sorted((ROOT / package).rglob("*.py"))}


def _lazy_exports(package: str) -> dict[str, str]:
    """A package's `_EXPORTS` (name -> submodule), loaded on first use by its __getattr__."""
    path = MODULES.get(package)
    if path is None or path.name != "__init__.py":
        return {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "_EXPORTS" for t in node.targets):
            return {k: f"{package}.{v}" for k, v in ast.literal_eval(node.value).items()}
    return {}


def _imports(name: str) -> list[tuple[str, int, bool]]:
    """(imported module, line, inside a function) for every import of module `name`: `from pkg import x` is
    pkg.x when that is a module, the submodule a lazy export names, else pkg."""
    path = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.Import):
                found.extend((alias.name, child.lineno, in_function) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - child.level + 1] + ([base] if base else []))
                exports = _lazy_exports(base)
                for alias in child.names:
                    full = f"{base}.{alias.name}"
                    found.append((full if full in MODULES else exports.get(alias.name, base), child.lineno,
                                  in_function))
            visit(child, inner)

    visit(tree, False)
    return found


def _layer(module: str) -> int | None:
    for prefix in sorted(LAYERS, key=len, reverse=True):
        if module == prefix or module.startswith(prefix + "."):
            return LAYERS[prefix]
    return None


def test_the_modules_are_found():
    assert {"cli.main", "output.folder", "flows.extract", "flows.runtime.runners", "extractors.reading.fetch",
            "schemas.records"} <= set(MODULES)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_arrow_up(name):
    own = _layer(name)
    up = [f"{name}:{line} imports {module}" for module, line, _ in _imports(name)
          if (layer := _layer(module)) is not None and layer > own]
    assert not up


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n.startswith(NO_PREFECT)))
def test_no_prefect_below_the_flows(name):
    assert not [f"{name}:{line} imports {module}" for module, line, _ in _imports(name)
                if module == "prefect" or module.startswith(("prefect.", "prefect_dask"))]


def test_no_import_circle():
    graph = {name: {m for m, _, _ in _imports(name) if m in MODULES and m != name} for name in MODULES}
    # a package's __init__ is imported with each of its modules: an import of pkg.mod imports pkg too
    for name in MODULES:
        for module in list(graph[name]):
            parent = module.rpartition(".")[0]
            while parent and parent in MODULES and not name.startswith(parent):
                graph[name].add(parent)
                parent = parent.rpartition(".")[0]
    state: dict[str, int] = {}  # 1: on the path being walked, 2: done
    circles = []

    def walk(name: str, path: list[str]) -> None:
        state[name] = 1
        for module in sorted(graph[name]):
            if state.get(module) == 1:
                circles.append(" -> ".join(path[path.index(module):] + [module]))
            elif module not in state:
                walk(module, path + [module])
        state[name] = 2

    for name in sorted(MODULES):
        if name not in state:
            walk(name, [name])
    assert not circles


def _lazy_imports_without_reason(name: str) -> list[str]:
    lines = MODULES[name].read_text(encoding="utf-8").splitlines()
    tree = ast.parse("\n".join(lines))
    bad = []
    for func in ast.walk(tree):
        if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        run_start = None  # the first import of a run of imports in the function's body
        for stmt in func.body:
            if not isinstance(stmt, (ast.Import, ast.ImportFrom)):
                run_start = None
                continue
            run_start = run_start or stmt
            said = "#" in lines[run_start.lineno - 1] or lines[run_start.lineno - 2].strip().startswith("#")
            if not said and "#" not in lines[stmt.lineno - 1]:
                bad.append(f"{name}:{stmt.lineno}: {lines[stmt.lineno - 1].strip()}")
    return bad


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n.startswith(COMMENTED)))
def test_an_import_inside_a_function_says_why(name):
    assert not _lazy_imports_without_reason(name)


def test_the_checks_can_fail(tmp_path, monkeypatch):
    """The checks above on modules written to fail them: an arrow up, a circle, a lazy import without a reason."""
    (tmp_path / "output").mkdir()
    (tmp_path / "output" / "a.py").write_text("import flows.extract\nimport output.b\n", encoding="utf-8")
    (tmp_path / "output" / "b.py").write_text("def f():\n    import output.a\n", encoding="utf-8")
    fake = {"output.a": tmp_path / "output" / "a.py", "output.b": tmp_path / "output" / "b.py",
            "flows.extract": MODULES["flows.extract"]}
    monkeypatch.setattr(f"{__name__}.MODULES", fake)
    assert [m for m, _, _ in _imports("output.a")] == ["flows.extract", "output.b"]
    with pytest.raises(AssertionError):
        test_no_arrow_up("output.a")
    with pytest.raises(AssertionError):
        test_no_import_circle()
    assert _lazy_imports_without_reason("output.b") == ["output.b:2: import output.a"]
