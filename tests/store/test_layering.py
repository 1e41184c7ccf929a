"""Who may import what: store/ knows nothing of the annotators, query/ and web/ only the Store."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"


def _module_file(module: str) -> Path | None:
    base = SRC.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.exists():
            return candidate
    return None


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("wirescope"):
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names if _module_file(f"{node.module}.{a.name}"))
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("wirescope"))
    return found


def _reachable(start: list[str]) -> set[str]:
    seen, todo = set(), list(start)
    while todo:
        module = todo.pop()
        if module in seen or module == "wirescope":  # the package's own __init__ gathers everything
            continue
        seen.add(module)
        path = _module_file(module)
        if path:
            todo += sorted(_imports(path))
    return seen


STORE_MODULES = [
    f"wirescope.store.{p.stem}" for p in (SRC / "wirescope" / "store").glob("*.py") if p.stem != "__init__"
]


@pytest.mark.parametrize("module", [*STORE_MODULES, "wirescope.store"])
def test_the_store_imports_nothing_from_the_annotators(module):
    assert not {m for m in _reachable([module]) if m.startswith("wirescope.annotate")}


@pytest.mark.parametrize(
    "path", sorted([*(SRC / "wirescope" / "query").glob("*.py"), *(SRC / "wirescope" / "web").glob("*.py")])
)
def test_query_and_web_read_through_the_store_only(path):
    text = path.read_text(encoding="utf-8")
    assert ".engine" not in text and "store.schema" not in text and "import schema" not in text, path.name
