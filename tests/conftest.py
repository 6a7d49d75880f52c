"""Shared fixtures: the real knowledge base, loaded once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import KnowledgeBase, load_knowledge

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.fail(f"the source reports are expected in {SEEDS} (CI has ../shared beside the checkout)")
    return SEEDS
