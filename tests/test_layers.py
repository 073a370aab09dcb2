"""The pipeline's layering, kept by a test (docs/architecture.md): each package imports
only the packages below it, and no two modules import each other, directly or round a
longer circle.  Every import counts: at module level, inside a function (lazy) and
under TYPE_CHECKING alike, since each is a dependency a reader has to follow."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "claimcheck"

# From the bottom up; a module may import its own layer and those before it.
LAYERS = [("diagnostics", "outcomes", "sanitize"), ("quantities",), ("reading",), ("expressions",),
          ("claimfile",), ("checking",), ("authoring",), ("api",), ("render",),
          ("cli", "pytest_plugin")]
TOP = len(LAYERS)  # claimcheck/__init__ and __main__: the front door, above everything


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _layer(module: str) -> int:
    parts = module.split(".")
    if len(parts) == 1 or parts[1] == "__main__":
        return TOP
    return next((i for i, layer in enumerate(LAYERS) if parts[1] in layer), -1)


def _imports(module: str) -> set[str]:
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in MODULES)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            for alias in node.names:
                if f"{target}.{alias.name}" in MODULES:
                    found.add(f"{target}.{alias.name}")
                elif target in MODULES and target != "claimcheck":
                    found.add(target)
    found.discard(module)
    return found


GRAPH = {module: _imports(module) for module in MODULES}


def test_every_module_sits_in_a_known_layer() -> None:
    for module in MODULES:
        assert _layer(module) >= 0, module


@pytest.mark.parametrize("module", sorted(MODULES))
def test_a_module_imports_only_its_own_layer_and_those_below(module: str) -> None:
    upward = sorted(t for t in GRAPH[module] if _layer(t) > _layer(module))
    assert not upward, f"{module} imports {upward}, a layer above it (docs/architecture.md)"


def test_no_import_circles() -> None:
    """Depth-first search for a back edge; report the circle it closes."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for target in sorted(GRAPH[module]):
            if state.get(target) == 1:
                return [*path[path.index(target):], target]
            if target not in state and (circle := visit(target)):
                return circle
        path.pop()
        state[module] = 2
        return None

    for module in sorted(MODULES):
        if module not in state and (circle := visit(module)):
            pytest.fail("import circle: " + " -> ".join(circle))


def test_the_layer_test_sees_imports() -> None:
    """Guard against a test that cannot fail: the graph must hold known edges."""
    assert "claimcheck.quantities.intervals" in GRAPH["claimcheck.quantities.quantity"]
    assert "claimcheck.api" in GRAPH["claimcheck"]  # a lazy import
    assert "claimcheck.expressions" in GRAPH["claimcheck.checking.environment"]


def test_the_architecture_page_names_every_package_in_its_layer() -> None:
    page = (SRC.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    rows = [line for line in page.splitlines() if line.startswith("| ") and "|" in line[2:]]
    for i, layer in enumerate(LAYERS):
        row = next((r for r in rows if r.startswith(f"| {i} |")), "")
        for name in layer:
            assert f"`{name}" in row, f"docs/architecture.md: layer {i} should name {name}"
