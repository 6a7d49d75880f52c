"""The recommend benchmark runs and reports its figures (speed is shown by ``lob-kompas bench``, not asserted here)."""

from __future__ import annotations

from app.bench.recommend_latency import measure
from knowledge.loader import KnowledgeBase


def test_bench_measures_with_a_user_catalogue(kb: KnowledgeBase) -> None:
    result = measure(kb, n=20, seed=1, catalogue=500)
    assert result["n"] == 20 and result["catalogus"] == 500
    for key in ("mediaan_ms", "p95_ms", "max_ms", "cpu_mediaan_ms", "cpu_p95_ms", "eerste_ms"):
        assert result[key] > 0, key
    assert result["max_ms"] >= result["p95_ms"] >= result["mediaan_ms"]
