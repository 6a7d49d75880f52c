"""Small statistics for benchmarks: percentiles and latency summaries in milliseconds."""

from __future__ import annotations

import statistics
from collections.abc import Sequence


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q`` quantile (0..1) by nearest rank on the sorted values; ``values`` must not be empty."""
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(q * (len(ordered) - 1)))))
    return ordered[k]


def latency_summary(ms: Sequence[float], digits: int = 2) -> dict[str, float]:
    """Median, p95 and max of latencies in milliseconds, with their count."""
    if not ms:
        return {"n": 0, "median_ms": float("nan"), "p95_ms": float("nan"), "max_ms": float("nan")}
    return {
        "n": len(ms),
        "median_ms": round(statistics.median(ms), digits),
        "p95_ms": round(percentile(ms, 0.95), digits),
        "max_ms": round(max(ms), digits),
    }
