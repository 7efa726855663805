"""The package's four layers, read from its imports: a lower layer never imports a higher one.

Layers, lowest first (``sciencecity/__init__.py`` says what belongs in each):

1. ``sciencecity.reading``: paths, the seed, the tables and their descriptor, the boundaries;
2. ``sciencecity.rules``: every data rule, the one validator and, on top, the checked loader
   (``rules.checked``), which no other rule module imports;
3. ``sciencecity.analysis``: pure functions from tables to numbers and tables;
4. ``sciencecity.presentation``: words, number formats, reader tables, charts, chart data files.

``sciencecity.__main__`` (the command line) sits above them all. Within a layer the imports must
not form a circle, and no module imports ``sciencecity`` inside a function (the way a circle is
hidden). Analysis, rules and reading import no plotting or display library.

The checker is a function of the source tree, so it is tried on small made-up packages too: each
kind of violation it must find, it finds.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from sciencecity.reading import paths

LAYERS = ("reading", "rules", "analysis", "presentation")
TOP = "rules.checked"  # the checked loader: top of the rules layer
#: Libraries of presentation only: drawing, display, notebook output.
PRESENTATION_ONLY = ("matplotlib", "IPython", "myst_nb")


def _module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(tree: ast.Module, name: str, is_package: bool) -> list[tuple[str, int, bool]]:
    """(imported module, line, at module level) for every import of ``sciencecity`` in ``tree``."""
    found = []
    top = set(map(id, tree.body))
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = name.split(".") if is_package else name.split(".")[:-1]
                package = package[: len(package) - node.level + 1]
                base = ".".join(package + ([base] if base else []))
            # ``from sciencecity.rules import checked`` imports the module sciencecity.rules.checked
            targets = [f"{base}.{a.name}" for a in node.names] if base.count(".") < 2 else [base]
        for t in targets:
            if t == "sciencecity" or t.startswith("sciencecity."):
                found.append((t, node.lineno, id(node) in top))
            elif t.split(".")[0] in PRESENTATION_ONLY:
                found.append((t, node.lineno, id(node) in top))
    return found


def _layer(module: str) -> int:
    """0-based layer of ``sciencecity.<layer>...``; len(LAYERS) for the package and its CLI."""
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in LAYERS:
        return LAYERS.index(parts[1])
    return len(LAYERS)


def layering_problems(root: Path) -> list[str]:
    """Every import that breaks the layering in the package at ``root/sciencecity``."""
    pkg = root / "sciencecity"
    modules = {}
    for path in sorted(pkg.rglob("*.py")):
        name = _module_name(path, root)
        modules[name] = (path, ast.parse(path.read_text(encoding="utf-8")), path.name == "__init__.py")
    problems, edges = [], {}
    for name, (path, tree, is_package) in modules.items():
        where = path.relative_to(root)
        mine = _layer(name)
        for target, line, at_top in _imports(tree, name, is_package):
            if not target.startswith("sciencecity"):
                if mine < LAYERS.index("presentation"):
                    problems.append(f"{where}:{line}: {LAYERS[mine]} imports {target} (presentation only)")
                continue
            # ``from sciencecity.reading.text import HAN``: the module is the longest known prefix
            while target not in modules and "." in target:
                target = target.rsplit(".", 1)[0]
            if not at_top and mine < len(LAYERS):
                problems.append(f"{where}:{line}: imports {target} inside a function or class")
            theirs = _layer(target)
            if theirs > mine:
                problems.append(
                    f"{where}:{line}: {LAYERS[mine] if mine < len(LAYERS) else name} imports {target}, "
                    f"a higher layer ({LAYERS[theirs] if theirs < len(LAYERS) else 'the package'})"
                )
            if target == f"sciencecity.{TOP}" and name.startswith("sciencecity.rules.") and name != target:
                problems.append(f"{where}:{line}: {name} imports the checked loader, which sits on top of the rules")
            if target != name and target.count(".") >= 2:
                edges.setdefault(name, set()).add(target)
    problems += [f"import circle: {' -> '.join(c)}" for c in _circles(edges)]
    return problems


def _circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The import circles of a graph, each once (depth-first search)."""
    found, state = [], {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == "open":
                found.append(stack[stack.index(nxt) :] + [nxt])
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = "done"

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    return found


def test_the_package_is_layered():
    assert layering_problems(paths.ROOT) == []


def test_every_module_sits_in_a_layer():
    """Only the package's ``__init__`` and ``__main__`` live outside the four layer folders."""
    outside = sorted(
        p.name for p in (paths.ROOT / "sciencecity").glob("*.py") if p.name not in ("__init__.py", "__main__.py")
    )
    assert outside == []
    assert sorted(p.name for p in (paths.ROOT / "sciencecity").iterdir() if p.is_dir() and p.name in LAYERS) == sorted(
        LAYERS
    )


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    for rel, text in {"sciencecity/__init__.py": "", **files}.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for layer in LAYERS:
        init = tmp_path / "sciencecity" / layer / "__init__.py"
        init.parent.mkdir(parents=True, exist_ok=True)
        init.touch()
    return tmp_path


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"sciencecity/reading/a.py": "from sciencecity.rules import b\n", "sciencecity/rules/b.py": ""}, "higher"),
        (
            {"sciencecity/rules/a.py": "from sciencecity.analysis.b import f\n", "sciencecity/analysis/b.py": ""},
            "higher",
        ),
        (
            {"sciencecity/analysis/a.py": "from ..presentation import b\n", "sciencecity/presentation/b.py": ""},
            "higher",
        ),
        ({"sciencecity/analysis/a.py": "import matplotlib.pyplot as plt\n"}, "presentation only"),
        (
            {"sciencecity/rules/a.py": "def f():\n    from sciencecity.rules import b\n", "sciencecity/rules/b.py": ""},
            "inside",
        ),
        (
            {"sciencecity/rules/a.py": "from sciencecity.rules import checked\n", "sciencecity/rules/checked.py": ""},
            "on top",
        ),
        (
            {
                "sciencecity/rules/a.py": "from . import b\n",
                "sciencecity/rules/b.py": "from sciencecity.rules import a\n",
            },
            "circle",
        ),
    ],
    ids=["reading-rules", "rules-analysis", "relative-up", "plot-in-analysis", "in-function", "checked", "circle"],
)
def test_the_checker_finds_each_kind_of_violation(tmp_path, files, expected):
    problems = layering_problems(_package(tmp_path, files))
    assert any(expected in p for p in problems), problems


def test_the_checker_accepts_downward_imports(tmp_path):
    files = {
        "sciencecity/reading/a.py": "",
        "sciencecity/rules/b.py": "from sciencecity.reading import a\n",
        "sciencecity/rules/checked.py": "from . import b\n",
        "sciencecity/analysis/c.py": "from sciencecity.rules import checked, b\nfrom ..reading.a import x\n",
        "sciencecity/presentation/d.py": "import matplotlib\nfrom sciencecity.analysis import c\n",
        "sciencecity/__main__.py": "def main():\n    from sciencecity.presentation import d\n",
    }
    assert layering_problems(_package(tmp_path, files)) == []
