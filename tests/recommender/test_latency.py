"""recommend() stays well inside the 50 ms p95 target (measured on 200 random valid profiles)."""
from __future__ import annotations

from app.bench.recommend_latency import measure
from knowledge.loader import KnowledgeBase


def test_p95_under_target(kb: KnowledgeBase) -> None:
    result = measure(kb, n=200, seed=1)
    assert result["n"] == 200
    assert result["p95_ms"] < 50, result
