"""The package declares what it imports, ships its type marker, and pins everything with hashes."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

from tests.conftest import ROOT

SRC = ROOT / "src" / "wirescope"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
LOCK = (ROOT / "requirements.lock").read_text(encoding="utf-8")


def normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> set[str]:
    project = PYPROJECT["project"]
    every = project["dependencies"] + [d for extra in project["optional-dependencies"].values() for d in extra]
    return {normalised(re.split(r"[=<>\[ ;]", d, maxsplit=1)[0]) for d in every}


def imported_modules() -> dict[str, str]:
    """Top-level third-party modules the package imports -> one file importing it."""
    found: dict[str, str] = {}
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name.split(".")[0] for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module.split(".")[0]]
            for name in names:
                if name not in sys.stdlib_module_names and name != "wirescope":
                    found.setdefault(name, str(path.relative_to(ROOT)))
    return found


def test_every_imported_package_is_declared_in_pyproject():
    distributions = packages_distributions()
    missing = {
        module: where
        for module, where in imported_modules().items()
        if not {normalised(d) for d in distributions.get(module, [module])} & declared()
    }
    assert missing == {}, "declare these in pyproject.toml (and requirements.lock)"


def test_every_declared_package_is_pinned_in_the_lock_with_hashes():
    locked = {normalised(m.group(1)): m.group(2) for m in re.finditer(r"^([A-Za-z0-9._-]+)==(\S+)", LOCK, re.M)}
    unpinned = sorted(d for d in declared() if d not in locked)
    assert unpinned == []
    without_hash = re.findall(r"^([A-Za-z0-9._-]+)==\S+(?: ;[^\\\n]*)?\s*$", LOCK, re.M)
    assert without_hash == [], "every pin needs its hashes: rebuild the lock with `make lock`"
    assert len(re.findall(r"^[A-Za-z0-9._-]+==\S+.*\\\n\s+--hash=sha256:", LOCK, re.M)) == len(locked)


def test_the_type_marker_ships():
    assert (SRC / "py.typed").is_file()
    assert "py.typed" in PYPROJECT["tool"]["setuptools"]["package-data"]["wirescope"]
