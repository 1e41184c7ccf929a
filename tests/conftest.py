"""Shared fixtures: the seed article and the gold sets in ../shared, real stores."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed"
EVAL = SHARED / "eval"
DEMO = ROOT / "src" / "wirescope" / "demo" / "corpus"


def need_shared(path: Path) -> Path:
    """Skip with a reason when ../shared is absent (a user's fresh clone); under CI that is a failure."""
    if path.exists():
        return path
    if os.environ.get("CI") == "true":
        pytest.fail(f"{path} is missing: CI must have ../shared beside the project")
    pytest.skip(f"{path} is absent (a fresh clone has no ../shared); these tests read it")


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (need_shared(SEED) / "panjshir_dailybeast_2021.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads((need_shared(SEED) / "panjshir_dailybeast_2021.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_article(seed_text, seed_gold):
    import wirescope

    return wirescope.process(seed_text, published=seed_gold["metadata"]["published_for_tests"])


@pytest.fixture
def store():
    import wirescope

    with wirescope.open_store("memory") as s:
        yield s
