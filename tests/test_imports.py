"""memogen's modules import each other without a cycle, counting every import a module makes
(those inside functions too) and the packages an import runs first."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "memogen"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def _targets(name: str, importer: str) -> set[str]:
    """`name`, if a memogen module, and the packages Python runs before it (`memogen.a` for
    `memogen.a.b`) but for those already running around `importer`."""
    parts = name.split(".")
    found = {".".join(parts[:end]) for end in range(2, len(parts))}
    found -= {package for package in found if importer.startswith(package + ".")}
    return {module for module in {*found, name} if module in MODULES}


def imports_of(module: str) -> set[str]:
    """Every memogen module that importing `module`, or calling anything in it, imports."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                found |= _targets(alias.name, module)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names = [f"{base}.{alias.name}" for alias in node.names]
            submodules = [name for name in names if name in MODULES]
            found |= _targets(base, module) - ({base} if len(submodules) == len(names) else set())
            for name in submodules:
                found |= _targets(name, module)
    found.discard(module)
    return found


def _cycle_from(start: str, graph: dict[str, set[str]]) -> list[str] | None:
    """A path of imports that leads from `start` back to it, if any."""
    stack = [(start, [start])]
    seen: set[str] = set()
    while stack:
        module, path = stack.pop()
        for imported in sorted(graph[module]):
            if imported == start:
                return [*path, start]
            if imported not in seen:
                seen.add(imported)
                stack.append((imported, [*path, imported]))
    return None


def test_no_memogen_module_imports_itself_through_others() -> None:
    graph = {module: imports_of(module) for module in MODULES}
    cycles = {" -> ".join(cycle) for m in graph if (cycle := _cycle_from(m, graph)) is not None}
    assert cycles == set()


def test_the_import_graph_sees_function_level_and_package_imports() -> None:
    # The guard above is only as good as this reading of a module's imports.
    assert "memogen.serve.news" in imports_of("memogen.serve.livebuild")
    assert "memogen.findings" in imports_of("memogen.report")  # the package's own __init__
    assert "memogen.report" in imports_of(
        "memogen.cli_support"
    )  # `from memogen.report import render`
    assert "memogen.render.formats.pdf" in imports_of("memogen.render.worker")  # in a function
